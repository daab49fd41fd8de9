import { isPhoneCountry, regionOfLocale } from '../domain/phone';
import type { WorkspaceStore } from '../store/workspace-store';

/**
 * Sets a workspace's default country (the country of numbers typed without +country) once, the first
 * time it opens without one: the computer's region (Electron: app.getLocaleCountryCode(); the preview
 * host and the tests inject it), else the region of the language setting. After that it is the owner's
 * setting, changed only in Settings.
 */
export async function settleDefaultCountry(
  store: Pick<WorkspaceStore, 'settings' | 'saveSettings'>,
  systemCountry: string | null | undefined,
  systemLocale: string,
): Promise<void> {
  const settings = store.settings();
  if (settings.defaultCountry !== null) return;
  const country = [
    systemCountry?.toUpperCase() ?? null,
    regionOfLocale(settings.locale ?? systemLocale),
  ].find((candidate): candidate is string => candidate != null && isPhoneCountry(candidate));
  if (country === undefined) return;
  await store.saveSettings({ ...settings, defaultCountry: country });
}
