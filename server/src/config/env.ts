/**
 * The service's environment, validated with zod. Every variable is documented here and in
 * server/src/config/README.md; a bad or missing value fails with a message naming the variable and what is
 * expected, so an operator can fix it without reading code.
 */
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { Cron } from 'croner';
import { z } from 'zod';
import { LOG_FORMATS } from '../log';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const url = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .url({ message: `must be an https:// (or http:// for a local emulator) URL such as ${what}` })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  );
const int = (min: number, max: number, fallback: number, what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: `must be a whole number (${what})` })
      .int({ message: `must be a whole number (${what})` })
      .min(min, { message: `must be at least ${min} (${what})` })
      .max(max, { message: `must be at most ${max} (${what})` })
      .default(fallback),
  );

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IP_OR_CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)(?:\/\d{1,3})?$/;
/**
 * Express's `trust proxy`, validated. "true" is refused: trusting every hop lets any client
 * pick its own address in X-Forwarded-For and so its own rate-limit bucket.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    if (v === 'false') return false;
    if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
    const parts = v.split(',').map((p) => p.trim());
    if (parts.every((p) => PROXY_NAMES.has(p) || IP_OR_CIDR.test(p))) return parts;
    ctx.addIssue({
      code: 'custom',
      message:
        'must be false, a hop count from 0 to 10, or a comma-separated list of proxy addresses/CIDRs (loopback, linklocal, uniquelocal allowed); "true" is refused because it lets clients choose their own address',
    });
    return z.NEVER;
  });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z
  .object({
    /** JWT bearer flow: the login host (https://login.salesforce.com, https://test.salesforce.com, or My Domain). */
    SF_LOGIN_URL: url('https://login.salesforce.com'),
    /** JWT bearer flow: the connected app's consumer key. */
    SF_CLIENT_ID: optionalText,
    /** JWT bearer flow: the integration user's username. */
    SF_USERNAME: optionalText,
    /** JWT bearer flow: path of the PEM private key whose certificate is on the connected app. */
    SF_PRIVATE_KEY_FILE: optionalText,
    /** Token flow: the org's instance URL (used with SF_ACCESS_TOKEN instead of JWT). */
    SF_INSTANCE_URL: url('https://example.my.salesforce.com'),
    /** Token flow: an access token (session id) for SF_INSTANCE_URL. */
    SF_ACCESS_TOKEN: optionalText,
    /** REST API version without a leading v, e.g. 62.0. */
    SF_API_VERSION: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{2,3}\.0$/, { message: 'must look like 62.0 (digits, ".0", no leading v)' })
        .default('62.0'),
    ),
    /** Bearer token that callers of the HTTP API must present (POST /runs). At least 16 characters. */
    QUORUM_API_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string({
          message: 'is required: the bearer token for POST /runs (at least 16 characters)',
        })
        .min(16, { message: 'must be at least 16 characters long (use a random secret)' }),
    ),
    /** Optional separate bearer token for GET /metrics (else QUORUM_API_TOKEN). At least 16 characters. */
    QUORUM_METRICS_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .min(16, { message: 'must be at least 16 characters long (use a random secret)' })
        .optional(),
    ),
    /**
     * Which proxies in front of the service to trust for the client address (rate limits are
     * per client): blank or "false" for none, a hop count such as 1, or a comma-separated list
     * of addresses/CIDRs (or loopback, linklocal, uniquelocal).
     */
    QUORUM_TRUST_PROXY: z.preprocess(blankToUndefined, trustProxy.default(false)),
    /** HTTP port of the service. */
    PORT: int(0, 65535, 3000, 'a TCP port, 0 for any free port'),
    /** Cron expression for scheduled full recomputes (blank: no schedule). */
    QUORUM_SCHEDULE: optionalText.refine(
      (v) => {
        if (v === undefined) return true;
        try {
          new Cron(v, { paused: true }).stop();
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be a cron expression such as "0 2 * * *" (or blank for no schedule)' },
    ),
    /** How often to look for Requested runs created by people in the org, in ms (0: never). */
    QUORUM_POLL_INTERVAL_MS: int(0, 86_400_000, 30_000, 'milliseconds between polls, 0 to disable'),
    /** Row count above which reads use Bulk API 2.0 and writes use Bulk API 2.0 ingest. */
    QUORUM_BULK_THRESHOLD: int(2_000, 100_000_000, 10_000, 'rows'),
    /** Most API calls one run may make before it stops (Failed, nothing half-written). */
    QUORUM_RUN_API_BUDGET: int(10, 10_000_000, 20_000, 'API calls per run'),
    /** Stop a run when the org's remaining daily API allowance falls below this many calls. */
    QUORUM_API_RESERVE: int(0, 10_000_000, 5_000, 'API calls kept for other integrations'),
    /** pino log level. */
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
    /** Log format: json (one object a line) or text (readable lines); unset: see chooseLogFormat. */
    LOG_FORMAT: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
      z.enum(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    for (const key of missingConnectionVariables((k) => env[k] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [key], message: CONNECTION_HINT });
    }
  });

