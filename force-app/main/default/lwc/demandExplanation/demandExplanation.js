import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { explainBreakdown, describeFactors, nodesOf, parseBreakdown, formatScore, val } from 'c/demandModel';
import TITLE from '@salesforce/label/c.Demand_Explain_Title';
import LOADING from '@salesforce/label/c.Demand_Loading';
import LOAD_ERROR from '@salesforce/label/c.Demand_Load_Error';
import UNREADABLE from '@salesforce/label/c.Demand_Explain_Unreadable';
import WORD_ACCOUNTS from '@salesforce/label/c.Demand_Word_Accounts';
import WORD_STRONGEST from '@salesforce/label/c.Demand_Word_Strongest';
import WORD_SIDE from '@salesforce/label/c.Demand_Word_Side';
import WORD_DEAL_BLOCKER from '@salesforce/label/c.Demand_Word_Deal_Blocker';
import VOICE from '@salesforce/label/c.Demand_Explain_Voice';

const WORDS = { accounts: WORD_ACCOUNTS, strongest: WORD_STRONGEST, side: WORD_SIDE, dealBlocker: WORD_DEAL_BLOCKER };

/**
 * Explains one score in plain words from its Breakdown__c (the service's JSON of every factor
 * of every contributing account): how many accounts, which one is strongest and why, then each
 * account's voice. A breakdown the component can't read gets a friendly sentence, not a crash.
 */
export default class DemandExplanation extends LightningElement {
    /** Id of the Segment_Demand_Score__c to explain. */
    @api scoreId;
    @api themeName;

    labels = { TITLE, LOADING, LOAD_ERROR, UNREADABLE, VOICE };
    breakdownJson;
    errors;
    loaded = false;

    get variables() {
        return this.scoreId ? { scoreId: this.scoreId } : undefined;
    }

    @wire(graphql, {
        query: gql`
            query demandExplanation($scoreId: ID) {
                uiapi {
                    query {
                        Segment_Demand_Score__c(where: { Id: { eq: $scoreId } }, first: 1) {
                            edges {
                                node {
                                    Id
                                    Breakdown__c {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$variables'
    })
    wiredBreakdown({ data, errors }) {
        if (errors) {
            this.errors = errors;
            this.loaded = true;
        } else if (data) {
            this.errors = undefined;
            const [node] = nodesOf(data.uiapi.query.Segment_Demand_Score__c);
            this.breakdownJson = node ? val(node.Breakdown__c) : null;
            this.loaded = true;
        }
    }

    get heading() {
        return this.themeName ? `${TITLE}: ${this.themeName}` : TITLE;
    }

    get isLoading() {
        return !this.loaded;
    }

    get breakdown() {
        return parseBreakdown(this.breakdownJson);
    }

    get isReadable() {
        return this.breakdown.ok;
    }

    get summary() {
        return explainBreakdown(this.breakdown, WORDS);
    }

    get contributions() {
        return this.breakdown.accounts.map((account, index) => ({
            key: `${index}:${account.name}`,
            name: account.name,
            voice: formatScore(account.voice),
            factors: describeFactors(account, WORDS)
        }));
    }
}
