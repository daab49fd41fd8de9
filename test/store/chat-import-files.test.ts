import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openChatExport } from '../../main/store/chat-export-archive';
import { withoutMessages } from '../../main/store/history-rewrite';

describe('opening a chat export', () => {
  it('reads a .txt as UTF-8 and finds Android’s “WhatsApp Chat with …” in a .zip beside its media', () => {
    expect(openChatExport(strToU8('\ufeff1/1/25, 10:00 - A: hé')).text).toBe('\ufeff1/1/25, 10:00 - A: hé');
    const zip = zipSync({
      'WhatsApp Chat with Maria/WhatsApp Chat with Maria.txt': strToU8('1/1/25, 10:00 - Maria: hi'),
      'WhatsApp Chat with Maria/IMG-20250101-WA0001.jpg': new Uint8Array([1, 2]),
    });
    const opened = openChatExport(zip);
    expect(opened.text).toBe('1/1/25, 10:00 - Maria: hi');
    expect([...opened.media.keys()]).toEqual(['IMG-20250101-WA0001.jpg']);
  });

  it('refuses a .zip without a chat, and one that is not a zip, in the owner’s words', () => {
    expect(() => openChatExport(zipSync({ 'photo.jpg': new Uint8Array([1]) }))).toThrow(/holds no chat/);
    expect(() => openChatExport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]))).toThrow(
      /could not be opened/,
    );
  });
});

describe('taking imported messages out of a history', () => {
  it('removes their message and status lines and keeps every other line byte for byte', () => {
    const lines = [
      '{"schemaVersion":1,"contactId":"c1"}',
      '{"t":"m","m":{"id":"keep"}}',
      '{"t":"m","m":{"id":"imp-1"}}',
      '{"t":"s","id":"imp-1","status":"read"}',
      '{"t":"m","m":{"id":"imp-2"} torn',
      '{"t":"s","id":"keep","status":"read"}',
      '',
    ];
    expect(withoutMessages(lines.join('\n'), new Set(['imp-1', 'imp-2']))).toBe(
      [lines[0], lines[1], lines[4], lines[5], ''].join('\n'),
    );
  });
});
