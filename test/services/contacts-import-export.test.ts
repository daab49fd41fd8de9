import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localNumberDraft as draft, rejection, useApps } from './follow-up-kit';
import type { Harness } from './harness';

const apps = useApps();

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const contactsFile = (h: Harness) => path.join(h.dataRoot, 'workspaces', 'real', 'contacts.json');

/** Every file under a folder, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('importing contacts from a CSV', () => {
  it('previews, applies in one go, and undo puts every contact back exactly', async () => {
    const h = await apps.real();
    const { handlers } = h.app;
    const maria = await handlers.contacts.create(draft({ fields: { city: 'Utrecht' } }));
    const before = await readFile(contactsFile(h), 'utf8');
    const csv =
      'Naam;Telefoon;Ticket\nMaria J.;06 12345678;T-1\nPiet;0687654321;T-2\nPiet twice;06 87654321;\nBad;12ab;\n';

    const preview = await handlers.imports.previewContactsCsv({
      fileName: 'klanten.csv',
      bytesBase64: base64(csv),
    });
    expect(preview.delimiter).toBe(';');
    expect(preview.counts).toEqual({ new: 1, update: 1, unchanged: 0, duplicate: 1, error: 1 });
    expect(preview.rows.slice(0, 2).map((r) => [r.line, r.kind])).toEqual([
      [5, 'error'],
      [4, 'duplicate'],
    ]);
    // A preview writes nothing.
    expect(await readFile(contactsFile(h), 'utf8')).toBe(before);

    const done = await handlers.imports.applyContactsCsv(preview.previewId);
    expect(done).toMatchObject({ added: 1, updated: 1 });
    const rows = await handlers.contacts.list();
    expect(rows.map((r) => [r.contact.name, r.contact.fields])).toEqual([
      ['Maria J.', { city: 'Utrecht', Ticket: 'T-1' }],
      ['Piet', { Ticket: 'T-2' }],
    ]);

    const undone = await handlers.imports.undoContactsCsv(done.importId);
    expect(undone).toMatchObject({ removed: 1, restored: 1 });
    expect((await handlers.contacts.list()).map((r) => r.contact)).toEqual([maria.contact]);
    expect(h.publisher.of('contacts:removed').at(-1)?.contactIds).toHaveLength(1);
    // Undo happens once.
    expect((await rejection(handlers.imports.undoContactsCsv(done.importId))).code).toBe('not-found');
  });

  it('refuses a stale preview, writing nothing', async () => {
    const h = await apps.real();
    const { handlers } = h.app;
    const preview = await handlers.imports.previewContactsCsv({
      fileName: 'c.csv',
      bytesBase64: base64('Name,Phone\nMaria,0612345678\n'),
    });
    await handlers.contacts.create(draft());
    expect((await rejection(handlers.imports.applyContactsCsv(preview.previewId))).code).toBe('conflict');
    expect(await handlers.contacts.list()).toHaveLength(1);
  });

  it('uses the owner’s mapping and default country', async () => {
    const h = await apps.real();
    const preview = await h.app.handlers.imports.previewContactsCsv({
      fileName: 'c.csv',
      bytesBase64: base64('A,B\n030 1234567,Klaus\n'),
      mapping: [
        { column: 0, field: 'phone' },
        { column: 1, field: 'name' },
      ],
      defaultCountry: 'DE',
    });
    expect(preview.rows).toEqual([
      { line: 2, kind: 'new', name: 'Klaus', phone: '+49 30 1234567', reason: '' },
    ]);
  });

  it('exports the contacts as CSV that imports back as the same contacts', async () => {
    const h = await apps.real();
    await h.app.handlers.contacts.create(draft({ fields: { city: 'Zürich' }, notes: 'Two\nlines' }));
    await h.app.handlers.contacts.create(
      draft({
        name: 'Ahmed',
        phone: '+32 470 12 34 56',
        optIn: { status: 'none', at: null, source: null, proof: '' },
      }),
    );
    const file = await h.app.handlers.exports.contactsCsv();
    expect(file.mimeType).toBe('text/csv');

    const other = await apps.real();
    const preview = await other.app.handlers.imports.previewContactsCsv({
      fileName: file.fileName,
      bytesBase64: base64(file.text),
    });
    expect(preview.counts.new).toBe(2);
    await other.app.handlers.imports.applyContactsCsv(preview.previewId);
    const pick = (rows: Awaited<ReturnType<typeof h.app.handlers.contacts.list>>) =>
      rows.map(({ contact: c }) => [
        c.name,
        c.phone,
        c.notes,
        c.fields,
        c.optIn.status,
        c.optIn.at,
        c.optIn.source,
      ]);
    expect(pick(await other.app.handlers.contacts.list())).toEqual(
      pick(await h.app.handlers.contacts.list()),
    );
  });
});

describe('deleting a contact', () => {
  it('removes every file about them, and a restart does not bring them back', async () => {
    const dir = await apps.tempDir();
    const h = await apps.real(dir);
    const { handlers } = h.app;
    const keep = await handlers.contacts.create(draft({ name: 'Ahmed', phone: '+32 470 12 34 56' }));
    const maria = await handlers.contacts.create(draft());
    const id = maria.contact.id;
    await h.app.simulator?.deliver({
      from: maria.contact.phone,
      profileName: null,
      text: 'Hi <there>',
      at: h.clock.now(),
    });
    await handlers.conversation.sendText(id, 'Hello Maria');
    await h.app.session().store.flush();
    const workspace = path.join(dir, 'workspaces', 'real');
    const filesBefore = await filesUnder(workspace);

    const summary = await handlers.contacts.removalSummary(id);
    expect(summary).toMatchObject({ name: 'Maria Jansen', messages: 2, optInEvents: 1 });
    const html = await handlers.exports.conversation(id, 'html');
    expect(html.text).toContain('Hi &lt;there&gt;');

    await handlers.contacts.remove(id);
    await h.app.session().store.flush();
    expect(h.publisher.of('contacts:removed')).toContainEqual({ contactIds: [id] });
    const filesAfter = await filesUnder(workspace);
    expect(filesBefore.filter((f) => !filesAfter.includes(f))).toEqual([`messages/${id}.jsonl`]);
    for (const file of filesAfter) {
      const text = await readFile(path.join(workspace, file), 'utf8');
      expect({ file, found: text.includes(id) || text.includes('+31612345678') }).toEqual({
        file,
        found: false,
      });
    }

    await h.app.close();
    apps.forget(h.app);
    const again = await apps.real(dir);
    expect((await again.app.handlers.contacts.list()).map((r) => r.contact.id)).toEqual([keep.contact.id]);

    // Not even from the backup of contacts.json, when the file itself is damaged.
    await again.app.close();
    apps.forget(again.app);
    await writeFile(path.join(workspace, 'contacts.json'), '{"schemaVersion":1,"contacts":[{');
    const restored = await apps.real(dir);
    expect((await restored.app.handlers.contacts.list()).map((r) => r.contact.id)).toEqual([keep.contact.id]);
  });
});
