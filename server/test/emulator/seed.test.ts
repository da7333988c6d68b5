/** The demo org generator, the data-plan loader and the CLI's argument checks. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoStore, generateDemoOrg, loadDataPlan, Schema, Store } from '../../emulator';
import { parseArgs } from '../../../scripts/emulator';
import { AFFINITY, EMERGING, NEEDS } from '../../emulator/seed/needs';
import { normalizeId } from '../../emulator/store/ids';
import {
  groupThemes,
  resolveProfile,
  type RequestRecord,
  type ThemeRecord,
} from '../../src/domain';

const schema = Schema.load(path.resolve(__dirname, '../../../force-app/main/default'));
const NOW = Date.parse('2026-06-15T12:00:00Z');
const fresh = () => {
  const store = new Store(schema);
  store.clock = () => NOW;
  return store;
};

describe('demo org generator', () => {
  const store = fresh();
  const counts = generateDemoOrg(store, { scale: 200 });

  it('is deterministic: the same seed gives the same org', () => {
    const again = fresh();
    generateDemoOrg(again, { scale: 200 });
    const strip = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ attributes: _a, ...r }) => r);
    for (const type of [
      'Account',
      'Contact',
      'Escalated_Request__c',
      'Buying_Committee_Member__c',
      'Segment_Criterion__c',
    ]) {
      expect(strip(again.records(type))).toEqual(strip(store.records(type)));
    }
    const other = fresh();
    generateDemoOrg(other, { scale: 200, seed: 'other' });
    expect(other.records('Account').map((a) => a.Industry)).not.toEqual(
      store.records('Account').map((a) => a.Industry),
    );
  });

  it('gives every record an 18-character Id with its object key prefix and case checksum', () => {
    const prefixes: Record<string, string> = {
      Account: '001',
      Contact: '003',
      Opportunity: '006',
      OpportunityContactRole: '00K',
      User: '005',
    };
    for (const [type, prefix] of Object.entries(prefixes)) {
      for (const r of store.records(type).slice(0, 50)) {
        const id = r.Id as string;
        expect(id).toHaveLength(18);
        expect(id.startsWith(prefix)).toBe(true);
        expect(normalizeId(id.slice(0, 15))).toBe(id);
      }
    }
    expect(normalizeId('001D000000IqhSL')).toBe('001D000000IqhSLIAZ'); // Salesforce's documented checksum
    const custom = schema.objects.filter((o) => o.custom).map((o) => o.keyPrefix);
    expect(new Set(custom).size).toBe(custom.length);
    expect(custom.every((p) => /^a\w\w$/.test(p))).toBe(true);
    expect(store.records('Demand_Theme__c')[0].Id).toMatch(
      new RegExp(`^${schema.find('Demand_Theme__c')!.keyPrefix}`),
    );
  });

  it('spreads accounts across industries, countries and sizes', () => {
    const accounts = store.records('Account');
    expect(counts.Account).toBe(200);
    const industries = new Set(accounts.map((a) => a.Industry));
    for (const i of [
      'Banking',
      'Insurance',
      'Healthcare',
      'Retail',
      'Manufacturing',
      'Technology',
      'Public Sector',
    ])
      expect(industries).toContain(i);
    const countries = new Set(accounts.map((a) => a.BillingCountry));
    for (const c of ['China', 'Japan', 'Germany', 'United States', 'United Kingdom', 'Brazil'])
      expect(countries).toContain(c);
    const sizes = accounts.map((a) => a.NumberOfEmployees as number);
    expect(Math.min(...sizes)).toBeLessThan(500);
    expect(Math.max(...sizes)).toBeGreaterThan(20_000);
    expect(new Set(accounts.map((a) => a.Name)).size).toBe(200);
  });

  it('gives contacts titles and reporting lines, and committees with keys', () => {
    const contacts = store.records('Contact');
    expect(contacts.every((c) => typeof c.Title === 'string')).toBe(true);
    const withManager = contacts.filter((c) => c.ReportsToId !== null);
    expect(withManager.length).toBeGreaterThan(contacts.length / 2);
    const byId = new Map(contacts.map((c) => [c.Id, c]));
    expect(withManager.every((c) => byId.get(c.ReportsToId)!.AccountId === c.AccountId)).toBe(true);
    const members = store.records('Buying_Committee_Member__c');
    expect(members.length).toBeGreaterThan(200);
    expect(members.every((m) => m.Member_Key__c === `${m.Opportunity__c}:${m.Contact__c}`)).toBe(
      true,
    );
    expect(store.count('OpportunityContactRole')).toBeGreaterThan(0);
  });

  it('phrases requests differently, in English and Chinese, with about a quarter unthemed', () => {
    const requests = store.records('Escalated_Request__c');
    // 800 drawn from the needs of the themes, plus the EMERGING needs' 12 (unthemed).
    expect(requests).toHaveLength(800 + EMERGING.length);
    expect(EMERGING).toHaveLength(12);
    const unthemed = requests.filter((r) => r.Theme__c === null).length / requests.length;
    expect(unthemed).toBeGreaterThan(0.18);
    expect(unthemed).toBeLessThan(0.32);
    expect(requests.some((r) => /[\u4e00-\u9fff]/.test(r.Name as string))).toBe(true);
    const byTheme = new Map<unknown, Set<unknown>>();
    for (const r of requests)
      if (r.Theme__c) byTheme.set(r.Theme__c, (byTheme.get(r.Theme__c) ?? new Set()).add(r.Name));
    expect([...byTheme.values()].some((names) => names.size >= 3)).toBe(true);
    expect(store.count('Demand_Theme__c')).toBe(40);
  });

  it('leaves the share of requests unthemed that unthemedShare asks for, the rest unchanged', () => {
    const triaged = fresh();
    generateDemoOrg(triaged, { scale: 200, unthemedShare: 0.05 });
    const requests = triaged.records('Escalated_Request__c');
    const share = (rows: Array<Record<string, unknown>>) =>
      rows.filter((r) => r.Theme__c === null).length / rows.length;
    expect(share(requests)).toBeGreaterThan(0.01);
    expect(share(requests)).toBeLessThan(0.1);
    // Only Theme__c differs from the default org: the same requests, accounts and texts.
    const strip = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ attributes: _a, Theme__c: _t, ...r }) => r);
    expect(strip(requests)).toEqual(strip(store.records('Escalated_Request__c')));
    const none = fresh();
    generateDemoOrg(none, { scale: 200, unthemedShare: 0 });
    // Only the requests the seed writes unthemed on purpose (the emerging needs) stay so.
    const left = none.records('Escalated_Request__c').filter((r) => r.Theme__c === null);
    expect(left.map((r) => r.Name).sort()).toEqual(EMERGING.map((e) => e.name).sort());
  });

  it('makes needs cluster by industry and country, so segments differ', () => {
    expect(Object.keys(AFFINITY).filter((k) => !NEEDS.some((n) => n.theme === k))).toEqual([]);
    const accounts = new Map(store.records('Account').map((a) => [a.Id, a]));
    const themes = new Map(store.records('Demand_Theme__c').map((t) => [t.Id, t.Name]));
    const share = (pred: (a: Record<string, unknown>) => boolean, theme: string) => {
      const reqs = store
        .records('Escalated_Request__c')
        .filter((r) => r.Theme__c && pred(accounts.get(r.Account__c)!));
      return reqs.filter((r) => themes.get(r.Theme__c) === theme).length / reqs.length;
    };
    const china = (a: Record<string, unknown>) => a.BillingCountry === 'China';
    expect(share(china, 'China data residency')).toBeGreaterThan(
      2 * share((a) => !china(a), 'China data residency'),
    );
    const health = (a: Record<string, unknown>) => a.Industry === 'Healthcare';
    expect(share(health, 'HIPAA compliance')).toBeGreaterThan(
      2 * share((a) => !health(a), 'HIPAA compliance'),
    );
  });

  it('has segments with criteria, one of them invalid, and one active scoring profile', () => {
    const segments = store.records('Segment__c');
    expect(segments.map((s) => s.Name)).toEqual(
      expect.arrayContaining(['Enterprise banks', 'Mid-market', 'APAC']),
    );
    expect(segments.some((s) => s.Filter_Logic__c === '1 AND (2 OR')).toBe(true);
    const banks = segments.find((s) => s.Name === 'Enterprise banks')!;
    const criteria = store.records('Segment_Criterion__c').filter((c) => c.Segment__c === banks.Id);
    expect(criteria.map((c) => [c.Field__c, c.Operator__c, c.Value__c])).toEqual([
      ['Industry', 'equals', 'Banking'],
      ['NumberOfEmployees', 'greater or equal', '5000'],
    ]);
    const profiles = store.records('Demand_Scoring_Profile__c');
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      Active__c: true,
      Quorum_Size__c: 6,
      Half_Life_Days__c: 730,
    });
  });

  /** Per emerging need: a word its suggestion's terms hold, and what each reason names. */
  const EXPECT: Record<string, { term: string; name: RegExp; en: RegExp; zh: string }> = {
    'Customer map': { term: 'map', name: /^Map\b/, en: /\bmap\b/, zh: '地图' },
    'Call transcripts': { term: 'calls', name: /\bcalls\b/i, en: /\bcalls?\b/, zh: '录音' },
  };

  it.each(Object.keys(EXPECT))(
    'holds the emerging need "%s" in English and Chinese, which grouping suggests as one theme',
    (need) => {
      const requests = store.records('Escalated_Request__c');
      const texts = EMERGING.filter((e) => e.need === need);
      expect(texts).toHaveLength(6);
      const emerging = requests.filter((r) => texts.some((e) => e.name === r.Name));
      expect(emerging).toHaveLength(texts.length);
      expect(emerging.every((r) => r.Theme__c === null)).toBe(true);
      const all = requests.filter((r) => EMERGING.some((e) => e.name === r.Name));
      expect(new Set(all.map((r) => r.Account__c)).size).toBe(EMERGING.length);
      const result = groupThemes({
        requests: requests as unknown as RequestRecord[],
        themes: store.records('Demand_Theme__c') as unknown as ThemeRecord[],
      });
      const ids = new Set(emerging.map((r) => r.Id as string));
      const mixed = result.suggestions.find((s) => s.requestIds.some((id) => ids.has(id)));
      expect(mixed).toBeDefined();
      // Every request of the need, in both languages, and nothing else.
      expect(new Set(mixed!.requestIds)).toEqual(ids);
      expect(mixed!.terms).toContain(EXPECT[need].term);
      expect(mixed!.name).toMatch(EXPECT[need].name);
      for (const r of emerging) {
        const reason = result.reasons.get(r.Id as string) ?? '';
        // Each reason names the shared words as that request wrote them.
        expect(reason).toMatch(/^shares: /);
        if (/[\u4e00-\u9fff]/.test(r.Name as string)) expect(reason).toContain(EXPECT[need].zh);
        else expect(reason).toMatch(EXPECT[need].en);
      }
    },
  );

  it('scales themes with the org size', () => {
    const big = fresh();
    generateDemoOrg(big, { scale: 2000, requestsPerAccount: 1 });
    expect(big.count('Demand_Theme__c')).toBe(100);
    expect(new Set(big.records('Demand_Theme__c').map((t) => t.Name)).size).toBe(100);
  });
});

