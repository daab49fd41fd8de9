import { join } from 'node:path';
import { app, Menu, nativeImage, Tray, type BrowserWindow, type NativeImage } from 'electron';

/** Where the tray and badge say how many windows close soon. */
export interface BadgeDisplay {
  set(count: number, description: string): void;
  destroy(): void;
}

export interface BadgeOptions {
  /** The main window, if open (Windows shows an overlay dot on its taskbar button). */
  window: () => BrowserWindow | null;
  /** Brings the main window forward (a click on the tray icon). */
  show: () => void;
  quit: () => void;
}

/**
 * Tray images ship next to app.asar (electron-builder.yml extraResources): process.resourcesPath/assets
 * when packaged, the repository's assets/ in development. nativeImage picks @2x by file name.
 */
export function assetPath(name: string): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'assets', name)
    : join(app.getAppPath(), 'assets', name);
}

/**
 * The count of windows closing within the first lead time:
 * - macOS (and Linux docks that support it): the dock badge, app.setBadgeCount;
 * - Windows: a tray icon whose tooltip says it ("3 windows close within 1 h"), and a red dot over the
 *   taskbar button while the count is above zero (Windows has no numeric badge for desktop apps).
 */
export function createBadge(options: BadgeOptions): BadgeDisplay {
  if (process.platform !== 'win32') {
    return {
      set: (count) => {
        app.setBadgeCount(count);
      },
      destroy: () => {
        app.setBadgeCount(0);
      },
    };
  }

  let tray: Tray | null = null;
  let dot: NativeImage | null = null;
  const ensureTray = (): Tray => {
    if (tray) return tray;
    tray = new Tray(assetPath('tray.ico'));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open CareWindow', click: options.show },
        { type: 'separator' },
        { label: 'Quit CareWindow', click: options.quit },
      ]),
    );
    tray.on('click', options.show);
    return tray;
  };
  // From the start: with the window closed, the tray is how the owner gets back (and quits).
  ensureTray().setToolTip('CareWindow');
  return {
    set: (count, description) => {
      ensureTray().setToolTip(`CareWindow — ${description}`);
      const window = options.window();
      if (window && !window.isDestroyed()) {
        dot ??= redDot();
        window.setOverlayIcon(count > 0 ? dot : null, count > 0 ? description : '');
      }
    },
    destroy: () => {
      tray?.destroy();
      tray = null;
    },
  };
}

/** A 16×16 red dot, drawn in memory (BGRA), for the taskbar overlay. */
function redDot(): NativeImage {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const alpha = Math.max(0, Math.min(1, size / 2 - distance));
      const i = (y * size + x) * 4;
      // Premultiplied BGRA: #d93025.
      pixels[i] = Math.round(0x25 * alpha);
      pixels[i + 1] = Math.round(0x30 * alpha);
      pixels[i + 2] = Math.round(0xd9 * alpha);
      pixels[i + 3] = Math.round(255 * alpha);
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}
