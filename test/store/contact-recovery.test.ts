import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownerTime } from '../../main/store/corrupt-folder';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { contact, message, readText, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

const open = (dir: string): Promise<WorkspaceStore> =>
  openWorkspaceStore(dir, { now: () => T0, summaryDelayMs: 60_000, summaryMaxDelayMs: 60_000 });

const contactsPath = (dir: string) => path.join(dir, 'contacts.json');
const logOf = (dir: string, id: string) => path.join(dir, 'messages', `${logFileStem(id)}.jsonl`);

/**
 * Five contacts saved one after the other, the last one (eva) in a later session, so contacts.json.bak
 * holds the four before her (each close folds the change journal into contacts.json, keeping the previous
 * file as the .bak); eva has written since.
 */
async function fiveContacts(dir: string): Promise<void> {
  const first = await open(dir);
  for (const [i, id] of ['anna', 'ben', 'carla', 'dirk'].entries()) {
    await first.saveContact(contact(id, { name: `Name ${id}`, phone: `+3161234500${i}` }));
  }
  await first.close();
  const store = await open(dir);
  await store.saveContact(contact('eva', { name: 'Name eva', phone: '+31612345004' }));
  await store.appendMessage(message('eva', 'e1', T0));
  await store.appendMessage(message('eva', 'e2', T0 + 1));
  await store.close();
}

describe('contacts.json damaged: what was lost is said, and contacts come back from their histories', () => {
  it('brings back the contact added after the backup from its history, and says exactly that', async () => {
    const dir = await tempDir();
    await fiveContacts(dir);
    const text = await readText(contactsPath(dir));
    await fsp.writeFile(contactsPath(dir), text.slice(0, text.length - 40));
    const backupTime = ownerTime((await fsp.stat(`${contactsPath(dir)}.bak`)).mtimeMs);

    const store = await open(dir);

    expect(store.contacts().map((c) => c.id)).toEqual(['anna', 'ben', 'carla', 'dirk', 'eva']);
    const eva = store.contact('eva');
    expect(eva?.phone).toBe('+31612345004');
    expect(eva?.name).toBe('Name eva');
    expect(eva?.optIn.status).toBe('none'); // consent is never assumed for a rebuilt contact
    expect((await store.history('eva', { limit: 10 })).messages.map((m) => m.id)).toEqual(['e1', 'e2']);
    expect(store.problems).toHaveLength(1);
    const problem = store.problems[0];
    expect(problem?.message).toBe('Your contact list (contacts.json) could not be read: it is damaged.');
    expect(problem?.recovery).toContain(`CareWindow restored the backup from ${backupTime} (4 contacts).`);
    expect(problem?.recovery).toContain(
      '1 contact added after it was brought back from its message history: +31612345004 (Name eva).',
    );
    expect(problem?.recovery).toMatch(/Changes to contacts made after .* may be missing/);
    expect(problem?.recovery).not.toContain('untouched');
    await store.close();

    const again = await open(dir);
    expect(again.contacts()).toHaveLength(5);
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('takes a number from the damaged file when the history does not record one', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345000' }));
    await store.saveContact(contact('anna', { phone: '+31612345000', name: 'Anna' })); // makes the .bak
    await store.close();
    // A history from before histories recorded the number, and a contact the backup does not have.
    await fsp.writeFile(
      logOf(dir, 'old'),
      `${JSON.stringify({ schemaVersion: 1, contactId: 'old' })}\n${JSON.stringify({ t: 'm', m: message('old', 'o1', T0) })}\n`,
    );
    const damaged = JSON.stringify({
      schemaVersion: 1,
      contacts: [
        contact('anna', { phone: 'not a number' }),
        contact('old', { name: 'Olga', phone: '+31698765432' }),
      ],
    });
    await fsp.writeFile(contactsPath(dir), damaged);

    const again = await open(dir);
    expect(again.contact('old')).toMatchObject({ name: 'Olga', phone: '+31698765432' });
    expect(again.contact('old')?.optIn.status).toBe('none');
    expect(again.problems[0]?.recovery).toContain('+31698765432 (Olga)');
    await again.close();
  });

  it('says which conversations it could not give back to a contact, and keeps them', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345000' }));
    await store.saveContact(contact('anna', { phone: '+31612345000', name: 'Anna' })); // makes the .bak
    await store.close();
    const history = `${JSON.stringify({ schemaVersion: 1, contactId: 'ghost' })}\n${JSON.stringify({ t: 'm', m: message('ghost', 'g1', T0) })}\n`;
    await fsp.writeFile(logOf(dir, 'ghost'), history);
    await fsp.writeFile(contactsPath(dir), '{"schemaVersion":1,"contacts":[');

    const again = await open(dir);
    expect(again.contacts().map((c) => c.id)).toEqual(['anna']);
    const recovery = again.problems[0]?.recovery ?? '';
    expect(recovery).toContain('1 conversation could not be given back to a contact');
    expect(recovery).toContain(path.join('messages', 'ghost.jsonl'));
    expect(await readText(logOf(dir, 'ghost'))).toBe(history);
    await again.close();
  });

  it('with no good backup either, rebuilds contacts from the histories and does not call them untouched', async () => {
    const dir = await tempDir();
    await fiveContacts(dir);
    await fsp.writeFile(contactsPath(dir), '\u0000\u0000\u0000');
    await fsp.writeFile(`${contactsPath(dir)}.bak`, '{"schemaVersion":1,"cont');

    const store = await open(dir);

    expect(store.contacts().map((c) => c.id)).toEqual(['eva']);
    expect((await store.history('eva', { limit: 10 })).messages).toHaveLength(2);
    const problem = store.problems[0];
    expect(problem?.recovery).not.toMatch(/untouched/);
    expect(problem?.recovery).toContain('no good backup');
    expect(problem?.recovery).toContain(
      '1 contact was brought back from its message history: +31612345004 (Name eva).',
    );
    // What to do: the rebuilt contacts carry no consent, and the others must be added again.
    expect(problem?.recovery).toMatch(/opt-in/);
    expect(problem?.recovery).toMatch(/add them again/);
    await store.close();
  });
});
