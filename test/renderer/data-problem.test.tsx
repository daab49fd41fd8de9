import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../../main/contract/model';
import { ProblemNotice } from '../../renderer/src/components/Banners';

const textOf = (problem: DataProblem): string | null =>
  render(<ProblemNotice problem={problem} />).container.textContent;

describe('a data problem in the banner', () => {
  it('says where the file was kept when it was moved aside or copied', () => {
    expect(
      textOf({
        file: '/data/contacts.json',
        movedTo: '/data/corrupt/contacts.2026-03-01T090000.000Z.json',
        message: 'Your contact list (contacts.json) could not be read: it is damaged.',
        recovery: 'CareWindow restored the backup from 2026-03-01 09:00 (4 contacts).',
      }),
    ).toBe(
      'Your contact list (contacts.json) could not be read: it is damaged. CareWindow restored the backup ' +
        'from 2026-03-01 09:00 (4 contacts). The file as it was is kept at ' +
        '/data/corrupt/contacts.2026-03-01T090000.000Z.json.',
    );
  });

  it('claims no kept copy for a file that was left where it is (or was missing)', () => {
    expect(
      textOf({
        file: '/data/messages/anna.jsonl',
        movedTo: '',
        message: 'The conversation with Anna was saved by a newer version of CareWindow.',
        recovery: 'CareWindow left it untouched.',
      }),
    ).toBe(
      'The conversation with Anna was saved by a newer version of CareWindow. CareWindow left it untouched.',
    );
  });
});
