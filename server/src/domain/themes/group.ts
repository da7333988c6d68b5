/**
 * Theme grouping for requests without Theme__c (DESIGN.md: unthemed requests are grouped by
 * text similarity into existing themes or new Suggested themes, deterministically).
 *
 * 1. Each request's title and description become a TF-IDF vector (tokenize.ts, vectors.ts).
 * 2. Attach: a request joins the existing theme whose profile is most similar, if similar
 *    enough. A theme's profile is its Name, Description and Match_Terms plus the text of up to
 *    THEME_SAMPLE of the requests people put in it (Theme__c, by Id), so a theme is recognised
 *    by how customers phrase it. Only themes that people curate and that can still take demand
 *    are candidates: Open, Planned (or blank) at the end of their Merged_Into__c chain;
 *    Delivered and Declined themes are not, as a new request there is a new conversation for
 *    the PM.
 *    Grouping never reads its own output (Suggested_Theme__c, themes still in Status
 *    Suggested): a run's writes then cannot change the next run's input, so the next run over
 *    the same requests gives the same result and writes nothing. A written suggestion is
 *    re-found by its key instead (step 3), and once a PM opens it, it is a candidate like any.
 * 3. Cluster: the remaining requests are linked to similar ones through an inverted index, and
 *    linked pairs are merged strongest first while the merged group stays coherent (its
 *    centroid stays close). Groups spanning at least two accounts become Suggested themes:
 *    one account asking twice is not a pattern.
 *
 * Keys: 'sugg-' + a hash of the group's smallest request Id, stable while that request stays
 * in the group; the service upserts suggested themes by Theme_Key__c, and next run the same
 * group comes out under the same key, which the service maps to the theme it wrote.
 */
import type { RequestRecord, ThemeRecord } from '../records';
import { CONCEPT_LABEL } from './concepts';
import { buildMergeResolver } from './resolve';
import { canHaveSurface, eachTokenList, tokenize } from './tokenize';
import { Centroid, DenseSum, InvertedIndex, Vocabulary, dot, type SparseVector } from './vectors';

/** dot, read once: it runs per request and centroid (see `direct` in pairs.ts for why). */
const direct = { dot } as const;

export const GROUPING = {
  /** Minimum cosine between a request and a theme profile to attach it. */
  attach: 0.35,
  /** Minimum cosine between two requests to link them. */
  link: 0.3,
  /** Minimum cosine between two groups' centroids to merge them. */
  merge: 0.4,
  /** Requests sampled per theme for its profile. */
  themeSample: 10,
  /** Terms of a theme profile used for search. */
  profileTerms: 64,
  /** Links kept per request (its most similar requests): bounds the work on big groups. */
  neighbours: 8,
  /** Postings walked per term and request when linking (see InvertedIndex.neighbours). */
  window: 64,
};

/** Statuses of themes people curate that can still take demand (see step 2 above). */
const OPEN_STATUSES = new Set(['Open', 'Planned', '']);

export interface Suggestion {
  key: string;
  name: string;
  description: string;
  terms: string[];
  requestIds: string[];
}

export interface GroupingResult {
  attachments: Map<string, string>;
  suggestions: Suggestion[];
}

export interface GroupInput {
  requests: readonly RequestRecord[];
  themes: readonly ThemeRecord[];
  /** Accepted for symmetry with the other steps; grouping does not depend on time. */
  now?: Date | string | number;
}

function requestText(r: RequestRecord): string {
  return `${r.Name ?? ''}\n${r.Description__c ?? ''}`;
}

