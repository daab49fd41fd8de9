import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { WorkspaceKind } from '../contract/model';
import { fileStamp } from './corrupt-folder';
import { backupFailed } from './backup-errors';
import { historyPrefix, filesUnder, readBytes, sha256, writeNewFile } from './backup-files';
import {
  BACKUP_PREFIX,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  type BackupFileEntry,
  type BackupManifest,
  type FoundBackup,
} from './backup-manifest';
import { CONTACTS_JOURNAL, ContactChange } from './contact-book';
import { LOG_VERSION, parseLog } from './message-log';
import { isMissing, renameWithRetry, syncDir, type StoreFs, type StoreLog } from './store-fs';

/**
 * What a backup leaves out, and why:
 * - temp files and `.bak` copies: a backup holds each file's last durable content, once;
 * - `corrupt/`: damaged files are evidence, not data to bring back;
 * - the WhatsApp connection (`account.json`, the webhook inbox journals) and `secrets.json`: they belong to
 *   this computer's connection, not to the history, and secrets never go into a backup;
 * - `outbox.json`: a message waiting to be sent must never go out again days later because a backup of
 *   it was restored.
 */
export const CONNECTION_FILES = ['account.json', 'inbox-journal.jsonl', 'inbox-processed.jsonl'];
// scheduled-follow-ups.json likewise: a restored follow-up would go out days after its moment.
const LEFT_OUT = new Set([...CONNECTION_FILES, 'outbox.json', 'scheduled-follow-ups.json', 'secrets.json']);

export function isBackedUp(relative: string): boolean {
  const name = relative.split('/').at(-1) ?? relative;
  if (name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.bak')) return false;
  if (relative.startsWith('corrupt/')) return false;
  return !LEFT_OUT.has(relative) && name !== 'secrets.json';
}

export interface SnapshotOptions {
  readonly fs: StoreFs;
  readonly log: StoreLog;
  /** The workspace folder being backed up. */
  readonly sourceDir: string;
  readonly workspace: WorkspaceKind;
  /** The backup folder; it must exist. */
  readonly folder: string;
  readonly now: number;
  readonly appVersion: string;
  readonly automatic: boolean;
}

/**
 * Makes one backup: every file is copied into a hidden temp folder inside the backup folder, the manifest
 * (counts, and every file's size and SHA-256) is written last, all of it fsynced, and only then is the
 * folder renamed to its final name. A backup cut short (a full drive, a pulled USB stick, a crash) is a
 * hidden `.partial` folder that is never listed, so it can never be taken for a good one.
 * Small JSON files are copied first (each is replaced atomically, so what is read is a whole version),
 * then histories up to their size at that moment (append-only: a prefix is a history that existed).
 */
export async function createSnapshot(options: SnapshotOptions): Promise<FoundBackup> {
  const { fs, folder } = options;
  let temp: string | null = null;
  try {
    const id = await freeId(fs, folder, options.now);
    temp = path.join(folder, `.${id}.${randomBytes(4).toString('hex')}.partial`);
    await fs.mkdir(temp);
    const manifest = await copyWorkspace(options, temp);
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeNewFile(fs, path.join(temp, MANIFEST_FILE), Buffer.from(text));
    await syncDir(fs, temp);
    const dir = path.join(folder, id);
    await renameWithRetry(fs, temp, dir);
    await syncDir(fs, folder);
    return { id, dir, manifest };
  } catch (err) {
    if (temp !== null) await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw backupFailed(folder, err);
  }
}

async function copyWorkspace(options: SnapshotOptions, temp: string): Promise<BackupManifest> {
  const { fs, sourceDir } = options;
  const all = (await filesUnder(fs, sourceDir)).filter(isBackedUp);
  const json = all.filter((f) => f.endsWith('.json'));
  const rest = all.filter((f) => !f.endsWith('.json'));
  const files: BackupFileEntry[] = [];
  const schemaVersions: Record<string, number> = {};
  let contacts = 0;
  let baseContacts: Parsed | null = null;
  let messages = 0;

  for (const relative of json) {
    const good = await lastGoodJson(fs, path.join(sourceDir, relative));
    if (good === null) {
      // Unreadable and no good .bak: left out, so a restore never brings back a damaged file.
      options.log.warn('A file was left out of the backup: it could not be read', { file: relative });
      continue;
    }
    if (typeof good.parsed.schemaVersion === 'number') schemaVersions[relative] = good.parsed.schemaVersion;
    if (relative === 'contacts.json' && Array.isArray(good.parsed.contacts)) baseContacts = good.parsed;
    files.push(await keep(fs, temp, relative, good.bytes));
  }
  for (const relative of rest) {
    let bytes: Buffer;
    try {
      bytes = relative.endsWith('.jsonl')
        ? await historyPrefix(fs, path.join(sourceDir, relative))
        : await readBytes(fs, path.join(sourceDir, relative));
    } catch (err) {
      if (isMissing(err)) continue; // Removed since the folder was listed.
      throw err;
    }
    if (relative.startsWith('messages/')) {
      messages += parseLog(bytes, 0).events.filter((e) => e.t === 'm').length;
    }
    files.push(await keep(fs, temp, relative, bytes));
  }
  await recopyCompacted(fs, sourceDir, temp, files);
  if (baseContacts) contacts = await contactCount(fs, temp, baseContacts);
  schemaVersions.messages = LOG_VERSION;
  return {
    schemaVersion: MANIFEST_VERSION,
    appVersion: options.appVersion,
    createdAt: options.now,
    workspace: options.workspace,
    automatic: options.automatic,
    schemaVersions,
    counts: { contacts, messages },
    files,
  };
}

async function keep(fs: StoreFs, temp: string, relative: string, bytes: Buffer): Promise<BackupFileEntry> {
  await writeNewFile(fs, path.join(temp, ...relative.split('/')), bytes);
  return { path: relative, size: bytes.length, sha256: sha256(bytes) };
}

/**
 * A change journal (contacts.journal.jsonl) is copied after its base (contacts.json). A compaction in
 * between moves the journal's lines into the base and empties the journal: then the copied pair would miss
 * those changes. Seen as a base that changed since it was copied: both are copied again (a few tries).
 */
async function recopyCompacted(fs: StoreFs, sourceDir: string, temp: string, files: BackupFileEntry[]) {
  for (const journal of files.filter((f) => f.path.endsWith('.journal.jsonl'))) {
    const base = files.find((f) => f.path === journal.path.replace(/\.journal\.jsonl$/, '.json'));
    if (!base) continue;
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = await lastGoodJson(fs, path.join(sourceDir, base.path));
      if (now === null || sha256(now.bytes) === base.sha256) break;
      const journalBytes = await historyPrefix(fs, path.join(sourceDir, journal.path));
      for (const [entry, bytes] of [
        [base, now.bytes],
        [journal, journalBytes],
      ] as const) {
        await fs.rm(path.join(temp, ...entry.path.split('/')), { force: true });
        Object.assign(entry, await keep(fs, temp, entry.path, bytes));
      }
    }
  }
}