const JWT_VARIABLES = [
  'SF_LOGIN_URL',
  'SF_CLIENT_ID',
  'SF_USERNAME',
  'SF_PRIVATE_KEY_FILE',
] as const;
const TOKEN_VARIABLES = ['SF_INSTANCE_URL', 'SF_ACCESS_TOKEN'] as const;
type ConnectionVariable = (typeof JWT_VARIABLES)[number] | (typeof TOKEN_VARIABLES)[number];
const CONNECTION_HINT =
  'is required: set SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_FILE (JWT bearer flow), ' +
  'or SF_INSTANCE_URL and SF_ACCESS_TOKEN (token flow)';

/**
 * The connection variables still missing for the flow the operator seems to be configuring
 * (none when either flow is complete).
 */
function missingConnectionVariables(
  isSet: (key: ConnectionVariable) => boolean,
): ConnectionVariable[] {
  const jwtSet = JWT_VARIABLES.filter(isSet);
  const tokenSet = TOKEN_VARIABLES.filter(isSet);
  if (tokenSet.length === TOKEN_VARIABLES.length || jwtSet.length === JWT_VARIABLES.length)
    return [];
  const flow = tokenSet.length > 0 && jwtSet.length === 0 ? TOKEN_VARIABLES : JWT_VARIABLES;
  return flow.filter((key) => !isSet(key));
}

export type Env = z.infer<typeof envSchema>;

export type SalesforceAuthConfig =
  | { kind: 'token'; instanceUrl: string; accessToken: string; apiVersion: string }
  | {
      kind: 'jwt';
      loginUrl: string;
      clientId: string;
      username: string;
      privateKeyFile: string;
      apiVersion: string;
    };

/** Thrown for a bad environment; `problems` are one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these environment variables and start again (see server/src/config/README.md).`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable. Never echoes secret values. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.length > 0 ? String(issue.path[0]) : 'environment';
    let message = issue.message;
    if (issue.code === 'invalid_type' && source[name] === undefined)
      message = message.startsWith('is required') ? message : `is required (${message})`;
    return `${name} ${message}`;
  });
  // zod skips the object-level connection check while any field is bad: run it on the raw
  // values too, so that one start-up names every problem at once.
  const named = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  for (const key of missingConnectionVariables((k) => (source[k] ?? '').trim() !== '')) {
    if (!named.has(key)) problems.push(`${key} ${CONNECTION_HINT}`);
  }
  throw new ConfigError(problems);
}

export function authConfig(env: Env): SalesforceAuthConfig {
  if (env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    return {
      kind: 'token',
      instanceUrl: env.SF_INSTANCE_URL,
      accessToken: env.SF_ACCESS_TOKEN,
      apiVersion: env.SF_API_VERSION,
    };
  }
  return {
    kind: 'jwt',
    loginUrl: env.SF_LOGIN_URL as string,
    clientId: env.SF_CLIENT_ID as string,
    username: env.SF_USERNAME as string,
    privateKeyFile: env.SF_PRIVATE_KEY_FILE as string,
    apiVersion: env.SF_API_VERSION,
  };
}

/**
 * Checks what the environment points at on disk, before anything connects: the JWT private key
 * must be a readable PEM private key. Throws ConfigError naming SF_PRIVATE_KEY_FILE (the
 * commands exit 2 on it, as for any other bad setting).
 */
export function checkEnvFiles(env: Env): void {
  const auth = authConfig(env);
  if (auth.kind !== 'jwt') return;
  let pem: string;
  try {
    pem = readFileSync(auth.privateKeyFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied for this user'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (code ?? 'unreadable');
    throw new ConfigError([
      `SF_PRIVATE_KEY_FILE cannot read '${auth.privateKeyFile}' (${why}): point it at the PEM private key of the connected app's certificate`,
    ]);
  }
  try {
    createPrivateKey(pem);
  } catch {
    throw new ConfigError([
      `SF_PRIVATE_KEY_FILE '${auth.privateKeyFile}' is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----")`,
    ]);
  }
}

/**
 * Reads `.env` from `dir` into `target` when the file exists; variables already set in `target`
 * win (as with `node --env-file`). Returns the file read, or null when there is none.
 */
export function loadDotEnv(
  dir: string = process.cwd(),
  target: NodeJS.ProcessEnv = process.env,
): string | null {
  const file = path.join(dir, '.env');
  if (!existsSync(file)) return null;
  let parsed: Record<string, string>;
  try {
    parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (err) {
    throw new ConfigError([`${file} cannot be read: ${(err as Error).message}`]);
  }
  for (const [key, value] of Object.entries(parsed))
    if (target[key] === undefined) target[key] = value;
  return file;
}

/**
 * What both commands (`npm start`, `npm run recompute`) do before anything else: read `.env`,
 * read and check the settings (with `defaults` under the environment and `overrides` over it),
 * and on a bad setting print its one-line message and exit 2 — no stack trace for an operator's
 * typo. Returns the settings and the `.env` file read, if any.
 */
export function settingsOrExit(
  defaults: NodeJS.ProcessEnv = {},
  overrides: NodeJS.ProcessEnv = {},
): { env: Env; dotEnv: string | null } {
  try {
    const dotEnv = loadDotEnv();
    const env = loadEnv({ ...defaults, ...process.env, ...overrides });
    checkEnvFiles(env);
    return { env, dotEnv };
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
