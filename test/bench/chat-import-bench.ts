import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '../../main/contract/model';
import { parseChatExport } from '../../main/domain/chat-export/parse';
import { plannedMessages } from '../../main/services/chat-import-plan';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { measure, type Figure } from './measure';

const LINES = 100_000;

/**
 * A 100,000-line Android export: two people, a caption line now and then, a photo placeholder, a line
 * inside a message that looks like a date. Day-first, so the order is decided from the file.
 */
function generatedExport(): string {
  const out: string[] = [];
  for (let i = 0; out.length < LINES; i++) {
    const day = (Math.floor(i / 600) % 28) + 1;
    const month = (Math.floor(i / (600 * 28)) % 12) + 1;
    const hour = (Math.floor(i / 60) % 10) + 8;
    const stamp = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2025, ${String(hour).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const who = i % 2 === 0 ? '+31 6 1234 5678' : 'Bloemenwinkel';
    out.push(
      `${stamp} - ${who}: ${i % 50 === 0 ? '<Media omitted>' : `Is order ${i} ready for pick-up tomorrow?`}`,
    );
    if (i % 10 === 0) out.push(`and the note said 13/01/2025, 10:00 works too`);
  }
  return out.slice(0, LINES).join('\n');
}

function customer(id: string): Contact {
  return {
    id,
    name: 'Bench customer',
    phone: '+31612345678',
    notes: '',
    fields: {},
    optIn: { status: 'none', at: null, source: null, proof: '' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: Date.UTC(2025, 0, 1),
    updatedAt: Date.UTC(2025, 0, 1),
  };
}

const perSecond = (figure: Figure): string =>
  `${Math.round(LINES / (figure.p50 / 1000)).toLocaleString('en')} lines/s`;

/** Chat-export import speed: read + parse, and the whole import into a workspace, against read + split. */
export async function benchChatImport(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'carewindow-bench-chat-'));
  try {
    const file = join(dir, 'WhatsApp Chat.txt');
    await writeFile(file, generatedExport(), 'utf8');
    const split = await measure(async () => (await readFile(file, 'utf8')).split(/\r\n|\n|\r/).length, 10, 2);
    const parse = await measure(
      async () =>
        parseChatExport(await readFile(file, 'utf8'), { timeZone: 'Europe/Amsterdam' }).messages.length,
      5,
      1,
    );
    const store = await openWorkspaceStore(join(dir, 'ws'), { now: () => Date.UTC(2026, 0, 1) });
    let run = 0;
    const whole = await measure(
      async () => {
        const contact = customer(`bench-${String(run++)}`);
        await store.saveContact({ ...contact, phone: `+3161234${String(5000 + run)}` });
        const parsed = parseChatExport(await readFile(file, 'utf8'), { timeZone: 'Europe/Amsterdam' });
        const planned = plannedMessages(parsed.messages, {
          contactId: contact.id,
          shop: 'Bloemenwinkel',
          importId: `import-${String(run)}`,
          mediaPath: (name) => name,
          media: new Map(),
        });
        await store.importMessages(contact.id, planned.messages);
      },
      3,
      1,
    );
    await store.close();
    const line = (name: string, figure: Figure) =>
      console.log(
        `${name.padEnd(48)} p50 ${figure.p50.toFixed(1).padStart(9)} ms  ${perSecond(figure).padStart(16)}  = ${(figure.p50 / Math.max(split.p50, 1e-6)).toFixed(1).padStart(6)} × read + split (${split.p50.toFixed(1)} ms, ${perSecond(split)})`,
      );
    console.log(`\nChat-export import, ${LINES.toLocaleString('en')}-line export (Node ${process.version}):`);
    line('read + parse', parse);
    line('read + parse + plan + store (one append)', whole);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
