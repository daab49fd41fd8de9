import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MAX_FIRST_ROWS } from '../../main/contract/contact-pages';
import { workspaceDir } from '../../main/store/workspace-paths';
import { openApp } from './open-app';

/**
 * Run in its own process by the bench (`node --import tsx memory-probe.ts <dataRoot> <now> <contactId>`),
 * so the figures are the main process's alone: the first start to the first screen in a fresh process
 * (nothing compiled or cached yet) beside a read + parse of contacts.json in it, then memory with the workspace open, and with the biggest conversation loaded. Prints one
 * JSON line.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const memory = (): { rss: number; heapUsed: number } => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

async function main(): Promise<void> {
  const [dataRoot, now, contactId] = process.argv.slice(2);
  if (!dataRoot || !now || !contactId) throw new Error('usage: memory-probe <dataRoot> <now> <contactId>');
  const before = memory();
  // The floor in this same fresh process: JSON.parse is native code, ready at once; the app's is not.
  const read = performance.now();
  JSON.parse(await readFile(join(workspaceDir(dataRoot, 'real'), 'contacts.json'), 'utf8'));
  const floorMs = performance.now() - read;
  memory();
  const started = performance.now();
  const { app } = await openApp(dataRoot, Number(now));
  app.session().contacts.firstScreen(MAX_FIRST_ROWS);
  const coldStartMs = performance.now() - started;
  const rows = app.session().contacts.list().length;
  const open = memory();
  const page = await app.session().conversation.history(contactId, { limit: 200 });
  const loaded = memory();
  await app.close();
  console.log(
    JSON.stringify({ coldStartMs, floorMs, rows, before, open, loaded, pageSize: page.messages.length }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
