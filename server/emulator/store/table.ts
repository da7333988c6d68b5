/**
 * One object's records. Rows are plain objects built by a per-object factory from an object
 * literal, so every row has all fields in-object with one hidden class (compact and fast even at
 * a million rows); unique fields have hash indexes.
 */
import type { FieldDef, ObjectDef } from '../schema/types';
import { makeId } from './ids';
import type { Value } from './values';

export type Row = Record<string, Value>;

export function uniqueKey(field: FieldDef, value: Value): string | null {
  if (value === null || value === '') return null;
  const s = String(value);
  return field.caseSensitive ? s : s.toLowerCase();
}

export class Table {
  rows: Row[] = [];
  readonly byId = new Map<string, Row>();
  readonly uniqueFields: FieldDef[];
  readonly unique = new Map<string, Map<string, Row>>();
  private seq = 0;
  readonly blank: () => Row;

  constructor(readonly def: ObjectDef) {
    this.uniqueFields = def.fields.filter((f) => f.unique && f.name !== 'Id');
    for (const f of this.uniqueFields) this.unique.set(f.name, new Map());
    // A generated object literal gives V8 one shape with in-object slots for every field.
    const literal = def.fields.map((f) => `${JSON.stringify(f.name)}: null`).join(', ');
    this.blank = new Function(`return { ${literal} };`) as () => Row;
  }

  nextId(): string {
    this.seq += 1;
    return makeId(this.def.keyPrefix, this.seq);
  }

  get liveCount(): number {
    let n = 0;
    for (const row of this.rows) if (!row.IsDeleted) n++;
    return n;
  }

  findUnique(field: FieldDef, value: Value): Row | undefined {
    const key = uniqueKey(field, value);
    return key === null ? undefined : this.unique.get(field.name)?.get(key);
  }

  indexRow(row: Row): void {
    for (const f of this.uniqueFields) {
      const key = uniqueKey(f, row[f.name]);
      if (key !== null) this.unique.get(f.name)!.set(key, row);
    }
  }

  unindexRow(row: Row): void {
    for (const f of this.uniqueFields) {
      const key = uniqueKey(f, row[f.name]);
      if (key !== null && this.unique.get(f.name)!.get(key) === row)
        this.unique.get(f.name)!.delete(key);
    }
  }

  add(row: Row): void {
    this.rows.push(row);
    this.byId.set(row.Id as string, row);
    this.indexRow(row);
  }

  /** Undo of the most recent add (journal rollback runs in reverse order). */
  removeLast(row: Row): void {
    if (this.rows[this.rows.length - 1] === row) this.rows.pop();
    else this.rows = this.rows.filter((r) => r !== row);
    this.byId.delete(row.Id as string);
    this.unindexRow(row);
  }

  clear(): void {
    this.rows = [];
    this.byId.clear();
    for (const m of this.unique.values()) m.clear();
    this.seq = 0;
  }
}
