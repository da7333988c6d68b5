/**
 * Quorum's org: every read and write a run makes, behind one interface, so the run's logic
 * (jobs/) holds no SOQL and no object names, and tests can read what a run would do from its
 * plan (jobs/plan.ts). The implementation goes through the Org connection (salesforce/), which
 * counts calls, retries and keeps the budget.
 */
import type { Org } from '../salesforce/org';
import type { WriteResult } from '../salesforce/write';
import {
  DemandTheme,
  EscalatedRequest,
  EXTERNAL_IDS,
  Segment,
  SegmentDemandHistory,
  SegmentDemandScore,
} from '../schema';
import { literal } from '../salesforce/soql';
import { deleteMany, updateMany, upsertMany, type WriterOptions } from '../salesforce/writer';
import { readSnapshot, type Snapshot, type SnapshotOptions } from './snapshot';
import { changedSince } from './changes';

export type { Snapshot, SnapshotOptions };

type Row = Record<string, unknown>;

export interface QuorumOrg {
  readSnapshot(opts: SnapshotOptions): Promise<Snapshot>;
  /** Objects with a row modified or deleted after the watermark. */
  changedSince(watermark: string): Promise<string[]>;
  /** Ids of suggested themes by Theme_Key__c (for keys a Bulk upsert did not report). */
  themeIds(keys: readonly string[]): Promise<Map<string, string>>;
  /** Stops before any write when the budget cannot cover `calls` more API calls. */
  guard(calls: number): void;
  upsertThemes(rows: Row[]): Promise<WriteResult>;
  updateSegments(rows: Row[]): Promise<WriteResult>;
  updateRequests(rows: Row[]): Promise<WriteResult>;
  upsertScores(rows: Row[]): Promise<WriteResult>;
  upsertHistory(rows: Row[]): Promise<WriteResult>;
  deleteScores(ids: string[]): Promise<WriteResult>;
}

export function quorumOrg(org: Org, writer: WriterOptions): QuorumOrg {
  return {
    readSnapshot: (opts) => readSnapshot(org, opts),
    changedSince: (watermark) => changedSince(org, watermark),
    themeIds: (keys) => themeIds(org, keys),
    guard: (calls) => org.guard(calls),
    upsertThemes: (rows) =>
      upsertMany(org, DemandTheme.apiName, EXTERNAL_IDS.Demand_Theme__c, rows, writer),
    updateSegments: (rows) => updateMany(org, Segment.apiName, rows, writer),
    updateRequests: (rows) => updateMany(org, EscalatedRequest.apiName, rows, writer),
    upsertScores: (rows) =>
      upsertMany(
        org,
        SegmentDemandScore.apiName,
        EXTERNAL_IDS.Segment_Demand_Score__c,
        rows,
        writer,
      ),
    upsertHistory: (rows) =>
      upsertMany(
        org,
        SegmentDemandHistory.apiName,
        EXTERNAL_IDS.Segment_Demand_History__c,
        rows,
        writer,
      ),
    deleteScores: (ids) => deleteMany(org, ids),
  };
}

async function themeIds(org: Org, keys: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 200) {
    const chunk = keys.slice(i, i + 200);
    const soql = `SELECT Id, Theme_Key__c FROM ${DemandTheme.apiName} WHERE Theme_Key__c IN (${chunk.map((k) => literal(k)).join(',')})`;
    const res = await org.call(
      'query',
      async () =>
        (await org.conn.query(soql, { autoFetch: false })) as unknown as {
          records: { Id: string; Theme_Key__c: string }[];
        },
    );
    for (const r of res.records) ids.set(r.Theme_Key__c, r.Id);
  }
  return ids;
}
