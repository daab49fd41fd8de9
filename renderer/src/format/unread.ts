/** "1 unread message", "3 unread messages". */
export function unreadWords(count: number): string {
  return `${count} unread ${count === 1 ? 'message' : 'messages'}`;
}

/** The window title: "(3) CareWindow" while customer messages are unread, as mail and chat apps do. */
export function windowTitle(unread: number): string {
  return unread > 0 ? `(${unread}) CareWindow` : 'CareWindow';
}
