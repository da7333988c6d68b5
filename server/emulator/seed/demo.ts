/**
 * The deterministic demo org: accounts across industries, sizes and countries; contacts with
 * titles and reporting lines; opportunities; buying committees and contact roles; themes;
 * requests phrased differently per account (English and Chinese, ~25% unthemed); segments with
 * criteria (one deliberately invalid); one active scoring profile. Same seed → same org.
 */
import type { Store } from '../store/store';
import type { Row } from '../store/table';
import type { Value } from '../store/values';
import { AFFINITY, NEEDS, QUALIFIERS } from './needs';
import { Prng } from './prng';

export interface DemoOptions {
  seed?: string;
  /** Number of accounts (default 300). */
  scale?: number;
  /** Average escalated requests per account (default 4; 10 from 10,000 accounts up). */
  requestsPerAccount?: number;
  /** "Now" for the generated dates (ms); defaults to the store clock. */
  now?: number;
}

export interface DemoCounts {
  [type: string]: number;
}

const DAY = 86_400_000;

const COUNTRIES: Array<{
  country: string;
  weight: number;
  cities: Array<[string, string | null]>;
}> = [
  {
    country: 'United States',
    weight: 28,
    cities: [
      ['New York', 'NY'],
      ['Chicago', 'IL'],
      ['San Francisco', 'CA'],
      ['Austin', 'TX'],
      ['Boston', 'MA'],
    ],
  },
  {
    country: 'United Kingdom',
    weight: 9,
    cities: [
      ['London', null],
      ['Manchester', null],
      ['Edinburgh', null],
    ],
  },
  {
    country: 'Germany',
    weight: 9,
    cities: [
      ['Frankfurt', 'HE'],
      ['Munich', 'BY'],
      ['Berlin', 'BE'],
      ['Hamburg', 'HH'],
    ],
  },
  {
    country: 'China',
    weight: 12,
    cities: [
      ['Shanghai', 'Shanghai'],
      ['Beijing', 'Beijing'],
      ['Shenzhen', 'Guangdong'],
      ['Hangzhou', 'Zhejiang'],
    ],
  },
  {
    country: 'Japan',
    weight: 9,
    cities: [
      ['Tokyo', 'Tokyo'],
      ['Osaka', 'Osaka'],
      ['Nagoya', 'Aichi'],
    ],
  },
  {
    country: 'Brazil',
    weight: 6,
    cities: [
      ['São Paulo', 'SP'],
      ['Rio de Janeiro', 'RJ'],
    ],
  },
  {
    country: 'France',
    weight: 6,
    cities: [
      ['Paris', null],
      ['Lyon', null],
    ],
  },
  { country: 'Singapore', weight: 4, cities: [['Singapore', null]] },
  {
    country: 'Australia',
    weight: 5,
    cities: [
      ['Sydney', 'NSW'],
      ['Melbourne', 'VIC'],
    ],
  },
  {
    country: 'India',
    weight: 6,
    cities: [
      ['Bengaluru', 'KA'],
      ['Mumbai', 'MH'],
    ],
  },
  {
    country: 'Canada',
    weight: 6,
    cities: [
      ['Toronto', 'ON'],
      ['Vancouver', 'BC'],
    ],
  },
];

const INDUSTRIES: Array<[string, number, string[]]> = [
  ['Banking', 14, ['Bank', 'Bancorp', 'Financial']],
  ['Insurance', 10, ['Insurance', 'Assurance', 'Mutual']],
  ['Healthcare', 10, ['Health', 'Medical', 'Care']],
  ['Retail', 10, ['Retail', 'Stores', 'Marketplace']],
  ['Manufacturing', 12, ['Industries', 'Manufacturing', 'Works']],
  ['Technology', 14, ['Systems', 'Software', 'Labs']],
  ['Public Sector', 6, ['Agency', 'Authority', 'Services']],
  ['Telecommunications', 6, ['Telecom', 'Networks', 'Mobile']],
  ['Energy', 5, ['Energy', 'Power', 'Utilities']],
  ['Transportation', 5, ['Logistics', 'Transport', 'Freight']],
  ['Education', 4, ['University', 'Academy', 'Learning']],
];

const NAME_A = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Blue Harbor',
  'Summit',
  'Red Cedar',
  'Silver Peak',
  'Golden Gate',
  'Evergreen',
  'Ironwood',
  'Crescent',
  'Pinnacle',
  'Lakeside',
  'Atlas',
  'Orion',
  'Harbor Point',
  'Redwood',
  'Meridian',
  'Cobalt',
  'Aurora',
  'Granite',
  'Sterling',
  'Horizon',
  'Keystone',
  'Riverside',
];
const NAME_ZH = ['华信', '国泰', '中和', '东方', '长城', '瑞丰', '恒通', '金桥', '天元', '新华'];
const ZH_SUFFIX: Record<string, string> = {
  Banking: '银行',
  Insurance: '保险',
  Healthcare: '医疗',
  Retail: '零售',
  Manufacturing: '制造',
  Technology: '科技',
  'Public Sector': '公共服务',
  Telecommunications: '通信',
  Energy: '能源',
  Transportation: '物流',
  Education: '教育',
};

