import type { DataProblem } from '../contract/model';

/** The owner's words for journal lines that could not be read (a damaged disk: a crash only tears the last). */
export function journalDamage(file: string, lines: number): DataProblem {
  return {
    file,
    movedTo: '',
    message:
      lines === 1
        ? 'One saved change to your contact list could not be read.'
        : `${lines} saved changes to your contact list could not be read.`,
    recovery:
      'CareWindow kept every other change. Check the contacts you changed most recently (names, numbers, ' +
      'opt-ins) and make the change again where it is missing.',
  };
}
