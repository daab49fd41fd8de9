import { useId, useState } from 'react';
import type { QuickReply } from '../../../../main/contract/model';
import { useQuickReplies } from '../../state/answer-faster';
import { useApi } from '../../state/context';
import { useBusyRun } from '../use-busy-run';

/**
 * The owner's quick replies: add, edit, delete. Each saves at once (apart from "Save settings"); the
 * main process refuses a shortcut another reply already uses.
 */
export function QuickRepliesSettings() {
  const api = useApi();
  const replies = useQuickReplies();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const { busy, problem, run } = useBusyRun();
  const [editing, setEditing] = useState<QuickReply | 'new' | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');

  function edit(reply: QuickReply | 'new') {
    setEditing(reply);
    setShortcut(reply === 'new' ? '' : reply.shortcut);
    setText(reply === 'new' ? '' : reply.text);
  }

  function save() {
    const target = editing;
    if (target === null) return;
    void run(async () => {
      const draft = { shortcut: shortcut.trim().replace(/^\//, ''), text };
      await (target === 'new' ? api.quickReplies.save(draft) : api.quickReplies.save(draft, target.id));
      setEditing(null);
    });
  }

  return (
    <fieldset className="field-group quick-replies-settings" aria-busy={busy || undefined}>
      <legend>Quick replies</legend>
      <p className="field-hint">
        Type <kbd>/</kbd> in the message box to insert one. Placeholders such as {'{first_name}'} are filled
        from the contact, as in templates. Only inside the window: after it closes, use a template.
      </p>
      {replies.length === 0 ? <p className="field-hint">No quick replies yet.</p> : null}
      <ul className="answer-faster-list" aria-label="Your quick replies">
        {replies.map((reply) => (
          <li key={reply.id}>
            <span className="quick-reply-shortcut">/{reply.shortcut}</span>
            <span className="quick-reply-text" dir="auto">
              {reply.text}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={`Edit /${reply.shortcut}`}
              onClick={() => edit(reply)}
            >
              Edit
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={`Delete /${reply.shortcut}`}
              onClick={() => void run(() => api.quickReplies.remove(reply.id))}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => edit('new')}>
          Add a quick reply
        </button>
      ) : (
        <div className="quick-reply-form">
          <div className="field">
            <label htmlFor={id('shortcut')}>Shortcut word</label>
            <input
              id={id('shortcut')}
              value={shortcut}
              maxLength={31}
              onChange={(e) => setShortcut(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={id('text')}>Answer</label>
            <textarea
              id={id('text')}
              dir="auto"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field-row">
            <button type="button" className="primary" disabled={busy} onClick={save}>
              Save quick reply
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
