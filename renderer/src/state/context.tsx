import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { CareWindowApi } from '../../../main/contract/ipc';
import type { CareWindow } from '../../../main/contract/model';
import type { FormatPrefs } from '../format/zone';
import { countdownText } from '../format/window-text';
import type { AppState } from './app-state';
import type { AppStore } from './store';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore() needs a <StoreProvider>.');
  return store;
}

/** The API the screens talk through (a fake in tests). */
export function useApi(): CareWindowApi {
  return useStore().api;
}

/** A slice of the app state; the component re-renders only when the slice changes. */
export function useAppState<T>(select: (state: AppState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** The owner's locale and time zone (or the computer's). */
export function useFormatPrefs(): FormatPrefs {
  return useAppState((s) => s.prefs);
}

/** The current time, from the one shared ticker: re-renders every second. */
export function useNow(): number {
  const { ticker } = useStore();
  return useSyncExternalStore(ticker.subscribe, ticker.now);
}

/**
 * A value derived from the time, e.g. a countdown text. The component subscribes to the shared ticker
 * but re-renders only when the derived value changes (a row showing "3 h 12 min left" re-renders once a
 * minute, not once a second).
 */
export function useTimeDerived<T extends string | number | boolean | null>(derive: (now: number) => T): T {
  const { ticker } = useStore();
  return useSyncExternalStore(ticker.subscribe, () => derive(ticker.now()));
}

export function useCountdown(window: CareWindow): string {
  const { locale, timeZone } = useFormatPrefs();
  return useTimeDerived((now) => countdownText(window, now, locale, timeZone));
}
