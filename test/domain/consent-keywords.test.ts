import { describe, expect, it } from 'vitest';
import {
  consentKeyword,
  DEFAULT_OPT_OUT_KEYWORDS,
  optOutKeywordsProblem,
} from '../../main/domain/consent-keywords';
import { DEFAULT_SETTINGS } from '../../main/contract/model';

describe('STOP detection: exactly one word, trimmed, any case', () => {
  it.each([
    ['STOP', 'opt-out'],
    ['stop', 'opt-out'],
    ['  Stop \n', 'opt-out'],
    ['STOPP', 'opt-out'],
    ['unsubscribe', 'opt-out'],
    ['AfMeLdEn', 'opt-out'],
    ['START', 'opt-in-request'],
    [' start ', 'opt-in-request'],
    ['aanmelden', 'opt-in-request'],
    ['stop by tomorrow?', null],
    ['Can you stop sending these?', null],
    ['STOP.', null],
    ['STOP!', null],
    ['S T O P', null],
    ['stopped', null],
    ['start now', null],
    ['', null],
    ['   ', null],
  ] as const)('“%s” → %s', (text, expected) => {
    expect(consentKeyword(text, DEFAULT_OPT_OUT_KEYWORDS)).toBe(expected);
  });

  it('uses the list from the settings, whose default is the issue’s four words', () => {
    expect(DEFAULT_SETTINGS.optOutKeywords).toEqual([...DEFAULT_OPT_OUT_KEYWORDS]);
    expect(consentKeyword('HALT', ['halt'])).toBe('opt-out');
    expect(consentKeyword('STOP', ['HALT'])).toBeNull();
  });
});

describe('an edited opt-out list', () => {
  it.each([
    [['STOP'], null],
    [['STOP', 'HALT'], null],
    [[], /at least one opt-out word/],
    [['STOP', 'stop '], /“stop” is in the list twice/],
    [['STOP', 'Start'], /“Start” is the word customers write to receive messages again/],
  ])('%o → %s', (list, problem) => {
    const result = optOutKeywordsProblem(list);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});
