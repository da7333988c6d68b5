/**
 * Routes under `/services/data/vNN.N/`. Used by the HTTP server and by composite subrequests,
 * so both take exactly the same path through the org's rules.
 */
import type { Emulator } from '../emulator';
import { bulkRoutes } from '../bulk/routes';
import { collectionRoutes } from './collections';
import { compositeRoute } from './composite';
import { describeGlobal } from './describe';
import { graphqlRoute } from './graphql';
import { limits } from './limits';
import { queryMore, runQuery } from './query';
import { sobjectRoutes } from './sobjects';
import { uiApiRoutes } from './uiapi';
import { json, notFound, type ApiRequest, type ApiResponse } from './types';

/** A stable route name for counting (`GET sobjects/:type/:id`). */
export function routeName(req: ApiRequest): string {
  const s = req.segments;
  let name: string;
  switch (s[0]) {
    case 'sobjects':
      name = [
        'sobjects',
        s[1] && ':type',
        s[2] && (s[2] === 'describe' ? 'describe' : s[3] ? ':extField' : ':id'),
        s[3] && ':value',
      ]
        .filter(Boolean)
        .join('/');
      break;
    case 'query':
    case 'queryAll':
      name = s[1] ? `${s[0]}/:locator` : s[0];
      break;
    case 'composite':
      name =
        s[1] === 'sobjects'
          ? ['composite/sobjects', s[2] && ':type', s[3] && ':extField'].filter(Boolean).join('/')
          : 'composite';
      break;
    case 'jobs':
      name = [`jobs/${s[1] ?? ''}`, s[2] && ':id', s[3]].filter(Boolean).join('/');
      break;
    case 'graphql':
      // Reads and writes share the endpoint: a mutation is counted apart, so a caller can tell
      // how many writes one action made.
      name = isMutation(req.body) ? 'graphql mutation' : 'graphql';
      break;
    default:
      name = s.join('/') || '(root)';
  }
  return `${req.method} ${name}`;
}

/** Whether a GraphQL request body holds a mutation (its document starts with `mutation`). */
function isMutation(body: Buffer): boolean {
  try {
    const { query } = JSON.parse(body.toString('utf8')) as { query?: unknown };
    return typeof query === 'string' && /^\s*mutation\b/.test(query.replace(/^\s*#.*$/gm, ''));
  } catch {
    return false; // the route itself answers a malformed body
  }
}

export function dispatch(
  emu: Emulator,
  req: ApiRequest,
  locked: (() => boolean) | null,
): ApiResponse {
  const s = req.segments;
  let res: ApiResponse | null = null;
  switch (s[0]) {
    case undefined:
    case '':
      if (req.method === 'GET')
        res = json(200, {
          sobjects: `/services/data/v${req.version}/sobjects`,
          query: `/services/data/v${req.version}/query`,
          limits: `/services/data/v${req.version}/limits`,
          composite: `/services/data/v${req.version}/composite`,
          jobs: `/services/data/v${req.version}/jobs`,
        });
      break;
    case 'query':
    case 'queryAll':
      if (req.method === 'GET')
        res =
          s.length === 1
            ? runQuery(emu, req, s[0] === 'queryAll')
            : s.length === 2
              ? queryMore(emu, req, s[1])
              : null;
      break;
    case 'sobjects':
      if (s.length === 1 && req.method === 'GET') res = json(200, describeGlobal(emu, req.version));
      else if (s.length > 1) res = sobjectRoutes(emu, req);
      break;
    case 'composite':
      if (s[1] === 'sobjects') res = collectionRoutes(emu, req, locked);
      else if (s.length === 1 && req.method === 'POST') res = compositeRoute(emu, req, dispatch);
      break;
    case 'jobs':
      res = bulkRoutes(emu, req, locked);
      break;
    case 'graphql':
      res = graphqlRoute(emu, req);
      break;
    case 'ui-api':
      res = uiApiRoutes(emu, req);
      break;
    case 'limits':
      if (req.method === 'GET' && s.length === 1) res = json(200, limits(emu));
      break;
  }
  if (!res) throw notFound();
  return res;
}
