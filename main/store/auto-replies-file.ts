import type { Low } from 'lowdb';
import { z } from 'zod';
import { AutoReplySettings, DEFAULT_AUTO_REPLIES, type AutomaticReply } from '../contract/answer-faster';
import { Id, Timestamp } from '../contract/primitives';
import type { JsonFileKind } from './json-file-kind';
import { SavedInMemory } from './saved-in-memory';

/** When each automatic reply last went to a customer: what keeps it to once per period, across restarts. */
const SentTo = z.object({ greeting: z.exactOptional(Timestamp), away: z.exactOptional(Timestamp) });

export const AutoRepliesFile = z.object({
  schemaVersion: z.number().int().positive(),
  settings: AutoReplySettings,
  sent: z.record(Id, SentTo),
});
export type AutoRepliesFile = z.infer<typeof AutoRepliesFile>;

export const AUTO_REPLIES_FILE: JsonFileKind<AutoRepliesFile> = {
  fileName: 'auto-replies.json',
  label: 'Your greeting and away messages',
  version: 1,
  migrations: {},
  schema: AutoRepliesFile,
  defaults: () => ({ schemaVersion: 1, settings: DEFAULT_AUTO_REPLIES, sent: {} }),
  describe: (data) =>
    `a greeting ${data.settings.greeting.enabled ? 'on' : 'off'}, an away message ${data.settings.away.enabled ? 'on' : 'off'}`,
  emptyRecovery:
    'CareWindow started with the greeting and away messages turned off. Turn them on again in the settings; your contacts and messages are untouched.',
  // An older copy would forget replies already sent and could send one twice.
  backup: false,
};

/** auto-replies.json: the settings of the automatic replies and whom each last went to. */
export class AutoReplyShelf {
  private readonly file: SavedInMemory<AutoRepliesFile>;

  constructor(low: Low<AutoRepliesFile>) {
    this.file = new SavedInMemory(low);
  }

  settings(): AutoReplySettings {
    return this.file.data.settings;
  }

  lastSent(contactId: string, kind: AutomaticReply): number | null {
    return this.file.data.sent[contactId]?.[kind] ?? null;
  }

  saveSettings(valid: AutoReplySettings): Promise<void> {
    return this.file.change((data) => ({ ...data, settings: valid }));
  }

  /** Written before the reply is handed to the outbox: a crash in between loses one, never sends two. */
  recordSent(contactId: string, kind: AutomaticReply, at: number): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      sent: { ...data.sent, [contactId]: { ...data.sent[contactId], [kind]: at } },
    }));
  }

  forgetContact(contactId: string): Promise<void> {
    return this.file.change((data) => {
      const { [contactId]: _gone, ...sent } = data.sent;
      return { ...data, sent };
    });
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}
