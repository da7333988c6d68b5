#!/usr/bin/env node
/**
 * Removes from package-lock.json the optional platform binaries that the lock lists as
 * dependencies but has no entry for (e.g. rollup's darwin/win32/android builds).
 *
 * Why: the npm registry mirror our machines reach serves only the linux-x64 builds, so
 * `npm install` records rollup's optional platform packages as dependencies without entries, and
 * `npm ci` then refuses the lock ("Missing: @rollup/rollup-darwin-x64@ from lock file").
 * Nothing on our machines can install those packages anyway. Idempotent; run after
 * `npm install <pkg>`, so that the committed lock is one `npm ci` (and so `.ci/run`) accepts.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));

const hasEntry = (parentKey, dep) =>
  Boolean(lock.packages[`${parentKey ? `${parentKey}/` : ''}node_modules/${dep}`]) ||
  Boolean(lock.packages[`node_modules/${dep}`]);

let pruned = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const dep of Object.keys(pkg.optionalDependencies || {})) {
    if (!hasEntry(key, dep)) {
      delete pkg.optionalDependencies[dep];
      pruned += 1;
    }
  }
}
if (pruned > 0) {
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(
  `prune-lockfile: removed ${pruned} unresolvable optional dependency entr${pruned === 1 ? 'y' : 'ies'}`,
);
