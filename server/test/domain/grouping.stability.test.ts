/**
 * Grouping must be a fixed point of its own output: once the service has written a run's
 * suggested themes and each request's Suggested_Theme__c, the next run over the same requests
 * must move no request and suggest no new theme (else every steady-state run rewrites requests
 * and scores).
 */
import {
  groupThemes,
  type GroupingResult,
  type RequestRecord,
  type ThemeRecord,
} from '../../src/domain';
import { loadFixture } from '../fixtures/grouping/evaluate';

interface Org {
  requests: RequestRecord[];
  themes: ThemeRecord[];
}

/** Writes a grouping result back as the service does (suggested themes upserted by key). */
function apply(org: Org, result: GroupingResult): Org {
  const byKey = new Map(
    org.themes.filter((t) => t.Theme_Key__c).map((t) => [t.Theme_Key__c as string, t]),
  );
  const themes = [...org.themes];
  for (const s of result.suggestions) {
    if (byKey.has(s.key)) continue;
    const theme = {
      Id: `SUG-${s.key}`,
      Name: s.name,
      Description__c: s.description,
      Theme_Key__c: s.key,
      Origin__c: 'Suggested',
      Status__c: 'Suggested',
      Match_Terms__c: s.terms.join(', '),
      Merged_Into__c: null,
    } as ThemeRecord;
    themes.push(theme);
    byKey.set(s.key, theme);
  }
  const themeOf = new Map(result.attachments);
  for (const s of result.suggestions)
    for (const id of s.requestIds) themeOf.set(id, byKey.get(s.key)!.Id);
  const requests = org.requests.map((r) =>
    r.Theme__c ? r : { ...r, Suggested_Theme__c: themeOf.get(r.Id) ?? null },
  );
  return { requests, themes };
}

const run = (org: Org): Org =>
  apply(org, groupThemes({ requests: org.requests, themes: org.themes }));
const suggestedOf = (org: Org) => org.requests.map((r) => [r.Id, r.Suggested_Theme__c ?? null]);

describe.each(['requests', 'holdout'] as const)(
  'grouping over its own output (%s fixture)',
  (name) => {
    const fixture = loadFixture(name);
    const start: Org = { requests: fixture.requests, themes: fixture.themes };

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
      const merged: Org = {
        requests: once.requests,
        themes: once.themes.map((t) => (t.Id === from.Id ? { ...t, Merged_Into__c: into.Id } : t)),
      };
      const next = run(merged);
      expect(suggestedOf(run(next))).toEqual(suggestedOf(next));
    });
  },
);
