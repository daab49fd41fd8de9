import type { WorkspaceStore } from '../../store/workspace-store';
import type { IdFactory } from '../ids';
import { buildDemoWorkspace } from './demo-workspace';

/** Fills a fresh demo workspace with contacts and histories around `now`. */
export async function seedDemoWorkspace(store: WorkspaceStore, now: number, ids: IdFactory): Promise<void> {
  const demo = buildDemoWorkspace(now, ids);
  for (const contact of demo.contacts) await store.saveContact(contact);
  const byTime = [...demo.messages].sort((a, b) => a.at - b.at);
  for (const message of byTime) await store.appendMessage(message);
  for (const template of demo.templates) await store.saveTemplate(template);
  // The demo's follow-ups were "sent" long ago: record each as finished, with its template as the last used.
  for (const { contactId, messageId, use } of demo.templateUses)
    await store.finishSend(messageId, { contactId, use });
  await store.flush();
}
