import { parentPort, workerData } from 'node:worker_threads';
import { allWords } from '../../domain/search/query';
import { snippetOf } from '../../domain/search/snippet';
import { loadIndex, saveIndex } from './index-file';
import { MessageIndex } from './message-index';
import type { Answer, FromWorker, Question, ToWorker } from './worker-protocol';

/**
 * The search worker's thread: it owns the workspace's MessageIndex and its file, so building, saving
 * and searching never hold up the main process. Messages are handled one at a time, in the order sent.
 */
const { dir } = workerData as { dir: string };
let index = new MessageIndex();
const port = parentPort;

let turn = Promise.resolve();

// One at a time: a load or a save in progress must not see messages added behind its back.
port?.on('message', (message: ToWorker) => {
  turn = turn.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'add':
      for (const one of message.messages) index.add(one);
      return;
    case 'replaceContact':
      index.replaceContact(message.contactId, message.messages);
      return;
    case 'removeContact':
      index.removeContact(message.contactId);
      return;
    case 'removeMessages':
      index.removeMessages(message.contactId, message.ids);
      return;
    case 'ask':
      try {
        post({ id: message.id, answer: await answer(message.question) });
      } catch (error) {
        post({ id: message.id, error: String(error) });
      }
  }
}

async function answer(question: Question): Promise<Answer> {
  switch (question.kind) {
    case 'load': {
      const loaded = await loadIndex(dir);
      index = 'index' in loaded ? loaded.index : new MessageIndex();
      return {
        kind: 'loaded',
        counts: [...index.counts()],
        problem: 'problem' in loaded ? loaded.problem : null,
      };
    }
    case 'save':
      if (index.wantsCompaction()) index.compact();
      await saveIndex(dir, index);
      return { kind: 'saved', messages: index.size };
    case 'settled':
      // Answered in turn: everything posted before it has been applied.
      return { kind: 'settled' };
    case 'memory': {
      // Only where the process runs with --expose-gc (the bench): live data, not garbage not yet collected.
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      const { heapUsed, heapTotal, arrayBuffers } = process.memoryUsage();
      return {
        kind: 'memory',
        memory: { heapUsed, heapTotal, arrayBuffers, collected: collect !== undefined },
      };
    }
    case 'search': {
      const { ranked, more, query } = index.search(question.query);
      const forms = allWords(query).map((word) => index.formsOf(word));
      const matches = (word: string) => forms.some((found) => found.has(word));
      const hits = ranked.map(({ message }) => ({
        contactId: message.contactId,
        messageId: message.id,
        at: message.at,
        direction: message.direction,
        snippet: snippetOf(message.text, matches, query.phrases),
      }));
      return { kind: 'found', hits, more };
    }
  }
}

function post(message: FromWorker): void {
  port?.postMessage(message);
}
