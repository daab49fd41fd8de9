import { startCareWindow, type CareWindow } from '../../main/compose';
import { RecordingNotifier } from '../../main/platform/preview/recording-notifier';
import { SimulatorProvider } from '../../main/providers/simulator';
import { FakeClock } from '../support/fake-clock';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';

export const T0 = Date.parse('2026-11-24T14:20:00Z');

export interface Harness {
  app: CareWindow;
  clock: FakeClock;
  publisher: RecordingPublisher;
  /** Desktop notifications and badges the app showed. */
  notifier: RecordingNotifier;
  dataRoot: string;
}

/** The real composition root on a real temp folder, with a fake clock and a recording publisher. */
export async function startApp(dataRoot: string, clock = new FakeClock(T0)): Promise<Harness> {
  const publisher = new RecordingPublisher();
  const notifier = new RecordingNotifier();
  // One simulator for every workspace, so tests can play the customer in the owner's real workspace too
  // (the app alone never connects the simulator to the real workspace).
  const simulator = new SimulatorProvider(clock, () => clock.now(), sequentialIds);
  const app = await startCareWindow({
    dataRoot,
    clock,
    scheduler: clock,
    publisher,
    log: silentLog,
    systemLocale: 'nl-NL',
    ids: sequentialIds,
    notifier,
    systemTimeZone: 'Europe/Amsterdam',
    provider: simulator,
  });
  return { app, clock, publisher, notifier, dataRoot };
}

/** Lets microtask-batched pushes go out. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
