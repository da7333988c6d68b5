/**
 * sObject Collections: create, update, upsert (by External ID), delete and retrieve, ≤ 200
 * records, results in request order, HTTP 200 even when records fail; allOrNone rolls back.
 */
import type { Emulator } from '../emulator';
import { DmlError, RequestError } from '../store/errors';
import type { Row } from '../store/table';
import { toApi } from '../store/values';
import { json, jsonObject, notFound, type ApiRequest, type ApiResponse } from './types';

export interface RecordResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message:
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function tooMany(n: number): RequestError {
  return new RequestError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than 200 records into this call (got ${n})`,
  );
}

/**
 * Applies `op` to each item, each in its own savepoint; with allOrNone, one failure rolls all
 * back. `locked` (lockRow fault) fails chosen records with UNABLE_TO_LOCK_ROW.
 */
export function applyEach<T>(
  emu: Emulator,
  items: T[],
  allOrNone: boolean,
  locked: (() => boolean) | null,
  op: (item: T) => { id: string; created?: boolean },
): RecordResult[] {
  return emu.store.transaction(() => {
    const results: RecordResult[] = items.map((item) => {
      try {
        if (locked?.())
          throw new DmlError(
            'UNABLE_TO_LOCK_ROW',
            'unable to obtain exclusive access to this record or 1 records: retry the request',
            [],
          );
        const out = emu.store.transaction(() => ({ keep: true, value: op(item) }));
        return {
          id: out.id,
          success: true,
          errors: [],
          ...(out.created === undefined ? {} : { created: out.created }),
        };
      } catch (err) {
        if (err instanceof DmlError) return { success: false, errors: [err.result()] };
        if (err instanceof RequestError && err.status === 400) {
          return {
            success: false,
            errors: [{ statusCode: err.errorCode, message: err.message, fields: err.fields }],
          };
        }
        throw err;
      }
    });
    const failed = results.some((r) => !r.success);
    if (allOrNone && failed) {
      return {
        keep: false,
        value: results.map((r) => (r.success ? { success: false, errors: [ROLLED_BACK] } : r)),
      };
    }
    return { keep: true, value: results };
  });
}

function recordsOf(body: Record<string, unknown>): Array<Record<string, unknown>> {
  const records = body.records;
  if (!Array.isArray(records))
    throw new RequestError(
      400,
      'JSON_PARSER_ERROR',
      'Expected "records": [...] in the request body',
    );
  if (records.length > 200) throw tooMany(records.length);
  return records as Array<Record<string, unknown>>;
}

function typeFromAttributes(rec: Record<string, unknown>): string {
  const attrs = rec.attributes as { type?: unknown } | undefined;
  if (!attrs || typeof attrs.type !== 'string') {
    throw new DmlError(
      'INVALID_FIELD',
      'When creating or updating records, the sObject type must be given in attributes.type',
      [],
    );
  }
  return attrs.type;
}

export function collectionRoutes(
  emu: Emulator,
  req: ApiRequest,
  locked: (() => boolean) | null,
): ApiResponse | null {
  const [, , type, extField, extra] = req.segments; // composite/sobjects/[T/[extField]]
  if (extra !== undefined) return null;
  const store = emu.store;
  if (type === undefined) {
    if (req.method === 'DELETE') {
      const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0)
        throw new RequestError(
          400,
          'MISSING_ARGUMENT',
          'Pass the records to delete as ids=<id>,<id>',
        );
      if (ids.length > 200) throw tooMany(ids.length);
      const allOrNone = req.query.get('allOrNone') === 'true';
      const results = applyEach(emu, ids, allOrNone, locked, (id) => ({
        id: store.delete(id).Id as string,
      }));
      return json(
        200,
        results.map((r, i) => ({
          id: r.success ? r.id : ids[i],
          success: r.success,
          errors: r.errors,
        })),
      );
    }
    const body = jsonObject(req);
    const records = recordsOf(body);
    const allOrNone = body.allOrNone === true;
    if (req.method === 'POST') {
      for (const rec of records)
        if (rec.Id !== undefined)
          throw new RequestError(
            400,
            'INVALID_FIELD',
            'Id not allowed when creating records: use PATCH to update',
          );
      // Prepare first: unknown fields and JSON type errors fail the whole request, as in an org.
      const prepared = records.map((rec) => {
        const t = typeFromAttributes(rec);
        const table = store.table(t);
        return { table, values: store.prepare(table.def, rec) };
      });
      return json(
        200,
        applyEach(emu, prepared, allOrNone, locked, (p) => ({
          id: store.createPrepared(p.table, p.values).Id as string,
        })),
      );
    }
    if (req.method === 'PATCH') {
      const prepared = records.map((rec) => {
        const t = typeFromAttributes(rec);
        const table = store.table(t);
        // Field names are case-insensitive: jsforce sends the Id as `id`.
        const idKey = Object.keys(rec).find((k) => k.toLowerCase() === 'id');
        const rest = Object.fromEntries(Object.entries(rec).filter(([k]) => k !== idKey));
        return {
          table,
          id: idKey ? rec[idKey] : undefined,
          values: store.prepare(table.def, rest),
        };
      });
      return json(
        200,
        applyEach(emu, prepared, allOrNone, locked, (p) => {
          if (p.id === undefined)
            throw new DmlError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
          return {
            id: store.updatePrepared(p.table, store.liveRow(p.table, p.id), p.values).Id as string,
          };
        }),
      );
    }
    return null;
  }
  const def = emu.schema.find(type);
  if (!def) throw notFound();
  if (extField === undefined && req.method === 'POST') {
    // jsforce's retrieve of many: POST composite/sobjects/T {ids, fields}
    const body = jsonObject(req);
    const ids = Array.isArray(body.ids) ? (body.ids as string[]) : [];
    if (ids.length > 2000)
      throw new RequestError(400, 'EXCEEDED_ID_LIMIT', 'too many ids (max 2000)');
    const fields = (Array.isArray(body.fields) ? (body.fields as string[]) : []).map((n) => {
      const f = def.fieldMap.get(String(n).toLowerCase());
      if (!f)
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `No such column '${n}' on entity '${def.name}'`,
        );
      return f;
    });
    const table = store.tables.get(def.name)!;
    return json(
      200,
      ids.map((id) => {
        const hit = store.locate(String(id));
        const row: Row | undefined =
          hit && hit.table === table && !hit.row.IsDeleted ? hit.row : undefined;
        if (!row) return null;
        const out: Record<string, unknown> = {
          attributes: {
            type: def.name,
            url: `/services/data/v${req.version}/sobjects/${def.name}/${row.Id}`,
          },
        };
        for (const f of fields) out[f.name] = toApi(f, row[f.name]);
        return out;
      }),
    );
  }
  if (extField !== undefined && req.method === 'PATCH') {
    const body = jsonObject(req);
    const records = recordsOf(body);
    const field = store.externalIdField(def, extField);
    for (const rec of records) {
      const t = (rec.attributes as { type?: string } | undefined)?.type;
      if (t !== undefined && t.toLowerCase() !== def.name.toLowerCase()) {
        throw new RequestError(
          400,
          'INVALID_INPUT',
          `One object type per upsert call: the URL says ${def.name} and a record says ${t}`,
        );
      }
      store.prepare(def, rec); // whole-request checks (unknown fields, JSON types)
    }
    return json(
      200,
      applyEach(emu, records, body.allOrNone === true, locked, (rec) => {
        const { row, created } = store.upsert(def.name, field.name, rec);
        return { id: row.Id as string, created };
      }),
    );
  }
  return null;
}
