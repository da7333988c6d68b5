/**
 * A run's score rows as columns. Scoring computes every value of every row into these columns;
 * a row becomes a Segment_Demand_Score__c object only when asked for (`row(i)`), and its long
 * Breakdown__c text is built only when read. Change detection compares the columns with the
 * stored rows through one scratch object (`values(i, scratch)`), so a steady-state run makes
 * no row object, and a first run makes objects only as it writes them.
 */
import type { ScoreRow } from '../schema/inputs';

/** A row's values without Breakdown__c (what change detection compares). */
export type ScoreValues = Omit<ScoreRow, 'Breakdown__c'>;

/** What every row of a run shares. */
export interface RunFields {
  computedAt: string;
  runId: string | null;
  quorum: number;
  /** Segment Id by group number (ALL, the last group, has none) and its account count. */
  groupSegment: readonly (string | null)[];
  groupSize: readonly number[];
  themeIds: readonly string[];
  themeStatus: readonly (string | null)[];
}

/** The values of one row, as scoring adds it. */
export interface RowInput {
  group: number;
  theme: number;
  score: number;
  accounts: number;
  requests: number;
  revenue: number;
  decision: number;
  useOnly: number;
  blockers: number;
  /** Earliest Needed_By__c as a UTC day number, -1 when none. */
  earliest: number;
  penetration: number;
  normalized: number;
  /** NaN when there is no history that old. */
  scoreChange: number;
  accountChange: number;
  digest: string;
}

const ALL = 'ALL';

/** A row's values, blank: scratch for values(). */
export function blankValues(): ScoreValues {
  return {
    Score_Key__c: '',
    Segment__c: null,
    Theme__c: '',
    Theme_Status__c: null,
    Score__c: 0,
    Rank__c: null,
    Account_Count__c: 0,
    Segment_Account_Count__c: 0,
    Penetration__c: 0,
    Normalized_Score__c: 0,
    Request_Count__c: 0,
    Revenue_At_Stake__c: 0,
    Decision_Backed_Count__c: 0,
    Use_Only_Count__c: 0,
    Deal_Blocker_Count__c: 0,
    Earliest_Needed_By__c: null,
    Quorum_Reached__c: false,
    Score_Change_90d__c: null,
    Account_Change_90d__c: null,
    Breakdown_Digest__c: '',
    Computed_At__c: '',
    Last_Run__c: null,
  };
}

type NumberColumn = Exclude<keyof RowInput, 'digest'>;
const NUMBER_COLUMNS: readonly NumberColumn[] = [
  'group',
  'theme',
  'score',
  'accounts',
  'requests',
  'revenue',
  'decision',
  'useOnly',
  'blockers',
  'earliest',
  'penetration',
  'normalized',
  'scoreChange',
  'accountChange',
];

/** Collects rows column by column; `done()` hands out the table. */
export class ScoreTableBuilder {
  private readonly cols = Object.fromEntries(
    NUMBER_COLUMNS.map((c) => [c, [] as number[]]),
  ) as Record<NumberColumn, number[]>;
  private readonly digests: string[] = [];

  get length(): number {
    return this.digests.length;
  }

  add(row: RowInput): void {
    const c = this.cols;
    c.group.push(row.group);
    c.theme.push(row.theme);
    c.score.push(row.score);
    c.accounts.push(row.accounts);
    c.requests.push(row.requests);
    c.revenue.push(row.revenue);
    c.decision.push(row.decision);
    c.useOnly.push(row.useOnly);
    c.blockers.push(row.blockers);
    c.earliest.push(row.earliest);
    c.penetration.push(row.penetration);
    c.normalized.push(row.normalized);
    c.scoreChange.push(row.scoreChange);
    c.accountChange.push(row.accountChange);
    this.digests.push(row.digest);
  }

  /** The column of a value, for the ranking to read. */
  column(name: NumberColumn): readonly number[] {
    return this.cols[name];
  }

