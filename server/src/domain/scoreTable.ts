/**
 * A run's score rows as columns. Scoring computes every value of every row into these columns
 * (key, counts, score, digest, rank); a row becomes a Segment_Demand_Score__c object only when
 * asked for. Change detection compares the columns with the stored rows (changes.ts), so a
 * steady-state run makes no row object at all, and any run makes objects only for the rows it
 * writes (measured at 1M requests: making all 168k objects takes 59–89 ms; scoring on these
 * columns ran 1.3× faster than scoring that made every row an object).
 */
import type { ScoreRow } from './records';
import type { RankColumns } from './ranking';
import type { PairSums } from './pairs';

/** A row's values without Breakdown__c (what change detection compares). */
export type ScoreValues = Omit<ScoreRow, 'Breakdown__c'>;

/** Builds the breakdown text of a row of `group` from its pairs from..to (scoring.ts). */
export interface BreakdownSource {
  text(group: number, from: number, to: number, score: number, requests: number): string;
}

/** What every row of a run shares. */
export interface RunFields {
  computedAt: string;
  runId: string | null;
  quorum: number;
  /** Segment Id by group number (the last group, ALL, has none) and its account count. */
  groupSegment: readonly (string | null)[];
  groupSize: readonly number[];
  themeIds: readonly string[];
}

/** What a row's values come from: its own numbers, and its pairs' sums (pairs.ts). */
export interface RowValues {
  group: number;
  theme: number;
  score: number;
  accounts: number;
  penetration: number;
  /** Revenue at stake, rounded as the field holds it. */
  revenue: number;
  digest: string;
  /** Where the row's pairs start (see BreakdownSource); it has `accounts` of them. */
  from: number;
}

/**
 * Collects a known number of rows column by column; `done()` hands out the table. Each column
 * is allocated once at its size (measured: growing arrays, typed or plain, cost about 30 ns a
 * push here, 60–110 ms per run over 14 columns; and growing typed arrays allocate enough
 * external memory to start a full collection in the middle of scoring).
 */
export class ScoreTableBuilder {
  private readonly c: Columns;
  private n = 0;

  constructor(
    private readonly size: number,
    private readonly run: RunFields,
    private readonly breakdowns: BreakdownSource,
  ) {
    this.c = {
      key: new Array<string>(size),
      digest: new Array<string>(size),
      group: new Int32Array(size),
      theme: new Int32Array(size),
      score: new Float64Array(size),
      accounts: new Int32Array(size),
      penetration: new Float64Array(size),
      requests: new Int32Array(size),
      revenue: new Float64Array(size),
      decision: new Int32Array(size),
      useOnly: new Int32Array(size),
      blockers: new Int32Array(size),
      earliest: new Int32Array(size),
      from: new Int32Array(size),
      rank: new Int32Array(size),
    };
  }

  add(v: RowValues, sums: PairSums): void {
    const { c, run } = this;
    const i = this.n++;
    if (i >= this.size) throw new Error('ScoreTableBuilder: more rows than counted');
    c.key[i] = `${run.groupSegment[v.group] ?? ALL}:${run.themeIds[v.theme]}`;
    c.digest[i] = v.digest;
    c.group[i] = v.group;
    c.theme[i] = v.theme;
    c.score[i] = v.score;
    c.accounts[i] = v.accounts;
    c.penetration[i] = v.penetration;
    c.requests[i] = sums.requests;
    c.revenue[i] = v.revenue;
    c.decision[i] = sums.decision;
    c.useOnly[i] = sums.useOnly;
    c.blockers[i] = sums.blockers;
    c.earliest[i] = sums.earliest;
    c.from[i] = v.from;
  }

  /** The table; ranks are set afterwards, from its columns (ranking.ts). */
  done(): ScoreTable {
    if (this.n !== this.size) throw new Error('ScoreTableBuilder: fewer rows than counted');
    return new ScoreTable(this.c, this.run, this.breakdowns);
  }
}

const ALL = 'ALL';

