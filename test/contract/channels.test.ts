import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { callNames, eventNames, isEventName } from '../../main/contract/channels';
import { calls, events } from '../../main/contract/ipc';

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the channel names match the contract', () => {
  // The compiler checks the same (channels.ts); this also catches a name listed twice.
  it('the same areas, each with exactly the same methods', () => {
    expect(sorted(Object.keys(callNames))).toEqual(sorted(Object.keys(calls)));
    for (const [area, methods] of Object.entries(calls)) {
      expect(sorted(callNames[area as keyof typeof callNames]), area).toEqual(sorted(Object.keys(methods)));
    }
  });

  it('the same events', () => {
    expect(sorted(eventNames)).toEqual(sorted(Object.keys(events)));
  });

  it('an unknown event, or one inherited from Object, is not an event', () => {
    expect(isEventName('contacts:changed')).toBe(true);
    expect(isEventName('contacts:deleted')).toBe(false);
    expect(isEventName('toString')).toBe(false);
  });
});

describe('the preload bundle', () => {
  it('carries neither zod nor the schemas', async () => {
    const result = await build({
      entryPoints: [resolve(import.meta.dirname, '../../preload/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('preload/index.ts'))).toBe(true);
    expect(
      inputs.filter((path) => path.includes('node_modules/zod') || path.endsWith('contract/ipc.ts')),
    ).toEqual([]);
  });
});
