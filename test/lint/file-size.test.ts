import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rule "small files with one idea each", made checkable: a source file over MAX_LINES lines
 * must say in its first lines why it is longer, so a big file is always a decision someone wrote down,
 * never something that grew unnoticed.
 */
const MAX_LINES = 300;
const HEADER_LINES = 12;
const REASON = /longer than 300 lines because/i;
const ROOTS = ['main', 'renderer', 'preload', 'scripts'];
const SOURCE = /\.(ts|tsx|mjs|css)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

const repo = join(import.meta.dirname, '..', '..');

interface Oversize {
  file: string;
  lines: number;
}

/** The line count as `wc -l` shows it for a file that ends with a newline. */
function lineCount(text: string): number {
  const lines = text.split('\n');
  return lines.at(-1) === '' ? lines.length - 1 : lines.length;
}

/** Whether a file breaks the rule: too long, and no reason given in its header. */
function isUnexplainedOversize(text: string): boolean {
  if (lineCount(text) <= MAX_LINES) return false;
  return !REASON.test(text.split('\n').slice(0, HEADER_LINES).join('\n'));
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
      return SOURCE.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

const lines = (count: number, header = ''): string =>
  `${header}\n${Array.from({ length: count - 1 }, (_, i) => `line ${String(i)}`).join('\n')}\n`;

describe('the file-size rule', () => {
  it.each([
    { case: 'exactly at the limit', text: lines(MAX_LINES), breaks: false },
    { case: 'one line over, no reason', text: lines(MAX_LINES + 1), breaks: true },
    {
      case: 'over, with the reason in its header',
      text: lines(MAX_LINES + 50, '// This file is longer than 300 lines because it is one table.'),
      breaks: false,
    },
    {
      case: 'over, with the reason buried below the header',
      text: `${lines(HEADER_LINES)}/* longer than 300 lines because */\n${lines(MAX_LINES)}`,
      breaks: true,
    },
  ])('$case: breaks the rule = $breaks', ({ text, breaks }) => {
    expect(isUnexplainedOversize(text)).toBe(breaks);
  });

  it(`no source file is over ${String(MAX_LINES)} lines unless its header says why`, async () => {
    const files = (await Promise.all(ROOTS.map((root) => sourceFiles(join(repo, root))))).flat();
    // Guards the walk itself: a wrong root would find nothing and pass.
    expect(files.length).toBeGreaterThan(100);
    const oversize: Oversize[] = [];
    for (const path of files) {
      const text = await readFile(path, 'utf8');
      if (isUnexplainedOversize(text)) oversize.push({ file: relative(repo, path), lines: lineCount(text) });
    }
    // Split the file along its concerns, or start it with a comment "… longer than 300 lines because …".
    expect(oversize).toEqual([]);
  });
});
