// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries that make the architecture visible: each folder may only reach inward. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'assets/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Do not commit .only in tests.' },
        {
          selector: "CallExpression[callee.property.name='sendSync']",
          message: 'Synchronous IPC freezes the window.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // The rules of the window: no I/O, no clock, no Electron.
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/domain is pure: no Electron.' }],
          patterns: [
            { group: nodeBuiltins, message: 'main/domain is pure: no Node I/O.' },
            {
              group: ['**/store/**', '**/services/**', '**/platform/**', 'lowdb', 'node-schedule'],
              message: 'main/domain depends on nothing outside itself and the contract.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in: the domain never reads the clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `now` in: the domain never reads the clock.',
        },
      ],
    },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The contract is shared with the renderer: no Electron.' }],
          patterns: [
            {
              group: [...nodeBuiltins, '../*/**', '../*'],
              message: 'The contract imports only zod and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services reach files only through main/store and the outside only through their ports.
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services run without Electron: use a port.' }],
          patterns: [
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'lowdb', 'lowdb/*'],
              message: 'Only main/store touches files.',
            },
            { group: ['**/platform/**'], message: 'Services do not know their adapters.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The store runs without Electron.' }],
          patterns: [
            {
              group: ['**/services/**', '**/platform/**'],
              message: 'The store depends only on the domain and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // Electron lives only in main/platform/electron and the composition root's Electron entry.
    files: ['main/**/*.ts'],
    ignores: ['main/platform/electron/**', 'main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Keep Electron in main/platform/electron.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer is untrusted: talk to main through window.careWindow.',
            },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'No Node in the renderer.' },
            {
              regex: '^(\\.\\./)+main/(?!contract/)',
              message: 'The renderer may import only the IPC contract (main/contract) from main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+main/(?!contract/)', message: 'The preload sees only the IPC contract.' },
          ],
        },
      ],
    },
  },
);
