import { describe, expect, it } from 'vitest';
import { Conversation } from '../../main/store/conversation';
import { message, T0 } from './store-test-kit';

describe('Conversation', () => {
  it('pages backwards in time, oldest first within a page, ties broken by id', () => {
    const c = new Conversation([
      message('a', 'm3', T0 + 2),
      message('a', 'b-tie', T0 + 1),
      message('a', 'a-tie', T0 + 1),
      message('a', 'm0', T0),
    ]);
    expect(c.page({ limit: 2 })).toEqual({
      messages: [expect.objectContaining({ id: 'b-tie' }), expect.objectContaining({ id: 'm3' })],
      hasMore: true,
      hasNewer: false,
    });
    const older = c.page({ before: T0 + 1, limit: 10 });
    expect(older.messages.map((m) => m.id)).toEqual(['m0']);
    expect(older.hasMore).toBe(false);
    expect(older.hasNewer).toBe(true);
    expect(c.page({ before: T0 + 2, limit: 2 }).messages.map((m) => m.id)).toEqual(['a-tie', 'b-tie']);
    expect(c.page({ before: T0 + 2, limit: 2 }).hasMore).toBe(true);
    expect(c.page({ before: T0, limit: 5 })).toEqual({ messages: [], hasMore: false, hasNewer: true });
  });

  it('inserts appended messages in time order and keeps the log order for folding', () => {
    const c = new Conversation([message('a', 'late', T0 + 10)]);
    c.add(message('a', 'early', T0));
    expect(c.page({ limit: 5 }).messages.map((m) => m.id)).toEqual(['early', 'late']);
    expect(c.inLogOrder().map((m) => m.id)).toEqual(['late', 'early']);
  });

  it('hands out copies, so a caller cannot change the cached history', () => {
    const c = new Conversation([message('a', 'm', T0)]);
    const page = c.page({ limit: 1 });
    const first = page.messages[0];
    if (first) first.text = 'changed';
    expect(c.page({ limit: 1 }).messages[0]?.text).toBe('text of m');
    expect(c.applyStatus({ t: 's', id: 'nope', status: 'read' })).toBeUndefined();
    expect(c.applyStatus({ t: 's', id: 'm', status: 'read' })?.status).toBe('read');
    expect(c.find('m')?.status).toBe('read');
  });
});
