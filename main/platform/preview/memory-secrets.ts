import type { SecretStorage } from '../../contract/account';
import type { WorkspaceKind } from '../../contract/model';
import type { SecretName, SecretStore } from '../../services/account-ports';

/**
 * The preview host's secrets: in memory, gone when the host stops. There is no safeStorage outside
 * Electron, and the alternative, a file in plain text, is what the app refuses everywhere; the wizard
 * tells the owner that secrets are kept only for this session.
 */
export class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();

  storage(): SecretStorage {
    return { kind: 'session-only' };
  }

  get(workspace: WorkspaceKind, name: SecretName): Promise<string | null> {
    return Promise.resolve(this.values.get(`${workspace}/${name}`) ?? null);
  }

  set(workspace: WorkspaceKind, name: SecretName, value: string): Promise<void> {
    this.values.set(`${workspace}/${name}`, value);
    return Promise.resolve();
  }

  delete(workspace: WorkspaceKind, name: SecretName): Promise<void> {
    this.values.delete(`${workspace}/${name}`);
    return Promise.resolve();
  }

  /** For tests: how many secrets are held. */
  get size(): number {
    return this.values.size;
  }
}
