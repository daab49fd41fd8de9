import { AppError } from '../contract/errors';
import type { BackupOverview, BackupPreview } from '../contract/backups';
import type { DataProblem, WorkspaceInfo, WorkspaceKind } from '../contract/model';
import { backupsToKeep } from '../domain/backup-retention';
import { automaticBackupDue, CATCH_UP_AGE, NIGHTLY_MIN_AGE, nextQuietTime } from '../domain/backup-schedule';
import { MINUTE } from '../domain/durations';
import {
  checkBackup,
  defaultBackupFolder,
  ensureBackupFolder,
  listBackups,
  pruneBackups,
  workspaceHasData,
} from '../store/backup-folder';
import { pathInWorkspace, summaryOf, type FoundBackup } from '../store/backup-manifest';
import { restoreSnapshot } from '../store/backup-restore';
import { openBackupSettings, type BackupSettingsStore } from '../store/backup-settings-file';
import { createSnapshot } from '../store/backup-snapshot';
import { SerialQueue } from '../store/serial-queue';
import { nodeFs, type StoreFs } from '../store/store-fs';
import { workspaceDir } from '../store/workspace-paths';
import type { Cancellable, Clock, Logger, Publisher, Scheduler } from './ports';

/** Backups are of the owner's own workspace: the demo is made afresh every time it opens. */
const BACKED_UP: WorkspaceKind = 'real';
/** The catch-up at start waits a little, so the first screen is not slowed by a backup. */
const CATCH_UP_DELAY = 2 * MINUTE;

export interface BackupDeps {
  dataRoot: string;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  log: Logger;
  appVersion: string;
  /** The owner's time zone: the quiet time and the days of the retention rule are theirs. */
  timeZone: () => string;
  /** Writes anything the open workspace batches (activity summaries) before a backup. */
  flush: () => Promise<void>;
  /** Closes the open workspace, runs `replace`, and opens `kind` (see Workspaces.replaceAndOpen). */
  replaceAndOpen: (kind: WorkspaceKind, replace: () => Promise<void>) => Promise<WorkspaceInfo>;
  /** The file operations; tests pass one that fails like a full drive. */
  fs?: StoreFs;
}

/**
 * Backups of the owner's workspace: every night at a quiet time (and at start when the last one is a day
 * old), on demand, kept 7 daily + 4 weekly, in a folder the owner can change; restore with a preview.
 * One operation at a time, so a restore never runs under a backup.
 */
export class BackupService {
  private readonly queue = new SerialQueue();
  private readonly fs: StoreFs;
  private found: FoundBackup[] = [];
  private problem: string | null = null;
  private timer: Cancellable | null = null;
  private planned: { at: number; minAge: number } | null = null;
  private closed = false;

  private constructor(
    private readonly deps: BackupDeps,
    private readonly settings: BackupSettingsStore,
  ) {
    this.fs = deps.fs ?? nodeFs;
    this.problem = settings.problems[0]?.recovery ?? null;
  }

  static async open(deps: BackupDeps): Promise<BackupService> {
    const settings = await openBackupSettings(deps.dataRoot, {
      now: () => deps.clock.now(),
      log: deps.log,
      ...(deps.fs ? { fs: deps.fs } : {}),
    });
    const service = new BackupService(deps, settings);
    await service.refresh();
    return service;
  }

  /** Plans the catch-up shortly after start; it plans the nightly one. */
  start(): void {
    const at = this.deps.clock.now() + CATCH_UP_DELAY;
    this.plan(at, CATCH_UP_AGE);
  }

  /** Resolves once the backup, restore or folder change under way (if any) has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  overview(): BackupOverview {
    const newest = this.found[0];
    const folder = this.folder();
    return {
      folder,
      isDefaultFolder: this.settings.folder() === null,
      lastBackupAt: newest ? newest.manifest.createdAt : null,
      nextAutomaticAt: this.nextAutomaticAt(),
      backups: this.found.map((b) => summaryOf(b.id, b.manifest)),
      problem: this.problem,
    };
  }

  /** "Back up now": the owner sees the error, and the list is left as it was. */
  create(): Promise<BackupOverview> {
    return this.queue.run(async () => {
      await this.backUp(false);
      return this.overview();
    });
  }

  preview(id: string): Promise<BackupPreview> {
    return this.queue.run(async () => {
      const backup = await this.find(id);
      return {
        backup: summaryOf(backup.id, backup.manifest),
        files: backup.manifest.files.length,
        damage: await checkBackup(this.fs, backup),
      };
    });
  }

  /** Replaces the workspace with the backup; the data it replaces is kept in `before-restore-<time>`. */
  restore(id: string): Promise<WorkspaceInfo> {
    return this.queue.run(async () => {
      const backup = await this.find(id);
      const info = await this.deps.replaceAndOpen(backup.manifest.workspace, async () => {
        const { keptAt } = await restoreSnapshot({
          fs: this.fs,
          dataRoot: this.deps.dataRoot,
          backup,
          now: this.deps.clock.now(),
        });
        this.deps.log.info('Restored a backup', { backup: backup.id, keptAside: keptAt !== null });
      });
      await this.refresh();
      return info;
    });
  }

