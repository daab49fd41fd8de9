/** Whether shortcuts use ⌘ (macOS) or Ctrl (Windows, Linux), for the hints shown on screen. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** Ctrl on Windows and Linux, ⌘ on macOS (either is accepted everywhere). */
export function hasCommandKey(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.ctrlKey || event.metaKey;
}
