/** Salesforce record Ids: 15 case-sensitive characters plus a 3-character case checksum. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function checksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += SUFFIX[bits];
  }
  return out;
}

/** Id for the n-th record of an object: prefix + pod "8d" + "0" + 9 base-62 digits + checksum. */
export function makeId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}8d0${digits}`;
  return id15 + checksum(id15);
}

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The canonical 18-character form of a 15- or 18-character Id, or null if it is not one. */
export function normalizeId(value: string): string | null {
  if (!ID_RE.test(value)) return null;
  const id15 = value.slice(0, 15);
  return id15 + checksum(id15);
}
