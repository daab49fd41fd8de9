// activity.json version 3 (columns, written without indentation, in ASCII): a version-1 or version-2 file
// opens unchanged and is written back as version 3; a damaged file of any version is rebuilt from the
// histories.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../main/store/ascii-json';
import { activityOf } from '../../main/domain/activity';
import type { StoreFs } from '../../main/store/store-fs';
import { columnsOf } from '../../main/store/activity-columns';
import type { SummaryEntry } from '../../main/store/activity-file';
import { rowOf } from '../../main/store/activity-rows';
import { savedSummaries } from './activity-file-kit';
import { contact, exists, message, MINUTE, readText, T0, useTempDirs } from './store-test-kit';
import { activityFile, appendAll, logOf, open } from './workspace-store-kit';

const tempDir = useTempDirs();
const CLEAN_MARK = '.activity-closed-cleanly';

const annaMessages = [
  message('anna', 'a1', T0),
  message('anna', 'a2', T0 + MINUTE, { direction: 'outbound', status: 'failed', error: 'Blocked' }),
];
const benMessages = [message('ben', 'b1', T0 + 2 * MINUTE)];
/** A summary that is right in every way but the one each damaged case breaks. */
const anna: SummaryEntry = {
  activity: activityOf(annaMessages),
  logBytes: 10,
  order: { maxAt: T0, late: [] },
};

/** A workspace with two histories, closed; its activity.json is then replaced by each test. */
async function workspace(): Promise<string> {
  const dir = await tempDir();
  const store = await open(dir);
  await store.saveContact(contact('anna', { phone: '+31612345678' }));
  await store.saveContact(contact('ben', { phone: '+31687654321' }));
  await appendAll(store, [...annaMessages, ...benMessages]);
  await store.close();
  return dir;
}

/**
 * activity.json as CareWindow wrote it before version 2, with the histories' real sizes (so a check
 * against the histories keeps each summary as it is). The values are the file's own, not what the
 * histories would give, so only a faithful migration shows them.
 */
async function versionOne(dir: string) {
  const sizeOf = async (id: string) => (await fsp.stat(logOf(dir, id))).size;
  return {
    schemaVersion: 1,
    generation: 7,
    entries: {
      anna: {
        activity: {
          lastInboundAt: T0 - 5 * MINUTE,
          lastOutboundAt: T0 - 3 * MINUTE,
          lastFollowUpAt: T0 - 3 * MINUTE,
          lastMessage: {
            text: 'Ihre Bestellung ist da',
            at: T0 - MINUTE,
            direction: 'outbound',
            notSent: 'WhatsApp refused it: the number is blocked.',
          },
          messageCount: 41,
        },
        logBytes: await sizeOf('anna'),
        order: {
          maxAt: T0 - MINUTE,
          late: [
            [120, 340],
            [900, 901],
          ],
        },
      },
      // No order yet, and a last message without notSent.
      ben: {
        activity: {
          lastInboundAt: T0 - 9 * MINUTE,
          lastOutboundAt: null,
          lastFollowUpAt: null,
          lastMessage: { text: 'Bis morgen 👋', at: T0 - 9 * MINUTE, direction: 'inbound' },
          messageCount: 3,
        },
        logBytes: await sizeOf('ben'),
      },
    },
  };
}

/** File calls on the histories: none means every summary was trusted as it is. */
function historyCalls(): { fs: StoreFs; calls: string[] } {
  const calls: string[] = [];
  const onHistory = (file: unknown) => String(file).includes(`${path.sep}messages${path.sep}`);
  const fs: StoreFs = {
    ...fsp,
    stat: ((file: string, ...rest: []) => {
      if (onHistory(file)) calls.push(`stat ${file}`);
      return fsp.stat(file, ...rest);
    }) as StoreFs['stat'],
    open: ((file: string, ...rest: []) => {
      if (onHistory(file)) calls.push(`open ${file}`);
      return fsp.open(file, ...rest);
    }) as StoreFs['open'],
  };
  return { fs, calls };
}

describe('activity.json version 1', () => {
  it('opens with every summary intact and is written back as version 3, without indentation', async () => {
    const dir = await workspace();
    const v1 = await versionOne(dir);
    await fsp.writeFile(activityFile(dir), `${JSON.stringify(v1, null, 2)}\n`);
    await fsp.rm(path.join(dir, CLEAN_MARK), { force: true });

    const store = await open(dir);
    expect(store.problems).toEqual([]);
    expect(store.activity('anna')).toEqual(v1.entries.anna.activity);
    expect(store.activity('ben')).toEqual(v1.entries.ben.activity);
    await store.flush(); // the check against the histories: every size matches, so nothing changes
    await store.close();

    const { file, text, summaries } = await savedSummaries(dir);
    expect(file.schemaVersion).toBe(3);
    expect(text).not.toContain('"entries"');
    // No indentation, one line, only ASCII (the emoji escaped).
    expect(text).toBe(`${asciiJson(JSON.stringify(JSON.parse(text)))}\n`);
    expect(summaries).toEqual(new Map(Object.entries(v1.entries)));

    const again = await open(dir);
    expect(again.problems).toEqual([]);
    expect(again.activity('anna')).toEqual(v1.entries.anna.activity);
    await again.close();
  });

  it('closed cleanly by the version before: still trusted without a look at any history', async () => {
    const dir = await workspace();
    const text = `${JSON.stringify(await versionOne(dir), null, 2)}\n`;
    await fsp.writeFile(activityFile(dir), text);
    await fsp.writeFile(path.join(dir, CLEAN_MARK), JSON.stringify({ g: 7, bytes: Buffer.byteLength(text) }));

    const { fs, calls } = historyCalls();
    const store = await open(dir, { fs });
    await store.flush();
    await store.close();
    expect(calls).toEqual([]);
    expect((await savedSummaries(dir)).file.schemaVersion).toBe(3);
    // Closed cleanly on the version-3 file: the next start trusts it too.
    const next = historyCalls();
    const again = await open(dir, { fs: next.fs });
    await again.flush();
    await again.close();
    expect(next.calls).toEqual([]);
  });
});