type Parsed = { schemaVersion?: unknown; contacts?: unknown; generation?: unknown };

/** How many contacts the copied contacts.json and its journal hold together (see contact-book.ts). */
async function contactCount(fs: StoreFs, temp: string, base: Parsed): Promise<number> {
  // The base as copied last (a compaction during the copy means it was copied again).
  const copied = await lastGoodJson(fs, path.join(temp, 'contacts.json'));
  const parsed = copied?.parsed ?? base;
  const ids = new Set<string>();
  if (Array.isArray(parsed.contacts)) {
    for (const row of parsed.contacts as unknown[]) {
      if (typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string')
        ids.add(row.id);
    }
  }
  const generation = typeof parsed.generation === 'number' ? parsed.generation : 0;
  let text = '';
  try {
    text = (await readBytes(fs, path.join(temp, CONTACTS_JOURNAL))).toString('utf8');
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  for (const line of text.split('\n')) {
    let change;
    try {
      change = ContactChange.safeParse(JSON.parse(line));
    } catch {
      continue;
    }
    if (!change.success || change.data.g < generation) continue;
    for (const row of change.data.put) {
      if (typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string')
        ids.add(row.id);
    }
    for (const id of change.data.del) ids.delete(id);
  }
  return ids.size;
}

/** The file's content when it parses, else its `.bak` when that does; null when neither is usable. */
async function lastGoodJson(fs: StoreFs, file: string): Promise<{ bytes: Buffer; parsed: Parsed } | null> {
  for (const candidate of [file, `${file}.bak`]) {
    let bytes: Buffer;
    try {
      bytes = await readBytes(fs, candidate);
    } catch (err) {
      if (isMissing(err)) continue;
      throw err;
    }
    try {
      const parsed: unknown = JSON.parse(bytes.toString('utf8'));
      if (typeof parsed === 'object' && parsed !== null) return { bytes, parsed };
    } catch {
      // Try the .bak.
    }
  }
  return null;
}

/** The backup's name from its time; a second backup in the same millisecond gets "-2". */
async function freeId(fs: StoreFs, folder: string, now: number): Promise<string> {
  const base = `${BACKUP_PREFIX}${fileStamp(now)}`;
  const names = new Set(await fs.readdir(folder));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!names.has(id)) return id;
  }
}
