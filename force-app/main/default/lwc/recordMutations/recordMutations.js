/**
 * Several record writes as ONE UI API GraphQL mutation: one request, one transaction
 * (`allOrNone: true`: if any operation fails, none is kept). Used where a person's one action
 * means several records (a segment with its criteria, a new priority order), so a failure
 * never leaves half of it written.
 *
 * The mutation text holds only object API names (from `@salesforce/schema` imports) and
 * operation aliases (op0, op1, …); every value travels in the variables. An operation can
 * point at a record created earlier in the same request with `refTo(alias)` (the platform's
 * `@{alias}` IdOrRef reference):
 *
 *   mutation segmentClone($op0: Segment__cCreateInput!, $op1: Segment_Criterion__cCreateInput!) {
 *     uiapi(input: { allOrNone: true }) {
 *       op0: Segment__cCreate(input: $op0) { Record { Id } }
 *       op1: Segment_Criterion__cCreate(input: $op1) { Record { Id } }
 *     }
 *   }
 *   variables: { op0: { Segment__c: { Name: "…" } },
 *                op1: { Segment_Criterion__c: { Segment__c: "@{op0}", … } } }
 *
 * Updates are `{ Id, <Object>: { fields } }` answering `success`; deletes are `{ Id }` answering
 * `Id` (API v62 shapes).
 */
import { executeMutation, gql } from 'lightning/graphql';

const aliasOf = (index) => `op${index}`;

export const CREATE = 'create';
export const UPDATE = 'update';
export const DELETE = 'delete';

/**
 * A create operation.
 * @param {string} objectApiName
 * @param {Object} fields field API name → value
 */
export const createOp = (objectApiName, fields) => ({ kind: CREATE, objectApiName, fields });

/** An update operation of record `id`. */
export const updateOp = (objectApiName, id, fields) => ({
  kind: UPDATE,
  objectApiName,
  id,
  fields,
});

/** A delete operation of record `id`. */
export const deleteOp = (objectApiName, id) => ({ kind: DELETE, objectApiName, id });

/** A reference to the record created by operation number `index` of the same mutation. */
export const refTo = (index) => `@{${aliasOf(index)}}`;

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkName(name) {
  // API names come from schema imports; anything else must never reach the query text.
  if (!NAME_PATTERN.test(String(name))) {
    throw new Error(`Not an API name: ${name}`);
  }
  return name;
}

function partsOf(operation, index) {
  const object = checkName(operation.objectApiName);
  const alias = aliasOf(index);
  switch (operation.kind) {
    case CREATE:
      return {
        declaration: `$${alias}: ${object}CreateInput!`,
        selection: `${alias}: ${object}Create(input: $${alias}) { Record { Id } }`,
        input: { [object]: operation.fields },
      };
    case UPDATE:
      return {
        declaration: `$${alias}: ${object}UpdateInput!`,
        selection: `${alias}: ${object}Update(input: $${alias}) { success }`,
        input: { Id: operation.id, [object]: operation.fields },
      };
    case DELETE:
      return {
        declaration: `$${alias}: RecordDeleteInput!`,
        selection: `${alias}: ${object}Delete(input: $${alias}) { Id }`,
        input: { Id: operation.id },
      };
    default:
      throw new Error(`Unknown operation: ${operation.kind}`);
  }
}

/**
 * The mutation text and variables for a list of operations.
 * @param {string} name the operation name (for server-side logs)
 * @param {Object[]} operations from createOp / updateOp / deleteOp, in the order to apply
 * @returns {{ text: string, variables: Object }}
 */
export function buildMutation(name, operations) {
  const parts = operations.map(partsOf);
  const variables = {};
  parts.forEach((part, index) => {
    variables[aliasOf(index)] = part.input;
  });
  const text = [
    `mutation ${checkName(name)}(${parts.map((p) => p.declaration).join(', ')}) {`,
    '  uiapi(input: { allOrNone: true }) {',
    ...parts.map((p) => `    ${p.selection}`),
    '  }',
    '}',
  ].join('\n');
  return { text, variables };
}

/**
 * Applies the operations in one request. Resolves with the created records' ids by operation
 * index; rejects with the GraphQL errors (`{ errors }`, which c/ldsUtils reduces) when the
 * platform refused any of them, in which case nothing was written.
 * @returns {Promise<Object<number, string>>} operation index → created record Id
 */
export async function applyAll(name, operations) {
  if (!operations.length) {
    return {};
  }
  const { text, variables } = buildMutation(name, operations);
  const result = await executeMutation({ query: gql([text]), variables, operationName: name });
  const errors = result && result.errors;
  if (errors && errors.length) {
    // An Error carrying the GraphQL errors: c/ldsUtils reads their messages from `errors`.
    const error = new Error(errors.map((e) => e.message).join(' '));
    error.errors = errors;
    throw error;
  }
  const payload = (result && result.data && result.data.uiapi) || {};
  const ids = {};
  operations.forEach((operation, index) => {
    const answer = payload[aliasOf(index)];
    if (operation.kind === CREATE && answer && answer.Record) {
      ids[index] = answer.Record.Id;
    }
  });
  return ids;
}
