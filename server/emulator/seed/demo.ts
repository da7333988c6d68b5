/**
 * The deterministic demo org: accounts across industries, sizes and countries; contacts with
 * titles and reporting lines; opportunities; buying committees and contact roles; themes;
 * requests phrased differently per account (English and Chinese, ~25% unthemed), and at demo
 * sizes six unthemed requests for each of two needs no theme covers yet (needs.ts EMERGING);
 * segments with criteria (one deliberately invalid); one active scoring profile. Same seed → same org.
 */
import { REQUEST_STATUSES, SOURCES, URGENCIES, WORKAROUNDS } from '../../src/schema/picklists';
import { seedHistory } from './history';
import type { Store } from '../store/store';
import type { Row } from '../store/table';
import type { Value } from '../store/values';
import {
  COUNTRIES,
  DAY,
  FIRST,
  INDUSTRIES,
  LAST,
  NAME_A,
  NAME_ZH,
  STAGES,
  TITLES,
  ZH_SUFFIX,
} from './catalog';
import { seedSegmentsAndProfile } from './config';
import { AFFINITY, EMERGING, NEEDS, QUALIFIERS } from './needs';
import { Prng } from './prng';
import { REPS, seedUsers } from './users';

export { DEMO_USERS, seedUsers } from './users';

export interface DemoOptions {
  seed?: string;
  /** Number of accounts (default 300). */
  scale?: number;
  /** Average escalated requests per account (default 4; 10 from 10,000 accounts up). */
  requestsPerAccount?: number;
  /** Share of requests without a theme, for grouping to place (default 0.25). */
  unthemedShare?: number;
  /** "Now" for the generated dates (ms); defaults to the store clock. */
  now?: number;
}

export interface DemoCounts {
  [type: string]: number;
}

