import { useEffect, useState } from 'react';
import { windowTitle } from '../format/unread';
import { useAppState, useStore } from '../state/context';

/**
 * The window title carries the unread total ("(3) CareWindow"; Electron shows the page's title on the
 * window and the taskbar), and the conversation in front of the owner is marked read: when it is opened,
 * and when a message arrives while the window has focus (not while CareWindow is in the background).
 */
export function useInbox(): void {
  const store = useStore();
  const total = useAppState((s) => {
    let sum = 0;
    for (const row of s.rows.values()) sum += row.unread;
    return sum;
  });
  const selectedId = useAppState((s) => s.selectedId);
  const unreadInFront = useAppState((s) =>
    s.screen === 'conversation' && s.selectedId !== null ? (s.rows.get(s.selectedId)?.unread ?? 0) : 0,
  );
  const [focused, setFocused] = useState(() => document.hasFocus());

  useEffect(() => {
    document.title = windowTitle(total);
  }, [total]);

  useEffect(() => {
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  useEffect(() => {
    if (selectedId !== null && unreadInFront > 0 && focused) void store.markRead(selectedId);
  }, [store, selectedId, unreadInFront, focused]);
}
