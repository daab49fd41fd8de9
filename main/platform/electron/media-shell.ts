import { copyFile } from 'node:fs/promises';
import { BrowserWindow, dialog, shell } from 'electron';
import type { MediaShell } from '../../services/media-actions';

/**
 * Electron's shell and save dialog behind the MediaShell port (services/media-actions.ts). The service
 * hands over only a file inside the workspace's media folder of a known media type, and only an https
 * link it built itself; this adapter checks the scheme once more, since openExternal with another scheme
 * (file:, a custom protocol) can start programs.
 */
export const electronMediaShell: MediaShell = {
  openPath: (file) => shell.openPath(file),

  async saveCopy(file, suggestedName) {
    const parent = BrowserWindow.getFocusedWindow();
    const options = { defaultPath: suggestedName };
    const choice = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return false;
    await copyFile(file, choice.filePath);
    return true;
  },

  async openExternal(url) {
    if (new URL(url).protocol !== 'https:') throw new Error('only https links are opened');
    await shell.openExternal(url);
  },
};
