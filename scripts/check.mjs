// `npm run check`: every check CI runs, in order, with one closing line that sums them all:
// typecheck, lint, format, unit + component tests, build, end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args, env = {}) {
  console.log(`\n━━ ${name} ━━ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  console.log(
    `━━ ${name}: ${outcome.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return outcome.status === 0;
}

function count(name, ok) {
  if (ok) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

count('typecheck', step('typecheck', 'npm', ['run', '--silent', 'typecheck']));
count('lint', step('lint', 'npm', ['run', '--silent', 'lint']));
count('format', step('format', 'npm', ['run', '--silent', 'format:check']));

const vitestOk = step('unit and component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  results.passed += vitest.numPassedTests;
  results.failed += vitest.numFailedTests;
  results.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests > 0) failures.push(`${vitest.numFailedTests} unit/component test(s)`);
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) count('vitest run', false);

const built = step('build', 'npx', ['electron-vite', 'build']);
count('build', built);

if (built) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    count('e2e (no Chromium)', false);
  } else {
    const e2eOk = step('end-to-end tests', 'npx', ['playwright', 'test']);
    const report = readJson('test-results/e2e-results.json');
    if (report) {
      results.passed += report.stats.expected + report.stats.flaky;
      results.failed += report.stats.unexpected;
      results.skipped += report.stats.skipped;
      if (report.stats.unexpected > 0) failures.push(`${report.stats.unexpected} end-to-end test(s)`);
    }
    if (!e2eOk && (!report || report.stats.unexpected === 0)) count('playwright run', false);
  }
} else {
  count('e2e (not run: the build failed)', false);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
