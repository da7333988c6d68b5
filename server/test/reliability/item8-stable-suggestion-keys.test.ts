/**
 * Issue 19, item 8: duplicate suggested themes after triage. Through the service and real
 * jsforce against the emulator: people put the lowest-Id request of a suggestion into another
 * theme, then move one more of its requests; each next run keeps the suggestion's theme (same
 * Id and Theme_Key__c), keeps its other requests on it, and creates no second theme of the
 * same name. A run after that writes nothing to requests or themes.
 */
import { snapshot, startHarness, type Harness } from '../service/harness';

interface Theme {
  Id: string;
  Name: string;
  Theme_Key__c: string | null;
  Status__c: string;
}

describe('item 8: a suggestion keeps its theme under triage', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const themes = async (): Promise<Theme[]> =>
    (await h.conn.query<Theme>('SELECT Id, Name, Theme_Key__c, Status__c FROM Demand_Theme__c'))
      .records;
  const membersOf = async (themeId: string): Promise<string[]> =>
    (
      await h.conn.query<{ Id: string }>(
        `SELECT Id FROM Escalated_Request__c WHERE Suggested_Theme__c = '${themeId}' AND Theme__c = null`,
      )
    ).records
      .map((r) => r.Id)
      .sort();
  const run = async () => {
    const { outcome, result } = await h.service.runner.runToEnd('Full');
    expect(outcome.status).toBe('Succeeded');
    return result!;
  };
  const duplicateNames = (list: Theme[]) => {
    const seen = new Map<string, number>();
    for (const t of list) seen.set(t.Name, (seen.get(t.Name) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
  };

  it('moving the lowest-Id request, then another, keeps the key, the theme and its other requests', async () => {
    // Five accounts ask for a need no theme covers (English and Chinese): one suggestion.
    const accounts = (
      await h.conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Id LIMIT 5')
    ).records;
    const texts = [
      [
        'Gantt chart for project timelines',
        'Show implementation tasks, dependencies and dates in a Gantt chart.',
      ],
      [
        'Gantt chart view of project tasks',
        'Project managers want a Gantt chart with task bars and dependencies.',
      ],
      ['Project Gantt chart', 'A Gantt chart of project tasks and milestones.'],
      [
        'Gantt chart for rollout projects',
        'Plan project tasks on a Gantt chart with dependencies.',
      ],
      ['项目甘特图', '用甘特图展示项目任务、依赖关系和时间节点。'],
    ];
    const created = await h.conn.sobject('Escalated_Request__c').create(
      texts.map(([Name, Description__c], i) => ({
        Name,
        Description__c,
        Account__c: accounts[i].Id,
      })),
    );
    const ours = new Set(created.map((c) => (c as { id: string }).id));
    await run();
    const first = await themes();
    const suggested = first.filter((t) => t.Status__c === 'Suggested');
    const sizes = await Promise.all(
      suggested.map(async (t) => [t, await membersOf(t.Id)] as const),
    );
    // The suggestion holding most of these requests (the demo org has suggestions of its own).
    const mine = (ids: readonly string[]) => ids.filter((id) => ours.has(id)).length;
    sizes.sort(
      (a, b) =>
        mine(b[1]) - mine(a[1]) ||
        b[1].length - a[1].length ||
        (a[0].Theme_Key__c! < b[0].Theme_Key__c! ? -1 : 1),
    );
    const [target, members] = sizes[0];
    expect(members.length).toBeGreaterThanOrEqual(4);
    expect(target.Name).toMatch(/gantt/i);
    const other = first.find((t) => t.Status__c === 'Open' || t.Status__c === 'Planned')!;
    expect(other).toBeDefined();

    // A person puts the lowest-Id request of the suggestion into another theme.
    await h.conn.sobject('Escalated_Request__c').update({ Id: members[0], Theme__c: other.Id });
    await run();
    let now = await themes();
    expect(now).toHaveLength(first.length);
    expect(duplicateNames(now)).toEqual(duplicateNames(first));
    const kept = now.find((t) => t.Id === target.Id)!;
    expect(kept.Theme_Key__c).toBe(target.Theme_Key__c);
    expect(await membersOf(target.Id)).toEqual(members.slice(1));

    // And moves one more (now the lowest again).
    await h.conn.sobject('Escalated_Request__c').update({ Id: members[1], Theme__c: other.Id });
    await run();
    now = await themes();
    expect(now).toHaveLength(first.length);
    expect(now.filter((t) => t.Name === target.Name)).toHaveLength(
      first.filter((t) => t.Name === target.Name).length,
    );
    expect(now.find((t) => t.Id === target.Id)!.Theme_Key__c).toBe(target.Theme_Key__c);
    // Its other requests stay; with two of the five themed, the Chinese one (its words rarer
    // now) may join them: it is one of the five, never a moved one.
    const after = await membersOf(target.Id);
    expect(after).toEqual(expect.arrayContaining(members.slice(2)));
    expect(after.every((id) => ours.has(id) && !members.slice(0, 2).includes(id))).toBe(true);
    // The moved requests keep the suggestion they were moved off: the record of the move.
    const moved = (await snapshot(h)).requests.filter((r) => members.slice(0, 2).includes(r.Id));
    for (const r of moved) {
      expect(r.Theme__c).toBe(other.Id);
      expect(r.Suggested_Theme__c).toBe(target.Id);
    }

    // Settled: the next run changes no request or theme.
    const settled = await run();
    expect(settled).toMatchObject({ requestsUpdated: 0, themesUpserted: 0 });
  }, 120_000);
});
