import type { CareWindow } from '../../../main/contract/model';
import { STATE_MARK, STATE_WORD } from '../format/window-text';
import { useCountdown } from '../state/context';

/** The window state as word + mark + countdown, e.g. "● Closing · closes in 42 min". */
export function StateBadge({ window }: { window: CareWindow }) {
  const countdown = useCountdown(window);
  return (
    <span className={`badge state-${window.state}`}>
      <span className="mark" aria-hidden="true">
        {STATE_MARK[window.state]}
      </span>
      <span className="badge-word">{STATE_WORD[window.state]}</span>
      <span className="badge-sep" aria-hidden="true">
        ·
      </span>
      <span className="visually-hidden">, </span>
      <span className="badge-countdown">{countdown}</span>
    </span>
  );
}
