/**
 * Shared by the reliability suite: replicas of the service (optionally behind the fault proxy),
 * the org's run records, and the figures each probe prints (tried / held).
 */
import { loadEnv } from '../../src/config/env';
import { startService, type Service } from '../../src/jobs/service';
import type { RunnerSettings } from '../../src/jobs/runner';
import { silentLogger, type Logger } from '../../src/log';
import { API_TOKEN, FAST_RETRY, NOW, TOKEN, type Harness } from '../service/harness';

export interface RunRow {
  Id: string;
  Status__c: string;
  Phase__c: string | null;
  Claimed_By__c: string | null;
  Log__c: string | null;
  Records_Read__c: number | null;
  Scores_Written__c: number | null;
  Finished_At__c: string | null;
}

export async function runRows(h: Harness): Promise<RunRow[]> {
  const res = await h.conn.query<RunRow>(
    'SELECT Id, Status__c, Phase__c, Claimed_By__c, Log__c, Records_Read__c, Scores_Written__c, Finished_At__c FROM Demand_Run__c ORDER BY CreatedDate',
  );
  return res.records;
}

export async function claimRows(h: Harness): Promise<{ Id: string; Run__c: string }[]> {
  const res = await h.conn.query<{ Id: string; Run__c: string }>(
    'SELECT Id, Run__c FROM Demand_Run_Claim__c',
  );
  return res.records;
}

/** A replica of the service talking to `instanceUrl` (the emulator, or a proxy in front of it). */
export function replica(
  instanceUrl: string,
  name: string,
  runner: Partial<RunnerSettings> = {},
  logger: Logger = silentLogger,
): Promise<Service> {
  return startService({
    env: loadEnv({
      SF_INSTANCE_URL: instanceUrl,
      SF_ACCESS_TOKEN: TOKEN,
      QUORUM_API_TOKEN: API_TOKEN,
      PORT: '0',
    }),
    logger,
    timers: false,
    listen: false,
    retry: FAST_RETRY,
    runner: { clock: () => NOW, replicaId: name, ...runner },
  });
}

const figures: string[] = [];

/** Records one probe's figure; the suite prints them all at the end of each file. */
export function figure(item: string, tried: number, held: number, detail = ''): void {
  figures.push(`reliability ${item}: tried ${tried}, held ${held}${detail ? ` (${detail})` : ''}`);
}

export function printFigures(): void {
  if (figures.length > 0) console.log(figures.splice(0).join('\n'));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes every score, so the next run writes them all. */
export async function dropScores(h: Harness): Promise<void> {
  const ids = (
    await h.conn.query<{ Id: string }>('SELECT Id FROM Segment_Demand_Score__c')
  ).records.map((r) => r.Id);
  for (let i = 0; i < ids.length; i += 200)
    await h.conn.sobject('Segment_Demand_Score__c').destroy(ids.slice(i, i + 200));
}
