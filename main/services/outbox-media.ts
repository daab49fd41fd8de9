import type { OutboxRequest } from '../store/outbox-file';
import { readMediaBytes } from '../store/attachment-files';
import { readSample } from '../store/template-samples';
import type { MediaUpload, SendOutcome } from './ports';

/**
 * The file of a media send, or of a template's photo, video or document header, read from the workspace
 * right before each attempt (providers never read files). A file that is gone cannot be sent by any
 * retry: the send fails with that reason.
 */
export async function uploadFor(
  workspaceDir: string,
  request: OutboxRequest,
): Promise<{ upload?: MediaUpload } | { refused: SendOutcome }> {
  const file =
    request.kind === 'media'
      ? request.media.file
      : request.kind === 'template'
        ? request.header?.file
        : undefined;
  if (file === undefined) return {};
  // A template's own sample lives beside the library; a file chosen for one send, with the contact's media.
  const bytes = file.startsWith('template-samples/')
    ? await readSample(workspaceDir, file)
    : await readMediaBytes(workspaceDir, file).catch(() => null);
  if (bytes === null) {
    const what = request.kind === 'template' ? 'the template’s header file' : 'the file to send';
    return { refused: { ok: false, reason: `${what} is no longer on this computer`, retryable: false } };
  }
  return { upload: { bytes } };
}
