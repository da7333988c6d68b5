/** The OpenAPI 3.1 document of the HTTP API (GET /openapi.json). */
export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Quorum sync service',
    version: '0.1.0',
    description: 'Recomputes segment demand scores in the org and reports on runs.',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'QUORUM_API_TOKEN' },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
          },
        },
      },
      RunRequest: {
        type: 'object',
        properties: { mode: { type: 'string', enum: ['full', 'incremental'], default: 'full' } },
        additionalProperties: false,
      },
      Run: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: ['string', 'null'] },
          status: {
            type: ['string', 'null'],
            enum: ['Requested', 'Running', 'Succeeded', 'Partially Succeeded', 'Failed', null],
          },
          mode: { type: ['string', 'null'] },
          phase: { type: ['string', 'null'] },
          progress: { type: ['number', 'null'] },
          startedAt: { type: ['string', 'null'] },
          finishedAt: { type: ['string', 'null'] },
          recordsRead: { type: ['number', 'null'] },
          scoresWritten: { type: ['number', 'null'] },
          scoresDeleted: { type: ['number', 'null'] },
          apiCalls: { type: ['number', 'null'] },
          errorCount: { type: ['number', 'null'] },
          log: { type: ['string', 'null'] },
        },
      },
    },
  },
  paths: {
    '/healthz': {
      get: { summary: 'Liveness', responses: { '200': { description: 'The process is up' } } },
    },
    '/readyz': {
      get: {
        summary:
          'Readiness: the last check of the org (one API call, at start, every 30 s and when a probe finds it older than 15 s) succeeded. Answers from that cached state, within a second.',
        responses: {
          '200': { description: 'Ready: `{ status: "ready", checkedAt }`' },
          '503': {
            description:
              'Not ready: `error.message` says what happened and which setting to fix (starting, unreachable, token rejected, ...)',
          },
        },
      },
    },
    '/runs': {
      post: {
        summary: 'Start a recompute (or join the one running)',
        security: [{ bearer: [] }],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/RunRequest' } } },
        },
        responses: {
          '202': { description: 'Accepted: { id, status: started | already-running | queued }' },
          '400': {
            description: 'Invalid body',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '401': { description: 'Missing or wrong bearer token' },
          '413': { description: 'Body too large' },
          '415': { description: 'A body that is not application/json' },
          '429': { description: 'Too many requests' },
          '502': { description: 'The org refused or could not be reached (the message says why)' },
        },
      },
      get: {
        summary: 'Recent runs, newest first (served from a cache of a few seconds)',
        security: [{ bearer: [] }],
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        ],
        responses: {
          '200': { description: '{ runs: Run[] }' },
          '401': { description: 'Missing or wrong bearer token' },
        },
      },
    },
    '/runs/{id}': {
      get: {
        summary: 'One run (served from a cache of a few seconds)',
        security: [{ bearer: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Run',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
          },
          '401': { description: 'Missing or wrong bearer token' },
          '404': { description: 'No such run' },
        },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics (bearer QUORUM_METRICS_TOKEN or QUORUM_API_TOKEN)',
        security: [{ bearer: [] }],
        responses: {
          '200': { description: 'text/plain exposition format' },
          '401': { description: 'Missing or wrong bearer token' },
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
  },
} as const;
