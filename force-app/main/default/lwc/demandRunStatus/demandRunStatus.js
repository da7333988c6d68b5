import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import { failureToast, formatLabel } from 'c/ldsUtils';
import { nodesOf, valueOf as val } from 'c/graphqlNodes';
import { formatCount } from 'c/quorumFormat';
import { takeAnswer } from 'c/wireAnswer';
import DEMAND_RUN_OBJECT from '@salesforce/schema/Demand_Run__c';
import STATUS_FIELD from '@salesforce/schema/Demand_Run__c.Status__c';
import MODE_FIELD from '@salesforce/schema/Demand_Run__c.Mode__c';
import RECOMPUTE from '@salesforce/label/c.Quorum_Demand_Recompute';
import RECOMPUTE_REQUESTED from '@salesforce/label/c.Quorum_Demand_RecomputeRequested';
import RECOMPUTE_FAILED from '@salesforce/label/c.Quorum_Demand_RecomputeFailed';
import LAST_RUN from '@salesforce/label/c.Quorum_Demand_LastRun';
import NO_RUN from '@salesforce/label/c.Quorum_Demand_NoRun';
import PROGRESS_PERCENT from '@salesforce/label/c.Quorum_Demand_RunProgressPercent';
import LIVE_UPDATES_OFF from '@salesforce/label/c.Quorum_Demand_RunLiveUpdatesOff';
import REFRESH from '@salesforce/label/c.Quorum_Demand_Refresh';
import RUN_ERROR from '@salesforce/label/c.Quorum_Demand_RunError';
import RUN_COUNTS from '@salesforce/label/c.Quorum_Demand_RunCounts';
import RUN_ERRORS from '@salesforce/label/c.Quorum_Demand_RunErrors';

/** Statuses during which the service has not finished the run yet. */
const IN_PROGRESS = ['Requested', 'Running'];
/** Change Data Capture channel of Demand_Run__c (selected in platformEventChannelMembers). */
export const CHANGE_CHANNEL = '/data/Demand_Run__ChangeEvent';
/** Replay option: only events published after the subscription. */
const NEW_EVENTS_ONLY = -1;

/** Record Ids compared on their case-sensitive 15-character form (events carry 18). */
const sameId = (a, b) =>
  typeof a === 'string' && typeof b === 'string' && a.slice(0, 15) === b.slice(0, 15);

/**
 * The latest Demand_Run__c and the "Recompute now" command. A component can't call the
 * service, so it asks for a run by creating a Demand_Run__c with Status Requested; the service
 * claims it. While a run is Requested or Running the component listens to Demand_Run__c change
 * events (Change Data Capture through lightning/empApi), re-reads the run on each change, and
 * tells the report (runfinished) when it ends, so the report reads the new scores. Without the
 * streaming API (not enabled, or an error) it says so and offers a manual refresh: no timers.
 */
