import type { z } from 'zod';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCareWindow, type CareWindow } from '../../main/compose';
import { createBridgeApi, type BridgeTransport } from '../../main/contract/client';
import { AppErrorShape, type Envelope } from '../../main/contract/errors';
import {
  callChannels,
  calls as contractCalls,
  type BridgeApi,
  type EventName,
  type EventPayload,
} from '../../main/contract/ipc';
import type { WorkspaceKind } from '../../main/contract/model';
import { registerHandlers, type HandlerTransport } from '../../main/ipc/router';
import { RecordingNotifier } from '../../main/platform/preview/recording-notifier';
import { SimulatorProvider } from '../../main/providers/simulator';
import { openAppState } from '../../main/store/app-state';
import type { Publisher, StatusUpdate } from '../../main/services/ports';
import { FakeClock } from './fake-clock';
import { sequentialIds, silentLog } from './recorders';

export { DAY, HOUR, MINUTE, SECOND } from '../../main/domain/durations';

type Route = (args: unknown[]) => Promise<Envelope<unknown>>;
type Listener = (payload: unknown) => void;

/** One call that crossed the bridge, as the renderer made it. */
export interface BridgeCall {
  channel: string;
  args: unknown[];
}

export interface HostOptions {
  /** Main's clock when the app starts; seed scripts move it forward from there. */
  startAt: number;
  /**
   * The workspace open at start: the owner's own (empty) one, as after "Start my own workspace" in an
   * earlier run, unless the test is about the demo (seeding the demo costs every test half a second).
   */
  workspace?: WorkspaceKind;
  /**
   * Runs each pushed event; the renderer's tests pass React's `act`, as an update from the main process
   * arrives outside any user action.
   */
  deliver?: (run: () => void) => void;
  /** The computer's region (Electron: app.getLocaleCountryCode()), the workspace's first default country; default NL. */
  systemCountry?: string | null;
}

/**
 * The real main process in this process, for the renderer's tests: the composition root on a temp
 * folder with a fake clock, its handlers registered through the router (which validates every call),
 * and `window.careWindow` built from the contract by the same `createBridgeApi` the preload uses. The
 * transport stands in for Electron's IPC: values are structured-cloned both ways, and events arrive
 * a moment after they were published, in order, before the answer of the call that caused them (one
 * pipe carries both in Electron too).
 */
export class InProcessHost implements HandlerTransport, BridgeTransport, Publisher {
  readonly clock: FakeClock;
  readonly notifier = new RecordingNotifier();
  /**
   * Plays WhatsApp: `deliver(...)` is a customer writing, `refuseNext` a refused send, `reportStatus` a
   * delivery report arriving later (a failure after the send was accepted, say).
   */
  readonly simulator: PlayedProvider;
  /** Every call the renderer made, oldest first. */
  readonly calls: BridgeCall[] = [];
  readonly bridge: BridgeApi;
  private readonly routes = new Map<string, Route>();
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly faults = new Map<string, AppErrorShape[]>();
  private readonly canned = new Map<string, unknown>();
  private readonly interleaved = new Map<string, () => Promise<void>>();
  private deliver: (run: () => void) => void;
  private started: CareWindow | null = null;
  private dataRoot: string | null = null;

  private constructor(options: HostOptions) {
    this.clock = new FakeClock(options.startAt);
    this.simulator = new PlayedProvider(this.clock, () => this.clock.now(), sequentialIds);
    this.deliver = options.deliver ?? ((run) => run());
    this.bridge = createBridgeApi(this);
  }

  /** Starts the app on a fresh temp folder, removed again by close(). */
  static async start(options: HostOptions): Promise<InProcessHost> {
    const host = new InProcessHost(options);
    host.dataRoot = await mkdtemp(join(tmpdir(), 'carewindow-renderer-'));
    if ((options.workspace ?? 'real') === 'real') {
      const earlierRun = await openAppState(host.dataRoot);
      await earlierRun.save({ activeWorkspace: 'real' });
      await earlierRun.close();
    }
    host.started = await startCareWindow({
      dataRoot: host.dataRoot,
      clock: host.clock,
      scheduler: host.clock,
      publisher: host,
      log: silentLog,
      systemLocale: 'en-GB',
      systemCountry: options.systemCountry === undefined ? 'NL' : options.systemCountry,
      ids: sequentialIds,
      notifier: host.notifier,
      systemTimeZone: 'Europe/Amsterdam',
      provider: host.simulator,
    });
    registerHandlers(host, host.app.handlers, silentLog);
    return host;
  }

  get app(): CareWindow {
    if (!this.started) throw new Error('The host has not started.');
    return this.started;
  }

  /** The handlers without the bridge, for seeding data the way the owner would have entered it. */
  get handlers(): CareWindow['handlers'] {
    return this.app.handlers;
  }

  /** Sets how pushed events run, e.g. inside React's act() once the app is rendered. */
  deliverWith(deliver: (run: () => void) => void): void {
    this.deliver = deliver;
  }

