/**
 * Engine benchmark (`npm run bench -- --only engine [--quick] [--stress-segments] [--checksum]`):
 * generates an org in memory (100k accounts, 5,000 themes, 1M requests, ~200k committee members;
 * a tenth with --quick) and times each engine step on one core, then prints grouping
 * precision/recall on the labelled fixtures. The org's segments are a realistic org's 22 (see
 * realisticSegments); --stress-segments uses 200 random ones instead, as a stress case.
 * Requests, opportunities and roles reach the engine as the service's reader hands them over:
 * coded into columnar tables record by record as they stream in (the coding time is printed
 * apart: the reader pays it instead of building a million objects). Targets
 * (docs/PERFORMANCE.md), judged at full scale only: whole pass < 5 s, peak RSS < 1.5 GB.
 */
import {
  assignSegments,
  scoreTable,
  DealTableBuilder,
  diffScores,
  groupThemes,
  newDictionaries,
  RequestTableBuilder,
  resolveProfile,
  textRecords,
  type CriterionRecord,
  type ScoreInput,
  type RequestRecord,
  type SegmentRecord,
  type ThemeRecord,
} from '../../server/src/domain';
import { createHash } from 'node:crypto';
import { Prng } from '../../server/emulator/seed/prng';
import { ROLES } from '../../server/src/schema/picklists';
import { availableParallelism, loadavg } from 'node:os';
import { RELEASE_MEMORY_FROM, releaseMemory } from '../../server/src/jobs/memory';
import { evaluateGrouping, loadFixture } from '../../server/test/fixtures/grouping/evaluate';

const quick = process.argv.includes('--quick');
/** `--stress-segments`: the 200 random segments of the stress case instead of a realistic org. */
const stress = process.argv.includes('--stress-segments');
const STRESS_SEGMENTS = 200;
const scale = quick ? 0.1 : 1;
const N = {
  accounts: Math.round(100_000 * scale),
  themes: Math.round(5_000 * scale),
  requests: Math.round(1_000_000 * scale),
  unthemed: Math.round(50_000 * scale),
};

// The emulator seed's generator (mulberry32): the same data every run.
const prng = new Prng(42);
const rand = (): number => prng.next();
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Skewed pick: a few popular items, a long tail (like real themes and accounts). */
const skewed = (n: number): number => Math.min(n - 1, Math.floor(n * Math.pow(rand(), 2.2)));
/**
 * Record Ids as flat strings, like those jsforce hands over from JSON (a template literal gives
 * a rope that every lookup would flatten again). Each Id string is made once and shared.
 */
const ids = new Map<string, string[]>();
const flatten = new Map<string, number>();
const id = (prefix: string, i: number): string => {
  let list = ids.get(prefix);
  if (!list) ids.set(prefix, (list = []));
  let v = list[i];
  if (v === undefined) {
    v = `${prefix}${i.toString(36).padStart(12, '0')}`;
    flatten.set(v, 0); // hashing flattens the string
    flatten.delete(v);
    list[i] = v;
  }
  return v;
};

const INDUSTRIES = [
  'Banking',
  'Insurance',
  'Retail',
  'Manufacturing',
  'Healthcare',
  'Public Sector',
  'Telecom',
  'Energy',
  'Education',
  'Media',
];
const COUNTRIES = [
  'US',
  'CA',
  'GB',
  'DE',
  'FR',
  'CN',
  'JP',
  'SG',
  'AU',
  'BR',
  'IN',
  'NL',
  'SE',
  'ES',
  'IT',
  'KR',
  'MX',
  'ZA',
  'CH',
  'HK',
];
const OCR_ROLES = ['Business User', 'Decision Maker', 'Evaluator', 'Technical Buyer', 'Other'];

/**
 * A realistic org's segments: sales ops build tens of segments from a few dimensions, so an
 * account sits in a handful of them. Here: one segment per major industry and a catch-all for
 * the rest (every account in exactly one), one per region (exactly one), three size bands
 * (exactly one), a few combinations sales ops care about, partners, and one inactive segment.
 * About 25 segments, an account in 3–4. Fixed rules: the same org every run.
 */
