import { AppError } from '../contract/errors';
import type { Settings } from '../contract/model';
import { mergeSettings, validateSettings } from '../domain/settings';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Publisher } from './ports';

export interface SettingsDeps {
  store: Pick<WorkspaceStore, 'settings' | 'saveSettings'>;
  publisher: Publisher;
  /**
   * Called once the new settings are on disk: whatever was computed from the old ones (the reminder
   * plan, each window's closing boundary) must be computed again.
   */
  changed: (settings: Settings) => void;
}

/** The owner's settings of one workspace: read, and changed only as a whole valid set. */
export class SettingsService {
  constructor(private readonly deps: SettingsDeps) {}

  current(): Settings {
    return this.deps.store.settings();
  }

  /** Merges a change over the saved settings; a change that leaves them invalid is refused, nothing saved. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const result = validateSettings(mergeSettings(this.deps.store.settings(), patch));
    if (!result.ok) {
      throw new AppError({
        code: 'invalid-input',
        message: Object.values(result.errors).join(' '),
        fields: result.errors,
      });
    }
    await this.deps.store.saveSettings(result.settings);
    this.deps.publisher.publish('settings:changed', result.settings);
    this.deps.changed(result.settings);
    return result.settings;
  }
}
