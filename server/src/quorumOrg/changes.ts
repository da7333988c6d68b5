/**
 * Incremental runs: has anything the scores depend on changed since the last successful run's
 * watermark? One queryAll per input object (`LIMIT 1`: existence is enough), five per composite
 * call, so the answer costs two API calls. queryAll also returns deleted rows (still in the
 * recycle bin), so deletions count as changes.
 *
 * Strategy (documented in server/src/jobs/README.md): when something changed, the run recomputes from a
 * full read and writes only the differences, so its result is exactly a full run's; when
 * nothing changed, it finishes without reading or writing anything else.
 */
import {
  Account,
  BuyingCommitteeMember,
  DemandScoringProfile,
  DemandTheme,
  EscalatedRequest,
  Opportunity,
  OpportunityContactRole,
  Segment,
  SegmentCriterion,
  SegmentDemandScore,
} from '../schema';
import { compositeCall } from '../salesforce/composite';
import type { Org } from '../salesforce/org';
import { datetimeLiteral } from '../salesforce/soql';

/** Everything a score depends on (and the scores themselves: a hand-edited score is repaired). */
export const WATCHED_OBJECTS = [
  Account.apiName,
  Opportunity.apiName,
  OpportunityContactRole.apiName,
  BuyingCommitteeMember.apiName,
  EscalatedRequest.apiName,
  DemandTheme.apiName,
  Segment.apiName,
  SegmentCriterion.apiName,
  DemandScoringProfile.apiName,
  SegmentDemandScore.apiName,
] as const;

interface QueryResult {
  totalSize: number;
  records: unknown[];
}

/** Objects with a row modified or deleted after `watermark` (empty: nothing changed). */
export async function changedSince(
  org: Org,
  watermark: string,
  opts: { composite?: boolean } = {},
): Promise<string[]> {
  const since = datetimeLiteral(watermark);
  const soqlOf = (object: string) =>
    `SELECT Id FROM ${object} WHERE SystemModstamp > ${since} LIMIT 1`;
  const changed: string[] = [];
  if (opts.composite !== false) {
    for (let i = 0; i < WATCHED_OBJECTS.length; i += 5) {
      const group = WATCHED_OBJECTS.slice(i, i + 5);
      const parts = await compositeCall(
        org,
        'composite.changes',
        {
          allOrNone: false,
          compositeRequest: group.map((object, k) => ({
            method: 'GET',
            url: `${org.base}/queryAll?q=${encodeURIComponent(soqlOf(object))}`,
            referenceId: `q${k}`,
          })),
        },
        (answer) =>
          group.map(
            (object, k) =>
              answer.body<QueryResult>(`q${k}`, `Change check on ${object}`).totalSize > 0,
          ),
      );
      group.forEach((object, k) => {
        if (parts[k]) changed.push(object);
      });
    }
    return changed;
  }
  for (const object of WATCHED_OBJECTS) {
    const res = await org.call(
      'queryAll.changes',
      async () =>
        (await org.conn.query(soqlOf(object), {
          scanAll: true,
          autoFetch: false,
        })) as unknown as QueryResult,
    );
    if (res.totalSize > 0) changed.push(object);
  }
  return changed;
}
