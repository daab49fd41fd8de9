import { startCareWindow, type CareWindow } from '../../main/compose';
import { FakeClock } from '../support/fake-clock';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';

export const T0 = Date.parse('2026-11-24T14:20:00Z');

export interface Harness {
  app: CareWindow;
  clock: FakeClock;
  publisher: RecordingPublisher;
  dataRoot: string;
}

/** The real composition root on a real temp folder, with a fake clock and a recording publisher. */
export async function startApp(dataRoot: string, clock = new FakeClock(T0)): Promise<Harness> {
  const publisher = new RecordingPublisher();
  const app = await startCareWindow({
    dataRoot,
    clock,
    scheduler: clock,
    publisher,
    log: silentLog,
    systemLocale: 'nl-NL',
    ids: sequentialIds,
  });
  return { app, clock, publisher, dataRoot };
}

/** Lets microtask-batched pushes go out. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
