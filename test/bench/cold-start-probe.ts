import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_FIRST_ROWS } from '../../main/contract/contact-pages';
import { workspaceDir } from '../../main/store/workspace-paths';
import { openApp } from './open-app';

/**
 * Run in its own process by the bench (`node --import tsx cold-start-probe.ts <dataRoot> <now> <contacts>`),
 * so what ran before it (generating 500,000 messages, other figures) leaves nothing in the heap it is timed
 * with. The workspace is opened again and again, each open with its floor (a read + parse of contacts.json)
 * right before it: both meet the same machine (a shared VM's neighbours come and go) and the same heap (the
 * garbage of the open before). Sixteen pairs: the opens have a tail (a full collection now and then) that
 * moves the median of eight. The first open compiles the code and is not counted (the fresh-process figure
 * is the memory probe's). Prints one JSON line: the times in ms.
 */
async function main(): Promise<void> {
  const [dataRoot, now, contacts] = process.argv.slice(2);
  if (!dataRoot || !now || !contacts) throw new Error('usage: cold-start-probe <dataRoot> <now> <contacts>');
  const contactsFile = join(workspaceDir(dataRoot, 'real'), 'contacts.json');
  const floor: number[] = [];
  const firstScreen: number[] = [];
  for (let run = 0; run < 17; run++) {
    const read = performance.now();
    JSON.parse(await readFile(contactsFile, 'utf8'));
    const readTook = performance.now() - read;
    // What the renderer asks for first (contacts.firstScreen): the visible rows and the counts.
    const started = performance.now();
    const { app } = await openApp(dataRoot, Number(now));
    const first = app.session().contacts.firstScreen(MAX_FIRST_ROWS);
    const took = performance.now() - started;
    if (run > 0) {
      floor.push(readTook);
      firstScreen.push(took);
    }
    if (first.counts.all !== Number(contacts)) throw new Error('counts wrong');
    await app.close();
  }
  const wholeList: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const { app } = await openApp(dataRoot, Number(now));
    const rows = app.session().contacts.list();
    if (run > 0) wholeList.push(performance.now() - started);
    if (rows.length !== Number(contacts)) throw new Error('rows missing');
    await app.close();
  }
  console.log(JSON.stringify({ floor, firstScreen, wholeList }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