const FIRST = [
  'Alex',
  'Maria',
  'James',
  'Priya',
  'Wei',
  'Yuki',
  'Lukas',
  'Sofia',
  'Daniel',
  'Emma',
  'Hiroshi',
  'Ana',
  'Chen',
  'Olivia',
  'Rafael',
  'Hannah',
  'Arjun',
  'Mei',
  'Thomas',
  'Camille',
];
const LAST = [
  'Smith',
  'Garcia',
  'Müller',
  'Wang',
  'Tanaka',
  'Silva',
  'Brown',
  'Li',
  'Schmidt',
  'Kumar',
  'Sato',
  'Martin',
  'Zhang',
  'Johnson',
  'Costa',
  'Dubois',
  'Chen',
  'Wilson',
  'Nakamura',
  'Patel',
];

/** Titles, most senior first, with the committee role and side they usually play. */
const TITLES: Array<{ title: string; role: string; ocr: string }> = [
  { title: 'Chief Information Officer', role: 'Decision Maker', ocr: 'Decision Maker' },
  { title: 'Chief Financial Officer', role: 'Economic Buyer', ocr: 'Economic Buyer' },
  { title: 'VP Engineering', role: 'Executive Sponsor', ocr: 'Executive Sponsor' },
  { title: 'Head of Information Security', role: 'Legal & Security', ocr: 'Evaluator' },
  { title: 'Enterprise Architect', role: 'Technical Evaluator', ocr: 'Technical Buyer' },
  { title: 'Procurement Manager', role: 'Procurement', ocr: 'Influencer' },
  { title: 'IT Operations Manager', role: 'Influencer', ocr: 'Influencer' },
  { title: 'Business Analyst', role: 'End User', ocr: 'Business User' },
  { title: 'Customer Service Lead', role: 'End User', ocr: 'Business User' },
];

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

export const DEMO_USERS = {
  admin: {
    Username: 'admin@quorum.example',
    FirstName: 'Ada',
    LastName: 'Admin',
    Email: 'admin@quorum.example',
    Alias: 'aadmin',
  },
  integration: {
    Username: 'integration@quorum.example',
    FirstName: 'Quorum',
    LastName: 'Integration',
    Email: 'integration@quorum.example',
    Alias: 'quorum',
  },
};

const REPS = [
  ['Sam', 'Rivera'],
  ['Nora', 'Klein'],
  ['Kenji', 'Watanabe'],
  ['Lin', 'Zhou'],
  ['Grace', 'Okafor'],
];

