/**
 * `npm run emulator -- --port <p> [--seed demo|empty] [--scale N] [--page-size N]
 *  [--access-token <t>] [--plan data/sample-plan.json] [--metadata <dir>]`
 *
 * Serves the org emulator until SIGINT/SIGTERM. Prints `listening on http://127.0.0.1:<p>`.
 */
import { z } from 'zod';
import { startEmulator, type EmulatorOptions } from '../server/emulator';

const USAGE =
  'usage: npm run emulator -- --port <p> [--seed demo|empty] [--scale N] [--page-size 200..2000] [--access-token <t>] [--plan <plan.json>] [--metadata <dir>] [--jwt-public-key <pem file>] [--client-id <id>] [--daily-api-limit N] [--host <h>]';

const FLAGS: Record<string, string> = {
  '--port': 'port',
  '--host': 'host',
  '--seed': 'seed',
  '--scale': 'scale',
  '--page-size': 'pageSize',
  '--access-token': 'accessToken',
  '--plan': 'dataPlanFile',
  '--metadata': 'metadataDir',
  '--jwt-public-key': 'jwtPublicKeyFile',
  '--client-id': 'clientId',
  '--daily-api-limit': 'dailyApiLimit',
};

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const ArgsSchema = z.object({
  port: int('--port', 0, 65535),
  host: z.string().optional(),
  seed: z.enum(['demo', 'empty'], { message: '--seed must be demo or empty' }).optional(),
  scale: int('--scale', 1, 1_000_000).optional(),
  pageSize: int('--page-size', 200, 2000).optional(),
  accessToken: z.string().min(8, '--access-token must be at least 8 characters').optional(),
  dataPlanFile: z.string().optional(),
  metadataDir: z.string().optional(),
  jwtPublicKeyFile: z.string().optional(),
  clientId: z.string().optional(),
  dailyApiLimit: int('--daily-api-limit', 1, 1_000_000_000).optional(),
});

export function parseArgs(
  argv: string[],
):
  | { ok: true; options: EmulatorOptions & { jwtPublicKeyFile?: string } }
  | { ok: false; message: string } {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { ok: false, message: USAGE };
    const key = FLAGS[arg];
    if (!key) return { ok: false, message: `unknown argument ${arg}\n${USAGE}` };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      return { ok: false, message: `${arg} needs a value\n${USAGE}` };
    raw[key] = value;
    i++;
  }
  if (raw.port === undefined)
    return { ok: false, message: `--port is required (0 picks a free port)\n${USAGE}` };
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: `${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`,
    };
  return { ok: true, options: parsed.data };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    process.exit(2);
  }
  const { jwtPublicKeyFile, ...options } = args.options;
  if (jwtPublicKeyFile) {
    const { readFileSync } = await import('node:fs');
    try {
      options.jwtPublicKeyPem = readFileSync(jwtPublicKeyFile, 'utf8');
    } catch (err) {
      console.error(`cannot read --jwt-public-key ${jwtPublicKeyFile}: ${(err as Error).message}`);
      process.exit(2);
    }
  }
  let emu;
  try {
    emu = await startEmulator(options);
  } catch (err) {
    console.error(`emulator: ${(err as Error).message}`);
    process.exit(1);
  }
  console.log(`listening on ${emu.url}`);
  const records = emu.stats().records as Record<string, number>;
  console.log(
    `org: ${Object.entries(records)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
