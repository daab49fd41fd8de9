import type { BackupSummary } from '../../../../main/contract/backups';
import { formatClock } from '../../../../main/domain/zoned-time';
import { formatShortDate } from '../../format/dates';
import type { FormatPrefs } from '../../format/zone';

/** "Tue 24 Nov, 03:00": the moment a backup was made, as the owner names it. */
export function backupMoment(at: number, now: number, prefs: FormatPrefs): string {
  return `${formatShortDate(at, now, prefs.locale, prefs.timeZone)}, ${formatClock(at, prefs.timeZone, prefs.locale)}`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "2 contacts, 1,204 messages". */
export function backupContents(backup: Pick<BackupSummary, 'contacts' | 'messages'>): string {
  return `${count(backup.contacts, 'contact', 'contacts')}, ${count(backup.messages, 'message', 'messages')}`;
}

/** "1.4 MB". */
export function backupSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
