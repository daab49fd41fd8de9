import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Every `*.test.ts(x)` under test/ belongs to exactly one project: the renderer's folder runs in
 * happy-dom, everything else in Node (test/e2e is Playwright's, and names its files `*.spec.ts`). A new
 * folder is picked up without touching this file; test/lint/vitest-projects.test.ts checks it.
 */
export const rendererTests = 'test/renderer/**/*.test.{ts,tsx}';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [rendererTests, 'test/e2e/**', '**/node_modules/**'],
          environment: 'node',
          // Services tests open a real workspace on disk and lint tests run ESLint: well under a second
          // alone, several on a busy 2-core machine. Headroom, so load alone never fails a test.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: [rendererTests],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
          // Each test starts the real main process on a temp folder and types like a person: seconds on a
          // busy 2-core machine. A generous limit, so load alone never fails a test.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
