/** Shared set-up for emulator tests: a small seeded emulator and a real jsforce Connection. */
import { Connection } from 'jsforce';
import { startEmulator, type EmulatorOptions } from '../../emulator';

export const TOKEN = 'emulator-test-token';
export const VERSION = '62.0';

export async function start(opts: EmulatorOptions = {}) {
  const emu = await startEmulator({ seed: 'demo', scale: 20, accessToken: TOKEN, ...opts });
  const conn = new Connection({ instanceUrl: emu.url, accessToken: TOKEN, version: VERSION });
  return { emu, conn };
}

/** A raw HTTP call (for shapes jsforce hides: status codes, headers, error bodies). */
export async function http(
  url: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    token?: string | null;
  } = {},
): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? TOKEN}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* CSV or empty */
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export const api = (path: string) => `/services/data/v${VERSION}/${path}`;

/** Asserts a Salesforce request-level error body: [{message, errorCode, fields}]. */
export function expectSfError(body: unknown, errorCode: string): void {
  expect(Array.isArray(body)).toBe(true);
  const [err] = body as Array<Record<string, unknown>>;
  expect(err.errorCode).toBe(errorCode);
  expect(typeof err.message).toBe('string');
}
