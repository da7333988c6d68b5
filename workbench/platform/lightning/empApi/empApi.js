/**
 * Stand-in for `lightning/empApi`. Live mode: change data capture channels
 * (`/data/<Object>ChangeEvent`) arrive from the workbench server, which watches the emulator's
 * records and sends `{ channel, data: { payload: { ChangeEventHeader } } }` messages as an
 * EventSource stream. Fixture mode: streaming is unavailable (`isEmpEnabled()` is false), so
 * components take their documented fallback.
 */
const live = () => (globalThis.__QUORUM_WORKBENCH__ || {}).mode === 'live';
const errorListeners = [];

export const isEmpEnabled = () => Promise.resolve(live() && typeof EventSource === 'function');

export function subscribe(channel, replayId, onMessage) {
  if (!live()) return Promise.reject(new Error('Streaming is not available in fixture mode'));
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/__workbench/events?channel=${encodeURIComponent(channel)}`);
    const subscription = { channel, replayId, source };
    source.onopen = () => resolve(subscription);
    source.onmessage = (event) => onMessage(JSON.parse(event.data));
    source.onerror = (error) => {
      if (source.readyState === EventSource.CLOSED) {
        reject(error);
        errorListeners.forEach((listener) => listener(error));
      }
    };
  });
}

export function unsubscribe(subscription) {
  if (subscription && subscription.source) subscription.source.close();
  return Promise.resolve(true);
}

export function onError(listener) {
  errorListeners.push(listener);
}

export const setDebugFlag = () => Promise.resolve(true);
