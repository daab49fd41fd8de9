import { z } from 'zod';
import { Timestamp } from './primitives';
import { WorkspaceKind } from './workspace';

/**
 * A backup's name: its folder in the backup folder, "carewindow-backup-2026-11-24T142000.000Z". Checked
 * by pattern so a call can never name a path outside the backup folder.
 */
export const BackupId = z
  .string()
  .regex(
    /^carewindow-backup-\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z(-\d{1,3})?$/,
    'That is not a CareWindow backup.',
  );
export type BackupId = z.infer<typeof BackupId>;

/** What a backup holds, from its manifest: enough to choose one without opening it. */
export const BackupSummary = z.object({
  id: BackupId,
  createdAt: Timestamp,
  workspace: WorkspaceKind,
  contacts: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  /** Total size of the files in it. */
  bytes: z.number().int().nonnegative(),
  /** The CareWindow that made it. */
  appVersion: z.string(),
  /** Made by the daily schedule, as opposed to "Back up now". */
  automatic: z.boolean(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

/** The Backups section of Settings. */
export const BackupOverview = z.object({
  folder: z.string(),
  isDefaultFolder: z.boolean(),
  lastBackupAt: Timestamp.nullable(),
  /** When the next automatic backup runs; null while the folder cannot be used. */
  nextAutomaticAt: Timestamp.nullable(),
  /** Newest first. */
  backups: z.array(BackupSummary),
  /** Why the folder cannot be used, or why the last automatic backup failed; null when all is well. */
  problem: z.string().nullable(),
});
export type BackupOverview = z.infer<typeof BackupOverview>;

/** A backup checked file by file (sizes and SHA-256) before the owner decides to restore it. */
export const BackupPreview = z.object({
  backup: BackupSummary,
  files: z.number().int().nonnegative(),
  /** What does not match the manifest, in the owner's words; empty when the backup is whole. */
  damage: z.array(z.string()),
});
export type BackupPreview = z.infer<typeof BackupPreview>;

/** A folder typed by the owner (an Electron folder picker can fill it later); null: back to the default. */
export const BackupFolderInput = z
  .string()
  .trim()
  .min(1, 'Type the full path of a folder, for example on a USB drive.')
  .max(1000, 'That path is too long.')
  .nullable();
