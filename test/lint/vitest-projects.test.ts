import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createVitest, type Vitest } from 'vitest/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A test file that no runner picks up passes forever without running. Every `*.test.ts(x)` under test/
 * must belong to exactly one vitest project (asked of vitest itself, with the real config), and every
 * `*.spec.ts` is Playwright's, so it lives in test/e2e.
 */

const root = resolve(import.meta.dirname, '../..');

let vitest: Vitest;
beforeAll(async () => {
  vitest = await createVitest('test', { root, config: join(root, 'vitest.config.mts'), watch: false });
});
afterAll(async () => {
  await vitest.close();
});

const projectsOf = (file: string): string[] =>
  vitest.projects.filter((project) => project.matchesTestGlob(resolve(root, file))).map((p) => p.name);

const filesUnder = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => `${folder}/${path.split('\\').join('/')}`)
    .filter((path) => !path.includes('/node_modules/'));

const filesUnderTest = (): string[] => filesUnder('test');

describe('every test file runs', () => {
  it('each *.test.ts(x) on disk is in exactly one vitest project', () => {
    const tests = filesUnderTest().filter((path) => /\.test\.tsx?$/.test(path));
    expect(tests.length).toBeGreaterThan(10);
    const misplaced = tests
      .map((file) => ({ file, projects: projectsOf(file) }))
      .filter((t) => t.projects.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it('each *.spec.ts is an end-to-end test in test/e2e', () => {
    const specs = filesUnderTest().filter((path) => /\.spec\.tsx?$/.test(path));
    expect(specs.filter((path) => !path.startsWith('test/e2e/'))).toEqual([]);
  });

  it('no test file sits beside the sources, where no runner looks', () => {
    const sources = ['main', 'renderer', 'preload', 'scripts'].flatMap(filesUnder);
    expect(sources.filter((path) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(path))).toEqual([]);
  });

  it.each([
    ['test/a-new-folder/x.test.ts', ['node']],
    ['test/renderer/deep/x.test.tsx', ['renderer']],
    ['test/domain/x.test.tsx', ['node']],
    ['test/e2e/x.test.ts', []],
    ['renderer/src/x.test.ts', []],
  ])('%s → %j', (file, projects) => {
    expect(projectsOf(file)).toEqual(projects);
  });
});
