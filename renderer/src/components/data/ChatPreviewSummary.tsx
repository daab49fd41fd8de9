import type { ChatImportPreview } from '../../../../main/contract/chat-import';
import { formatPhone } from '../../../../main/domain/phone';

/** What a chat-export import would do, in counts and words, and the lines it could not read. */
export function ChatPreviewSummary({ preview }: { preview: ChatImportPreview }) {
  const c = preview.counts;
  const when = (at: number) =>
    new Date(at).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: preview.timeZone,
    });
  const contact = preview.contact;
  return (
    <div className="import-preview">
      <p className="import-summary" role="status">
        {c.newMessages} new messages ({c.fromCustomer} from the customer, {c.fromShop} from you),{' '}
        {c.duplicates} already imported, {c.notices} WhatsApp notices left out
        {c.mediaFiles > 0 ? `, ${c.mediaFiles} photos and files` : ''}.
        {preview.firstAt !== null && preview.lastAt !== null
          ? ` From ${when(preview.firstAt)} to ${when(preview.lastAt)} (${preview.timeZone}).`
          : ''}
      </p>
      {contact?.kind === 'matched' ? (
        <p>
          Goes into the conversation with {contact.name} ({formatPhone(contact.phone)}).
        </p>
      ) : contact?.kind === 'new' ? (
        <p>
          A new contact will be made: {contact.name} ({formatPhone(contact.phone)}), with no opt-in recorded.
        </p>
      ) : null}
      {preview.problemCount > 0 ? (
        <details className="import-problems">
          <summary>
            {preview.problemCount} {preview.problemCount === 1 ? 'line' : 'lines'} could not be read as they
            are
          </summary>
          <ul>
            {preview.problems.map((p) => (
              <li key={`${p.line}-${p.reason}`}>
                Line {p.line}: {p.reason}
              </li>
            ))}
            {preview.problemCount > preview.problems.length ? (
              <li>…and {preview.problemCount - preview.problems.length} more.</li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
