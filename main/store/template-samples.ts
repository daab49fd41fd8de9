import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { appendStaged, dropStaged, stagedSize } from './attachment-files';

/**
 * Header samples of templates the owner submits: received in pieces into the workspace's staging folder
 * (cleared at each start, like dropped attachments), then kept as `template-samples/<id><ext>` beside
 * the library, so the template can later be sent with the same photo, video or document.
 */

const FOLDER = 'template-samples';
const NAME = /^[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,8}$/;

/** Appends one piece; false when it is not the next piece or would pass `maxBytes`. */
export function appendSample(
  dir: string,
  id: string,
  offset: number,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<boolean> {
  return appendStaged(dir, `tpl-${id}`, offset, bytes, maxBytes);
}

export function sampleSize(dir: string, id: string): Promise<number> {
  return stagedSize(dir, `tpl-${id}`);
}

export function dropSample(dir: string, id: string): Promise<void> {
  return dropStaged(dir, `tpl-${id}`);
}

/** Moves a complete staged sample into the samples folder; returns its workspace-relative name. */
export async function keepSample(dir: string, id: string, extension: string): Promise<string> {
  const ext = extension.toLowerCase().replace(/^\./, '');
  const name = `${id}.${ext}`;
  if (!NAME.test(name)) throw new Error('not a sample name');
  await mkdir(path.join(dir, FOLDER), { recursive: true });
  await rename(path.join(dir, 'staging', `tpl-${id}.part`), path.join(dir, FOLDER, name));
  return `${FOLDER}/${name}`;
}

/** A kept sample's bytes; null when it is not there (any more). */
export async function readSample(dir: string, relative: string): Promise<Uint8Array | null> {
  const [folder, name, ...rest] = relative.split('/');
  if (folder !== FOLDER || name === undefined || rest.length > 0 || !NAME.test(name)) return null;
  try {
    return new Uint8Array(await readFile(path.join(dir, FOLDER, name)));
  } catch {
    return null;
  }
}
