import * as fsp from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../main/store/ascii-json';
import { contact, message, T0, useTempDirs } from './store-test-kit';
import { activityFile, open } from './workspace-store-kit';

const tempDir = useTempDirs();

const texts = [
  'Lena Weiß: Wann öffnen Sie am Samstag?',
  'Sí, la tenemos. ¿Se la reservo?',
  'Спасибо! 谢谢 🙏🏽',
  'a lone surrogate \ud800 and a quote " and a backslash \\',
  '\u007f\u0080\uffff',
];

describe('asciiJson: machine-only files in ASCII', () => {
  it('writes only ASCII and reads back the same value', () => {
    const value = { texts, nested: [{ text: texts[2] }], n: 1.5, none: null };
    const json = asciiJson(JSON.stringify(value));
    expect(isAscii(Buffer.from(json, 'utf8'))).toBe(true);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('is how activity.json is written: accents and emoji come back from it as they were', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('lena'));
    await store.appendMessage(message('lena', 'm1', T0, { text: texts[2] ?? '' }));
    await store.close();
    expect(isAscii(await fsp.readFile(activityFile(dir)))).toBe(true);
    const again = await open(dir);
    expect(again.activity('lena').lastMessage?.text).toBe(texts[2]);
    await again.close();
  });
});