  /** Moves main's clock forward to `at`, running what falls due on the way. */
  async advanceTo(at: number): Promise<void> {
    this.clock.advance(at - this.clock.now());
    await this.idle();
  }

  /** Main's clock jumped (sleep, a time change): the app recomputes and tells the renderer. */
  async jumpTo(at: number): Promise<void> {
    this.clock.jump(at - this.clock.now());
    this.app.clockChanged();
    await this.idle();
  }

  /** Lets the work that timers and pushes started finish (file writes, batched row pushes). */
  async idle(): Promise<void> {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    // Reminders are shown only once their record is on disk: on a busy machine that write outlasts a few
    // turns, and a notification the test then clicks would not have been shown yet.
    await this.started?.session().reminders.idle();
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /**
   * Makes the next call to `channel` ("followUps.send" or "followUps:send") fail in transit with this
   * error, as a full disk or a lost connection would. Only for failures the real app cannot be brought
   * to on a temp folder; refusals by the rules come from the real services.
   */
  failNext(channel: string, error: z.input<typeof AppErrorShape>): void {
    const name = channelOf(channel);
    // Only an error main could send: the contract's schema, as for a real answer.
    this.faults.set(name, [...(this.faults.get(name) ?? []), AppErrorShape.parse(error)]);
  }

  /**
   * Answers the next call to `channel` with `value` instead of main, checked against the channel's
   * result schema in the contract. For sizes a temp folder cannot be seeded with in a test's time (the
   * 10,000-contact list); everything else comes from the real services.
   */
  answerNext(channel: string, value: unknown): void {
    const name = channelOf(channel);
    const [area, method] = name.split(':') as [string, string];
    const schema = (contractCalls as unknown as Record<string, Record<string, { result: z.ZodType }>>)[
      area
    ]?.[method]?.result;
    if (!schema) throw new Error(`No result schema for ${channel}`);
    this.canned.set(name, schema.parse(value));
  }

  /**
   * Runs `meanwhile` in main after the next call to `channel` left the renderer and before main handles
   * it: something that happened in between (a customer's message), which the renderer cannot know yet.
   */
  beforeNext(channel: string, meanwhile: () => Promise<void>): void {
    this.interleaved.set(channelOf(channel), meanwhile);
  }

  /** The arguments of every call to `channel` ("contacts.create"), oldest first. */
  callsTo(channel: string): unknown[][] {
    const name = channelOf(channel);
    return this.calls.filter((call) => call.channel === name).map((call) => call.args);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Pushes an event as main would, for events the test needs at a moment of its choosing. */
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const copy = structuredClone(payload);
    queueMicrotask(() => {
      for (const listener of [...(this.listeners.get(event) ?? [])]) this.deliver(() => listener(copy));
    });
  }

  handle(channel: string, route: Route): void {
    this.routes.set(channel, route);
  }

  async invoke(channel: string, args: unknown[]): Promise<Envelope<unknown>> {
    const sent = structuredClone(args);
    this.calls.push({ channel, args: structuredClone(args) });
    const fault = this.faults.get(channel)?.shift();
    if (fault) return { ok: false, error: fault };
    if (this.canned.has(channel)) {
      const value = this.canned.get(channel);
      this.canned.delete(channel);
      return { ok: true, value: structuredClone(value) };
    }
    const meanwhile = this.interleaved.get(channel);
    this.interleaved.delete(channel);
    await meanwhile?.();
    const route = this.routes.get(channel);
    if (!route) return { ok: false, error: { code: 'invalid-input', message: `Unknown call: ${channel}` } };
    const envelope = await route(sent);
    // Let the events this call published reach the renderer before its answer, as over Electron's pipe.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return structuredClone(envelope);
  }

  subscribe(event: EventName, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    // Let writes that timers started finish first: closing under them leaves files being written.
    await this.idle();
    await this.started?.close();
    if (this.dataRoot !== null)
      await rm(this.dataRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  }
}

/** The offline simulator, plus delivery reports on demand (the simulator itself only ever succeeds). */
export class PlayedProvider extends SimulatorProvider {
  private readonly reportListeners = new Set<(update: StatusUpdate) => Promise<unknown>>();

  override onStatus(listener: (update: StatusUpdate) => Promise<unknown>): () => void {
    this.reportListeners.add(listener);
    const off = super.onStatus(listener);
    return () => {
      this.reportListeners.delete(listener);
      off();
    };
  }

  /** WhatsApp reports on a message it accepted earlier. Resolves once the app has taken the report. */
  async reportStatus(update: StatusUpdate): Promise<void> {
    await Promise.all([...this.reportListeners].map((listener) => listener(update)));
  }
}

/** "followUps.send" or "followUps:send" as the contract's channel name; a name it lacks is a test's typo. */
function channelOf(name: string): string {
  const channel = name.replace('.', ':');
  if (!callChannels.some(([, , known]) => known === channel)) throw new Error(`No channel ${name}`);
  return channel;
}
