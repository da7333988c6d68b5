/** Prometheus metrics of the service (GET /metrics). One registry per service instance. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  runs: Counter<'status' | 'mode'>;
  apiCalls: Counter<string>;
  retries: Counter<string>;
  scoresWritten: Counter<string>;
  runDuration: Histogram<'status'>;
  active: Gauge<string>;
}

export function createMetrics(withDefaults = true): Metrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'quorum_' });
  return {
    registry,
    runs: new Counter({
      name: 'quorum_runs_total',
      help: 'Finished recompute runs by status and mode',
      labelNames: ['status', 'mode'],
      registers: [registry],
    }),
    apiCalls: new Counter({
      name: 'quorum_salesforce_api_calls_total',
      help: 'Salesforce API calls made by runs',
      registers: [registry],
    }),
    retries: new Counter({
      name: 'quorum_salesforce_retries_total',
      help: 'Transient Salesforce failures retried',
      registers: [registry],
    }),
    scoresWritten: new Counter({
      name: 'quorum_scores_written_total',
      help: 'Segment_Demand_Score__c rows written',
      registers: [registry],
    }),
    runDuration: new Histogram({
      name: 'quorum_run_duration_seconds',
      help: 'Wall time of recompute runs',
      labelNames: ['status'],
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
      registers: [registry],
    }),
    active: new Gauge({
      name: 'quorum_run_active',
      help: '1 while this replica runs a recompute',
      registers: [registry],
    }),
  };
}
