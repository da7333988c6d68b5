/**
 * The product manager's report of what the last run wrote: per segment (and over all
 * accounts) the open themes ranked, with growth over 90 days; Delivered and Declined themes
 * that customers still ask for, listed apart; the leading theme's score explained account by
 * account, every factor named, adding up to the score; invalid segments and suggested themes.
 */
import { ALL_SEGMENTS_KEY, type SegmentDemandScoreRecord } from '../schema';
import type { Org } from '../salesforce/org';
import type { FactorSet, VoiceFigures } from '../domain/breakdown';
import { accountNames, readReportData, suggestionExamples } from '../quorumOrg/report';
import { readBreakdown } from '../../../force-app/main/default/lwc/quorumBreakdown/quorumBreakdown';

export interface ReportTheme {
  theme: string;
  status: string | null;
  rank: number | null;
  score: number;
  normalized: number;
  accounts: number;
  penetration: number;
  revenueAtStake: number;
  decisionBacked: number;
  quorum: boolean;
  change90d: number | null;
  accountChange90d: number | null;
}

/** One account's voice, every factor as Breakdown__c lists it, with the account's name. */
export interface ExplainedVoice extends FactorSet, Omit<VoiceFigures, 'askedOn'> {
  name: string;
}

export interface Explanation {
  segment: string;
  theme: string;
  score: number;
  cap: number;
  voices: ExplainedVoice[];
  /** Accounts past the listed ones (shown summed). */
  more: { accounts: number; voice: number } | null;
}

export interface Report {
  profileName: string | null;
  segments: {
    name: string;
    accountCount: number;
    open: ReportTheme[];
    delivered: ReportTheme[];
    declined: ReportTheme[];
  }[];
  explanation: Explanation | null;
  invalid: { name: string; message: string }[];
  suggested: { name: string; terms: string; status: string; examples: string[] }[];
}

const LISTED_VOICES = 10;

export async function buildReport(org: Org, topN = 5): Promise<Report> {
  const data = await readReportData(org);
  const themeName = new Map(data.themes.map((t) => [t.Id, t.Name ?? t.Id]));
  const bySegment = new Map<string, SegmentDemandScoreRecord[]>();
  for (const s of data.scores) {
    const key = s.Segment__c ?? ALL_SEGMENTS_KEY;
    bySegment.set(key, [...(bySegment.get(key) ?? []), s]);
  }
  const toTheme = (s: SegmentDemandScoreRecord): ReportTheme => ({
    theme: themeName.get(s.Theme__c ?? '') ?? String(s.Theme__c),
    status: s.Theme_Status__c ?? null,
    rank: s.Rank__c ?? null,
    score: s.Score__c ?? 0,
    normalized: s.Normalized_Score__c ?? 0,
    accounts: s.Account_Count__c ?? 0,
    penetration: s.Penetration__c ?? 0,
    revenueAtStake: s.Revenue_At_Stake__c ?? 0,
    decisionBacked: s.Decision_Backed_Count__c ?? 0,
    quorum: s.Quorum_Reached__c,
    change90d: s.Score_Change_90d__c ?? null,
    accountChange90d: s.Account_Change_90d__c ?? null,
  });
  const group = (key: string) => {
    const rows = (bySegment.get(key) ?? []).map(toTheme);
    const closed = (status: string) =>
      rows.filter((r) => r.status === status).sort((a, b) => b.score - a.score);
    return {
      open: rows
        .filter((r) => r.rank !== null)
        .sort((a, b) => a.rank! - b.rank!)
        .slice(0, topN),
      delivered: closed('Delivered'),
      declined: closed('Declined'),
    };
  };
  const valid = data.segments
    .filter((s) => s.Status__c === 'Valid' && s.Active__c)
    .sort(
      (a, b) =>
        (a.Priority__c ?? 1e9) - (b.Priority__c ?? 1e9) ||
        String(a.Name).localeCompare(String(b.Name)),
    );
  const top = (bySegment.get(ALL_SEGMENTS_KEY) ?? []).find((s) => s.Rank__c === 1);
  const suggested = data.themes.filter((t) => t.Origin__c === 'Suggested' && !t.Merged_Into__c);
  // A few requests of each suggestion with the reason the service wrote (Suggestion_Reason__c).
  const examples = await suggestionExamples(
    org,
    suggested.map((t) => t.Id),
  );
  return {
    profileName: data.profileName,
    segments: [
      { name: 'All accounts', accountCount: NaN, ...group(ALL_SEGMENTS_KEY) },
      ...valid.map((s) => ({
        name: s.Name ?? s.Id,
        accountCount: s.Account_Count__c ?? 0,
        ...group(s.Id),
      })),
    ],
    explanation: top ? await explain(org, top, themeName) : null,
    invalid: data.segments
      .filter((s) => s.Status__c === 'Invalid')
      .map((s) => ({ name: s.Name ?? s.Id, message: s.Status_Message__c ?? '' })),
    suggested: suggested.map((t) => ({
      name: t.Name ?? t.Id,
      terms: t.Match_Terms__c ?? '',
      status: t.Status__c ?? '',
      examples: examples.get(t.Id) ?? [],
    })),
  };
}

