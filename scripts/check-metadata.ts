/**
 * `npm run check:metadata [-- --root <dir>] [-- --skip-conversion]`
 *
 * Checks force-app beyond what Salesforce's source converter checks: conversion with
 * source-deploy-retrieve (nothing silently dropped), field types and their required elements,
 * External IDs, and cross-references (schema module, component imports, permission sets, list
 * views, layouts, flexipages, tabs, apps, sample data, report types, reports, dashboards), and
 * that each persona's permission set grants what the components they open read and write.
 * Exits 1 and names each file and problem.
 */
import path from 'node:path';
import { formatProblem, runChecks } from './checks';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf('--root');
  const root = path.resolve(
    rootIndex >= 0 ? (args[rootIndex + 1] ?? '.') : path.join(__dirname, '..'),
  );
  const started = Date.now();
  const report = await runChecks(root, { skipConversion: args.includes('--skip-conversion') });
  const { files, objects, fields, components } = report.counts;
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(formatProblem(problem));
    console.error(
      `check-metadata: ${report.problems.length} problem(s) in ${path.relative(process.cwd(), root) || '.'} (${took} s)`,
    );
    return 1;
  }
  console.log(
    `check-metadata: ok — ${files} files, ${objects} objects, ${fields} fields, ${components} components (${took} s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('check-metadata: crashed:', error);
    process.exit(2);
  },
);
