// Browser tests: the workbench's pages in Chromium (playwright-core), run by `npm run test:browser`
// (part of `npm test`) after workbench/test/browser.js has found or installed a browser.
// Timeouts are generous on purpose: a journey on a loaded 2-core machine takes tens of seconds,
// and no test should sit near its limit (see each test's own timeout).
module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/workbench/test'],
  testMatch: ['**/*.browser.test.ts'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/server/test/setup/jest-realm.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  transformIgnorePatterns: ['/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 1,
  verbose: true,
  testTimeout: 300_000,
};
