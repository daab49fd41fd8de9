import * as fsp from 'node:fs/promises';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { HOUR } from '../../main/domain/durations';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { nodeFs, type StoreFs } from '../../main/store/store-fs';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { SeededRandom } from './seeded-random';
import { contactOf, messagesOf, planContact, type ContactPlan } from './generated-people';
import { generatedTemplates } from './generated-templates';

/**
 * Makes a realistic workspace for the benches: many contacts, a few years of history, skewed (one very
 * long conversation, most customers a handful of messages), mixed languages and window states. Written
 * through the store's own public API (saveContacts, importMessages, updateMessage, saveSettings, saveTemplate), so the
 * files are in exactly the format the app writes, whatever that format becomes; only fsync is skipped
 * (a bench workspace need not survive a power cut, and 10,000 fsyncs would take most of the time).
 *
 * Other benches build on it (first screen in the browser, search): keep the signature stable. Bump
 * GENERATOR_VERSION whenever the output changes, so cached workspaces are made afresh.
 */
export const GENERATOR_VERSION = 2;

export interface GenerateOptions {
  contacts: number;
  /** Messages in all, the biggest contact's included. */
  messages: number;
  /** Messages of the one biggest contact. */
  biggest: number;
  /** How far back the history goes. */
  years: number;
  seed: number;
  /** The moment the history ends ("now" for the app); default 2026-11-25 12:00 UTC. */
  now?: number;
}

export interface GeneratedContact {
  id: string;
  messages: number;
}

export interface GeneratedWorkspace {
  dir: string;
  now: number;
  contacts: number;
  messages: number;
  biggest: GeneratedContact;
  /**
   * A few others, for benches that want more than the extreme: the second biggest, a median one, one
   * with a single message, one who never wrote, and one whose window is open now.
   */
  others: {
    second: GeneratedContact;
    median: GeneratedContact;
    single: GeneratedContact;
    neverWrote: GeneratedContact;
    open: GeneratedContact;
  };
  /** How many contacts are opted in / out (the rest: no opt-in recorded). */
  optedIn: number;
  optedOut: number;
}

export const DEFAULT_NOW = Date.parse('2026-11-25T12:00:00Z');

/** Histories written at the same time: enough to keep the disk busy, few enough to keep memory flat. */
const CONCURRENCY = 8;

export async function generateWorkspace(dir: string, options: GenerateOptions): Promise<GeneratedWorkspace> {
  const now = options.now ?? DEFAULT_NOW;
  if (options.biggest > options.messages) throw new Error('biggest must not exceed messages');
  const random = new SeededRandom(options.seed);
  const counts = messageCounts(random, options);
  const plans = counts.map((count, index) =>
    planContact(random, { index, count, now, years: options.years }),
  );

  const store = await openWorkspaceStore(dir, { now: () => now, fs: noSyncFs, summaryDelayMs: 60_000 });
  try {
    await store.saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Amsterdam' });
    for (const template of generatedTemplates(now)) await store.saveTemplate(template);
    await store.saveContacts(
      plans.map((plan) => contactOf(plan)),
      [],
    );
    const deliveries: Delivery[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < plans.length; i = next++) {
        const plan = plans[i];
        if (plan) deliveries.push(...(await writeHistory(store, plan)));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // One contact after the other: a status update reads the whole history unless it is still cached.
    for (const { contactId, messageId } of deliveries) {
      await store.updateMessage(contactId, messageId, { status: 'delivered' });
      await store.updateMessage(contactId, messageId, { status: 'read' });
    }
    await store.flush();
  } finally {
    await store.close();
  }
  return describe(dir, now, plans);
}

/** Each contact's number of messages: one biggest, the rest log-normally skewed, adding up exactly. */
function messageCounts(random: SeededRandom, options: GenerateOptions): number[] {
  const { contacts, messages, biggest } = options;
  const rest = messages - biggest;
  const cap = Math.max(1, Math.floor(biggest / 4));
  // About one in twelve never wrote; the rest follow a long tail (median a dozen or so at full size).
  const weights = Array.from({ length: contacts }, (_, i) =>
    i === 0 || random.chance(1 / 12) ? 0 : Math.exp(1.6 * random.gaussian()),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.min(cap, Math.floor((rest * w) / Math.max(total, 1e-9))));
  let missing = rest - counts.reduce((a, b) => a + b, 0);
  // The rounding and the cap leave some over: spread one by one over contacts who already wrote.
  for (let guard = 0; missing > 0 && guard < 100; guard++) {
    for (let i = 1; i < contacts && missing > 0; i++) {
      const count = counts[i] ?? 0;
      if ((weights[i] ?? 0) > 0 && count < cap) {
        counts[i] = count + 1;
        missing--;
      }
    }
  }
  counts[0] = biggest + missing;
  // The biggest contact sits somewhere in the middle of the list, as it would in a real one.
  const at = Math.floor(contacts / 2);
  [counts[0], counts[at]] = [counts[at] ?? 0, counts[0]];
  return counts;
}

interface Delivery {
  contactId: string;
  messageId: string;
}

/**
 * Writes a contact's history in one append and returns its last sends still marked 'sent' (the last
 * hour's): their deliveries are written afterwards as status lines, as they arrive for real, so the
 * histories hold both kinds of line.
 */
async function writeHistory(store: WorkspaceStore, plan: ContactPlan): Promise<Delivery[]> {
  const messages = messagesOf(plan);
  if (messages.length === 0) return [];
  await store.importMessages(plan.id, messages);
  return messages
    .filter((m) => m.direction === 'outbound' && m.status === 'sent')
    .slice(-3)
    .map((m) => ({ contactId: plan.id, messageId: m.id }));
}

function describe(dir: string, now: number, plans: readonly ContactPlan[]): GeneratedWorkspace {
  const by = (plan: ContactPlan | undefined): GeneratedContact => ({
    id: plan?.id ?? '',
    messages: plan?.count ?? 0,
  });
  const sorted = [...plans].sort((a, b) => b.count - a.count);
  const writers = sorted.filter((p) => p.count > 0);
  return {
    dir,
    now,
    contacts: plans.length,
    messages: plans.reduce((sum, p) => sum + p.count, 0),
    biggest: by(sorted[0]),
    others: {
      second: by(sorted[1]),
      median: by(writers[Math.floor(writers.length / 2)]),
      single: by(writers.findLast((p) => p.count === 1) ?? writers.at(-1)),
      neverWrote: by(plans.find((p) => p.count === 0)),
      open: by(plans.find((p) => p.count > 1 && p.lastInboundAge !== null && p.lastInboundAge < 12 * HOUR)),
    },
    optedIn: plans.filter((p) => p.optIn === 'opted-in').length,
    optedOut: plans.filter((p) => p.optIn === 'opted-out').length,
  };
}

/** Node's file operations, less fsync (see generateWorkspace). */
const noSyncFs: StoreFs = {
  ...nodeFs,
  open: async (...args: Parameters<typeof fsp.open>) => {
    const handle = await fsp.open(...args);
    handle.sync = () => Promise.resolve();
    return handle;
  },
};
