/**
 * Text that people typed (segment names, request titles, theme names made from requests,
 * replica names) on its way to a log line, Demand_Run__c.Log__c, stderr or a record name.
 *
 * Terminal escape sequences (CSI, OSC and other ESC sequences) are dropped whole, so that a
 * name cannot recolour, retitle or rewrite an operator's terminal; line breaks (CR, LF, U+2028,
 * U+2029) and tabs become a space, so that a name cannot forge a log line; NUL and every other
 * control character (C0, DEL, C1) and the bidirectional overrides (which make text read
 * differently from what it is) are removed. Everything else, any script and emoji included, is
 * kept byte for byte. The one helper for all of these places.
 */

/* eslint-disable no-control-regex -- matching control characters is this module's job */
// ESC [ … final byte, ESC ] … BEL or ESC \, ESC P/X/^/_ … ESC \, and two-byte ESC sequences.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const BREAKS = /[\t\n\v\f\r\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(ESCAPES, '').replace(BREAKS, ' ').replace(CONTROLS, '');
}

/** Whether `cleanText` would change the value. */
export function isClean(value: string): boolean {
  return cleanText(value) === value;
}
