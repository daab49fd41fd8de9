import { createContext, useContext, useEffect, useRef } from 'react';

/**
 * Parts of the settings dialog kept in their own files (automatic replies, the package allowance) save
 * with the dialog's one "Save settings" (issue 14: one save for the whole dialog). Each part registers
 * what it would save; the dialog runs them after the settings themselves were saved.
 */
export type PartSaver = () => Promise<void>;

export class SettingsParts {
  private readonly savers = new Map<string, PartSaver>();

  set(key: string, saver: PartSaver | null): void {
    if (saver === null) this.savers.delete(key);
    else this.savers.set(key, saver);
  }

  async saveAll(): Promise<void> {
    for (const saver of [...this.savers.values()]) await saver();
  }
}

export const SettingsPartsContext = createContext<SettingsParts | null>(null);

/** Registers this part's save (null: nothing changed) with the dialog's "Save settings". */
export function useSaveWithSettings(key: string, saver: PartSaver | null): void {
  const parts = useContext(SettingsPartsContext);
  const latest = useRef(saver);
  useEffect(() => {
    latest.current = saver;
  });
  const changed = saver !== null;
  useEffect(() => {
    if (!parts) return;
    parts.set(key, changed ? () => latest.current?.() ?? Promise.resolve() : null);
    return () => parts.set(key, null);
  }, [parts, key, changed]);
}
