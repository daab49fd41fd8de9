import { useMemo, useState, type ReactNode } from 'react';
import type { ContactRow, Message } from '../../../../main/contract/model';
import { canSendFreeForm } from '../../../../main/domain/care-window';
import { useStore } from '../../state/context';
import { ConversationActionsContext, type ConversationActions } from './conversation-actions';

/** Holds the open conversation's reply target (per contact) and the jump to a quoted message. */
export function ConversationActionsProvider({ row, children }: { row: ContactRow; children: ReactNode }) {
  const store = useStore();
  const contactId = row.contact.id;
  const canSend = canSendFreeForm(row.window);
  const [reply, setReply] = useState<{ contactId: string; message: Message } | null>(null);
  const replyTarget = reply !== null && reply.contactId === contactId && canSend ? reply.message : null;
  const value = useMemo<ConversationActions>(
    () => ({
      contactId,
      canSend,
      replyTarget,
      setReplyTarget: (message) => setReply(message === null ? null : { contactId, message }),
      jumpTo: (target) => void store.openConversationAt(contactId, { messageId: target.id, at: target.at }),
    }),
    [contactId, canSend, replyTarget, store],
  );
  return <ConversationActionsContext.Provider value={value}>{children}</ConversationActionsContext.Provider>;
}
