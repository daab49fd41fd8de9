import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceDir } from '../../main/store/workspace-paths';
import { benchWorkspace, scratchCopy } from './bench-workspace';
import type { GenerateOptions } from './generate-workspace';
import { describeFigure, figureOf, goal, note, ratio, report } from './measure';
import { openApp } from './open-app';
import { benchOpenSession } from './session-bench';

const MB = 1024 * 1024;

/**
 * The figures of issue 12 on a generated workspace (cached between runs, see bench-workspace.ts), each
 * against a floor measured in the same run: cold start to the first screen, the biggest conversation, a
 * status update, a contact change, window states, and the main process's memory.
 */
export async function benchAtScale(size: GenerateOptions): Promise<void> {
  const workspace = await benchWorkspace(size);
  const { info } = workspace;
  note(
    'workspace',
    `${info.contacts.toLocaleString('en')} contacts, ${info.messages.toLocaleString('en')} messages, biggest ${info.biggest.messages.toLocaleString('en')}` +
      (workspace.generatedInMs === null
        ? ' (cached)'
        : ` (generated in ${(workspace.generatedInMs / 1000).toFixed(1)} s)`),
  );
  const scratch = await scratchCopy(workspace.pristineRoot);
  try {
    const dir = workspaceDir(scratch.dataRoot, 'real');
    // The floor: what the first screen cannot do without, reading and parsing the contact list, each
    // right before an open, in a process of its own (cold-start-probe.ts).
    const opens = await runProbe<ColdStarts>('cold-start-probe.ts', [
      scratch.dataRoot,
      info.now,
      info.contacts,
    ]);
    const floor = figureOf(opens.floor);
    const firstTimes = opens.firstScreen;
    const times = opens.wholeList;
    // The first screen is what the renderer asks for first (contacts.firstScreen): the goal's figure. The
    // whole list with every row's follow-up readiness is shown beside it; the renderer streams it after.
    const coldFirst = figureOf(firstTimes);
    report(
      'cold start to the first screen (open + contacts.firstScreen: 200 rows + counts)',
      coldFirst,
      'read+parse contacts.json',
      floor,
    );
    const cold = figureOf(times);
    report(
      'cold start to the whole contact list (open + contacts.list)',
      cold,
      'read+parse contacts.json',
      floor,
    );
    const rf = ratio(coldFirst, floor);
    goal(
      'cold start to the first screen ≤ 2× read+parse of contacts.json',
      rf.p50 <= 2,
      `${rf.p50.toFixed(1)}× / ${rf.p95.toFixed(1)}×`,
    );
    goal(
      'cold start to the first screen < 150 ms of main-process work (idle machine)',
      coldFirst.p50 < 150,
      describeFigure(coldFirst),
    );

    const probe = await runProbe<Probe>('memory-probe.ts', [scratch.dataRoot, info.now, info.biggest.id]);
    note(
      'cold start to the first screen in a fresh process',
      `${probe.coldStartMs.toFixed(0)} ms, ${(probe.coldStartMs / probe.floorMs).toFixed(1)}× its read+parse of contacts.json (${probe.floorMs.toFixed(0)} ms; nothing compiled yet)`,
    );
    note(
      'main-process memory, workspace open',
      `rss ${(probe.open.rss / MB).toFixed(0)} MB, heap used ${(probe.open.heapUsed / MB).toFixed(0)} MB (before opening: rss ${(probe.before.rss / MB).toFixed(0)} MB)`,
    );
    note(
      '  … and the biggest conversation loaded',
      `rss ${(probe.loaded.rss / MB).toFixed(0)} MB, heap used ${(probe.loaded.heapUsed / MB).toFixed(0)} MB`,
    );
    goal(
      'main-process memory < 300 MB (rss)',
      probe.loaded.rss < 300 * MB,
      `${(probe.loaded.rss / MB).toFixed(0)} MB`,
    );

    const { app } = await openApp(scratch.dataRoot, info.now);
    try {
      await benchOpenSession(app, info, dir);
    } finally {
      await app.close();
    }
  } finally {
    await scratch.remove();
  }
}

interface Probe {
  coldStartMs: number;
  floorMs: number;
  before: { rss: number; heapUsed: number };
  open: { rss: number; heapUsed: number };
  loaded: { rss: number; heapUsed: number };
}

interface ColdStarts {
  floor: number[];
  firstScreen: number[];
  wholeList: number[];
}

/** Runs one of the bench's probes in a fresh Node process and returns the JSON line it printed last. */
async function runProbe<T>(script: string, args: (string | number)[]): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, script), ...args.map(String)],
    { cwd: join(__dirname, '../..'), maxBuffer: 1024 * 1024 },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as T;
}
