import { createReadStream, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MessageIndex, type IndexedMessage, type IndexSnapshot } from './message-index';

/**
 * The search index on disk: `search-index.jsonl` in the workspace, one JSON value per line, so neither
 * saving nor loading holds the whole file as one string. A header (the format, so a newer CareWindow
 * rebuilds rather than misreads), FlexSearch's exported lists, the vocabulary, one line per message
 * number (0 for a hole), and an end line with the counts: a file cut short has no end line and is rebuilt.
 * Saved to a temp file, fsynced and renamed over the old one, so a crash mid-save leaves the old index.
 */
export const INDEX_FILE = 'search-index.jsonl';
/** Bump when the file or the index's words change (folding, tokens, FlexSearch's options). */
export const INDEX_FORMAT = 'carewindow-search/1 flexsearch-0.8 strict r1';

interface Header {
  format: string;
  parts: number;
  words: number;
  docs: number;
}

export async function saveIndex(dir: string, index: MessageIndex): Promise<void> {
  const snapshot = index.snapshot();
  const target = join(dir, INDEX_FILE);
  const temp = join(dir, `.${INDEX_FILE}.${process.pid}.tmp`);
  const header: Header = {
    format: INDEX_FORMAT,
    parts: snapshot.parts.length,
    words: snapshot.vocabulary.length,
    docs: snapshot.docs.length,
  };
  const out = createWriteStream(temp);
  const write = (line: string) =>
    out.write(line + '\n') ? Promise.resolve() : new Promise<void>((done) => out.once('drain', done));
  try {
    await write(JSON.stringify(header));
    for (const part of snapshot.parts) await write(JSON.stringify(part));
    // Words in chunks: one line per word would be a million tiny writes.
    for (let i = 0; i < snapshot.vocabulary.length; i += 5000) {
      await write(JSON.stringify(snapshot.vocabulary.slice(i, i + 5000)));
    }
    for (const doc of snapshot.docs) {
      await write(
        doc
          ? JSON.stringify([doc.id, doc.contactId, doc.at, doc.direction === 'inbound' ? 1 : 0, doc.text])
          : '0',
      );
    }
    await write(JSON.stringify({ end: true, docs: snapshot.docs.length }));
    await new Promise<void>((done, fail) =>
      out.end((error?: Error | null) => (error ? fail(error) : done())),
    );
    const handle = await fsp.open(temp, 'r');
    await handle.sync();
    await handle.close();
    await fsp.rename(temp, target);
  } catch (error) {
    out.destroy();
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/** The saved index, or why it cannot be used ('missing', 'damaged', 'other-version'): then rebuild. */
export async function loadIndex(
  dir: string,
): Promise<{ index: MessageIndex } | { problem: 'missing' | 'damaged' | 'other-version' }> {
  const path = join(dir, INDEX_FILE);
  try {
    await fsp.access(path);
  } catch {
    return { problem: 'missing' };
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const snapshot: {
    parts: [string, string][];
    docs: (IndexedMessage | undefined)[];
    vocabulary: IndexSnapshot['vocabulary'];
  } = { parts: [], docs: [], vocabulary: [] };
  let header: Header | null = null;
  let ended = false;
  let wordsRead = 0;
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== INDEX_FORMAT) return { problem: 'other-version' };
      } else if (snapshot.parts.length < header.parts) {
        snapshot.parts.push(JSON.parse(line) as [string, string]);
      } else if (wordsRead < header.words) {
        const chunk = JSON.parse(line) as [string, number, number][];
        for (const entry of chunk) snapshot.vocabulary.push(entry);
        wordsRead += chunk.length;
      } else if (snapshot.docs.length < header.docs) {
        snapshot.docs.push(docOf(line));
      } else {
        const end = JSON.parse(line) as { end?: boolean; docs?: number };
        ended = end.end === true && end.docs === header.docs;
      }
    }
    if (!header || !ended) return { problem: 'damaged' };
    return { index: MessageIndex.fromSnapshot(snapshot) };
  } catch {
    return { problem: 'damaged' };
  } finally {
    lines.close();
  }
}

function docOf(line: string): IndexedMessage | undefined {
  if (line === '0') return undefined;
  const [id, contactId, at, inbound, text] = JSON.parse(line) as [string, string, number, number, string];
  if (
    typeof id !== 'string' ||
    typeof contactId !== 'string' ||
    typeof at !== 'number' ||
    typeof text !== 'string'
  ) {
    throw new Error('Not a message line');
  }
  return { id, contactId, at, direction: inbound === 1 ? 'inbound' : 'outbound', text };
}
