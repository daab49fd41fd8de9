import type { ReactNode } from 'react';
import type { ContactRow } from '../../../main/contract/model';

/**
 * Where the follow-up action plugs in (the app passes FollowUpButton): called with the open contact's
 * row, once for the conversation header and once for the panel that replaces the composer (only when a
 * follow-up is ready). Nothing is rendered when it is not given.
 *
 * Its own module so that ConversationPane and ClosedPanel, which both take it, do not import each other.
 */
export type FollowUpSlot = (row: ContactRow, placement: 'header' | 'panel') => ReactNode;
