/**
 * The part of Electron's WebFrameMain the check reads. Structural, so the check runs (and is tested)
 * without Electron.
 */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Whether an IPC call comes from the app's own top-level page. `event.senderFrame` is null once the
 * frame navigated away or was destroyed, and reading a disposed frame throws: both are refused. A
 * sub-frame is refused even on the app's origin, since the app never embeds frames of its own.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!frame) return false;
  try {
    return frame.parent === null && isAppUrl(frame.url);
  } catch {
    return false;
  }
}
