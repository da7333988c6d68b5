/** `/__emulator/*`: stats, reset and faults. Never counted as API calls. */
import { z } from 'zod';
import type { Emulator } from '../emulator';
import { parseFaultRequest } from '../faults/faults';

export interface AdminResult {
  status: number;
  body: unknown;
}

const ResetSchema = z.object({ scope: z.enum(['all', 'stats', 'faults']).default('all') }).strict();

function bodyJson(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  return JSON.parse(raw.toString('utf8'));
}

export function stats(emu: Emulator): Record<string, unknown> {
  const records: Record<string, number> = {};
  for (const [name, table] of emu.store.tables) records[name] = table.liveCount;
  return {
    apiCalls: emu.apiCalls,
    byRoute: { ...emu.byRoute },
    apiLimit: emu.opts.dailyApiLimit,
    records,
    faults: emu.faults.describe(),
  };
}

export function adminRoute(
  emu: Emulator,
  method: string,
  path: string,
  raw: Buffer,
  reset: () => void,
): AdminResult {
  const bad = (message: string): AdminResult => ({
    status: 400,
    body: { error: 'invalid_request', message },
  });
  let body: unknown;
  try {
    body = bodyJson(raw);
  } catch {
    return bad('The body is not valid JSON');
  }
  if (path === 'stats' && method === 'GET') return { status: 200, body: stats(emu) };
  if (path === 'reset' && method === 'POST') {
    const parsed = ResetSchema.safeParse(body);
    if (!parsed.success)
      return bad(
        `Expected {"scope": "all" | "stats" | "faults"}: ${parsed.error.issues[0].message}`,
      );
    if (parsed.data.scope === 'all') reset();
    if (parsed.data.scope !== 'faults') emu.resetCounters();
    if (parsed.data.scope !== 'stats') emu.faults.clear();
    return { status: 200, body: stats(emu) };
  }
  if (path === 'faults') {
    if (method === 'GET') return { status: 200, body: { faults: emu.faults.describe() } };
    if (method === 'DELETE') {
      emu.faults.clear();
      return { status: 200, body: { faults: [] } };
    }
    if (method === 'POST') {
      const parsed = parseFaultRequest(body);
      if (!parsed.success) {
        return bad(
          `Invalid fault: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}. Example: {"kind":"http503","route":"*/query*","method":"GET","count":2}`,
        );
      }
      for (const spec of parsed.faults) emu.faults.add(spec);
      return { status: 200, body: { faults: emu.faults.describe() } };
    }
  }
  return {
    status: 404,
    body: {
      error: 'not_found',
      message: `No admin route ${method} /__emulator/${path}; use GET stats, POST reset, GET|POST|DELETE faults`,
    },
  };
}
