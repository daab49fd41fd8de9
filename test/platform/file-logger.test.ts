import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger, redact } from '../../main/platform/node/file-logger';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const read = (dir: string, name = 'carewindow.log') => readFile(join(dir, name), 'utf8');
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('the log', () => {
  it('never writes secrets, and keeps what an Error says', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false);
    log.error('Send failed', {
      accessToken: 'EAAB-secret',
      error: new Error('the disk is full'),
      contactCount: 3,
    });
    await log.close();
    const text = await read(dir);
    expect(text).not.toContain('EAAB-secret');
    expect(text).toContain('[redacted]');
    expect(text).toContain('Error: the disk is full');
    expect(text).toContain('"contactCount":3');
  });

  it('redacts keys that look like secrets', () => {
    expect(redact({ Authorization: 'Bearer x', appSecret: 'y', name: 'Maria' })).toEqual({
      Authorization: '[redacted]',
      appSecret: '[redacted]',
      name: 'Maria',
    });
  });

  it('does not write on the caller’s turn: a line reaches the disk in the background, all by flush()', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false);
    log.info('first');
    log.warn('second');
    // A synchronous append would already have created the file here.
    expect(await readdir(dir)).toEqual([]);
    await log.flush();
    expect(lines(await read(dir)).map((l) => l.split(' ').slice(1).join(' '))).toEqual([
      'INFO first',
      'WARN second',
    ]);
    await log.close();
  });

  it('rotates at the size limit and keeps only the newest files', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false, { maxBytes: 200, keep: 3 });
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(2, '0')}`); // ~40 bytes each
    await log.close();

    expect((await readdir(dir)).sort()).toEqual(['carewindow.1.log', 'carewindow.2.log', 'carewindow.log']);
    const files = ['carewindow.2.log', 'carewindow.1.log', 'carewindow.log'];
    const texts = await Promise.all(files.map((f) => read(dir, f)));
    for (const text of texts) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200);
    const kept = texts.flatMap(lines).map((l) => l.slice(-2));
    // The newest lines, in order, with nothing missing between the files.
    expect(kept.at(-1)).toBe('39');
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => String(40 - kept.length + i)));
    expect(kept.length).toBeLessThan(40);
  });

  it('carries on after a restart in the same file, and rotates by what is already there', async () => {
    const dir = await tempDir();
    const first = fileLogger(dir, false, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 4; i++) first.info(`before ${i}`);
    await first.close();
    const second = fileLogger(dir, false, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 4; i++) second.info(`after ${i}`);
    await second.close();
    expect((await readdir(dir)).sort()).toEqual(['carewindow.1.log', 'carewindow.log']);
    expect(await read(dir, 'carewindow.1.log')).toContain('before 0');
  });

  it('keeps phone numbers out even when a caller passes one', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false);
    log.warn('No reply from +31612345678', { to: '+31 6 1234 5678', count: 2 });
    await log.close();
    const text = await read(dir);
    expect(text).not.toMatch(/612345678|1234 5678/);
    expect(text).toContain('"count":2');
  });

  it('drops lines after close instead of throwing', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false);
    log.info('kept');
    await log.close();
    expect(() => log.info('late')).not.toThrow();
    await log.flush();
    expect(await read(dir)).not.toContain('late');
  });
});
