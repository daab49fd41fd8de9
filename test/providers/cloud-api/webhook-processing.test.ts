import { describe, expect, it } from 'vitest';
import { CloudApiProvider } from '../../../main/providers/cloud-api/cloud-api-provider';
import { graphSettings } from '../../../main/providers/cloud-api/graph-settings';
import type { InboundMessage, StatusUpdate } from '../../../main/services/ports';
import { WebhookProcessing } from '../../../main/services/webhook-processing';
import { InboxJournal } from '../../../main/store/inbox-journal';
import { silentLog } from '../../support/recorders';
import { useTempDirs } from '../../support/temp-dir';
import { inbound, status, textMessage } from '../../support/webhook-fixtures';

const tempDir = useTempDirs();

const settings = graphSettings(
  { accessToken: 't', phoneNumberId: 'p', wabaId: 'w' },
  { baseUrl: 'http://127.0.0.1:9' },
);

/** A provider whose listeners record what they were handed, as the conversation service would store it. */
function recordingProvider() {
  const provider = new CloudApiProvider(() => settings, silentLog);
  const inboundSeen: InboundMessage[] = [];
  const statuses: StatusUpdate[] = [];
  provider.onInbound((m) => {
    inboundSeen.push(m);
    return Promise.resolve(null);
  });
  provider.onStatus((s) => {
    statuses.push(s);
    return Promise.resolve();
  });
  return { provider, inboundSeen, statuses };
}

describe('webhook processing', () => {
  it('processes, at the next start, what was journaled but not processed before a crash, once', async () => {
    const dir = await tempDir();
    const before = await InboxJournal.open(dir);
    await before.append(JSON.stringify(textMessage('wamid.1', 'first')), 1);
    await before.append(JSON.stringify(status('wamid.OUT', 'read', '1764000010')), 2);
    // The crash: nothing processed, the journal object is simply dropped.

    const afterCrash = await InboxJournal.open(dir);
    const { provider, inboundSeen, statuses } = recordingProvider();
    const result = await new WebhookProcessing(afterCrash, provider, silentLog).run();

    expect(result).toEqual({ processed: 2, left: 0 });
    expect(inboundSeen.map((m) => m.providerId)).toEqual(['wamid.1']);
    expect(statuses.map((s) => [s.providerId, s.status])).toEqual([['wamid.OUT', 'read']]);

    const third = await InboxJournal.open(dir);
    const again = recordingProvider();
    expect(await new WebhookProcessing(third, again.provider, silentLog).run()).toEqual({
      processed: 0,
      left: 0,
    });
    expect(again.inboundSeen).toEqual([]);
  });

  it('leaves an entry whose events could not be stored, and everything after it, for the next run', async () => {
    const journal = await InboxJournal.open(await tempDir());
    await journal.append(JSON.stringify(textMessage('wamid.1', 'one')), 1);
    await journal.append(JSON.stringify(textMessage('wamid.2', 'two')), 2);
    const provider = new CloudApiProvider(() => settings, silentLog);
    let diskFull = true;
    const stored: string[] = [];
    provider.onInbound((m) => {
      if (diskFull) return Promise.reject(new Error('ENOSPC'));
      stored.push(m.providerId);
      return Promise.resolve(null);
    });
    const processing = new WebhookProcessing(journal, provider, silentLog);

    expect(await processing.run()).toEqual({ processed: 0, left: 2 });
    diskFull = false;
    expect(await processing.run()).toEqual({ processed: 2, left: 0 });
    expect(stored).toEqual(['wamid.1', 'wamid.2']);
  });

  it('runs once more, not side by side, when kicked during a run', async () => {
    const journal = await InboxJournal.open(await tempDir());
    const provider = new CloudApiProvider(() => settings, silentLog);
    const seen: string[] = [];
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    provider.onInbound(async (m) => {
      seen.push(m.providerId);
      await gate;
      return null;
    });
    const processing = new WebhookProcessing(journal, provider, silentLog);
    await journal.append(JSON.stringify(textMessage('wamid.1', 'one')), 1);

    const first = processing.run();
    await journal.append(JSON.stringify(textMessage('wamid.2', 'two')), 2);
    const second = processing.run();
    expect(seen).toEqual(['wamid.1']);
    open();

    expect(second).toBe(first);
    expect(await first).toEqual({ processed: 2, left: 0 });
    expect(seen).toEqual(['wamid.1', 'wamid.2']);
  });

  it('hands a duplicate delivery on with the same wamid, and every other type as what it is', async () => {
    const journal = await InboxJournal.open(await tempDir());
    const { provider, inboundSeen } = recordingProvider();
    const hello = JSON.stringify(textMessage('wamid.1', 'Hoi', '1764000000'));
    await journal.append(hello, 1);
    await journal.append(hello, 2);
    await journal.append(
      JSON.stringify(inbound('wamid.2', 'audio', { audio: { id: 'a', voice: true } }, '1764000060')),
      3,
    );

    expect(await new WebhookProcessing(journal, provider, silentLog).run()).toEqual({
      processed: 3,
      left: 0,
    });

    // The consumer (the conversation service) drops the second wamid.1 on its provider-id index.
    expect(inboundSeen.map((m) => [m.providerId, m.kind, m.text, m.profileName])).toEqual([
      ['wamid.1', 'text', 'Hoi', 'Sanne de Vries'],
      ['wamid.1', 'text', 'Hoi', 'Sanne de Vries'],
      ['wamid.2', 'text', '', 'Sanne de Vries'], // a voice note's text is its (absent) caption,
    ]);
    expect(inboundSeen[2]?.original?.type).toBe('audio');
  });
});
