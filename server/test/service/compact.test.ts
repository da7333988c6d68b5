import fc from 'fast-check';
import { Interner, RequestTextPruner } from '../../src/jobs/compact';

describe('request text pruning', () => {
  it('keeps the text of every request the grouping can sample, whatever the merges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 0, max: 9999 }), theme: fc.integer({ min: 0, max: 4 }), suggested: fc.boolean() }), { maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        (rows, mergeTarget) => {
          const seen = new Set<number>();
          const requests = rows
            .filter((r) => !seen.has(r.n) && seen.add(r.n))
            .map((r) => ({
              Id: `a04${String(r.n).padStart(15, '0')}`,
              Theme__c: r.suggested ? null : `t${r.theme}`,
              Suggested_Theme__c: r.suggested ? `t${r.theme}` : null,
              Name: `name ${r.n}`,
              Description__c: `text ${r.n}`,
            }));
          const pruner = new RequestTextPruner(3);
          for (const r of requests) pruner.add(r);
          // Any merge: theme i counts for theme mergeTarget[i]. The engine samples, per resolved
          // theme, the first 3 requests by Id among Theme__c || Suggested_Theme__c.
          const byResolved = new Map<string, typeof requests>();
          for (const r of [...requests].sort((a, b) => (a.Id < b.Id ? -1 : 1))) {
            const raw = r.Theme__c || r.Suggested_Theme__c;
            const key = `t${mergeTarget[Number(raw!.slice(1))]}`;
            const list = byResolved.get(key) ?? [];
            if (list.length < 3) list.push(r);
            byResolved.set(key, list);
          }
          for (const list of byResolved.values()) for (const r of list) expect(r.Name).not.toBeNull();
          // Unthemed requests always keep their text.
          for (const r of requests) if (!r.Theme__c) expect(r.Description__c).not.toBeNull();
        },
      ),
    );
  });

  it('interns equal strings to one instance and leaves other values alone', () => {
    const i = new Interner();
    const a = ['001', 'x'].join('');
    const b = ['00', '1x'].join('');
    expect(i.intern(a)).toBe(i.intern(b));
    expect(i.intern(3)).toBe(3);
    expect(i.intern(null)).toBeNull();
  });
});
