import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { foldLog, LOG_VERSION, MessageLogFile, parseLog, type LogData } from '../../main/store/message-log';
import { StorageError } from '../../main/store/storage-error';
import { nodeFs } from '../../main/store/store-fs';
import { breakableFs, message, readText, recordingFs, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

const empty = (): LogData => ({ schemaVersion: LOG_VERSION, events: [] });

async function appendOnly(file: string, ...events: LogData['events']): Promise<MessageLogFile> {
  const adapter = new MessageLogFile(file, 'anna', nodeFs);
  const low = new Low<LogData>(adapter, empty());
  low.data.events.push(...events);
  await low.write();
  return adapter;
}

describe('MessageLogFile', () => {
  it('starts a new history with a header line, then one line per event', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    const m = message('anna', 'm1', T0);
    await appendOnly(file, { t: 'm', m });
    await appendOnly(file, { t: 's', id: 'm1', status: 'read' });

    const lines = (await readText(file)).split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ schemaVersion: 1, contactId: 'anna' });
    expect(JSON.parse(lines[1] ?? '')).toEqual({ t: 'm', m });
    expect(JSON.parse(lines[2] ?? '')).toEqual({ t: 's', id: 'm1', status: 'read' });
    expect(lines[3]).toBe('');
  });

  it('appends only what lowdb added since its last write, never rewriting earlier bytes', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    const adapter = new MessageLogFile(file, 'anna', nodeFs);
    const low = new Low<LogData>(adapter, empty());
    for (let i = 0; i < 20; i++) {
      low.data.events.push({ t: 'm', m: message('anna', `m${i}`, T0 + i) });
      await low.write();
    }
    const before = await fsp.readFile(file);
    const inode = (await fsp.stat(file)).ino;

    const next = { t: 'm' as const, m: message('anna', 'm20', T0 + 20) };
    low.data.events.push(next);
    await low.write();

    const after = await fsp.readFile(file);
    expect((await fsp.stat(file)).ino).toBe(inode);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('utf8')).toBe(`${JSON.stringify(next)}\n`);
    expect(adapter.size).toBe(after.length);

    // A lowdb instance that read the file first appends after what it read, too.
    const reader = new MessageLogFile(file, 'anna', nodeFs);
    const readLow = new Low<LogData>(reader, empty());
    await readLow.read();
    expect(readLow.data.events).toHaveLength(21);
    readLow.data.events.push({ t: 's', id: 'm3', status: 'read' });
    await readLow.write();
    const lines = (await readText(file)).trimEnd().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.slice(0, 22).join('\n')).toBe(after.toString('utf8').trimEnd());
  });

  it('appends to a long history without reading it: only its head and its last byte', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    await appendOnly(
      file,
      ...Array.from({ length: 5000 }, (_, i) => ({ t: 'm' as const, m: message('anna', `m${i}`, T0 + i) })),
    );
    const size = (await fsp.stat(file)).size;
    const { fs, journal } = recordingFs();

    const adapter = new MessageLogFile(file, 'anna', fs);
    const low = new Low<LogData>(adapter, empty());
    low.data.events.push({ t: 'm', m: message('anna', 'new', T0 + 5000) });
    await low.write();

    expect(journal.reads.reduce((sum, r) => sum + r.length, 0)).toBeLessThanOrEqual(1025);
    expect(journal.reads.map((r) => r.position).sort((a, b) => a - b)).toEqual([0, size - 1]);
    expect(adapter.size).toBe((await fsp.stat(file)).size);
  });

  it('ignores and reports a torn last line, and the next append still lands on its own line', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    await appendOnly(file, { t: 'm', m: message('anna', 'm1', T0) });
    const torn = '{"t":"m","m":{"id":"m2","contactId":"an';
    await fsp.appendFile(file, torn);

    const reader = new MessageLogFile(file, 'anna', nodeFs);
    const low = new Low<LogData>(reader, empty());
    await low.read();
    expect(low.data.events.map((e) => (e.t === 'm' ? e.m.id : e.id))).toEqual(['m1']);
    expect(reader.damage).toEqual([{ offset: (await fsp.stat(file)).size - torn.length, kind: 'torn' }]);

    await appendOnly(file, { t: 'm', m: message('anna', 'm3', T0 + 2) });
    const text = await readText(file);
    expect(text.endsWith(`${torn}\n${JSON.stringify({ t: 'm', m: message('anna', 'm3', T0 + 2) })}\n`)).toBe(
      true,
    );

    const again = new MessageLogFile(file, 'anna', nodeFs);
    const data = await again.read();
    expect(data?.events.map((e) => (e.t === 'm' ? e.m.id : e.id))).toEqual(['m1', 'm3']);
    expect(again.damage).toHaveLength(1);
    expect(again.damage[0]?.kind).toBe('bad');
  });

  it('skips a damaged line in the middle and keeps every good line around it', () => {
    const good = (id: string) => JSON.stringify({ t: 'm', m: message('anna', id, T0) });
    const header = JSON.stringify({ schemaVersion: 1, contactId: 'anna' });
    const text = [header, good('a'), 'garbage', good('b'), '{"t":"x"}', good('c'), ''].join('\n');
    const parsed = parseLog(Buffer.from(text), 0);
    expect(parsed.events.map((e) => (e.t === 'm' ? e.m.id : e.id))).toEqual(['a', 'b', 'c']);
    expect(parsed.damage.map((d) => d.kind)).toEqual(['bad', 'bad']);
    expect(parsed.damage[0]?.offset).toBe(text.indexOf('garbage'));
    expect(parsed.header).toEqual({ schemaVersion: 1, contactId: 'anna' });
  });

  it('keeps a complete last line whose newline is missing', () => {
    const line = JSON.stringify({ t: 'm', m: message('anna', 'a', T0) });
    const parsed = parseLog(Buffer.from(line), 0);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.damage).toEqual([]);
  });

  it('folds status events onto their message and ignores unknown ids', () => {
    const { messages, strayStatuses } = foldLog([
      { t: 'm', m: message('anna', 'a', T0, { direction: 'outbound', status: 'pending' }) },
      { t: 's', id: 'a', status: 'sent', providerId: 'wamid.1' },
      { t: 's', id: 'zzz', status: 'read' },
      { t: 's', id: 'a', status: 'failed', error: 'Number not on WhatsApp' },
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      status: 'failed',
      providerId: 'wamid.1',
      error: 'Number not on WhatsApp',
    });
    expect(strayStatuses).toBe(1);
  });

  it('refuses to append to a history written by a newer CareWindow', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    const newer = `${JSON.stringify({ schemaVersion: 2, contactId: 'anna' })}\n{"t":"q"}\n`;
    await fsp.writeFile(file, newer);
    await expect(appendOnly(file, { t: 'm', m: message('anna', 'm1', T0) })).rejects.toThrow(
      /written by a newer version of CareWindow/,
    );
    expect(await readText(file)).toBe(newer);
    await expect(new MessageLogFile(file, 'anna', nodeFs).read()).rejects.toThrow(
      /could not read .*newer version/,
    );
  });

  it('takes back a half-written line when the disk fills up, and says what to do', async () => {
    const file = path.join(await tempDir(), 'anna.jsonl');
    await appendOnly(file, { t: 'm', m: message('anna', 'm1', T0) });
    const before = await readText(file);
    const { fs, failing } = breakableFs('ENOSPC');
    failing.on = true;
    const adapter = new MessageLogFile(file, 'anna', fs);
    const low = new Low<LogData>(adapter, empty());
    low.data.events.push({ t: 'm', m: message('anna', 'm2', T0 + 1) });

    const error: unknown = await low.write().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toMatch(
      /could not save to .*anna\.jsonl: the disk is full\. Free some space/,
    );
    expect(await readText(file)).toBe(before);
    expect(adapter.persisted).toBe(0);

    failing.on = false;
    await low.write(); // the same event is still pending and goes out once there is room
    expect((await readText(file)).trimEnd().split('\n')).toHaveLength(3);
  });
});
