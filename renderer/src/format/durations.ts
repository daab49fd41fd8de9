import { DAY, HOUR, MINUTE, SECOND } from '../../../main/domain/durations';

/** Below this much time left, countdowns show seconds too. */
const SECONDS_THRESHOLD = 5 * MINUTE;

/**
 * Time left, rounded down: "3 h 12 min", "42 min", "5 min", and under five minutes "4 min 12 s" or
 * "59 s". Never shows seconds above five minutes and never rounds up ("1 h 59 min", not "2 h").
 */
export function formatRemaining(ms: number): string {
  const left = Math.max(0, ms);
  if (left < SECONDS_THRESHOLD) {
    const totalSeconds = Math.floor(left / SECOND);
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
  }
  const totalMinutes = Math.floor(left / MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** How long ago something happened, coarsely and rounded down: "just now", "3 min ago", "2 h ago", "3 days ago". */
export function formatAgo(ms: number): string {
  const elapsed = Math.max(0, ms);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
