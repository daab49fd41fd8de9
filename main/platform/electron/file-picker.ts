import { BrowserWindow, dialog } from 'electron';
import type { FilePicker } from '../../services/attachments';

/**
 * The open-file dialog for a file the owner sends: main shows it and reads the chosen file, so the
 * renderer never names a path. The filter lists what WhatsApp carries (domain/outgoing-media.ts checks
 * again, on the name and on the bytes).
 */
export const electronFilePicker: FilePicker = {
  async pickFile() {
    const options: Electron.OpenDialogOptions = {
      title: 'Send a file',
      properties: ['openFile'],
      filters: [
        {
          name: 'Photos, videos, audio and documents',
          extensions: [
            'jpg',
            'jpeg',
            'png',
            'mp4',
            '3gp',
            'aac',
            'amr',
            'mp3',
            'm4a',
            'ogg',
            'opus',
            'pdf',
            'txt',
            'doc',
            'docx',
            'xls',
            'xlsx',
            'ppt',
            'pptx',
          ],
        },
      ],
    };
    const window = BrowserWindow.getFocusedWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
