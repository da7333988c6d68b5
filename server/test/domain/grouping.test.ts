import { groupThemes, tokenize, type RequestRecord, type ThemeRecord } from '../../src/domain';
import { covers } from '../../src/domain/themes/describe';
import {
  evaluateGrouping,
  evaluateTfidf,
  loadBanking77,
  loadFixture,
  loadMultilingual,
} from '../fixtures/grouping/evaluate';

const fixture = loadFixture();
const result = groupThemes({ requests: fixture.requests, themes: fixture.themes });
const needOf = new Map(fixture.requests.map((r) => [r.Id, r.need]));
const themeNeed = new Map(fixture.themes.map((t) => [t.Id, t.need]));

/** Groups as lists of needs: each attachment target and each suggestion. */
function groups(): { id: string; needs: string[]; ids: string[] }[] {
  const byTheme = new Map<string, string[]>();
  for (const [req, theme] of result.attachments)
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), req]);
  return [
    ...[...byTheme].map(([id, ids]) => ({
      id,
      ids,
      needs: [themeNeed.get(id) as string, ...ids.map((r) => needOf.get(r) as string)],
    })),
    ...result.suggestions.map((s) => ({
      id: s.key,
      ids: s.requestIds,
      needs: s.requestIds.map((r) => needOf.get(r) as string),
    })),
  ];
}

