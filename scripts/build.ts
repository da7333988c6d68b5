/**
 * `npm run build`: the service and the recompute command compiled to plain JavaScript in `dist/`
 * (esbuild: one file each, dependencies left in node_modules, a source map for stack traces), so
 * production runs `node dist/main.js` with no TypeScript at runtime. Type-checking is `npm run
 * typecheck` (tsc), part of `npm test`.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');

export const ENTRY_POINTS = {
  main: 'server/src/main.ts',
  recompute: 'scripts/recompute.ts',
} as const;

export async function buildService(outdir = path.join(ROOT, 'dist')): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Data files the bundle reads beside itself (__dirname is dist/ once bundled): the grouping's
  // dictionary configuration (server/src/language/lexicon.ts).
  copyFileSync(
    path.join(ROOT, 'server/src/language/lexicons.json'),
    path.join(outdir, 'lexicons.json'),
  );
  return outdir;
}

if (require.main === module) {
  buildService(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((dir) => console.log(`built ${Object.keys(ENTRY_POINTS).join(', ')} into ${dir}`))
    .catch((err: Error) => {
      console.error(`build failed: ${err.message}`);
      process.exit(1);
    });
}
