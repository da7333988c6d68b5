/**
 * Grouping must be a fixed point of its own output: once the service has written a run's
 * suggested themes and each request's Suggested_Theme__c, the next run over the same requests
 * must move no request and suggest no new theme (else every steady-state run rewrites requests
 * and scores).
 */
import { groupThemes } from '../../src/domain';
import { loadFixture } from '../fixtures/grouping/evaluate';
import { applyGrouping, type GroupedOrg } from './world';

const run = (org: GroupedOrg): GroupedOrg =>
  applyGrouping(org, groupThemes({ requests: org.requests, themes: org.themes }));
const suggestedOf = (org: GroupedOrg) =>
  org.requests.map((r) => [r.Id, r.Suggested_Theme__c ?? null]);

describe.each(['requests', 'holdout'] as const)(
  'grouping over its own output (%s fixture)',
  (name) => {
    const fixture = loadFixture(name);
    const start: GroupedOrg = { requests: fixture.requests, themes: fixture.themes };

    it('the second run moves no request and suggests no new theme', () => {
      const once = run(start);
      const twice = run(once);
      expect(twice.themes).toHaveLength(once.themes.length);
      expect(suggestedOf(twice)).toEqual(suggestedOf(once));
    });

    it('after a product manager merges a theme, the run after the next one changes nothing', () => {
      const once = run(start);
      const [from, into] = once.themes.filter(
        (t) => t.Status__c === 'Open' || t.Status__c === 'Planned',
      );
      expect(into).toBeDefined();
      const merged: GroupedOrg = {
        requests: once.requests,
        themes: once.themes.map((t) => (t.Id === from.Id ? { ...t, Merged_Into__c: into.Id } : t)),
      };
      const next = run(merged);
      expect(suggestedOf(run(next))).toEqual(suggestedOf(next));
    });
  },
);

/**
 * A run groups at most GROUPING.maxFree free requests, the most recently logged (highest Ids)
 * first; the rest wait. Here the bound is lowered to 40 of the fixture's requests.
 */
describe('a backlog larger than the bound of a run', () => {
  const fixture = loadFixture('requests');
  const start: GroupedOrg = { requests: fixture.requests, themes: fixture.themes };
  const settings = { maxFree: 40 };
  const bounded = (org: GroupedOrg) =>
    groupThemes({ requests: org.requests, themes: org.themes, settings });
  const unthemed = fixture.requests.filter((r) => !r.Theme__c).map((r) => r.Id);

  it('groups the newest free requests exactly as if the older ones were not there', () => {
    expect(unthemed.length).toBeGreaterThan(settings.maxFree);
    const result = bounded(start);
    expect(result.deferred).toBe(unthemed.length - settings.maxFree);
    const waiting = new Set([...unthemed].sort().slice(0, result.deferred));
    const alone = groupThemes({
      requests: fixture.requests.filter((r) => !waiting.has(r.Id)),
      themes: fixture.themes,
    });
    expect(alone.deferred).toBe(0);
    expect([...result.attachments].sort()).toEqual([...alone.attachments].sort());
    expect(result.suggestions).toEqual(alone.suggestions);
    expect([...result.reasons].sort()).toEqual([...alone.reasons].sort());
    const placed = [
      ...result.attachments.keys(),
      ...result.suggestions.flatMap((s) => s.requestIds),
    ];
    expect(placed.some((id) => waiting.has(id))).toBe(false);
  });

  it('drains over runs as requests attach, and then reaches a fixed point', () => {
    let org = start;
    let before = suggestedOf(org);
    const deferredByRun: number[] = [];
    for (let k = 0; k < 12; k++) {
      const result = bounded(org);
      deferredByRun.push(result.deferred);
      org = applyGrouping(org, result);
      const now = suggestedOf(org);
      if (JSON.stringify(now) === JSON.stringify(before)) break;
      before = now;
    }
    // Fixed point reached within the runs allowed, the backlog never growing on the way.
    expect(suggestedOf(applyGrouping(org, bounded(org)))).toEqual(suggestedOf(org));
    for (let k = 1; k < deferredByRun.length; k++)
      expect(deferredByRun[k]).toBeLessThanOrEqual(deferredByRun[k - 1]);
    expect(deferredByRun[deferredByRun.length - 1]).toBeLessThan(deferredByRun[0]);
  });

  it('is not reached by an org below it: the same result as without a bound', () => {
    const free = groupThemes({ requests: fixture.requests, themes: fixture.themes });
    const wide = groupThemes({
      requests: fixture.requests,
      themes: fixture.themes,
      settings: { maxFree: unthemed.length },
    });
    expect(free.deferred).toBe(0);
    expect(wide).toEqual(free);
  });
});
