import { createElement } from 'lwc';
import DemandRunStatus, { CHANGE_CHANNEL } from 'c/demandRunStatus';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';

jest.mock(
  '@salesforce/label/c.Quorum_Demand_RunCounts',
  () => ({ default: '{0} records read, {1} scores written, {2} deleted, {3} API calls' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.Quorum_Demand_RunProgressPercent',
  () => ({ default: 'Run progress: {0}%' }),
  { virtual: true },
);
jest.mock('lightning/empApi', () => ({
  subscribe: jest.fn(),
  unsubscribe: jest.fn(),
  onError: jest.fn(),
  setDebugFlag: jest.fn(),
  isEmpEnabled: jest.fn(),
}));

const mockSucceeded = require('./data/runSucceeded.json');
const mockRunning = require('./data/runRunning.json');
const mockNoRun = require('./data/noRun.json');
const mockErrors = require('../../demandReport/__tests__/data/graphqlErrors.json');

const RUN_ID = 'a0X000000000001AAA';

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

/** A Demand_Run__c change event as empApi delivers it. */
function changeEvent(changeType, recordIds) {
  return {
    channel: CHANGE_CHANNEL,
    data: {
      schema: 'schema-id',
      payload: {
        ChangeEventHeader: {
          entityName: 'Demand_Run__c',
          changeType,
          recordIds,
          commitUser: '005000000000001AAA',
        },
        Phase__c: 'Writing',
      },
      event: { replayId: 42 },
    },
  };
}

/** The callback the component gave to subscribe(). */
const eventCallback = () => subscribe.mock.calls[subscribe.mock.calls.length - 1][2];

const recomputeButton = (element) => element.shadowRoot.querySelector('lightning-button.recompute');

describe('c-demand-run-status', () => {
  let setTimeoutSpy;
  let setIntervalSpy;

  beforeEach(() => {
    isEmpEnabled.mockResolvedValue(true);
    subscribe.mockImplementation((channel) => Promise.resolve({ id: 'sub-1', channel }));
    unsubscribe.mockResolvedValue(true);
    onError.mockResolvedValue(undefined);
    // The component must not poll: any timer it starts shows up here.
    setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    setIntervalSpy = jest.spyOn(global, 'setInterval');
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    setTimeoutSpy.mockRestore();
    setIntervalSpy.mockRestore();
    jest.clearAllMocks();
  });

  it('says nothing about runs while the run is still being read', () => {
    const element = createStatus();
    expect(element.shadowRoot.querySelector('.no-run')).toBeNull();
    expect(element.shadowRoot.querySelector('.status')).toBeNull();
    expect(recomputeButton(element).disabled).toBe(true);
  });

  it('writes run counts with thousands separators', async () => {
    const element = createStatus();
    const big = JSON.parse(JSON.stringify(mockSucceeded));
    big.uiapi.query.Demand_Run__c.edges[0].node.Records_Read__c = { value: 1000000 };
    graphql.emit(big);
    await flush();
    expect(element.shadowRoot.querySelector('.counts').textContent).toContain('1,000,000');
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
    // The service's last phase ("Done") would only repeat the status, untranslated.
    expect(element.shadowRoot.querySelector('.phase')).toBeNull();
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
    await flush();
    const link = element.shadowRoot.querySelector('a.run-errors');
    // The URL comes from NavigationMixin.GenerateUrl (the jest stub answers example.com), and a
    // click navigates to the run's record page, never to a hand-built /lightning/r/ path.
    expect(link.getAttribute('href')).toBe('https://www.example.com');
    const navigate = jest.fn();
    link.addEventListener('click', navigate);
    link.click();
    expect(navigate.mock.calls[0][0].defaultPrevented).toBe(true);
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
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Demand_Run__c',
      fields: { Status__c: 'Requested', Mode__c: 'Full' },
    });
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('toasts the reason when the run cannot be created', async () => {
    createRecord.mockRejectedValueOnce({
      body: { message: 'insufficient access rights on object id' },
      status: 403,
    });
    const element = createStatus();
    graphql.emit(mockSucceeded);
    await flush();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    recomputeButton(element).click();
    await flush();
    expect(toast.mock.calls[0][0].detail).toMatchObject({
      variant: 'error',
      message: 'insufficient access rights on object id',
    });
    expect(recomputeButton(element).disabled).toBe(false);
  });

  it('disables Recompute while a run is in progress and subscribes to its change events', async () => {
    const element = createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    expect(recomputeButton(element).disabled).toBe(true);
    expect(element.shadowRoot.querySelector('lightning-progress-bar').value).toBe(40);
    expect(element.shadowRoot.querySelector('.progress-text').textContent).toBe(
      'Run progress: 40%',
    );
    expect(element.shadowRoot.querySelector('.phase').textContent).toBe('(Scoring)');
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledWith(
      '/data/Demand_Run__ChangeEvent',
      -1,
      expect.any(Function),
    );
    expect(onError).toHaveBeenCalledTimes(1);
    // One read right after subscribing, for a change made before the subscription.
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).toBeNull();
  });

  it('does not subscribe while no run is in progress', async () => {
    createStatus();
    graphql.emit(mockSucceeded);
    await flush();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('re-reads the run on a change event for it, then reports the finish and unsubscribes', async () => {
    const element = createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    refresh.mockClear();

    eventCallback()(changeEvent('UPDATE', [RUN_ID]));
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);

    const finished = jest.fn();
    element.addEventListener('runfinished', finished);
    graphql.emit(mockSucceeded, undefined, refresh);
    await flush();
    expect(finished).toHaveBeenCalledTimes(1);
    expect(finished.mock.calls[0][0].detail).toEqual({ runId: RUN_ID });
    expect(recomputeButton(element).disabled).toBe(false);
    // No run in progress any more: stop listening.
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribe.mock.calls[0][0]).toEqual({ id: 'sub-1', channel: CHANGE_CHANNEL });
  });

  it('re-reads on a new run and on lost events, but not on changes to other runs', async () => {
    createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    refresh.mockClear();

    eventCallback()(changeEvent('UPDATE', ['a0X000000000099AAA']));
    eventCallback()({ data: {} });
    await flush();
    expect(refresh).not.toHaveBeenCalled();

    eventCallback()(changeEvent('CREATE', ['a0X000000000002AAA']));
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);

    eventCallback()(changeEvent('GAP_OVERFLOW', []));
    await flush();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('collapses a burst of change events into one more read', async () => {
    createStatus();
    let finishRead;
    const refresh = jest.fn(
      () =>
        new Promise((resolve) => {
          finishRead = resolve;
        }),
    );
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    finishRead();
    await flush();
    refresh.mockClear();

    for (let i = 0; i < 5; i++) {
      eventCallback()(changeEvent('UPDATE', [RUN_ID]));
    }
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    finishRead();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(2);
    finishRead();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('subscribes after Recompute now creates a Requested run', async () => {
    const element = createStatus();
    const requested = JSON.parse(JSON.stringify(mockRunning));
    const node = requested.uiapi.query.Demand_Run__c.edges[0].node;
    node.Id = 'a0X000000000002AAA';
    node.Status__c = { value: 'Requested', displayValue: 'Requested' };
    node.Progress__c = { value: 0 };
    node.Phase__c = { value: null };
    const refresh = jest.fn(() => {
      graphql.emit(requested, undefined, refresh);
      return Promise.resolve();
    });
    graphql.emit(mockSucceeded, undefined, refresh);
    await flush();
    expect(subscribe).not.toHaveBeenCalled();
    recomputeButton(element).click();
    await flush();
    await flush();
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot.querySelector('.status').textContent).toBe('Requested');
    expect(recomputeButton(element).disabled).toBe(true);
  });

  it('unsubscribes when removed from the page', async () => {
    const element = createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    document.body.removeChild(element);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribe.mock.calls[0][0]).toEqual({ id: 'sub-1', channel: CHANGE_CHANNEL });
  });

  it('unsubscribes when removed from the page while still subscribing', async () => {
    let finishSubscribe;
    subscribe.mockImplementation(
      () =>
        new Promise((resolve) => {
          finishSubscribe = resolve;
        }),
    );
    const element = createStatus();
    graphql.emit(mockRunning, undefined, jest.fn().mockResolvedValue());
    await flush();
    expect(subscribe).toHaveBeenCalledTimes(1);
    document.body.removeChild(element);
    expect(unsubscribe).not.toHaveBeenCalled();
    finishSubscribe({ id: 'sub-late' });
    await flush();
    expect(unsubscribe).toHaveBeenCalledWith({ id: 'sub-late' });
  });

  it('offers a manual refresh, and no timer, when the streaming API is not enabled', async () => {
    isEmpEnabled.mockResolvedValue(false);
    const element = createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    expect(subscribe).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('.live-off').textContent).toBe(
      'c.Quorum_Demand_RunLiveUpdatesOff',
    );
    const manual = element.shadowRoot.querySelector('lightning-button.refresh');
    expect(manual).not.toBeNull();
    manual.click();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).not.toHaveBeenCalled();
  });

  it('falls back to a manual refresh when the streaming API reports an error', async () => {
    const element = createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).toBeNull();
    const errorHandler = onError.mock.calls[0][0];
    errorHandler({ error: '403::Unknown client', successful: false });
    await flush();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot.querySelector('.live-off')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).not.toBeNull();
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });

  it('falls back to a manual refresh when subscribing fails', async () => {
    subscribe.mockRejectedValue(new Error('handshake denied'));
    const element = createStatus();
    graphql.emit(mockRunning, undefined, jest.fn().mockResolvedValue());
    await flush();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).not.toBeNull();
  });

  it('hides the fallback once the run has finished', async () => {
    isEmpEnabled.mockResolvedValue(false);
    const element = createStatus();
    graphql.emit(mockRunning);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).not.toBeNull();
    graphql.emit(mockSucceeded);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).toBeNull();
  });

  it('uses no timer while a run is in progress', async () => {
    createStatus();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(mockRunning, undefined, refresh);
    await flush();
    eventCallback()(changeEvent('UPDATE', [RUN_ID]));
    await flush();
    graphql.emit(mockSucceeded, undefined, refresh);
    await flush();
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).not.toHaveBeenCalled();
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
    // sa11y refuses to run while setTimeout is replaced (it takes a spy for fake timers).
    setTimeoutSpy.mockRestore();
    await expect(element).toBeAccessible();
  });

  it('is accessible with the manual refresh fallback', async () => {
    isEmpEnabled.mockResolvedValue(false);
    const element = createStatus();
    graphql.emit(mockRunning);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-button.refresh')).not.toBeNull();
    setTimeoutSpy.mockRestore();
    await expect(element).toBeAccessible();
  });
});
