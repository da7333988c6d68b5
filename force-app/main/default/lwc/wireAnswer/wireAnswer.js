/**
 * The one rule for a wire's answer, for every Quorum component that reads through a wire
 * (GraphQL, UI API): what the component shows while loading, on error and with data.
 *
 * - No answer yet (the first provision, or a re-provision that has not answered): nothing
 *   changes, so the component keeps what it shows (its spinner on the first render).
 * - Errors (GraphQL's `errors`, an adapter's `error`): loaded, with the errors for the error
 *   panel; the data is not read, even when a partial answer came with them, so a list is never
 *   shown half-read as if it were whole.
 * - Data: loaded, no errors, and the data read into the component by `read`.
 */

/**
 * Applies a wire's answer to `component`.
 * @param {Object} component the component whose errors and loaded fields are set
 * @param {{data?: *, errors?: *, error?: *}} answer what the wire provided
 * @param {(data: *) => void} read reads the data into the component
 * @param {{errors?: string, loaded?: string}} [fields] the component's field names, when a
 *   component reads several wires (default `errors` and `loaded`)
 * @returns {'none'|'errors'|'data'} what the answer was
 */
export function takeAnswer(component, answer, read, fields = {}) {
  const errorsField = fields.errors || 'errors';
  const loadedField = fields.loaded || 'loaded';
  const { data, errors, error } = answer || {};
  const failure = errors || error;
  if (failure) {
    component[errorsField] = failure;
    component[loadedField] = true;
    return 'errors';
  }
  if (!data) {
    return 'none';
  }
  component[errorsField] = undefined;
  read(data);
  component[loadedField] = true;
  return 'data';
}
