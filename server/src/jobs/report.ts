/**
 * A readable summary of what the last run wrote: per valid segment its top themes (score,
 * accounts, penetration, revenue at stake, decision-backed accounts, quorum), invalid segments
 * with their messages, and the suggested themes with the terms that explain them.
 */
import {
  DemandTheme,
  DemandThemeRecord,
  Segment,
  SegmentDemandScore,
  SegmentDemandScoreRecord,
  SegmentRecord,
  fieldNames,
  ALL_SEGMENTS_KEY,
  EscalatedRequest,
} from '../schema';
import { z } from 'zod';
import type { Org } from '../salesforce/org';
import { literal } from '../salesforce/soql';
import { readAll } from '../salesforce/read';

const ExampleRow = z.object({
  Id: z.string(),
  Name: z.string().nullish(),
  Suggested_Theme__c: z.string().nullish(),
  Suggestion_Reason__c: z.string().nullish(),
});

export interface ReportTheme {
  theme: string;
  score: number;
  accounts: number;
  penetration: number;
  revenueAtStake: number;
  decisionBacked: number;
  quorum: boolean;
}

export interface Report {
  segments: { name: string; accountCount: number; themes: ReportTheme[] }[];
  invalid: { name: string; message: string }[];
  suggested: { name: string; terms: string; status: string; examples: string[] }[];
}

export async function buildReport(org: Org, topN = 5): Promise<Report> {
  const opts = { bulkThreshold: Number.MAX_SAFE_INTEGER };
  const segments = await readAll(
    org,
    `SELECT ${fieldNames(Segment).join(', ')} FROM ${Segment.apiName}`,
    SegmentRecord,
    opts,
  );
  const themes = await readAll(
    org,
    `SELECT ${fieldNames(DemandTheme).join(', ')} FROM ${DemandTheme.apiName}`,
    DemandThemeRecord,
    opts,
  );
  const scores = await readAll(
    org,
    `SELECT ${fieldNames(SegmentDemandScore).join(', ')} FROM ${SegmentDemandScore.apiName}`,
    SegmentDemandScoreRecord,
    opts,
  );
  const themeName = new Map(themes.map((t) => [t.Id, t.Name ?? t.Id]));
  // A few requests of each suggestion with the reason the service wrote (Suggestion_Reason__c).
  const suggestedIds = themes.filter((t) => t.Origin__c === 'Suggested').map((t) => t.Id);
  const examples = new Map<string, string[]>();
  if (suggestedIds.length > 0) {
    const rows = await readAll(
      org,
      `SELECT Id, Name, Suggested_Theme__c, Suggestion_Reason__c FROM ${EscalatedRequest.apiName} WHERE Theme__c = null AND Suggested_Theme__c IN (${suggestedIds
        .slice(0, 200)
        .map((id) => literal(id))
        .join(',')}) ORDER BY Id`,
      ExampleRow,
      opts,
    );
    for (const r of rows) {
      const list = examples.get(r.Suggested_Theme__c ?? '') ?? [];
      if (list.length < 2 && r.Suggestion_Reason__c)
        list.push(`"${r.Name ?? r.Id}": ${r.Suggestion_Reason__c}`);
      examples.set(r.Suggested_Theme__c ?? '', list);
    }
  }
  const bySegment = new Map<string, SegmentDemandScoreRecord[]>();
  for (const s of scores) {
    const key = s.Segment__c ?? ALL_SEGMENTS_KEY;
    const list = bySegment.get(key) ?? [];
    list.push(s);
    bySegment.set(key, list);
  }
  const toTheme = (s: SegmentDemandScoreRecord): ReportTheme => ({
    theme: themeName.get(s.Theme__c ?? '') ?? String(s.Theme__c),
    score: s.Score__c ?? 0,
    accounts: s.Account_Count__c ?? 0,
    penetration: s.Penetration__c ?? 0,
    revenueAtStake: s.Revenue_At_Stake__c ?? 0,
    decisionBacked: s.Decision_Backed_Count__c ?? 0,
    quorum: s.Quorum_Reached__c,
  });
  const top = (key: string) =>
    (bySegment.get(key) ?? [])
      .sort((a, b) => (a.Rank__c ?? 1e9) - (b.Rank__c ?? 1e9))
      .slice(0, topN)
      .map(toTheme);
  const valid = segments
    .filter((s) => s.Status__c === 'Valid' && s.Active__c)
    .sort(
      (a, b) =>
        (a.Priority__c ?? 1e9) - (b.Priority__c ?? 1e9) ||
        String(a.Name).localeCompare(String(b.Name)),
    );
  return {
    segments: [
      ...valid.map((s) => ({
        name: s.Name ?? s.Id,
        accountCount: s.Account_Count__c ?? 0,
        themes: top(s.Id),
      })),
      { name: 'All accounts', accountCount: NaN, themes: top(ALL_SEGMENTS_KEY) },
    ],
    invalid: segments
      .filter((s) => s.Status__c === 'Invalid')
      .map((s) => ({ name: s.Name ?? s.Id, message: s.Status_Message__c ?? '' })),
    suggested: themes
      .filter((t) => t.Origin__c === 'Suggested')
      .map((t) => ({
        name: t.Name ?? t.Id,
        terms: t.Match_Terms__c ?? '',
        status: t.Status__c ?? '',
        examples: examples.get(t.Id) ?? [],
      })),
  };
}

const money = (n: number) =>
  n >= 1e6
    ? `$${(n / 1e6).toFixed(1)}M`
    : n >= 1e3
      ? `$${Math.round(n / 1e3)}k`
      : `$${Math.round(n)}`;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function formatReport(report: Report): string {
  const out: string[] = [];
  for (const seg of report.segments) {
    out.push('');
    out.push(
      `▸ ${seg.name}${Number.isFinite(seg.accountCount) ? ` (${seg.accountCount} accounts)` : ''}`,
    );
    if (seg.themes.length === 0) {
      out.push('    no demand yet');
      continue;
    }
    out.push(
      `    ${cut('theme', 38)} ${'score'.padStart(7)} ${'accts'.padStart(5)} ${'penet.'.padStart(7)} ${'at stake'.padStart(9)} ${'decis.'.padStart(6)}  quorum`,
    );
    for (const t of seg.themes) {
      out.push(
        `    ${cut(t.theme, 38)} ${t.score.toFixed(2).padStart(7)} ${String(t.accounts).padStart(5)} ${`${t.penetration.toFixed(1)}%`.padStart(7)} ${money(t.revenueAtStake).padStart(9)} ${String(t.decisionBacked).padStart(6)}  ${t.quorum ? 'yes' : '-'}`,
      );
    }
  }
  if (report.invalid.length > 0) {
    out.push('', 'Invalid segments (fix their rules in the Segment Rules tab):');
    for (const s of report.invalid) out.push(`  ✗ ${s.name}: ${s.message}`);
  }
  if (report.suggested.length > 0) {
    out.push('', 'Suggested themes (from unthemed requests):');
    for (const t of report.suggested) {
      out.push(`  • ${t.name}  [${t.status}]  terms: ${t.terms || '—'}`);
      for (const e of t.examples) out.push(`      ${e}`);
    }
  }
  return out.join('\n');
}
