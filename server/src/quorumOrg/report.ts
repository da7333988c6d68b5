/** What the PM report reads from the org: segments, themes, scores and account names. */
import {
  Account,
  DemandScoringProfile,
  DemandTheme,
  DemandThemeRecord,
  EscalatedRequest,
  Segment,
  SegmentDemandScore,
  SegmentDemandScoreRecord,
  SegmentRecord,
  fieldNames,
} from '../schema';
import type { Org } from '../salesforce/org';
import { readAll } from '../salesforce/read';
import { idList, literal } from '../salesforce/soql';
import { z } from 'zod';

export interface ReportData {
  segments: SegmentRecord[];
  themes: DemandThemeRecord[];
  scores: SegmentDemandScoreRecord[];
  profileName: string | null;
}

const opts = { bulkThreshold: Number.MAX_SAFE_INTEGER };

export async function readReportData(org: Org): Promise<ReportData> {
  const select = (api: string, fields: readonly string[]) =>
    `SELECT ${fields.join(', ')} FROM ${api}`;
  const [segments, themes, scores, profiles] = [
    await readAll(org, select(Segment.apiName, fieldNames(Segment)), SegmentRecord, opts),
    await readAll(
      org,
      select(DemandTheme.apiName, fieldNames(DemandTheme)),
      DemandThemeRecord,
      opts,
    ),
    await readAll(
      org,
      select(SegmentDemandScore.apiName, fieldNames(SegmentDemandScore)),
      SegmentDemandScoreRecord,
      opts,
    ),
    await readAll(
      org,
      `SELECT Name FROM ${DemandScoringProfile.apiName} WHERE Active__c = ${literal(true)} ORDER BY LastModifiedDate DESC LIMIT 1`,
      z.looseObject({ Name: z.string().nullish() }),
      opts,
    ),
  ];
  return { segments, themes, scores, profileName: profiles[0]?.Name ?? null };
}

/** Account names by Id (200 Ids a query). */
export async function accountNames(org: Org, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await readAll(
      org,
      `SELECT Id, Name FROM ${Account.apiName} WHERE Id IN ${idList(ids.slice(i, i + 200))}`,
      z.looseObject({ Id: z.string(), Name: z.string().nullish() }),
      opts,
    );
    for (const r of rows) names.set(r.Id, r.Name ?? r.Id);
  }
  return names;
}

const ExampleRow = z.object({
  Id: z.string(),
  Name: z.string().nullish(),
  Suggested_Theme__c: z.string().nullish(),
  Suggestion_Reason__c: z.string().nullish(),
});

/**
 * Up to `perTheme` requests of each suggested theme (the first 200 themes), each as
 * `"<request name>": <Suggestion_Reason__c>`, so the report shows why requests were grouped.
 */
export async function suggestionExamples(
  org: Org,
  themeIds: readonly string[],
  perTheme = 2,
): Promise<Map<string, string[]>> {
  const examples = new Map<string, string[]>();
  if (themeIds.length === 0) return examples;
  const rows = await readAll(
    org,
    `SELECT Id, Name, Suggested_Theme__c, Suggestion_Reason__c FROM ${EscalatedRequest.apiName} WHERE Theme__c = null AND Suggested_Theme__c IN ${idList(themeIds.slice(0, 200))} ORDER BY Id`,
    ExampleRow,
    opts,
  );
  const byTheme = new Map<string, ExampleRow[]>();
  for (const r of rows) {
    if (!r.Suggestion_Reason__c) continue;
    const list = byTheme.get(r.Suggested_Theme__c ?? '') ?? [];
    list.push(r);
    byTheme.set(r.Suggested_Theme__c ?? '', list);
  }
  for (const [theme, list] of byTheme)
    examples.set(
      theme,
      varied(list, perTheme).map((r) => `"${r.Name ?? r.Id}": ${r.Suggestion_Reason__c}`),
    );
  return examples;
}

type ExampleRow = z.infer<typeof ExampleRow>;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Up to `count` rows, in Id order, preferring different wording and then a request in another
 * script (a suggestion that groups English and Chinese requests shows one of each): what a PM
 * needs to judge the group, not the same request logged twice.
 */
function varied(rows: readonly ExampleRow[], count: number): ExampleRow[] {
  const out: ExampleRow[] = [];
  const names = new Set<string>();
  const scripts = new Set<boolean>();
  const take = (ok: (r: ExampleRow) => boolean) => {
    for (const r of rows) {
      if (out.length >= count) return;
      if (out.includes(r) || !ok(r)) continue;
      out.push(r);
      names.add(r.Name ?? r.Id);
      scripts.add(CJK.test(r.Name ?? ''));
    }
  };
  take((r) => !names.has(r.Name ?? r.Id) && !scripts.has(CJK.test(r.Name ?? '')));
  take((r) => !names.has(r.Name ?? r.Id));
  take(() => true);
  return out;
}
