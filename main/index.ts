import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { startCareWindow, type CareWindow } from './compose';
import { registerHandlers } from './ipc/router';
import { chooseDataRoot } from './platform/data-root';
import { fileLogger } from './platform/node/file-logger';
import { webhookReceiverStarter } from './platform/node/start-webhook-receiver';
import { nodeScheduleScheduler } from './platform/node/schedule-scheduler';
import { systemClock } from './platform/node/system-clock';
import { watchClockJumps } from './platform/node/clock-jump-detector';
import { isAppUrl, rendererDir } from './platform/electron/app-url';
import { electronMediaShell } from './platform/electron/media-shell';
import { electronFilePicker } from './platform/electron/file-picker';
import { registerAppScheme, serveRenderer } from './platform/electron/app-protocol';
import { ElectronTransport } from './platform/electron/ipc-transport';
import { hardenSessions } from './platform/electron/hardening';
import { createMainWindow } from './platform/electron/main-window';
import { createBadge, type BadgeDisplay } from './platform/electron/badge';
import { electronNotifier } from './platform/electron/notifier';
import { safeStorageSecrets } from './platform/electron/safe-storage-secrets';
import { electronLoginItem, startedHidden } from './platform/electron/login-item';
import { electronSystemCountry } from './platform/electron/system-country';

/** The Electron entry: wires Electron's adapters into the shared composition root (main/compose.ts). */

app.setAppUserModelId('app.carewindow.desktop');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would be a second writer on the same data files.
  app.quit();
} else {
  let careWindow: CareWindow | null = null;
  let mainWindow: BrowserWindow | null = null;
  let badge: BadgeDisplay | null = null;
  const log = fileLogger(app.getPath('logs'));
  const dataRoot = chooseDataRoot({
    isPackaged: app.isPackaged,
    env: process.env,
    argv: process.argv,
    userData: app.getPath('userData'),
  });
  if (dataRoot.ignored !== undefined) log.warn(dataRoot.ignored);

  const showMainWindow = () => {
    if (!careWindow) return;
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(careWindow.appState);
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  /** Brings the window forward and resolves once its page is loaded (a new window must load first). */
  const focusForNotification = (): Promise<void> => {
    showMainWindow();
    const contents = mainWindow?.webContents;
    if (!contents || !contents.isLoading()) return Promise.resolve();
    return new Promise((resolve) => contents.once('did-finish-load', () => resolve()));
  };

  app.on('second-instance', showMainWindow);

  app
    .whenReady()
    .then(async () => {
      hardenSessions(log);
      // Media at /media/… come from the open workspace, whichever it is at the time of the request.
      serveRenderer(rendererDir(), () => {
        try {
          return careWindow?.session().store.dir ?? null;
        } catch {
          return null;
        }
      });
      const transport = new ElectronTransport(isAppUrl, log);
      badge = createBadge({
        window: () => mainWindow,
        show: showMainWindow,
        quit: () => app.quit(),
      });
      const notifier = electronNotifier({ focus: focusForNotification, badge, log });
      careWindow = await startCareWindow({
        dataRoot: dataRoot.dir,
        clock: systemClock,
        scheduler: nodeScheduleScheduler(systemClock),
        publisher: transport,
        log,
        systemLocale: app.getLocale(),
        systemCountry: electronSystemCountry(),
        notifier,
        // safeStorage answers only after 'ready' (on Linux the backend is 'unknown' before).
        secrets: await safeStorageSecrets(dataRoot.dir, { now: () => systemClock.now(), log }),
        startReceiver: webhookReceiverStarter(systemClock, log),
        appVersion: app.getVersion(),
        loginItem: electronLoginItem,
        mediaShell: electronMediaShell,
        filePicker: electronFilePicker,
      });
      registerHandlers(transport, careWindow.handlers, log);
      const recompute = () => careWindow?.clockChanged();
      powerMonitor.on('resume', recompute);
      powerMonitor.on('unlock-screen', recompute);
      watchClockJumps(recompute);
      // Started with the computer (open at login): stay in the tray or dock until the owner opens it.
      if (!startedHidden(process.argv)) showMainWindow();
      app.on('activate', showMainWindow);
    })
    .catch((error: unknown) => {
      log.error('CareWindow could not start', { error: String(error) });
      dialog.showErrorBox(
        'CareWindow could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nYour data was not changed. Check that the disk is not full and that you can write to ${dataRoot.dir}, then start CareWindow again.`,
      );
      // The log writes in the background: let the reason reach the disk before the process ends.
      void log.close().finally(() => app.exit(1));
    });

  app.on('window-all-closed', () => {
    // Reminders must keep arriving with the window closed: on Windows the app stays in the tray (its menu
    // quits), on macOS in the dock. Elsewhere there is no tray, so closing the window quits.
    if (process.platform !== 'win32' && process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !careWindow) return;
    // Flush batched summaries before the process ends.
    event.preventDefault();
    closing = true;
    void careWindow
      .close()
      .catch((error: unknown) => log.error('CareWindow did not close cleanly', { error: String(error) }))
      .then(() => log.close())
      .finally(() => {
        badge?.destroy();
        app.quit();
      });
  });
}