function realisticSegments(): { segments: SegmentRecord[]; criteria: CriterionRecord[] } {
  const MAJOR = ['Banking', 'Insurance', 'Retail', 'Manufacturing', 'Healthcare', 'Public Sector'];
  const REGIONS: Record<string, string[]> = {
    'North America': ['US', 'CA', 'MX'],
    EMEA: ['GB', 'DE', 'FR', 'NL', 'SE', 'ES', 'IT', 'CH', 'ZA'],
    APAC: ['CN', 'JP', 'SG', 'AU', 'IN', 'KR', 'HK'],
    'Latin America': ['BR'],
  };
  type Rule = [field: string, operator: string, value: string];
  const defs: { name: string; rules: Rule[]; logic?: string; active?: boolean }[] = [
    ...MAJOR.map((industry) => ({
      name: industry,
      rules: [['Industry', 'equals', industry] as Rule],
    })),
    { name: 'Other industries', rules: [['Industry', 'not in', MAJOR.join(', ')]] },
    ...Object.entries(REGIONS).map(([region, countries]) => ({
      name: region,
      rules: [['BillingCountry', 'in', countries.join(', ')] as Rule],
    })),
    { name: 'Enterprise', rules: [['NumberOfEmployees', 'greater or equal', '2000']] },
    {
      name: 'Mid-market',
      rules: [
        ['NumberOfEmployees', 'greater or equal', '200'],
        ['NumberOfEmployees', 'less than', '2000'],
      ],
    },
    { name: 'Small business', rules: [['NumberOfEmployees', 'less than', '200']] },
    {
      name: 'APAC financial services',
      rules: [
        ['Industry', 'in', 'Banking, Insurance'],
        ['BillingCountry', 'in', REGIONS.APAC.join(', ')],
      ],
    },
    {
      name: 'Enterprise banks',
      rules: [
        ['Industry', 'equals', 'Banking'],
        ['NumberOfEmployees', 'greater or equal', '2000'],
      ],
    },
    {
      name: 'EMEA public sector',
      rules: [
        ['Industry', 'equals', 'Public Sector'],
        ['BillingCountry', 'in', REGIONS.EMEA.join(', ')],
      ],
    },
    {
      name: 'DACH manufacturing',
      rules: [
        ['Industry', 'equals', 'Manufacturing'],
        ['BillingCountry', 'in', 'DE, CH'],
      ],
    },
    {
      name: 'Regulated enterprise',
      rules: [
        ['Industry', 'equals', 'Healthcare'],
        ['Industry', 'equals', 'Public Sector'],
        ['NumberOfEmployees', 'greater or equal', '2000'],
      ],
      logic: '(1 OR 2) AND 3',
    },
    {
      name: 'Consumer-facing',
      rules: [['Industry', 'in', 'Retail, Telecom, Media']],
    },
    { name: 'Partners', rules: [['IsPartner__c', 'equals', 'true']] },
    {
      name: 'Energy (retired)',
      rules: [['Industry', 'equals', 'Energy']],
      active: false,
    },
  ];
  const segments: SegmentRecord[] = [];
  const criteria: CriterionRecord[] = [];
  defs.forEach((d, s) => {
    const segId = id('a0S', s);
    d.rules.forEach(([field, operator, value], k) =>
      criteria.push({
        Segment__c: segId,
        Number__c: k + 1,
        Field__c: field,
        Operator__c: operator,
        Value__c: value,
      }),
    );
    segments.push({
      Id: segId,
      Name: d.name,
      Priority__c: (s + 1) * 10,
      Active__c: d.active !== false,
      Filter_Logic__c: d.logic ?? null,
    });
  });
  return { segments, criteria };
}

/**
 * The stress case (`--stress-segments`): 200 segments with random rules, as the bench had
 * before segments overlapped. An account matches dozens of them, so nearly every (segment,
 * theme) pair has demand: not an org anyone builds, but a bound on the row work.
 */
