import { createElement } from 'lwc';
import DemandExplanation from 'c/demandExplanation';
import { graphql } from 'lightning/graphql';

// English words for the explanation, as the custom labels hold them.
jest.mock('@salesforce/label/c.Demand_Word_Accounts', () => ({ default: 'accounts' }), { virtual: true });
jest.mock('@salesforce/label/c.Demand_Word_Strongest', () => ({ default: 'strongest' }), { virtual: true });
jest.mock('@salesforce/label/c.Demand_Word_Side', () => ({ default: 'side' }), { virtual: true });
jest.mock('@salesforce/label/c.Demand_Word_Deal_Blocker', () => ({ default: 'deal blocker' }), { virtual: true });

const mockBreakdown = require('./data/breakdown.json');
const mockMalformed = require('./data/breakdownMalformed.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

function createExplanation() {
    const element = createElement('c-demand-explanation', { is: DemandExplanation });
    element.scoreId = 'a0D01';
    element.themeName = 'SSO with SAML';
    document.body.appendChild(element);
    return element;
}

const flush = () => Promise.resolve();

describe('c-demand-explanation', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('queries the breakdown of its score through a variable', async () => {
        createExplanation();
        await flush();
        expect(graphql.getLastConfig().variables).toEqual({ scoreId: 'a0D01' });
    });

    it('explains the score in plain words, strongest account first', async () => {
        const element = createExplanation();
        graphql.emit(mockBreakdown);
        await flush();
        expect(element.shadowRoot.querySelector('p.summary').textContent).toBe('3 accounts; strongest: Acme — Critical × Decision side × deal blocker');
        const items = [...element.shadowRoot.querySelectorAll('ol.contributions li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
        expect(items).toEqual([
            'Acme: c.Demand_Explain_Voice 3 (Critical × Decision side × deal blocker)',
            'Globex: c.Demand_Explain_Voice 1.2 (Medium × Influence side)',
            'Initech: c.Demand_Explain_Voice 0.5 (Low × Use side)'
        ]);
    });

    it('says the breakdown is unreadable when its JSON is malformed', async () => {
        const element = createExplanation();
        graphql.emit(mockMalformed);
        await flush();
        expect(element.shadowRoot.querySelector('p.summary')).toBeNull();
        expect(element.shadowRoot.querySelector('p.unreadable').textContent).toBe('c.Demand_Explain_Unreadable');
    });

    it('shows the error panel when the query fails', async () => {
        const element = createExplanation();
        graphql.emitErrors(mockErrors);
        await flush();
        expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual(mockErrors);
    });

    it('is accessible', async () => {
        const element = createExplanation();
        graphql.emit(mockBreakdown);
        await flush();
        await expect(element).toBeAccessible();
    });
});
