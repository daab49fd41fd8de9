import { startCareWindow, type CareWindow } from '../../main/compose';
import type { Logger, Publisher } from '../../main/services/ports';
import { FakeClock } from '../support/fake-clock';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const nobody: Publisher = { publish: () => undefined };

/**
 * The app's composition root on a data root, as the Electron main process starts it (the owner's real
 * workspace, no WhatsApp account), with a clock that stands still at `now` so window states are those the
 * generator planned. Nothing is published anywhere: no renderer is listening.
 */
export async function openApp(dataRoot: string, now: number): Promise<{ app: CareWindow; clock: FakeClock }> {
  const clock = new FakeClock(now);
  const app = await startCareWindow({
    dataRoot,
    clock,
    scheduler: clock,
    publisher: nobody,
    log: quiet,
    systemLocale: 'en-GB',
    systemTimeZone: 'Europe/Amsterdam',
  });
  return { app, clock };
}
