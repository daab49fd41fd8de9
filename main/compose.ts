import type { MediaShell } from './services/media-actions';
import type { FilePicker } from './services/attachments';
import type { Handlers } from './contract/ipc';
import type { WorkspaceKind } from './contract/model';
import { systemTimeZone } from './domain/zoned-time';
import { createHandlers } from './ipc/handlers';
import { CloudApiProvider } from './providers/cloud-api/cloud-api-provider';
import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_GRAPH_TIMEOUT_MS,
  DEFAULT_GRAPH_VERSION,
} from './providers/cloud-api/graph-settings';
import { testConnection } from './providers/cloud-api/test-connection';
import { CmComProvider } from './providers/cm-com/cm-provider';
import { DEFAULT_CM_BASE_URL, DEFAULT_CM_TIMEOUT_MS } from './providers/cm-com/cm-settings';
import { testConnection as testCmConnection } from './providers/cm-com/test-connection';
import { noAccountProvider } from './providers/no-account';
import { SimulatorProvider } from './providers/simulator';
import { AccountService } from './services/account';
import { BackupService } from './services/backups';
import type {
  CloudApi,
  GatewayApi,
  GatewayTarget,
  SecretStore,
  StartReceiver,
} from './services/account-ports';
import { randomPick, type PickOne } from './services/demo/pick';
import { DemoSimulation } from './services/demo/simulate-inbound';
import { randomIds, type IdFactory } from './services/ids';
import { silentNotifier, type Notifier } from './services/notifier';
import type { Clock, Logger, MessagingProvider, Publisher, Scheduler } from './services/ports';
import { noLoginItem, OpenAtLogin, type LoginItem } from './services/open-at-login';
import { WorkspaceSession } from './services/workspace-session';
import { Workspaces } from './services/workspaces';
import { openAppState, type AppStateStore } from './store/app-state';
import { workspaceDir } from './store/workspace-paths';
import { settleDefaultCountry } from './services/default-country';

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
  /** The computer's region, e.g. "NL" (Electron: app.getLocaleCountryCode()): a new workspace's default country. */
  systemCountry?: string | null;
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
  /** What the demo's simulated customers choose to write; random unless a test pins it. */
  pick?: PickOne;
  /**
   * Where the WhatsApp credentials are kept (Electron: safeStorage; the preview host: memory for the
   * session). Without one, connecting a number is refused: nothing is ever stored in plain text.
   */
  secrets?: SecretStore;
  /** Starts the local webhook receiver (platform/node); without one, a connected number cannot receive. */
  startReceiver?: StartReceiver;
  /** The Graph API for new connections, e.g. a fake server in the tests; defaults to Meta's. */
  graphBaseUrl?: string;
  /** CM.com's messaging gateway for new connections, e.g. a fake server in the tests; defaults to CM.com's. */
  cmBaseUrl?: string;
  /** The webhook receiver's port for new connections (0: any free port, for tests); default 8787. */
  webhookPort?: number;
  /** This CareWindow's version, written into each backup's manifest (Electron: app.getVersion()). */
  appVersion?: string;
  /** The computer's "open at login" entry (Electron's login items); without one, nothing is changed. */
  loginItem?: LoginItem;
  /** Opens media files and links, and the save dialog (Electron's shell); absent: those calls are refused. */
  mediaShell?: MediaShell;
  /** The open-file dialog for files the owner sends (Electron's); absent: only dropped files are sent. */
  filePicker?: FilePicker;
}

export interface CareWindow {
  readonly handlers: Handlers;
  readonly appState: AppStateStore;
  /** The simulator behind the demo (or the one the tests passed in); null when a real provider is connected. */
  readonly simulator: SimulatorProvider | null;
  readonly backups: BackupService;
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
  const { clock, publisher } = ports;
  const ids = ports.ids ?? randomIds;
  const simulator =
    ports.provider instanceof SimulatorProvider
      ? ports.provider
      : ports.provider
        ? null
        : new SimulatorProvider(ports.scheduler, () => clock.now(), ids);
  // The simulator never serves the owner's real workspace: simulated ticks must not enter real history.
  const providerFor = (kind: WorkspaceKind): MessagingProvider =>
    ports.provider ??
    (kind === 'demo' && simulator
      ? simulator
      : kind === 'real'
        ? (account.provider() ?? noAccountProvider)
        : noAccountProvider);
  const notifier =
    ports.notifier ??
    silentNotifier(
      'This version of CareWindow cannot show desktop notifications here; reminders appear inside the app.',
    );
  const appState = await openAppState(ports.dataRoot);
  const openAtLogin = new OpenAtLogin(ports.loginItem ?? noLoginItem, ports.log);
  // Late-bound: the account reopens the real workspace, and the workspaces ask the account for its provider.
  let opened: Workspaces | null = null;
  let backups: BackupService | null = null;
  const account = await AccountService.open({
    dir: workspaceDir(ports.dataRoot, 'real'),
    secrets: ports.secrets ?? noSecretStore,
    cloudApi: cloudApi(ports.log),
    gateway: cmCom(ports.log),
    ...(ports.cmBaseUrl === undefined ? {} : { gatewayBaseUrl: ports.cmBaseUrl }),
    startReceiver: ports.startReceiver ?? noReceiver,
    clock,
    log: ports.log,
    publisher,
    providerChanged: async () => {
      await opened?.reopen('real');
      // Connected again (a new token, say): what waited for it, backoffs included, goes out now.
      if (opened?.kind() === 'real' && account.provider()) opened.session().outbox.reconnect();
    },
    sendingOnHold: () => {
      const hold = opened?.kind() === 'real' ? opened.session().outbox.stopped() : null;
      return hold ? `Messages wait to be sent: ${hold.reason}. ${hold.action}` : null;
    },
    ...(ports.graphBaseUrl === undefined ? {} : { graphBaseUrl: ports.graphBaseUrl }),
    ...(ports.webhookPort === undefined ? {} : { webhookPort: ports.webhookPort }),
  });

