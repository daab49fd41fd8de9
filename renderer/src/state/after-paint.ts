/**
 * Runs `work` once the browser has painted what was just rendered: the next frame, then a task after it
 * (a frame callback runs before the paint). Without frames (tests), a task.
 */
export function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}
