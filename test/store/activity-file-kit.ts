import { ActivityFile } from '../../main/store/activity-file';
import { entriesOf } from '../../main/store/activity-columns';
import type { SummaryEntry } from '../../main/store/activity-summaries';
import { readText, T0 } from './store-test-kit';
import { activityFile } from './workspace-store-kit';

/** activity.json as written, checked against its schema: the raw file and its summaries by contact. */
export async function savedSummaries(
  dir: string,
): Promise<{ file: ActivityFile; text: string; summaries: Map<string, SummaryEntry> }> {
  const text = await readText(activityFile(dir));
  const file = ActivityFile.parse(JSON.parse(text));
  return { file, text, summaries: entriesOf(file.columns) };
}

/** Summaries of every kind: a message not sent and lines out of order, no messages, no order known. */
export const SUMMARIES: [string, SummaryEntry][] = [
  [
    'anna',
    {
      activity: {
        lastInboundAt: T0,
        lastOutboundAt: T0 + 1,
        lastFollowUpAt: T0 + 1,
        lastMessage: { text: 'Nicht gesendet 👋', at: T0 + 1, direction: 'outbound', notSent: 'Blocked' },
        messageCount: 2,
      },
      logBytes: 300,
      order: { maxAt: T0 + 1, late: [[10, 20]] },
    },
  ],
  [
    'ben',
    {
      activity: {
        lastInboundAt: null,
        lastOutboundAt: null,
        lastFollowUpAt: null,
        lastMessage: null,
        messageCount: 0,
      },
      logBytes: 0,
      order: { maxAt: null, late: [] },
    },
  ],
  [
    'cas',
    {
      activity: {
        lastInboundAt: T0,
        lastOutboundAt: null,
        lastFollowUpAt: null,
        lastMessage: { text: '', at: T0, direction: 'inbound' },
        messageCount: 1,
      },
      logBytes: 90,
    },
  ],
];