describe('grouping quality on the labelled fixture', () => {
  it('has at least 150 labelled requests in several scripts', () => {
    expect(fixture.requests.length).toBeGreaterThanOrEqual(150);
    expect(fixture.requests.some((r) => /[\u4e00-\u9fff]/.test(r.Name ?? ''))).toBe(true);
    expect(
      fixture.requests.some((r) => /[\u3040-\u30ff]/.test(`${r.Name}${r.Description__c}`)),
    ).toBe(true);
    expect(fixture.requests.some((r) => /ä|ö|ü|ß/.test(`${r.Description__c}`))).toBe(true);
  });

  it('reaches the measured pairwise precision and recall floors', () => {
    const q = evaluateGrouping(fixture);
    // Measured: precision 1.000, recall 0.536 (npm run eval:grouping; precision first).
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('holds up on held-out requests written after tuning', () => {
    const q = evaluateGrouping(loadFixture('holdout'));
    // Measured: precision 0.833, recall 0.526 (19 true pairs: a small sample; 0.867 / 0.684 at
    // the operating point before the one Banking77 asked for, see the fixtures' README).
    expect(q.precision).toBeGreaterThanOrEqual(0.8);
    expect(q.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('meets precision 0.9 and recall 0.6 on held-out English/Chinese needs outside the synonym table', () => {
    const q = evaluateGrouping(loadMultilingual('holdout'));
    // Measured: precision 1.000, recall 0.725; the plain TF-IDF baseline 0.352 at that precision.
    expect(q.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.recall).toBeGreaterThanOrEqual(0.6);
    expect(q.recall).toBeGreaterThan(evaluateTfidf(loadMultilingual('holdout'), 0.15).recall);
    expect(q.worstIntruders).toBeLessThanOrEqual(2);
  });

  it('meets precision 0.7 on held-out public Banking77 queries, with more recall than TF-IDF there', () => {
    const heldOut = loadBanking77('holdout');
    const q = evaluateGrouping(heldOut);
    // Measured: precision 0.713, recall 0.043, at most 3 unrelated queries in a group; the
    // baseline's best recall at precision >= 0.713 is 0.016 (its threshold 0.7).
    expect(q.precision).toBeGreaterThanOrEqual(0.7);
    expect(q.worstIntruders).toBeLessThanOrEqual(5);
    const baseline = evaluateTfidf(heldOut, 0.7);
    expect(baseline.precision).toBeGreaterThanOrEqual(q.precision);
    expect(q.recall).toBeGreaterThan(baseline.recall);
  });

  it.each([
    ['export_excel', 'import_excel'],
    ['sso', 'mfa'],
    ['residency_eu', 'residency_cn'],
    ['api_webhooks', 'api_limits'],
    ['slack', 'wechat'],
    ['invoice_currency', 'invoice_china'],
    ['mobile_offline', 'mobile_push'],
  ])('never merges the near-misses %s and %s', (a, b) => {
    for (const g of groups()) expect(g.needs.includes(a) && g.needs.includes(b)).toBe(false);
  });

  it.each(['export_excel', 'mobile_offline', 'audit_log', 'import_excel'])(
    'matches %s across languages',
    (need) => {
      const g = groups().find((x) => x.needs.filter((n) => n === need).length >= 3);
      expect(g).toBeDefined();
      const texts = g!.ids.map((id) => fixture.requests.find((r) => r.Id === id)!.Name ?? '');
      expect(texts.some((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t))).toBe(true);
      expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t))).toBe(true);
    },
  );

  it('explains every suggestion with a readable name, shared terms and a stable key', () => {
    expect(result.suggestions.length).toBeGreaterThan(5);
    for (const s of result.suggestions) {
      expect(s.key).toMatch(/^sugg-[0-9a-f]{16}$/);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.name.length).toBeLessThanOrEqual(80);
      expect(s.terms.length).toBeGreaterThan(0);
      expect(s.description).toContain(s.terms[0]);
      for (const id of s.requestIds) expect(result.reasons.get(id)).toMatch(/ with \d+ requests?$/);
      const accounts = new Set(
        s.requestIds.map((id) => fixture.requests.find((r) => r.Id === id)!.Account__c),
      );
      expect(accounts.size).toBeGreaterThanOrEqual(2);
    }
  });

  it('never names a suggestion with a term another of its terms already says', () => {
    for (const s of result.suggestions)
      for (const [i, a] of s.terms.entries())
        for (const [j, b] of s.terms.entries()) if (i !== j) expect(covers(a, b)).toBe(false);
  });
});

describe('covers (a label that already says another)', () => {
  it.each([
    ['dark mode', 'dark', true],
    ['Dark mode', 'mode', true],
    ['dark mode', 'Dark Mode', true],
    ['single sign-on', 'sign', true],
    ['单点登录', '登录', true],
    ['dark', 'dark mode', false],
    ['report', 'reports', true],
    ['recorded', 'record', true],
    ['Recorded calls', 'call', true],
    ['report', 'export', false],
    ['登录', '单点登录', false],
    ['PDF', '导出', false],
  ])('%s covers %s: %s', (a, b, expected) => {
    expect(covers(a, b)).toBe(expected);
  });

  it('keeps the longer label in the place of the word it contains', () => {
    const { suggestions } = groupThemes({
      requests: [
        ['D1', 'Dark mode for the web app'],
        ['D2', 'Dark mode in the web app, please'],
        ['D3', 'Web app dark mode for night shifts'],
      ].map(([Id, Name], k) => ({ Id, Account__c: `A${k}`, Name, Theme__c: null })),
      themes: [],
    });
    expect(suggestions).toHaveLength(1);
    const terms = suggestions[0].terms.map((t) => t.toLowerCase());
    expect(terms).toContain('dark mode');
    expect(terms).not.toContain('dark');
    expect(terms).not.toContain('mode');
    expect(suggestions[0].name.toLowerCase().split(', ')).toEqual(terms.slice(0, 3));
  });
});

describe('grouping behaviour', () => {
  const r = (
    Id: string,
    Account__c: string,
    Name: string,
    extra: Partial<RequestRecord> = {},
  ): RequestRecord => ({ Id, Account__c, Name, Theme__c: null, ...extra });
  const excel = [
    r('R1', 'A1', 'Export reports to Excel'),
    r('R2', 'A2', '报表导出Excel'),
    r('R3', 'A3', 'Excel export of the pipeline report'),
  ];
  const excel4 = [...excel, r('R4', 'A4', 'Export the pipeline report to Excel')];

  it('is deterministic and independent of input order', () => {
    const a = groupThemes({ requests: fixture.requests, themes: fixture.themes });
    const b = groupThemes({
      requests: [...fixture.requests].reverse(),
      themes: [...fixture.themes].reverse(),
    });
    expect([...b.attachments].sort()).toEqual([...a.attachments].sort());
    expect(b.suggestions).toEqual(a.suggestions);
  });

  it('keeps a suggestion key when people move its smallest request into a theme', () => {
    const [first] = groupThemes({ requests: excel4, themes: [] }).suggestions;
    const written: ThemeRecord = {
      Id: 'T_S',
      Name: first.name,
      Theme_Key__c: first.key,
      Status__c: 'Suggested',
      Origin__c: 'Suggested',
    };
    const other: ThemeRecord = { Id: 'T_X', Name: 'Something else', Status__c: 'Open' };
    const after = groupThemes({
      requests: excel4.map((x) =>
        x.Id === 'R1'
          ? { ...x, Theme__c: 'T_X', Suggested_Theme__c: 'T_S' }
          : { ...x, Suggested_Theme__c: 'T_S' },
      ),
      themes: [written, other],
    });
    expect(after.suggestions).toHaveLength(1);
    expect(after.suggestions[0].key).toBe(first.key);
    expect(after.suggestions[0].requestIds).toEqual(['R2', 'R3', 'R4']);
    // The move teaches: the suggestion's other requests are not attached to T_X through R1.
    expect(after.attachments.size).toBe(0);
  });

  it('sends the requests of a suggestion people merged into a theme to that theme', () => {
    const [s] = groupThemes({ requests: excel4, themes: [] }).suggestions;
    const themes: ThemeRecord[] = [
      {
        Id: 'T_S',
        Name: s.name,
        Theme_Key__c: s.key,
        Status__c: 'Suggested',
        Origin__c: 'Suggested',
        Merged_Into__c: 'T_M',
      },
      { Id: 'T_M', Name: 'Reporting exports', Status__c: 'Open' },
    ];
    const next = groupThemes({
      requests: excel4.map((x) => ({ ...x, Suggested_Theme__c: 'T_S' })),
      themes,
    });
    expect(next.suggestions).toEqual([]);
    expect([...next.attachments.values()]).toEqual(['T_M', 'T_M', 'T_M', 'T_M']);
    expect(next.reasons.get('R1')).toContain('merged into "Reporting exports"');
  });

  it('attaches a request to a theme through the requests people put in it', () => {
    const themes: ThemeRecord[] = [{ Id: 'T_G', Name: 'Gantt chart view', Status__c: 'Open' }];
    const requests = [
      r('L1', 'A1', 'Gantt chart for project timelines', {
        Theme__c: 'T_G',
        Description__c:
          'Show implementation tasks with their dependencies and dates on a Gantt chart.',
      }),
      r('L2', 'A2', '项目甘特图', {
        Theme__c: 'T_G',
        Description__c: '用甘特图展示项目任务和依赖关系。',
      }),
      r('L3', 'A4', 'Gantt view of implementation tasks', {
        Theme__c: 'T_G',
        Description__c: 'Project managers drag task bars on a Gantt chart.',
      }),
      r('U1', 'A3', 'Gantt chart of project tasks', {
        Description__c: 'We need a Gantt chart of implementation tasks, dependencies and dates.',
      }),
      r('U8', 'A5', 'SSO with Okta for all employees'),
      r('U9', 'A6', 'Export the pipeline report to Excel'),
    ];
    const out = groupThemes({ requests, themes });
    expect(out.attachments.get('U1')).toBe('T_G');
    expect(out.reasons.get('U1')).toMatch(/^matches "Gantt chart view": shares .*gantt/i);
    // Without the requests people put in the theme, its name alone is not enough.
    const unlabelled = requests.filter((x) => !x.Theme__c);
    expect(groupThemes({ requests: unlabelled, themes }).attachments.get('U1')).toBeUndefined();
  });

  it('re-finds a written suggestion next run by its key', () => {
    const [s] = groupThemes({ requests: excel, themes: [] }).suggestions;
    const written: ThemeRecord = {
      Id: 'T_NEW',
      Name: s.name,
      Theme_Key__c: s.key,
      Status__c: 'Suggested',
      Origin__c: 'Suggested',
      Match_Terms__c: s.terms.join(', '),
    };
    const next = groupThemes({
      requests: excel.map((x) => ({ ...x, Suggested_Theme__c: 'T_NEW' })),
      themes: [written],
    });
    expect(next.suggestions).toEqual([s]);
    expect(next.attachments.size).toBe(0);
  });

  it('keeps the capital of a name that starts a sentence when the run writes it capitalised elsewhere', () => {
    const quotes = [
      r('Q1', 'A1', 'Salesforce quote sync for renewals'),
      r('Q2', 'A2', 'Sync renewal quotes from Salesforce'),
      r('Q3', 'A3', 'Renewal quotes should sync with Salesforce'),
    ];
    const { suggestions, reasons } = groupThemes({ requests: quotes, themes: [] });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0].terms).toContain('Salesforce');
    expect(suggestions[0].terms).not.toContain('salesforce');
    expect(reasons.get('Q1')).toContain('Salesforce');
    // "Renewal" is capitalised only where a sentence starts: an ordinary word.
    expect(suggestions[0].terms).toContain('renewal');
    expect(reasons.get('Q3')).not.toContain('Renewal');
    // Alone, a sentence-initial capital says nothing: lower case.
    const alone = groupThemes({
      requests: [
        r('Q1', 'A1', 'Salesforce quote sync for renewals'),
        r('Q2', 'A2', 'Salesforce quote sync for renewal deals'),
      ],
      themes: [],
    });
    expect(alone.suggestions[0].terms).toContain('salesforce');
  });

  it('names a group from what it asks for, not from the wording most requests are logged with', () => {
    const logged = 'Heard in a quarterly business review; see the call notes.';
    const filler = Array.from({ length: 60 }, (_x, i) =>
      r(`F${String(i).padStart(2, '0')}`, `FA${i}`, `zq${i}x`, { Description__c: logged }),
    );
    const maps = [
      r('M1', 'A1', 'Map view of customer locations', { Description__c: logged }),
      r('M2', 'A2', 'Show customer locations on a map', { Description__c: logged }),
    ];
    const { suggestions, reasons } = groupThemes({ requests: [...filler, ...maps], themes: [] });
    const s = suggestions.find((x) => x.requestIds.includes('M1'))!;
    expect(s.requestIds).toEqual(['M1', 'M2']);
    expect(s.terms).toEqual(expect.arrayContaining(['map', 'locations']));
    for (const word of ['heard', 'quarterly', 'review', 'notes']) {
      expect(s.terms).not.toContain(word);
      expect(reasons.get('M1')).not.toContain(word);
    }
  });

  it('needs two accounts for a suggestion', () => {
    expect(
      groupThemes({ requests: excel.map((x) => ({ ...x, Account__c: 'A1' })), themes: [] })
        .suggestions,
    ).toEqual([]);
  });

  it('attaches to curated themes at the end of a merge chain, closed ones too, never to Suggested ones', () => {
    const themes: ThemeRecord[] = [
      {
        Id: 'T_OLD',
        Name: 'Excel export for reports',
        Status__c: 'Open',
        Merged_Into__c: 'T_MAIN',
      },
      { Id: 'T_MAIN', Name: 'Export reports to Excel', Status__c: 'Planned' },
    ];
    expect(groupThemes({ requests: excel, themes }).attachments.get('R2')).toBe('T_MAIN');
    // A new ask for a need already delivered or declined joins it (grouping.closed.test.ts).
    const closed = themes.map((t) => ({ ...t, Status__c: 'Delivered' }));
    expect(groupThemes({ requests: excel, themes: closed }).attachments.get('R2')).toBe('T_MAIN');
    expect(
      groupThemes({
        requests: excel,
        themes: [{ ...themes[1], Status__c: 'Declined' }],
      }).attachments.get('R2'),
    ).toBe('T_MAIN');
    const suggested = themes.map((t) => ({ ...t, Status__c: 'Suggested' }));
    expect(groupThemes({ requests: excel, themes: suggested }).attachments.size).toBe(0);
  });

  it('leaves themed requests alone and copes with empty text', () => {
    const out = groupThemes({
      requests: [r('R1', 'A1', '', { Theme__c: 'T1' }), r('R2', 'A2', ''), r('R3', 'A3', '')],
      themes: [],
    });
    expect(out).toEqual({
      attachments: new Map(),
      suggestions: [],
      reasons: new Map(),
      deferred: 0,
    });
  });
});

