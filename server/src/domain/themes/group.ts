/**
 * Theme grouping for requests without Theme__c: into an existing theme when they match it,
 * else into new Suggested themes; precision first, deterministic, bounded work per request.
 *
 * 0. Free requests (unthemed, not pinned by step 2) beyond GROUPING.maxFree wait for a later
 *    run, the oldest first: they are left out of every step, text included, so a run over a
 *    backlog of any size reads, weighs and compares at most that many (GroupingResult.deferred).
 * 1. Text → weighted terms in any language (tokenize.ts: jieba + dictionary pivot for Chinese,
 *    Snowball for European languages, a small domain-synonym table), then TF-IDF vectors.
 * 2. What people did teaches the run (all read from the org's state, so the same state gives
 *    the same result):
 *    - requests they put into themes (Theme__c) are the labelled examples of those themes;
 *    - a suggestion they merged (Merged_Into__c) sends its requests to the theme it was merged
 *      into, and a suggestion they accepted (no longer Suggested) keeps its requests, as a
 *      curated theme (open or closed) keeps the requests an earlier run attached to it;
 *    - a request they moved off a suggestion into another theme (Theme__c set, its old
 *      Suggested_Theme__c left by the service) says the suggestion's other requests are not
 *      that theme: they are never attached to it.
 * 3. Attach: a request joins the curated theme whose labelled examples (and own text) it
 *    resembles most, scored by the mean of its best three cosines to them (fewer when the
 *    theme has fewer documents), if at least
 *    GROUPING.attach. Candidates are the themes people curate, at the end of their merge
 *    chain: Open, Planned (or blank), and Delivered or Declined too. A new ask for a need
 *    already delivered or declined is that need asked again: scoring lists it apart, unranked,
 *    and the account team hears "already delivered"; left out, it would cluster into a new
 *    Suggested theme that duplicates the closed one and ranks as fresh open demand. The
 *    reason names a closed theme's status. Suggested themes are never candidates: they are
 *    this run's own clusters (step 4). The search (attach.ts) visits themes by an upper
 *    bound of their score and compares a request with the documents of the few themes that
 *    can still win, not with every document.
 * 4. Cluster the rest with average linkage (cluster.ts) over each request's nearest
 *    neighbours. Groups spanning at least two accounts become Suggested themes: one account
 *    asking twice is not a pattern.
 * 5. Each suggestion is named from the terms its requests share, in the org's main language,
 *    and keeps its key across runs and triage (keys.ts); each request placed gets a reason.
 *
 * A run over its own output changes nothing: the groups do not depend on Suggested_Theme__c
 * (only keys and the pins of step 2 read it, and both reproduce what they read).
 */
import type { RequestInput as RequestRecord, ThemeInput as ThemeRecord } from '../../schema/inputs';
import { CLOSED_THEME_STATUSES } from '../profile';
import { averageLinkage, type Edges } from './cluster';
import {
  fitReason,
  mainLanguage,
  memberTerms,
  nameOf,
  restateMatch,
  sharedTerms,
  themeLabel,
  type Member,
} from './describe';
import { ThemeProfiles } from './attach';
import { assignKeys } from './keys';
import { buildMergeResolver } from './resolve';
import {
  addNames,
  compactTerms,
  interner,
  keepPivots,
  packTokens,
  restoredSurface,
  tokenize,
  type PackedTokens,
  type TextTerms,
  type Tokens,
} from './tokenize';
import { InvertedIndex, Vocabulary, dot, type SparseVector } from './vectors';
import { drain, STEP_ITEMS, type Steps } from '../steps';

export { stableHash } from './keys';

