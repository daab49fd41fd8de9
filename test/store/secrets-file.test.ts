import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCiphertextFile } from '../../main/store/secrets-file';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const options = { now: () => Date.parse('2026-11-24T14:20:00Z'), log: silentLog };

describe('the ciphertext file', () => {
  it('keeps ciphertexts across a restart, and a deleted one leaves no copy behind (no .bak)', async () => {
    const dir = await tempDir();
    const file = await openCiphertextFile(dir, options);
    await file.set('real/accessToken', 'AAAA');
    await file.set('real/appSecret', 'QkJCQg==');
    await file.delete('real/accessToken');
    await file.set('real/appSecret', 'Q0NDQw==');
    await file.close();

    const again = await openCiphertextFile(dir, options);
    expect(again.get('real/accessToken')).toBeNull();
    expect(again.get('real/appSecret')).toBe('Q0NDQw==');
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('secrets'))).toEqual(['secrets.json']);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('AAAA');
  });
});
