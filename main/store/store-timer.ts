/**
 * When the store runs deferred work (a batched write). The shape is the services' Scheduler port, so the
 * composition root can hand in its scheduler and a test its fake clock; the store cannot import services.
 */
export interface StoreTimer {
  at(when: number, run: () => void): { cancel(): void };
}

/**
 * Real time, for when nobody hands in a timer. The timer is unref'd: a batch still waiting must not keep
 * the process alive (close() writes it anyway).
 */
export function realTimer(now: () => number): StoreTimer {
  return {
    at(when, run) {
      const handle = setTimeout(run, Math.max(0, when - now()));
      handle.unref();
      return { cancel: () => clearTimeout(handle) };
    },
  };
}
