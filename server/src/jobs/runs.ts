/**
 * Demand_Run__c as the command queue and the run's record: create (Requested), read, stamp the
 * watermark, finish (Succeeded / Partially Succeeded / Failed). All state lives in the org, so
 * any replica can pick up where another stopped. Claiming a run, the lock and its heartbeat are
 * in lease.ts.
 */
import { randomUUID } from 'node:crypto';
import { DemandRun, DemandRunRecord, type RunMode, type RunStatus } from '../schema';
import { compositeCall } from '../salesforce/composite';
import type { Org } from '../salesforce/org';
import { datetimeLiteral, idLiteral, literal } from '../salesforce/soql';
import { readAll } from '../salesforce/read';

const T = DemandRun.apiName;
const RUN_FIELDS = Object.keys(DemandRun.fields).join(', ');
/** Demand_Run__c.Log__c is a LongTextArea(131072); keep the tail if a run says more. */
export const LOG_LIMIT = 131_072;

export type Run = DemandRunRecord;

export async function createRun(
  org: Org,
  mode: RunMode,
  status: RunStatus = 'Requested',
): Promise<string> {
  // Created by upsert on a fresh request key (Lock_Key__c, replaced by the claim), so a retried
  // create after a lost response finds the same row instead of queueing a second run.
  const requestKey = `REQ-${randomUUID()}`;
  const res = await org.call('run.create', () =>
    org.conn.request<{ id: string; success: boolean; errors: unknown[] }>({
      method: 'PATCH',
      url: `${org.base}/sobjects/${T}/Lock_Key__c/${requestKey}`,
      body: JSON.stringify({ Status__c: status, Mode__c: mode, Progress__c: 0 }),
      headers: { 'content-type': 'application/json' },
    }),
  );
  if (res?.id) return res.id;
  // An update of an existing row answers 204 without a body: look the row up by its key.
  const rows = await readAll(
    org,
    `SELECT Id FROM ${T} WHERE Lock_Key__c = ${literal(requestKey)}`,
    DemandRunRecord.pick({ Id: true }),
    { bulkThreshold: Infinity },
  );
  if (!rows[0]) throw new Error('Could not create a Demand_Run__c (no Id returned).');
  return rows[0].Id;
}

export async function getRun(org: Org, id: string): Promise<Run | null> {
  const rows = await readAll(
    org,
    `SELECT ${RUN_FIELDS} FROM ${T} WHERE Id = ${idLiteral(id)}`,
    DemandRunRecord,
    { bulkThreshold: Infinity },
  );
  return rows[0] ?? null;
}

export async function listRuns(org: Org, limit = 50): Promise<Run[]> {
  const soql = `SELECT ${RUN_FIELDS} FROM ${T} ORDER BY CreatedDate DESC LIMIT ${Math.max(1, Math.min(200, Math.floor(limit)))}`;
  return readAll(org, soql, DemandRunRecord, { bulkThreshold: Infinity });
}

/** The oldest run people (or POST /runs) asked for and nobody has claimed yet. */
export async function nextRequested(org: Org): Promise<Run | null> {
  const soql = `SELECT ${RUN_FIELDS} FROM ${T} WHERE Status__c = ${literal('Requested')} ORDER BY CreatedDate ASC LIMIT 1`;
  const rows = await readAll(org, soql, DemandRunRecord, { bulkThreshold: Infinity });
  return rows[0] ?? null;
}

/** The watermark of the last Succeeded run, for incremental reads. */
export async function lastSuccessfulRun(org: Org): Promise<Run | null> {
  const soql = `SELECT ${RUN_FIELDS} FROM ${T} WHERE Status__c = ${literal('Succeeded')} AND Watermark__c != null ORDER BY Finished_At__c DESC LIMIT 1`;
  const rows = await readAll(org, soql, DemandRunRecord, { bulkThreshold: Infinity });
  return rows[0] ?? null;
}

