import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Contact, Message } from '../../main/contract/model';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore, type OpenWorkspaceOptions } from '../../main/store/open-workspace';
import type { StoreFs } from '../../main/store/store-fs';
import type { WorkspaceStore } from '../../main/store/workspace-store';

export const T0 = Date.parse('2026-03-01T09:00:00Z');
export const MINUTE = 60_000;

/** A fresh folder on the real disk per call, removed after each test. */
export function useTempDirs(): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => fsp.rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'carewindow-store-'));
    dirs.push(dir);
    return dir;
  };
}

export function contact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Customer ${id}`,
    phone: `+3161${String(1000000 + id.length * 7919 + id.charCodeAt(0)).slice(-7)}`,
    notes: '',
    fields: {},
    optIn: { status: 'opted-in', at: T0, source: 'in-store', proof: 'signed form' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function message(
  contactId: string,
  id: string,
  at: number,
  overrides: Partial<Message> = {},
): Message {
  return {
    id,
    contactId,
    direction: 'inbound',
    kind: 'text',
    text: `text of ${id}`,
    at,
    status: 'received',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
    ...overrides,
  };
}

export function errno(code: string, syscall = 'write'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall });
}

type Handle = fsp.FileHandle;

/**
 * The real file system with writes that fail like a full (or locked) disk once `failing.on` is set:
 * a write puts half its bytes on disk and then throws, as a real ENOSPC can.
 */
export function breakableFs(code: string): { fs: StoreFs; failing: { on: boolean } } {
  const failing = { on: false };
  const fs: StoreFs = {
    ...fsp,
    open: async (file, flags, mode) => {
      const handle: Handle = await fsp.open(file, flags, mode);
      const realWrite = handle.write.bind(handle) as (b: Buffer, o: number, l: number) => Promise<unknown>;
      const realWriteFile = handle.writeFile.bind(handle);
      Object.assign(handle, {
        write: async (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
          if (!failing.on) return realWrite(buffer, offset, length);
          await realWrite(buffer, offset, Math.floor(length / 2));
          throw errno(code);
        },
        writeFile: async (data: string) => {
          if (!failing.on) return realWriteFile(data, 'utf8');
          await realWriteFile(data.slice(0, Math.floor(data.length / 2)), 'utf8');
          throw errno(code);
        },
      });
      return handle;
    },
    copyFile: async (src, dest, mode) => {
      if (failing.on) throw errno(code, 'copyfile');
      return fsp.copyFile(src, dest, mode);
    },
  };
  return { fs, failing };
}

/** What the store did to the disk: files opened (with flags), the offsets read, and renames. */
export interface FsJournal {
  opens: { file: string; flags: string }[];
  reads: { file: string; position: number; length: number }[];
  syncs: string[];
  renames: { from: string; to: string }[];
  /** The most temp files being written at the same moment. */
  maxConcurrentTemps: number;
}

export function recordingFs(options: { renameDelayMs?: number } = {}): { fs: StoreFs; journal: FsJournal } {
  const journal: FsJournal = { opens: [], reads: [], syncs: [], renames: [], maxConcurrentTemps: 0 };
  let activeTemps = 0;
  const fs: StoreFs = {
    ...fsp,
    open: async (file, flags, mode) => {
      const name = String(file);
      const flag = String(flags ?? 'r');
      journal.opens.push({ file: name, flags: flag });
      if (name.endsWith('.tmp')) {
        activeTemps++;
        journal.maxConcurrentTemps = Math.max(journal.maxConcurrentTemps, activeTemps);
      }
      const handle: Handle = await fsp.open(file, flags, mode);
      const realRead = handle.read.bind(handle) as (
        b: Buffer,
        o: number,
        l: number,
        p: number,
      ) => Promise<unknown>;
      const realSync = handle.sync.bind(handle);
      Object.assign(handle, {
        read: (buffer: Buffer, offset: number, length: number, position: number) => {
          journal.reads.push({ file: name, position, length });
          return realRead(buffer, offset, length, position);
        },
        sync: () => {
          journal.syncs.push(name);
          return realSync();
        },
      });
      return handle;
    },
    rename: async (from, to) => {
      if (options.renameDelayMs) await new Promise((r) => setTimeout(r, options.renameDelayMs));
      journal.renames.push({ from: String(from), to: String(to) });
      if (String(from).endsWith('.tmp') && !String(to).endsWith('.bak')) activeTemps--;
      return fsp.rename(from, to);
    },
  };
  return { fs, journal };
}

export const readText = (file: string): Promise<string> => fsp.readFile(file, 'utf8');
export const exists = (file: string): Promise<boolean> =>
  fsp.stat(file).then(
    () => true,
    () => false,
  );

/** The store on `dir` at T0, its summaries written only when flushed or closed (tests count what is read). */
export const openAtT0 = (
  dir: string,
  overrides: Partial<OpenWorkspaceOptions> = {},
): Promise<WorkspaceStore> =>
  openWorkspaceStore(dir, { now: () => T0, summaryDelayMs: 60_000, summaryMaxDelayMs: 60_000, ...overrides });

/** Where a contact's history lives in the workspace `dir`. */
export const historyFileOf = (dir: string, contactId: string): string =>
  path.join(dir, 'messages', `${logFileStem(contactId)}.jsonl`);

/** An outbound message to Anna with a text long enough to fill a history quickly. */
export const longOutbound = (id: string, at: number): Message =>
  message('anna', id, at, {
    direction: 'outbound',
    status: 'sent',
    text: `a longer text for ${id} `.repeat(4),
  });