function byId<T extends { Id: string }>(a: T, b: T): number {
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit halves): short, stable, collision-safe enough. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 13;
  }
  return h1.toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function groupThemes(input: GroupInput): GroupingResult {
  const resolve = buildMergeResolver(input.themes);
  // Candidate themes and their sampled member requests (by Id, so deterministic).
  const candidates = [...input.themes]
    .filter((t) => resolve(t.Id) === t.Id && OPEN_STATUSES.has(t.Status__c ?? ''))
    .sort(byId);
  const candidateIds = new Set(candidates.map((t) => t.Id));
  const unthemed: RequestRecord[] = [];
  const samples = sampleRequests(input.requests, resolve, candidateIds, unthemed);
  // Filtering then sorting (stable) orders the unthemed requests as sorting all would.
  unthemed.sort(byId);

  // Tokenise once, straight to term ids (strings die young; ids are assigned in this fixed
  // document order); document frequencies over everything we compare.
  const vocab = new Vocabulary();
  const termsOf = (texts: string[]): Int32Array[] => {
    const out: Int32Array[] = [];
    eachTokenList(texts, (tokens) => out.push(vocab.termsOf(tokens)));
    return out;
  };
  const reqTerms = termsOf(unthemed.map(requestText));
  const themeTerms = termsOf(
    candidates.map((t) => [t.Name, t.Description__c, t.Match_Terms__c].filter(Boolean).join('\n')),
  );
  const sampled = new Map<string, RequestRecord>();
  for (const list of samples.values())
    for (const r of list) if (!sampled.has(r.Id)) sampled.set(r.Id, r);
  const sampleDocs = termsOf([...sampled.values()].map(requestText));
  const sampleTerms = new Map([...sampled.keys()].map((id, i) => [id, sampleDocs[i]]));
  vocab.countDocuments([...reqTerms, ...themeTerms, ...sampleTerms.values()]);
  const vectors = reqTerms.map((d) => vocab.vector(d));

  // Theme profiles: the theme's own text counts as much as all its sampled requests together.
  const profile = new DenseSum(vocab.names.length);
  const profiles = candidates.map((t, i) => {
    const members = samples.get(t.Id) ?? [];
    profile.add(vocab.vector(themeTerms[i]), Math.max(1, members.length));
    for (const r of members) profile.add(vocab.vector(sampleTerms.get(r.Id) as Int32Array));
    return profile.takeVector(GROUPING.profileTerms);
  });
  const themeIndex = new InvertedIndex(profiles, Math.max(2000, Math.ceil(profiles.length * 0.2)));
  const attachments = new Map<string, string>();
  const rest: number[] = [];
  for (let i = 0; i < unthemed.length; i++) {
    const best = themeIndex.best(vectors[i], GROUPING.attach);
    if (best >= 0) attachments.set(unthemed[i].Id, candidates[best].Id);
    else rest.push(i);
  }

  const suggestions = clusterRest(rest, unthemed, vectors, reqTerms, vocab);
  return { attachments, suggestions };
}

/** A sampled request and its position in the input (ties between equal Ids keep input order). */
interface Sampled {
  r: RequestRecord;
  at: number;
}

/** The sample list of candidate theme `t` (made on first use), or null if not a candidate. */
function candidateListFor(
  t: string,
  lists: Map<string, Sampled[]>,
  candidateIds: ReadonlySet<string>,
): Sampled[] | null {
  if (!candidateIds.has(t)) return null;
  let list = lists.get(t);
  if (!list) lists.set(t, (list = []));
  return list;
}

/**
 * Each candidate theme's first GROUPING.themeSample requests in Id order, and the themes in the
 * order of their first request: what one pass over all requests sorted by Id (a stable sort)
 * gives, without sorting a million requests. Lists keep the smallest (Id, input position).
 * The same pass collects the requests without Theme__c into `unthemed`, in input order.
 */
function sampleRequests(
  requests: readonly RequestRecord[],
  resolve: (themeId: string) => string,
  candidateIds: ReadonlySet<string>,
  unthemed: RequestRecord[],
): Map<string, RequestRecord[]> {
  const cap = GROUPING.themeSample;
  const lists = new Map<string, Sampled[]>();
  // A million requests name a few thousand themes: resolve each Theme__c value once, to its
  // candidate's list (shared by themes merged into the same one) or null when not a candidate.
  const listOf = new Map<string, Sampled[] | null>();
  for (let at = 0; at < requests.length; at++) {
    const r = requests[at];
    // Only people's choices: Suggested_Theme__c is this step's own output (see the header).
    const raw = r.Theme__c;
    if (!raw) {
      unthemed.push(r);
      continue;
    }
    let list = listOf.get(raw);
    if (list === undefined) {
      list = candidateListFor(resolve(raw), lists, candidateIds);
      listOf.set(raw, list);
    }
    if (list === null) continue;
    // A later request with an equal Id sorts after the earlier one (stable sort).
    if (list.length === cap) {
      if (!(r.Id < list[cap - 1].r.Id)) continue;
      list.pop();
    }
    let k = list.length;
    while (k > 0 && r.Id < list[k - 1].r.Id) k--;
    list.splice(k, 0, { r, at });
  }
  const first = (list: Sampled[]) => list[0];
  const themes = [...lists.entries()].sort((x, y) => {
    const a = first(x[1]);
    const b = first(y[1]);
    return a.r.Id < b.r.Id ? -1 : a.r.Id > b.r.Id ? 1 : a.at - b.at;
  });
  return new Map(themes.map(([t, list]) => [t, list.map((e) => e.r)]));
}

