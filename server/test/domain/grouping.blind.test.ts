/**
 * The blind grouping set (fixtures/grouping/blind.json) is well-formed: what its figures in
 * `npm run eval:grouping` rest on. Not a quality gate: the set was written after the grouper was
 * tuned and is only measured (see the fixtures' README), so no floor on its figures lives here.
 */
import { loadBlind } from '../fixtures/grouping/evaluate';
import { sets } from '../../../scripts/eval-grouping';

const blind = loadBlind();
const { requests, themes } = blind;
const byNeed = new Map<string, typeof requests>();
for (const r of requests) byNeed.set(r.need, [...(byNeed.get(r.need) ?? []), r]);

describe('blind grouping set', () => {
  it('labels every request with a need, and every request has an Id, an account and a title', () => {
    for (const r of requests) {
      expect(typeof r.need).toBe('string');
      expect(r.need.trim()).not.toBe('');
      expect(r.Id).toMatch(/^BL-\d{3}$/);
      expect(r.Account__c).toMatch(/^BLACC-\d{2}$/);
      expect((r.Name ?? '').trim()).not.toBe('');
    }
  });

  it('has unique request and theme Ids', () => {
    expect(new Set(requests.map((r) => r.Id)).size).toBe(requests.length);
    expect(new Set(themes.map((t) => t.Id)).size).toBe(themes.length);
  });

  it('themes requests only into existing themes of their own need, the first request of that need', () => {
    const themeById = new Map(themes.map((t) => [t.Id, t]));
    for (const r of requests.filter((q) => q.Theme__c)) {
      const theme = themeById.get(r.Theme__c as string);
      expect(theme).toBeDefined();
      expect(theme?.need).toBe(r.need);
      expect(byNeed.get(r.need)?.[0].Id).toBe(r.Id);
    }
    // One theme per themed need, each with a themed request and an open or planned status.
    expect(new Set(themes.map((t) => t.need)).size).toBe(themes.length);
    for (const t of themes) {
      expect(requests.some((r) => r.Theme__c === t.Id)).toBe(true);
      expect(['Open', 'Planned']).toContain(t.Status__c);
    }
  });

  it('has the composition it was written for: needs of 3 to 8 requests, singletons, a third Chinese', () => {
    const sizes = [...byNeed.values()].map((rs) => rs.length);
    expect(requests.length).toBeGreaterThanOrEqual(110);
    expect(sizes.filter((n) => n >= 3 && n <= 8).length).toBeGreaterThanOrEqual(20);
    expect(sizes.filter((n) => n === 2 || n > 8)).toEqual([]);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThanOrEqual(10);
    const chinese = requests.filter((r) => /[\u4e00-\u9fff]/.test(r.Name ?? '')).length;
    expect(chinese / requests.length).toBeGreaterThan(0.28);
    // Some needs asked in both languages.
    const mixed = [...byNeed.values()].filter(
      (rs) =>
        rs.some((r) => /[\u4e00-\u9fff]/.test(r.Name ?? '')) &&
        rs.some((r) => !/[\u4e00-\u9fff]/.test(r.Name ?? '')),
    );
    expect(mixed.length).toBeGreaterThanOrEqual(5);
  });

  it('spreads every need over different accounts (one account asking twice is no pattern)', () => {
    for (const rs of byNeed.values())
      expect(new Set(rs.map((r) => r.Account__c)).size).toBe(rs.length);
  });

  it('is measured by npm run eval:grouping as a held-out set', () => {
    const entry = sets().find((s) => s.name.startsWith('blind set'));
    expect(entry?.heldOut).toBe(true);
    expect(entry?.fixture.requests.map((r) => r.Id)).toEqual(requests.map((r) => r.Id));
  });
});
