import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { readLinesBefore } from '../../main/store/history-chunks';
import { HistoryView } from '../../main/store/history-view';
import type { LogEvent } from '../../main/store/message-log';
import { lookUpMessage } from '../../main/store/message-lookup';
import { nodeFs } from '../../main/store/store-fs';
import { message, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();
const HEADER = `${JSON.stringify({ schemaVersion: 1, contactId: 'anna' })}\n`;
const line = (event: LogEvent) => `${JSON.stringify(event)}\n`;
const m = (id: string, i: number, overrides: Partial<Message> = {}): LogEvent => ({
  t: 'm',
  m: message('anna', id, T0 + i, { direction: 'outbound', status: 'sent', ...overrides }),
});

async function historyOf(text: string): Promise<string> {
  const file = path.join(await tempDir(), 'anna.jsonl');
  await fsp.writeFile(file, text);
  return file;
}

/** What a whole read gives for an id: the reference the lookup must agree with. */
async function wholeRead(file: string, id: string): Promise<Message | undefined> {
  const { size } = await fsp.stat(file);
  const view = new HistoryView(size);
  const { events, offsets, start } = await readLinesBefore(nodeFs, file, size, Number.POSITIVE_INFINITY);
  view.prepend(start, events, offsets, () => true);
  return view.find(id);
}

describe('looking up one message in the raw bytes of a history', () => {
  it('gives each message as a whole read does, however far back its lines are', async () => {
    // Statuses far from their message, a message line repeated, and texts that are another message's id.
    let text = HEADER;
    for (let i = 0; i < 300; i++) text += line(m(`m${i}`, i, { text: `m${i + 1}` }));
    text += line({ t: 's', id: 'm3', status: 'delivered', providerId: 'wamid.3' });
    text += line({ t: 's', id: 'm250', status: 'failed', error: 'Blocked' });
    text += line({ t: 's', id: 'm7', status: 'failed', error: 'Blocked' }); // for the line below's predecessor
    text += line(m('m7', 7, { text: 'the same id again' })); // a later line stands for m7
    for (let i = 300; i < 400; i++) text += line(m(`m${i}`, i));
    text += line({ t: 's', id: 'm3', status: 'read' });
    text += line({ t: 's', id: 'm7', status: 'read' });
    text += line({ t: 's', id: 'm399', status: 'delivered', pricing: null });
    const file = await historyOf(text);

    for (const id of ['m0', 'm3', 'm7', 'm250', 'm298', 'm399']) {
      const expected = await wholeRead(file, id);
      for (const first of [64, 1024, 32 * 1024]) {
        const found = await lookUpMessage(nodeFs, file, id, first);
        expect(found, `${id}, first read ${first}`).toEqual({ message: expected, damage: [] });
      }
    }
    expect((await lookUpMessage(nodeFs, file, 'm3', 64))?.message).toMatchObject({
      status: 'read',
      providerId: 'wamid.3',
    });
    expect((await lookUpMessage(nodeFs, file, 'm7', 64))?.message).toMatchObject({
      text: 'the same id again',
      status: 'read',
      error: null,
    });
  });

  it('finds no message for an id the history lacks, or when there is no history', async () => {
    const file = await historyOf(HEADER + line(m('m1', 1)) + line({ t: 's', id: 'm2', status: 'read' }));
    expect(await lookUpMessage(nodeFs, file, 'm2', 16)).toEqual({ message: undefined, damage: [] });
    expect(await lookUpMessage(nodeFs, file, 'anna', 16)).toEqual({ message: undefined, damage: [] });
    const missing = path.join(path.dirname(file), 'nobody.jsonl');
    expect(await lookUpMessage(nodeFs, missing, 'm1')).toEqual({ message: undefined, damage: [] });
  });

  it('reports a torn last line and a damaged line naming the id, and leaves other lines unread', async () => {
    const good = HEADER + line(m('m1', 1));
    const damaged = `{"t":"s","id":"m1","status":"nonsense"}\n`;
    const unrelated = `{"t":"m","m":{"id":"m9" broken}\n`;
    const torn = '{"t":"m","m":{"id":"m2","cont';
    const file = await historyOf(good + damaged + unrelated + line(m('m3', 3)) + torn);
    const tornAt = Buffer.byteLength(good + damaged + unrelated + line(m('m3', 3)));
    const found = await lookUpMessage(nodeFs, file, 'm1', 64);
    expect(found?.message).toMatchObject({ id: 'm1', status: 'sent' });
    expect(found?.damage).toEqual([
      { offset: tornAt, kind: 'torn' },
      { offset: Buffer.byteLength(good), kind: 'bad' },
    ]);
  });

  it('refuses an id JSON would escape, so the caller reads the history instead', async () => {
    const file = await historyOf(HEADER + line(m('say "hi"', 1)));
    expect(await lookUpMessage(nodeFs, file, 'say "hi"')).toBeNull();
  });

  it('refuses a history from a newer CareWindow', async () => {
    const file = await historyOf(
      `${JSON.stringify({ schemaVersion: 99, contactId: 'anna' })}\n${line(m('m1', 1))}`,
    );
    await expect(lookUpMessage(nodeFs, file, 'm1')).rejects.toThrow();
  });
});
