import { AppError } from '../../contract/errors';
import type { Contact, Message, WorkspaceKind } from '../../contract/model';
import type { IdFactory } from '../ids';
import type { Clock, InboundMessage } from '../ports';
import { SIMULATED_INBOUND } from './demo-scripts';
import type { PickOne } from './pick';

/** Plays a customer: hands a message to the app as the provider would, and says what was stored. */
export interface SimulatedCustomers {
  deliver(message: InboundMessage): Promise<Message | null>;
}

export interface DemoSimulationDeps {
  /** Null when a real provider is connected: nothing may be simulated then. */
  customers: SimulatedCustomers | null;
  /** The workspace open now. */
  activeWorkspace: () => WorkspaceKind;
  /** A contact of the workspace open now. */
  contact: (contactId: string) => Contact | undefined;
  clock: Clock;
  ids: IdFactory;
  pick: PickOne;
}

/**
 * "Simulate customer message" in the demo: the customer writes through the same inbound path as a
 * real message, so the window restarts and reminders move exactly as they would.
 */
export class DemoSimulation {
  constructor(private readonly deps: DemoSimulationDeps) {}

  /** Without a text, the customer writes one of the demo's lines. */
  async simulateInbound(contactId: string, text: string | undefined): Promise<Message> {
    const { customers, clock, ids, pick } = this.deps;
    // The owner's real workspace never receives simulated messages: they would enter real history.
    if (!customers || this.deps.activeWorkspace() !== 'demo') {
      throw new AppError({
        code: 'invalid-input',
        message: 'Simulated messages are only available in the demo workspace.',
      });
    }
    if (text !== undefined && text.trim() === '') {
      // The dialog sends no text for "a line of the demo"; a text of spaces is a slip, not that.
      throw new AppError({
        code: 'invalid-input',
        message: 'Type the customer’s message, or leave the box empty for a line of the demo.',
        fields: { text: 'Type the customer’s message.' },
      });
    }
    const contact = this.deps.contact(contactId);
    if (!contact) throw new AppError({ code: 'not-found', message: 'This contact no longer exists.' });
    const stored = await customers.deliver({
      from: contact.phone,
      profileName: contact.name,
      text: text?.trim() ?? pick(SIMULATED_INBOUND) ?? 'Hi!',
      at: clock.now(),
      providerId: `sim.${ids()}`,
    });
    if (!stored) {
      throw new AppError({ code: 'internal', message: 'The simulated message was not stored. Try again.' });
    }
    return stored;
  }
}
