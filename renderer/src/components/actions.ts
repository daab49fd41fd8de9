import { createContext, useContext } from 'react';

/** How a template reaches a contact: the one follow-up after the window closed, or inside an open window. */
export type TemplateMode = 'follow-up' | 'template';

/**
 * What screens deep in the tree can ask the shell to open: the follow-up preview, the contact editor
 * (at the part that fixes a refusal), a template, the notification centre. The shell owns the dialogs.
 */
export interface ShellActions {
  followUp(contactId: string, options?: { mode?: TemplateMode; focusTemplate?: boolean }): void;
  editContact(contactId: string, options?: { focusOptIn?: boolean; addField?: string }): void;
  /** Opens the Templates screen; with an id, its form for that template; with null, a new one. */
  editTemplate(templateId?: string | null): void;
  openContact(contactId: string): void;
  /** Opens the "Connect WhatsApp" wizard (the real workspace's banner, the settings, the empty list). */
  connectWhatsApp(): void;
  /** "Search messages" across every conversation, or within one. */
  searchMessages(contactId?: string): void;
}

export const ActionsContext = createContext<ShellActions | null>(null);

export function useActions(): ShellActions {
  const actions = useContext(ActionsContext);
  if (actions === null) throw new Error('useActions() needs the app shell.');
  return actions;
}
