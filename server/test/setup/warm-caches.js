// Jest global setup: build the grouping caches once, before test files run in parallel, so no
// test pays seconds for them on a fresh checkout (scripts/warm-caches.ts says what they are).
module.exports = async () => {
  require('tsx/cjs');
  require('../../../scripts/warm-caches.ts').warmCaches();
};
