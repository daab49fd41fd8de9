import { describe, expect, it } from 'vitest';
import { PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS } from '../../main/contract/consent-words';
import {
  consentChange,
  consentKeyword,
  DEFAULT_OPT_OUT_KEYWORDS,
  isMarketingOptOutButton,
  optOutKeywordsProblem,
  upgradedOptOutKeywords,
} from '../../main/domain/consent-keywords';
import { DEFAULT_SETTINGS } from '../../main/contract/model';

describe('opt-out words as customers write them', () => {
  it.each([
    // English
    ['STOP', 'opt-out'],
    ['stop', 'opt-out'],
    ['  Stop \n', 'opt-out'],
    ['Stop.', 'opt-out'],
    ['STOP!!', 'opt-out'],
    ['stop 🙏', 'opt-out'],
    ['stop 🙏🏽', 'opt-out'],
    ['🛑 STOP 🛑', 'opt-out'],
    ['«Stop»', 'opt-out'],
    ['ＳＴＯＰ', 'opt-out'],
    ['Unsubscribe.', 'opt-out'],
    // Dutch, German
    ['AfMeLdEn', 'opt-out'],
    ['uitschrijven!', 'opt-out'],
    ['Stopp.', 'opt-out'],
    ['abmelden 👋', 'opt-out'],
    // French: one listed word, any accent
    ['Arrêt', 'opt-out'],
    ['ARRET !', 'opt-out'],
    ['arrèt', 'opt-out'],
    ['désabonner', 'opt-out'],
    // Spanish, Portuguese, Italian
    ['¡Baja!', 'opt-out'],
    ['desinscribir', 'opt-out'],
    ['Parar.', 'opt-out'],
    ['sair', 'opt-out'],
    ['Disiscrivimi 🙏', 'opt-out'],
    // Requests to restart: the owner confirms them
    ['START', 'opt-in-request'],
    [' start! ', 'opt-in-request'],
    ['aanmelden', 'opt-in-request'],
    ['Anmelden.', 'opt-in-request'],
    ['iscrivimi', 'opt-in-request'],
    // Ordinary messages that contain the words
    ['stop by tomorrow?', null],
    ['Don’t stop!', null],
    ["Don't stop!", null],
    ['can you stop by', null],
    ['Can you stop sending these?', null],
    ['Please stop', null],
    ['STOP STOP', null],
    ['S T O P', null],
    ['S.T.O.P', null],
    ['stopped', null],
    ['start now', null],
    ['Arrêt de bus ?', null],
    ['La baja es mañana', null],
    ['Cancella', null],
    ['Cancelar', null],
    ['🙏', null],
    ['!!!', null],
    ['', null],
    ['   ', null],
  ] as const)('“%s” → %s', (text, expected) => {
    expect(consentKeyword(text, DEFAULT_OPT_OUT_KEYWORDS)).toBe(expected);
  });

  it('uses the list from the settings, whose default is the list of many languages', () => {
    expect(DEFAULT_SETTINGS.optOutKeywords).toEqual([...DEFAULT_OPT_OUT_KEYWORDS]);
    expect(consentKeyword('Halt!', ['halt'])).toBe('opt-out');
    expect(consentKeyword('STOP', ['HALT'])).toBeNull();
    // An owner's own word is matched the same forgiving way.
    expect(consentKeyword('Älä lähetä.', ['ALA LAHETA'])).toBe('opt-out');
  });
});

describe('a template’s “Stop promotions” button', () => {
  it.each([
    [{ kind: 'button', text: 'Stop promotions', payload: null }, true],
    [{ kind: 'button', text: 'STOP PROMOTIONS', payload: 'x' }, true],
    [{ kind: 'button', text: 'Anything', payload: 'STOP_PROMOTIONS' }, true],
    [{ kind: 'button', text: 'Werbung stoppen', payload: null }, true],
    [{ kind: 'button', text: 'Stop promotions', payload: null, marketingOptOut: false }, false],
    [{ kind: 'button', text: 'Not interested', payload: 'opt-out', marketingOptOut: true }, true],
    [{ kind: 'button', text: 'Yes, still interested', payload: null }, false],
    [{ kind: 'text', text: 'Stop promotions' }, false],
  ] as const)('%o → %s', (event, expected) => {
    expect(isMarketingOptOutButton(event)).toBe(expected);
  });

  it.each([
    [{ kind: 'button', text: 'Stop promotions', payload: null }, 'marketing-opt-out'],
    [{ kind: 'button', text: 'STOP', payload: null }, 'opt-out'],
    [{ kind: 'button', text: 'Yes please', payload: null }, null],
    [{ text: 'Stop.' }, 'opt-out'],
    [{ kind: 'text', text: 'Stop promotions' }, null],
    [{ kind: 'call', text: 'STOP' }, null],
    [{ kind: 'reaction', text: '🛑' }, null],
  ] as const)('%o changes consent: %s', (event, expected) => {
    expect(consentChange(event, DEFAULT_OPT_OUT_KEYWORDS)).toBe(expected);
  });
});

describe('an edited opt-out list', () => {
  it.each([
    [['STOP'], null],
    [['STOP', 'HALT'], null],
    [[...DEFAULT_OPT_OUT_KEYWORDS], null],
    [[], /at least one opt-out word/],
    [['STOP', 'STOP '], /“STOP” is in the list twice/],
    [['STOP', 'stop'], /“stop” and “STOP” are the same word/],
    [['ARRÊT', 'arret'], /“arret” and “ARRÊT” are the same word/],
    [['STOP', '!!'], /“!!” has no letters/],
    [['STOP', 'Start'], /“Start” is the word customers write to receive messages again/],
    [['STOP', 'Anmelden!'], /“Anmelden!” is the word customers write to receive messages again/],
  ])('%o → %s', (list, problem) => {
    const result = optOutKeywordsProblem(list);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('settings saved with the old default', () => {
  it('exactly the old four words become the new default', () => {
    expect(upgradedOptOutKeywords([...PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS])).toEqual(DEFAULT_OPT_OUT_KEYWORDS);
  });

  it.each([
    [['STOP', 'STOPP', 'UNSUBSCRIBE']],
    [['STOP', 'STOPP', 'UNSUBSCRIBE', 'AFMELDEN', 'HALT']],
    [['AFMELDEN', 'STOP', 'STOPP', 'UNSUBSCRIBE']],
    [['stop', 'stopp', 'unsubscribe', 'afmelden']],
    [['HALT']],
  ])('an owner’s own list %o stays exactly as it is', (list) => {
    expect(upgradedOptOutKeywords(list)).toEqual(list);
  });
});
