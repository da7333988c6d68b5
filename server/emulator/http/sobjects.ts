/** Single-record routes: `sobjects/T` (create), `sobjects/T/<id>` (get, update, delete), upsert. */
import type { Emulator } from '../emulator';
import type { ObjectDef } from '../schema/types';
import { DmlError, RequestError } from '../store/errors';
import { normalizeId } from '../store/ids';
import type { Row } from '../store/table';
import { toApi } from '../store/values';
import { describeSObject, sobjectInfo } from './describe';
import { json, jsonObject, noContent, notFound, type ApiRequest, type ApiResponse } from './types';

function typeOf(emu: Emulator, name: string): ObjectDef {
  const def = emu.schema.find(name);
  if (!def) throw notFound();
  return def;
}

/** Runs one DML call; a per-record error becomes the whole response, as single routes do. */
function dml<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DmlError)
      throw err.toRequestError(
        err.statusCode === 'INVALID_CROSS_REFERENCE_KEY' && err.fields.length === 0 ? 404 : 400,
      );
    throw err;
  }
}

function recordBody(
  emu: Emulator,
  def: ObjectDef,
  row: Row,
  req: ApiRequest,
): Record<string, unknown> {
  const wanted = req.query.get('fields');
  const out: Record<string, unknown> = {
    attributes: {
      type: def.name,
      url: `/services/data/v${req.version}/sobjects/${def.name}/${row.Id}`,
    },
  };
  const fields = wanted
    ? wanted.split(',').map((n) => {
        const f = def.fieldMap.get(n.trim().toLowerCase());
        if (!f)
          throw new RequestError(
            400,
            'INVALID_FIELD',
            `No such column '${n.trim()}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
          );
        return f;
      })
    : def.fields;
  for (const f of fields) out[f.name] = toApi(f, row[f.name]);
  return out;
}

function liveById(emu: Emulator, def: ObjectDef, id: string): Row {
  const norm = normalizeId(id);
  const row = norm ? emu.store.tables.get(def.name)!.byId.get(norm) : undefined;
  if (!row || row.IsDeleted) throw notFound();
  return row;
}

export function sobjectRoutes(emu: Emulator, req: ApiRequest): ApiResponse | null {
  const [, type, a, b, extra] = req.segments;
  if (extra !== undefined) return null;
  const def = typeOf(emu, type);
  const store = emu.store;
  if (a === undefined) {
    if (req.method === 'GET') return json(200, sobjectInfo(def, req.version));
    if (req.method === 'POST') {
      const row = dml(() => store.create(def.name, jsonObject(req)));
      return json(201, { id: row.Id, success: true, errors: [] });
    }
    return null;
  }
  if (b === undefined) {
    if (a === 'describe' && req.method === 'GET')
      return json(200, describeSObject(emu, def, req.version));
    if (req.method === 'GET') return json(200, recordBody(emu, def, liveById(emu, def, a), req));
    if (req.method === 'PATCH') {
      liveById(emu, def, a);
      dml(() => store.update(def.name, a, jsonObject(req)));
      return noContent();
    }
    if (req.method === 'DELETE') {
      liveById(emu, def, a);
      dml(() => store.delete(a, def.name));
      return noContent();
    }
    return null;
  }
  // sobjects/T/<extField>/<value>
  const field = store.externalIdField(def, a);
  const value = decodeURIComponent(b);
  if (req.method === 'GET') {
    const row =
      field.name === 'Id'
        ? liveById(emu, def, value)
        : store.tables.get(def.name)!.findUnique(field, value);
    if (!row || row.IsDeleted) throw notFound();
    return json(200, recordBody(emu, def, row, req));
  }
  if (req.method === 'PATCH') {
    const body = jsonObject(req);
    if (Object.keys(body).some((k) => k.toLowerCase() === field.name.toLowerCase())) {
      throw new RequestError(
        400,
        'INVALID_FIELD',
        `The external ID field ${field.name} is given in the URL; leave it out of the body`,
      );
    }
    const { row, created } = dml(() =>
      store.upsert(def.name, field.name, { ...body, [field.name]: value }),
    );
    return json(created ? 201 : 200, { id: row.Id, success: true, errors: [], created });
  }
  return null;
}
