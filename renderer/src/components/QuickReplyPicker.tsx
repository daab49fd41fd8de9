import { useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Contact, QuickReply } from '../../../main/contract/model';
import { matchQuickReplies, replyForBox } from '../../../main/domain/answer-faster/fill-reply';
import { useQuickReplies } from '../state/answer-faster';

/** `/word` right before the caret, at the start of the box or after a space: what the picker filters by. */
const TRIGGER = /(^|\s)\/([\p{L}\p{N}_-]*)$/u;

export interface QuickReplyPicker {
  /** Props for the message box: it controls the list and points at the highlighted answer. */
  inputProps: {
    'aria-autocomplete': 'list';
    'aria-controls'?: string;
    'aria-activedescendant'?: string;
  };
  /** Handles ↑/↓, Enter and Esc while the list is open; true when it did. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** The caret moved or the text changed. */
  update: () => void;
  list: ReactNode;
  /** Placeholders the last inserted answer could not fill from the contact, e.g. ["{ticket_ID}"]. */
  missing: string[];
}

/**
 * Quick replies in the message box: typing `/` opens a list of the saved answers, typing on filters it,
 * ↑/↓ move, Enter (or a click) puts the answer, filled from the contact's fields, in place of `/word`,
 * Esc closes the list and leaves the text as typed.
 */
export function useQuickReplyPicker(args: {
  draft: string;
  contact: Contact | null;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  setDraft: (text: string) => void;
}): QuickReplyPicker {
  const { draft, contact, textareaRef, setDraft } = args;
  const replies = useQuickReplies();
  const listId = useId();
  const [query, setQuery] = useState<{ text: string; start: number; end: number } | null>(null);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [missing, setMissing] = useState<string[]>([]);

  const matches = query ? matchQuickReplies(replies, query.text) : [];
  const open = query !== null && draft !== dismissedAt;
  const highlighted = open ? matches[Math.min(active, matches.length - 1)] : undefined;
  const optionId = (reply: QuickReply) => `${listId}-${reply.id}`;

  function update() {
    const box = textareaRef.current;
    const caret = box?.selectionStart ?? draft.length;
    const before = (box?.value ?? draft).slice(0, caret);
    const found = TRIGGER.exec(before);
    const word = found?.[2];
    if (found && word !== undefined) {
      const start = caret - word.length - 1;
      if (query?.text !== word) setActive(0);
      setQuery({ text: word, start, end: caret });
    } else if (query !== null) setQuery(null);
  }

  function insert(reply: QuickReply) {
    if (!query) return;
    const filled = contact ? replyForBox(reply.text, contact) : { text: reply.text, missing: [] };
    const next = draft.slice(0, query.start) + filled.text + draft.slice(query.end);
    setDraft(next);
    setMissing(filled.missing);
    setQuery(null);
    const caret = query.start + filled.text.length;
    requestAnimationFrame(() => textareaRef.current?.setSelectionRange(caret, caret));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing) return false;
    const count = matches.length;
    if (event.key === 'ArrowDown' && count > 0) setActive((i) => (Math.min(i, count - 1) + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0)
      setActive((i) => (Math.min(i, count - 1) - 1 + count) % count);
    else if ((event.key === 'Enter' || event.key === 'Tab') && highlighted && !event.shiftKey)
      insert(highlighted);
    else if (event.key === 'Escape') setDismissedAt(draft);
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  const list = open ? (
    <div className="quick-replies" role="presentation">
      {matches.length === 0 ? (
        <p className="quick-replies-empty" role="status">
          {replies.length === 0
            ? 'No quick replies yet: add them in Settings → Answer faster.'
            : `No quick reply matches “/${query.text}”.`}
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label="Quick replies" className="quick-replies-list">
          {matches.map((reply) => (
            <li
              key={reply.id}
              id={optionId(reply)}
              role="option"
              aria-selected={reply === highlighted}
              className={reply === highlighted ? 'quick-reply is-active' : 'quick-reply'}
              onMouseDown={(event) => {
                // Keeps the focus in the message box.
                event.preventDefault();
                insert(reply);
              }}
            >
              <span className="quick-reply-shortcut">/{reply.shortcut}</span>
              <span className="quick-reply-text" dir="auto">
                {reply.text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

  return {
    inputProps: {
      'aria-autocomplete': 'list',
      ...(open && matches.length > 0 ? { 'aria-controls': listId } : {}),
      ...(highlighted ? { 'aria-activedescendant': optionId(highlighted) } : {}),
    },
    onKeyDown,
    update,
    list,
    missing,
  };
}
