import { ATTACHMENT_CHUNK_BYTES, type Attachment } from '../../main/contract/attachments';
import { AppError } from '../../main/contract/errors';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import type { FakeGraphApi } from '../support/fake-graph-api';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { useFakeGraph } from '../support/use-fake-graph';
import { CUSTOMER, textMessage } from '../support/webhook-fixtures';
import { T0 } from './harness';
import { HOUR, openSession } from './outbox-kit';

/**
 * The owner's real workspace session on the Cloud API provider, over real HTTP to a fake Graph API, with
 * a customer who wrote an hour ago (the window is open): what the media and template send tests share.
 */

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
export const PDF = Buffer.from('%PDF-1.4\n% a small document\n');
export const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(300, 1)]);

/** Registers the fake server, temp folders and cleanup of a test file; call at its top level. */
export function useMediaRig() {
  const graph = useFakeGraph();
  const tempDir = useTempDirs();
  const cleanup = useCleanup();

  async function rig(picked: string | null = null) {
    const provider = new CloudApiProvider(() => graph.settings, silentLog);
    const { session, clock } = await openSession(await tempDir(), provider, new FakeClock(T0), {
      filePicker: { pickFile: () => Promise.resolve(picked) },
    });
    cleanup.push(async () => {
      provider.close();
      await session.close();
    });
    // The customer wrote an hour ago: the window is open.
    await provider.deliver(
      JSON.stringify(textMessage('wamid.IN1', 'Do you have it in red?', String((T0 - HOUR) / 1000))),
    );
    const contact = session.store.contactByPhone(`+${CUSTOMER.waId}`);
    if (!contact) throw new Error('no contact from the webhook');
    const [question] = (await session.conversation.history(contact.id, { limit: 10 })).messages;
    if (!question) throw new Error('no inbound message');
    return { session, clock, contact, contactId: contact.id, question };
  }

  return { graph, tempDir, rig };
}

export const requestsTo = (api: FakeGraphApi, end: string) =>
  api.requests.filter((r) => r.route.endsWith(end));

/** Hands a file over as the composer does with a dropped one: begin, pieces, finish. */
export async function drop(
  session: WorkspaceSession,
  contactId: string,
  fileName: string,
  bytes: Buffer,
): Promise<Attachment> {
  const a = session.sends.attachments;
  const started = a.begin(contactId, { fileName, mimeType: '', size: bytes.byteLength });
  for (let offset = 0; offset < bytes.byteLength; offset += ATTACHMENT_CHUNK_BYTES) {
    const data = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES).toString('base64');
    await a.chunk({ attachmentId: started.id, offset, data });
  }
  return a.finish(started.id);
}

export async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
