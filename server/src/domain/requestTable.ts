/**
 * Escalated requests as columns: one typed array per field the engine reads, repeated strings
 * (account, opportunity, contact, theme and segment Ids; picklist values) stored once in a
 * Dictionary and referred to by code.
 *
 * Why: an org has about a million requests. As objects they cost some 300 bytes each and every
 * scoring step pays a string-keyed lookup per request; as columns they cost about 60 bytes
 * each and the engine works on integers. The service's reader appends each record as it
 * streams in (`RequestTableBuilder.add`) and drops the object, so the objects never exist
 * together; tests and callers with records get the same table from `toRequestTable`.
 *
 * Text (Name, Description__c) is only needed to group requests by text (themes/group.ts): for
 * unthemed requests, which are grouped, and for the requests sampled into a theme's profile,
 * which are the first GROUPING.themeSample by Id of each theme. With `text: 'grouping'` the
 * builder keeps the first N by Id of every Theme__c value, a superset of those samples for any
 * merge (the first N of a union are among the first N of its parts), and drops the rest as it
 * goes.
 */
import { Dictionary, float64, int32, uint8 } from './columns';
import { dayNumber } from './numbers';
import { askedDayOf, type RequestRecord } from './records';
import { GROUPING } from './themes/group';

/** What the builder keeps of Name and Description__c (see the file comment). */
export type TextKept = 'all' | 'grouping' | 'none';

export interface RequestTable {
  readonly length: number;
  readonly id: readonly string[];
  /** Ids and values (codes into `ids`, `themes`, `segments`, `picklists`). */
  readonly account: Int32Array;
  readonly opportunity: Int32Array;
  readonly requestedBy: Int32Array;
  readonly theme: Int32Array;
  readonly suggestedTheme: Int32Array;
  readonly segment: Int32Array;
  /** The stamps of who asked, as stored: Requester_Member__c (in `ids`) and
   * Requester_Side__c (in `picklists`); the service compares them before writing. */
  readonly requesterMember: Int32Array;
  readonly requesterSide: Int32Array;
  readonly urgency: Int32Array;
  readonly source: Int32Array;
  readonly status: Int32Array;
  readonly workaround: Int32Array;
  /** When the customer asked (Asked_On__c, else CreatedDate) and Needed_By__c, as UTC day
   * numbers (days since 1970-01-01), -1 when blank. */
  readonly askedDay: Int32Array;
  readonly neededDay: Int32Array;
  /** Revenue_At_Stake__c, NaN when blank. */
  readonly revenue: Float64Array;
  /** Deal_Blocker__c === true. */
  readonly dealBlocker: Uint8Array;
  /** 1 where the row's text was kept (the rows grouping reads; see the file comment). */
  readonly textKept: Uint8Array;
  readonly name: readonly (string | null)[];
  readonly description: readonly (string | null)[];
  /** Suggestion_Reason__c where the text was kept (the service compares it before writing). */
  readonly reason: readonly (string | null)[];
  /** Record Ids (accounts, opportunities, contacts), theme Ids, segment Ids, picklist values. */
  readonly ids: Dictionary;
  readonly themes: Dictionary;
  readonly segments: Dictionary;
  readonly picklists: Dictionary;
}

/** Dictionaries a table codes its strings with; tables built for one run share them. */
export interface Dictionaries {
  /** Record Ids: accounts, opportunities, contacts. */
  ids: Dictionary;
  /** Picklist values (urgency, source, status; roles of dealTable.ts). */
  picklists: Dictionary;
}

/**
 * New dictionaries. Account Ids given here are coded first, in their order, as the service
 * does with the accounts it reads: scoring then finds the k-th account at code k + 1 instead
 * of looking up its Id (pairs.ts numberAccounts).
 */
export function newDictionaries(accountIds: Iterable<string> = []): Dictionaries {
  const ids = new Dictionary();
  for (const id of accountIds) ids.code(id);
  return { ids, picklists: new Dictionary() };
}

/** Appends requests one at a time; `build()` hands out the table. */
export class RequestTableBuilder {
  private readonly id: string[] = [];
  private readonly name: (string | null)[] = [];
  private readonly description: (string | null)[] = [];
  private readonly reason: (string | null)[] = [];
  /** Rows a person moved off a suggestion (see add). */
  private readonly moved = new Set<number>();
  private readonly cols = {
    account: int32(),
    opportunity: int32(),
    requestedBy: int32(),
    theme: int32(),
    suggestedTheme: int32(),
    segment: int32(),
    requesterMember: int32(),
    requesterSide: int32(),
    urgency: int32(),
    source: int32(),
    status: int32(),
    workaround: int32(),
    askedDay: int32(),
    neededDay: int32(),
    revenue: float64(),
    dealBlocker: uint8(),
    textKept: uint8(),
  };
  private readonly ids: Dictionary;
  private readonly picklists: Dictionary;
  private readonly themes = new Dictionary();
  private readonly segments = new Dictionary();
  /** Per Theme__c code, the rows whose text is kept, in Id order ('grouping' only). */
  private readonly samples = new Map<number, number[]>();