describe('seeded scoring profile', () => {
  it('is one active profile that the engine reads without a single error', () => {
    const store = fresh();
    generateDemoOrg(store, { seed: 'demo', scale: 20 });
    const profiles = store.records('Demand_Scoring_Profile__c');
    expect(profiles).toHaveLength(1);
    const { profile, errors } = resolveProfile(profiles[0] as never);
    expect(errors).toEqual([]);
    expect(profile.roleSides['Economic Buyer']).toBe('Decision');
    expect(profile.roleSides['End User']).toBe('Use');
  });
});

describe('createDemoStore and store.query', () => {
  it('seeds a store without a server and answers SOQL like the REST route', () => {
    const store = createDemoStore({ scale: 30, now: NOW });
    const banks = store.query(
      "SELECT Id, Name, Industry FROM Account WHERE Industry = 'Banking' ORDER BY Name",
    );
    expect(banks.length).toBe(
      store.records('Account').filter((a) => a.Industry === 'Banking').length,
    );
    expect(
      banks.every(
        (b) => b.Industry === 'Banking' && (b.attributes as { type: string }).type === 'Account',
      ),
    ).toBe(true);
    expect(banks.map((b) => String(b.Name).toLowerCase())).toEqual(
      banks.map((b) => String(b.Name).toLowerCase()).sort(),
    );
  });
});

