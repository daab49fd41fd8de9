import { ConversationDataMenu } from './data/ConversationDataMenu';
import type { RefObject } from 'react';
import type { ContactRow } from '../../../main/contract/model';
import { canSendFreeForm } from '../../../main/domain/care-window';
import { formatPhone } from '../../../main/domain/phone';
import { windowEndLine } from '../format/window-text';
import { useAppState, useFormatPrefs, useTimeDerived } from '../state/context';
import { Composer } from './Composer';
import { MessageLog } from './MessageLog';
import { ConversationActionsProvider } from './bubbles/ConversationActionsProvider';
import { JumpToDate } from './message-log/JumpToDate';
import { SearchHere } from './search/SearchHere';
import { ClosedPanel } from './ClosedPanel';
import type { FollowUpSlot } from './follow-up-slot';
import { OptInRequest } from './OptInRequest';
import { MuteToggle, ReminderLine } from './ReminderStatus';
import { StateBadge } from './StateBadge';
import { LabelButton } from './labels/LabelButton';
import { LabelChips } from './labels/LabelChips';
import { ScheduledLine } from './follow-ups/ScheduledLine';

export interface ConversationPaneProps {
  composerRef: RefObject<HTMLTextAreaElement | null>;
  onEditContact: (contactId: string) => void;
  onAddOptIn: (contactId: string) => void;
  renderFollowUp?: FollowUpSlot;
  /** Opens the template preview for a contact whose window is open. */
  onSendTemplate?: (contactId: string) => void;
}

/** The right pane: the open contact's header, conversation and composer (or why you cannot write). */
export function ConversationPane({
  composerRef,
  onEditContact,
  onAddOptIn,
  renderFollowUp,
  onSendTemplate,
}: ConversationPaneProps) {
  const row = useAppState((s) => (s.selectedId === null ? null : (s.rows.get(s.selectedId) ?? null)));
  if (row === null) {
    return (
      <main className="conversation-pane is-empty">
        <div className="pane-empty">
          <span className="pane-empty-mark" aria-hidden="true">
            ◔
          </span>
          <p>Choose a contact to see the conversation and how long you can reply freely.</p>
        </div>
      </main>
    );
  }
  return (
    <main className="conversation-pane">
      <ConversationHeader
        row={row}
        onEdit={() => onEditContact(row.contact.id)}
        renderFollowUp={renderFollowUp}
      />
      <OptInRequest key={`opt-in-${row.contact.id}`} row={row} />
      <ConversationActionsProvider row={row}>
        <MessageLog key={`log-${row.contact.id}`} row={row} />
        {canSendFreeForm(row.window) ? (
          <Composer
            key={`composer-${row.contact.id}`}
            contactId={row.contact.id}
            textareaRef={composerRef}
            onSendTemplate={onSendTemplate ? () => onSendTemplate(row.contact.id) : undefined}
          />
        ) : (
          <ClosedPanel
            row={row}
            onAddOptIn={() => onAddOptIn(row.contact.id)}
            renderFollowUp={renderFollowUp}
          />
        )}
      </ConversationActionsProvider>
    </main>
  );
}

function ConversationHeader({
  row,
  onEdit,
  renderFollowUp,
}: {
  row: ContactRow;
  onEdit: () => void;
  renderFollowUp: FollowUpSlot | undefined;
}) {
  const { locale, timeZone, namedZone } = useFormatPrefs();
  const line = useTimeDerived((now) => windowEndLine(row.window, now, locale, timeZone, namedZone));
  return (
    <header className="conversation-header">
      <div className="conversation-who">
        <h2 className="conversation-name" dir="auto">
          {row.contact.name}
        </h2>
        <span className="conversation-phone">{formatPhone(row.contact.phone)}</span>
        <LabelChips contact={row.contact} />
      </div>
      <div className="conversation-state">
        <StateBadge window={row.window} />
        {line === null ? null : <p className="window-line">{line}</p>}
        <ReminderLine row={row} />
        <ScheduledLine contactId={row.contact.id} />
      </div>
      <div className="conversation-actions">
        {renderFollowUp?.(row, 'header')}
        <JumpToDate contactId={row.contact.id} />
        <SearchHere contactId={row.contact.id} />
        <MuteToggle row={row} />
        <LabelButton row={row} />
        <button type="button" className="secondary" onClick={onEdit}>
          Edit contact
        </button>
        <ConversationDataMenu contactId={row.contact.id} />
      </div>
    </header>
  );
}
