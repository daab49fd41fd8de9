import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode, RefObject } from 'react';
import type { Message } from '../../../../main/contract/model';

/**
 * The drawn part of the log: a track as tall as every message held (measured or estimated) and, on it,
 * only the messages in view, each measured as it is drawn. The focused one (a search hit, a date jumped
 * to) is marked for the eye and for assistive technology.
 */
export function VirtualTrack({
  virtualizer,
  messages,
  trackRef,
  focusedId,
  render,
}: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  messages: readonly Message[];
  trackRef: RefObject<HTMLDivElement | null>;
  focusedId: string | null;
  render: (index: number) => ReactNode;
}) {
  const margin = virtualizer.options.scrollMargin;
  return (
    <div ref={trackRef} className="log-track" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const focused = messages[item.index]?.id === focusedId;
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className={focused ? 'log-item is-focused' : 'log-item'}
            aria-current={focused ? 'location' : undefined}
            style={{ transform: `translateY(${item.start - margin}px)` }}
          >
            {render(item.index)}
          </div>
        );
      })}
    </div>
  );
}
