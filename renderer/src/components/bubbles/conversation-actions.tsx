import { createContext, useContext } from 'react';
import type { Message } from '../../../../main/contract/model';

/**
 * What a bubble can do in the open conversation, shared by the log and the composer: quote a message in
 * the reply being written, jump to a quoted message. `canSend` is false once the window closed (main
 * refuses then anyway; the buttons are not offered).
 */
export interface ConversationActions {
  contactId: string;
  canSend: boolean;
  replyTarget: Message | null;
  setReplyTarget: (message: Message | null) => void;
  jumpTo: (message: { id: string; at: number }) => void;
}

export const ConversationActionsContext = createContext<ConversationActions | null>(null);

export function useConversationActions(): ConversationActions | null {
  return useContext(ConversationActionsContext);
}

/** A short line for a message in a quote or a preview: its text, else what it carries. */
export function messageGist(message: Message): string {
  if (message.text.trim() !== '') return message.text;
  if (message.media) return MEDIA_WORD[message.media.kind];
  if (message.location) return 'Location';
  if (message.contacts) return 'Contact card';
  return 'Message';
}

/** The short line main stores as the text of media without a caption ("Photo", "Voice message"). */
export function mediaWord(kind: NonNullable<Message['media']>['kind']): string {
  return MEDIA_WORD[kind];
}

const MEDIA_WORD: Record<NonNullable<Message['media']>['kind'], string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  voice: 'Voice message',
  sticker: 'Sticker',
  document: 'Document',
  other: 'File',
};
