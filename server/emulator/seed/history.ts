/**
 * Demand history for the demo org, so growth shows on the first run: the monthly rows earlier
 * service runs would have written (Segment_Demand_History__c) 90, 180 and 270 days ago, scored
 * by the service's own engine over the requests customers had asked by then.
 */
import { assignSegments } from '../../src/domain/segments';
import { computeScores } from '../../src/domain/scoring';
import { resolveProfile } from '../../src/domain/profile';
import { historyRowOf, monthOf } from '../../src/domain/history';
import { askedDayOf } from '../../src/domain/numbers';
import type { RequestInput as RequestRecord } from '../../src/schema/inputs';
import type { Store } from '../store/store';

const DAY = 86400000;

export function seedHistory(store: Store, now: number): number {
  const accounts = store.records('Account') as { Id: string }[];
  const fieldTypes = Object.fromEntries(
    store.table('Account').def.fields.map((f) => [f.name, f.type]),
  );
  const assignment = assignSegments(
    accounts,
    store.records('Segment__c') as never,
    store.records('Segment_Criterion__c') as never,
    fieldTypes,
  );
  const requests = store.records('Escalated_Request__c') as RequestRecord[];
  const themes = store.records('Demand_Theme__c') as never[];
  const { profile } = resolveProfile(store.records('Demand_Scoring_Profile__c')[0] ?? null);
  const rows = [];
  for (const daysAgo of [270, 180, 90]) {
    const asOf = now - daysAgo * DAY;
    const day = Math.floor(asOf / DAY);
    const month = monthOf(asOf);
    const asked = requests.filter((r) => askedDayOf(r) <= day);
    const scores = computeScores({
      accounts,
      memberships: assignment.memberships,
      segments: assignment.segments,
      opportunities: store.records('Opportunity') as never,
      committeeMembers: store.records('Buying_Committee_Member__c') as never,
      contactRoles: store.records('OpportunityContactRole') as never,
      requests: asked,
      themes,
      profile,
      now: asOf,
    });
    for (const s of scores) {
      const { Last_Run__c: _run, ...row } = historyRowOf(s, month, null);
      rows.push(row);
    }
  }
  store.load('Segment_Demand_History__c', rows as never);
  return rows.length;
}
