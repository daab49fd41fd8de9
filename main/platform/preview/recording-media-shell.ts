import type { MediaShell } from '../../services/media-actions';

/**
 * The preview host's stand-in for Electron's shell and save dialog: a browser page has no desktop to open
 * a file on, so each request is recorded (and "Save as" counts as cancelled, nothing is written).
 */
export class RecordingMediaShell implements MediaShell {
  readonly opened: string[] = [];
  readonly saveRequests: { file: string; suggestedName: string }[] = [];
  readonly links: string[] = [];

  openPath(file: string): Promise<string> {
    this.opened.push(file);
    return Promise.resolve('');
  }

  saveCopy(file: string, suggestedName: string): Promise<boolean> {
    this.saveRequests.push({ file, suggestedName });
    return Promise.resolve(false);
  }

  openExternal(url: string): Promise<void> {
    this.links.push(url);
    return Promise.resolve();
  }
}
