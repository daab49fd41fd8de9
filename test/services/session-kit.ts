import { startCareWindow, type CareWindow, type HostPorts } from '../../main/compose';
import type { AccountCredentials } from '../../main/contract/account';
import { webhookReceiverStarter } from '../../main/platform/node/start-webhook-receiver';
import { SimulatorProvider } from '../../main/providers/simulator';
import { silentNotifier } from '../../main/services/notifier';
import type { Logger, Publisher } from '../../main/services/ports';
import type { OpenSessionDeps } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import type { FakeGraphApi } from '../support/fake-graph-api';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';
import { T0 } from './harness';

/** What WorkspaceSession.open needs, on a real data folder with a fake clock and the simulator. */
export function sessionDeps(dataRoot: string) {
  const clock = new FakeClock(T0);
  const publisher = new RecordingPublisher();
  const simulator = new SimulatorProvider(clock, () => clock.now(), sequentialIds);
  const deps: OpenSessionDeps = {
    dataRoot,
    clock,
    scheduler: clock,
    publisher,
    provider: simulator,
    log: silentLog,
    ids: sequentialIds,
    systemLocale: 'nl-NL',
    systemTimeZone: 'Europe/Amsterdam',
    notifier: silentNotifier('Tests show no desktop notifications.'),
  };
  return { deps, clock, publisher, simulator };
}

/** The app secret the account tests connect with: 32 hex characters, as Meta's are. */
export const APP_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** The four values the owner pastes from Meta, here for the fake Graph API's number and account. */
export function accountCredentials(
  graph: FakeGraphApi,
  change: Partial<AccountCredentials> = {},
): AccountCredentials {
  return {
    phoneNumberId: graph.phoneNumberId,
    wabaId: graph.wabaId,
    accessToken: graph.token,
    appSecret: APP_SECRET,
    ...change,
  };
}

/**
 * The whole app through the real composition root, as the desktop host starts it, but with a fake clock
 * at `start`, the fake Graph API instead of Meta's, and the webhook receiver on a free port.
 */
export function startOnFakeGraph(options: {
  dataRoot: string;
  graph: FakeGraphApi;
  start: number;
  publisher: Publisher;
  log: Logger;
  /** null: a machine without a secret store. */
  secrets: NonNullable<HostPorts['secrets']> | null;
}): Promise<CareWindow> {
  const { dataRoot, graph, publisher, log, secrets } = options;
  const clock = new FakeClock(options.start);
  return startCareWindow({
    dataRoot,
    clock,
    scheduler: clock,
    publisher,
    log,
    systemLocale: 'nl-NL',
    systemTimeZone: 'Europe/Amsterdam',
    ...(secrets ? { secrets } : {}),
    startReceiver: webhookReceiverStarter(clock, log),
    graphBaseUrl: graph.baseUrl,
    webhookPort: 0,
  });
}