  constructor(
    private readonly text: TextKept = 'all',
    dictionaries: Dictionaries = newDictionaries(),
    private readonly sample = GROUPING.themeSample,
  ) {
    this.ids = dictionaries.ids;
    this.picklists = dictionaries.picklists;
  }

  get length(): number {
    return this.id.length;
  }

  add(r: RequestRecord): void {
    const i = this.id.length;
    const c = this.cols;
    this.id.push(r.Id);
    c.account.push(this.ids.code(r.Account__c));
    c.opportunity.push(this.ids.code(r.Opportunity__c));
    c.requestedBy.push(this.ids.code(r.Requested_By__c));
    const theme = this.themes.code(r.Theme__c);
    c.theme.push(theme);
    c.suggestedTheme.push(this.themes.code(r.Suggested_Theme__c));
    c.segment.push(this.segments.code(r.Segment__c as string | null | undefined));
    c.requesterMember.push(this.ids.code(r.Requester_Member__c));
    c.requesterSide.push(this.picklists.code(r.Requester_Side__c));
    c.urgency.push(this.picklists.code(r.Urgency__c));
    c.source.push(this.picklists.code(r.Source__c));
    c.status.push(this.picklists.code(r.Status__c));
    c.workaround.push(this.picklists.code(r.Workaround__c));
    c.askedDay.push(askedDayOf(r));
    c.neededDay.push(r.Needed_By__c ? dayNumber(r.Needed_By__c) : -1);
    const rv = r.Revenue_At_Stake__c;
    c.revenue.push(typeof rv === 'number' ? rv : NaN);
    c.dealBlocker.push(r.Deal_Blocker__c === true ? 1 : 0);
    // A themed request the service had suggested elsewhere is a person's move off that
    // suggestion, which teaches grouping (themes/group.ts): it keeps its fields too.
    const moved = theme !== 0 && !!r.Suggested_Theme__c && r.Suggested_Theme__c !== r.Theme__c;
    if (moved) this.moved.add(i);
    const keep =
      this.text === 'all' || (this.text === 'grouping' && (this.keepText(i, r.Id, theme) || moved));
    c.textKept.push(keep ? 1 : 0);
    this.name.push(keep ? (r.Name ?? null) : null);
    this.description.push(keep ? (r.Description__c ?? null) : null);
    this.reason.push(keep ? (r.Suggestion_Reason__c ?? null) : null);
  }

  build(): RequestTable {
    const c = this.cols;
    return {
      length: this.id.length,
      id: this.id,
      account: c.account.done(),
      opportunity: c.opportunity.done(),
      requestedBy: c.requestedBy.done(),
      theme: c.theme.done(),
      suggestedTheme: c.suggestedTheme.done(),
      segment: c.segment.done(),
      requesterMember: c.requesterMember.done(),
      requesterSide: c.requesterSide.done(),
      urgency: c.urgency.done(),
      source: c.source.done(),
      status: c.status.done(),
      workaround: c.workaround.done(),
      askedDay: c.askedDay.done(),
      neededDay: c.neededDay.done(),
      revenue: c.revenue.done(),
      dealBlocker: c.dealBlocker.done(),
      textKept: c.textKept.done(),
      name: this.name,
      description: this.description,
      reason: this.reason,
      ids: this.ids,
      themes: this.themes,
      segments: this.segments,
      picklists: this.picklists,
    };
  }

  /**
   * Whether row i (being added, Id `id`, Theme__c code `theme`) keeps its text: unthemed rows
   * always; a themed row while it is among the first N by Id of its Theme__c, and a row it
   * displaces loses its text.
   */
  private keepText(i: number, id: string, theme: number): boolean {
    if (theme === 0) return true;
    let list = this.samples.get(theme);
    if (!list) this.samples.set(theme, (list = []));
    if (list.length === this.sample) {
      const last = list[list.length - 1];
      if (!(id < this.id[last])) return false;
      this.name[last] = null;
      this.description[last] = null;
      this.reason[last] = null;
      if (!this.moved.has(last)) this.cols.textKept.set(last, 0);
      list.pop();
    }
    let k = list.length;
    while (k > 0 && id < this.id[list[k - 1]]) k--;
    list.splice(k, 0, i);
    return true;
  }
}

/** A table of records already in memory (tests, the engine's one-call API). */
export function toRequestTable(
  records: readonly RequestRecord[],
  text: TextKept = 'all',
  dictionaries?: Dictionaries,
): RequestTable {
  const b = new RequestTableBuilder(text, dictionaries);
  for (const r of records) b.add(r);
  return b.build();
}

export function isRequestTable(x: unknown): x is RequestTable {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'textKept' in x;
}

/**
 * The requests whose text the table kept, as records with the fields grouping reads (Id, text,
 * account, themes): the input of groupThemes, which gives the same result on them as on all
 * requests (see the file comment).
 */
export function textRecords(t: RequestTable): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!t.textKept[i]) continue;
    out.push({
      Id: t.id[i],
      Name: t.name[i],
      Description__c: t.description[i],
      Account__c: t.ids.values[t.account[i]] ?? '',
      Theme__c: t.themes.values[t.theme[i]],
      Suggested_Theme__c: t.themes.values[t.suggestedTheme[i]],
      Suggestion_Reason__c: t.reason[i],
    });
  }
  return out;
}
