import { describe, expect, it } from 'vitest';
import { secretStorageOf } from '../../main/platform/secret-availability';

describe('whether secrets may be stored (safeStorage facts)', () => {
  it.each([
    { platform: 'darwin', encryptionAvailable: true, linuxBackend: null, kind: 'encrypted' },
    { platform: 'win32', encryptionAvailable: true, linuxBackend: null, kind: 'encrypted' },
    { platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret', kind: 'encrypted' },
    { platform: 'linux', encryptionAvailable: true, linuxBackend: 'kwallet6', kind: 'encrypted' },
    // A hard-coded key is plain text in disguise.
    { platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text', kind: 'unavailable' },
    { platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown', kind: 'unavailable' },
    { platform: 'linux', encryptionAvailable: false, linuxBackend: 'gnome_libsecret', kind: 'unavailable' },
    { platform: 'darwin', encryptionAvailable: false, linuxBackend: null, kind: 'unavailable' },
  ])('$platform, available=$encryptionAvailable, backend=$linuxBackend → $kind', ({ kind, ...facts }) => {
    expect(secretStorageOf(facts).kind).toBe(kind);
  });

  it('says why, and what to do, when it refuses', () => {
    const verdict = secretStorageOf({
      platform: 'linux',
      encryptionAvailable: true,
      linuxBackend: 'basic_text',
    });
    expect(verdict).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/keyring.*start/i) as unknown,
    });
  });
});
