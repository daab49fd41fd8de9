/**
 * What the owner types (names, notes, template bodies, messages) is shown in lists, sent to customers
 * and written to logs. Control characters have no business there: NUL truncates text in other tools,
 * ANSI escape sequences rewrite a terminal that shows a log, and direction overrides (U+202E) make
 * "invoice‮fdp.exe" read as something else. They are stripped, keeping what text really needs: line
 * breaks and tabs in multi-line text, ZWJ (emoji sequences) and ZWNJ (Persian, Indic scripts), the
 * right-to-left marks, variation selectors and the tag characters of flag emoji.
 */

/** ESC-introduced sequences, removed whole so that "[31m" is not left behind: CSI, OSC/DCS/…, and two-byte escapes. */
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B[\]PX^_][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[ -~]?|\u009B[0-?]*[ -/]*[@-~]/g;

/**
 * C0 controls except tab and line feed, DEL, C1 controls, zero-width space, invisible operators and
 * word joiner, bidi embeddings/overrides/isolates, deprecated format characters, BOM and interlinear
 * annotation marks.
 */
const STRIPPED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2060-\u2064\u202A-\u202E\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/** Multi-line text (template bodies, messages, notes): keeps newlines (any line end becomes \n) and tabs. */
export function cleanText(text: string): string {
  return text
    .replace(LINE_BREAK, '\n')
    .replace(ESCAPE_SEQUENCES, '')
    .replace(STRIPPED, '')
    .replace(UNPAIRED_SURROGATE, '');
}

/** One line (names, field values): line breaks and tabs become spaces, the rest as cleanText. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ');
}

/**
 * Characters that show nothing on their own: white space, default-ignorable code points (zero-width
 * joiners, marks, variation selectors, the Hangul fillers), combining marks without a base, and the
 * blank braille pattern, which renders as an empty cell.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\u2800]/gu;

/** Whether anything is left to see: a name made only of zero-width spaces is no name. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}
