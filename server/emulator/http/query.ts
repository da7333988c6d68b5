/**
 * REST query and queryAll with nextRecordsUrl paging. A cursor keeps only the matching rows
 * (references), and each page is rendered when asked for, so a million-row result never becomes
 * one JSON document.
 */
import type { Emulator } from '../emulator';
import { compileQuery, renderRecord, runPlan } from '../soql/query';
import { RequestError } from '../store/errors';
import type { Cursor } from '../state';
import { json, type ApiRequest, type ApiResponse } from './types';

const MAX_CURSORS = 100;

/** The emulator's open cursors (held on the instance). */
function cursorsOf(emu: Emulator): Map<string, Cursor> {
  return emu.cursors.byId;
}

export function clearCursors(emu: Emulator): void {
  cursorsOf(emu).clear();
}

function pageSizeOf(emu: Emulator, req: ApiRequest): number {
  const header = String(req.headers['sforce-query-options'] ?? '');
  const m = /batchSize\s*=\s*(\d+)/i.exec(header);
  if (!m) return emu.opts.pageSize;
  return Math.min(2000, Math.max(200, Number(m[1])));
}

function page(
  emu: Emulator,
  id: string,
  cursor: Cursor,
  offset: number,
  version: string,
): ApiResponse {
  const end = Math.min(cursor.rows.length, offset + cursor.pageSize);
  const records = new Array(end - offset);
  for (let i = offset; i < end; i++)
    records[i - offset] = renderRecord(cursor.plan, cursor.rows[i], version);
  const done = end >= cursor.rows.length;
  const body: Record<string, unknown> = { totalSize: cursor.rows.length, done };
  if (!done) body.nextRecordsUrl = `/services/data/v${version}/query/${id}-${end}`;
  body.records = records;
  if (done) cursorsOf(emu).delete(id);
  else cursor.lastUsed = Date.now();
  return json(200, body);
}

export function runQuery(emu: Emulator, req: ApiRequest, all: boolean): ApiResponse {
  const soql = req.query.get('q');
  if (soql === null)
    throw new RequestError(
      400,
      'MALFORMED_QUERY',
      'A query string is required: pass q=SELECT ... FROM ...',
    );
  const plan = compileQuery(emu.store, soql);
  const rows = runPlan(emu.store, plan, all);
  if (plan.countOnly) return json(200, { totalSize: rows.length, done: true, records: [] });
  const map = cursorsOf(emu);
  if (map.size >= MAX_CURSORS) {
    // Evict the least recently used cursor, as an org expires idle ones.
    let oldest: string | null = null;
    let oldestAt = Infinity;
    for (const [id, c] of map) if (c.lastUsed < oldestAt) [oldest, oldestAt] = [id, c.lastUsed];
    if (oldest) map.delete(oldest);
  }
  emu.cursors.seq += 1;
  const id = `01g8d0000${emu.cursors.seq.toString(36).padStart(6, '0')}QAA`.slice(0, 18);
  const cursor: Cursor = { plan, rows, pageSize: pageSizeOf(emu, req), lastUsed: Date.now() };
  // An org pages at most 200 rows when two or more long text fields are selected.
  const longText = plan.columns.filter(
    (c) => c.field.type === 'textarea' && c.field.length > 255,
  ).length;
  if (longText >= 2) cursor.pageSize = Math.min(cursor.pageSize, 200);
  map.set(id, cursor);
  return page(emu, id, cursor, 0, req.version);
}

export function queryMore(emu: Emulator, req: ApiRequest, locator: string): ApiResponse {
  const m = /^(.+)-(\d+)$/.exec(locator);
  const cursor = m ? cursorsOf(emu).get(m[1]) : undefined;
  if (!m || !cursor || Number(m[2]) > cursor.rows.length) {
    throw new RequestError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  }
  if (req.headers['sforce-query-options'])
    cursor.pageSize = Math.min(cursor.pageSize, pageSizeOf(emu, req));
  return page(emu, m[1], cursor, Number(m[2]), req.version);
}
