/**
 * The service's logger: pino, JSON lines on stdout, secrets redacted wherever they appear in a
 * logged object (tokens, authorization headers, JWT assertions, private keys).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

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

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'quorum' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything (tests, the demo's quiet mode). */
export const silentLogger: Logger = pino({ level: 'silent' });
