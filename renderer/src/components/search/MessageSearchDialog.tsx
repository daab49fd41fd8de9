import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchResults, SearchSnippet } from '../../../../main/contract/search';
import { MAX_SEARCH_QUERY } from '../../../../main/contract/search';
import { dayAndTime, startOfDayInZone } from '../../format/dates';
import { useAppState, useFormatPrefs, useNow, useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { Dialog } from '../Dialog';

/** A snippet with its matches in <mark>: text nodes only, never HTML from a message. */
export function Highlighted({ snippet }: { snippet: SearchSnippet }) {
  const parts: (string | { mark: string })[] = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push({ mark: snippet.text.slice(start, end) });
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <>
      {parts.map((part, index) => (typeof part === 'string' ? part : <mark key={index}>{part.mark}</mark>))}
    </>
  );
}

/** "2026-03-29" → "2026-03-30": the "To" date counts whole (its end is the next day's start, DST or not). */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return Number.isNaN(next.getTime()) ? date : next.toISOString().slice(0, 10);
}

/**
 * "Search messages" (Ctrl/⌘+Shift+F, or "Search" in a conversation's header for that conversation only):
 * words, starts of words and "phrases" across every conversation, case and accents aside, narrowed by
 * contact, dates and who wrote. ↑/↓ move through the hits, Enter opens the conversation at that message.
 */
export function MessageSearchDialog({
  contactId: initialContact,
  onClose,
}: {
  contactId: string | null;
  onClose: () => void;
}) {
  const store = useStore();
  const rows = useAppState((state) => state.rows);
  const { locale, timeZone } = useFormatPrefs();
  const now = useNow();
  const [query, setQuery] = useState('');
  const [contactId, setContactId] = useState(initialContact ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [direction, setDirection] = useState<'' | 'inbound' | 'outbound'>('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  const listId = useId();

  useEffect(() => {
    const ask = ++asked.current;
    if (query.trim() === '') return;
    const start = from === '' ? null : startOfDayInZone(from, timeZone);
    const end = to === '' ? null : startOfDayInZone(dayAfter(to), timeZone);
    store.api.search
      .messages({
        query,
        limit: 50,
        ...(contactId === '' ? {} : { contactId }),
        ...(start === null ? {} : { from: start }),
        ...(end === null ? {} : { to: end }),
        ...(direction === '' ? {} : { direction }),
      })
      .then((found) => {
        // Only the answer to the latest question counts: typing fast sends several.
        if (ask !== asked.current) return;
        setResults(found);
        setProblem(null);
        setActive(0);
      })
      .catch((error: unknown) => {
        if (ask === asked.current) setProblem(errorMessage(error));
      });
  }, [store, query, contactId, from, to, direction, timeZone]);

  // An emptied field shows nothing, whatever the last answer was.
  const shown = query.trim() === '' ? null : results;
  const hits = shown?.hits ?? [];
  function open(hit: SearchHit) {
    onClose();
    void store.openConversationAt(hit.contactId, { messageId: hit.messageId, at: hit.at });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        open(hit);
      }
    }
  }

  const nameOf = (id: string) => rows.get(id)?.contact.name ?? 'Deleted contact';
  const contacts = [...rows.values()].sort((a, b) => a.contact.name.localeCompare(b.contact.name, locale));
  const activeId = hits[active] ? `${listId}-${String(active)}` : undefined;

  return (
    <Dialog
      title={initialContact ? `Search in ${nameOf(initialContact)}` : 'Search messages'}
      onClose={onClose}
      className="message-search-dialog"
      initialFocus="input[type=search]"
    >
      <div className="message-search" onKeyDown={onKeyDown}>
        <input
          type="search"
          aria-label="Words to find"
          placeholder='Words, the start of a word, or "a phrase"'
          maxLength={MAX_SEARCH_QUERY}
          value={query}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeId}
          onChange={(event) => setQuery(event.target.value)}
        />
        <div className="message-search-filters">
          <label>
            Contact
            <select value={contactId} onChange={(event) => setContactId(event.target.value)}>
              <option value="">All conversations</option>
              {contacts.map((row) => (
                <option key={row.contact.id} value={row.contact.id}>
                  {row.contact.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            From
            <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
          <label>
            Written by
            <select
              value={direction}
              onChange={(event) => setDirection(event.target.value as '' | 'inbound' | 'outbound')}
            >
              <option value="">Anyone</option>
              <option value="inbound">The customer</option>
              <option value="outbound">You</option>
            </select>
          </label>
        </div>
        {problem === null ? null : <p role="alert">{problem}</p>}
        {shown?.preparing ? (
          <p className="message-search-note" role="status">
            Search is still being prepared ({shown.preparing.done.toLocaleString(locale)} of{' '}
            {shown.preparing.total.toLocaleString(locale)} messages): some messages may be missing.
          </p>
        ) : null}
        {shown && hits.length === 0 ? (
          <p className="message-search-note" role="status">
            No messages found. Try fewer words or the start of a word.
          </p>
        ) : null}
        <ul id={listId} role="listbox" aria-label="Messages found" className="message-search-hits">
          {hits.map((hit, index) => (
            <li
              key={`${hit.contactId}/${hit.messageId}`}
              id={`${listId}-${String(index)}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseEnter={() => setActive(index)}
              onClick={() => open(hit)}
            >
              <span className="message-search-who">
                {nameOf(hit.contactId)} · {hit.direction === 'inbound' ? 'customer' : 'you'}
              </span>
              <time className="message-search-when">{dayAndTime(hit.at, now, locale, timeZone)}</time>
              <span className="message-search-snippet">
                <Highlighted snippet={hit.snippet} />
              </span>
            </li>
          ))}
        </ul>
        {shown?.more ? (
          <p className="message-search-note">More messages match: add a word or narrow the search.</p>
        ) : null}
      </div>
    </Dialog>
  );
}
