import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { workspaceDir } from '../../main/store/workspace-paths';
import {
  generateWorkspace,
  GENERATOR_VERSION,
  type GeneratedWorkspace,
  type GenerateOptions,
} from './generate-workspace';

/** The workspace: 10,000 contacts, 500,000 messages over 3 years, the biggest 50,000. */
export const FULL_SIZE: GenerateOptions = {
  contacts: 10_000,
  messages: 500_000,
  biggest: 50_000,
  years: 3,
  seed: 20261125,
};

/** A tenth of it, for a quick look (`npm run bench:quick`). */
export const QUICK_SIZE: GenerateOptions = {
  contacts: 1_000,
  messages: 50_000,
  biggest: 5_000,
  years: 3,
  seed: 20261125,
};

const PREFIX = 'carewindow-bench-ws-';
const INFO = 'generated.json';

export interface BenchWorkspace {
  info: GeneratedWorkspace;
  /** A data root (app.json's folder) whose real workspace is the generated one: never written to. */
  pristineRoot: string;
  /** How long generating took in this run; null when the cached one was used. */
  generatedInMs: number | null;
}

/**
 * The generated workspace, made once and kept in the temp folder between bench runs: generating 500,000
 * messages takes half a minute. The cache key holds the generator's version, the size and a hash of the
 * store's sources, so a change of the file format (or of the generator) makes it afresh. Older cached
 * workspaces are removed.
 */
export async function benchWorkspace(size: GenerateOptions): Promise<BenchWorkspace> {
  const key = createHash('sha256')
    .update(JSON.stringify({ version: GENERATOR_VERSION, size }))
    .update(await storeSourcesHash())
    .digest('hex')
    .slice(0, 16);
  const root = join(tmpdir(), `${PREFIX}${key}`);
  for (const name of await readdir(tmpdir())) {
    if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}`)
      await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
  const cached = await readFile(join(root, INFO), 'utf8').then(
    (text) => JSON.parse(text) as GeneratedWorkspace,
    () => null,
  );
  if (cached) return { info: cached, pristineRoot: root, generatedInMs: null };

  await rm(root, { recursive: true, force: true });
  const started = performance.now();
  const info = await generateWorkspace(workspaceDir(root, 'real'), size);
  const generatedInMs = performance.now() - started;
  // Written last: a run interrupted while generating leaves no info file, so the next one starts over.
  await writeFile(join(root, INFO), JSON.stringify(info));
  return { info, pristineRoot: root, generatedInMs };
}

/** A copy of the pristine data root to measure (and write) on; `remove` deletes it. */
export async function scratchCopy(
  pristineRoot: string,
): Promise<{ dataRoot: string; remove: () => Promise<void> }> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'carewindow-bench-run-'));
  await cp(join(pristineRoot, 'workspaces'), join(dataRoot, 'workspaces'), { recursive: true });
  return { dataRoot, remove: () => rm(dataRoot, { recursive: true, force: true }) };
}

async function storeSourcesHash(): Promise<string> {
  const dir = join(__dirname, '../../main/store');
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(await readFile(join(dir, name)));
  }
  return hash.digest('hex');
}
