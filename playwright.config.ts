import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the built renderer (out/renderer) in Debian's Chromium, talking to the real main
 * process services in Node through the preview host. Playwright cannot download its own browsers here.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // vitest owns every *.test.ts (test/lint/vitest-projects.test.ts checks that both runners' files are found).
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Headroom for a loaded 2-core CI machine, where a 10 s test has been seen to take 30 s while still
  // progressing. The tests wait on what the app shows, never on time, so a generous limit costs nothing
  // when they pass.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
