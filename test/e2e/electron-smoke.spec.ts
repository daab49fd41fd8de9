import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

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
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/CareWindow/);
      await expect(window.getByRole('listbox', { name: 'Contacts' })).toBeVisible();
      // The page has no Node: no require, no process, only the contract's API.
      const exposure = await window.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        api: Object.keys((globalThis as unknown as { careWindow: object }).careWindow).sort(),
      }));
      expect(exposure.require).toBe('undefined');
      expect(exposure.process).toBe('undefined');
      expect(exposure.api).toEqual([
        'clock',
        'contacts',
        'conversation',
        'demo',
        'on',
        'settings',
        'workspace',
      ]);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const prefs = BrowserWindow.getAllWindows()[0]?.webContents.getLastWebPreferences();
        return {
          contextIsolation: prefs?.contextIsolation,
          sandbox: prefs?.sandbox,
          nodeIntegration: prefs?.nodeIntegration,
        };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
