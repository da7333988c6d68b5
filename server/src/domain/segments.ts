/**
 * Segment membership: segments overlap, as "Banks" and "APAC" do. An account belongs to every
 * active, valid segment whose rule it matches, so "which other banks ask for this?" sees every
 * bank; its primary segment, stamped on its requests, is the first of them by Priority__c, then
 * Name, then Id. Account_Count__c counts every member. The rules come from the shared quorumRules
 * module, so the components preview exactly what the service computes.
 */
import { compileSegment } from '../../../force-app/main/default/lwc/quorumRules/quorumRules';
import type {
  AccountInput as AccountRecord,
  CriterionInput as CriterionRecord,
  SegmentInput as SegmentRecord,
} from '../schema/inputs';

export interface SegmentStatus {
  segmentId: string;
  name: string;
  status: 'Valid' | 'Invalid';
  /** What is wrong with an invalid segment's rule (null when valid). */
  message: string | null;
  active: boolean;
  accountCount: number;
}

export interface SegmentAssignment {
  /** In evaluation order: Priority__c ascending (blank last), then Name, then Id. */
  segments: SegmentStatus[];
  /** Account Id -> its primary segment Id, or null when no active valid segment matches. */
  accountSegment: Map<string, string | null>;
  /** Account Id -> every segment it belongs to, primary first (accounts in none are absent). */
  memberships: Map<string, string[]>;
}

function bySegmentOrder(a: SegmentRecord, b: SegmentRecord): number {
  const pa = typeof a.Priority__c === 'number' ? a.Priority__c : Number.POSITIVE_INFINITY;
  const pb = typeof b.Priority__c === 'number' ? b.Priority__c : Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  const na = a.Name ?? '';
  const nb = b.Name ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

export function assignSegments(
  accounts: readonly AccountRecord[],
  segments: readonly SegmentRecord[],
  criteria: readonly CriterionRecord[],
  accountFieldTypes: Readonly<Record<string, string>>,
): SegmentAssignment {
  const criteriaBySegment = new Map<string, CriterionRecord[]>();
  for (const c of criteria) {
    const list = criteriaBySegment.get(c.Segment__c);
    if (list) list.push(c);
    else criteriaBySegment.set(c.Segment__c, [c]);
  }
  const ordered = [...segments].sort(bySegmentOrder);
  const statuses: SegmentStatus[] = [];
  const live: { status: SegmentStatus; matches: (a: Record<string, unknown>) => boolean }[] = [];
  for (const seg of ordered) {
    const own = (criteriaBySegment.get(seg.Id) ?? [])
      .slice()
      .sort((x, y) => Number(x.Number__c) - Number(y.Number__c));
    const compiled = compileSegment(seg, own, accountFieldTypes as Record<string, string>);
    const status: SegmentStatus = {
      segmentId: seg.Id,
      name: seg.Name ?? '',
      status: compiled.ok ? 'Valid' : 'Invalid',
      message: compiled.ok ? null : compiled.message,
      active: seg.Active__c === true,
      accountCount: 0,
    };
    statuses.push(status);
    if (compiled.ok && status.active) live.push({ status, matches: compiled.matches });
  }
  const accountSegment = new Map<string, string | null>();
  const memberships = new Map<string, string[]>();
  for (const account of accounts) {
    const found: string[] = [];
    for (const seg of live) {
      if (seg.matches(account)) {
        seg.status.accountCount += 1;
        found.push(seg.status.segmentId);
      }
    }
    accountSegment.set(account.Id, found[0] ?? null);
    if (found.length > 0) memberships.set(account.Id, found);
  }
  return { segments: statuses, accountSegment, memberships };
}
