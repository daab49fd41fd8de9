import { cpus } from 'node:os';
import type { Contact } from '../../main/contract/model';
import { DAY } from '../../main/domain/durations';
import { FULL_SIZE, QUICK_SIZE } from './bench-workspace';
import { benchChatImport } from './chat-import-bench';
import { benchFirstScreen } from './first-screen-bench';
import { measure, printGoals } from './measure';
import { benchReminders } from './reminders-bench';
import { benchAtScale } from './scale-bench';
import { benchSearch } from './search-bench';

/**
 * `npm run bench` (`npm run bench:quick` for a tenth of the size): figures for the hot paths, p50 and p95,
 * each beside a floor measured in the same run (the machines are noisy: read the ratios), and the issue's
 * goals as met or not met. Never asserted in tests.
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');

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

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = quick ? QUICK_SIZE : FULL_SIZE;
  console.log(
    `CareWindow benchmarks — Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})${quick ? ', quick size' : ''}\n`,
  );
  await benchAtScale(size);
  console.log('');
  await benchSearch(size);
  console.log('');
  await benchFirstScreen(size);

  console.log('');
  const contacts = Array.from({ length: size.contacts }, (_, i) => contact(i));
  // The floor for the reminder figures: one small object per contact, real work of the same order.
  const floor = await measure(() =>
    contacts.map((c) => ({ id: c.id, at: c.updatedAt + DAY, muted: c.muted })),
  );
  await benchReminders(contacts, NOW, floor, 'one object per contact');
  await benchChatImport();
  printGoals();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
