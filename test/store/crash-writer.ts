import type { Contact, Message } from '../../main/contract/model';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { SeededRandom } from '../bench/seeded-random';

/**
 * The child process of crash-during-writes.test.ts: writes through the real store, one operation at a
 * time, forever (the test kills it). Before each write it prints `try …`, and once the store has resolved
 * (the write is durable) `ack …`, one line each: stdout to a pipe is synchronous on Linux and macOS, so
 * a line printed is a line the test will read, even if the process is killed right after.
 *
 *   node crash-writer.js <workspace dir> <run number> <seed>
 *
 * It loads, prints `loaded`, and waits for a line on stdin before it opens the store: the test starts the
 * next life while the current one is still writing, so loading the code does not add to each kill.
 */
const CONTACTS = 5;
const MAX_OPERATIONS = 100_000;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function contact(i: number, now: number): Contact {
  return {
    id: `c${i}`,
    name: `Crash test ${i}`,
    phone: `+3161000${String(i).padStart(4, '0')}`,
    notes: '',
    fields: {},
    optIn: { status: 'opted-in', at: now, source: 'in-store', proof: '' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: now,
    updatedAt: now,
  };
}

async function main(): Promise<void> {
  const [dir, runText, seedText] = process.argv.slice(2);
  if (!dir || !runText || !seedText) throw new Error('usage: crash-writer <dir> <run> <seed>');
  const run = Number(runText);
  const random = new SeededRandom(Number(seedText));
  say('opening');
  const store = await openWorkspaceStore(dir, { now: () => Date.now(), summaryDelayMs: 5 });
  say(`ready ${store.problems.length}`);
  for (let i = 0; i < CONTACTS; i++) {
    if (!store.contact(`c${i}`)) await store.saveContact(contact(i, Date.now()));
  }
  for (let n = 0; n < MAX_OPERATIONS; n++) {
    const op = random.next();
    const target = `c${random.int(0, CONTACTS - 1)}`;
    const tag = `r${run}-${n}`;
    if (op < 0.6) {
      const message: Message = {
        id: tag,
        contactId: target,
        direction: random.chance(0.5) ? 'inbound' : 'outbound',
        kind: 'text',
        text: `Message ${tag}: is the blue one back in stock? Ça coûte combien ?`,
        at: Date.now(),
        status: 'received',
        providerId: null,
        followUp: false,
        template: null,
        error: null,
        consent: null,
      };
      if (message.direction === 'outbound') message.status = 'sent';
      say(`try m ${target} ${tag}`);
      await store.appendMessage(message);
      say(`ack m ${target} ${tag}`);
    } else if (op < 0.8) {
      const latest = store.contact(target);
      if (!latest) throw new Error(`contact ${target} missing`);
      say(`try c ${target} ${tag}`);
      await store.saveContact({ ...latest, notes: tag, updatedAt: Date.now() });
      say(`ack c ${target} ${tag}`);
    } else if (op < 0.9) {
      const id = `new-${tag}`;
      say(`try n ${id} ${tag}`);
      await store.saveContact({
        ...contact(0, Date.now()),
        id,
        phone: `+3162${String(run * 100_000 + n).padStart(8, '0')}`,
      });
      say(`ack n ${id} ${tag}`);
    } else {
      const lead = random.int(1, 23 * 60);
      say(`try s settings ${lead}`);
      await store.saveSettings({ ...store.settings(), closingLeadMinutes: lead });
      say(`ack s settings ${lead}`);
    }
  }
  await store.close();
}

say('loaded');
process.stdin.once('data', () => {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