/** The users every emulated org has (admin and the integration user the service logs in as). */
export function seedUsers(store: Store): void {
  const users = store.table('User');
  const usernameField = users.def.fieldMap.get('username')!;
  for (const u of Object.values(DEMO_USERS)) {
    if (!users.findUnique(usernameField, u.Username))
      store.load('User', [{ ...u, IsActive: true }]);
  }
  store.userId = users.findUnique(usernameField, DEMO_USERS.integration.Username)!.Id as string;
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
        Status__c: t % 13 === 5 ? 'Planned' : t % 17 === 3 ? 'Delivered' : 'Open',
        Origin__c: 'Manual',
        Match_Terms__c: need.terms,
        CreatedDate: now - 500 * DAY,
      };
    }),
  );

  // ---- requests -------------------------------------------------------------------------------
  const total = Math.round(scale * rpa);
  const urgencies = ['Critical', 'High', 'Medium', 'Low'];
  const urgencyW = [10, 30, 40, 20];
  const sources = ['Account Team', 'Inside Sales', 'Customer Success', 'Support', 'Partner'];
  const sourceW = [40, 15, 20, 15, 10];
  const statuses = ['New', 'Under Review', 'Planned', 'Declined', 'Delivered'];
  const statusW = [35, 25, 15, 10, 15];
  const workarounds = ['None', 'Customer Can Self-Serve', 'Partner Can Deliver'];
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
      Theme__c: rng.chance(0.75) ? themes[t].Id : null,
      Urgency__c: rng.weighted(urgencies, urgencyW),
      Needed_By__c: rng.chance(0.7) ? dateString(now + rng.int(-90, 540) * DAY, dates) : null,
      Revenue_At_Stake__c: rng.chance(0.7) ? rng.int(0, 2_000) * 1000 : null,
      Deal_Blocker__c: rng.chance(0.12),
      Source__c: rng.weighted(sources, sourceW),
      Status__c: rng.weighted(statuses, statusW),
      Workaround__c: rng.weighted(workarounds, workaroundW),
      OwnerId: accounts[a].OwnerId,
      CreatedDate: created,
    });
    if (batch.length === 10_000) store.load('Escalated_Request__c', batch.splice(0));
  }
  store.load('Escalated_Request__c', batch.splice(0));

  // ---- segments and the scoring profile ----------------------------------------------------------
  const segments: Array<{
    name: string;
    description: string;
    priority: number;
    active: boolean;
    logic: string | null;
    criteria: Array<[string, string, string | null]>;
  }> = [
    {
      name: 'Enterprise banks',
      description: 'Banks with 5,000 or more employees.',
      priority: 10,
      active: true,
      logic: null,
      criteria: [
        ['Industry', 'equals', 'Banking'],
        ['NumberOfEmployees', 'greater or equal', '5000'],
      ],
    },
    {
      name: 'Insurers',
      description: 'Insurance companies of every size.',
      priority: 20,
      active: true,
      logic: null,
      criteria: [['Industry', 'equals', 'Insurance']],
    },
    {
      name: 'APAC',
      description: 'Accounts billed in Asia-Pacific.',
      priority: 30,
      active: true,
      logic: null,
      criteria: [['BillingCountry', 'in', 'China,Japan,Singapore,Australia,India']],
    },
    {
      name: 'Healthcare and public sector',
      description: 'Regulated, compliance-heavy buyers.',
      priority: 40,
      active: true,
      logic: '1 OR 2',
      criteria: [
        ['Industry', 'equals', 'Healthcare'],
        ['Industry', 'in', 'Public Sector,Government'],
      ],
    },
    {
      name: 'Mid-market',
      description: '200 to 4,999 employees, outside the segments above.',
      priority: 50,
      active: true,
      logic: '1 AND 2',
      criteria: [
        ['NumberOfEmployees', 'greater or equal', '200'],
        ['NumberOfEmployees', 'less than', '5000'],
      ],
    },
    {
      name: 'Tech scale-ups (draft)',
      description: 'Draft rule with a broken filter logic: shows how an invalid segment looks.',
      priority: 60,
      active: true,
      logic: '1 AND (2 OR',
      criteria: [
        ['Industry', 'equals', 'Technology'],
        ['NumberOfEmployees', 'less than', '1000'],
        ['AnnualRevenue', 'greater than', '50000000'],
      ],
    },
  ];
  const segRows = store.load(
    'Segment__c',
    segments.map((s) => ({
      Name: s.name,
      Description__c: s.description,
      Priority__c: s.priority,
      Active__c: s.active,
      Filter_Logic__c: s.logic,
    })),
  );
  store.load(
    'Segment_Criterion__c',
    segments.flatMap((s, i) =>
      s.criteria.map(([field, operator, value], k) => ({
        Segment__c: segRows[i].Id,
        Number__c: k + 1,
        Field__c: field,
        Operator__c: operator,
        Value__c: value,
      })),
    ),
  );
  store.load('Demand_Scoring_Profile__c', [
    {
      Name: 'Default',
      Description__c: 'The built-in defaults; tune with care.',
      Active__c: true,
      Urgency_Critical__c: 2,
      Urgency_High__c: 1.5,
      Urgency_Medium__c: 1,
      Urgency_Low__c: 0.5,
      Source_Account_Team__c: 1,
      Source_Inside_Sales__c: 1.25,
      Source_Customer_Success__c: 1,
      Source_Support__c: 1.25,
      Source_Partner__c: 0.75,
      Side_Decision__c: 1.5,
      Side_Influence__c: 1.2,
      Side_Use__c: 1,
      Side_Unknown__c: 1,
      Deal_Blocker_Factor__c: 1.5,
      Half_Life_Days__c: 365,
      Decay_Floor__c: 0.25,
      Revenue_Weight__c: 0.5,
      Reference_Revenue__c: 100_000,
      Account_Voice_Cap__c: 3,
      Quorum_Size__c: 6,
      Counted_Statuses__c: 'New;Under Review;Planned;Declined',
      Role_Side_Mapping__c: JSON.stringify({
        Decision: ['Decision Maker', 'Economic Buyer', 'Executive Sponsor'],
        Influence: ['Technical Evaluator', 'Influencer', 'Procurement', 'Legal & Security'],
        Use: ['End User'],
      }),
    },
  ]);

  const counts: DemoCounts = {};
  for (const [name, table] of store.tables) counts[name] = table.rows.length;
  counts.Buying_Committee_Member__c = members;
  counts.OpportunityContactRole = ocrs;
  return counts;
}
