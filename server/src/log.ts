/**
 * The service's logger: pino, secrets redacted wherever they appear in a logged object (tokens,
 * authorization headers, JWT assertions, private keys). Two formats of the same records:
 * - `json`: one JSON object a line, for log collectors (journald, Loki, CloudWatch);
 * - `text`: one readable line a record (`12:03:04 WARN  message  key=value`), for people at a
 *   terminal and for the command-line tools (demo, recompute).
 * Redaction happens in pino before either format sees the record.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const SECRET_KEYS = [
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'assertion',
  'authorization',
  'Authorization',
  'privateKey',
  'password',
  'token',
  'SF_ACCESS_TOKEN',
  'QUORUM_API_TOKEN',
];

/** Redaction paths: each secret key at the top level and one or two levels down. */
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'headers.authorization',
];

export function createLogger(
  level = 'info',
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      base: format === 'json' ? { service: 'quorum' } : undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    format === 'text' ? textDestination(out) : out,
  );
}

/**
 * Which format to use: LOG_FORMAT when set; otherwise text for the command-line tools and for a
 * service whose output is a terminal, JSON for a service whose output goes to a file, a pipe or
 * a process manager (systemd's journal, a container runtime).
 */
export function chooseLogFormat(opts: {
  configured?: LogFormat;
  command: boolean;
  isTTY: boolean;
}): LogFormat {
  if (opts.configured) return opts.configured;
  return opts.command || opts.isTTY ? 'text' : 'json';
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const SKIP = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service']);

function showValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value && typeof value === 'object' && 'message' in value)
    return JSON.stringify((value as { message: unknown }).message);
  return JSON.stringify(value);
}

/** One pino JSON record as a readable line: time, level, message, then the fields as key=value. */
export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
  const level = (LEVEL_NAMES[Number(record.level)] ?? String(record.level)).padEnd(5);
  const fields = Object.entries(record)
    .filter(([k, v]) => !SKIP.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${showValue(v)}`);
  return [`${time} ${level} ${String(record.msg ?? '')}`.trimEnd(), ...fields].join('  ');
}

function textDestination(out: pino.DestinationStream): pino.DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) out.write(`${formatLogLine(line)}\n`);
    },
  };
}

/** A logger that drops everything (tests, the demo's quiet mode). */
export const silentLogger: Logger = pino({ level: 'silent' });
