// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The layers, each with everything it may import: its own folder, the folders further in, and the npm
 * packages it needs (as `node_modules/<name>`). Anything else in the project or in node_modules is refused.
 * Node built-ins are not files, so `builtins` lists the ones a layer may use; `null` means any.
 *
 * Written as one table, turned into one `no-restricted-paths` setting for all files plus one block per
 * layer whose file globs never overlap: in flat config a later block setting the same rule replaces the
 * earlier one for a file, which once switched the layering off without a word. test/lint proves each rule.
 */
const layers = [
  {
    target: 'main/domain',
    // papaparse: reading and writing CSV text is pure (strings in, strings out).
    may: ['main/domain', 'main/contract', 'node_modules/libphonenumber-js', 'node_modules/papaparse'],
    builtins: [],
    why: 'main/domain is pure (no I/O, no Electron, no storage): it imports only itself and the contract.',
  },
  {
    target: 'main/contract',
    may: ['main/contract', 'node_modules/zod'],
    builtins: [],
    why: 'The contract is shared with the preload and the renderer: it imports only itself and zod.',
  },
  {
    target: 'main/store',
    // fflate: a WhatsApp chat export arrives as a .zip; the store unpacks it (chat-export-archive.ts).
    // flexsearch: the message search index, built and kept in a worker thread (store/search).
    may: [
      'main/store',
      'main/domain',
      'main/contract',
      'node_modules/zod',
      'node_modules/lowdb',
      'node_modules/fflate',
      'node_modules/flexsearch',
    ],
    builtins: ['fs', 'fs/promises', 'path', 'crypto', 'worker_threads', 'readline'],
    why: 'The store depends only on the domain and the contract; services use it, never the reverse.',
  },
  {
    target: 'main/services',
    may: ['main/services', 'main/domain', 'main/contract', 'main/store'],
    builtins: ['crypto'],
    why: 'Services reach files through main/store and the outside through their ports, never main/platform.',
  },
  {
    target: 'main/providers',
    // zod: a provider parses what the platform sends (API answers, webhook payloads) into typed values.
    may: [
      'main/providers',
      'main/services/ports.ts',
      // The template submission port (submit for approval, status updates), kept beside its service.
      'main/services/template-ports.ts',
      'main/services/ids.ts',
      'main/domain',
      'main/contract',
      'node_modules/zod',
    ],
    builtins: ['crypto'],
    why: 'A provider implements a service port: it sees the ports, the domain, the contract and zod.',
  },
  {
    target: 'main/ipc',
    may: ['main/ipc', 'main/contract', 'main/services', 'node_modules/zod'],
    builtins: [],
    why: 'The router validates against the contract and calls services.',
  },
  {
    target: 'main/platform',
    may: [
      'main',
      'node_modules/electron',
      'node_modules/ws',
      'node_modules/node-schedule',
      'node_modules/esbuild',
    ],
    builtins: null,
    why: 'Adapters may wire anything in main/, but only the packages listed for them.',
  },
  {
    target: 'main/compose.ts',
    may: ['main/contract', 'main/domain', 'main/ipc', 'main/providers', 'main/services', 'main/store'],
    builtins: [],
    why: 'The composition root wires main/ together; adapters are handed in by the entries.',
  },
  {
    target: 'renderer',
    may: [
      'renderer',
      'main/contract',
      'main/domain',
      'node_modules/react',
      'node_modules/react-dom',
      'node_modules/@tanstack/react-virtual',
      'node_modules/libphonenumber-js',
      'node_modules/zod',
      // lucide-react: icons as SVG components (emoji characters render as empty boxes without an emoji font).
      'node_modules/lucide-react',
      // React's fast-refresh preamble, which electron-vite's dev server needs before the app's first module.
      'node_modules/@vitejs/plugin-react',
    ],
    builtins: [],
    why: 'The renderer is untrusted: it sees the contract and the pure domain, and talks to main through window.careWindow.',
  },
  {
    target: 'preload',
    may: ['preload', 'main/contract', 'node_modules/electron'],
    builtins: [],
    why: 'The preload exposes the contract and nothing else.',
  },
];

/** Electron only where the app meets it; everywhere else it would make the code untestable in Node. */
const electronZone = {
  target: [
    'main/domain',
    'main/contract',
    'main/store',
    'main/services',
    'main/providers',
    'main/ipc',
    'main/platform/node',
    'main/platform/preview',
    'main/platform/*.ts',
    'main/compose.ts',
    'renderer',
    'preload/web-bridge.ts',
  ],
  from: 'node_modules/electron',
  message: 'Keep Electron in main/platform/electron, main/index.ts and preload/index.ts.',
};

const layerZones = layers.map(({ target, may, why }) => ({ target, from: '.', except: may, message: why }));

const sourceFiles = (target) => (target.endsWith('.ts') ? [target] : [`${target}/**/*.{ts,tsx}`]);

const withNodePrefix = (names) => names.flatMap((name) => [name, `node:${name}`]);

const builtinBlocks = layers
  .filter(({ builtins }) => builtins !== null)
  .map(({ target, builtins, why }) => ({
    files: sourceFiles(target),
    rules: { 'import-x/no-nodejs-modules': ['error', { allow: withNodePrefix(builtins ?? []) }] },
    name: `carewindow/builtins ${target} (${why})`,
  }));

const testHooks = '/^(describe|it|test|suite|bench)$/';
const noOnly = {
  // `.only` anywhere in a chain: it.only, describe.only, it.only.each, test.skip.only, test.describe.only.
  selector: `MemberExpression[property.name='only']:matches([object.name=${testHooks}], [object.object.name=${testHooks}])`,
  message: 'Do not commit .only in tests.',
};
const noSendSync = {
  selector: "CallExpression[callee.property.name='sendSync']",
  message: 'Synchronous IPC freezes the window.',
};
const noClockRead = {
  selector: "NewExpression[callee.name='Date'][arguments.length=0]",
  message: 'Pass `now` in: the domain never reads the clock.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'assets/**',
      // Deliberately broken sources that test/lint lints on purpose.
      'test/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without these, no-cycle skips every .ts file it follows and finds no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json', '.node'] }),
      ],
    },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': ['error', noOnly, noSendSync],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: [...layerZones, electronZone] },
      ],
      // An import the resolver cannot follow would slip past the layer zones.
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  ...builtinBlocks,
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // The rules of the window take `now` as an argument, so they hold at any instant in a test.
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in: the domain never reads the clock.' },
      ],
      'no-restricted-syntax': ['error', noOnly, noSendSync, noClockRead],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