async function update(org: Org, id: string, fields: Record<string, unknown>): Promise<void> {
  // Updates by Id are idempotent: retried on transient errors, including a locked row.
  await org.call('run.update', async () => {
    const res = await org.conn.request<
      { success: boolean; errors: { statusCode: string; message: string }[] }[]
    >({
      method: 'PATCH',
      url: `${org.base}/composite/sobjects`,
      body: JSON.stringify({
        allOrNone: true,
        records: [{ attributes: { type: T }, Id: id, ...fields }],
      }),
      headers: { 'content-type': 'application/json' },
    });
    const r = res[0];
    if (!r?.success) {
      const e = r?.errors?.[0];
      const err = new Error(
        `Updating Demand_Run__c ${id} failed: ${e?.statusCode ?? 'UNKNOWN'} ${e?.message ?? ''}`,
      ) as Error & { errorCode?: string };
      err.errorCode = e?.statusCode;
      throw err;
    }
  });
}

/**
 * Updates the run and reads it back in one composite call (one API call): the claim confirms
 * its holder this way, and the watermark is the run's own SystemModstamp after the update.
 */
async function updateAndRead(
  org: Org,
  id: string,
  fields: Record<string, unknown>,
): Promise<{ Claimed_By__c: string | null; SystemModstamp: string }> {
  const url = `${org.base}/sobjects/${T}/${id}`;
  return compositeCall(
    org,
    'run.updateAndRead',
    {
      allOrNone: false,
      compositeRequest: [
        { method: 'PATCH', url, referenceId: 'update', body: fields },
        { method: 'GET', url: `${url}?fields=Claimed_By__c,SystemModstamp`, referenceId: 'read' },
      ],
    },
    (answer) => {
      answer.body('update', `Updating Demand_Run__c ${id}`);
      return answer.body<{ Claimed_By__c: string | null; SystemModstamp: string }>(
        'read',
        `Reading Demand_Run__c ${id} back`,
      );
    },
  );
}

/** Records the phase and returns the org's clock right after (the run's SystemModstamp). */
export async function stampWatermark(org: Org, runId: string, phase: string): Promise<string> {
  const back = await updateAndRead(org, runId, {
    Phase__c: phase,
    Progress__c: 99,
    Heartbeat_At__c: new Date().toISOString(),
  });
  return back.SystemModstamp;
}

/** Closes a run that never started (e.g. a recompute refused because another run holds the lock). */
export async function closeUnstarted(org: Org, runId: string, reason: string): Promise<void> {
  await update(org, runId, {
    Status__c: 'Failed',
    Lock_Key__c: null,
    Phase__c: 'Not started',
    Finished_At__c: new Date().toISOString(),
    Records_Read__c: 0,
    Scores_Written__c: 0,
    Scores_Deleted__c: 0,
    Log__c: `${new Date().toISOString()} Not started: ${reason}. Nothing was read or written.`,
  });
}

export interface RunOutcome {
  status: Extract<RunStatus, 'Succeeded' | 'Partially Succeeded' | 'Failed'>;
  recordsRead: number;
  scoresWritten: number;
  scoresDeleted: number;
  apiCalls: number;
  errorCount: number;
  log: string;
  watermark: string | null;
}

/** The fields that record a run's outcome (written with the lock's release, see lease.ts). */
export function outcomeFields(outcome: RunOutcome, now = new Date()): Record<string, unknown> {
  return {
    Status__c: outcome.status,
    Lock_Key__c: null,
    Phase__c: outcome.status === 'Failed' ? 'Stopped' : 'Done',
    ...(outcome.status === 'Failed' ? {} : { Progress__c: 100 }),
    Finished_At__c: now.toISOString(),
    Heartbeat_At__c: now.toISOString(),
    Records_Read__c: outcome.recordsRead,
    Scores_Written__c: outcome.scoresWritten,
    Scores_Deleted__c: outcome.scoresDeleted,
    // +1: the call that records this is a call too.
    Api_Calls__c: outcome.apiCalls + 1,
    Error_Count__c: outcome.errorCount,
    Log__c: tail(outcome.log),
    ...(outcome.watermark ? { Watermark__c: datetimeLiteral(outcome.watermark) } : {}),
  };
}

function tail(text: string): string {
  return text.length <= LOG_LIMIT ? text : `…${text.slice(text.length - LOG_LIMIT + 1)}`;
}

export function appendLog(existing: string | null | undefined, line: string): string {
  return tail(existing ? `${existing}\n${line}` : line);
}
