// The rows of activity.json: the fast check at start accepts exactly what the zod row schema accepts,
// and a summary goes through a row unchanged.
import { describe, expect, it } from 'vitest';
import { entryOf, isSummaryRow, rowOf, SummaryRow } from '../../main/store/activity-rows';
import { SUMMARIES } from './activity-file-kit';
import { T0 } from './store-test-kit';

const Y2000 = Date.UTC(2000, 0, 1);
const Y2100 = Date.UTC(2100, 0, 1);

const full = [
  'anna',
  T0,
  T0 + 1,
  T0 + 1,
  12,
  ['hello', T0 + 1, 'outbound', 'Blocked'],
  4096,
  [T0 + 1, [[0, 10]]],
];
const bare = ['ben', null, null, null, 0, null, 0, null];

/** Every field of a good row replaced by values that must be refused, and a few that must be accepted. */
function variants(): unknown[] {
  const rows: unknown[] = [full, bare, full.slice(0, 7), [...full, null], 'anna', null, {}];
  const times = [Y2000, Y2100, Y2000 - 1, Y2100 + 1, T0 + 0.5, String(T0), null, -1];
  const counts = [0, 1, -1, 1.5, '1', null, Number.MAX_SAFE_INTEGER, 2 ** 60];
  const swap = (i: number, values: unknown[]) =>
    values.forEach((v) => rows.push(full.map((x, j) => (j === i ? v : x))));
  swap(0, ['', 7, null]);
  for (const i of [1, 2, 3]) swap(i, times);
  for (const i of [4, 6]) swap(i, counts);
  const last = ['hello', T0, 'inbound'];
  swap(5, [
    last,
    [...last, 'x'.repeat(1000)],
    [...last, 'x'.repeat(1001)],
    [...last, null],
    [...last, 'why', 'extra'],
    ['hello', T0],
    [7, T0, 'inbound'],
    ['hello', Y2000 - 1, 'inbound'],
    ['hello', T0, 'sideways'],
    { text: 'hello', at: T0, direction: 'inbound' },
  ]);
  const ranges = (n: number) => Array.from({ length: n }, (_, k) => [k * 2, k * 2 + 1]);
  swap(7, [
    [null, []],
    [-5.5, []],
    ['x', []],
    [T0],
    [T0, [], 1],
    [T0, ranges(200)],
    [T0, ranges(201)],
    [T0, [[1, 2, 3]]],
    [T0, [[1, -2]]],
    [T0, [[1, 2.5]]],
    [T0, [[1]]],
    [T0, null],
    { maxAt: T0, late: [] },
  ]);
  return rows;
}

describe('activity.json rows', () => {
  it('the fast check and the zod schema agree on every row', () => {
    const rows = variants();
    const accepted = rows.filter((row) => SummaryRow.safeParse(row).success);
    expect(accepted.length).toBeGreaterThan(10);
    expect(accepted.length).toBeLessThan(rows.length - 40);
    for (const row of rows) {
      expect({ row, fast: isSummaryRow(row) }).toEqual({ row, fast: SummaryRow.safeParse(row).success });
    }
  });

  it('a summary comes back from its row as it was', () => {
    const entries = SUMMARIES.map(([, entry]) => entry);
    for (const entry of entries) {
      const row = JSON.parse(JSON.stringify(rowOf('anna', entry))) as unknown;
      expect(isSummaryRow(row)).toBe(true);
      if (isSummaryRow(row)) expect(entryOf(row)).toStrictEqual(entry);
    }
  });
});
