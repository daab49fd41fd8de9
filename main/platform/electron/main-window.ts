import { BrowserWindow, nativeTheme, screen, type Rectangle } from 'electron';
import { join } from 'node:path';
import type { AppStateStore, WindowBounds } from '../../store/app-state';
import { rendererUrl } from './app-url';

const DEFAULT_SIZE = { width: 1200, height: 780 };

/** The main window, with every security setting spelled out, and its size and place remembered. */
export function createMainWindow(appState: AppStateStore): BrowserWindow {
  const saved = appState.get().windowBounds;
  const bounds = saved && isVisible(saved) ? saved : null;
  const window = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : DEFAULT_SIZE),
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'CareWindow',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181c' : '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  });
  if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: NodeJS.Timeout | null = null;
  const remember = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void appState.save({ windowBounds: boundsOf(window) }), 500);
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    void appState.save({ windowBounds: boundsOf(window) });
  });

  void window.loadURL(rendererUrl());
  return window;
}

function boundsOf(window: BrowserWindow): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

/** A window saved on a monitor that is no longer attached must not open off-screen. */
function isVisible(bounds: Rectangle): boolean {
  const area = screen.getDisplayMatching(bounds).workArea;
  const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return overlapX >= 100 && overlapY >= 50;
}
