import { activityOf, withMessage } from '../domain/activity';
import type { SummaryEntry } from './activity-file';
import { orderOf, withLines } from './log-order';
import { foldLog, type ParsedLog } from './message-log';
import type { MessageHistory } from './message-history';

/** One contact's summary, brought in line with its history on disk. Undefined: no history at all. */
export async function reconcile(
  history: MessageHistory,
  contactId: string,
  entry: SummaryEntry | undefined,
): Promise<SummaryEntry | undefined> {
  const size = await history.sizeOf(contactId);
  if (size === null) return undefined;
  if (entry && size === entry.logBytes) return entry;
  if (entry && size > entry.logBytes) {
    const tail = await history.readFrom(contactId, entry.logBytes);
    if (tail === null) return undefined;
    const folded = foldLog(tail.events);
    // A status for an earlier message (it may have failed) or a tail that does not start on a line
    // (the file was replaced) cannot be folded onto the summary: fall through to the whole history.
    if (!tail.startsBad && folded.strayStatuses === 0) {
      let activity = entry.activity;
      for (const message of folded.messages) activity = withMessage(activity, message);
      let order = entry.order;
      for (const line of messageLines(tail))
        order = order && withLines(order, line.offset, line.offset + 1, [line.at]);
      return order ? { activity, logBytes: tail.size, order } : { activity, logBytes: tail.size };
    }
  }
  const whole = await history.readFrom(contactId, 0);
  if (whole === null) return undefined;
  return {
    activity: activityOf(foldLog(whole.events).messages),
    logBytes: whole.size,
    order: orderOf(messageLines(whole)),
  };
}

/** Each message line's offset and time, in file order. */
function messageLines(parsed: ParsedLog): { offset: number; at: number }[] {
  const lines: { offset: number; at: number }[] = [];
  parsed.events.forEach((event, i) => {
    if (event.t === 'm') lines.push({ offset: parsed.offsets[i] ?? 0, at: event.m.at });
  });
  return lines;
}
