/**
 * The org's records and its DML rules: create, update, upsert and delete validate like an org
 * (unknown field, wrong type, restricted picklist, required field, cross reference, duplicate
 * unique value) and journal every change so that allOrNone requests can roll back.
 */
import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { compileQuery, renderRecord, runPlan } from '../soql/query';
import { DmlError, RequestError } from './errors';
import { normalizeId } from './ids';
import { deriveFields, validateRow } from './rules';
import { Table, type Row } from './table';
import { coerce, toApi, type Value } from './values';

type JournalEntry =
  | { kind: 'insert'; table: Table; row: Row }
  | { kind: 'update'; table: Table; row: Row; prev: Row }
  | { kind: 'delete'; table: Table; row: Row; prev: Row };

export type Input = Record<string, unknown>;
export interface WriteOptions {
  fromCsv?: boolean;
}

export class Store {
  readonly tables = new Map<string, Table>();
  /** The user every write is attributed to (the integration user once seeded). */
  userId = '005000000000000AAA';
  /** Milliseconds clock; tests may replace it. */
  clock: () => number = () => Date.now();
  private journal: JournalEntry[] | null = null;

  constructor(readonly schema: Schema) {
    for (const def of schema.objects) this.tables.set(def.name, new Table(def));
  }

  /** The table of an sObject type, or the error Salesforce gives for an unknown type. */
  table(type: string): Table {
    const def = this.schema.find(type);
    if (!def) throw new RequestError(404, 'NOT_FOUND', `The requested resource does not exist`);
    return this.tables.get(def.name)!;
  }

  hasType(type: string): boolean {
    return this.schema.find(type) !== undefined;
  }

  /** A record by Id in any table (deleted rows included). */
  locate(id: string): { table: Table; row: Row } | undefined {
    const norm = normalizeId(id);
    if (!norm) return undefined;
    const def = this.schema.byKeyPrefix(norm);
    if (!def) return undefined;
    const table = this.tables.get(def.name)!;
    const row = table.byId.get(norm);
    return row ? { table, row } : undefined;
  }

  clear(): void {
    for (const t of this.tables.values()) t.clear();
    this.journal = null;
  }

  // ---- transactions -------------------------------------------------------------------------

  /** Runs `fn` with a journal; `fn` returns whether to keep its changes. */
  transaction<T>(fn: () => { keep: boolean; value: T }): T {
    const outer = this.journal;
    const journal: JournalEntry[] = [];
    this.journal = journal;
    try {
      const { keep, value } = fn();
      if (!keep) this.undo(journal);
      else if (outer) outer.push(...journal);
      return value;
    } catch (err) {
      this.undo(journal);
      throw err;
    } finally {
      this.journal = outer;
    }
  }

  private undo(journal: JournalEntry[]): void {
    for (let i = journal.length - 1; i >= 0; i--) {
      const e = journal[i];
      if (e.kind === 'insert') e.table.removeLast(e.row);
      else {
        e.table.unindexRow(e.row);
        Object.assign(e.row, e.prev);
        e.table.indexRow(e.row);
      }
    }
  }

  // ---- input --------------------------------------------------------------------------------

