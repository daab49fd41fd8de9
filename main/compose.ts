import { AppError } from './contract/errors';
import type { Handlers } from './contract/ipc';
import type { DataProblem, Message, WorkspaceInfo, WorkspaceKind } from './contract/model';
import { noAccountProvider } from './providers/no-account';
import { SimulatorProvider } from './providers/simulator';
import { seedDemoWorkspace } from './services/demo/seed-demo';
import { SIMULATED_INBOUND } from './services/demo/demo-scripts';
import { randomIds, type IdFactory } from './services/ids';
import { silentNotifier, type Notifier } from './services/notifier';
import type { Clock, Logger, MessagingProvider, Publisher, Scheduler } from './services/ports';
import { WorkspaceSession } from './services/workspace-session';
import { openAppState, type AppStateStore } from './store/app-state';
import { openWorkspaceStore } from './store/open-workspace';
import { openReminderLog } from './store/reminder-log';
import { removeWorkspace, workspaceDir } from './store/workspace-paths';
import { SerialQueue } from './store/serial-queue';

/** What a host (Electron, or the preview/test host) provides. Everything else is built here. */
export interface HostPorts {
  /** The folder that holds app.json and the workspaces. */
  dataRoot: string;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  log: Logger;
  /** The computer's locale, e.g. "nl-NL": the default for formats and for numbers typed without +country. */
  systemLocale: string;
  ids?: IdFactory;
  /**
   * The messaging connection for every workspace (a WhatsApp account; the tests pass a simulator). Without
   * one, the demo runs on the offline simulator and the owner's real workspace sends nothing.
   */
  provider?: MessagingProvider;
  /** Desktop notifications and the tray/dock badge; without one, reminders appear only inside the app. */
  notifier?: Notifier;
  /** The computer's time zone (IANA); defaults to what Intl reports. */
  systemTimeZone?: string;
}

export interface CareWindow {
  readonly handlers: Handlers;
  readonly appState: AppStateStore;
  /** The simulator behind the demo (or the one the tests passed in); null when a real provider is connected. */
  readonly simulator: SimulatorProvider | null;
  session(): WorkspaceSession;
  /** The clock jumped (sleep/resume, a time change, the preview host): recompute every window. */
  clockChanged(): void;
  close(): Promise<void>;
}

/**
 * The composition root shared by the Electron app (main/index.ts) and the preview host: builds the
 * store, the services and the IPC handlers. Hosts differ only in the ports they pass in.
 */
