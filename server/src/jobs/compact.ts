/**
 * Keeps the records a run holds as objects (accounts, with every field a segment rule may
 * name) small: repeated strings such as picklist values and Ids are interned, so each
 * distinct value is stored once. The million-row objects never become objects at all: they
 * stream into the engine's columnar tables (see snapshot.ts).
 */
export class Interner {
  private readonly pool = new Map<string, string>();
  intern<T>(value: T): T {
    if (typeof value !== 'string') return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known as T;
    this.pool.set(value, value);
    return value;
  }
  /** Interns the given fields of a record in place. */
  fields<R extends Record<string, unknown>>(record: R, names: readonly string[]): R {
    const r = record as Record<string, unknown>;
    for (const n of names) r[n] = this.intern(r[n]);
    return record;
  }
}
