import type { Activity, Message } from '../contract/model';
import { activityOf, withMessage } from '../domain/activity';
import type { ActivitySummaries } from './activity-summaries';
import type { ContactBook } from './contact-book';
import type { MessageHistory } from './message-history';

/**
 * A chat export's messages going into a history and, on undo, out again. Each function runs inside the
 * contact's queue (FileWorkspaceStore calls them there), so the history and its summary change together.
 * Imported messages are never recorded as sends: they were not sent through the platform, so they are
 * neither billed nor counted in the Costs view.
 */
export interface ImportParts {
  messages: MessageHistory;
  summaries: ActivitySummaries;
  book: ContactBook;
}

export async function knownIds(
  history: MessageHistory,
  contactId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const conversation = await history.conversation(contactId);
  return new Set(ids.filter((id) => conversation.find(id) !== undefined));
}

/** Appends the messages the history does not hold yet, in one write; folds them into the summary. */
export async function addImported(
  { messages, summaries, book }: ImportParts,
  contactId: string,
  valid: readonly Message[],
): Promise<{ added: Message[]; activity: Activity }> {
  await summaries.ensure(contactId);
  const conversation = await messages.conversation(contactId);
  const added = valid.filter((m) => m.contactId === contactId && conversation.find(m.id) === undefined);
  if (added.length === 0) return { added, activity: summaries.get(contactId) };
  const owner = book.get(contactId);
  const size = await messages.appendMany(
    contactId,
    added,
    owner ? { phone: owner.phone, name: owner.name } : {},
  );
  const activity = added.reduce(withMessage, summaries.get(contactId));
  summaries.set(
    contactId,
    activity,
    size,
    added.map((m) => m.at),
  );
  return { added, activity };
}

/** Rewrites the history without these messages and folds the summary afresh from what is left. */
export async function removeImported(
  { messages, summaries }: ImportParts,
  contactId: string,
  ids: ReadonlySet<string>,
): Promise<Activity> {
  await summaries.ensure(contactId);
  const size = await messages.removeMessages(contactId, ids);
  const activity = activityOf((await messages.conversation(contactId)).inLogOrder());
  summaries.set(contactId, activity, size, 'rewritten');
  return activity;
}
