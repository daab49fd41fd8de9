import { describe, expect, it } from 'vitest';
import { columnsOf, columnsProblem, entriesOf, type SummaryColumns } from '../../main/store/activity-columns';
import { asciiJson } from '../../main/store/ascii-json';
import { SUMMARIES as entries } from './activity-file-kit';
import { T0 } from './store-test-kit';

/** The columns as a file would hold them: through JSON, in ASCII. */
const throughFile = (columns: SummaryColumns): unknown => JSON.parse(asciiJson(JSON.stringify(columns)));

describe('activity.json columns (version 3)', () => {
  it('gives every summary back as it was, through the file', () => {
    const read = throughFile(columnsOf(entries));
    expect(columnsProblem(read)).toBeNull();
    expect(entriesOf(read as SummaryColumns)).toStrictEqual(new Map(entries));
    expect(columnsProblem(throughFile(columnsOf([])))).toBeNull();
  });

  it('refuses columns that are wrong in any one way, naming where', () => {
    const good = columnsOf(entries);
    const broken: [Partial<Record<keyof SummaryColumns, unknown>>, string][] = [
      [{ ids: ['anna', 'ben', 7] }, 'ids.2'],
      [{ lastInboundAt: [T0, 0] }, 'lastInboundAt'],
      [{ lastOutboundAt: [1, 0, 0] }, 'lastOutboundAt.0'],
      [{ lastFollowUpAt: [T0, 0, null] }, 'lastFollowUpAt.2'],
      [{ messageCount: [2, -1, 1] }, 'messageCount.1'],
      [{ logBytes: [300, 0, 1.5] }, 'logBytes.2'],
      [{ lastAt: [T0, T0, T0] }, 'lastText.1'],
      [{ lastText: ['x', 'y', ''] }, 'lastText.1'],
      [{ lastDirection: 'o-x' }, 'lastDirection.2'],
      [{ lastDirection: 'o-' }, 'lastDirection'],
      [{ lastNotSent: { 1: 'Blocked' } }, 'lastNotSent.1'],
      [{ lastNotSent: { 0: 'x'.repeat(1001) } }, 'lastNotSent.0'],
      [{ orderKind: 'o-x' }, 'orderKind.2'],
      [{ orderMaxAt: [T0 + 1, 0, 5] }, 'orderMaxAt.2'],
      [{ orderLate: { 2: [[1, 2]] } }, 'orderLate.2'],
      [{ orderLate: { '01': [[1, 2]] } }, 'orderLate.01'],
      [{ orderLate: { 0: [[1, -2]] } }, 'orderLate.0'],
    ];
    for (const [change, where] of broken) {
      const problem = columnsProblem({ ...(throughFile(good) as SummaryColumns), ...change });
      expect({ change, where: problem?.path.join('.') }).toEqual({ change, where });
    }
  });
});
