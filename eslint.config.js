// ESLint flat config: LWC recommended rules for components, typescript-eslint for the service.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      '.tools/**',
      'coverage/**',
      'dist/**',
      '.sfdx/**',
      '.sf/**',
      '**/*.d.ts',
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
  {
    files: ['*.js', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    ...js.configs.recommended,
  },
];