function randomSegments(): { segments: SegmentRecord[]; criteria: CriterionRecord[] } {
  const segments: SegmentRecord[] = [];
  const criteria: CriterionRecord[] = [];
  for (let s = 0; s < STRESS_SEGMENTS; s++) {
    const segId = id('a0S', s);
    const parts: Omit<CriterionRecord, 'Segment__c'>[] = [
      { Number__c: 1, Field__c: 'Industry', Operator__c: 'equals', Value__c: pick(INDUSTRIES) },
      {
        Number__c: 2,
        Field__c: 'BillingCountry',
        Operator__c: 'in',
        Value__c: [pick(COUNTRIES), pick(COUNTRIES), pick(COUNTRIES)].join(', '),
      },
      {
        Number__c: 3,
        Field__c: 'NumberOfEmployees',
        Operator__c: 'greater or equal',
        Value__c: String(Math.floor(rand() * 20000)),
      },
      { Number__c: 4, Field__c: 'IsPartner__c', Operator__c: 'equals', Value__c: 'false' },
    ];
    const count = 2 + Math.floor(rand() * 3);
    for (const p of parts.slice(0, count)) criteria.push({ ...p, Segment__c: segId });
    const logic =
      count === 2 ? '1 AND 2' : count === 3 ? '1 AND (2 OR 3)' : '(1 AND 2) OR (3 AND NOT 4)';
    segments.push({
      Id: segId,
      Name: `Segment ${s}`,
      Priority__c: Math.floor(rand() * 100),
      Active__c: rand() < 0.95,
      Filter_Logic__c: logic,
    });
  }
  return { segments, criteria };
}