  // The backups (their settings and folder) open while the workspace does: their reads overlap its parsing.
  const backupsOpening = BackupService.open({
    dataRoot: ports.dataRoot,
    clock,
    scheduler: ports.scheduler,
    publisher,
    log: ports.log,
    appVersion: ports.appVersion ?? 'development',
    timeZone: () => opened?.session().store.settings().timeZone ?? ports.systemTimeZone ?? systemTimeZone(),
    flush: () => (opened?.kind() === 'real' ? opened.session().store.flush() : Promise.resolve()),
    replaceAndOpen: (kind, replace) => {
      if (!opened) throw new Error('A backup was restored before the workspaces were open.');
      return opened.replaceAndOpen(kind, replace);
    },
  });
  // Not left unhandled while the workspace opens; awaited (and so thrown) just below.
  backupsOpening.catch(() => undefined);
  const workspaces = await Workspaces.start({
    appState,
    open: async (kind) => {
      const templateSource = kind === 'real' && !ports.provider ? account.templateSource() : null;
      const mediaSource = kind === 'real' && !ports.provider ? account.mediaSource() : null;
      const templateSubmitter = kind === 'real' && !ports.provider ? account.templateSubmitter() : null;
      const session = await WorkspaceSession.open(kind, {
        ...ports,
        ids,
        notifier,
        provider: providerFor(kind),
        ...(templateSource ? { templateSource } : {}),
        ...(mediaSource ? { mediaSource } : {}),
        ...(templateSubmitter ? { templateSubmitter } : {}),
        sendingHoldChanged: () => publisher.publish('account:changed', account.status()),
        settingsSaved: (settings) => openAtLogin.follow(kind, settings),
      });
      await settleDefaultCountry(session.store, ports.systemCountry, ports.systemLocale);
      openAtLogin.follow(kind, session.settings.current());
      return session;
    },
    isAccount: (kind) => providerFor(kind).isAccount,
    publisher,
    log: ports.log,
    offerRestore: (problems) => backups?.offersFor(problems) ?? problems,
  });
  opened = workspaces;
  backups = await backupsOpening;
  backups.start();
  const backupService = backups;
  const demo = new DemoSimulation({
    customers: simulator,
    activeWorkspace: () => workspaces.kind(),
    contact: (contactId) => workspaces.session().store.contact(contactId),
    clock,
    ids,
    pick: ports.pick ?? randomPick,
  });

  return {
    handlers: createHandlers({ workspaces, demo, clock, account, backups: backupService }),
    appState,
    simulator,
    backups: backupService,
    session: () => workspaces.session(),
    clockChanged: () => {
      publisher.publish('clock:changed', { now: clock.now() });
      workspaces.session().clockChanged();
    },
    close: async () => {
      await backupService.close();
      await workspaces.close();
      await account.close();
      await appState.close();
    },
  };
}

/** The WhatsApp Cloud API client (providers/cloud-api) behind the AccountService's port. */
function cloudApi(log: Logger): CloudApi {
  return {
    defaults: {
      baseUrl: DEFAULT_GRAPH_BASE_URL,
      version: DEFAULT_GRAPH_VERSION,
      timeoutMs: DEFAULT_GRAPH_TIMEOUT_MS,
    },
    test: (target) => testConnection(target),
    provider: (target) => new CloudApiProvider(target, log),
  };
}

/** CM.com's Business Messaging API (providers/cm-com) as the AccountService's second provider. */
function cmCom(log: Logger): GatewayApi {
  const account = (target: GatewayTarget) => ({
    baseUrl: target.baseUrl,
    productToken: target.token,
    sender: target.sender,
    templateNamespace: target.templateNamespace,
    timeoutMs: target.timeoutMs,
  });
  return {
    kind: 'cm-com',
    defaults: { baseUrl: DEFAULT_CM_BASE_URL, timeoutMs: DEFAULT_CM_TIMEOUT_MS },
    test: (target) => testCmConnection(account(target)),
    provider: (target) => new CmComProvider(() => account(target()), log),
  };
}

/** A host without a secret store (some tests): connecting is refused, never stored in plain text. */
const noSecretStore: SecretStore = {
  storage: () => ({
    kind: 'unavailable',
    reason: 'This version of CareWindow has no safe place for credentials here, so it will not store them.',
  }),
  get: () => Promise.resolve(null),
  set: () => Promise.reject(new Error('No secret store in this host.')),
  delete: () => Promise.resolve(),
};

const noReceiver: StartReceiver = () => Promise.reject(new Error('This host cannot receive webhooks.'));
