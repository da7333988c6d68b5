// ESLint flat config: LWC recommended rules for components, typescript-eslint for the service.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');
const importPlugin = require('eslint-plugin-import');

const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      '.tools/**',
      'coverage/**',
      '.sfdx/**',
      '.sf/**',
      '**/*.d.ts',
      'workbench/dist/**',
      'workbench/artifacts/**',
      'dist/**',
    ],
  },
  // Lightning Web Components (plain JS, LWC recommended rules).
  ...scope(lwcConfig.configs.recommended, ['force-app/**/lwc/**/*.js']),
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/**/lwc/**/*.test.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // Tests may reach into shadow roots and use async helpers freely.
      '@lwc/lwc/no-async-operation': 'off',
      '@lwc/lwc/no-inner-html': 'off',
      '@lwc/lwc/no-document-query': 'off',
    },
  },
  // The workbench's platform stand-ins are LWC modules too; they talk to the workbench server
  // (fetch, timers, EventSource) as the platform services they replace do.
  ...scope(lwcConfig.configs.recommended, ['workbench/platform/**/*.js']),
  {
    files: ['workbench/platform/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@lwc/lwc/no-async-operation': 'off' },
  },
  {
    // The shell is the page, not a component: it mounts components into the page's regions.
    files: ['workbench/platform/shell/*.js'],
    rules: { '@lwc/lwc/no-document-query': 'off' },
  },
  // The service, emulator, engine and scripts (TypeScript).
  ...scope([js.configs.recommended, ...tseslint.configs.recommended], ['**/*.ts']),
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Import direction: the engine (domain) is pure and never imports I/O; the run's logic reaches
  // the org only through quorumOrg and salesforce/.
  {
    files: ['server/src/domain/**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/src/domain',
              from: [
                './server/src/salesforce',
                './server/src/quorumOrg',
                './server/src/jobs',
                './server/src/http',
                './server/src/config',
                './server/emulator',
              ],
              message: 'The domain is pure: it never imports I/O (org, jobs, HTTP, config).',
              // server/src/language (dictionaries read once from installed packages, then only
              // looked up) is not I/O in this sense: the domain's tokeniser uses it.
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['jsforce', 'express', 'pino', 'node:*', 'fs', 'http', 'https', 'net'],
              message: 'The domain is pure: no I/O modules.',
            },
          ],
        },
      ],
      // The record types come from the zod schemas (schema/inputs.ts); the domain takes the
      // types only and validates nothing itself (the service's reader has).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/schema', '**/schema/*'],
              allowTypeImports: true,
              message: 'The domain imports the record schemas as types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*.js', 'scripts/**/*.js', 'workbench/test/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    ...js.configs.recommended,
  },
];
