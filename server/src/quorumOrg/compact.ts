/**
 * Keeps the records a run holds as objects (accounts, with every field a segment rule may
 * name) small: repeated strings such as picklist values and Ids are stored once, through the
 * same Dictionary the engine's tables code their strings with (domain/columns.ts). The
 * million-row objects never become objects at all: they stream into the engine's columnar
 * tables (quorumOrg/snapshot.ts).
 */
import { Dictionary } from '../domain/columns';

export class Interner {
  private readonly dict = new Dictionary();

  /** The one stored copy of a string (other values are returned as they are). */
  intern<T>(value: T): T {
    if (typeof value !== 'string' || value === '') return value;
    return this.dict.values[this.dict.code(value)] as T;
  }

  /** Interns the given fields of a record in place. */
  fields<R extends Record<string, unknown>>(record: R, names: readonly string[]): R {
    const r = record as Record<string, unknown>;
    for (const n of names) r[n] = this.intern(r[n]);
    return record;
  }
}
