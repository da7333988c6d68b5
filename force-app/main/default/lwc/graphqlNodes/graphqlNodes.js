/**
 * The one reader of the UI API GraphQL record shape for every Quorum component.
 *
 * A GraphQL node wraps each field as `{ value, displayValue }`, parents as nested nodes and
 * child relationships and query results as connections (`{ edges: [{ node }] }`). Components
 * read values through these helpers instead of each keeping its own unwrap.
 */

/**
 * The raw value of a `{ value }` field; plain values pass through, missing fields give null.
 * @param {*} field
 * @returns {*}
 */
export function valueOf(field) {
  if (field === null || field === undefined) {
    return null;
  }
  return typeof field === 'object' && 'value' in field ? field.value : field;
}

/**
 * What a person reads for a field: its displayValue (picklist label, formatted value), else
 * its value.
 * @param {*} field
 * @returns {*}
 */
export function displayOf(field) {
  if (field && typeof field === 'object' && field.displayValue) {
    return field.displayValue;
  }
  return valueOf(field);
}

/**
 * The Name of a parent node (`Theme__r { Name { value } }`), or null.
 * @param {Object} parent
 * @returns {string|null}
 */
export function nameOf(parent) {
  return parent && parent.Name ? valueOf(parent.Name) : null;
}

/**
 * The nodes of a connection (a query result or a child relationship); [] when missing.
 * @param {{edges?: Array<{node: Object}>}} connection
 * @returns {Object[]}
 */
export function nodesOf(connection) {
  return connection && Array.isArray(connection.edges)
    ? connection.edges.map((edge) => edge.node)
    : [];
}

/**
 * The nodes of one object's query in a `uiapi { query { Obj { … } } }` result.
 * @param {Object} data the wire's data
 * @param {string} objectApiName
 * @returns {Object[]}
 */
export function queryNodes(data, objectApiName) {
  const query = data && data.uiapi && data.uiapi.query;
  return nodesOf(query ? query[objectApiName] : undefined);
}

/**
 * Reads several fields of a node by their `@salesforce/schema` imports.
 * @param {Object} node
 * @param {Object<string, {fieldApiName: string}>} fields name → schema field
 * @returns {Object<string, *>} name → value
 */
export function valuesOf(node, fields) {
  const result = {};
  Object.entries(fields).forEach(([name, field]) => {
    result[name] = valueOf(node ? node[field.fieldApiName] : undefined);
  });
  return result;
}
