/**
 * Composite calls: up to 25 sub-requests in one API call, each answered on its own.
 *
 * One rule for every caller: a sub-response that failed (HTTP status 300 or more) or never came
 * back becomes a `SubRequestError` carrying the org's own error code (or `ERROR_HTTP_<status>`,
 * `ERROR_HTTP_500` when the answer is missing). Thrown inside the call, it meets the org
 * client's rules exactly as a direct call's error would: a locked row or a 5xx is retried when
 * the call is idempotent, REQUEST_LIMIT_EXCEEDED stops the run.
 */
import type { Org } from './org';

/** One sub-request; `body` is sent as JSON (or spliced in as text, see `compositeCall`). */
export interface SubRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  referenceId: string;
  body?: unknown;
}

/** One sub-response, as the org answers it. */
export interface SubResponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

/** The body of POST /composite's answer. */
export interface CompositeResponse {
  compositeResponse: SubResponse[];
}

export interface CompositeRequest {
  allOrNone: boolean;
  compositeRequest: SubRequest[];
}

/** A sub-request that failed, with the org's error code as a direct call would carry it. */
export class SubRequestError extends Error {
  readonly errorCode: string;
  readonly httpStatusCode: number | null;

  constructor(what: string, part: SubResponse | undefined) {
    const raw = part?.body;
    const first = (Array.isArray(raw) ? raw[0] : raw) as
      { errorCode?: unknown; message?: unknown } | undefined;
    const status = part?.httpStatusCode ?? null;
    const code =
      typeof first?.errorCode === 'string' ? first.errorCode : `ERROR_HTTP_${status ?? 500}`;
    const detail = typeof first?.message === 'string' ? first.message : 'no answer';
    super(`${what} failed inside a composite call (HTTP ${status ?? 'none'}, ${code}): ${detail}`);
    this.name = 'SubRequestError';
    this.errorCode = code;
    this.httpStatusCode = status;
  }
}

/** The sub-responses of one composite call, by reference Id. */
export class CompositeAnswer {
  private readonly parts = new Map<string, SubResponse>();

  constructor(res: CompositeResponse) {
    for (const p of res.compositeResponse ?? []) this.parts.set(p.referenceId, p);
  }

  /** The raw sub-response (undefined when the org sent none for `ref`). */
  part(ref: string): SubResponse | undefined {
    return this.parts.get(ref);
  }

  /** HTTP status of `ref`'s answer, or null when there is none. */
  status(ref: string): number | null {
    return this.parts.get(ref)?.httpStatusCode ?? null;
  }

  /** True when `ref` was answered with a 2xx. */
  ok(ref: string): boolean {
    const status = this.status(ref);
    return status !== null && status < 300;
  }

  /** The error `ref`'s answer stands for, or null when it succeeded. */
  error(ref: string, what: string = ref): SubRequestError | null {
    return this.ok(ref) ? null : new SubRequestError(what, this.parts.get(ref));
  }

  /** The body of `ref`'s answer; throws its `SubRequestError` when it failed or is missing. */
  body<T>(ref: string, what: string = ref): T {
    const err = this.error(ref, what);
    if (err) throw err;
    return this.parts.get(ref)!.body as T;
  }
}

/**
 * One composite call through the org client (counted, budgeted, retried when `idempotent`).
 * `read` runs inside the call, so a sub-request error it throws is retried or stops the run
 * like a direct call's. `request` may be pre-serialised JSON text (long bodies are then not
 * serialised twice).
 */
export function compositeCall<T = CompositeAnswer>(
  org: Org,
  label: string,
  request: CompositeRequest | string,
  read: (answer: CompositeAnswer) => T = (answer) => answer as T,
  idempotent = true,
): Promise<T> {
  const body = typeof request === 'string' ? request : JSON.stringify(request);
  return org.call(
    label,
    async () =>
      read(
        new CompositeAnswer(
          await org.conn.request<CompositeResponse>({
            method: 'POST',
            url: `${org.base}/composite`,
            body,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      ),
    idempotent,
  );
}
