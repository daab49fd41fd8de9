import { z } from 'zod';
import { AccountCredentials, AccountStatus, ConnectionTest } from './account';
import { CmCredentials } from './account-cm';
import { BackupFolderInput, BackupId, BackupOverview, BackupPreview } from './backups';
import { CostTerms, MAX_RATE_CARD_CSV, RateCardImport } from './costs';
import { MonthCosts, YearMonth } from './month-costs';
import { SearchQuery, SearchResults } from './search';
import {
  Id,
  MAX_MESSAGE_LENGTH,
  Message,
  NotificationCentre,
  Reminder,
  Settings,
  SettingsPatch,
  Timestamp,
  WorkspaceInfo,
} from './model';
import { call } from './call';

/** Around the conversations: reminders, notices, settings, costs, the workspace and its account, search, backups. */
export const workspaceCalls = {
  reminders: {
    /** Reminders planned for the next 24 hours, in the order they fire. */
    upcoming: call(z.tuple([]), z.array(Reminder)),
    snooze: call(z.tuple([z.string().max(200), z.enum(['10-minutes', 'next-lead'])]), z.null()),
  },
  notifications: {
    centre: call(z.tuple([]), NotificationCentre),
    markRead: call(z.tuple([z.array(z.string().max(200)).max(1000)]), NotificationCentre),
  },
  settings: {
    get: call(z.tuple([]), Settings),
    update: call(z.tuple([SettingsPatch]), Settings),
  },
  costs: {
    /** The owner's rate card and package allowance. */
    terms: call(z.tuple([]), CostTerms),
    /** Reads the CSV text of a rate card (Meta's, or one in its spirit) and saves it. */
    importRateCard: call(
      z.tuple([
        z
          .string()
          .min(1, 'The file is empty.')
          .max(
            MAX_RATE_CARD_CSV,
            'This file is too big to be a rate card: choose the CSV rate card from Meta’s pricing page.',
          ),
      ]),
      RateCardImport,
    ),
    clearRateCard: call(z.tuple([]), CostTerms),
    /** Messages the provider's package includes per month; null: no package. */
    setAllowance: call(z.tuple([CostTerms.shape.allowancePerMonth]), CostTerms),
    /** One month's sends as WhatsApp bills them ("2026-10", in the owner's time zone): the Costs view. */
    month: call(z.tuple([YearMonth]), MonthCosts),
  },
  workspace: {
    info: call(z.tuple([]), WorkspaceInfo),
    startReal: call(z.tuple([]), WorkspaceInfo),
    openDemo: call(z.tuple([]), WorkspaceInfo),
    dismissProblems: call(z.tuple([]), WorkspaceInfo),
  },
  account: {
    /** The connection of the owner's own workspace: never a token or app secret. */
    status: call(z.tuple([]), AccountStatus),
    /** Checks the credentials against the Graph API without saving anything. */
    test: call(z.tuple([AccountCredentials]), ConnectionTest),
    /** Tests, then keeps the secrets encrypted and starts the webhook receiver; refused with the reason. */
    connect: call(z.tuple([AccountCredentials]), AccountStatus),
    /** The same two for CM.com (contract/account-cm.ts): its product token, sender number and namespace. */
    testCm: call(z.tuple([CmCredentials]), ConnectionTest),
    connectCm: call(z.tuple([CmCredentials]), AccountStatus),
    /** Stops the receiver and wipes the stored secrets. */
    disconnect: call(z.tuple([]), AccountStatus),
  },
  demo: {
    simulateInbound: call(z.tuple([Id, z.string().max(MAX_MESSAGE_LENGTH).optional()]), Message),
  },
  clock: {
    now: call(z.tuple([]), Timestamp),
  },
  search: {
    /** Full-text search across every conversation, or within one (`contactId`); best hits first. */
    messages: call(z.tuple([SearchQuery]), SearchResults),
  },
  backups: {
    /** The backup folder, when the last backup was made, and the backups in it (newest first). */
    list: call(z.tuple([]), BackupOverview),
    /** "Back up now"; refused with the reason (a full or missing drive), nothing half-made is left. */
    create: call(z.tuple([]), BackupOverview),
    /** What a backup holds (its manifest) and whether every file still matches it. */
    preview: call(z.tuple([BackupId]), BackupPreview),
    /** Replaces the workspace with the backup; the current data is moved aside, never deleted. */
    restore: call(z.tuple([BackupId]), WorkspaceInfo),
    /** A full path typed by the owner, checked writable before it is kept; null: the default folder. */
    setFolder: call(z.tuple([BackupFolderInput]), BackupOverview),
  },
} as const;
