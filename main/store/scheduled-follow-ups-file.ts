import type { Low } from 'lowdb';
import { z } from 'zod';
import { ScheduledFollowUp } from '../contract/answer-faster';
import type { JsonFileKind } from './json-file-kind';
import { SavedInMemory } from './saved-in-memory';

export const ScheduledFollowUpsFile = z.object({
  schemaVersion: z.number().int().positive(),
  /** At most one per contact: a window gets one follow-up. */
  scheduled: z.array(ScheduledFollowUp),
});
export type ScheduledFollowUpsFile = z.infer<typeof ScheduledFollowUpsFile>;

export const SCHEDULED_FOLLOW_UPS_FILE: JsonFileKind<ScheduledFollowUpsFile> = {
  fileName: 'scheduled-follow-ups.json',
  label: 'Your scheduled follow-ups',
  version: 1,
  migrations: {},
  schema: ScheduledFollowUpsFile,
  defaults: () => ({ schemaVersion: 1, scheduled: [] }),
  describe: (data) => `${data.scheduled.length} scheduled follow-ups`,
  emptyRecovery:
    'CareWindow started without your scheduled follow-ups: nothing will be sent by itself. Open Follow-ups to schedule them again.',
  // An older copy could bring back a follow-up that was already sent.
  backup: false,
};

/**
 * scheduled-follow-ups.json. An entry is removed (durably) before its follow-up is handed to the
 * follow-up service, so it goes out at most once, also across a crash or a restart.
 */
export class ScheduledFollowUpShelf {
  private readonly file: SavedInMemory<ScheduledFollowUpsFile>;

  constructor(low: Low<ScheduledFollowUpsFile>) {
    this.file = new SavedInMemory(low);
  }

  list(): readonly ScheduledFollowUp[] {
    return this.file.data.scheduled;
  }

  of(contactId: string): ScheduledFollowUp | undefined {
    return this.file.data.scheduled.find((s) => s.contactId === contactId);
  }

  /** Replaces the contact's earlier one, if any. */
  put(valid: ScheduledFollowUp): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      scheduled: [...data.scheduled.filter((s) => s.contactId !== valid.contactId), valid],
    }));
  }

  /** Removes the contact's entry; resolves with it (undefined when there was none, e.g. already taken). */
  take(contactId: string): Promise<ScheduledFollowUp | undefined> {
    return this.file.changeWith((data) => {
      const found = data.scheduled.find((s) => s.contactId === contactId);
      if (!found) return [data, undefined] as const;
      return [{ ...data, scheduled: data.scheduled.filter((s) => s !== found) }, found] as const;
    });
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}