export const GROUPING = {
  /** Minimum score (mean of the best three cosines to a theme's examples) to attach. */
  attach: 0.18,
  /** Minimum cosine for two requests to be candidates of a merge. */
  link: 0.2,
  /** Minimum mean pairwise cosine of a merged group (average linkage): the operating point. */
  merge: 0.15,
  /**
   * Each document's private dimension (Vocabulary.privateWeight): damps vague short texts, so
   * one-sentence requests need more shared words than a titled, described one to merge. The
   * length-aware part of the operating point (chosen on the tuning splits, see the fixtures'
   * README): 3 rather than 2 raised Banking77 precision from 0.47 to 0.76 on its tuning sample
   * while the lower merge threshold kept the multilingual recall.
   */
  privateWeight: 3,
  /** Labelled requests read per theme as its examples. */
  themeSample: 10,
  /** Examples of a theme averaged for its score (its best ones). */
  attachTop: 3,
  /** Candidate neighbours kept per request: bounds the work on big groups. */
  neighbours: 10,
  /** Terms in more requests than this are not walked in a search (they still count). */
  maxPostings: 5000,
  /** Postings walked per term and request when finding neighbours (see InvertedIndex.neighbours). */
  window: 64,
  /**
   * Free requests (step 0) grouped per run, the most recently logged first (highest Ids): what
   * bounds a run's memory and time. An org with a larger backlog has it grouped over several
   * runs; below it a run groups every free request, as if there were no bound.
   */
  maxFree: 50_000,
};

/** Texts a run needs before document frequency can tell template wording (see `template`). */
const TEMPLATE_MIN_DOCS = 50;

/** Statuses of the themes people curate, open or closed: attach candidates (see step 3 above). */
const ATTACH_STATUSES = new Set(['Open', 'Planned', '', ...CLOSED_THEME_STATUSES]);

export interface Suggestion {
  key: string;
  name: string;
  description: string;
  terms: string[];
  requestIds: string[];
}

export interface GroupingResult {
  /** Unthemed request Id → existing theme Id. */
  attachments: Map<string, string>;
  suggestions: Suggestion[];
  /** Why each placed request (attached or suggested) was placed (Suggestion_Reason__c). */
  reasons: Map<string, string>;
  /** Free requests left for a later run (step 0): the oldest beyond GROUPING.maxFree. */
  deferred: number;
}

export interface GroupInput {
  requests: readonly RequestRecord[];
  themes: readonly ThemeRecord[];
  /** Accepted for symmetry with the other steps; grouping does not depend on time. */
  now?: Date | string | number;
  /** Overrides of GROUPING (evaluation sweeps). */
  settings?: Partial<typeof GROUPING>;
}

/** The reason an earlier run wrote, kept while the request stays where it was put. */
function previousReason(r: RequestRecord): string | undefined {
  const reason = (r as { Suggestion_Reason__c?: unknown }).Suggestion_Reason__c;
  return typeof reason === 'string' && reason ? reason : undefined;
}

function requestText(r: RequestRecord): string {
  return `${r.Name ?? ''}\n${r.Description__c ?? ''}`;
}

