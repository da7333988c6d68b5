/**
 * The stand-ins' one way to the org: same-origin calls to the workbench server, which forwards
 * them to the org emulator (live mode, with the session added server-side) or answers from the
 * jest payloads (fixture mode). Errors are shaped as Lightning Data Service reports them
 * (`{ status, statusText, body }`), so the components' error handling (reduceErrors) reads them.
 */
const API = '/services/data/v62.0';

export class FetchError extends Error {
  constructor(status, statusText, body) {
    super(statusText);
    this.status = status;
    this.statusText = statusText;
    this.body = body;
    this.ok = false;
  }
}

/** One UI API answer's error body in LDS's shape: `{ message, output: { errors, fieldErrors } }`. */
function ldsBody(body) {
  const first = Array.isArray(body) ? body[0] : body;
  if (first && typeof first === 'object') {
    return {
      message: first.message,
      statusCode: first.errorCode,
      errorCode: first.errorCode,
      output: first.output || { errors: [], fieldErrors: {} },
    };
  }
  return { message: String(body) };
}

export async function call(method, path, body) {
  const response = await fetch(`${API}/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    throw new FetchError(response.status, response.statusText, ldsBody(parsed));
  }
  return parsed;
}
