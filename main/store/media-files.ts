import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { MediaFolder } from './media-folder';
import { isMissing, nodeFs, renameWithRetry, syncDir, type StoreFs } from './store-fs';

/**
 * Inbound media files in the workspace's media folder (`media/<contact folder>/<name>`, the folder chat
 * exports use too): written through a temp file and a rename, so a half-downloaded file never has the
 * final name; and found again for serving, opening or saving, only ever inside that folder.
 */

export type MediaWrite =
  | { ok: true; file: string; size: number }
  | { ok: false; problem: 'too-large' | 'connection' | 'storage'; size: number; detail: string };

/**
 * Streams `body` into `media/<contact>/<name>`, stopping as soon as more than `maxBytes` came (the
 * platform's limit, checked on the bytes themselves, whatever the headers said). Returns the
 * workspace-relative path. Nothing is left behind on failure.
 */
export async function writeMediaFile(
  workspaceDir: string,
  contactId: string,
  name: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  fs: StoreFs = nodeFs,
): Promise<MediaWrite> {
  const relative = new MediaFolder(workspaceDir, fs).relativePath(contactId, name);
  const target = path.join(workspaceDir, relative);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`);
  let size = 0;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    return { ok: false, problem: 'storage', size, detail: code(err) };
  }
  let handle;
  try {
    handle = await fs.open(temp, 'wx');
  } catch (err) {
    return { ok: false, problem: 'storage', size, detail: code(err) };
  }
  let failure: MediaWrite | null = null;
  try {
    try {
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          failure = { ok: false, problem: 'too-large', size, detail: 'more bytes than allowed' };
          break;
        }
        await handle.write(chunk);
      }
    } catch (err) {
      // The stream broke off (a dropped connection), or a write failed.
      failure ??= isWriteError(err)
        ? { ok: false, problem: 'storage', size, detail: code(err) }
        : { ok: false, problem: 'connection', size, detail: 'the download broke off' };
    }
    if (!failure) await handle.sync();
  } catch (err) {
    failure = { ok: false, problem: 'storage', size, detail: code(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (failure) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return failure;
  }
  try {
    await renameWithRetry(fs, temp, target);
    await syncDir(fs, dir);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, problem: 'storage', size, detail: code(err) };
  }
  return { ok: true, file: relative, size };
}

/** A plain file-name segment: no separators, not `.`/`..`, no control characters. */
const SEGMENT = /^(?!\.\.?$)[^/\\\p{Cc}]{1,255}$/u;

/**
 * The absolute path of a stored media file, from its workspace-relative path (`media/<folder>/<name>`),
 * or null when that is not a file inside this workspace's media folder: other folders, `..`, encoded
 * separators, symbolic links leading out, folders and missing files are all refused.
 */
export async function mediaFileFor(workspaceDir: string, relative: string): Promise<string | null> {
  const parts = relative.split('/');
  if (parts.length !== 3 || parts[0] !== 'media') return null;
  const [, folder = '', name = ''] = parts;
  if (!SEGMENT.test(folder) || !SEGMENT.test(name)) return null;
  const root = path.join(workspaceDir, 'media');
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path.join(root, folder, name))]);
    if (!realFile.startsWith(realRoot + path.sep)) return null;
    const stat = await nodeFs.stat(realFile);
    return stat.isFile() ? realFile : null;
  } catch (err) {
    if (isMissing(err)) return null;
    return null;
  }
}

/**
 * The same from a URL path as the app's protocol receives it (`/media/<folder>/<name>`, each segment
 * percent-encoded, as contract/message-content.ts `mediaUrl` builds it). A segment that does not decode,
 * or decodes to a separator, is refused.
 */
export async function mediaFileForUrlPath(workspaceDir: string, urlPath: string): Promise<string | null> {
  if (!urlPath.startsWith('/media/')) return null;
  const segments: string[] = [];
  for (const raw of urlPath.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (decoded.includes('/') || decoded.includes('\\')) return null;
    segments.push(decoded);
  }
  return mediaFileFor(workspaceDir, segments.join('/'));
}

function isWriteError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'syscall' in err;
}

function code(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}
