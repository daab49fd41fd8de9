/**
 * The placeholder language of a template body. Pure.
 *
 * Three ways to write a placeholder, all understood everywhere:
 *   {ticket_ID}     named, CareWindow's own style (as shop owners write it)
 *   {{ticket_id}}   named, the platform's style
 *   {{1}}           positional, the platform's style
 * The key is what is written between the braces ("ticket_ID", "ticket_id", "1"); the template's mapping
 * is keyed by it. `{ticket_ID}` and `{{ticket_ID}}` are the same placeholder.
 *
 * Escaping: a backslash makes the next `{`, `}` or `\` plain text: `\{`, `\}`, `\\`. A backslash before
 * any other character is itself plain text ("C:\shop" stays as it is). A backslash was chosen over
 * doubling (`{{`) because doubling is exactly the platform's placeholder syntax.
 *
 * Any other brace is an error, reported with its exact position, never guessed at: a lone `{` or `}`, a
 * `{{` without its `}}`, or braces around something that is not a placeholder name (`{ticket id}`).
 *
 * Positions are 1-based and count UTF-16 code units, i.e. `index + 1` of a JavaScript string, which is
 * also where a textarea puts the caret (`selectionStart = position - 1`).
 */

export type PlaceholderStyle = 'named' | 'platform-named' | 'positional';

export interface Placeholder {
  /** What the mapping is keyed by: "ticket_ID", "1". */
  key: string;
  style: PlaceholderStyle;
  /** Exactly as written in the body: "{ticket_ID}", "{{1}}". */
  raw: string;
  /** 0-based index of the first brace. */
  index: number;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'placeholder'; placeholder: Placeholder };

export interface BodyError {
  /** 1-based position (JavaScript index + 1) of the offending character. */
  position: number;
  message: string;
}

export type ParsedBody =
  | {
      ok: true;
      segments: Segment[];
      /** Every placeholder occurrence, in order (repeats included). */
      placeholders: Placeholder[];
    }
  | { ok: false; error: BodyError };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^[0-9]+$/;
const ESCAPABLE = new Set(['{', '}', '\\']);
const HINT = 'To show a brace as text, write \\{ or \\}.';

/** Parses a body into text and placeholders, or the first problem with its exact position. */
export function parseBody(body: string): ParsedBody {
  const segments: Segment[] = [];
  const placeholders: Placeholder[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
  };

  let i = 0;
  while (i < body.length) {
    const ch = body.charAt(i);
    if (ch === '\\') {
      const next = body.charAt(i + 1);
      if (ESCAPABLE.has(next)) {
        text += next;
        i += 2;
      } else {
        text += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '}') {
      return failure(body, i, `A closing brace at position ${i + 1} has no opening brace. ${HINT}`);
    }
    if (ch !== '{') {
      text += ch;
      i += 1;
      continue;
    }

    const double = body.charAt(i + 1) === '{';
    const open = double ? 2 : 1;
    const close = double ? '}}' : '}';
    const contentStart = i + open;
    const end = findClose(body, contentStart);
    if (end === -1 || (double && body.charAt(end + 1) !== '}')) {
      const what = double ? '“{{” is never closed with “}}”' : '“{” is never closed with “}”';
      return failure(body, i, `Unbalanced brace at position ${i + 1}: ${what}. ${HINT}`);
    }
    const key = body.slice(contentStart, end);
    const raw = body.slice(i, end + close.length);
    const validKey = NAME.test(key) || (double && NUMBER.test(key));
    if (!validKey) {
      const allowed = double
        ? 'a number like {{1}} or a name like {{ticket_id}}'
        : 'a name like {ticket_ID} (letters, digits and _, no spaces)';
      return failure(
        body,
        i,
        `“${clip(raw)}” at position ${i + 1} is not a placeholder: use ${allowed}. ${HINT}`,
      );
    }
    const style: PlaceholderStyle = !double ? 'named' : NUMBER.test(key) ? 'positional' : 'platform-named';
    const placeholder: Placeholder = { key, style, raw, index: i };
    flushText();
    segments.push({ kind: 'placeholder', placeholder });
    placeholders.push(placeholder);
    i = end + close.length;
  }
  flushText();
  return { ok: true, segments, placeholders };
}

/** The index of the `}` that ends a placeholder's content, or -1 when another `{` or the end comes first. */
function findClose(body: string, from: number): number {
  for (let j = from; j < body.length; j++) {
    const ch = body.charAt(j);
    if (ch === '}') return j;
    if (ch === '{' || ch === '\\' || ch === '\n') return -1;
  }
  return -1;
}

function failure(body: string, index: number, message: string): ParsedBody {
  return { ok: false, error: { position: index + 1, message: `${message} (near “${around(body, index)}”)` } };
}

/** A little of the body around an index, for the owner to find the spot. */
function around(body: string, index: number): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(body.length, index + 13);
  return `${start > 0 ? '…' : ''}${body.slice(start, end).replace(/\s+/g, ' ')}${end < body.length ? '…' : ''}`;
}

const clip = (text: string): string => (text.length > 30 ? `${text.slice(0, 29)}…` : text);

/** Plain text as a body: every brace and backslash escaped, so it parses back to exactly this text. */
export function escapeText(text: string): string {
  return text.replace(/[\\{}]/g, (ch) => `\\${ch}`);
}

/** Writes segments back as a body (the inverse of parseBody). */
export function renderBody(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.kind === 'text' ? escapeText(s.text) : placeholderSyntax(s.placeholder)))
    .join('');
}

export function placeholderSyntax(p: Pick<Placeholder, 'key' | 'style'>): string {
  return p.style === 'named' ? `{${p.key}}` : `{{${p.key}}}`;
}

/** The distinct keys, in order of first appearance. */
export function distinctKeys(placeholders: readonly Placeholder[]): string[] {
  return [...new Set(placeholders.map((p) => p.key))];
}
