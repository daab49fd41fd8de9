import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per call, removed after the test. */
export function useTempDirs(): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carewindow-test-'));
    dirs.push(dir);
    return dir;
  };
}

/**
 * Steps a test pushes as it starts things (servers, apps), run after it one by one in reverse order: what
 * started last stops first, so an app is closed before the server it talks to goes away.
 */
export function useCleanup(): (() => Promise<void>)[] {
  const steps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return steps;
}
