import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { workspaceDir } from '../../main/store/workspace-paths';
import { SeededRandom } from '../bench/seeded-random';
import { openApp } from '../bench/open-app';
import { useTempDirs } from '../support/temp-dir';

/**
 * The promise "nothing the owner typed or received is ever lost", tested the hard way: a child process
 * writes through the real store (messages, contact edits, new contacts, settings) and is killed with
 * SIGKILL at seeded random moments, 60 times, restarted each time on the same folder (so some kills land
 * while it opens and recovers). Afterwards every acknowledged write is there, no file is unreadable, and
 * the app's composition root opens the workspace.
 */
const KILLS = 60;
/** Children started ahead of their turn: loading the code is most of a life's time. */
const AHEAD = 3;
const SEED = 12;
const newTempDir = useTempDirs();
let writer = '';

beforeAll(async () => {
  // Bundled once, so each of the 60 starts costs a plain `node` start rather than a TypeScript compile.
  writer = join(await newTempDir(), 'crash-writer.cjs');
  await build({
    entryPoints: [join(__dirname, 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: writer,
    logLevel: 'silent',
  });
});

/** What the child said it tried and what it confirmed, over all its lives. */
class Ledger {
  readonly messages = new Map<string, string>();
  readonly created = new Set<string>();
  /** New contacts tried: saved perhaps, when the kill came after the save but before the ack was printed. */
  readonly triedNew = new Set<string>();
  /** Per contact (and 'settings'): the last confirmed value, and one tried after it, if any. */
  readonly latest = new Map<string, { acked: string | null; tried: string | null }>();
  acks = 0;

  read(line: string): void {
    const [word, kind, target, value] = line.split(' ');
    if ((word !== 'try' && word !== 'ack') || !kind || !target || !value) return;
    if (kind === 'c' || kind === 's') {
      const entry = this.latest.get(target) ?? { acked: null, tried: null };
      if (word === 'try') entry.tried = value;
      else entry.acked = value;
      this.latest.set(target, entry);
    }
    if (word === 'try' && kind === 'n') this.triedNew.add(target);
    if (word !== 'ack') return;
    this.acks++;
    if (kind === 'm') this.messages.set(value, target);
    if (kind === 'n') this.created.add(target);
  }
}

/** A child that has loaded its code and waits to be told to open the store. */
interface Life {
  go(acks: number, ledger: Ledger): Promise<void>;
}

/**
 * Starts a child; `go` lets it open the store and kills it once `acks` more writes were confirmed (-1: as
 * soon as it starts opening), resolving when it is dead.
 */
function startLife(dir: string, run: number): Life {
  const child = spawn(process.execPath, [writer, dir, String(run), String(SEED * 1000 + run)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
  return {
    go: (acks, ledger) =>
      new Promise((resolve, reject) => {
        const target = ledger.acks + acks;
        let buffered = '';
        let killed = false;
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          buffered += chunk;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            ledger.read(line);
            if (line.startsWith('ready ') && line !== 'ready 0') {
              reject(new Error(`run ${run} opened with data problems: ${line}`));
            }
            const due = acks < 0 ? line === 'opening' : ledger.acks >= target;
            if (due && !killed) {
              killed = true;
              child.kill('SIGKILL');
            }
          }
        });
        child.stdin.write('go\n');
        exited.then((signal) => {
          if (signal === 'SIGKILL') resolve();
          else reject(new Error(`run ${run} ended by itself before it was killed: ${stderr}`));
        }, reject);
      }),
  };
}

describe('SIGKILL while writing', () => {
  it(`loses no acknowledged write over ${KILLS} kills, and the workspace still opens`, async () => {
    const root = await newTempDir();
    const dir = workspaceDir(root, 'real');
    const ledger = new Ledger();
    const random = new SeededRandom(SEED);
    // The next lives load meanwhile; each touches the folder only when told to, after the last one died.
    const loading = Array.from({ length: AHEAD }, (_, run) => startLife(dir, run));
    for (let run = 0; run < KILLS; run++) {
      const life = loading.shift();
      if (!life) throw new Error('no life left');
      if (run + AHEAD < KILLS) loading.push(startLife(dir, run + AHEAD));
      // Mostly a few writes in, sometimes while the store is still opening (and recovering).
      const acks = random.chance(0.1) ? -1 : random.int(1, 30);
      await life.go(acks, ledger);
    }
    expect(ledger.acks).toBeGreaterThan(KILLS);

    const store = await openWorkspaceStore(dir, { now: () => Date.now() });
    try {
      expect(store.problems).toEqual([]);
      for (const id of ledger.created) expect(store.contact(id), id).toBeDefined();
      for (const [target, { acked, tried }] of ledger.latest) {
        if (acked === null) continue;
        const now =
          target === 'settings'
            ? String(store.settings().closingLeadMinutes)
            : (store.contact(target)?.notes ?? '');
        // The last confirmed value, or the one tried after it (written, killed before it was confirmed).
        expect([acked, tried], target).toContain(now);
      }
      const byContact = new Map<string, Set<string>>();
      for (const [id, contactId] of ledger.messages) {
        let ids = byContact.get(contactId);
        if (!ids) {
          const all = await store.allMessages(contactId);
          ids = new Set(all.map((m) => m.id));
          byContact.set(contactId, ids);
        }
        expect(ids.has(id), `message ${id} of ${contactId}`).toBe(true);
      }
      expect(store.problems).toEqual([]);
    } finally {
      await store.close();
    }

    const { app } = await openApp(root, Date.now());
    try {
      expect(app.session().problems()).toEqual([]);
      // Every acknowledged contact is there; any other is one tried but killed before its ack was printed.
      const ids = app
        .session()
        .contacts.list()
        .map((row) => row.contact.id);
      for (const id of ledger.created) expect(ids, id).toContain(id);
      const extra = ids.filter((id) => !ledger.created.has(id) && id.startsWith('new-'));
      for (const id of extra) expect(ledger.triedNew.has(id), id).toBe(true);
      expect(ids.length - extra.length).toBe(5 + ledger.created.size);
    } finally {
      await app.close();
    }
  }, 240_000);
});
