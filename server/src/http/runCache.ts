/**
 * Run state for GET /runs and /runs/:id without an org call per HTTP request: the latest runs
 * are read at most once per `ttlMs` (concurrent requests share one read), and a run that is not
 * among them is read once and kept for the same time. The runner drops the cache when a run of
 * this replica starts or ends, so its own runs are never shown stale.
 */
import { getRun, listRuns, type Run } from '../jobs/runs';
import type { Org } from '../salesforce/org';

const LIST_SIZE = 200;
const MAX_SINGLES = 500;

export class RunCache {
  private list: { at: number; runs: Promise<Run[]> } | null = null;
  private singles = new Map<string, { at: number; run: Promise<Run | null> }>();
  /** Org reads made (for tests and metrics). */
  reads = 0;

  constructor(
    private readonly org: () => Promise<Org>,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.list = null;
    this.singles.clear();
  }

  async latest(limit: number): Promise<Run[]> {
    return (await this.all()).slice(0, limit);
  }

  async byId(id: string): Promise<Run | null> {
    const id15 = id.slice(0, 15);
    const listed = (await this.all()).find((r) => r.Id.slice(0, 15) === id15);
    if (listed) return listed;
    const hit = this.singles.get(id15);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.run;
    if (this.singles.size >= MAX_SINGLES) this.singles.clear();
    const run = this.read(async (org) => getRun(org, id));
    this.singles.set(id15, { at: this.now(), run });
    run.catch(() => this.singles.delete(id15));
    return run;
  }

  private all(): Promise<Run[]> {
    if (this.list && this.now() - this.list.at < this.ttlMs) return this.list.runs;
    const runs = this.read((org) => listRuns(org, LIST_SIZE));
    const entry = { at: this.now(), runs };
    this.list = entry;
    runs.catch(() => {
      if (this.list === entry) this.list = null;
    });
    return runs;
  }

  private async read<T>(fn: (org: Org) => Promise<T>): Promise<T> {
    this.reads += 1;
    return fn(await this.org());
  }
}