export default class DemandRunStatus extends NavigationMixin(LightningElement) {
  labels = { RECOMPUTE, LAST_RUN, NO_RUN, LIVE_UPDATES_OFF, REFRESH, RUN_ERROR };
  run;
  /** The run record's URL, from NavigationMixin (never built by hand). */
  runUrl;
  errors;
  loaded = false;
  creating = false;
  refreshRun;
  /** Live updates are unavailable (empApi disabled, subscribe failed or a streaming error). */
  liveUpdatesOff = false;
  connected = false;
  subscription;
  subscribing = false;
  errorHandlerRegistered = false;
  refreshing = false;
  refreshAgain = false;

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
    `,
  })
  wiredRun(result) {
    this.refreshRun = result.refresh;
    const wasInProgress = this.inProgress;
    const answer = takeAnswer(this, result, (data) => {
      const [node] = nodesOf(data.uiapi.query.Demand_Run__c);
      this.run = node ? this.toRun(node) : undefined;
    });
    if (answer !== 'data') {
      return;
    }
    this.generateRunUrl();
    this.syncLiveUpdates();
    if (wasInProgress && !this.inProgress) {
      this.dispatchEvent(
        new CustomEvent('runfinished', { detail: { runId: this.run && this.run.id } }),
      );
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
        formatCount(val(node.Records_Read__c) ?? 0),
        formatCount(val(node.Scores_Written__c) ?? 0),
        formatCount(val(node.Scores_Deleted__c) ?? 0),
        formatCount(val(node.Api_Calls__c) ?? 0),
      ),
      errorCount: val(node.Error_Count__c) || 0,
    };
  }

  connectedCallback() {
    this.connected = true;
    this.syncLiveUpdates();
  }

  disconnectedCallback() {
    this.connected = false;
    this.stopLiveUpdates();
  }

  get inProgress() {
    return Boolean(this.run) && IN_PROGRESS.includes(this.run.status);
  }

  /**
   * The service's phase while the run is in progress ("Scoring"); once it ended the status says
   * it all, and the last phase ("Done", "Stopped") would only repeat it in the service's English.
   */
  get phase() {
    return this.inProgress ? this.run.phase : null;
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
    return this.run ? formatLabel(PROGRESS_PERCENT, Math.round(this.run.progress)) : '';
  }

  /** "No run yet" only once the read has answered that there is none. */
  get showNoRun() {
    return this.loaded && !this.run;
  }

  get hasRunErrors() {
    return Boolean(this.run) && this.run.errorCount > 0;
  }

  /** "3 errors: see the run's log" linking to the run record, where Log__c holds the details. */
  get runErrorsText() {
    return this.hasRunErrors ? formatLabel(RUN_ERRORS, formatCount(this.run.errorCount)) : '';
  }

  get runPageReference() {
    return this.run
      ? {
          type: 'standard__recordPage',
          attributes: { recordId: this.run.id, actionName: 'view' },
        }
      : undefined;
  }

  generateRunUrl() {
    const pageReference = this.runPageReference;
    if (!pageReference || !this.hasRunErrors) {
      this.runUrl = undefined;
      return;
    }
    Promise.resolve(this[NavigationMixin.GenerateUrl](pageReference))
      .then((url) => {
        this.runUrl = url;
      })
      .catch(() => undefined);
  }

  /** Opens the run record (its Log__c holds the details) the platform's way. */
  handleOpenRun(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.runPageReference);
  }

  /** A run is in progress but nothing will tell us when it changes: offer a manual refresh. */
  get showManualRefresh() {
    return this.inProgress && this.liveUpdatesOff;
  }

  async handleRecompute() {
    this.creating = true;
    try {
      const fields = {
        [STATUS_FIELD.fieldApiName]: 'Requested',
        [MODE_FIELD.fieldApiName]: 'Full',
      };
      await createRecord({ apiName: DEMAND_RUN_OBJECT.objectApiName, fields });
      this.dispatchEvent(new ShowToastEvent({ title: RECOMPUTE_REQUESTED, variant: 'success' }));
      await this.refresh();
    } catch (error) {
      this.dispatchEvent(failureToast(RECOMPUTE_FAILED, error));
    } finally {
      this.creating = false;
    }
  }

  handleManualRefresh() {
    return this.refresh();
  }

  /**
   * Re-read the run through the GraphQL wire. Change events come in bursts (phase and progress
   * updates): while a read is under way, further requests collapse into one more read.
   */
  refresh() {
    if (!this.refreshRun) {
      return Promise.resolve();
    }
    if (this.refreshing) {
      this.refreshAgain = true;
      return Promise.resolve();
    }
    this.refreshing = true;
    this.refreshAgain = false;
    return Promise.resolve(this.refreshRun())
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = false;
        if (this.refreshAgain && this.connected) {
          this.refresh();
        }
      });
  }

  /** Listen while connected and a run is in progress; stop listening otherwise. */
  syncLiveUpdates() {
    const wanted = this.connected && this.inProgress && !this.liveUpdatesOff;
    if (wanted && !this.subscription && !this.subscribing) {
      this.startLiveUpdates();
    } else if (!wanted && this.subscription) {
      this.stopLiveUpdates();
    }
  }

  async startLiveUpdates() {
    this.subscribing = true;
    try {
      const enabled = await isEmpEnabled();
      if (!enabled) {
        this.liveUpdatesOff = true;
        return;
      }
      this.registerErrorHandler();
      const subscription = await subscribe(CHANGE_CHANNEL, NEW_EVENTS_ONLY, (message) =>
        this.handleChangeEvent(message),
      );
      if (!subscription) {
        this.liveUpdatesOff = true;
        return;
      }
      this.subscription = subscription;
      // A change made between the last read and the subscription sends no event: read once more.
      this.refresh();
    } catch {
      this.liveUpdatesOff = true;
    } finally {
      this.subscribing = false;
      // The run may have ended, or the component left the page, while subscribing.
      this.syncLiveUpdates();
    }
  }

  stopLiveUpdates() {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) {
      Promise.resolve(unsubscribe(subscription)).catch(() => undefined);
    }
  }

  /** onError adds a listener to the shared streaming connection, so register it once. */
  registerErrorHandler() {
    if (this.errorHandlerRegistered) {
      return;
    }
    this.errorHandlerRegistered = true;
    onError(() => {
      if (!this.connected) {
        return;
      }
      this.liveUpdatesOff = true;
      this.stopLiveUpdates();
    });
  }

  /** A change to the run shown, a new run, or lost events (gap overflow): re-read. */
  handleChangeEvent(message) {
    const payload = message && message.data && message.data.payload;
    const header = payload && payload.ChangeEventHeader;
    if (!header) {
      return;
    }
    const changeType = header.changeType || '';
    const recordIds = Array.isArray(header.recordIds) ? header.recordIds : [];
    const shown = Boolean(this.run) && recordIds.some((id) => sameId(id, this.run.id));
    const newRun = changeType === 'CREATE' || changeType === 'GAP_CREATE';
    if (shown || newRun || changeType === 'GAP_OVERFLOW') {
      this.refresh();
    }
  }
}
