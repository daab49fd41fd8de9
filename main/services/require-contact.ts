import { AppError } from '../contract/errors';
import type { Contact } from '../contract/model';
import type { WorkspaceStore } from '../store/workspace-store';

/** The contact with this id, or the owner-facing "no longer exists" error every use case gives. */
export function requireContact(store: Pick<WorkspaceStore, 'contact'>, contactId: string): Contact {
  const contact = store.contact(contactId);
  if (!contact) {
    throw new AppError({
      code: 'not-found',
      message: 'This contact no longer exists. It may have been removed; reload the list.',
    });
  }
  return contact;
}
