// One jest (29.7, the version sfdx-lwc-jest pins) with two projects:
// - "lwc": Lightning Web Components under force-app, with sfdx-lwc-jest's stubs and jsdom;
// - "service": the TypeScript service, emulator, engine and scripts, through ts-jest on node.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  // Grouping's dictionary caches, built once before the workers start (see the file).
  globalSetup: '<rootDir>/server/test/setup/warm-caches.js',
  projects: [
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.js'],
      setupFilesAfterEnv: [
        ...(lwcJestConfig.setupFilesAfterEnv || []),
        '<rootDir>/jest.sa11y-setup.js',
        '<rootDir>/jest.timeouts.js',
      ],
      // Platform modules sfdx-lwc-jest does not stub.
      moduleNameMapper: {
        '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
      },
    },
    {
      displayName: 'service',
      rootDir: __dirname,
      roots: ['<rootDir>/server', '<rootDir>/scripts'],
      testEnvironment: 'node',
      testMatch: ['**/*.test.ts'],
      // jsforce's HTTP client needs Symbol.dispose, which jest's sandbox lacks.
      setupFiles: ['<rootDir>/server/test/setup/jest-realm.ts'],
      // Timeouts by kind of test, from measurements on a loaded machine (see the file).
      setupFilesAfterEnv: ['<rootDir>/jest.timeouts.js'],
      transform: {
        '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
      },
      // The shared segment-rule module lives in force-app (plain JS, ES module syntax) and is
      // imported by the engine: let ts-jest transform it too.
      transformIgnorePatterns: ['/node_modules/'],
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
  ],
};
