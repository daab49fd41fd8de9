import { ActivityFile } from '../../main/store/activity-file';
import { entriesOf } from '../../main/store/activity-columns';
import type { SummaryEntry } from '../../main/store/activity-summaries';
import { readText } from './store-test-kit';
import { activityFile } from './workspace-store-kit';

/** activity.json as written, checked against its schema: the raw file and its summaries by contact. */
export async function savedSummaries(
  dir: string,
): Promise<{ file: ActivityFile; text: string; summaries: Map<string, SummaryEntry> }> {
  const text = await readText(activityFile(dir));
  const file = ActivityFile.parse(JSON.parse(text));
  return { file, text, summaries: entriesOf(file.columns) };
}
