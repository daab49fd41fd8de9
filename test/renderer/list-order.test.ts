import { describe, expect, it } from 'vitest';
import { countByFilter, parseQuery, visibleRows } from '../../renderer/src/list/filter';
import { compareRows, sortRows } from '../../main/contract/contact-order';
import { HOUR, MINUTE, T0 } from './moments';
import { makeRow } from './rows';

const rows = [
  makeRow({ id: 'never-b', name: 'Bram', state: 'none' }),
  makeRow({ id: 'await-old', name: 'Olga', state: 'awaiting-reply', followUpSentAt: T0 - 5 * HOUR }),
  makeRow({
    id: 'closed-blocked',
    name: 'Carl',
    state: 'closed',
    expiresAt: T0 - 10 * MINUTE,
    followUp: 'no-opt-in',
  }),
  makeRow({ id: 'open-late', name: 'Ahmed', state: 'open', expiresAt: T0 + 5 * HOUR }),
  makeRow({ id: 'closed-old', name: 'Sofia', state: 'closed', expiresAt: T0 - 9 * HOUR, followUp: 'ready' }),
  makeRow({ id: 'closing', name: 'Maria', state: 'closing', expiresAt: T0 + 8 * MINUTE }),
  makeRow({ id: 'never-a', name: 'Anna', state: 'none' }),
  makeRow({ id: 'closed-recent', name: 'Tom', state: 'closed', expiresAt: T0 - HOUR, followUp: 'ready' }),
  makeRow({ id: 'await-new', name: 'Piet', state: 'awaiting-reply', followUpSentAt: T0 - HOUR }),
  makeRow({ id: 'open-soon', name: 'Zoe', state: 'open', expiresAt: T0 + 2 * HOUR }),
];

describe('list order', () => {
  it('puts the soonest-closing first, then closed (ready first, latest first), awaiting, never wrote', () => {
    expect(sortRows(rows).map((row) => row.contact.id)).toEqual([
      'closing',
      'open-soon',
      'open-late',
      'closed-recent',
      'closed-old',
      'closed-blocked',
      'await-new',
      'await-old',
      'never-a',
      'never-b',
    ]);
  });

  it('is a consistent comparison', () => {
    for (const a of rows) {
      expect(compareRows(a, a)).toBe(0);
      for (const b of rows) expect(Math.sign(compareRows(a, b)) + Math.sign(compareRows(b, a))).toBe(0);
    }
  });

  it('does not change the input', () => {
    const before = rows.map((row) => row.contact.id);
    sortRows(rows);
    expect(rows.map((row) => row.contact.id)).toEqual(before);
  });
});

describe('filters and search', () => {
  const people = [
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      phone: '+31612345678',
      state: 'closing',
      expiresAt: T0 + MINUTE,
    }),
    makeRow({ id: 'jose', name: 'José Álvarez', phone: '+34600111222', state: 'open', waiting: true }),
    makeRow({
      id: 'ahmed',
      name: 'Ahmed El Amrani',
      phone: '+32470998877',
      state: 'closed',
      expiresAt: T0 - HOUR,
    }),
  ];

  it('counts contacts per window state and those waiting for an answer', () => {
    expect(countByFilter(people)).toEqual({
      all: 3,
      waiting: 1,
      closing: 1,
      open: 1,
      closed: 1,
      'awaiting-reply': 0,
      none: 0,
    });
  });

  it.each([
    ['', ['maria', 'jose', 'ahmed']],
    ['maria', ['maria']],
    ['JANS', ['maria']],
    ['jose', ['jose']],
    ['el amr', ['ahmed']],
    ['amrani ahmed', ['ahmed']],
    ['612', ['maria']],
    ['06 1234', ['maria']],
    ['+32 470', ['ahmed']],
    ['xyz', []],
  ])('“%s” finds %j', (query, ids) => {
    expect(visibleRows(people, 'all', query).map((row) => row.contact.id)).toEqual(ids);
  });

  it('combines a filter with the search', () => {
    expect(visibleRows(people, 'closed', '').map((row) => row.contact.id)).toEqual(['ahmed']);
    expect(visibleRows(people, 'closed', 'maria')).toEqual([]);
    expect(visibleRows(people, 'waiting', '').map((row) => row.contact.id)).toEqual(['jose']);
  });

  it('reads a number-like query as digits without the leading 0', () => {
    expect(parseQuery('06-12').digits).toBe('612');
    expect(parseQuery('Maria').digits).toBeNull();
  });
});