describe('activity.json version 2', () => {
  it('opens with every summary intact and is written back as version 3', async () => {
    const dir = await workspace();
    const v1 = await versionOne(dir);
    const rows = Object.entries(v1.entries).map(([id, entry]) => rowOf(id, entry as SummaryEntry));
    await fsp.writeFile(activityFile(dir), JSON.stringify({ schemaVersion: 2, generation: 7, rows }));
    await fsp.rm(path.join(dir, CLEAN_MARK), { force: true });

    const store = await open(dir);
    expect(store.problems).toEqual([]);
    expect(store.activity('anna')).toEqual(v1.entries.anna.activity);
    expect(store.activity('ben')).toEqual(v1.entries.ben.activity);
    await store.flush();
    await store.close();

    const { file, text, summaries } = await savedSummaries(dir);
    expect(file.schemaVersion).toBe(3);
    expect(text).not.toContain('"rows"');
    expect(summaries).toEqual(new Map(Object.entries(v1.entries)));
  });
});

describe('a damaged activity.json', () => {
  const cases: {
    name: string;
    text: (v1: Awaited<ReturnType<typeof versionOne>>) => string;
    where: RegExp;
  }[] = [
    {
      name: 'a row whose message count is text',
      text: () =>
        JSON.stringify({ schemaVersion: 2, rows: [['anna', null, null, null, 'two', null, 10, null]] }),
      where: /rows\.0\.4/,
    },
    {
      name: 'a last message that went neither in nor out',
      text: () =>
        JSON.stringify({
          schemaVersion: 2,
          rows: [['anna', null, null, null, 1, ['hi', T0, 'sideways'], 10, null]],
        }),
      where: /rows\.0\.5\.2/,
    },
    {
      name: 'a row one field short',
      text: () => JSON.stringify({ schemaVersion: 2, rows: [['anna', null, null, null, 1, null, 10]] }),
      where: /rows\.0/,
    },
    {
      name: 'the version-1 shape under version 2',
      text: (v1) => JSON.stringify({ ...v1, schemaVersion: 2 }),
      where: /rows/,
    },
    {
      name: 'a version-1 entry without its activity',
      text: () => JSON.stringify({ schemaVersion: 1, entries: { anna: { logBytes: 10 } } }),
      where: /rows\.0\.1/,
    },
    {
      name: 'version 3: a column one contact short',
      text: () =>
        JSON.stringify({ schemaVersion: 3, columns: { ...columnsOf([['anna', anna]]), logBytes: [] } }),
      where: /columns\.logBytes/,
    },
    {
      name: 'version 3: a last message without a direction',
      text: () =>
        JSON.stringify({ schemaVersion: 3, columns: { ...columnsOf([['anna', anna]]), lastDirection: '-' } }),
      where: /columns\.lastText\.0/,
    },
    {
      name: 'version 3: a time before 2000',
      text: () =>
        JSON.stringify({ schemaVersion: 3, columns: { ...columnsOf([['anna', anna]]), lastInboundAt: [5] } }),
      where: /columns\.lastInboundAt\.0/,
    },
    {
      name: 'version 3: lines out of order for a contact that is not there',
      text: () =>
        JSON.stringify({
          schemaVersion: 3,
          columns: { ...columnsOf([['anna', anna]]), orderLate: { 1: [[1, 2]] } },
        }),
      where: /columns\.orderLate\.1/,
    },
    {
      name: 'a file cut short',
      text: () =>
        JSON.stringify({ schemaVersion: 2, rows: [['anna', null, null, null, 1, null, 10, null]] }).slice(
          0,
          30,
        ),
      where: /not valid JSON/,
    },
  ];

  it.each(cases)('$name: moved aside, reported, rebuilt from the histories', async ({ text, where }) => {
    const dir = await workspace();
    await fsp.writeFile(activityFile(dir), text(await versionOne(dir)));
    const warnings: string[] = [];
    const log = { warn: (line: string) => void warnings.push(line), error: () => undefined };

    const store = await open(dir, { log });
    await store.flush(); // rebuilt in the background, after the first screen
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]?.message).toMatch(/could not be read: it is damaged/);
    expect(store.problems[0]?.recovery).toMatch(/rebuilt it from your message history/);
    expect(await exists(store.problems[0]?.movedTo ?? '')).toBe(true);
    expect(warnings.find((w) => w.startsWith('activity.json is damaged'))).toMatch(where);
    expect(store.activity('anna')).toEqual(activityOf(annaMessages));
    expect(store.activity('ben')).toEqual(activityOf(benMessages));
    await store.close();

    expect((await savedSummaries(dir)).summaries.get('anna')?.activity).toEqual(activityOf(annaMessages));
    const again = await open(dir);
    expect(again.problems).toEqual([]);
    await again.close();
  });
});

describe('files written compact', () => {
  it('only activity.json: the files a person may read stay indented', async () => {
    const dir = await workspace();
    expect(await readText(activityFile(dir))).not.toMatch(/\n\s/);
    expect(await readText(path.join(dir, 'contacts.json'))).toMatch(/\n {2}"/);
  });
});