function dateString(ms: number, cache: Map<number, string>): string {
  const day = Math.floor(ms / DAY);
  let s = cache.get(day);
  if (!s) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

export function generateDemoOrg(store: Store, opts: DemoOptions = {}): DemoCounts {
  const scale = opts.scale ?? 300;
  const rpa = opts.requestsPerAccount ?? (scale >= 10_000 ? 10 : 4);
  const rng = new Prng(`quorum-demo:${opts.seed ?? 'demo'}`);
  const now = opts.now ?? store.clock();
  const dates = new Map<number, string>();
  const large = scale > 5_000;
  seedUsers(store);

  const reps = store
    .load(
      'User',
      REPS.map(([first, last]) => ({
        FirstName: first,
        LastName: last,
        Username: `${first.toLowerCase()}.${last.toLowerCase()}@quorum.example`,
        Email: `${first.toLowerCase()}.${last.toLowerCase()}@quorum.example`,
        Alias: first.toLowerCase().slice(0, 8),
        Title: 'Account Executive',
        IsActive: true,
      })),
      now - 900 * DAY,
    )
    .map((r) => r.Id as string);

  // ---- accounts --------------------------------------------------------------------------------
  const industryNames = INDUSTRIES.map((i) => i[0]);
  const industryWeights = INDUSTRIES.map((i) => i[1]);
  const countryWeights = COUNTRIES.map((c) => c.weight);
  const accountRecords: Array<Record<string, Value>> = [];
  const accountMeta: Array<{ industry: string; country: string; zh: boolean; local?: number[] }> =
    [];
  for (let i = 0; i < scale; i++) {
    const industry = rng.weighted(industryNames, industryWeights);
    const suffixes = INDUSTRIES.find((x) => x[0] === industry)![2];
    const place = rng.weighted(COUNTRIES, countryWeights);
    const [city, state] = rng.pick(place.cities);
    const zh = place.country === 'China';
    const base =
      zh && rng.chance(0.6)
        ? `${NAME_ZH[i % NAME_ZH.length]}${ZH_SUFFIX[industry] ?? ''}`
        : `${NAME_A[i % NAME_A.length]} ${rng.pick(suffixes)}`;
    const round = Math.floor(i / NAME_A.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    // Log-uniform sizes: many mid-sized, some very large.
    const employees = Math.round(
      Math.exp(Math.log(50) + rng.next() * (Math.log(250_000) - Math.log(50))),
    );
    accountRecords.push({
      Name: name,
      Industry: industry,
      Type: rng.chance(0.8) ? 'Customer - Direct' : rng.pick(['Prospect', 'Customer - Channel']),
      NumberOfEmployees: employees,
      AnnualRevenue: Math.round((employees * (80_000 + rng.next() * 240_000)) / 1000) * 1000,
      BillingCountry: place.country,
      BillingState: state,
      BillingCity: city,
      Rating: rng.pick(['Hot', 'Warm', 'Cold']),
      Ownership: rng.pick(['Public', 'Private', 'Subsidiary']),
      OwnerId: reps[i % reps.length],
      CreatedDate: now - rng.int(400, 1500) * DAY,
    });
    accountMeta.push({ industry, country: place.country, zh });
  }
  const accounts = store.load('Account', accountRecords);
  accountRecords.length = 0;

  // ---- contacts (most senior first; others report to the first or second) ----------------------
  const perAccount = large ? 3 : 6;
  const contactsOf: Row[][] = [];
  for (let a = 0; a < accounts.length; a++) {
    const titles = large
      ? [TITLES[rng.int(0, 2)], TITLES[rng.int(3, 6)], TITLES[rng.int(7, 8)]]
      : [
          TITLES[0],
          TITLES[1],
          TITLES[rng.int(2, 3)],
          TITLES[4],
          TITLES[rng.int(5, 6)],
          TITLES[rng.int(7, 8)],
        ];
    const rows: Row[] = [];
    for (let c = 0; c < perAccount; c++) {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const rec: Record<string, Value> = {
        AccountId: accounts[a].Id,
        FirstName: first,
        LastName: last,
        Title: titles[c].title,
        Email: large ? null : `${first.toLowerCase()}.${last.toLowerCase()}${a}@example.com`,
        ReportsToId: c === 0 ? null : rows[c <= 2 ? 0 : 1].Id,
        OwnerId: accounts[a].OwnerId,
        CreatedDate: accounts[a].CreatedDate,
      };
      rows.push(store.load('Contact', [rec])[0]);
    }
    contactsOf.push(rows);
  }
  const roleOfTitle = new Map(TITLES.map((t) => [t.title, t]));

  // ---- opportunities, committees, contact roles -------------------------------------------------
  const oppsOf: Row[][] = [];
  let members = 0;
  let ocrs = 0;
  const memberRecords: Array<Record<string, Value>> = [];
  const ocrRecords: Array<Record<string, Value>> = [];
  for (let a = 0; a < accounts.length; a++) {
    const count = large ? (rng.chance(0.5) ? 1 : 2) : rng.int(1, 3);
    const opps = store.load(
      'Opportunity',
      Array.from({ length: count }, (_x, k) => {
        const stage = rng.pick(STAGES);
        return {
          AccountId: accounts[a].Id,
          Name: `${accounts[a].Name} — ${['Platform expansion', 'New business', 'Renewal', 'Regional rollout'][k % 4]}`,
          StageName: stage,
          Amount: rng.int(20, 2_000) * 1000,
          CloseDate: dateString(now + rng.int(-200, 300) * DAY, dates),
          OwnerId: accounts[a].OwnerId,
          CreatedDate: now - rng.int(30, 400) * DAY,
        };
      }),
    );
    oppsOf.push(opps);
    const contacts = contactsOf[a];
    const committeeSize = large ? 2 : rng.int(2, 4);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(committeeSize, contacts.length))
      chosen.add(rng.int(0, contacts.length - 1));
    for (const c of chosen) {
      const t = roleOfTitle.get(contacts[c].Title as string)!;
      memberRecords.push({
        Opportunity__c: opps[0].Id,
        Contact__c: contacts[c].Id,
        Role__c: t.role,
        Influence__c: c === 0 ? 'High' : rng.pick(['High', 'Medium', 'Low']),
        Stance__c: rng.pick([
          'Champion',
          'Supporter',
          'Neutral',
          'Neutral',
          'Skeptic',
          'Detractor',
        ]),
        Has_Veto__c: t.role === 'Legal & Security' || (c === 0 && rng.chance(0.3)),
        Member_Key__c: `${opps[0].Id}:${contacts[c].Id}`,
      });
      members++;
    }
    // Contact roles for a contact without a member row (the standard object counts too).
    const free = contacts.findIndex((_c, i) => !chosen.has(i));
    if (free >= 0 && rng.chance(0.5)) {
      ocrRecords.push({
        OpportunityId: opps[0].Id,
        ContactId: contacts[free].Id,
        Role: roleOfTitle.get(contacts[free].Title as string)!.ocr,
        IsPrimary: false,
      });
      ocrs++;
    }
    if (memberRecords.length >= 10_000)
      store.load('Buying_Committee_Member__c', memberRecords.splice(0));
    if (ocrRecords.length >= 10_000) store.load('OpportunityContactRole', ocrRecords.splice(0));
  }
  store.load('Buying_Committee_Member__c', memberRecords.splice(0));
  store.load('OpportunityContactRole', ocrRecords.splice(0));

  // ---- themes -----------------------------------------------------------------------------------
  const themeCount = Math.max(40, Math.round(scale / 20));
  const themeNeed: number[] = [];
  const themes = store.load(
    'Demand_Theme__c',
    Array.from({ length: themeCount }, (_x, t) => {
      const needIndex = t % NEEDS.length;
      const variant = Math.floor(t / NEEDS.length);
      themeNeed.push(needIndex);
      const need = NEEDS[needIndex];
      const name =
        variant === 0
          ? need.theme
          : `${need.theme} ${QUALIFIERS[(variant - 1) % QUALIFIERS.length]}${variant > QUALIFIERS.length ? ` ${Math.ceil(variant / QUALIFIERS.length)}` : ''}`;
      return {
        Name: name.slice(0, 80),
        Description__c: `Customers ask for: ${need.en[0].toLowerCase()}.`,
        Product_Area__c: need.area,
        Status__c:
          t % 13 === 5
            ? 'Planned'
            : t % 17 === 3
              ? 'Delivered'
              : t % 19 === 11
                ? 'Declined'
                : 'Open',
        Origin__c: 'Manual',
        Match_Terms__c: need.terms,
        CreatedDate: now - 500 * DAY,
      };
    }),
  );

  // ---- requests -------------------------------------------------------------------------------
  const total = Math.round(scale * rpa);
  const themed = 1 - (opts.unthemedShare ?? 0.25);
  // Each list's weights follow its picklist's order (schema/picklists.ts).
  const urgencies = [...URGENCIES];
  const urgencyW = [10, 30, 40, 20];
  const sources = [...SOURCES];
  const sourceW = [40, 15, 20, 15, 10];
  const statuses = [...REQUEST_STATUSES];
  const statusW = [35, 25, 15, 10, 15];
  const workarounds = [...WORKAROUNDS];
  const workaroundW = [60, 25, 15];
  // Popular themes are asked for more (a Zipf-like skew over themes).
  const themeWeights = themes.map((_t, i) => 1 / Math.pow(i + 1, 0.8));
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of themeWeights) cumulative.push((acc += w));
  // Themes an account's industry or country asks for more often (so segments differ).
  const affinity = new Map<string, number[]>();
  themes.forEach((_t, i) => {
    for (const key of AFFINITY[NEEDS[themeNeed[i]].theme] ?? [])
      affinity.set(key, [...(affinity.get(key) ?? []), i]);
  });
  const localThemes = new Map<string, number[]>();
  const pickTheme = (a: number): number => {
    if (rng.chance(0.55)) {
      const meta = accountMeta[a];
      if (!meta.local) {
        const key = `${meta.industry}|${meta.country}`;
        meta.local = localThemes.get(key) ?? [
          ...(affinity.get(meta.industry) ?? []),
          ...(affinity.get(meta.country) ?? []),
        ];
        localThemes.set(key, meta.local);
      }
      const local = meta.local;
      if (local.length > 0) return local[Math.floor(rng.next() * local.length)];
    }
    const r = rng.next() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const descriptions = NEEDS.map((need) =>
    need.en.map(
      (p) =>
        `${p}. The account team heard this in a quarterly business review; see notes for context.`,
    ),
  );
  const batch: Array<Record<string, Value>> = [];
  for (let i = 0; i < total; i++) {
    const a = Math.min(scale - 1, Math.floor(scale * Math.pow(rng.next(), 1.3)));
    const t = pickTheme(a);
    const need = NEEDS[themeNeed[t]];
    const chinese = accountMeta[a].zh ? rng.chance(0.65) : rng.chance(0.05);
    const phrasing = chinese ? rng.pick(need.zh) : rng.pick(need.en);
    const contacts = contactsOf[a];
    const created = now - Math.floor(rng.next() * 730) * DAY - rng.int(0, 86_399) * 1000;
    batch.push({
      Name: phrasing,
      Description__c: chinese ? null : rng.pick(descriptions[themeNeed[t]]),
      Account__c: accounts[a].Id,
      Opportunity__c: rng.chance(0.6) ? oppsOf[a][0].Id : null,
      Requested_By__c: rng.chance(0.85) ? contacts[rng.int(0, contacts.length - 1)].Id : null,
      Theme__c: rng.chance(themed) ? themes[t].Id : null,
      Urgency__c: rng.weighted(urgencies, urgencyW),
      Needed_By__c: rng.chance(0.7) ? dateString(now + rng.int(-90, 540) * DAY, dates) : null,
      Revenue_At_Stake__c: rng.chance(0.7) ? rng.int(0, 2_000) * 1000 : null,
      Deal_Blocker__c: rng.chance(0.12),
      Source__c: rng.weighted(sources, sourceW),
      Status__c: rng.weighted(statuses, statusW),
      Workaround__c: rng.weighted(workarounds, workaroundW),
      OwnerId: accounts[a].OwnerId,
      CreatedDate: created,
      // Account teams log requests days after the customer asked.
      Asked_On__c: dateString(created - rng.int(0, 21) * DAY, dates),
    });
    if (batch.length === 10_000) store.load('Escalated_Request__c', batch.splice(0));
  }
  store.load('Escalated_Request__c', batch.splice(0));
  if (!large)
    store.load('Escalated_Request__c', emergingRequests(accounts, accountMeta, now, dates));

  seedSegmentsAndProfile(store);
  // A trend from the start (scoring the whole org once per month shown): demo sizes only.
  if (!large) seedHistory(store, now);

  const counts: DemoCounts = {};
  for (const [name, table] of store.tables) counts[name] = table.rows.length;
  counts.Buying_Committee_Member__c = members;
  counts.OpportunityContactRole = ocrs;
  return counts;
}

/**
 * Unthemed requests for the EMERGING needs, each from its own account (Chinese ones from Chinese
 * accounts), spread over the accounts and the last weeks; no random draws, so the rest of the
 * org stays what the seed made it.
 */
function emergingRequests(
  accounts: Row[],
  meta: ReadonlyArray<{ zh: boolean }>,
  now: number,
  dates: Map<number, string>,
): Array<Record<string, Value>> {
  const zh = accounts.filter((_a, i) => meta[i].zh);
  const other = accounts.filter((_a, i) => !meta[i].zh);
  let z = 0;
  let o = 0;
  return EMERGING.map((e, k) => {
    const pool = e.zh && zh.length > 0 ? zh : other;
    const at = e.zh && zh.length > 0 ? z++ : o++;
    const account = pool[Math.floor(((at + 0.5) * pool.length) / EMERGING.length)];
    const created = now - (7 + 9 * k) * DAY;
    return {
      Name: e.name,
      Description__c: e.description,
      Account__c: account.Id,
      Opportunity__c: null,
      Requested_By__c: null,
      Theme__c: null,
      Urgency__c: k % 2 === 0 ? 'High' : 'Medium',
      Needed_By__c: null,
      Revenue_At_Stake__c: null,
      Deal_Blocker__c: false,
      Source__c: 'Account Team',
      Status__c: 'New',
      Workaround__c: 'None',
      OwnerId: account.OwnerId,
      CreatedDate: created,
      Asked_On__c: dateString(created - 2 * DAY, dates),
    };
  });
}
