import { appendFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact, Message } from '../../main/contract/model';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { activityOf } from '../../main/domain/activity';
import { rowOf } from '../../main/domain/contact-row';
import { DAY, MINUTE } from '../../main/domain/durations';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { measure, report } from './measure';
import { benchChatImport } from './chat-import-bench';
import { benchReminders } from './reminders-bench';

/**
 * `npm run bench`: figures for the hot paths, each printed as a ratio to a baseline measured in the same
 * run (the machines are noisy). Never asserted in tests.
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const CONTACTS = 10_000;

function contact(i: number): Contact {
  return {
    id: `c${i.toString().padStart(5, '0')}`,
    name: `Customer ${i}`,
    phone: `+3161${i.toString().padStart(7, '0')}`,
    notes: '',
    fields: {},
    optIn: { status: i % 3 === 0 ? 'none' : 'opted-in', at: NOW - DAY, source: 'in-store', proof: '' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: NOW - 100 * DAY,
    updatedAt: NOW - 100 * DAY,
  };
}

function message(contactId: string, i: number, at: number): Message {
  return {
    id: `${contactId}-m${i}`,
    contactId,
    direction: i % 2 === 0 ? 'inbound' : 'outbound',
    kind: 'text',
    text: 'Is the blue one back in stock? I would like to pick it up on Friday.',
    at,
    status: i % 2 === 0 ? 'received' : 'read',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
  };
}

async function main(): Promise<void> {
  console.log(`CareWindow benchmarks — Node ${process.version}, ${CONTACTS.toLocaleString('en')} contacts\n`);
  const contacts = Array.from({ length: CONTACTS }, (_, i) => contact(i));
  const activities = contacts.map((c, i) => activityOf([message(c.id, 0, NOW - ((i * 7) % (3 * DAY)))]));

  // The contact list's window states for every contact, against a plain loop over the same array.
  const plain = await measure(() => {
    let n = 0;
    for (const c of contacts) n += c.name.length;
    return n;
  });
  const rows = await measure(() =>
    contacts.map((c, i) => rowOf(c, activities[i] ?? activityOf([]), DEFAULT_SETTINGS, NOW)),
  );
  report('window state for every contact (list)', rows, 'plain loop', plain);
  await benchReminders(contacts, NOW, plain);

  // Appending one message to a long history: the store's fsynced append against a bare fs.appendFile.
  const dir = await mkdtemp(join(tmpdir(), 'carewindow-bench-'));
  try {
    const store = await openWorkspaceStore(join(dir, 'ws'), { now: () => NOW });
    const big = contact(0);
    await store.saveContact(big);
    for (let i = 0; i < 5_000; i++)
      await store.appendMessage(message(big.id, i, NOW - 30 * DAY + i * MINUTE));
    const bare = join(dir, 'bare.jsonl');
    const line = `${JSON.stringify(message(big.id, 0, NOW))}\n`;
    const bareAppend = await measure(() => appendFile(bare, line), 200);
    const bareFsync = await measure(async () => {
      const handle = await open(bare, 'a');
      await handle.appendFile(line);
      await handle.sync();
      await handle.close();
    }, 200);
    let n = 10_000;
    const storeAppend = await measure(() => store.appendMessage(message(big.id, n++, NOW)), 200);
    report('append one message (history of 5,000+)', storeAppend, 'appendFile', bareAppend);
    report('append one message (history of 5,000+)', storeAppend, 'append+fsync', bareFsync);
    const page = await measure(() => store.history(big.id, { limit: 200 }), 50);
    report('newest page of a 5,000-message history', page, 'append+fsync', bareFsync);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await benchChatImport();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
