import path from 'node:path';
import type { WorkspaceKind } from '../contract/model';
import { nodeFs, type StoreFs } from './store-fs';

/** `<root>/workspaces/<kind>`: the demo and the owner's real data never share a folder. */
export function workspaceDir(rootDir: string, kind: WorkspaceKind): string {
  return path.join(rootDir, 'workspaces', kind);
}

/**
 * Deletes the demo workspace so it can be seeded afresh. Refuses the real one whatever the caller's types
 * say: the owner's data is never removed by the app. Close the demo's store first.
 */
export async function removeWorkspace(
  rootDir: string,
  kind: WorkspaceKind,
  fs: StoreFs = nodeFs,
): Promise<void> {
  if (kind !== 'demo') {
    throw new Error(`Refusing to remove the "${kind}" workspace: only the demo can be reset.`);
  }
  await fs.rm(workspaceDir(rootDir, kind), { recursive: true, force: true });
}