  done(run: RunFields, ranks: Int32Array, breakdown: (row: number) => string): ScoreTable {
    const c = this.cols;
    const columns = {
      ...Object.fromEntries(NUMBER_COLUMNS.map((n) => [n, Float64Array.from(c[n])])),
      digest: this.digests,
      rank: ranks,
    } as Columns;
    return new ScoreTable(columns, run, breakdown);
  }
}

type Columns = Record<NumberColumn, Float64Array> & { digest: string[]; rank: Int32Array };

/**
 * The rows of one run. `row(i)` makes row i as an object whose Breakdown__c is computed when
 * read (an enumerable getter, so spreading or serialising a row gives the text).
 */
export class ScoreTable {
  readonly length: number;
  private readonly keys: string[];
  /** One getter for every row's Breakdown__c (a closure per row costs far more to make). */
  private readonly descriptor: PropertyDescriptor;
  private rowOfKey: Map<string, number> | null = null;
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly c: Columns,
    private readonly run: RunFields,
    private readonly breakdown: (row: number) => string,
  ) {
    this.length = c.digest.length;
    this.keys = Array.from(
      { length: this.length },
      (_, i) => `${run.groupSegment[c.group[i]] ?? ALL}:${run.themeIds[c.theme[i]]}`,
    );
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const table = this;
    this.descriptor = {
      get(this: ScoreRow): string {
        return table.breakdownOf(this.Score_Key__c);
      },
      enumerable: true,
      configurable: true,
    };
  }

  private breakdownOf(key: string): string {
    if (!this.rowOfKey) this.rowOfKey = new Map(this.keys.map((k, i) => [k, i] as const));
    return this.breakdown(this.rowOfKey.get(key)!);
  }

  /** Score_Key__c of row i. */
  key(i: number): string {
    return this.keys[i];
  }

  /** Row i's values without Breakdown__c, written into `into` (no object is made). */
  values(i: number, into: ScoreValues): ScoreValues {
    const { c, run } = this;
    const accounts = c.accounts[i];
    const group = c.group[i];
    const theme = c.theme[i];
    into.Score_Key__c = this.keys[i];
    into.Segment__c = run.groupSegment[group];
    into.Theme__c = run.themeIds[theme];
    into.Theme_Status__c = run.themeStatus[theme];
    into.Score__c = c.score[i];
    into.Rank__c = c.rank[i] > 0 ? c.rank[i] : null;
    into.Account_Count__c = accounts;
    into.Segment_Account_Count__c = run.groupSize[group];
    into.Penetration__c = c.penetration[i];
    into.Normalized_Score__c = c.normalized[i];
    into.Request_Count__c = c.requests[i];
    into.Revenue_At_Stake__c = c.revenue[i];
    into.Decision_Backed_Count__c = c.decision[i];
    into.Use_Only_Count__c = c.useOnly[i];
    into.Deal_Blocker_Count__c = c.blockers[i];
    into.Earliest_Needed_By__c = c.earliest[i] < 0 ? null : this.date(c.earliest[i]);
    into.Quorum_Reached__c = accounts >= run.quorum;
    into.Score_Change_90d__c = Number.isNaN(c.scoreChange[i]) ? null : c.scoreChange[i];
    into.Account_Change_90d__c = Number.isNaN(c.accountChange[i]) ? null : c.accountChange[i];
    into.Breakdown_Digest__c = c.digest[i];
    into.Computed_At__c = run.computedAt;
    into.Last_Run__c = run.runId;
    return into;
  }

  /** Row i as a Segment_Demand_Score__c object (Breakdown__c built when read). */
  row(i: number): ScoreRow {
    const row = this.values(i, blankValues()) as ScoreRow;
    Object.defineProperty(row, 'Breakdown__c', this.descriptor);
    return row;
  }

  /** A day's text; rows share few dates, each formatted once. */
  private date(day: number): string {
    let text = this.dates.get(day);
    if (text === undefined) this.dates.set(day, (text = dayText(day)));
    return text;
  }

  /** Every row as an object, in table order. */
  rows(): ScoreRow[] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }
}

/** 'YYYY-MM-DD' of a UTC day number. */
export function dayText(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
