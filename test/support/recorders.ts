import type { EventName, EventPayload } from '../../main/contract/ipc';
import type { Logger, Publisher } from '../../main/services/ports';

export class RecordingPublisher implements Publisher {
  readonly events: { event: EventName; payload: unknown }[] = [];

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.events.push({ event, payload });
  }

  of<E extends EventName>(event: E): EventPayload<E>[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
  }
}

export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let counter = 0;
/** Predictable ids, unique across a test run. */
export const sequentialIds = () => `id-${(++counter).toString().padStart(6, '0')}`;
