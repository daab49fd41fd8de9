import type { DataProblem, WorkspaceInfo, WorkspaceKind } from '../contract/model';
import type { AppStateStore } from '../store/app-state';
import { SerialQueue } from '../store/serial-queue';
import type { Logger, Publisher } from './ports';
import type { WorkspaceSession } from './workspace-session';

export interface WorkspacesDeps {
  /** Remembers which workspace was open, for the next start. */
  appState: AppStateStore;
  /** Opens a workspace's files and its session. */
  open: (kind: WorkspaceKind) => Promise<WorkspaceSession>;
  /** Whether a real WhatsApp account serves this workspace. */
  isAccount: (kind: WorkspaceKind) => boolean;
  publisher: Publisher;
  log: Logger;
  /** Adds what the owner can do about each problem (restore a backup that holds the file). */
  offerRestore?: (problems: DataProblem[]) => DataProblem[];
}

/**
 * Which workspace is open (the demo or the owner's own), switching between them, and the data
 * problems the owner was told about on opening.
 */
export class Workspaces {
  /** One switch at a time: two at once would open two sessions on one folder. */
  private readonly switching = new SerialQueue();
  private dismissed = false;

  private constructor(
    private readonly deps: WorkspacesDeps,
    private active: WorkspaceSession,
  ) {}

  /** Opens the workspace that was open last time. */
  static async start(deps: WorkspacesDeps): Promise<Workspaces> {
    return new Workspaces(deps, await deps.open(deps.appState.get().activeWorkspace));
  }

  session(): WorkspaceSession {
    return this.active;
  }

  kind(): WorkspaceKind {
    return this.deps.appState.get().activeWorkspace;
  }

  info(): WorkspaceInfo {
    return {
      kind: this.kind(),
      dataDir: this.active.store.dir,
      accountConfigured: this.deps.isAccount(this.kind()),
      problems: this.problems(),
    };
  }

  /**
   * A switch that fails to open the new workspace goes back to the one that was open, so the app never
   * sits on a closed session; the owner gets the error.
   */
  switchTo(kind: WorkspaceKind): Promise<WorkspaceInfo> {
    return this.openInstead(kind, 'Could not open a workspace; going back');
  }

  /**
   * Closes and opens this workspace again when it is the one open, so its session takes a new provider
   * (a WhatsApp account was connected or disconnected). The renderer starts over from `workspace:changed`.
   */
  reopen(kind: WorkspaceKind): Promise<void> {
    return this.switching.run(async () => {
      if (this.kind() !== kind) return;
      await this.active.close();
      this.active = await this.deps.open(kind);
      this.deps.publisher.publish('workspace:changed', this.info());
    });
  }

  /**
   * Closes the open workspace, lets `replace` change `kind`'s files (a backup being restored), then opens
   * `kind`. When `replace` or the opening fails, the workspace that was open is opened again and the
   * owner gets the error.
   */
  replaceAndOpen(kind: WorkspaceKind, replace: () => Promise<void>): Promise<WorkspaceInfo> {
    return this.openInstead(kind, 'Could not replace a workspace; going back', replace);
  }

  /** The owner read the problem banner and closed it: it stays closed until another workspace opens. */
  dismissProblems(): WorkspaceInfo {
    this.dismissed = true;
    return this.info();
  }

  /** Waits for a switch under way, so it cannot open a session after the app closed. */
  close(): Promise<void> {
    return this.switching.run(() => this.active.close());
  }

  /**
   * Closes the open workspace and opens `kind` (after `replace`, when given), remembering it for the next
   * start. On failure the workspace that was open is opened again, `failure` is logged, and the error thrown.
   */
  private openInstead(
    kind: WorkspaceKind,
    failure: string,
    replace?: () => Promise<void>,
  ): Promise<WorkspaceInfo> {
    return this.switching.run(async () => {
      const { appState, open, log, publisher } = this.deps;
      const previous = appState.get().activeWorkspace;
      await this.active.close();
      try {
        if (replace) await replace();
        this.active = await open(kind);
      } catch (error) {
        log.error(failure, { kind, error: String(error) });
        this.active = await open(previous);
        throw error;
      }
      await appState.save({ activeWorkspace: kind });
      // Problems of the workspace just opened are news, even if those of the last one were dismissed.
      this.dismissed = false;
      const info = this.info();
      publisher.publish('workspace:changed', info);
      return info;
    });
  }

  private problems(): DataProblem[] {
    if (this.dismissed) return [];
    const problems = [...this.deps.appState.problems, ...this.active.problems()];
    return this.deps.offerRestore ? this.deps.offerRestore(problems) : problems;
  }
}
