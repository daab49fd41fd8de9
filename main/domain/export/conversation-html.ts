import type { Contact } from '../../contract/contact';
import type { Message } from '../../contract/message';
import { formatPhone } from '../phone';

/** A message's picture or file, when the workspace holds it: inline as a data: URL, else its label. */
export interface ExportMedia {
  /** "Photo", "Voice message"…: shown in brackets when the file itself is not there. */
  readonly label: string;
  /** `data:image/jpeg;base64,…`, or null when the file is missing. */
  readonly dataUrl: string | null;
}

export interface ConversationExport {
  readonly contact: Contact;
  /** Oldest first. */
  readonly messages: readonly Message[];
  /** By message id. */
  readonly media?: ReadonlyMap<string, ExportMedia>;
}

export interface HtmlExportOptions {
  readonly title: string;
  readonly exportedAt: number;
  readonly locale: string;
  readonly timeZone: string;
}

/** Every character that could open a tag, an attribute or an entity. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// The page allows no script, no network and no frame: an exported message can show text, never run it.
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1f23; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2.5rem 0 .25rem; }
.meta { color: #57606a; margin: 0 0 1rem; }
.day { text-align: center; color: #57606a; font-size: .85rem; margin: 1.25rem 0 .5rem; }
.msg { max-width: 80%; margin: .35rem 0; padding: .45rem .7rem; border-radius: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; break-inside: avoid; }
.in { background: #f1f3f5; margin-right: auto; } .out { background: #dcf4e4; margin-left: auto; }
.msg time { display: block; color: #57606a; font-size: .75rem; margin-top: .2rem; }
.msg img { display: block; max-width: 100%; border-radius: .4rem; margin-bottom: .3rem; }
.note { color: #57606a; font-style: italic; }
nav ol { padding-left: 1.25rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } h2:first-of-type { break-before: auto; } }
`;

/**
 * Conversations as one self-contained HTML page: readable on screen, printable (each conversation on its
 * own pages), with pictures inline when the workspace has them. Every text from a customer is escaped.
 */
export function conversationsHtml(
  conversations: readonly ConversationExport[],
  options: HtmlExportOptions,
): string {
  const stamp = dateTime(options, { dateStyle: 'long', timeStyle: 'short' });
  const contents =
    conversations.length > 1
      ? `<nav><ol>${conversations.map((c, i) => `<li><a href="#c${i}">${escapeHtml(c.contact.name)}</a></li>`).join('')}</ol></nav>`
      : '';
  const sections = conversations.map((c, i) => section(c, i, options)).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p class="meta">Exported from CareWindow on ${escapeHtml(stamp.format(options.exportedAt))} (${escapeHtml(options.timeZone)}).</p>
${contents}
${sections}
</body>
</html>
`;
}

function section(conversation: ConversationExport, index: number, options: HtmlExportOptions): string {
  const { contact, messages } = conversation;
  const day = dateTime(options, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
  const time = dateTime(options, { hour: '2-digit', minute: '2-digit' });
  const parts: string[] = [
    `<h2 id="c${index}">${escapeHtml(contact.name)}</h2>`,
    `<p class="meta">${escapeHtml(formatPhone(contact.phone))} · ${messages.length === 1 ? '1 message' : `${messages.length} messages`}</p>`,
  ];
  if (messages.length === 0) parts.push('<p class="note">No messages.</p>');
  let lastDay = '';
  for (const message of messages) {
    const thisDay = day.format(message.at);
    if (thisDay !== lastDay) {
      parts.push(`<p class="day">${escapeHtml(thisDay)}</p>`);
      lastDay = thisDay;
    }
    parts.push(bubble(message, conversation.media?.get(message.id), time.format(message.at)));
  }
  return parts.join('\n');
}

function bubble(message: Message, media: ExportMedia | undefined, time: string): string {
  const side = message.direction === 'inbound' ? 'in' : 'out';
  const picture =
    media === undefined
      ? ''
      : media.dataUrl !== null && media.dataUrl.startsWith('data:image/')
        ? `<img src="${escapeHtml(media.dataUrl)}" alt="${escapeHtml(media.label)}">`
        : `<span class="note">[${escapeHtml(media.label)}]</span>\n`;
  const label = kindLabel(message);
  const text = label === null ? escapeHtml(message.text) : `<span class="note">${escapeHtml(label)}</span>`;
  return `<div class="msg ${side}">${picture}${text}<time>${escapeHtml(time)}${message.status === 'failed' ? ' · not delivered' : ''}</time></div>`;
}

/** Words for what is not plain text; null when the message text says it all. */
function kindLabel(message: Message): string | null {
  if (message.kind === 'call') return '[Call]';
  if (message.kind === 'reaction') return `[Reaction ${message.text}]`;
  if (message.kind === 'template' && message.template) {
    return message.text === '' ? `[Template ${message.template.name}]` : null;
  }
  return null;
}

function dateTime(options: HtmlExportOptions, format: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(options.locale, { ...format, timeZone: options.timeZone });
}