function generate() {
  const accounts = Array.from({ length: N.accounts }, (_, i) => ({
    Id: id('001', i),
    Name: `Account ${i}`,
    Industry: pick(INDUSTRIES),
    BillingCountry: pick(COUNTRIES),
    // Log-uniform sizes from 10 to 50,000 employees (many small accounts, a few very large);
    // the stress case keeps the uniform sizes its random rules were written against.
    NumberOfEmployees: stress
      ? Math.floor(10 + rand() * 50000)
      : Math.floor(10 * Math.pow(5000, rand())),
    AnnualRevenue: Math.floor(rand() * 5e9),
    IsPartner__c: rand() < 0.1,
  }));
  const fieldTypes = {
    Industry: 'picklist',
    BillingCountry: 'string',
    NumberOfEmployees: 'int',
    AnnualRevenue: 'currency',
    IsPartner__c: 'boolean',
  };
  const { segments, criteria } = stress ? randomSegments() : realisticSegments();
  const texts = needTexts();
  const themes: ThemeRecord[] = Array.from({ length: N.themes }, (_, i) => ({
    Id: id('a0T', i),
    Name: texts(i, i).title,
    Status__c: pick(['Open', 'Open', 'Planned', 'Suggested', 'Delivered', 'Declined']),
    Merged_Into__c: i > 10 && rand() < 0.02 ? id('a0T', Math.floor(rand() * i)) : null,
  }));
  // The reader codes each record into the tables as it arrives and drops it: so does this.
  let codingMs = 0;
  const coded = <T>(add: () => T): T => {
    const t0 = process.hrtime.bigint();
    const value = add();
    codingMs += Number(process.hrtime.bigint() - t0) / 1e6;
    return value;
  };
  // As the reader does: the accounts it read first are coded first.
  const dictionaries = coded(() => newDictionaries(accounts.map((a) => a.Id)));
  const deals = new DealTableBuilder(dictionaries);
  for (let i = 0; i < N.accounts * 2; i++) {
    const o = { Id: id('006', i), AccountId: id('001', i >> 1), IsClosed: rand() < 0.4 };
    coded(() => deals.addOpportunity(o));
  }
  for (let i = 0; i < N.accounts * 2; i++) {
    const m = { Opportunity__c: id('006', i), Contact__c: id('003', i), Role__c: pick(ROLES) };
    coded(() => deals.addMember(m));
  }
  for (let i = 0; i < N.accounts; i++) {
    const r = {
      OpportunityId: id('006', i * 2 + 1),
      ContactId: id('003', N.accounts * 2 + i),
      Role: pick(OCR_ROLES),
    };
    coded(() => deals.addContactRole(r));
  }
  const now = Date.parse('2026-06-01T00:00:00Z');
  const requests = new RequestTableBuilder('grouping', dictionaries);
  for (let i = 0; i < N.requests; i++) {
    const acc = skewed(N.accounts);
    const opp = acc * 2 + (rand() < 0.5 ? 0 : 1);
    const unthemed = i < N.unthemed;
    const themeNo = skewed(N.themes);
    const r: RequestRecord = {
      Id: id('a0R', i),
      // Unthemed requests and the first themed ones (whose text profiles their theme) have text.
      ...named(unthemed ? texts(i) : i < N.unthemed * 5 ? texts(i, themeNo) : null),
      Account__c: id('001', acc),
      Opportunity__c: rand() < 0.7 ? id('006', opp) : null,
      Requested_By__c: rand() < 0.8 ? id('003', opp) : null,
      Theme__c: unthemed ? null : id('a0T', themeNo),
      Suggested_Theme__c: null,
      Urgency__c: pick(['Critical', 'High', 'Medium', 'Medium', 'Low']),
      Source__c: pick(['Account Team', 'Inside Sales', 'Customer Success', 'Support', 'Partner']),
      Status__c: pick(['New', 'Under Review', 'Planned', 'Declined', 'Delivered']),
      Deal_Blocker__c: rand() < 0.1,
      Revenue_At_Stake__c: rand() < 0.5 ? Math.floor(rand() * 2e6) : null,
      Needed_By__c: rand() < 0.3 ? '2026-12-31' : null,
      CreatedDate: new Date(now - Math.floor(rand() * 1100 * 86400000))
        .toISOString()
        .replace('Z', '+0000'),
    };
    coded(() => requests.add(r));
  }
  return {
    accounts,
    fieldTypes,
    segments,
    criteria,
    themes,
    deals: deals.build(),
    requests: requests.build(),
    now,
    codingMs,
  };
}

const named = (t: { title: string; description: string } | null) => ({
  Name: t ? t.title : 'Request',
  Description__c: t ? t.description : null,
});

/** Request texts: 2,000 needs, each with signature words (some from the concept table), in English or Chinese. */
function needTexts(): (i: number, needIndex?: number) => { title: string; description: string } {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'sa',
    'to',
    'vi',
    'ze',
    'po',
    'qu',
    'xe',
    'da',
    'fu',
    'gi',
    'ho',
  ];
  const word = () =>
    Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(syllables)).join('');
  const words = Array.from({ length: 4000 }, word);
  const concepts = [
    'export',
    'import',
    'excel',
    'report',
    'dashboard',
    'api',
    'integration',
    'audit log',
    'permission',
    'mobile',
    'offline',
    'invoice',
    'encryption',
    'sso',
  ];
  const hanzi =
    '数据客户销售订单合同审批流程报表权限移动离线发票加密集成接口仪表板导出导入价格库存物流财务采购'.split(
      '',
    );
  const needs = Array.from({ length: 2000 }, () => ({
    en: [
      pick(concepts),
      pick(concepts),
      words[Math.floor(rand() * words.length)],
      words[Math.floor(rand() * words.length)],
    ],
    zh: Array.from({ length: 3 }, () => pick(hanzi) + pick(hanzi)),
  }));
  return (i, needIndex) => {
    const need = needs[needIndex === undefined ? skewed(needs.length) : needIndex % needs.length];
    if (rand() < 0.3)
      return {
        title: `${need.zh.join('')}需求`,
        description: `客户希望${need.zh.join('，')}${pick(hanzi)}${pick(hanzi)}`,
      };
    const filler = Array.from({ length: 4 }, () => words[Math.floor(rand() * words.length)]);
    return {
      title: `${need.en[0]} ${need.en[2]} ${i % 7 === 0 ? need.en[1] : ''}`.trim(),
      description: `Customer needs ${need.en.join(' ')} ${filler.join(' ')}`,
    };
  };
}

