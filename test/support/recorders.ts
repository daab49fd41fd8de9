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

/** Records events and lets a test wait for the next one of a kind, without sleeping. */
export class WaitingPublisher extends RecordingPublisher {
  private waiters: { event: EventName; resolve: () => void }[] = [];

  override publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    super.publish(event, payload);
    for (const waiter of this.waiters.filter((w) => w.event === event)) waiter.resolve();
    this.waiters = this.waiters.filter((w) => w.event !== event);
  }

  next(event: EventName): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ event, resolve }));
  }
}

export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let counter = 0;
/** Predictable ids, unique across a test run. */
export const sequentialIds = () => `id-${(++counter).toString().padStart(6, '0')}`;
