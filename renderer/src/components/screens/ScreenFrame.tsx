import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useStore } from '../../state/context';

/**
 * A screen in the right pane (Follow-ups, Templates): a region named by its heading, which takes the
 * focus when the screen opens, and a way back to the conversation.
 */
export function ScreenFrame({
  title,
  intro,
  actions,
  children,
  focusKey,
}: {
  title: string;
  /** When this changes the heading takes the focus again (after the element that had it went away). */
  focusKey?: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const store = useStore();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [focusKey]);
  return (
    <main className="screen-pane">
      <section className="screen" aria-labelledby={headingId}>
        <header className="screen-header">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          <div className="screen-actions">
            {actions}
            <button
              type="button"
              className="secondary"
              aria-label={`Close ${title}`}
              onClick={() => store.showScreen('conversation')}
            >
              Close
            </button>
          </div>
        </header>
        {intro ? <div className="screen-intro">{intro}</div> : null}
        <div className="screen-body">{children}</div>
      </section>
    </main>
  );
}
