import type { Contact, Message } from '../contract/model';
import { MediaActions, type MediaShell } from './media-actions';
import { MediaDownloads } from './media-downloads';
import { memoryPendingDownloads } from '../store/pending-downloads-file';
import type { SessionDeps } from './session-deps';

export interface MediaServices {
  downloads: MediaDownloads;
  actions: MediaActions;
}

/** A host without a way to open files or links (some tests): says so rather than doing nothing. */
const noShell: MediaShell = {
  openPath: () => Promise.resolve('this version of CareWindow cannot open files here'),
  saveCopy: () => Promise.resolve(false),
  openExternal: () => Promise.reject(new Error('this version of CareWindow cannot open links here')),
};

/** One workspace's media: downloads of inbound files, and Open / Save as / Open in maps. */
export function mediaServices(
  deps: SessionDeps,
  changed: (message: Message, contact: Contact) => void,
): MediaServices {
  const { store, clock, scheduler, log } = deps;
  return {
    downloads: new MediaDownloads({
      store,
      clock,
      scheduler,
      log,
      source: () => deps.mediaSource ?? null,
      changed,
      pending: deps.pendingDownloads ?? memoryPendingDownloads(),
    }),
    actions: new MediaActions({ store, shell: deps.mediaShell ?? noShell }),
  };
}
