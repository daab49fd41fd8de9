import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from '../../main/platform/node/file-logger';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { contact, message, readText, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

describe('what damage puts in the log', () => {
  it('names files and ids, never a customer’s name, number or words', async () => {
    const dir = await tempDir();
    const open = (log = fileLogger(path.join(dir, 'logs'), false)) =>
      openWorkspaceStore(path.join(dir, 'ws'), { now: () => T0, log });
    const store = await open();
    await store.saveContact(contact('anna', { name: 'Anna de Vries', phone: '+31612345678' }));
    await store.saveContact(contact('bram', { name: 'Bram Ooms', phone: '+31687654321' }));
    await store.appendMessage(message('anna', 'm1', T0, { text: 'my address is Kerkstraat 1' }));
    await store.appendMessage(message('bram', 'm2', T0, { text: 'call me back' }));
    await store.close();
    // contacts.json cut off in the middle of Bram's record, and a torn line in Anna's history.
    const contactsFile = path.join(dir, 'ws', 'contacts.json');
    const text = await readText(contactsFile);
    await fsp.writeFile(contactsFile, text.slice(0, text.indexOf('Bram Ooms') + 12));
    await fsp.appendFile(
      path.join(dir, 'ws', 'messages', `${logFileStem('anna')}.jsonl`),
      '{"t":"m","m":{"te',
    );

    const log = fileLogger(path.join(dir, 'logs'), false);
    const again = await open(log);
    await again.history('anna', { limit: 5 });
    expect(again.problems.length).toBeGreaterThanOrEqual(2); // the banner is told everything
    await again.close();
    await log.close();

    const logged = await readText(path.join(dir, 'logs', 'carewindow.log'));
    expect(logged).toMatch(/contacts\.json/);
    expect(logged).toContain(path.join('messages', 'anna.jsonl'));
    for (const secret of ['Anna', 'Bram', '612345678', '687654321', 'Kerkstraat', 'call me back']) {
      expect(logged).not.toContain(secret);
    }
  });
});
