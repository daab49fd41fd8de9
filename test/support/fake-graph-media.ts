import { createHash } from 'node:crypto';

/**
 * The media side of the fake Graph API, as the Cloud API's Media reference describes it
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media): `GET /{media-id}` answers
 * `{ messaging_product, url, mime_type, sha256, file_size, id }` (file_size as a string, as Meta sends it),
 * and the url answers the bytes only with the bearer token. Each file can be told to misbehave: report a
 * size or type of its own, drop the connection half-way through the body, or have its url expired.
 */
export interface FakeMedia {
  mimeType: string;
  bytes: Uint8Array;
  /** What the metadata says the size is (default: the real size); a lie tests the byte counting. */
  reportedSize?: number;
  /** The next this-many downloads send half the body, then drop the connection. */
  dropMidBody?: number;
  /** The next this-many downloads answer 404, as an expired url does. */
  expiredUrl?: number;
}

/** What the fake answers for a media route: JSON, bytes, or bytes cut off half-way. */
export type MediaAnswer =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'bytes'; type: string; body: Uint8Array; dropHalfway: boolean };

export const MEDIA_BYTES_ROUTE = /^\/media-bytes\/([^/]+)$/;

export class FakeMediaLibrary {
  private readonly files = new Map<string, FakeMedia>();
  /** How many downloads of each id were asked for (metadata lookups are in the request log). */
  readonly downloads = new Map<string, number>();

  add(id: string, media: FakeMedia): void {
    this.files.set(id, { ...media });
  }

  /** `GET /{media-id}` → the metadata, or null when the id is not a media file of this fake. */
  metadata(id: string, baseUrl: string, version: string): MediaAnswer | null {
    const media = this.files.get(id);
    if (!media) return null;
    return {
      kind: 'json',
      body: {
        messaging_product: 'whatsapp',
        url: `${baseUrl}/media-bytes/${encodeURIComponent(id)}?v=${version}`,
        mime_type: media.mimeType,
        sha256: createHash('sha256').update(media.bytes).digest('hex'),
        file_size: String(media.reportedSize ?? media.bytes.byteLength),
        id,
      },
    };
  }

  /** `GET /media-bytes/{id}` → the bytes (or how this download misbehaves); null for an unknown id. */
  download(id: string): MediaAnswer | null {
    const media = this.files.get(id);
    if (!media) return null;
    this.downloads.set(id, (this.downloads.get(id) ?? 0) + 1);
    if ((media.expiredUrl ?? 0) > 0) {
      media.expiredUrl = (media.expiredUrl ?? 0) - 1;
      return { kind: 'json', status: 404, body: { error: 'URL expired' } };
    }
    const dropHalfway = (media.dropMidBody ?? 0) > 0;
    if (dropHalfway) media.dropMidBody = (media.dropMidBody ?? 0) - 1;
    return { kind: 'bytes', type: media.mimeType, body: media.bytes, dropHalfway };
  }
}
