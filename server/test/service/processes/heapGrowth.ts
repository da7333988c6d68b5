/**
 * Run in a process of its own by memory.test.ts: after a release, grow the live heap by 40% and
 * print the kinds of the collections V8 made meanwhile (JSON). In the test runner's own process
 * the heap also holds every test file run before (jest runs them in one process on 2 cores), and
 * V8 sizes its next full collection from that heap, not from the service's.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { releaseMemory } from '../../../src/jobs/memory';

async function main(): Promise<void> {
  const released = releaseMemory() !== null;
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      kinds.push((e as unknown as { detail: { kind: number } }).detail.kind);
  });
  observer.observe({ entryTypes: ['gc'] });
  const target = process.memoryUsage().heapUsed * 1.4;
  const kept: { i: number; s: string }[] = [];
  for (let i = 0; process.memoryUsage().heapUsed < target; i++)
    for (let j = 0; j < 10_000; j++) kept.push({ i: i + j, s: `y${i}:${j}` });
  await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries arrive asynchronously
  observer.disconnect();
  process.stdout.write(JSON.stringify({ released, kept: kept.length, kinds }));
}

void main();
