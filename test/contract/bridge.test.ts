import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../main/contract/bridge';

describe('the bridge built from the contract', () => {
  it('leaves a trailing optional argument out, so it survives JSON as "not given" rather than null', async () => {
    const sent: unknown[][] = [];
    const api = createBridgeApi({
      invoke: (_channel, args) => {
        sent.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      subscribe: () => () => undefined,
    });
    await api.demo.simulateInbound('c1', undefined);
    await api.demo.simulateInbound('c1', 'Hello');
    expect(sent).toStrictEqual([['c1'], ['c1', 'Hello']]);
    expect(JSON.parse(JSON.stringify(sent[0]))).toStrictEqual(['c1']);
  });
});