/** A row's values, blank: scratch for values() (every field, in the order rows list them). */
export function blankValues(): ScoreValues {
  return {
    Score_Key__c: '',
    Segment__c: null,
    Theme__c: '',
    Score__c: 0,
    Rank__c: 0,
    Account_Count__c: 0,
    Segment_Account_Count__c: 0,
    Penetration__c: 0,
    Request_Count__c: 0,
    Revenue_At_Stake__c: 0,
    Decision_Backed_Count__c: 0,
    Use_Only_Count__c: 0,
    Deal_Blocker_Count__c: 0,
    Earliest_Needed_By__c: null,
    Quorum_Reached__c: false,
    Breakdown_Digest__c: '',
    Computed_At__c: '',
    Last_Run__c: null,
  };
}

interface Columns {
  key: string[];
  digest: string[];
  group: Int32Array;
  theme: Int32Array;
  score: Float64Array;
  accounts: Int32Array;
  penetration: Float64Array;
  requests: Int32Array;
  revenue: Float64Array;
  decision: Int32Array;
  useOnly: Int32Array;
  blockers: Int32Array;
  earliest: Int32Array;
  from: Int32Array;
  rank: Int32Array;
}

/**
 * The rows of one run. `row(i)` makes row i as an object whose Breakdown__c is computed when
 * read, by one getter shared by every row of the run (an own, enumerable accessor, so
 * spreading or serialising a row gives the JSON string; one shared function keeps rows cheap
 * to make, where a getter in each row's literal costs a closure per row and was measured ten
 * times slower to build). The getter finds its row by the row's key.
 */
export class ScoreTable {
  readonly length: number;
  private readonly descriptor: PropertyDescriptor;
  private readonly dates = new Map<number, string>();
  private rowOfKey: Map<string, number> | null = null;
  /** The row whose breakdown was read last and that text: read twice in a row is common. */
  private lastRow = -1;
  private lastText = '';

  constructor(
    private readonly c: Columns,
    private readonly run: RunFields,
    private readonly breakdowns: BreakdownSource,
  ) {
    this.length = c.key.length;
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

  /** Columns the ranking reads (group: segment number, ALL last) and writes (rank). */
  get rankColumns(): RankColumns {
    const { score, accounts, group, theme, rank } = this.c;
    return { score, accounts, group, theme, rank };
  }

  /** Score_Key__c of row i. */
  key(i: number): string {
    return this.c.key[i];
  }

  /** Row i's values without Breakdown__c, written into `into` (no object is made). */
  values(i: number, into: ScoreValues): ScoreValues {
    const { c, run } = this;
    const accounts = c.accounts[i];
    const earliest = c.earliest[i];
    into.Score_Key__c = c.key[i];
    into.Segment__c = run.groupSegment[c.group[i]];
    into.Theme__c = run.themeIds[c.theme[i]];
    into.Score__c = c.score[i];
    into.Rank__c = c.rank[i];
    into.Account_Count__c = accounts;
    into.Segment_Account_Count__c = run.groupSize[c.group[i]];
    into.Penetration__c = c.penetration[i];
    into.Request_Count__c = c.requests[i];
    into.Revenue_At_Stake__c = c.revenue[i];
    into.Decision_Backed_Count__c = c.decision[i];
    into.Use_Only_Count__c = c.useOnly[i];
    into.Deal_Blocker_Count__c = c.blockers[i];
    into.Earliest_Needed_By__c = earliest < 0 ? null : this.dateText(earliest);
    into.Quorum_Reached__c = accounts >= run.quorum;
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

  /** Every row as an object, in table order. */
  rows(): ScoreRow[] {
    const out: ScoreRow[] = new Array<ScoreRow>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.row(i);
    return out;
  }

  /** 'YYYY-MM-DD' of a day number (rows share a few dates: each is formatted once). */
  private dateText(day: number): string {
    let text = this.dates.get(day);
    if (text === undefined) {
      text = new Date(day * 86400000).toISOString().slice(0, 10);
      this.dates.set(day, text);
    }
    return text;
  }

  private breakdownOf(key: string): string {
    if (!this.rowOfKey) {
      this.rowOfKey = new Map();
      for (let k = 0; k < this.length; k++) this.rowOfKey.set(this.c.key[k], k);
    }
    const k = this.rowOfKey.get(key) as number;
    if (k === this.lastRow) return this.lastText;
    const { c } = this;
    const from = c.from[k];
    const to = from + c.accounts[k];
    this.lastText = this.breakdowns.text(c.group[k], from, to, c.score[k], c.requests[k]);
    this.lastRow = k;
    return this.lastText;
  }
}
