import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger, redact } from '../../main/platform/node/file-logger';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('the log', () => {
  it('never writes secrets, and keeps what an Error says', async () => {
    const dir = await tempDir();
    const log = fileLogger(dir, false);
    log.error('Send failed', {
      accessToken: 'EAAB-secret',
      error: new Error('the disk is full'),
      contactCount: 3,
    });
    const text = await readFile(join(dir, 'carewindow.log'), 'utf8');
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
});
