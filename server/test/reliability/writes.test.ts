/**
 * Item 4 of the reliability issue: every write retry-safe. The emulator loses answers after it
 * acted (Bulk upload, Bulk close, composite writes) and the proxy resets connections; each run
 * must succeed with the fault-free scores, no row twice and no job processed twice.
 */
import {
  addFaults,
  clearFaults,
  compareScores,
  expectedScores,
  snapshot,
  startHarness,
  type Harness,
} from '../service/harness';
import type { Service } from '../../src/jobs/service';
import { startProxy, type FaultProxy } from './proxy';
import { dropScores, figure, printFigures, replica } from './support';

describe('reliability: retry-safe writes', () => {
  let h: Harness;
  let bulk: Service;
  let proxied: Service;
  let proxy: FaultProxy;
  beforeAll(async () => {
    h = await startHarness({ scale: 20 });
    // Threshold 5: every write of more than five rows goes through Bulk API 2.0 ingest.
    bulk = await replica(h.emulator.url, 'bulk-writer', { bulkThreshold: 5 });
    proxy = await startProxy(h.emulator.url);
    proxied = await replica(proxy.url, 'proxied-writer');
  });
  afterAll(async () => {
    await proxied.close();
    await bulk.close();
    await proxy.close();
    await h.close();
    printFigures();
  });

  async function probe(service: Service, faults: object[]): Promise<string[]> {
    await dropScores(h);
    const before = await snapshot(h);
    if (faults.length) await addFaults(h, faults);
    const { outcome } = await service.runner.runToEnd('Full');
    await clearFaults(h);
    const problems = compareScores(expectedScores(before), await snapshot(h));
    if (outcome.status !== 'Succeeded')
      problems.unshift(`run ${outcome.status}: ${outcome.log.slice(-300)}`);
    return problems;
  }

  it('Bulk ingest: a lost upload answer and a lost close answer', async () => {
    const cases = [
      [{ kind: 'lostResponse', route: '*jobs/ingest/*/batches', method: 'PUT', count: 1 }],
      [{ kind: 'lostResponse', route: '*jobs/ingest/*', method: 'PATCH', count: 1 }],
      [
        { kind: 'lostResponse', route: '*jobs/ingest/*/batches', method: 'PUT', count: 1 },
        { kind: 'lostResponse', route: '*jobs/ingest/*', method: 'PATCH', count: 2 },
      ],
    ];
    const results = [];
    for (const faults of cases) results.push(await probe(bulk, faults));
    figure(
      '4 Bulk ingest with lost upload/close answers',
      cases.length,
      results.filter((p) => p.length === 0).length,
    );
    expect(results).toEqual(cases.map(() => []));
  }, 60_000);

  it('collections through composite: lost answers to writes', async () => {
    const cases = [
      [{ kind: 'lostResponse', route: 'composite', method: 'POST', count: 2 }],
      [{ kind: 'lostResponse', route: 'composite/sobjects*', method: 'PATCH', count: 2 }],
    ];
    const results = [];
    for (const faults of cases) results.push(await probe(h.service, faults));
    figure(
      '4 composite/collections with lost answers',
      cases.length,
      results.filter((p) => p.length === 0).length,
    );
    expect(results).toEqual(cases.map(() => []));
  }, 60_000);

  it('connection resets before the org sees the request, and answers lost by the proxy', async () => {
    proxy.rules.push(
      { action: 'reset', method: 'POST', route: /\/composite$/, count: 2 },
      { action: 'lose', method: 'POST', route: /\/composite$/, count: 1 },
      { action: 'reset', method: 'GET', route: /\/query/, count: 2 },
    );
    const problems = await probe(proxied, []);
    figure(
      '4 proxy resets and lost answers',
      1,
      problems.length === 0 ? 1 : 0,
      `faults fired: ${JSON.stringify(proxy.fired)}`,
    );
    expect(problems).toEqual([]);
    expect(proxy.fired.reset).toBeGreaterThan(0);
  }, 60_000);
});
