/**
 * Fault injection: by route glob and method, at a rate or for a count of matching requests.
 * Decisions come from a seeded PRNG, so a test or benchmark replays the same faults every run.
 */
import { z } from 'zod';
import { Prng } from '../seed/prng';

export const FAULT_KINDS = [
  'http503',
  'lockRow',
  'invalidSession',
  'requestLimit',
  'latency',
  'lostResponse',
] as const;

export const FaultSchema = z
  .object({
    kind: z.preprocess((k) => (k === 'latencyMs' ? 'latency' : k), z.enum(FAULT_KINDS)),
    route: z.string().min(1).default('*'),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']))
      .optional(),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict()
  .refine((f) => f.rate !== undefined || f.count !== undefined, {
    message: 'give either rate (0..1) or count (a positive integer)',
  })
  .refine((f) => f.kind !== 'latency' || f.latencyMs !== undefined, {
    message: 'a latency fault needs latencyMs',
  });

/** One fault, or `{ faults: [...] }` (picked by shape, so errors name the fault's own fields). */
export const FaultListSchema = z.object({ faults: z.array(FaultSchema).min(1) }).strict();
export function parseFaultRequest(body: unknown) {
  const isList = typeof body === 'object' && body !== null && 'faults' in body;
  const parsed = isList ? FaultListSchema.safeParse(body) : FaultSchema.safeParse(body);
  return parsed.success
    ? {
        success: true as const,
        faults: 'faults' in parsed.data ? parsed.data.faults : [parsed.data],
      }
    : { success: false as const, error: parsed.error };
}

export type FaultSpec = z.infer<typeof FaultSchema>;
export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number | null;
  hits: number;
  matcher: RegExp;
}

function globToRegex(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

export class Faults {
  private list: ActiveFault[] = [];
  private nextId = 1;
  private prng: Prng;

  constructor(private readonly seed: string) {
    this.prng = new Prng(seed);
  }

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = {
      ...spec,
      id: this.nextId++,
      remaining: spec.count ?? null,
      hits: 0,
      matcher: globToRegex(spec.route),
    };
    this.list.push(fault);
    return fault;
  }

  clear(): void {
    this.list = [];
    this.prng = new Prng(this.seed);
  }

  describe(): Array<Omit<ActiveFault, 'matcher'>> {
    return this.list.map(({ matcher: _m, ...rest }) => rest);
  }

  private matches(f: ActiveFault, method: string, paths: string[]): boolean {
    return (!f.method || f.method === method) && paths.some((p) => f.matcher.test(p));
  }

  /** Whether one request-level fault of `kind` fires now (consumes a count when it does). */
  fire(kind: FaultSpec['kind'], method: string, paths: string[]): ActiveFault | null {
    for (const f of this.list) {
      if (f.kind !== kind || !this.matches(f, method, paths)) continue;
      if (f.remaining !== null) {
        if (f.remaining <= 0) continue;
        f.remaining -= 1;
        f.hits += 1;
        return f;
      }
      if (this.prng.next() < (f.rate ?? 0)) {
        f.hits += 1;
        return f;
      }
    }
    return null;
  }

  /** For lockRow: a per-record decision function for this request, or null. */
  lockRows(method: string, paths: string[]): (() => boolean) | null {
    const faults = this.list.filter((f) => f.kind === 'lockRow' && this.matches(f, method, paths));
    if (faults.length === 0) return null;
    return () => this.fire('lockRow', method, paths) !== null;
  }
}