describe('tokenize', () => {
  it('segments Chinese with jieba and bridges words to English through CC-CEDICT', () => {
    const { tokens, surface } = tokenize('销售在飞机上查看客户资料');
    expect(tokens).toEqual(expect.arrayContaining(['飞机', '查看', 'airplan']));
    expect(surface.get('airplan')).toBe('飞机');
    // Adjacent jieba words the dictionary knows as one word become it.
    expect(tokenize('支持单点登录').tokens).toEqual(expect.arrayContaining(['单点登录', 'sso']));
  });
  it('stems European languages with Snowball in the language of the text', () => {
    expect(tokenize('Exporting the reports').tokens).toEqual([
      '#export',
      'export',
      '#report',
      'report',
    ]);
    expect(tokenize('Wir brauchen die Berichte').tokens).toEqual(['#report', 'bericht']);
  });
  it('keeps the domain-synonym table as a layer beside the words', () => {
    expect(tokenize('single sign-on please').tokens).toEqual(['#sso', 'singl', 'sign']);
  });
  it('lower-cases a capital that starts a sentence, except in names the synonym table knows', () => {
    expect(tokenize('Enforce MFA. Salesforce sync too').surface.get('enforc')).toBe('enforce');
    expect(tokenize('Enforce MFA. Salesforce sync too').surface.get('salesforc')).toBe(
      'salesforce',
    );
    expect(tokenize('Excel export of the pipeline').surface.get('excel')).toBe('Excel');
    expect(tokenize('SAML login. Sync with Salesforce').surface.get('saml')).toBe('SAML');
    // Written both ways in one text: a name.
    expect(tokenize('Salesforce sync. Quotes from Salesforce').surface.get('salesforc')).toBe(
      'Salesforce',
    );
  });
  it('drops stop words', () => {
    expect(tokenize('We need the mappings for our customers').tokens).toEqual(['map']);
  });
});
