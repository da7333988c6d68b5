/**
 * Stand-in for `lightning/graphql`: `gql` keeps the query text; the `graphql` wire adapter posts
 * `{ query, variables, operationName }` to the UI API GraphQL endpoint and provisions
 * `{ data, errors, refresh }` as LDS does. Like LDS, it does not query while a reactive
 * `variables` is undefined. No cache: `refresh()` (and `refreshGraphQL`) simply asks again.
 */
import { call } from 'workbench/transport';

export function gql(strings, ...values) {
  let text = '';
  strings.forEach((part, i) => {
    text += part + (i < values.length ? String(values[i]) : '');
  });
  return text;
}

const operationName = (query) => {
  const m = /\b(query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query);
  return m ? m[2] : undefined;
};

export class graphql {
  constructor(callback) {
    this.callback = callback;
    this.config = undefined;
    this.connected = false;
    this.sequence = 0;
    this.refresh = () => this.fetch();
  }

  update(config) {
    this.config = config;
    if (this.connected) this.fetch();
  }

  connect() {
    this.connected = true;
    if (this.config) this.fetch();
  }

  disconnect() {
    this.connected = false;
  }

  fetch() {
    const config = this.config;
    if (!config || !config.query) return Promise.resolve();
    if ('variables' in config && config.variables === undefined) return Promise.resolve();
    const sequence = ++this.sequence;
    const request = {
      query: config.query,
      variables: config.variables || {},
      operationName: config.operationName || operationName(config.query),
    };
    return call('POST', 'graphql', request).then(
      (body) => {
        if (sequence !== this.sequence) return; // an older answer than the last request
        const errors = body && body.errors && body.errors.length > 0 ? body.errors : undefined;
        this.callback({ data: errors ? undefined : body.data, errors, refresh: this.refresh });
      },
      (error) => {
        if (sequence !== this.sequence) return;
        this.callback({ data: undefined, errors: [error.body || error], refresh: this.refresh });
      },
    );
  }
}

/** `refreshGraphQL(result)`: re-runs the query that provisioned `result`. */
export function refreshGraphQL(result) {
  return result && typeof result.refresh === 'function' ? result.refresh() : Promise.resolve();
}

/**
 * `executeMutation({ query, variables, operationName })`: one mutation request; resolves with
 * `{ data, errors }` (errors undefined when there are none), as the platform's does.
 */
export function executeMutation(config) {
  const query = config && config.query;
  return call('POST', 'graphql', {
    query,
    variables: (config && config.variables) || {},
    operationName: (config && config.operationName) || operationName(query),
  }).then((body) => ({
    data: body ? body.data : undefined,
    errors: body && body.errors && body.errors.length > 0 ? body.errors : undefined,
  }));
}