export async function startCareWindow(ports: HostPorts): Promise<CareWindow> {
  const { clock, log, publisher } = ports;
  const ids = ports.ids ?? randomIds;
  const simulator =
    ports.provider instanceof SimulatorProvider
      ? ports.provider
      : ports.provider
        ? null
        : new SimulatorProvider(ports.scheduler, () => clock.now(), ids);
  // The simulator never serves the owner's real workspace: simulated ticks must not enter real history.
  const providerFor = (kind: WorkspaceKind): MessagingProvider =>
    ports.provider ?? (kind === 'demo' && simulator ? simulator : noAccountProvider);
  const appState = await openAppState(ports.dataRoot);
  const notifier =
    ports.notifier ??
    silentNotifier(
      'This version of CareWindow cannot show desktop notifications here; reminders appear inside the app.',
    );

  let dismissed = false;
  let session = await openSession(appState.get().activeWorkspace);

  async function openSession(kind: WorkspaceKind): Promise<WorkspaceSession> {
    const dir = workspaceDir(ports.dataRoot, kind);
    if (kind === 'demo') await removeWorkspace(ports.dataRoot, 'demo');
    const store = await openWorkspaceStore(dir, { now: () => clock.now(), log });
    if (kind === 'demo') await seedDemoWorkspace(store, clock.now(), ids);
    const reminderLog = await openReminderLog(dir, { now: () => clock.now(), log });
    const opened = new WorkspaceSession({
      ...ports,
      store,
      provider: providerFor(kind),
      ids,
      reminderLog,
      notifier,
    });
    // Template sends the last run left without the provider's answer: explained, never resent.
    await opened.followUps.recover();
    return opened;
  }

  /**
   * One switch at a time (two would open two sessions on one folder), and a switch that fails to open
   * the new workspace goes back to the one that was open, so the app never sits on a closed session.
   */
  const switching = new SerialQueue();
  function switchTo(kind: WorkspaceKind): Promise<WorkspaceInfo> {
    return switching.run(async () => {
      const previous = appState.get().activeWorkspace;
      await session.close();
      try {
        session = await openSession(kind);
      } catch (error) {
        log.error('Could not open a workspace; going back', { kind, error: String(error) });
        session = await openSession(previous);
        throw error;
      }
      await appState.save({ activeWorkspace: kind });
      dismissed = false;
      const info = workspaceInfo();
      publisher.publish('workspace:changed', info);
      return info;
    });
  }

  function problems(): DataProblem[] {
    return dismissed ? [] : [...appState.problems, ...session.store.problems, ...session.reminders.problems];
  }

  function workspaceInfo(): WorkspaceInfo {
    return {
      kind: appState.get().activeWorkspace,
      dataDir: session.store.dir,
      accountConfigured: providerFor(appState.get().activeWorkspace).isAccount,
      problems: problems(),
    };
  }

  async function simulateInbound(contactId: string, text: string | undefined): Promise<Message> {
    if (!simulator || appState.get().activeWorkspace !== 'demo') {
      throw new AppError({
        code: 'invalid-input',
        message: 'Simulated messages are only available in the demo workspace.',
      });
    }
    const contact = session.store.contact(contactId);
    if (!contact) throw new AppError({ code: 'not-found', message: 'This contact no longer exists.' });
    const body =
      text?.trim() || SIMULATED_INBOUND[Math.floor(Math.random() * SIMULATED_INBOUND.length)] || 'Hi!';
    const providerId = `sim.${ids()}`;
    await simulator.deliver({
      from: contact.phone,
      profileName: contact.name,
      text: body,
      at: clock.now(),
      providerId,
    });
    const page = await session.store.history(contactId, { limit: 1 });
    const stored = page.messages.find((m) => m.providerId === providerId);
    if (!stored)
      throw new AppError({ code: 'internal', message: 'The simulated message was not stored. Try again.' });
    return stored;
  }

  const handlers: Handlers = {
    contacts: {
      list: () => session.contacts.list(),
      get: (id) => session.contacts.row(id),
      create: (draft) => session.contacts.create(draft),
      update: (id, draft, expectedUpdatedAt) => session.contacts.update(id, draft, expectedUpdatedAt),
      setMuted: (id, muted) => session.contacts.setMuted(id, muted),
      confirmOptIn: (id) => session.consent.confirmOptIn(id),
    },
    conversation: {
      history: (contactId, query) => session.conversation.history(contactId, query),
      sendText: (contactId, text) => session.conversation.sendText(contactId, text),
      sendTemplate: (contactId, templateId) => session.followUps.sendTemplate(contactId, templateId),
    },
    templates: {
      list: () => session.templates.list(),
      save: (draft, id) => session.templates.save(draft, id),
      remove: async (id) => {
        await session.templates.remove(id);
        return null;
      },
    },
    followUps: {
      preview: (contactId, templateId) => session.followUps.preview(contactId, templateId),
      send: (contactId, templateId) => session.followUps.send(contactId, templateId),
      overview: () => session.followUps.overview(),
      sendAll: (items) => session.followUps.sendAll(items),
    },
    reminders: {
      upcoming: () => session.reminders.upcoming(),
      snooze: (id, mode) => session.reminders.snooze(id, mode),
    },
    notifications: {
      centre: () => session.reminders.centre(),
      markRead: (ids) => session.reminders.markRead(ids),
    },
    settings: {
      get: () => session.settings(),
      update: (patch) => session.updateSettings(patch),
    },
    workspace: {
      info: () => workspaceInfo(),
      startReal: () => switchTo('real'),
      openDemo: () => switchTo('demo'),
      dismissProblems: () => {
        dismissed = true;
        return workspaceInfo();
      },
    },
    demo: {
      simulateInbound: (contactId, text) => simulateInbound(contactId, text),
    },
    clock: {
      now: () => clock.now(),
    },
  };

  return {
    handlers,
    appState,
    simulator,
    session: () => session,
    clockChanged: () => {
      publisher.publish('clock:changed', { now: clock.now() });
      session.clockChanged();
    },
    close: async () => {
      await session.close();
      await appState.close();
    },
  };
}
