import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openApp } from './open-app';

/**
 * Run in its own process by the bench (`node --import tsx memory-probe.ts <dataRoot> <now> <contactId>`),
 * so the figures are the main process's alone: the first start in a fresh process (nothing compiled or
 * cached yet), then memory with the workspace open, and with the biggest conversation loaded. Prints one
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
  const started = performance.now();
  const { app } = await openApp(dataRoot, Number(now));
  const rows = app.session().contacts.list().length;
  const coldStartMs = performance.now() - started;
  const open = memory();
  const page = await app.session().conversation.history(contactId, { limit: 200 });
  const loaded = memory();
  await app.close();
  console.log(JSON.stringify({ coldStartMs, rows, before, open, loaded, pageSize: page.messages.length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
