/**
 * Fixture mode: the org answered from the components' jest payloads (force-app's `__tests__/data`),
 * so every page has deterministic states, chosen by the page URL's `state`:
 * - `loaded` (default): each GraphQL operation answers its payload, UI API reads their files;
 * - `empty`: the operation's empty payload where the tests have one, else no rows;
 * - `error`: every GraphQL operation answers the tests' GraphQL errors, UI API reads fail;
 * - `loading`: nothing ever answers (the page stays in its loading state).
 * Writes are refused (a UI API error), as fixtures never change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';

export type FixtureState = 'loaded' | 'empty' | 'error' | 'loading';
export const FIXTURE_STATES: FixtureState[] = ['loaded', 'empty', 'error', 'loading'];

/** Operation name → [component, loaded file, empty file?]. */
const OPERATIONS: Record<string, [string, string, string?]> = {
  demandReport: ['demandReport', 'demandReport.json', 'demandReportEmpty.json'],
  demandLatestRun: ['demandRunStatus', 'runSucceeded.json', 'noRun.json'],
  scoreBreakdown: ['demandExplanation', 'breakdownWithOthers.json'],
  demandExplanationRequests: ['demandExplanation', 'strongestRequests.json'],
  demandTrend: ['demandTrend', 'history.json', 'historyOneMonth.json'],
  demandDrilldown: ['demandDrilldown', 'requests.json'],
  committee: ['buyingCommittee', 'committee.json', 'committeeEmpty.json'],
  accountRequests: ['escalatedRequests', 'requests.json', 'requestsEmpty.json'],
  themeSignals: ['escalatedRequests', 'scores.json'],
  opportunityCommittee: ['escalatedRequests', 'committee.json'],
  accountCommittee: ['escalatedRequests', 'committee.json'],
  themeSearch: ['requestEditor', 'themes.json', 'themesEmpty.json'],
  segmentRules: ['segmentRules', 'segments.json', 'segmentsEmpty.json'],
  segmentPreview: ['segmentPreview', 'count.json'],
  activeScoringProfile: ['scoringProfileEditor', 'activeProfile.json', 'noProfile.json'],
};

type Json = Record<string, unknown>;

export class Fixtures {
  private readonly objectInfos = new Map<string, Json>();
  private readonly picklists = new Map<string, Json>();
  private readonly records = new Map<string, Json>();
  private readonly errors: unknown[];

  constructor(private readonly lwcDir: string) {
    // Index the UI API payloads by what they describe: object infos, picklists and records.
    for (const component of readdirSync(lwcDir)) {
      const dir = path.join(lwcDir, component, '__tests__', 'data');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const body = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
        if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
        const url =
          typeof body.url === 'string' ? /picklist-values\/[^/]+\/([^/]+)$/.exec(body.url) : null;
        const object =
          typeof body.url === 'string' ? /object-info\/([^/]+)\//.exec(body.url) : null;
        if (url && object) this.picklists.set(`${object[1]}.${url[1]}`.toLowerCase(), body);
        // An object info: describes fields and is no record (a record has an id). Not every
        // payload carries keyPrefix: the scoring profile's has none, and without it the fixture
        // pages labelled the profile's fields with their API names ("Urgency_Critical__c").
        else if (body.apiName && body.fields && !body.id)
          this.objectInfos.set(String(body.apiName).toLowerCase(), body);
        else if (body.apiName && body.fields && body.id) this.records.set(String(body.id), body);
      }
    }
    this.errors = this.read('demandReport', 'graphqlErrors.json') as unknown[];
  }

  /** The record the record pages show in fixture mode (the jest tests' Opportunity). */
  get recordId(): string {
    return [...this.records.keys()][0];
  }

  private read(component: string, file: string): unknown {
    return JSON.parse(
      readFileSync(path.join(this.lwcDir, component, '__tests__', 'data', file), 'utf8'),
    );
  }

  /** A GraphQL answer, or null for `loading` (never answered). */
  graphql(body: Json, state: FixtureState): Json | null {
    if (state === 'loading') return null;
    if (state === 'error') return { data: null, errors: this.errors };
    const query = typeof body.query === 'string' ? body.query : '';
    const op = parse(query).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const name =
      (typeof body.operationName === 'string' && body.operationName) || op?.name?.value || '';
    const entry = OPERATIONS[name];
    if (entry && (state === 'loaded' || entry[2])) {
      return { data: this.read(entry[0], state === 'loaded' ? entry[1] : entry[2]!), errors: [] };
    }
    return { data: emptyAnswer(op), errors: [] };
  }

  /** A UI API REST answer: [status, body], or null for `loading`. */
  uiApi(method: string, segments: string[], state: FixtureState): [number, unknown] | null {
    if (state === 'loading') return null;
    const fail = (status: number, errorCode: string, message: string): [number, unknown] => [
      status,
      [{ errorCode, message, output: { errors: [{ errorCode, message }], fieldErrors: {} } }],
    ];
    if (method !== 'GET')
      return fail(400, 'FIXTURE_READ_ONLY', 'The workbench fixture mode does not save changes.');
    if (state === 'error')
      return fail(
        500,
        'UNKNOWN_EXCEPTION',
        'Fixture mode: the org is failing on purpose (state=error).',
      );
    const [, kind, object, sub, , field] = segments;
    if (kind === 'records') {
      const record = this.records.get(object);
      return record
        ? [200, record]
        : fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (kind === 'object-info' && sub === undefined) {
      const info = this.objectInfos.get(object.toLowerCase());
      return info ? [200, info] : fail(404, 'NOT_FOUND', `No fixture object info for ${object}`);
    }
    if (kind === 'object-info' && sub === 'picklist-values' && field) {
      const values = this.picklists.get(`${object}.${field}`.toLowerCase());
      return [200, values ?? { controllerValues: {}, defaultValue: null, values: [] }];
    }
    return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
}

/** `{ uiapi: { query: { Obj: { edges: [], totalCount: 0, pageInfo } } } }` for any query. */
function emptyAnswer(op: OperationDefinitionNode | undefined): Json {
  const query: Json = {};
  const uiapi = op?.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'uiapi',
  );
  const section = uiapi?.selectionSet?.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'query',
  );
  for (const sel of section?.selectionSet?.selections ?? []) {
    if (sel.kind !== Kind.FIELD) continue;
    query[sel.alias?.value ?? sel.name.value] = {
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    };
  }
  return { uiapi: { query } };
}
