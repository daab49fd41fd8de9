import path from 'node:path';
import type { DataProblem } from '../contract/model';
import { copyAside, findAside, type CorruptFolder } from './corrupt-folder';
import type { LineDamage } from './message-log';

export interface LogDamageOptions {
  readonly corrupt: CorruptFolder;
  /** The contact's name for the message, when known. */
  readonly nameOf: (contactId: string) => string | undefined;
  readonly report: (problem: DataProblem) => void;
}

/**
 * Turns damaged history lines into evidence and a message for the owner. The file is copied to `corrupt/`
 * as it is (it stays in use: every good line in it is still shown), once per damage: a damaged line seen
 * again at the next start finds its copy by name, and within a session each line is reported only once.
 */
export function logDamageReporter(options: LogDamageOptions) {
  const seen = new Set<string>();
  return async (contactId: string, file: string, damage: readonly LineDamage[]): Promise<void> => {
    const fresh = damage.filter((d) => !seen.has(`${file}@${d.offset}`));
    const first = fresh[0];
    if (first === undefined) return;
    for (const d of fresh) seen.add(`${file}@${d.offset}`);

    const stem = `messages-${path.basename(file, '.jsonl')}.at-${first.offset}`;
    let movedTo = '';
    try {
      movedTo =
        (await findAside(options.corrupt, `${stem}.`)) ??
        (await copyAside(options.corrupt, file, stem, '.jsonl'));
    } catch {
      // No copy (a full disk, say) must not stop the owner reading the rest; the damaged bytes stay in place
      // anyway, since a history is only ever appended to.
    }

    const torn = fresh.filter((d) => d.kind === 'torn').length;
    const bad = fresh.length - torn;
    const parts: string[] = [];
    if (bad > 0) parts.push(bad === 1 ? 'a damaged line' : `${bad} damaged lines`);
    if (torn > 0)
      parts.push('a last message that was cut off while being saved (CareWindow or the computer stopped)');
    options.report({
      file,
      movedTo,
      message: `The conversation with ${conversationOf(options, contactId, file)} has ${parts.join(' and ')}.`,
      recovery:
        (movedTo === '' ? 'CareWindow could not keep a copy of the file, but left it as it was. ' : '') +
        'CareWindow skipped what it could not read; every other message is still there.',
    });
  };
}

/** Tells the owner, once per file, that a history is from a newer CareWindow (see MessageHistory). */
export function newerHistoryReporter(options: Omit<LogDamageOptions, 'corrupt'>) {
  const seen = new Set<string>();
  return (contactId: string, file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    options.report({
      file,
      movedTo: '',
      message: `The conversation with ${conversationOf(options, contactId, file)} was saved by a newer version of CareWindow.`,
      recovery:
        'CareWindow left it untouched, so nothing in it is lost, but this version can neither show it nor ' +
        'add messages to it. Update CareWindow to see this conversation again.',
    });
  };
}

/** "Anna (messages/anna.jsonl)": for the owner's eyes only (the banner), never for the log. */
function conversationOf(options: Pick<LogDamageOptions, 'nameOf'>, contactId: string, file: string): string {
  const where = path.join(path.basename(path.dirname(file)), path.basename(file));
  return `${options.nameOf(contactId) ?? 'a contact'} (${where})`;
}