async function explain(
  org: Org,
  row: SegmentDemandScoreRecord,
  themeName: ReadonlyMap<string, string>,
): Promise<Explanation> {
  const b = readBreakdown(row.Breakdown__c ?? '') as {
    score: number;
    cap: number;
    accounts: (Omit<ExplainedVoice, 'name'> & { account: string })[];
    others?: { accounts: number; voice: number };
  };
  const strongest = [...b.accounts].sort((x, y) => y.voice - x.voice);
  const listed = strongest.slice(0, LISTED_VOICES);
  const names = await accountNames(
    org,
    listed.map((a) => a.account),
  );
  const rest = strongest.slice(LISTED_VOICES);
  const restVoice = rest.reduce((s, a) => s + a.voice, 0) + (b.others?.voice ?? 0);
  const restAccounts = rest.length + (b.others?.accounts ?? 0);
  return {
    segment: 'All accounts',
    theme: themeName.get(row.Theme__c ?? '') ?? String(row.Theme__c),
    score: b.score,
    cap: b.cap,
    voices: listed.map(({ account, ...v }) => ({ ...v, name: names.get(account) ?? account })),
    more: restAccounts > 0 ? { accounts: restAccounts, voice: restVoice } : null,
  };
}

const money = (n: number) =>
  n >= 1e6
    ? `$${(n / 1e6).toFixed(1)}M`
    : n >= 1e3
      ? `$${Math.round(n / 1e3)}k`
      : `$${Math.round(n)}`;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const x = (w: number) => `×${Number(w.toFixed(2))}`;

/** ▲ +1.25 / ▼ −0.50 / new / — (no history that old). */
export function growth(t: Pick<ReportTheme, 'score' | 'change90d' | 'accountChange90d'>): string {
  if (t.change90d === null) return '—';
  if (Math.abs(t.change90d - t.score) < 1e-4 && t.accountChange90d !== null && t.score > 0)
    return 'new';
  if (Math.abs(t.change90d) < 0.005) return '=';
  return t.change90d > 0 ? `▲ +${t.change90d.toFixed(2)}` : `▼ −${(-t.change90d).toFixed(2)}`;
}