function byId<T extends { Id: string }>(a: T, b: T): number {
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

interface Doc {
  tokens: TextTerms;
  vector: SparseVector;
}

export function groupThemes(input: GroupInput): GroupingResult {
  return drain(groupingSteps(input));
}

/**
 * groupThemes as steps (domain/steps.ts): it yields every few hundred texts or requests, so
 * the service can answer and renew its lease while a large run groups. Same result.
 */
export function* groupingSteps(input: GroupInput): Steps<GroupingResult> {
  const cfg = { ...GROUPING, ...input.settings };
  const resolve = buildMergeResolver(input.themes);
  const themeById = new Map(input.themes.map((t) => [t.Id, t]));
  const candidates = [...input.themes]
    .filter((t) => resolve(t.Id) === t.Id && ATTACH_STATUSES.has(t.Status__c ?? ''))
    .sort(byId);
  const candidateIds = new Set(candidates.map((t) => t.Id));
  // Suggestions still waiting for a person: their keys carry over (keys.ts).
  const reusable = new Set(
    input.themes
      .filter((t) => t.Theme_Key__c && t.Status__c === 'Suggested' && resolve(t.Id) === t.Id)
      .map((t) => t.Id),
  );

  // Requests in Id order; the first (by Id) wins when an Id repeats.
  const requests = [...input.requests].sort(byId);
  yield;
  const requestsById = new Map<string, RequestRecord>();
  let n = 0;
  for (const r of requests) {
    if (++n % STEP_ITEMS === 0) yield;
    if (!requestsById.has(r.Id)) requestsById.set(r.Id, r);
  }

  // ---- what people did (step 2)
  const examples = new Map<string, RequestRecord[]>();
  /** Suggested theme Id → themes its requests must not be attached to (moves). */
  const notInto = new Map<string, Set<string>>();
  for (const r of requestsById.values()) {
    if (++n % STEP_ITEMS === 0) yield;
    if (!r.Theme__c) continue;
    const into = resolve(r.Theme__c);
    if (candidateIds.has(into)) {
      const list = examples.get(into) ?? [];
      if (list.length < cfg.themeSample) list.push(r);
      examples.set(into, list);
    }
    const off = r.Suggested_Theme__c;
    if (off && resolve(off) !== into && themeById.get(off)?.Status__c === 'Suggested') {
      const set = notInto.get(off) ?? new Set<string>();
      set.add(into);
      notInto.set(off, set);
    }
  }
  const unthemed = [...requestsById.values()].filter((r) => !r.Theme__c);
  const attachments = new Map<string, string>();
  const reasons = new Map<string, string>();
  const free: RequestRecord[] = [];
  for (const r of unthemed) {
    if (++n % STEP_ITEMS === 0) yield;
    const s = r.Suggested_Theme__c;
    const target = s ? resolve(s) : '';
    const theme = s ? themeById.get(s) : undefined;
    // Pinned: a suggestion a person merged into a curated theme or accepted, or a curated
    // theme (open or closed) an earlier run attached it to: people teach by moving it
    // (Theme__c), and a run over its own output must not undo it.
    if (s && candidateIds.has(target)) {
      attachments.set(r.Id, target);
      const into = themeById.get(target);
      const label = themeLabel(into?.Name, into?.Status__c);
      reasons.set(
        r.Id,
        fitReason(
          target !== s
            ? `"${theme?.Name ?? ''}" was merged into ${label} by a person`
            : theme?.Origin__c === 'Suggested'
              ? `in ${label}, a suggestion a person accepted`
              : restateMatch(previousReason(r), into?.Name, into?.Status__c),
        ),
      );
    } else free.push(r);
  }
  // ---- bounded run (step 0): `free` is in Id order, so the oldest come first
  const deferred = Math.max(0, free.length - cfg.maxFree);
  if (deferred > 0) free.splice(0, deferred);

  // ---- vectors (step 1): every text compared, tokenised once, in a fixed order
  const vocab = new Vocabulary();
  vocab.privateWeight = cfg.privateWeight;
  const sampled = [...examples.values()].flat();
  // Every unthemed request counts in the document frequencies, pinned or not: the vectors of
  // the free ones then do not depend on what earlier runs pinned (a run over its own output
  // sees the same numbers).
  const pinned = unthemed.filter((r) => attachments.has(r.Id));
  const texts = function* () {
    for (const r of free) yield requestText(r);
    for (const t of candidates)
      yield [t.Name, t.Description__c, t.Match_Terms__c].filter(Boolean).join('\n');
    for (const r of sampled) yield requestText(r);
    for (const r of pinned) yield requestText(r);
  };
  const used = free.length + candidates.length + sampled.length;
  const { docs, main } = yield* documents(texts(), used, vocab);
  const freeDocs = docs.slice(0, free.length);
  const themeDocs = docs.slice(free.length, free.length + candidates.length);
  const exampleDocs = docs.slice(free.length + candidates.length);
  const idf = (term: string) => {
    const id = vocab.ids.get(term);
    return id === undefined ? 0 : vocab.idf(id);
  };
  // Template wording: a term in more than a third of a sizeable run's texts says how requests
  // are logged, not what they ask for (names and reasons skip it; vectors keep it, at its idf).
  const template = (term: string) => {
    const id = vocab.ids.get(term);
    return id !== undefined && vocab.docs >= TEMPLATE_MIN_DOCS && vocab.df[id] * 3 > vocab.docs;
  };

  // ---- attach (step 3)
  const profileDocs: { theme: number; doc: Doc; id: string | null }[] = [];
  candidates.forEach((t, i) => {
    profileDocs.push({ theme: i, doc: themeDocs[i], id: null });
  });
  const candidateAt = new Map(candidates.map((t, i) => [t.Id, i]));
  let at = 0;
  for (const list of examples.values())
    for (const r of list) {
      profileDocs.push({
        theme: candidateAt.get(resolve(r.Theme__c as string)) as number,
        doc: exampleDocs[at++],
        id: r.Id,
      });
    }
  const profiles = new ThemeProfiles(
    profileDocs.map((p) => ({ theme: p.theme, vector: p.doc.vector })),
    candidates.length,
    { attach: cfg.attach, floor: cfg.attach * 0.5, top: cfg.attachTop },
  );
  const rest: number[] = [];
  for (let i = 0; i < free.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const r = free[i];
    const blocked = notInto.get(r.Suggested_Theme__c ?? '');
    const best = profiles.best(freeDocs[i].vector, (theme) =>
      blocked ? blocked.has(candidates[theme].Id) : false,
    );
    if (!best) {
      rest.push(i);
      continue;
    }
    const theme = candidates[best.theme];
    attachments.set(r.Id, theme.Id);
    const group: Member[] = [
      { id: r.Id, tokens: freeDocs[i].tokens },
      ...best.docs.map((d) => ({
        id: profileDocs[d].id ?? theme.Id,
        tokens: profileDocs[d].doc.tokens,
      })),
    ];
    const { shared } = sharedTerms(group, idf, main, 6, template);
    const mine = memberTerms(group[0], shared);
    const examplesShown = best.docs.filter((d) => profileDocs[d].id !== null).length;
    reasons.set(
      r.Id,
      fitReason(
        `matches ${themeLabel(theme.Name, theme.Status__c)}` +
          (mine.length > 0 ? `: shares ${mine.join(', ')}` : '') +
          (examplesShown > 0 ? ` with ${examplesShown} of its requests` : ''),
      ),
    );
  }

  // ---- cluster (step 4)
  const vs = rest.map((i) => freeDocs[i].vector);
  const index = new InvertedIndex(vs, cfg.maxPostings);
  const edges = yield* laterEdges(vs, index, cfg);
  yield;
  const groups = averageLinkage(vs, edges, cfg.merge);
  yield;

  // ---- describe and key (step 5)
  const found: {
    requestIds: string[];
    members: Member[];
    accounts: number;
    name: string;
    labels: string[];
    shared: string[];
  }[] = [];
  for (let k = 0; k < groups.length; k++) {
    if (k % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const g = groups[k];
    if (g.length < 2) continue;
    const reqs = g.map((m) => free[rest[m]]);
    const accounts = new Set(reqs.map((r) => r.Account__c)).size;
    if (accounts < 2) continue;
    const members = g.map((m, k) => ({ id: reqs[k].Id, tokens: freeDocs[rest[m]].tokens }));
    const { shared, labels } = sharedTerms(members, idf, main, 6, template);
    found.push({
      requestIds: reqs.map((r) => r.Id),
      members,
      accounts,
      name: nameOf(labels),
      labels,
      shared,
    });
  }
  yield;
  const keys = assignKeys(found, requestsById, input.themes, reusable);
  yield;
  const suggestions: Suggestion[] = found.map((f, k) => {
    for (const m of f.members) {
      const mine = memberTerms(m, f.shared);
      const others = f.requestIds.length - 1;
      reasons.set(
        m.id,
        fitReason(
          `${mine.length > 0 ? `shares: ${mine.join(', ')}` : 'similar wording'} with ${others} request${others === 1 ? '' : 's'}`,
        ),
      );
    }
    return {
      key: keys[k],
      name: f.name,
      description: `Suggested by Quorum: ${f.requestIds.length} similar requests from ${f.accounts} accounts. Shared terms: ${f.labels.join(', ') || '(none)'}.`,
      terms: f.labels,
      requestIds: f.requestIds,
    };
  });
  suggestions.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { attachments, suggestions, reasons, deferred };
}

/** Each request's nearest later requests (Id order), a window of postings per term. */
function* laterEdges(
  vs: readonly SparseVector[],
  index: InvertedIndex,
  cfg: typeof GROUPING,
): Steps<Edges> {
  const edges: number[] = [];
  for (let a = 0; a < vs.length; a++) {
    if (a % STEP_ITEMS === STEP_ITEMS - 1) yield;
    for (const n of index.neighbours(vs[a], cfg.link, {
      after: a,
      limit: cfg.neighbours,
      window: cfg.window,
    }))
      edges.push(a, n.index);
  }
  return edges;
}

/**
 * Step 1 over a run's texts, in order: the first `used` texts' documents (terms for names and
 * reasons, TF-IDF vector), every text counted in the document frequencies, and the run's main
 * language. Memory follows the texts: each is tokenised and packed at once (PackedTokens); the
 * pivots in use (pivotsInUse) and the names (addNames) are collected on the way, then
 * applied text by text while its packed tokens are dropped.
 */
function* documents(
  texts: Iterable<string>,
  used: number,
  vocab: Vocabulary,
): Steps<{ docs: Doc[]; main: 'zh' | 'english' }> {
  const intern = interner();
  const words = new Set<string>();
  const named = new Set<string>();
  const packed: (PackedTokens | null)[] = [];
  for (const text of texts) {
    if (packed.length % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const t = tokenize(text);
    t.tokens.forEach((tok, i) => t.pivotOf[i] === null && words.add(tok));
    addNames(t, named);
    packed.push(packTokens(t, intern));
  }
  const main = mainLanguage(packed.map((p) => (p as PackedTokens).language));
  const ids: Int32Array[] = [];
  const weights: number[][] = [];
  const terms: TextTerms[] = [];
  for (let i = 0; i < packed.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    let p = packed[i] as PackedTokens;
    packed[i] = null;
    if (p.pivotOf !== null)
      p = keepPivots(p as PackedTokens & { pivotOf: (string | null)[] }, words);
    ids.push(vocab.termsOf(p.tokens));
    if (i >= used) continue;
    weights.push(p.weights);
    terms.push(compactTerms(p, restoredSurface(p, named)));
  }
  yield;
  vocab.countDocuments(ids);
  const docs: Doc[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    docs.push({ tokens: terms[i], vector: vocab.vector(ids[i], weights[i]) });
  }
  return { docs, main };
}

/**
 * Keeps a dictionary's pivot terms only where some document uses the term as a word of its
 * own (keepPivots): the pivots then bridge languages without diluting what they cannot bridge.
 */
function pivotsInUse(all: Tokens[]): Tokens[] {
  const words = new Set<string>();
  for (const t of all) t.tokens.forEach((tok, i) => t.pivotOf[i] === null && words.add(tok));
  return all.map((t) => (t.pivotOf.some((p) => p !== null) ? keepPivots(t, words) : t));
}

/**
 * Loads what grouping loads on first use (jieba, the dictionary's index, the stemmers), so a
 * caller that knows a run is coming can pay for it earlier. Grouping works without it.
 */
export function prepareGrouping(): void {
  textSimilarity('Export reports to Excel', '导出报表到Excel，数据存放在欧盟境内');
}

/** Exposed for tests: the cosine of two texts as grouping sees them (same vocabulary). */
export function textSimilarity(a: string, b: string): number {
  const vocab = new Vocabulary();
  vocab.privateWeight = GROUPING.privateWeight;
  const [ta, tb] = pivotsInUse([tokenize(a), tokenize(b)]);
  const ia = vocab.termsOf(ta.tokens);
  const ib = vocab.termsOf(tb.tokens);
  vocab.countDocuments([ia, ib]);
  return dot(vocab.vector(ia, ta.weights), vocab.vector(ib, tb.weights));
}
