import type { CareWindowApi } from '../../../main/contract/ipc';
import type { WorkspaceInfo } from '../../../main/contract/model';
import type { StateCell } from './app-state';

/**
 * Switching between the demo and the owner's workspace, and dismissing its data problems. A switch starts
 * the screens over (nothing selected, the whole list) and loads the other workspace's first screen.
 */
export class WorkspaceActions {
  constructor(
    private readonly cell: StateCell,
    private readonly api: CareWindowApi['workspace'],
    private readonly load: () => Promise<void>,
    private readonly reportError: (error: unknown) => void,
  ) {}

  startReal(): Promise<void> {
    return this.switchTo(() => this.api.startReal());
  }

  /** Back to the demo from the owner's workspace; the owner's data stays in its own folder, untouched. */
  openDemo(): Promise<void> {
    return this.switchTo(() => this.api.openDemo());
  }

  async dismissProblems(): Promise<void> {
    try {
      const workspace = await this.api.dismissProblems();
      this.cell.set({ workspace });
    } catch (error) {
      this.reportError(error);
    }
  }

  private async switchTo(open: () => Promise<WorkspaceInfo>): Promise<void> {
    try {
      const workspace = await open();
      this.cell.set({
        workspace,
        selectedId: null,
        conversation: null,
        listOnly: null,
        screen: 'conversation',
      });
      await this.load();
    } catch (error) {
      this.reportError(error);
    }
  }
}
