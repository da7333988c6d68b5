/**
 * `npm run env:from-sf -- [--target-org quorum] [--file .env]`: points the service at an org the
 * Salesforce CLI is signed in to (a scratch org, a sandbox) by writing SF_INSTANCE_URL,
 * SF_ACCESS_TOKEN and SF_API_VERSION from `sf org display --json` into the env file (default
 * `.env`, created 0600), plus a random QUORUM_API_TOKEN when it has none. Other lines are kept.
 * With input on stdin it reads that JSON instead of running sf:
 * `sf org display --target-org quorum --json | npm run --silent env:from-sf`.
 * Exit 0 written; 2 bad usage, or sf did not give an instance URL and access token.
 * The token is never printed. It is a session: when it expires, run this again (for a long-lived
 * service use the JWT bearer flow instead; see the README).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface OrgDisplay {
  status?: number;
  message?: string;
  result?: { instanceUrl?: string; accessToken?: string; apiVersion?: string; username?: string };
}

/** The settings to write, from `sf org display --json` output; throws with what is missing. */
export function settingsFromOrgDisplay(json: string): Record<string, string> {
  let parsed: OrgDisplay;
  try {
    parsed = JSON.parse(json) as OrgDisplay;
  } catch {
    throw new Error('the input is not the JSON of `sf org display --json`');
  }
  if (parsed.status !== undefined && parsed.status !== 0)
    throw new Error(`sf reported an error: ${parsed.message ?? `status ${parsed.status}`}`);
  const r = parsed.result ?? {};
  if (!r.instanceUrl || !r.accessToken)
    throw new Error(
      'sf org display gave no instanceUrl/accessToken: is the CLI signed in to that org (sf org list)?',
    );
  const settings: Record<string, string> = {
    SF_INSTANCE_URL: r.instanceUrl.replace(/\/+$/, ''),
    SF_ACCESS_TOKEN: r.accessToken,
  };
  if (r.apiVersion && /^\d{2,3}\.0$/.test(r.apiVersion)) settings.SF_API_VERSION = r.apiVersion;
  return settings;
}

/** `text` (an env file) with `settings` set: existing keys replaced in place, others appended. */
export function updateEnvText(text: string, settings: Record<string, string>): string {
  const pending = new Map(Object.entries(settings));
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    if (key && pending.has(key)) {
      const value = pending.get(key) as string;
      pending.delete(key);
      return `${key}=${value}`;
    }
    return line;
  });
  for (const [key, value] of pending) out.push(`${key}=${value}`);
  return `${out.join('\n')}\n`;
}

function usage(message: string): never {
  console.error(
    `env:from-sf: ${message}\nUsage: npm run env:from-sf -- [--target-org <alias>] [--file <path>]`,
  );
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  let targetOrg: string | undefined;
  let file = '.env';
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--target-org' && args[i + 1]) targetOrg = args[++i];
    else if (args[i] === '--file' && args[i + 1]) file = args[++i];
    else usage(`unknown argument ${args[i]}`);
  }
  let json: string;
  if (!process.stdin.isTTY && !targetOrg) json = readFileSync(0, 'utf8');
  else {
    try {
      json = execFileSync(
        'sf',
        ['org', 'display', '--json', ...(targetOrg ? ['--target-org', targetOrg] : [])],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (err) {
      const e = err as { code?: string; stdout?: string };
      if (e.code === 'ENOENT') usage('the Salesforce CLI (sf) is not on PATH');
      json = e.stdout ?? '';
    }
  }
  let settings: Record<string, string>;
  try {
    settings = settingsFromOrgDisplay(json);
  } catch (err) {
    usage((err as Error).message);
  }
  const target = path.resolve(file);
  const before = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (!/^\s*QUORUM_API_TOKEN\s*=\s*\S/m.test(before))
    settings.QUORUM_API_TOKEN = randomBytes(24).toString('base64url');
  writeFileSync(target, updateEnvText(before, settings), { mode: 0o600 });
  chmodSync(target, 0o600);
  console.log(
    `Wrote ${Object.keys(settings).join(', ')} to ${target} (the access token is a session: run this again when it expires).`,
  );
}

if (require.main === module) main();
