import { describe, expect, it } from 'vitest';
import { AppError, type Envelope } from '../../main/contract/errors';
import { callNames } from '../../main/contract/channels';
import { callChannels, type Handlers } from '../../main/contract/ipc';
import { registerHandlers, type HandlerTransport } from '../../main/ipc/router';
import { silentLog } from '../support/recorders';

class MapTransport implements HandlerTransport {
  readonly handlers = new Map<string, (args: unknown) => Promise<Envelope<unknown>>>();
  handle(channel: string, handler: (args: unknown) => Promise<Envelope<unknown>>): void {
    this.handlers.set(channel, handler);
  }
  call(channel: string, ...args: unknown[]): Promise<Envelope<unknown>> {
    return this.raw(channel, args);
  }
  /** As a transport receives it: whatever the sender put where the argument list belongs. */
  raw(channel: string, args: unknown): Promise<Envelope<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no ${channel}`);
    return handler(args);
  }
}

/**
 * A handler for every call of the contract, built from channels.ts so a new call needs no edit here:
 * each records `method:args` and returns null, except the few the tests below rely on.
 */
function handlers(calls: string[]): Handlers {
  const record =
    (name: string, value: unknown = null) =>
    (...args: unknown[]) => {
      calls.push(`${name}:${JSON.stringify(args)}`);
      return value as never;
    };
  const table: Record<string, Record<string, unknown>> = {};
  for (const [area, methods] of Object.entries(callNames)) {
    table[area] = Object.fromEntries(methods.map((method) => [method, record(method)]));
  }
  const contacts = table['contacts'] ?? {};
  contacts['list'] = record('list', []);
  contacts['get'] = () => {
    throw new AppError({ code: 'not-found', message: 'This contact no longer exists.' });
  };
  contacts['create'] = () => {
    throw new Error('disk exploded with token=secret');
  };
  (table['conversation'] ?? {})['history'] = record('history', { messages: [], hasMore: false });
  (table['clock'] ?? {})['now'] = record('now', 1);
  return table as unknown as Handlers;
}

describe('registerHandlers', () => {
  it('registers every channel of the contract', () => {
    const transport = new MapTransport();
    registerHandlers(transport, handlers([]), silentLog);
    expect([...transport.handlers.keys()].sort()).toEqual(callChannels.map(([, , name]) => name).sort());
  });

  it.each<[string, unknown[]]>([
    ['contacts:get', [42]],
    ['contacts:get', []],
    ['conversation:sendText', ['c1', 'x'.repeat(5000)]],
    ['conversation:sendText', ['c1', '   ']],
    ['conversation:history', ['c1', { limit: -1 }]],
    ['settings:update', [{ closingLeadMinutes: 0 }]],
    ['settings:update', [{ closingLeadMinutes: 'sixty' }]],
    ['contacts:create', [{ name: 'x' }]],
    ['contacts:list', ['unexpected']],
    [
      'contacts:create',
      [
        {
          name: 'Many',
          phone: '+31612345678',
          optIn: { status: 'none', at: null, source: null },
          fields: Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`f${String(i)}`, 'x'])),
        },
      ],
    ],
    [
      'followUps:sendAll',
      [
        [
          { contactId: 'c1', templateId: 't1' },
          { contactId: 'c1', templateId: 't2' },
        ],
      ],
    ],
  ])('rejects malformed %s %j with a typed error and never runs the handler', async (channel, args) => {
    const calls: string[] = [];
    const transport = new MapTransport();
    registerHandlers(transport, handlers(calls), silentLog);
    const result = await transport.call(channel, ...args);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message.length).toBeGreaterThan(10);
    }
    expect(calls).toEqual([]);
  });

  it.each([[42], [null], [undefined], ['openDemo'], [{ length: 0 }], [{ 0: 'c1' }]])(
    'refuses %j in place of the argument list and runs nothing',
    async (args) => {
      const calls: string[] = [];
      const transport = new MapTransport();
      registerHandlers(transport, handlers(calls), silentLog);
      for (const channel of ['workspace:openDemo', 'contacts:list', 'contacts:get']) {
        const result = await transport.raw(channel, args);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      expect(calls).toEqual([]);
    },
  );

  it('passes validated (trimmed) arguments and returns the value', async () => {
    const calls: string[] = [];
    const transport = new MapTransport();
    registerHandlers(transport, handlers(calls), silentLog);
    expect(await transport.call('conversation:sendText', 'c1', '  hello  ')).toEqual({
      ok: true,
      value: null,
    });
    expect(calls).toEqual(['sendText:["c1","hello"]']);
    await transport.call('conversation:history', 'c1', {});
    expect(calls[1]).toBe('history:["c1",{"limit":200}]');
  });

  it('keeps an AppError’s code and hides an unexpected error’s details', async () => {
    const errors: string[] = [];
    const transport = new MapTransport();
    registerHandlers(transport, handlers([]), {
      ...silentLog,
      error: (m, d) => errors.push(`${m} ${JSON.stringify(d)}`),
    });
    expect(await transport.call('contacts:get', 'c1')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'This contact no longer exists.' },
    });
    const unexpected = await transport.call('contacts:create', {
      name: 'A',
      phone: '+31612345678',
      optIn: { status: 'none', at: null, source: null },
    });
    expect(unexpected.ok).toBe(false);
    if (!unexpected.ok) {
      expect(unexpected.error.code).toBe('internal');
      expect(unexpected.error.message).not.toContain('secret');
      expect(unexpected.error.message).toMatch(/Nothing was lost/);
    }
    expect(errors).toHaveLength(1);
  });
});
