import type { SearchHit } from '../../contract/search';
import type { IndexedMessage, IndexQuery } from './message-index';

/** What the main thread asks the search worker; `ask` carries an id its answer repeats. */
export type ToWorker =
  | { kind: 'add'; messages: IndexedMessage[] }
  | { kind: 'replaceContact'; contactId: string; messages: IndexedMessage[] }
  | { kind: 'removeContact'; contactId: string }
  | { kind: 'removeMessages'; contactId: string; ids: string[] }
  | { kind: 'ask'; id: number; question: Question };

export type Question =
  | { kind: 'load' }
  | { kind: 'search'; query: IndexQuery }
  | { kind: 'save' }
  | { kind: 'settled' }
  | { kind: 'memory' };

/** The worker thread's own memory, in bytes (the bench's figure; `collected`: after a full GC). */
export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  arrayBuffers: number;
  collected: boolean;
}

export type Answer =
  | { kind: 'loaded'; counts: [string, number][]; problem: 'missing' | 'damaged' | 'other-version' | null }
  | { kind: 'found'; hits: SearchHit[]; more: boolean }
  | { kind: 'saved'; messages: number }
  | { kind: 'settled' }
  | { kind: 'memory'; memory: WorkerMemory };

export type FromWorker = { id: number; answer: Answer } | { id: number; error: string };
