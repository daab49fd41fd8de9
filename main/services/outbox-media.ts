import type { OutboxRequest } from '../store/outbox-file';
import { readMediaBytes } from '../store/attachment-files';
import type { MediaUpload, SendOutcome } from './ports';

/**
 * The file of a media send, read from the workspace right before each attempt (providers never read
 * files). A file that is gone cannot be sent by any retry: the send fails with that reason.
 */
export async function uploadFor(
  workspaceDir: string,
  request: OutboxRequest,
): Promise<{ upload?: MediaUpload } | { refused: SendOutcome }> {
  if (request.kind !== 'media') return {};
  const bytes = await readMediaBytes(workspaceDir, request.media.file).catch(() => null);
  if (bytes === null) {
    return {
      refused: { ok: false, reason: 'the file to send is no longer on this computer', retryable: false },
    };
  }
  return { upload: { bytes } };
}