  /** Changes the folder once it is proven writable; null goes back to the default. Backups already made stay where they are. */
  setFolder(folder: string | null): Promise<BackupOverview> {
    return this.queue.run(async () => {
      const target = folder ?? defaultBackupFolder(this.deps.dataRoot);
      await ensureBackupFolder(this.fs, target);
      await this.settings.setFolder(folder);
      this.problem = null;
      await this.refresh();
      return this.overview();
    });
  }

  /** Adds "Restore from the backup of <date>" to each problem whose file the newest backup holding it has. */
  offersFor(problems: readonly DataProblem[]): DataProblem[] {
    const dir = workspaceDir(this.deps.dataRoot, BACKED_UP);
    return problems.map((problem) => {
      const inside = pathInWorkspace(dir, problem.file);
      if (inside === null) return problem;
      const holder = this.found.find(
        (b) => b.manifest.workspace === BACKED_UP && b.manifest.files.some((f) => f.path === inside),
      );
      return holder
        ? { ...problem, restore: { backupId: holder.id, createdAt: holder.manifest.createdAt } }
        : problem;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    await this.queue.idle();
    await this.settings.close();
  }

  /** The catch-up is only "next" when it will back up; otherwise tonight's run is. */
  private nextAutomaticAt(): number | null {
    const { planned } = this;
    if (planned === null) return null;
    const now = this.deps.clock.now();
    const newest = this.found[0]?.manifest.createdAt ?? null;
    if (planned.minAge === NIGHTLY_MIN_AGE || automaticBackupDue(newest, now, planned.minAge))
      return planned.at;
    return nextQuietTime(now, this.deps.timeZone());
  }

  private folder(): string {
    return this.settings.folder() ?? defaultBackupFolder(this.deps.dataRoot);
  }

  /** The next night is planned before this run starts, so a failing backup never stops the schedule. */
  private plan(at: number, minAge: number): void {
    if (this.closed) return;
    this.planned = { at, minAge };
    this.timer = this.deps.scheduler.at(at, () => {
      this.plan(nextQuietTime(this.deps.clock.now(), this.deps.timeZone()), NIGHTLY_MIN_AGE);
      void this.automatic(minAge);
    });
  }

  /** A scheduled backup: skipped when one is recent or there is nothing yet; a failure is shown, not thrown. */
  private automatic(minAge: number): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) return;
      const newest = this.found[0]?.manifest.createdAt ?? null;
      if (!automaticBackupDue(newest, this.deps.clock.now(), minAge)) return;
      const dir = workspaceDir(this.deps.dataRoot, BACKED_UP);
      if (!(await workspaceHasData(this.fs, dir).catch(() => false))) return;
      try {
        await this.backUp(true);
      } catch (error) {
        // Shown in Settings (overview.problem); the next night tries again.
        this.deps.log.warn('The automatic backup failed', { error: String(error) });
      }
    });
  }

  private async backUp(automatic: boolean): Promise<void> {
    const { dataRoot, clock } = this.deps;
    const folder = this.folder();
    const sourceDir = workspaceDir(dataRoot, BACKED_UP);
    try {
      if (!(await workspaceHasData(this.fs, sourceDir))) {
        throw new AppError({
          code: 'invalid-input',
          message:
            'There is nothing to back up yet: start your own workspace first. The demo is never backed up, since it is made afresh each time.',
        });
      }
      if (this.settings.folder() === null) await ensureBackupFolder(this.fs, folder);
      await this.deps.flush();
      await createSnapshot({
        fs: this.fs,
        log: this.deps.log,
        sourceDir,
        workspace: BACKED_UP,
        folder,
        now: clock.now(),
        appVersion: this.deps.appVersion,
        automatic,
      });
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.publish();
      throw error;
    }
    const found = await listBackups(this.fs, folder);
    await pruneBackups(
      this.fs,
      folder,
      found,
      backupsToKeep(
        found.map((b) => ({ id: b.id, createdAt: b.manifest.createdAt })),
        clock.now(),
        this.deps.timeZone(),
      ),
    ).catch((error: unknown) =>
      this.deps.log.warn('Old backups could not be removed', { error: String(error) }),
    );
    await this.refresh();
  }

  private async find(id: string): Promise<FoundBackup> {
    const found = await listBackups(this.fs, this.folder());
    const backup = found.find((b) => b.id === id);
    if (!backup) {
      throw new AppError({
        code: 'not-found',
        message: `That backup is no longer in ${this.folder()}. If the folder is on a USB or network drive, connect it and try again.`,
      });
    }
    return backup;
  }

  /** Reads the folder again (a USB drive may have come or gone) and tells the window. */
  private async refresh(): Promise<void> {
    try {
      this.found = await listBackups(this.fs, this.folder());
    } catch (error) {
      this.found = [];
      this.problem = `CareWindow cannot read the backup folder ${this.folder()} (${String(error)}). Connect the drive or choose another folder.`;
    }
    this.publish();
  }

  private publish(): void {
    this.deps.publisher.publish('backups:changed', this.overview());
  }
}