/** Wall and CPU time of a step (CPU time is steadier on a busy machine). */
function time<T>(label: string, fn: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  console.log(
    `${label.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms wall ${cpuMs.toFixed(0).padStart(7)} ms cpu`,
  );
  return { value, ms, cpuMs };
}

function main(): void {
  console.log(
    `engine bench${quick ? ' (--quick: 1/10 scale)' : ''}${stress ? ' — STRESS CASE: 200 random segments, not a realistic org' : ''}: ${N.accounts} accounts, ${N.themes} themes, ${N.requests} requests (${N.unthemed} unthemed)`,
  );
  const data = time('generate data (not part of the engine)', generate).value;
  const segmentCount = data.segments.length;
  const { profile } = resolveProfile(null);
  // The service makes a memory-reducing collection before assigning segments and before
  // stamping and scoring when a run reads this many records (jobs/recompute.ts): so does this,
  // outside the steps' times, and says what it cost.
  const releasing = N.requests >= RELEASE_MEMORY_FROM;
  let releaseMs = 0;
  const release = () => {
    if (!releasing) return;
    const t0 = process.hrtime.bigint();
    releaseMemory();
    releaseMs += Number(process.hrtime.bigint() - t0) / 1e6;
  };
  release();
  const seg = time('segment assignment', () =>
    assignSegments(data.accounts, data.segments, data.criteria, data.fieldTypes),
  );
  const grouping = time(`grouping (${N.unthemed} unthemed requests)`, () =>
    groupThemes({ requests: textRecords(data.requests), themes: data.themes }),
  );
  const themeOf = new Map(grouping.value.attachments);
  for (const s of grouping.value.suggestions) for (const r of s.requestIds) themeOf.set(r, s.key);
  const themes = [
    ...data.themes,
    ...grouping.value.suggestions.map((s) => ({ Id: s.key, Name: s.name })),
  ];
  const scoreInput: ScoreInput = {
    accounts: data.accounts,
    memberships: seg.value.memberships,
    segments: seg.value.segments,
    deals: data.deals,
    requests: data.requests,
    themes,
    profile,
    now: data.now,
    runId: 'BENCH',
    themeOf,
  };
  release();
  const scoring = time('scoring (every row and rank, as columns; breakdowns built on read)', () =>
    scoreTable(scoreInput),
  );
  // Not part of a steady-state pass, which makes no row object: every row as an object, as a
  // first run's writes make them (a later run makes only the rows it writes).
  const rows = time('row objects of every row (first run only)', () => scoring.value.rows());
  // Steady state: the org holds exactly these rows, as the service reads them back: plain
  // records with every field but Breakdown__c (breakdowns are compared through
  // Breakdown_Digest__c; reading the getter would build the text).
  const stored = rows.value.map((r) => {
    const o: Record<string, unknown> & { Score_Key__c: string } = { Score_Key__c: '' };
    for (const k of Object.keys(r)) if (k !== 'Breakdown__c') o[k] = r[k as keyof typeof r];
    return o;
  });
  const diff = time('change detection (steady state, digests compared)', () =>
    diffScores(scoring.value, stored),
  );
  // Not part of a steady-state pass either: the text a run builds for the rows it writes, one
  // row at a time as the upload reads it.
  const text = time('breakdown text of every row (first run only)', () => {
    let chars = 0;
    for (const r of rows.value) chars += r.Breakdown__c.length;
    return chars;
  });
  const steps = [seg, grouping, scoring, diff];
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  const totalCpu = steps.reduce((sum, s) => sum + s.cpuMs, 0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const q = evaluateGrouping();
  const h = evaluateGrouping(loadFixture('holdout'));
  const valid = seg.value.segments.filter((s) => s.status === 'Valid').length;
  const active = seg.value.segments.filter((s) => s.status === 'Valid' && s.active).length;
  const inSegment = seg.value.memberships.size;
  let memberships = 0;
  for (const list of seg.value.memberships.values()) memberships += list.length;
  // Targets hold at full scale (1M requests); --quick shows the figures without judging them.
  const mark = (ok: boolean) => (quick ? '' : ok ? '  [pass]' : '  [MISS]');
  console.log('');
  console.log(
    `org: ${segmentCount} segments (${active} active and valid, ${valid} valid)${stress ? ', STRESS CASE' : ', realistic'}; accounts in a segment ${inSegment}/${N.accounts}; mean segments per account ${(memberships / N.accounts).toFixed(2)} (${(memberships / Math.max(1, inSegment)).toFixed(2)} per account in any)`,
  );
  console.log(
    `grouping: ${grouping.value.attachments.size} attached, ${grouping.value.suggestions.length} suggested themes`,
  );
  console.log(
    `score rows ${scoring.value.length.toLocaleString('en-US')}; steady-state diff writes ${diff.value.upserts.length}, deletes ${diff.value.deleteKeys.length}`,
  );
  console.log(
    `scoring throughput: ${Math.round(N.requests / (scoring.ms / 1000)).toLocaleString('en-US')} requests/s wall, ${Math.round(N.requests / (scoring.cpuMs / 1000)).toLocaleString('en-US')} per cpu-second`,
  );
  console.log(
    `whole engine pass (segments, grouping, scoring, change detection): ${(total / 1000).toFixed(2)} s wall, ${(totalCpu / 1000).toFixed(2)} s cpu (target < 5 s${quick ? ' at 1M' : ''})${mark(total < 5000)}; without grouping ${((total - grouping.ms) / 1000).toFixed(2)} s wall`,
  );
  console.log(
    `grouping ${N.unthemed.toLocaleString('en-US')} unthemed requests against ${N.themes.toLocaleString('en-US')} themes: ${(grouping.ms / 1000).toFixed(2)} s wall, ${(grouping.cpuMs / 1000).toFixed(2)} s cpu (target well under 60 s)${mark(grouping.ms < 60_000)}`,
  );
  console.log(
    `load average while measuring: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `coding ${N.requests.toLocaleString('en-US')} requests and ${N.accounts * 5} deal rows into tables (the reader's work while streaming, not in the pass): ${(data.codingMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `peak memory (maxRSS): ${maxRssMb.toFixed(0)} MB (target < 1536 MB)${mark(maxRssMb < 1536)}`,
  );
  if (releasing)
    console.log(
      `memory-reducing collections before segments and before scoring, as the service makes them (not in the steps): ${releaseMs.toFixed(0)} ms`,
    );
  console.log(
    `breakdown text of all ${scoring.value.length} rows: ${(text.value / 2 ** 20).toFixed(0)} MB (format 3), built in ${(text.ms / 1000).toFixed(2)} s`,
  );
  if (process.argv.includes('--checksum')) {
    // Every row's fields, breakdown text and digest: equal checksums mean an engine change kept
    // its outputs (compare the same flags before and after).
    const hash = createHash('sha256');
    for (const r of rows.value) hash.update(JSON.stringify(r));
    console.log(`checksum of every score row (--checksum): ${hash.digest('hex').slice(0, 16)}`);
  }
  console.log(
    `grouping on labelled fixture: precision ${q.precision.toFixed(3)}, recall ${q.recall.toFixed(3)} (${q.correctPairs}/${q.predictedPairs} predicted pairs correct, ${q.truePairs} true pairs)`,
  );
  console.log(
    `grouping on held-out fixture: precision ${h.precision.toFixed(3)}, recall ${h.recall.toFixed(3)} (${h.correctPairs}/${h.predictedPairs} predicted pairs correct, ${h.truePairs} true pairs)`,
  );
}

main();