/** One account's voice in words: every factor, the product, the cap. */
export function voiceInWords(v: ExplainedVoice, cap: number): string {
  const who = [v.role, v.veto ? 'holds a veto' : null].filter(Boolean).join(', ');
  const parts = [
    `${v.urgency ?? 'no'} urgency ${x(v.urgencyWeight)}`,
    `from ${v.source ?? 'an unknown source'} ${x(v.sourceWeight)}`,
    `${v.side} side${who ? ` (${who})` : ''} ${x(v.sideWeight)}`,
    `${v.influence ?? 'unknown'} influence ${x(v.influenceWeight)}`,
    `${v.workaround && v.workaround !== 'None' ? `workaround: ${v.workaround}` : 'no workaround'} ${x(v.workaroundWeight)}`,
    ...(v.blocker !== 1 ? [`deal blocker ${x(v.blocker)}`] : []),
    `last asked ${v.ageDays} days ago ${x(v.decay)}`,
    `${v.revenue > 0 ? `${money(v.revenue)} at stake` : 'no revenue at stake'} ${x(v.revenueFactor)}`,
  ];
  const raw = v.weight * v.revenueFactor;
  const end = v.capped ? `= ${raw.toFixed(2)}, capped at ${cap}` : `= ${v.voice.toFixed(2)}`;
  const asks = v.requests > 1 ? ` (strongest of ${v.requests} requests)` : '';
  return `${cut(v.name, 24)} ${v.voice.toFixed(2).padStart(5)}  ${parts.join(' · ')} ${end}${asks}`;
}

export const LEGEND = [
  'How to read it: each account has one voice per theme, its strongest open request, so one loud',
  'account cannot outweigh a broad pattern. A theme’s score is the sum of its accounts’ voices.',
  'Only open themes are ranked; Delivered and Declined themes that customers still ask for are listed apart.',
  'Columns: # rank among open themes · score · /100 score per 100 accounts of the segment (compare',
  'segments of different sizes) · accts requesting accounts · reach share of the segment · at stake',
  'largest revenue at stake per account, summed · decis. accounts backed by a decision maker ·',
  '90 days change in score (▲ growing, ▼ falling, new: no demand 90 days ago, —: no history yet) ·',
  'quorum: enough accounts to call it a pattern.',
];

export function formatReport(report: Report): string {
  const out: string[] = [''];
  out.push(...LEGEND);
  if (report.profileName) out.push(`Weights: the "${report.profileName}" scoring profile.`);
  for (const seg of report.segments) {
    out.push('');
    out.push(
      `▸ ${seg.name}${Number.isFinite(seg.accountCount) ? ` (${seg.accountCount} accounts)` : ''}`,
    );
    if (seg.open.length === 0) out.push('    no open demand yet');
    else {
      out.push(
        `    ${'#'.padStart(2)} ${cut('theme', 34)} ${'score'.padStart(6)} ${'/100'.padStart(6)} ${'accts'.padStart(5)} ${'reach'.padStart(6)} ${'at stake'.padStart(8)} ${'decis.'.padStart(6)} ${'90 days'.padStart(9)}  quorum`,
      );
      for (const t of seg.open)
        out.push(
          `    ${String(t.rank).padStart(2)} ${cut(t.theme, 34)} ${t.score.toFixed(2).padStart(6)} ${t.normalized.toFixed(2).padStart(6)} ${String(t.accounts).padStart(5)} ${`${t.penetration.toFixed(0)}%`.padStart(6)} ${money(t.revenueAtStake).padStart(8)} ${String(t.decisionBacked).padStart(6)} ${growth(t).padStart(9)}  ${t.quorum ? 'yes' : '-'}`,
        );
    }
    const apart = (label: string, list: ReportTheme[]) => {
      if (list.length > 0)
        out.push(
          `    ${label}: ${list.map((t) => `${t.theme} (${t.accounts} account${t.accounts === 1 ? '' : 's'}, score ${t.score.toFixed(2)})`).join('; ')}`,
        );
    };
    apart('Asked again after delivery (tell these customers it shipped)', seg.delivered);
    apart('Asked again after declining', seg.declined);
  }
  const e = report.explanation;
  if (e) {
    out.push(
      '',
      `Why "${e.theme}" leads ${e.segment}: ${e.score.toFixed(2)} = the sum of these voices`,
      '  (voice = urgency × source × side × influence × workaround × blocker × age × revenue, at most the cap):',
    );
    for (const v of e.voices) out.push(`  ${voiceInWords(v, e.cap)}`);
    if (e.more)
      out.push(`  … and ${e.more.accounts} more accounts, together ${e.more.voice.toFixed(2)}`);
  }
  if (report.invalid.length > 0) {
    out.push('', 'Invalid segments (fix their rules in the Segments tab):');
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
