/**
 * Building blocks of the engine's columnar inputs (requestTable.ts, dealTable.ts): a
 * dictionary that codes repeated strings as small integers, and growable typed columns.
 */

/**
 * Distinct strings, each stored once and known by its code; code 0 stands for blank (null,
 * undefined or ''). Append-only: a value's code never changes, so tables that share a
 * dictionary compare Ids as integers, and adding values later is safe for every table.
 */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  /** The code of a value, adding it when new. */
  code(value: string | null | undefined): number {
    if (!value) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }

  /** The code of a value, or -1 when it is not in the dictionary (0 for blank). */
  find(value: string | null | undefined): number {
    if (!value) return 0;
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

type Typed = Int32Array | Float64Array | Uint8Array;

/** A typed array that grows by doubling; `done()` hands it out trimmed to its length. */
export class Column<T extends Typed> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  done(): T {
    return this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as T);
  }
}

export const int32 = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
export const float64 = (): Column<Float64Array> => new Column((n) => new Float64Array(n));
export const uint8 = (): Column<Uint8Array> => new Column((n) => new Uint8Array(n));
