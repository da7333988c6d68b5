/**
 * Shared error handling for every Quorum component.
 *
 * Errors reach a component in many shapes: LDS wire errors and UI API write errors
 * (`{ status, body }`), the `errors` array of a GraphQL wire result or mutation, plain fetch
 * errors, thrown JavaScript errors and bare strings. Components never inspect those shapes
 * themselves: they call these helpers.
 */
import { ShowToastEvent } from 'lightning/platformShowToastEvent';

/**
 * Messages of a list of `{ message }` entries (page errors, GraphQL errors, UI API output errors).
 * @param {Array<{message?: string}>} entries
 * @returns {string[]}
 */
function messagesOf(entries) {
  return Array.isArray(entries) ? entries.map((entry) => entry && entry.message) : [];
}

/**
 * Messages of a UI API `fieldErrors` map (`{ Field__c: [{ message }] }`).
 * @param {Object<string, Array<{message: string}>>} fieldErrors
 * @returns {string[]}
 */
function fieldMessagesOf(fieldErrors) {
  if (!fieldErrors || typeof fieldErrors !== 'object') {
    return [];
  }
  return Object.values(fieldErrors).flatMap((list) => messagesOf(list));
}

/**
 * Every message carried by one error, most specific first.
 * @param {*} error
 * @returns {string[]}
 */
function messagesOfOne(error) {
  if (typeof error === 'string') {
    return [error];
  }
  const body = error.body;
  // UI API read errors and REST-style error arrays: body is [{ message, errorCode }]
  if (Array.isArray(body)) {
    return messagesOf(body);
  }
  if (body && typeof body === 'object') {
    const output = body.output || {};
    // Record-level and field-level errors of a UI API write, plus older pageErrors/fieldErrors
    const detailed = [
      ...messagesOf(output.errors),
      ...fieldMessagesOf(output.fieldErrors),
      ...messagesOf(body.pageErrors),
      ...fieldMessagesOf(body.fieldErrors),
    ];
    if (detailed.some(Boolean)) {
      return detailed;
    }
    if (typeof body.message === 'string') {
      return [body.message];
    }
  }
  // A GraphQL result carrying its own errors array ({ errors: [{ message }] })
  if (Array.isArray(error.errors)) {
    return messagesOf(error.errors);
  }
  // GraphQL error entries, fetch errors and JavaScript errors all have a message string
  if (typeof error.message === 'string') {
    return [error.message];
  }
  // Unknown shape: the HTTP status text is better than nothing
  return [error.statusText];
}

/**
 * Reduces one or more errors of any shape to a list of readable, distinct messages.
 * @param {*} errors a single error or an array of errors (null entries are ignored)
 * @returns {string[]}
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list
    .filter((error) => error !== null && error !== undefined)
    .flatMap((error) => messagesOfOne(error))
    .filter((message) => typeof message === 'string' && message.trim() !== '');
  return [...new Set(messages)];
}

/**
 * What a person reads of a failure: its distinct messages on one line.
 * @param {*} errors a single error or an array of errors
 * @returns {string}
 */
export function errorMessage(errors) {
  return reduceErrors(errors).join(', ');
}

/**
 * The toast of a write that failed: the action's title and what the org said.
 * @param {string} title e.g. "Could not save the segment"
 * @param {*} error what the write threw
 * @returns {ShowToastEvent}
 */
export function failureToast(title, error) {
  return new ShowToastEvent({ title, message: errorMessage(error), variant: 'error' });
}

/**
 * Field-level errors of a UI API write, keyed by field API name, so a form can show each
 * message on its own input. Field names are read from the fieldErrors map and from
 * `fields` lists of record-level errors (as the REST API reports them).
 * @param {*} error
 * @returns {Object<string, string>} field API name → message
 */
export function fieldErrorsOf(error) {
  const result = {};
  if (!error || !error.body || typeof error.body !== 'object') {
    return result;
  }
  const body = error.body;
  const maps = [body.output && body.output.fieldErrors, body.fieldErrors];
  maps.forEach((map) => {
    if (map && typeof map === 'object') {
      Object.entries(map).forEach(([field, list]) => {
        const messages = messagesOf(list).filter(Boolean);
        if (messages.length && !result[field]) {
          result[field] = messages.join(' ');
        }
      });
    }
  });
  const records = [...messagesEntries(body.output && body.output.errors), ...messagesEntries(body)];
  records.forEach((entry) => {
    (entry.fields || []).forEach((field) => {
      if (!result[field] && entry.message) {
        result[field] = entry.message;
      }
    });
  });
  return result;
}

function messagesEntries(list) {
  return Array.isArray(list) ? list.filter((entry) => entry && typeof entry === 'object') : [];
}

/**
 * The error codes (e.g. DUPLICATE_VALUE) carried by an error, wherever the API put them.
 * @param {*} error
 * @returns {string[]}
 */
export function errorCodesOf(error) {
  if (!error || typeof error !== 'object') {
    return [];
  }
  const body = error.body;
  const entries = [];
  if (Array.isArray(body)) {
    entries.push(...body);
  } else if (body && typeof body === 'object') {
    entries.push(body);
    const output = body.output || {};
    entries.push(...messagesEntries(output.errors), ...messagesEntries(body.pageErrors));
    [output.fieldErrors, body.fieldErrors].forEach((map) => {
      if (map && typeof map === 'object') {
        Object.values(map).forEach((list) => entries.push(...messagesEntries(list)));
      }
    });
  }
  if (Array.isArray(error.errors)) {
    entries.push(...messagesEntries(error.errors).map((e) => e.extensions || e));
  }
  const codes = entries
    .flatMap((entry) => [entry.errorCode, entry.statusCode])
    .filter((code) => typeof code === 'string');
  return [...new Set(codes)];
}

/**
 * Fills `{0}`, `{1}`, ... placeholders of a custom label (labels cannot hold template literals).
 * @param {string} label
 * @param {...*} args
 * @returns {string}
 */
export function formatLabel(label, ...args) {
  return String(label).replace(/\{(\d+)\}/g, (match, index) => {
    const value = args[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/**
 * Combobox options of a wired getPicklistValues result; [] until it has data.
 * @param {{data?: {values: Array<{label: string, value: string}>}}} wired
 * @returns {Array<{label: string, value: string}>}
 */
export function picklistOptions(wired) {
  if (!wired || !wired.data) {
    return [];
  }
  return wired.data.values.map((entry) => ({ label: entry.label, value: entry.value }));
}
