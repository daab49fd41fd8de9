import { readdirSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAt, lintFiles } from './lint-probe';

/**
 * Each layer rule in eslint.config.mjs, seen failing on a probe placed in that layer, and an allowed
 * import seen passing. The exact rule id is asserted, so switching a rule off (or a later config block
 * replacing it) fails this file.
 */

const root = resolve(import.meta.dirname, '../..');
const PATHS = 'import-x/no-restricted-paths';
const BUILTINS = 'import-x/no-nodejs-modules';

/** An import specifier from `probe` to some real module in `folder`, so renames elsewhere do not break this. */
function moduleIn(probe: string, folder: string): string {
  const file = readdirSync(resolve(root, folder)).find((name) => /^[a-z][\w-]*\.tsx?$/.test(name));
  if (!file) throw new Error(`No module in ${folder}`);
  const target = posix.join(folder, file.replace(/\.tsx?$/, ''));
  const specifier = posix.relative(dirname(probe), target);
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}

const importing = (probe: string, folder: string) => `import '${moduleIn(probe, folder)}';\n`;

const rulesOf = async (probe: string, source: string) => (await lintAt(probe, source)).map((m) => m.ruleId);

describe('a forbidden import fails lint', () => {
  const crossings: [from: string, to: string][] = [
    ['main/domain', 'main/store'],
    ['main/domain', 'main/services'],
    ['main/domain', 'main/platform'],
    ['main/contract', 'main/domain'],
    ['main/store', 'main/services'],
    ['main/services', 'main/platform'],
    ['main/services', 'main/providers'],
    ['main/providers', 'main/store'],
    ['main/ipc', 'main/store'],
    ['main/compose.ts', 'main/platform'],
    ['renderer/src', 'main/services'],
    ['renderer/src', 'main/store'],
    ['preload', 'main/services'],
    ['preload', 'main/domain'],
  ];

  it.each(crossings)('%s → %s', async (from, to) => {
    const probe = from.endsWith('.ts') ? from : `${from}/boundary-probe.ts`;
    expect(await rulesOf(probe, importing(probe, to))).toEqual([PATHS]);
  });

  it('main/domain → main/compose.ts', async () => {
    expect(await rulesOf('main/domain/boundary-probe.ts', "import '../compose';\n")).toEqual([PATHS]);
  });

  it.each([
    ['main/domain', 'lowdb'],
    ['main/domain', 'node-schedule'],
    ['main/domain', 'electron'],
    ['main/contract', 'react'],
    ['main/services', 'lowdb'],
    ['main/services', 'electron'],
    ['main/platform/node', 'electron'],
    ['renderer/src', 'electron'],
    ['renderer/src', 'ws'],
    ['preload', 'zod'],
  ])('%s → the package %s', async (from, pkg) => {
    // Electron is refused twice (its own zone and the layer's): either one alone would do.
    const rules = await rulesOf(`${from}/boundary-probe.ts`, `import '${pkg}';\n`);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set([PATHS]));
  });

  it.each([
    ['main/domain', 'node:fs'],
    ['main/domain', 'path'],
    ['main/contract', 'node:crypto'],
    ['main/services', 'node:fs/promises'],
    ['main/services', 'fs'],
    ['main/ipc', 'node:fs'],
    ['main/compose.ts', 'node:fs'],
    ['renderer/src', 'node:path'],
    ['preload', 'node:fs'],
  ])('%s → the Node built-in %s', async (from, builtin) => {
    const probe = from.endsWith('.ts') ? from : `${from}/boundary-probe.ts`;
    expect(await rulesOf(probe, `import '${builtin}';\n`)).toEqual([BUILTINS]);
  });
});

describe('the domain never reads the clock', () => {
  it.each([
    ['Date.now()', 'no-restricted-properties'],
    ['new Date()', 'no-restricted-syntax'],
  ])('%s is refused', async (read, rule) => {
    expect(await rulesOf('main/domain/boundary-probe.ts', `export const at = ${read};\n`)).toEqual([rule]);
  });

  it('a date built from a given instant is fine', async () => {
    expect(
      await rulesOf('main/domain/boundary-probe.ts', 'export const at = (now: number) => new Date(now);\n'),
    ).toEqual([]);
  });

  it('outside the domain the clock may be read (ports wrap it)', async () => {
    expect(await rulesOf('main/platform/node/boundary-probe.ts', 'export const at = Date.now();\n')).toEqual(
      [],
    );
  });
});

describe('an allowed import passes', () => {
  it.each([
    ['main/domain', 'main/contract'],
    ['main/store', 'main/domain'],
    ['main/services', 'main/store'],
    ['main/services', 'main/domain'],
    ['main/ipc', 'main/contract'],
    ['main/platform/preview', 'main/services'],
    ['main/compose.ts', 'main/services'],
    ['renderer/src', 'main/domain'],
    ['renderer/src', 'main/contract'],
    ['preload', 'main/contract'],
  ])('%s → %s', async (from, to) => {
    const probe = from.endsWith('.ts') ? from : `${from}/boundary-probe.ts`;
    expect(await rulesOf(probe, importing(probe, to))).toEqual([]);
  });

  it.each([
    ['main/domain', "import 'libphonenumber-js/max';"],
    ['main/contract', "import 'zod';"],
    ['main/store', "import 'lowdb'; import 'node:fs/promises';"],
    ['main/services', "import 'node:crypto';"],
    ['main/providers', "import '../services/ports';"],
    ['main/platform/electron', "import 'electron';"],
    ['main/platform/node', "import 'node-schedule'; import 'node:fs';"],
    ['renderer/src', "import 'react';"],
  ])('%s: %s', async (from, source) => {
    expect(await rulesOf(`${from}/boundary-probe.ts`, `${source}\n`)).toEqual([]);
  });

  it('preload/index.ts → electron', async () => {
    expect(await rulesOf('preload/index.ts', "import 'electron';\n")).toEqual([]);
  });
});

describe('.only never reaches the main branch', () => {
  it.each([
    "it.only('x', () => {});",
    "describe.only('x', () => {});",
    "test.skip.only('x', () => {});",
    "test.describe.only('x', () => {});",
    "it.only.each([1])('x %i', () => {});",
    "describe.only.each([1])('x %i', () => {});",
  ])('%s', async (source) => {
    const findings = await lintAt('test/domain/only-probe.test.ts', `${source}\n`);
    expect(findings.map((f) => f.ruleId)).toEqual(['no-restricted-syntax']);
  });

  it('an `only` that is not a test modifier is fine', async () => {
    const source =
      "export const pick = (options: { only: string[] }) => options.only; it.each([1])('x %i', () => {});\n";
    expect(await rulesOf('test/domain/only-probe.test.ts', source)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('a cycle between two modules fails', async () => {
    const findings = await lintFiles(['test/lint/fixtures/cycle-a.ts', 'test/lint/fixtures/cycle-b.ts']);
    expect(findings.map((f) => f.ruleId)).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);
  });
});
