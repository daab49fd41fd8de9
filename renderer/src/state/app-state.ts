import {
  DEFAULT_SETTINGS,
  type ContactRow,
  type NotificationCentre,
  type Settings,
  type Template,
  type WorkspaceInfo,
} from '../../../main/contract/model';
import { formatPrefsOf, type FormatPrefs } from '../format/zone';
import type { Conversation } from './conversation-pages';
import type { Toast } from './toasts';

/** What the right pane shows. */
export type Screen = 'conversation' | 'follow-ups' | 'templates' | 'costs';

export interface AppState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  rows: ReadonlyMap<string, ContactRow>;
  settings: Settings;
  /** The locale and zone the screens format with, derived from the settings. */
  prefs: FormatPrefs;
  workspace: WorkspaceInfo | null;
  selectedId: string | null;
  conversation: Conversation | null;
  /** What the owner typed per contact and has not sent yet. Kept in memory across contact switches. */
  drafts: Readonly<Record<string, string>>;
  /** Messages that failed after sending and whose text was put back into the message box. */
  restoredDrafts: ReadonlySet<string>;
  toasts: readonly Toast[];
  /** The owner's templates; null until loaded (or when the main process could not list them). */
  templates: readonly Template[] | null;
  /** Reminders and other notices; null until loaded (or when the main process could not give them). */
  notificationCentre: NotificationCentre | null;
  /** A notification about several contacts narrowed the list to exactly these; null shows everyone. */
  listOnly: readonly string[] | null;
  screen: Screen;
}

/**
 * How each part of the store (loading, paging, drafts, toasts) reads and changes the one app state. The
 * store behind it notifies the screens, so every part changes state the same way.
 */
export interface StateCell {
  get(): AppState;
  set(patch: Partial<AppState>): void;
}

export const initialState = (): AppState => ({
  status: 'loading',
  loadError: null,
  rows: new Map(),
  settings: DEFAULT_SETTINGS,
  prefs: formatPrefsOf(DEFAULT_SETTINGS),
  workspace: null,
  selectedId: null,
  conversation: null,
  drafts: {},
  restoredDrafts: new Set(),
  toasts: [],
  templates: null,
  notificationCentre: null,
  listOnly: null,
  screen: 'conversation',
});

/** Fills in settings a main process of an older version does not send yet. */
export function withDefaults(settings: Settings): Settings {
  return { ...DEFAULT_SETTINGS, ...settings };
}
