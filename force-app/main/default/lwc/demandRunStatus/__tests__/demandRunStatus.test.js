import { createElement } from 'lwc';
import DemandRunStatus, { MAX_POLLS, POLL_INTERVAL_MS } from 'c/demandRunStatus';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';

const mockSucceeded = require('./data/runSucceeded.json');
const mockRunning = require('./data/runRunning.json');
const mockNoRun = require('./data/noRun.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

function createStatus() {
    const element = createElement('c-demand-run-status', { is: DemandRunStatus });
    document.body.appendChild(element);
    return element;
}

async function flush() {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

const recomputeButton = (element) => element.shadowRoot.querySelector('lightning-button.recompute');

describe('c-demand-run-status', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('says when no run exists yet and allows a recompute', async () => {
        const element = createStatus();
        graphql.emit(mockNoRun);
        await flush();
        expect(element.shadowRoot.querySelector('.no-run')).not.toBeNull();
        expect(recomputeButton(element).disabled).toBe(false);
    });

    it('shows the last finished run with its counts', async () => {
        const element = createStatus();
        graphql.emit(mockSucceeded);
        await flush();
        expect(element.shadowRoot.querySelector('.status').textContent).toBe('Succeeded');
        expect(element.shadowRoot.querySelector('.counts')).not.toBeNull();
        expect(element.shadowRoot.querySelector('lightning-progress-bar')).toBeNull();
        expect(element.shadowRoot.querySelector('.run-errors')).toBeNull();
        expect(recomputeButton(element).disabled).toBe(false);
    });

    it('points to the run log when the run had errors', async () => {
        const element = createStatus();
        const partial = JSON.parse(JSON.stringify(mockSucceeded));
        const node = partial.uiapi.query.Demand_Run__c.edges[0].node;
        node.Status__c = { value: 'Partially Succeeded', displayValue: 'Partially Succeeded' };
        node.Error_Count__c = { value: 3 };
        graphql.emit(partial);
        await flush();
        const link = element.shadowRoot.querySelector('a.run-errors');
        expect(link.getAttribute('href')).toBe('/lightning/r/Demand_Run__c/a0X000000000001AAA/view');
        expect(element.shadowRoot.querySelector('.status').textContent).toBe('Partially Succeeded');
    });

    it('creates a Requested full run on Recompute now, toasts and re-reads', async () => {
        const element = createStatus();
        const refresh = jest.fn().mockResolvedValue();
        graphql.emit(mockSucceeded, undefined, refresh);
        await flush();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        recomputeButton(element).click();
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(1);
        expect(createRecord).toHaveBeenCalledWith({ apiName: 'Demand_Run__c', fields: { Status__c: 'Requested', Mode__c: 'Full' } });
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail.variant).toBe('success');
        expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('toasts the reason when the run cannot be created', async () => {
        createRecord.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' }, status: 403 });
        const element = createStatus();
        graphql.emit(mockSucceeded);
        await flush();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        recomputeButton(element).click();
        await flush();
        expect(toast.mock.calls[0][0].detail).toMatchObject({ variant: 'error', message: 'insufficient access rights on object id' });
        expect(recomputeButton(element).disabled).toBe(false);
    });

    it('disables Recompute and polls while a run is in progress, then reports the finish', async () => {
        jest.useFakeTimers();
        const element = createStatus();
        const refresh = jest.fn().mockResolvedValue();
        graphql.emit(mockRunning, undefined, refresh);
        await flush();
        expect(recomputeButton(element).disabled).toBe(true);
        expect(element.shadowRoot.querySelector('lightning-progress-bar').value).toBe(40);
        expect(element.shadowRoot.querySelector('.progress-text').textContent).toBe('c.Demand_Run_Progress: 40%');
        expect(element.shadowRoot.querySelector('.phase').textContent).toBe('(Scoring)');

        jest.advanceTimersByTime(POLL_INTERVAL_MS - 1);
        expect(refresh).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        expect(refresh).toHaveBeenCalledTimes(1);

        const finished = jest.fn();
        element.addEventListener('runfinished', finished);
        graphql.emit(mockSucceeded, undefined, refresh);
        await flush();
        expect(finished).toHaveBeenCalledTimes(1);
        expect(recomputeButton(element).disabled).toBe(false);
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 10);
        expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('stops polling after a bounded number of polls and offers a manual refresh', async () => {
        jest.useFakeTimers();
        const element = createStatus();
        const refresh = jest.fn(() => {
            graphql.emit(mockRunning, undefined, refresh);
            return Promise.resolve();
        });
        graphql.emit(mockRunning, undefined, refresh);
        await flush();
        for (let i = 0; i < MAX_POLLS + 5; i++) {
            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
        expect(refresh).toHaveBeenCalledTimes(MAX_POLLS);
        const manual = element.shadowRoot.querySelector('lightning-button.refresh');
        expect(manual).not.toBeNull();
        manual.click();
        expect(refresh).toHaveBeenCalledTimes(MAX_POLLS + 1);
    });

    it('stops polling when removed from the page', async () => {
        jest.useFakeTimers();
        const element = createStatus();
        const refresh = jest.fn().mockResolvedValue();
        graphql.emit(mockRunning, undefined, refresh);
        await flush();
        document.body.removeChild(element);
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
        expect(refresh).not.toHaveBeenCalled();
    });

    it('shows the error panel when the run cannot be read', async () => {
        const element = createStatus();
        graphql.emitErrors(mockErrors);
        await flush();
        expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual(mockErrors);
    });

    it('is accessible', async () => {
        const element = createStatus();
        graphql.emit(mockRunning);
        await flush();
        await expect(element).toBeAccessible();
    });
});
