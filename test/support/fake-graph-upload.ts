/**
 * The fake Graph API's side of a media upload (POST /{phone-number-id}/media, multipart/form-data with
 * `messaging_product`, `type` and `file`): the form taken apart so tests can check every field and the
 * bytes, and the `{ id }` answer the platform gives.
 */

export interface UploadedPart {
  name: string;
  /** The part's file name, for the file; null for plain fields. */
  fileName: string | null;
  type: string | null;
  bytes: Buffer;
}

export interface UploadedForm {
  fields: Record<string, string>;
  file: UploadedPart | null;
}

/** Parses a multipart/form-data body; null when the request was not one. */
export function parseMultipart(contentType: string | undefined, raw: Buffer): UploadedForm | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const form: UploadedForm = { fields: {}, file: null };
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, body, CRLF before the next delimiter.
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const bytes = Buffer.from(part.subarray(split + 4));
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const fileName = /filename="([^"]*)"/.exec(head)?.[1] ?? null;
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null;
    if (fileName === null) form.fields[name] = bytes.toString('utf8');
    else form.file = { name, fileName, type, bytes };
    start = next;
  }
  return form;
}