describe('data plan loader', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'quorum-plan-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the sample plan in data/, resolving @references', () => {
    const store = fresh();
    const counts = loadDataPlan(store, path.resolve(__dirname, '../../../data/sample-plan.json'));
    expect(counts.Account).toBeGreaterThan(0);
    const requests = store.records('Escalated_Request__c');
    const accounts = new Set(store.records('Account').map((a) => a.Id));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => accounts.has(r.Account__c))).toBe(true);
  });

  it('names the record and reference that break a plan', () => {
    writeFileSync(
      path.join(dir, 'plan.json'),
      JSON.stringify([{ sobject: 'Contact', files: ['c.json'] }]),
    );
    writeFileSync(
      path.join(dir, 'c.json'),
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Contact', referenceId: 'C1' },
            LastName: 'X',
            AccountId: '@Missing',
          },
        ],
      }),
    );
    expect(() => loadDataPlan(fresh(), path.join(dir, 'plan.json'))).toThrow(
      /C1\.AccountId refers to @Missing/,
    );
    writeFileSync(
      path.join(dir, 'c.json'),
      JSON.stringify({
        records: [
          { attributes: { type: 'Contact', referenceId: 'C1' }, FirstName: 'no last name' },
        ],
      }),
    );
    expect(() => loadDataPlan(fresh(), path.join(dir, 'plan.json'))).toThrow(
      /record C1 was rejected: REQUIRED_FIELD_MISSING/,
    );
  });
});

describe('CLI arguments', () => {
  it.each<[string[], RegExp]>([
    [[], /--port is required/],
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '70000'], /--port must be at most 65535/],
    [['--port', '0', '--seed', 'full'], /--seed must be demo or empty/],
    [['--port', '0', '--page-size', '50'], /--page-size must be at least 200/],
    [['--port', '0', '--scale'], /--scale needs a value/],
    [['--port', '0', '--colour', 'red'], /unknown argument --colour/],
  ])('%j → %s', (argv, message) => {
    const out = parseArgs(argv);
    expect(out.ok).toBe(false);
    expect(out.ok ? '' : out.message).toMatch(message);
  });

  it('accepts a full command line', () => {
    expect(
      parseArgs([
        '--port',
        '4010',
        '--seed',
        'empty',
        '--scale',
        '50',
        '--page-size',
        '500',
        '--access-token',
        'abcdefghij',
        '--plan',
        'data/sample-plan.json',
      ]),
    ).toEqual({
      ok: true,
      options: {
        port: 4010,
        seed: 'empty',
        scale: 50,
        pageSize: 500,
        accessToken: 'abcdefghij',
        dataPlanFile: 'data/sample-plan.json',
      },
    });
  });
});
