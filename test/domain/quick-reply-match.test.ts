import { describe, expect, it } from 'vitest';
import { matchQuickReplies } from '../../main/domain/answer-faster/fill-reply';

const replies = [
  { shortcut: 'repair', text: 'Repairs take a week.' },
  { shortcut: 'hours', text: 'We are open 9–18, {first_name}.' },
  { shortcut: 'ready', text: 'Ticket {ticket_ID} is ready.' },
  { shortcut: 'thanks', text: 'Thank you, see you soon!' },
];

const shortcuts = (typed: string) => matchQuickReplies(replies, typed).map((r) => r.shortcut);

describe('matching quick replies to what follows `/`', () => {
  it('lists every reply by shortcut when nothing was typed', () => {
    expect(shortcuts('')).toEqual(['hours', 'ready', 'repair', 'thanks']);
  });

  it('puts shortcuts that start with the text first, then the others that match', () => {
    expect(shortcuts('re')).toEqual(['ready', 'repair']);
    expect(shortcuts('OPEN')).toEqual(['hours']);
    expect(shortcuts('soon')).toEqual(['thanks']);
  });

  it('finds the text at the start of a word only, never inside one', () => {
    // The "ee" of "week" and "see" is no match, as the "re" of "are" was not above.
    expect(shortcuts('ee')).toEqual([]);
    expect(shortcuts('week')).toEqual(['repair']);
  });
});
