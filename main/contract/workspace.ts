import { z } from 'zod';

export const WorkspaceKind = z.enum(['demo', 'real']);
export type WorkspaceKind = z.infer<typeof WorkspaceKind>;

/** A data file that could not be read: moved aside, never overwritten, and reported to the owner. */
export const DataProblem = z.object({
  file: z.string(),
  movedTo: z.string(),
  /** What the app uses instead, in the owner's words. */
  recovery: z.string(),
  message: z.string(),
  /** The newest backup that holds this file, offered as "Restore from the backup of <date>". */
  restore: z.object({ backupId: z.string().max(100), createdAt: z.number() }).optional(),
});
export type DataProblem = z.infer<typeof DataProblem>;

export const WorkspaceInfo = z.object({
  kind: WorkspaceKind,
  dataDir: z.string(),
  /** Whether a WhatsApp account is connected; false means the simulator provider is in use. */
  accountConfigured: z.boolean(),
  problems: z.array(DataProblem),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
