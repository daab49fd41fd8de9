import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startPreviewHost } from '../../main/platform/preview/host';
import type { Logger } from '../../main/services/ports';
import { openAppState } from '../../main/store/app-state';
import { benchWorkspace, scratchCopy } from './bench-workspace';
import type { GenerateOptions } from './generate-workspace';
import { figureOf, goal, note, report, type Figure } from './measure';

const RUNS = 7;
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const rendererDir = resolve(__dirname, '../../out/renderer');

/**
 * Marks, in the page, the frame after the first contact row (or the empty list's note) went into the DOM (a frame callback runs
 * before the paint, so the next one runs after it), and the moment the whole list is there.
 */
const MARKS = `
  // Bytes that came over the bridge's WebSocket, and how many by the first paint.
  window.__bytes = 0;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        window.__bytes += typeof event.data === 'string' ? new Blob([event.data]).size : (event.data.size ?? event.data.byteLength);
      });
    }
  };
  new MutationObserver((_, observer) => {
    // A contact row, or the empty list's note (the floor: an empty workspace).
    const row = document.querySelector('[role="option"], .list-empty');
    if (!row || performance.getEntriesByName('first-row').length > 0) return;
    performance.mark('first-row');
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.__firstBytes = window.__bytes;
        performance.mark('first-row-painted');
      }),
    );
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

interface Load {
  /** Page load (navigation start) to the first rows painted. */
  paintedMs: number;
  /** Bytes that came over the transport until then. */
  firstBytes: number;
  /** Page load to every row in the list. */
  completeMs: number;
  totalBytes: number;
}

/** Loads the page `RUNS` times against a running preview host on `dataRoot`. */
async function loads(browser: Browser, dataRoot: string, startAt: number, contacts: number): Promise<Load[]> {
  const host = await startPreviewHost({
    rendererDir,
    dataRoot,
    startAt,
    systemLocale: 'en-GB',
    systemTimeZone: 'Europe/Amsterdam',
    log: quiet,
  });
  try {
    const out: Load[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const page = await browser.newPage();
      await page.addInitScript(MARKS);
      await page.goto(host.url);
      await page.waitForFunction(() => performance.getEntriesByName('first-row-painted').length > 0);
      const firstBytes = await page.evaluate(
        () => (globalThis as unknown as { __firstBytes: number }).__firstBytes,
      );
      const paintedMs = await page.evaluate(
        () => performance.getEntriesByName('first-row-painted')[0]?.startTime ?? NaN,
      );
      // Every row is there when the list's set size is the number of contacts.
      if (contacts > 0) {
        await page.waitForSelector(`[role="option"][aria-setsize="${contacts}"]`, { timeout: 120_000 });
      }
      const completeMs = await page.evaluate(() => performance.now());
      const bytes = await page.evaluate(() => (globalThis as unknown as { __bytes: number }).__bytes);
      // The first run warms the host's caches and the browser's: not counted.
      if (run > 0) out.push({ paintedMs, firstBytes, completeMs, totalBytes: bytes });
      await page.close();
    }
    return out;
  } finally {
    await host.close();
  }
}

const figure = (values: number[]): Figure => figureOf(values);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * The first screen as the owner sees it: the built renderer in Chromium against the preview host on the
 * generated workspace (already open in main, as after start-up), from page load to the first contact
 * rows painted, and the bytes that took; the floor is the same on an empty workspace, in the same run.
 */
export async function benchFirstScreen(size: GenerateOptions): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    note('first screen in the browser', 'skipped: build the renderer first (npx electron-vite build)');
    return;
  }
  const { info, pristineRoot } = await benchWorkspace(size);
  const full = await scratchCopy(pristineRoot);
  const empty = await mkdtemp(join(tmpdir(), 'carewindow-bench-empty-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const root of [full.dataRoot, empty]) {
      const state = await openAppState(root);
      await state.save({ activeWorkspace: 'real' });
      await state.close();
    }
    const floor = await loads(browser, empty, info.now, 0);
    const big = await loads(browser, full.dataRoot, info.now, info.contacts);
    const floorPaint = figure(floor.map((l) => l.paintedMs));
    const paint = figure(big.map((l) => l.paintedMs));
    const label = `${info.contacts.toLocaleString('en')} contacts`;
    report('first screen: page load → empty workspace painted', floorPaint);
    report(`first screen: page load → first rows painted (${label})`, paint, 'empty', floorPaint);
    report(
      `first screen: page load → whole list streamed in (${label})`,
      figure(big.map((l) => l.completeMs)),
      'empty',
      floorPaint,
    );
    const firstBytes = figure(big.map((l) => l.firstBytes));
    const floorBytes = figure(floor.map((l) => l.firstBytes));
    note(
      'first screen: bytes over the transport until painted',
      `${kb(firstBytes.p50)} (empty workspace ${kb(floorBytes.p50)}; whole list ${kb(figure(big.map((l) => l.totalBytes)).p50)})`,
    );
    goal(
      `first screen as the owner sees it ≤ 1 s at ${label}`,
      paint.p50 <= 1000,
      `p50 ${paint.p50.toFixed(0)} ms / p95 ${paint.p95.toFixed(0)} ms, ${(paint.p50 / Math.max(floorPaint.p50, 1)).toFixed(1)}× the empty workspace`,
    );
    goal(
      'first payload does not grow with the contacts',
      firstBytes.p50 <= floorBytes.p50 + 256 * 1024,
      `${kb(firstBytes.p50)} until the first rows painted, empty workspace ${kb(floorBytes.p50)}`,
    );
  } finally {
    await browser.close();
    await full.remove();
    await rm(empty, { recursive: true, force: true });
  }
}