  /** Wire record → typed values; unknown fields and JSON type errors fail the whole request. */
  prepare(def: ObjectDef, input: Input, opts: WriteOptions = {}): Map<FieldDef, Value> {
    const values = new Map<FieldDef, Value>();
    for (const [key, raw] of Object.entries(input)) {
      if (key === 'attributes') continue;
      const field = def.fieldMap.get(key.toLowerCase());
      if (!field)
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `No such column '${key}' on sobject of type ${def.name}`,
          [],
        );
      if (raw !== null && typeof raw === 'object') {
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `Cannot set a relationship or object value on field ${field.name}; set the Id field instead`,
          [field.name],
        );
      }
      if (opts.fromCsv && raw === '') continue; // an empty CSV cell leaves the field as it is
      const value =
        opts.fromCsv && raw === '#N/A' ? null : coerce(field, raw, Boolean(opts.fromCsv));
      // A checkbox is never null in an org: clearing it stores false.
      values.set(field, value === null && field.type === 'boolean' ? false : value);
    }
    return values;
  }

  // ---- DML ----------------------------------------------------------------------------------

  create(type: string, input: Input, opts: WriteOptions = {}): Row {
    const table = this.table(type);
    return this.createPrepared(table, this.prepare(table.def, input, opts));
  }

  createPrepared(table: Table, values: Map<FieldDef, Value>): Row {
    const def = table.def;
    const blocked = [...values.keys()].filter((f) => !f.createable).map((f) => f.name);
    if (blocked.length > 0) {
      throw new DmlError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${blocked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        blocked,
      );
    }
    const row = table.blank();
    for (const f of def.fields) {
      if (f.defaultValue !== null && f.defaultValue !== undefined)
        row[f.name] = f.defaultValue as Value;
      if (f.defaultToday) row[f.name] = new Date(this.clock()).toISOString().slice(0, 10);
    }
    if ('OwnerId' in row) row.OwnerId = this.userId;
    for (const [f, v] of values) row[f.name] = v;
    deriveFields(def, row);
    validateRow(this, table, row, null);
    const now = this.clock();
    row.Id = table.nextId();
    // A custom object's Name defaults to the record Id when left blank (auto-number names too).
    if (def.custom && 'Name' in row && (row.Name === null || row.Name === '')) row.Name = row.Id;
    row.IsDeleted = false;
    row.CreatedDate = now;
    row.LastModifiedDate = now;
    row.SystemModstamp = now;
    row.CreatedById = this.userId;
    row.LastModifiedById = this.userId;
    table.add(row);
    this.journal?.push({ kind: 'insert', table, row });
    return row;
  }

  /** The live row of a type by Id, or a per-record error. */
  liveRow(table: Table, id: unknown): Row {
    const norm = typeof id === 'string' ? normalizeId(id) : null;
    if (!norm)
      throw new DmlError(
        'MALFORMED_ID',
        `${table.def.label} ID: id value of incorrect type: ${String(id)}`,
        ['Id'],
      );
    const row = table.byId.get(norm);
    if (!row) {
      const elsewhere = this.schema.byKeyPrefix(norm);
      if (elsewhere && elsewhere !== table.def)
        throw new DmlError(
          'MALFORMED_ID',
          `${table.def.label} ID: id value of incorrect type: ${norm}`,
          ['Id'],
        );
      throw new DmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
    }
    if (row.IsDeleted) throw new DmlError('ENTITY_IS_DELETED', 'entity is deleted', []);
    return row;
  }

  update(type: string, id: unknown, input: Input, opts: WriteOptions = {}): Row {
    const table = this.table(type);
    const row = this.liveRow(table, id);
    const values = this.prepare(table.def, input, opts);
    return this.updatePrepared(table, row, values);
  }

  updatePrepared(table: Table, row: Row, values: Map<FieldDef, Value>): Row {
    values.forEach((_v, f) => {
      if (f.name === 'Id') values.delete(f);
    });
    const blocked = [...values.keys()].filter((f) => !f.updateable).map((f) => f.name);
    if (blocked.length > 0) {
      throw new DmlError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${blocked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        blocked,
      );
    }
    const candidate: Row = { ...row };
    for (const [f, v] of values) candidate[f.name] = v;
    deriveFields(table.def, candidate);
    validateRow(this, table, candidate, row);
    const prev: Row = { ...row };
    const now = Math.max(this.clock(), (row.SystemModstamp as number) ?? 0);
    candidate.LastModifiedDate = now;
    candidate.SystemModstamp = now;
    candidate.LastModifiedById = this.userId;
    table.unindexRow(row);
    for (const f of table.def.fields) row[f.name] = candidate[f.name];
    table.indexRow(row);
    this.journal?.push({ kind: 'update', table, row, prev });
    return row;
  }

  /** Upsert on an External ID (or Id): update the one match, create when there is none. */
  upsert(
    type: string,
    extFieldName: string,
    input: Input,
    opts: WriteOptions = {},
  ): { row: Row; created: boolean } {
    const table = this.table(type);
    const field = this.externalIdField(table.def, extFieldName);
    const values = this.prepare(table.def, input, opts);
    const key = values.get(field);
    if (key === undefined || key === null || key === '') {
      throw new DmlError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [
        field.name,
      ]);
    }
    if (field.name === 'Id') {
      const row = this.liveRow(table, key);
      return { row: this.updatePrepared(table, row, values), created: false };
    }
    const matches = field.unique
      ? [table.findUnique(field, key)].filter((r): r is Row => r !== undefined && !r.IsDeleted)
      : table.rows.filter(
          (r) =>
            !r.IsDeleted && String(r[field.name] ?? '').toLowerCase() === String(key).toLowerCase(),
        );
    if (matches.length > 1) {
      throw new DmlError(
        'DUPLICATE_EXTERNAL_ID',
        `${field.name}: more than one record found for external id field: [${matches.map((r) => r.Id).join(', ')}]`,
        [field.name],
      );
    }
    if (matches.length === 1)
      return { row: this.updatePrepared(table, matches[0], values), created: false };
    return { row: this.createPrepared(table, values), created: true };
  }

  externalIdField(def: ObjectDef, name: string): FieldDef {
    const field = def.fieldMap.get(name.toLowerCase());
    if (!field || !(field.name === 'Id' || field.externalId || field.idLookup)) {
      throw new RequestError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${name}`,
      );
    }
    return field;
  }

  /** Soft delete (queryAll still sees the row); master-detail children go with it. */
  delete(id: unknown, expectedType?: string): Row {
    const norm = typeof id === 'string' ? normalizeId(id) : null;
    const def = norm ? this.schema.byKeyPrefix(norm) : undefined;
    if (!norm || !def || (expectedType && def.name.toLowerCase() !== expectedType.toLowerCase())) {
      throw new DmlError('MALFORMED_ID', `malformed id ${String(id)}`, []);
    }
    const table = this.tables.get(def.name)!;
    const row = this.liveRow(table, norm);
    // Custom lookups follow their deleteConstraint: Restrict blocks, SetNull clears, Cascade
    // (and master-detail) deletes the children too.
    const children: Array<{ table: Table; field: FieldDef; rows: Row[] }> = [];
    for (const child of this.schema.objects) {
      for (const f of child.fields) {
        if (!f.custom || !f.referenceTo.includes(def.name)) continue;
        const childTable = this.tables.get(child.name)!;
        const rows = childTable.rows.filter((r) => !r.IsDeleted && r[f.name] === row.Id);
        if (rows.length === 0) continue;
        if (f.deleteConstraint === 'Restrict') {
          throw new DmlError(
            'DELETE_FAILED',
            `Your attempt to delete ${String(row.Name ?? row.Id)} could not be completed because it is associated with the following ${child.labelPlural}: ${rows
              .slice(0, 3)
              .map((r) => r.Name ?? r.Id)
              .join(', ')}`,
            [],
          );
        }
        children.push({ table: childTable, field: f, rows });
      }
    }
    this.softDelete(table, row);
    for (const { table: childTable, field, rows } of children) {
      for (const r of rows) {
        if (field.cascadeDelete) this.softDelete(childTable, r);
        else this.setNull(childTable, r, field);
      }
    }
    return row;
  }

  private setNull(table: Table, row: Row, field: FieldDef): void {
    const prev: Row = { ...row };
    row[field.name] = null;
    row.SystemModstamp = Math.max(this.clock(), row.SystemModstamp as number);
    this.journal?.push({ kind: 'update', table, row, prev });
  }

  private softDelete(table: Table, row: Row): void {
    const prev: Row = { ...row };
    table.unindexRow(row);
    row.IsDeleted = true;
    row.SystemModstamp = Math.max(this.clock(), row.SystemModstamp as number);
    this.journal?.push({ kind: 'delete', table, row, prev });
  }

  // ---- fast paths and views -------------------------------------------------------------------

  /**
   * Trusted bulk load for generated data (seeds, benchmarks): internal values, no validation
   * beyond field names, Ids assigned here. Returns the new rows in order.
   */
  load(type: string, records: Iterable<Record<string, Value>>, at?: number): Row[] {
    const table = this.table(type);
    const now = at ?? this.clock();
    const out: Row[] = [];
    for (const rec of records) {
      const row = table.blank();
      for (const key in rec) {
        if (!(key in row))
          throw new Error(`seed: ${table.def.name} has no field ${key} (check force-app metadata)`);
        row[key] = rec[key];
      }
      row.Id = table.nextId();
      row.IsDeleted = false;
      if (row.CreatedDate === null) row.CreatedDate = now;
      if (row.LastModifiedDate === null) row.LastModifiedDate = row.CreatedDate;
      if (row.SystemModstamp === null) row.SystemModstamp = row.LastModifiedDate;
      if (row.CreatedById === null) row.CreatedById = this.userId;
      if (row.LastModifiedById === null) row.LastModifiedById = row.CreatedById;
      if ('OwnerId' in row && row.OwnerId === null) row.OwnerId = this.userId;
      deriveFields(table.def, row);
      table.add(row);
      out.push(row);
    }
    return out;
  }

  /** A row in API form (datetimes as Salesforce strings), with `attributes`. */
  toApiRecord(def: ObjectDef, row: Row, version = '62.0'): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: {
        type: def.name,
        url: `/services/data/v${version}/sobjects/${def.name}/${row.Id}`,
      },
    };
    for (const f of def.fields) out[f.name] = toApi(f, row[f.name]);
    return out;
  }

  /** Convenience for tests and tools: live records of a type in API form. */
  records(type: string, opts: { includeDeleted?: boolean } = {}): Array<Record<string, unknown>> {
    const table = this.table(type);
    return table.rows
      .filter((r) => opts.includeDeleted || !r.IsDeleted)
      .map((r) => this.toApiRecord(table.def, r));
  }

  get(id: string): Record<string, unknown> | undefined {
    const hit = this.locate(id);
    return hit ? this.toApiRecord(hit.table.def, hit.row) : undefined;
  }

  /** Runs SOQL against the store as `query` (or `queryAll`) would, returning every record. */
  query(soql: string, opts: { all?: boolean } = {}): Array<Record<string, unknown>> {
    const plan = compileQuery(this, soql);
    const rows = runPlan(this, plan, Boolean(opts.all));
    return plan.countOnly ? [] : rows.map((r) => renderRecord(plan, r, '62.0'));
  }

  count(type: string): number {
    return this.table(type).liveCount;
  }
}
