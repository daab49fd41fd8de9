import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchHit } from '../../contract/search';
import type { IndexedMessage, IndexQuery } from './message-index';
import type { Answer, FromWorker, Question, ToWorker, WorkerMemory } from './worker-protocol';

/**
 * The workspace's search index, as the services see it: every call goes to the search worker's thread
 * (search-worker.ts). Changes are posted and forgotten (the worker applies them in order); questions
 * resolve with the worker's answer.
 */
export interface SearchIndex {
  /** Reads the saved index; `counts` says per contact how many messages it holds, `problem` why it was rebuilt. */
  load(): Promise<Extract<Answer, { kind: 'loaded' }>>;
  add(messages: IndexedMessage[]): void;
  replaceContact(contactId: string, messages: IndexedMessage[]): void;
  removeContact(contactId: string): void;
  removeMessages(contactId: string, ids: string[]): void;
  search(query: IndexQuery): Promise<{ hits: SearchHit[]; more: boolean }>;
  /** Resolves once the worker has applied every change posted before (a bulk build waits on it now and then). */
  settled(): Promise<void>;
  save(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the worker on a workspace folder. The app runs the built `search-worker.js` beside the main
 * bundle; from source (tests, the preview host) the TypeScript file, through tsx.
 */
export function startSearchIndex(dir: string): SearchIndex & { memory(): Promise<WorkerMemory> } {
  const built = join(__dirname, 'search-worker.js');
  const worker = existsSync(built)
    ? new Worker(built, { workerData: { dir } })
    : // A worker's own entry is not passed through the loaders of the thread that started it.
      new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'search-worker.ts'))});`, {
        eval: true,
        workerData: { dir },
      });
  return new WorkerSearchIndex(worker);
}

class WorkerSearchIndex implements SearchIndex {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { done: (answer: Answer) => void; fail: (error: Error) => void }
  >();
  private stopped: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if ('error' in message) waiter?.fail(new Error(message.error));
      else waiter?.done(message.answer);
    });
    const stop = (error: Error) => {
      this.stopped = error;
      for (const waiter of this.waiting.values()) waiter.fail(error);
      this.waiting.clear();
    };
    worker.on('error', stop);
    worker.on('exit', () => stop(new Error('The search index stopped.')));
  }

  async load() {
    const answer = await this.ask({ kind: 'load' });
    if (answer.kind !== 'loaded') throw new Error('Unexpected answer from the search index');
    return answer;
  }

  add(messages: IndexedMessage[]): void {
    if (messages.length > 0) this.post({ kind: 'add', messages });
  }

  replaceContact(contactId: string, messages: IndexedMessage[]): void {
    this.post({ kind: 'replaceContact', contactId, messages });
  }

  removeContact(contactId: string): void {
    this.post({ kind: 'removeContact', contactId });
  }

  removeMessages(contactId: string, ids: string[]): void {
    this.post({ kind: 'removeMessages', contactId, ids });
  }

  async search(query: IndexQuery) {
    const answer = await this.ask({ kind: 'search', query });
    if (answer.kind !== 'found') throw new Error('Unexpected answer from the search index');
    return { hits: answer.hits, more: answer.more };
  }

  async settled(): Promise<void> {
    await this.ask({ kind: 'settled' });
  }

  /** The worker's own heap and buffers (what the index costs, without the rest of the process). */
  async memory(): Promise<WorkerMemory> {
    const answer = await this.ask({ kind: 'memory' });
    if (answer.kind !== 'memory') throw new Error('Unexpected answer from the search index');
    return answer.memory;
  }

  async save(): Promise<void> {
    await this.ask({ kind: 'save' });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    if (!this.stopped) this.worker.postMessage(message);
  }

  private ask(question: Question): Promise<Answer> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Answer>((done, fail) => {
      this.waiting.set(id, { done, fail });
      this.worker.postMessage({ kind: 'ask', id, question } satisfies ToWorker);
    });
  }
}
