import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, hasVisibleText } from '../../main/domain/clean-text';

const ZWJ_FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const ENGLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';

describe('cleanText (bodies, messages, notes)', () => {
  it.each([
    ['NUL and other C0 controls', 'a\u0000b\u0007c\u001Fd', 'abcd'],
    ['DEL and C1 controls', 'a\u007Fb\u0080c\u009Fd', 'abcd'],
    ['an ANSI colour sequence, whole', 'be \u001B[31;1mred\u001B[0m now', 'be red now'],
    ['an ANSI title sequence, whole', '\u001B]0;pwned\u0007hi', 'hi'],
    ['a C1 control sequence, whole', 'a\u009B2Jb', 'ab'],
    ['a two-byte escape (ESC c resets a terminal)', 'a\u001Bcb', 'ab'],
    ['an ESC at the end', 'ab\u001B', 'ab'],
    ['right-to-left override and isolates', 'invoice\u202Efdp.exe \u2066x\u2069', 'invoicefdp.exe x'],
    ['zero-width space, word joiner and BOM', '\uFEFFa\u200Bb\u2060c', 'abc'],
    ['an unpaired surrogate', 'a\uD800b\uDC00c', 'abc'],
  ])('strips %s', (_case, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([
    ['newlines and tabs', 'Dear {name},\n\n\tThanks', 'Dear {name},\n\n\tThanks'],
    ['Windows and old Mac line ends, as newlines', 'a\r\nb\rc\u2028d\u0085e', 'a\nb\nc\nd\ne'],
    ['emoji joined with ZWJ', `Hi ${ZWJ_FAMILY}!`, `Hi ${ZWJ_FAMILY}!`],
    ['flags built from tag characters', ENGLAND, ENGLAND],
    ['ZWNJ, which Persian spelling needs', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['right-to-left text and its marks', 'שלום \u200Fabc', 'שלום \u200Fabc'],
    ['accents, CJK and variation selectors', 'Café 東京 ❤\uFE0F', 'Café 東京 ❤\uFE0F'],
  ])('keeps %s', (_case, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cleanLine (names, field values)', () => {
  it('turns line breaks and tabs into spaces and strips the rest', () => {
    expect(cleanLine('Maria\nJansen\t\u0000\u001B[2J')).toBe('Maria Jansen ');
    expect(cleanLine(`Team ${ZWJ_FAMILY}`)).toBe(`Team ${ZWJ_FAMILY}`);
  });
});

describe('hasVisibleText', () => {
  it.each(['\u200B', ' \u200D ', '\u2800', '\u3164', '\u00AD', '\uFE0F', '\u200E\u200F', '', '\u0301'])(
    'finds nothing to see in %j',
    (text) => {
      expect(hasVisibleText(text)).toBe(false);
    },
  );

  it.each(['a', 'Zoë', '東', ZWJ_FAMILY, '.', '1'])('sees %j', (text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});