function clusterRest(
  rest: number[],
  requests: readonly RequestRecord[],
  vectors: readonly SparseVector[],
  terms: readonly Int32Array[],
  vocab: Vocabulary,
): Suggestion[] {
  const vs = rest.map((i) => vectors[i]);
  const index = new InvertedIndex(vs);
  const edges: { a: number; b: number; s: number }[] = [];
  for (let a = 0; a < vs.length; a++) {
    for (const n of index.neighbours(vs[a], GROUPING.link, {
      after: a,
      limit: GROUPING.neighbours,
      window: GROUPING.window,
    }))
      edges.push({ a, b: n.index, s: n.score });
  }
  edges.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);

  const parent = Int32Array.from(vs.keys());
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const centroids = new Map<number, Centroid>();
  const centroidOf = (root: number): Centroid => {
    let c = centroids.get(root);
    if (!c) {
      c = new Centroid();
      c.add(vs[root]);
      centroids.set(root, c);
    }
    return c;
  };
  for (const { a, b } of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ca = centroidOf(ra);
    const cb = centroidOf(rb);
    if (ca.cosine(cb) < GROUPING.merge) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    const ck = keep === ra ? ca : cb;
    ck.merge(keep === ra ? cb : ca);
    parent[drop] = keep;
    centroids.delete(drop);
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < vs.length; i++) {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  const out: Suggestion[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const reqs = members.map((m) => requests[rest[m]]);
    const accounts = new Set(reqs.map((r) => r.Account__c));
    if (accounts.size < 2) continue;
    out.push(
      describeGroup(
        reqs,
        members.map((m) => rest[m]),
        centroidOf(root),
        vectors,
        terms,
        vocab,
        accounts.size,
      ),
    );
  }
  out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return out;
}

function describeGroup(
  reqs: RequestRecord[],
  docIndexes: number[],
  centroid: Centroid,
  vectors: readonly SparseVector[],
  docTerms: readonly Int32Array[],
  vocab: Vocabulary,
  accountCount: number,
): Suggestion {
  const c = centroid.toVector();
  // Name: the title of the most central request (ties by Id: members are in Id order).
  let best = 0;
  let bestScore = -1;
  docIndexes.forEach((d, i) => {
    const s = direct.dot(vectors[d], c);
    if (s > bestScore + 1e-12) {
      best = i;
      bestScore = s;
    }
  });
  // Terms: tokens shared by at least two members, strongest in the centroid first.
  const seenIn = new Map<number, number>();
  for (const d of docIndexes)
    for (const t of new Set(docTerms[d])) seenIn.set(t, (seenIn.get(t) ?? 0) + 1);
  const weightOf = new Map<number, number>();
  for (let i = 0; i < c.terms.length; i++) weightOf.set(c.terms[i], c.weights[i]);
  const name = (t: number) => vocab.names[t];
  const members = reqs.map((req, i) => ({ req, terms: docTerms[docIndexes[i]] }));
  const terms = [...seenIn.entries()]
    .filter(([, n]) => n >= 2)
    .map(([t]) => t)
    .sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0) || (name(a) < name(b) ? -1 : 1))
    .slice(0, 6)
    .map((t) => CONCEPT_LABEL.get(name(t)) ?? surfaceForm(t, name(t), members) ?? name(t));
  const title = (reqs[best].Name ?? '').trim() || terms.join(', ') || 'Suggested theme';
  const shown = title.length > 80 ? `${title.slice(0, 77)}...` : title;
  const requestIds = reqs.map((r) => r.Id);
  return {
    key: `sugg-${stableHash(requestIds[0])}`,
    name: shown,
    description: `Suggested by Quorum: ${reqs.length} similar requests from ${accountCount} accounts. Shared terms: ${terms.join(', ') || '(none)'}.`,
    terms,
    requestIds,
  };
}

/**
 * How the first member (in order) that wrote a word token wrote it (tokenize's surface form),
 * or undefined. Only members holding the term are tokenised again, once each per group, and
 * only here: keeping a surface map for every request would cost more than these few repeats.
 */
function surfaceForm(
  term: number,
  token: string,
  members: { req: RequestRecord; terms: Int32Array; surface?: Map<string, string> }[],
): string | undefined {
  if (!canHaveSurface(token)) return undefined;
  for (const m of members) {
    if (!m.terms.includes(term)) continue;
    m.surface ??= tokenize(requestText(m.req)).surface;
    const surface = m.surface.get(token);
    if (surface !== undefined) return surface;
  }
  return undefined;
}
