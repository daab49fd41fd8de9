import { MINUTE, SECOND } from '../../domain/durations';

/**
 * Notices when wall-clock time moves differently from elapsed time: the computer slept, or its clock
 * was changed. Compares Date.now() with the monotonic clock every `interval`.
 */
export function watchClockJumps(
  onJump: (driftMs: number) => void,
  options: { interval?: number; tolerance?: number; wall?: () => number; monotonic?: () => number } = {},
): () => void {
  const interval = options.interval ?? 30 * SECOND;
  const tolerance = options.tolerance ?? MINUTE;
  const wall = options.wall ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  let lastWall = wall();
  let lastMono = monotonic();
  const timer = setInterval(() => {
    const nowWall = wall();
    const nowMono = monotonic();
    const drift = nowWall - lastWall - (nowMono - lastMono);
    lastWall = nowWall;
    lastMono = nowMono;
    if (Math.abs(drift) > tolerance) onJump(drift);
  }, interval);
  timer.unref();
  return () => clearInterval(timer);
}
