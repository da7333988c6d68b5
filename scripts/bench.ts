/**
 * `npm run bench [-- --only emulator,engine,grouping,service] [-- --quick]`
 *
 * Runs each benchmark section in its own child process, so every section's peak memory is its
 * own, and prints the figures each section reports. Sections live in scripts/bench/<name>.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const SECTIONS = ['engine', 'grouping', 'emulator', 'service'] as const;

function parseArgs(argv: string[]): { only: string[]; passThrough: string[] } {
  const onlyIndex = argv.indexOf('--only');
  const only =
    onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : [...SECTIONS];
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`,
    );
    process.exit(2);
  }
  const passThrough = argv.filter((arg, i) => arg !== '--only' && argv[i - 1] !== '--only');
  return { only, passThrough };
}

function main(): void {
  const { only, passThrough } = parseArgs(process.argv.slice(2));
  let failed = 0;
  for (const section of only) {
    const file = path.join(__dirname, 'bench', `${section}.ts`);
    console.log(`\n=== bench: ${section} ===`);
    if (!existsSync(file)) {
      console.log(`(no benchmark for ${section} yet)`);
      continue;
    }
    const tsx = require.resolve('tsx/cli');
    const result = spawnSync(process.execPath, ['--expose-gc', tsx, file, ...passThrough], {
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      failed += 1;
      console.error(`bench: section ${section} failed with exit code ${result.status}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}

main();
