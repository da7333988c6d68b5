/**
 * `npm run demo`: the embedded default. Placeholder until the sync service lands: it says so
 * plainly and exits cleanly, never a silent no-op.
 */
console.log('Quorum demo: the sync service is not built yet, so there is no demo run to show.');
console.log('Run `npm test` to check the project; the demo lands with the service.');
