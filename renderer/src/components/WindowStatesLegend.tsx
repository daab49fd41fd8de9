import { useState } from 'react';
import type { WindowState } from '../../../main/contract/model';
import { STATE_MARK, STATE_WORD } from '../format/window-text';
import { Dialog } from './Dialog';

/** What each of the five window states means and what the owner can do, in the order of the list. */
const MEANING: ReadonlyArray<[WindowState, string]> = [
  ['open', 'The customer wrote in the last 24 hours: answer freely.'],
  ['closing', 'Less than your warning time is left: answer now, or only a template can go after.'],
  ['closed', 'The 24 hours are over: one approved template (a follow-up) may go, if the customer opted in.'],
  ['awaiting-reply', 'You sent the one follow-up: only the customer can open a new window, by writing back.'],
  ['none', 'The customer never wrote: only a template can start the conversation.'],
];

/** The "?" beside the filters: the five window states and "Waiting for you", one click away. */
export function WindowStatesLegend() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="ghost legend-button"
        aria-label="What the window states mean"
        title="What the window states mean"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      {open ? (
        <Dialog title="Window states" onClose={() => setOpen(false)}>
          <p>WhatsApp lets you answer freely for 24 hours after the customer’s last message.</p>
          <ul className="legend">
            {MEANING.map(([state, meaning]) => (
              <li key={state} className={`state-${state}`}>
                <span className="mark" aria-hidden="true">
                  {STATE_MARK[state]}
                </span>
                <span>
                  <strong>{STATE_WORD[state]}</strong> — {meaning}
                </span>
              </li>
            ))}
            <li>
              <span className="unread-count" aria-hidden="true">
                1
              </span>
              <span>
                <strong>Waiting for you</strong> — the customer wrote last and has no answer yet; these come
                first in the list. The number is how many of their messages you have not read.
              </span>
            </li>
          </ul>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
