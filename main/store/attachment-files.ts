import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { mediaFileFor, writeMediaFile, type MediaWrite } from './media-files';

/**
 * Files the owner sends. A dropped file arrives in pieces into `staging/<id>.part` (outside the media
 * folder, so nothing half-received is ever served); a complete one, or a file picked in main's own
 * dialog, is copied into `media/<contact folder>/<name>` with the platform's limit enforced on the bytes,
 * where the preview and, once sent, the message show it. The outbox reads it back to upload it.
 */

const STAGING = 'staging';
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function stagedPath(workspaceDir: string, id: string): string {
  if (!ID.test(id)) throw new Error('not an attachment id');
  return path.join(workspaceDir, STAGING, `${id}.part`);
}

/** Appends one piece at `offset`; refused (false) when it is not the next piece or goes past `maxBytes`. */
export async function appendStaged(
  workspaceDir: string,
  id: string,
  offset: number,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<boolean> {
  const file = stagedPath(workspaceDir, id);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a');
  try {
    const { size } = await handle.stat();
    if (size !== offset || size + bytes.byteLength > maxBytes) return false;
    await handle.write(bytes);
    return true;
  } finally {
    await handle.close();
  }
}

/** Bytes received so far for a staged file (0 when none). */
export async function stagedSize(workspaceDir: string, id: string): Promise<number> {
  try {
    return (await stat(stagedPath(workspaceDir, id))).size;
  } catch {
    return 0;
  }
}

/** Moves a complete staged file into the contact's media folder (the staged copy goes either way). */
export async function keepStaged(
  workspaceDir: string,
  id: string,
  contactId: string,
  name: string,
  maxBytes: number,
): Promise<MediaWrite> {
  const file = stagedPath(workspaceDir, id);
  try {
    return await writeMediaFile(workspaceDir, contactId, name, createReadStream(file), maxBytes);
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}

export async function dropStaged(workspaceDir: string, id: string): Promise<void> {
  await rm(stagedPath(workspaceDir, id), { force: true });
}

/** Pieces left by an earlier run (the app closed mid-drop): never sent, removed at the start. */
export async function clearStaging(workspaceDir: string): Promise<void> {
  await rm(path.join(workspaceDir, STAGING), { recursive: true, force: true });
}

/** The size of a file the owner picked in main's dialog; null when it is not a readable plain file. */
export async function pickedFileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** Copies a picked file into the contact's media folder, stopping past `maxBytes`. */
export function keepPicked(
  workspaceDir: string,
  source: string,
  contactId: string,
  name: string,
  maxBytes: number,
): Promise<MediaWrite> {
  return writeMediaFile(workspaceDir, contactId, name, createReadStream(source), maxBytes);
}

/** The first bytes of a kept media file (its signature), or null when it is not there. */
export async function mediaHead(
  workspaceDir: string,
  relative: string,
  count = 16,
): Promise<Uint8Array | null> {
  const file = await mediaFileFor(workspaceDir, relative);
  if (file === null) return null;
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A kept media file's bytes, for an upload; null when it is not (any more) in the media folder. */
export async function readMediaBytes(workspaceDir: string, relative: string): Promise<Uint8Array | null> {
  const file = await mediaFileFor(workspaceDir, relative);
  return file === null ? null : new Uint8Array(await readFile(file));
}

export async function removeMediaFile(workspaceDir: string, relative: string): Promise<void> {
  const file = await mediaFileFor(workspaceDir, relative);
  if (file !== null) await rm(file, { force: true });
}
