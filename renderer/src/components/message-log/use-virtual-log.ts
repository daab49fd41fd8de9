import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Message } from '../../../../main/contract/model';
import type { Conversation } from '../../state/conversation-pages';

/** A first guess at a message's height; every message is measured once it is drawn. */
const ESTIMATED_HEIGHT = 64;
/** Within this many pixels of the bottom counts as "at the bottom": new messages keep it there. */
const BOTTOM_SLACK = 48;
/** Load the next page when the owner is this many messages from the end of what is held. */
const PAGE_AHEAD = 5;

export interface VirtualLogOptions {
  conversation: Conversation | null;
  loadEarlier: () => void;
  loadLater: () => void;
}

export interface VirtualLog {
  scrollRef: RefObject<HTMLDivElement | null>;
  trackRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  messages: readonly Message[];
  onScroll: () => void;
}

/**
 * The mechanics of the message log, apart from what a message looks like: only the messages in view
 * are in the DOM (measured as drawn, so a long message or a photo takes its real height); the next page
 * is asked for when the owner scrolls near either end; what the owner was reading stays in place when
 * pages are added or dropped around it, and new messages keep a log that was at the bottom at the bottom
 * (the virtualizer's end anchoring); a focused message (search hit, date jumped to) goes to the middle.
 */
export function useVirtualLog({ conversation, loadEarlier, loadLater }: VirtualLogOptions): VirtualLog {
  const scrollRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const messages = conversation?.messages ?? [];
  // Notes and the "Load earlier" button sit above the track: the virtualizer counts from the track.
  const [margin, setMargin] = useState(0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render on purpose; this hook is not memoised by the React Compiler.
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => messages[index]?.id ?? index,
    // A chat log: pages added or dropped above keep the message in view where it is, and a message added
    // at the end is followed when the owner was at the bottom of the live end (never while paging down
    // through older history, which would run on to the newest page by itself).
    anchorTo: 'end',
    followOnAppend: !conversation?.hasNewer,
    scrollEndThreshold: BOTTOM_SLACK,
  });

  const seen = useRef<{ contactId: string; firstId?: string; lastId?: string; focusSeq?: number } | null>(
    null,
  );

  /**
   * Reads the scroll position itself: React's onScroll runs before the virtualizer has taken the same
   * event in, so its range would still be the one before the scroll.
   */
  function pageIfNearAnEnd(): void {
    const element = scrollRef.current;
    if (!element || !conversation || conversation.loading !== null || messages.length === 0) return;
    const top = element.scrollTop;
    const bottom = top + element.clientHeight;
    const items = virtualizer.measurementsCache;
    const firstShown = items.findIndex((item) => item.end > top);
    let lastShown = items.length - 1;
    while (lastShown > 0 && (items[lastShown]?.start ?? 0) >= bottom) lastShown -= 1;
    if (conversation.hasMore && firstShown >= 0 && firstShown < PAGE_AHEAD) loadEarlier();
    else if (conversation.hasNewer && lastShown >= messages.length - PAGE_AHEAD) loadLater();
  }

  const firstId = messages[0]?.id;
  const lastId = messages[messages.length - 1]?.id;
  const contactId = conversation?.contactId;
  const focus = conversation?.focus ?? null;

  // What stands above the track (the "Load earlier" button, a note) changes with these.
  const above = `${String(conversation?.hasMore)}|${conversation?.error ?? ''}|${String(messages.length === 0)}`;
  useLayoutEffect(() => {
    const track = trackRef.current;
    if (track && track.offsetTop !== margin) setMargin(track.offsetTop);
  }, [above, margin]);

  useLayoutEffect(() => {
    if (contactId === undefined) return;
    const before = seen.current;
    seen.current = { contactId, firstId, lastId, focusSeq: focus?.seq };
    if (messages.length === 0) return;
    const focusIndex = focus === null ? -1 : messages.findIndex((m) => m.id === focus.messageId);
    if (focus !== null && focus.seq !== before?.focusSeq && focusIndex >= 0) {
      // A search hit or a date: in the middle of the view.
      virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    } else if (before === null || before.contactId !== contactId || before.lastId === undefined) {
      // Opened: at the newest message.
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
    }
    // Only when the messages held change or a new focus is asked for; the virtualizer keeps the place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contactId, firstId, lastId, focus?.seq, messages.length]);

  return {
    scrollRef,
    trackRef,
    virtualizer,
    messages,
    onScroll: pageIfNearAnEnd,
  };
}
