import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { WorkspaceKind } from '../../main/contract/model';
import { SIMULATED_INBOUND } from '../../main/services/demo/demo-scripts';
import { DemoSimulation, type SimulatedCustomers } from '../../main/services/demo/simulate-inbound';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { SECOND } from '../../main/domain/durations';
import { SimulatorProvider } from '../../main/providers/simulator';
import { FakeClock } from '../support/fake-clock';
import { sequentialIds } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { sessionDeps } from './session-kit';

const tempDir = useTempDirs();
const sessions: WorkspaceSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

/** The seeded demo on a temp folder, with the simulator playing its customers unless told otherwise. */
async function demo() {
  const { deps, clock, simulator } = sessionDeps(await tempDir());
  const session = await WorkspaceSession.open('demo', deps);
  sessions.push(session);
  const simulationWith = (
    options: { workspace?: WorkspaceKind; customers?: SimulatedCustomers | null } = {},
  ) =>
    new DemoSimulation({
      customers: options.customers === undefined ? simulator : options.customers,
      activeWorkspace: () => options.workspace ?? 'demo',
      contact: (id) => session.store.contact(id),
      clock,
      ids: sequentialIds,
      pick: (choices) => choices[2],
    });
  const closed = session.contacts.list().find((row) => row.window.state === 'closed');
  if (!closed) throw new Error('the demo has no closed window');
  const history = async () => (await session.store.history(closed.contact.id, { limit: 100 })).messages;
  return {
    session,
    simulation: simulationWith(),
    simulationWith,
    simulator,
    clock,
    contactId: closed.contact.id,
    history,
  };
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe('simulating a customer message in the demo', () => {
  it('the customer writes the picked line; it is returned as stored and the window opens again', async () => {
    const { session, simulation, contactId, history } = await demo();

    const message = await simulation.simulateInbound(contactId, undefined);

    expect(message).toMatchObject({ contactId, direction: 'inbound', text: SIMULATED_INBOUND[2] });
    expect((await history()).at(-1)).toEqual(message);
    expect(session.contacts.row(contactId).window.state).toBe('open');
  });

  it('the customer writes the owner’s text when one is given', async () => {
    const { simulation, contactId } = await demo();
    const message = await simulation.simulateInbound(contactId, '  Is it ready?  ');
    expect(message.text).toBe('Is it ready?');
  });

  it('refuses a text of only spaces, storing nothing (no text at all is a line of the demo)', async () => {
    const { simulation, contactId, history } = await demo();
    const before = await history();
    const refused = await refusal(simulation.simulateInbound(contactId, '   '));
    expect(refused.code).toBe('invalid-input');
    expect(refused.fields).toEqual({ text: 'Type the customer’s message.' });
    expect(await history()).toEqual(before);
  });

  it('is refused outside the demo, and when a real provider is connected, storing nothing', async () => {
    const { simulationWith, contactId, history } = await demo();
    const before = await history();

    const inReal = await refusal(simulationWith({ workspace: 'real' }).simulateInbound(contactId, 'Hi'));
    expect(inReal.code).toBe('invalid-input');
    const connected = await refusal(simulationWith({ customers: null }).simulateInbound(contactId, 'Hi'));
    expect(connected.message).toContain('only available in the demo');
    expect(await history()).toEqual(before);
  });

  it('says so when the contact is gone, or when the message was not stored', async () => {
    const { simulation, simulationWith, contactId } = await demo();
    expect((await refusal(simulation.simulateInbound('no-such-contact', 'Hi'))).code).toBe('not-found');

    const lost = simulationWith({ customers: { deliver: () => Promise.resolve(null) } });
    expect((await refusal(lost.simulateInbound(contactId, 'Hi'))).code).toBe('internal');
  });
});

describe('the simulator’s customers', () => {
  it('get back the message as the app stored it, and nothing for a redelivery', async () => {
    const { simulator, history, session, clock, contactId } = await demo();
    const phone = session.store.contact(contactId)?.phone ?? '';
    const inbound = { from: phone, profileName: null, text: 'Hoi', at: clock.now(), providerId: 'sim.twice' };

    const stored = await simulator.deliver(inbound);

    expect(stored).toMatchObject({ contactId, text: 'Hoi', providerId: 'sim.twice' });
    expect((await history()).at(-1)).toEqual(stored);
    expect(await simulator.deliver(inbound)).toBeNull();
  });
});

describe('the simulator’s delivery ticks', () => {
  it('drops a tick the app can no longer record, instead of leaving an unhandled rejection', async () => {
    const clock = new FakeClock(Date.parse('2026-11-24T14:20:00Z'));
    const simulator = new SimulatorProvider(clock, () => clock.now(), sequentialIds);
    const seen: string[] = [];
    simulator.onStatus((update) => {
      seen.push(update.status);
      // As a session does after it closed: its store refuses the write.
      return Promise.reject(new Error('This workspace was closed; open it again to continue.'));
    });
    await simulator.send({ kind: 'text', to: '+31612345678', text: 'Hello' });
    clock.advance(10 * SECOND);
    // Vitest fails the run on an unhandled rejection; give the rejected ticks a turn to surface.
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['delivered', 'read']);
  });
});
