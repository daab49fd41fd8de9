import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { calls } from '../../main/contract/ipc';

/** Electron's binary, without require('electron') (which tries to download it when missing). */
function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const reason =
  "Electron's binary is not installed on this machine (it cannot be downloaded here); the same app is tested in Chromium through the preview host instead.";
if (!binary) console.log(`Skipping the Electron smoke test: ${reason}`);

test.describe('the real Electron app', () => {
  test.skip(!binary, reason);

  test('opens the demo workspace in a locked-down window', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'carewindow-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [resolve(__dirname, '../../out/main/index.js')],
      env: { ...process.env, CAREWINDOW_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/CareWindow/);
      // Served from the app's own scheme, not file:// (the fuses take file:// privileges away).
      expect(page.url()).toBe('app://carewindow/index.html');
      await expect(page.getByRole('listbox', { name: 'Contacts' })).toBeVisible();
      // The page has no Node: no require, no process, only the contract's API.
      const exposure = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        api: Object.keys((globalThis as unknown as { careWindow: object }).careWindow).sort(),
      }));
      expect(exposure.require).toBe('undefined');
      expect(exposure.process).toBe('undefined');
      expect(exposure.api).toEqual([...Object.keys(calls), 'on'].sort());
      // window.open is denied by the main process.
      const opened = await page.evaluate(() => {
        const open = (globalThis as unknown as { open: (url: string) => unknown }).open;
        return open('https://example.com') === null;
      });
      expect(opened).toBe(true);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
