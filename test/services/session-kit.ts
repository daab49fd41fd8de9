import { SimulatorProvider } from '../../main/providers/simulator';
import { silentNotifier } from '../../main/services/notifier';
import type { OpenSessionDeps } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
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
