import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../main/services/event-queue';
import { MinHeap } from '../../main/services/min-heap';

/** Small key and time ranges, so that equal times and repeated keys happen often. */
const time = fc.integer({ min: 0, max: 50 });
const key = fc.constantFrom('anna', 'bram', 'cor', 'dirk', 'eva', 'fleur');

describe('MinHeap', () => {
  const op = fc.oneof(
    time.map((at) => ({ op: 'push' as const, at })),
    fc.constant({ op: 'pop' as const }),
    fc.constant({ op: 'clear' as const }),
  );

  it('property: pops in key order, like a sorted array, through any mix of push, pop and clear', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new MinHeap<{ at: number; n: number }>((item) => item.at);
        let model: number[] = [];
        ops.forEach((o, n) => {
          if (o.op === 'push') {
            heap.push({ at: o.at, n });
            model.push(o.at);
            model.sort((a, b) => a - b);
          } else if (o.op === 'pop') {
            expect(heap.pop()?.at).toBe(model.shift());
          } else {
            heap.clear();
            model = [];
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()?.at).toBe(model[0]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('EventQueue', () => {
  const op = fc.oneof(
    fc.record({ op: fc.constant('set' as const), key, at: time }),
    fc.record({ op: fc.constant('set' as const), key, at: fc.constant(null) }),
    fc.record({ op: fc.constant('delete' as const), key }),
    fc.record({ op: fc.constant('take' as const), limit: time }),
    fc.constant({ op: 'clear' as const }),
  );

  /** The model: each key's latest time, kept as a list sorted by time. */
  const sorted = (model: Map<string, number>) =>
    [...model].map(([k, at]) => ({ key: k, at })).sort((a, b) => a.at - b.at);

  it('property: a key is due at its latest time only, through any mix of set, update, remove and take', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.op === 'set') {
            queue.set(o.key, o.at);
            if (o.at === null) model.delete(o.key);
            else model.set(o.key, o.at);
          } else if (o.op === 'delete') {
            queue.delete(o.key);
            model.delete(o.key);
          } else if (o.op === 'take') {
            const expected = sorted(model).filter((e) => e.at <= o.limit);
            const taken = queue.takeUntil(o.limit);
            // Equal times may come out in any order; the times themselves come out in order.
            expect(taken.map((k) => expected.find((e) => e.key === k)?.at)).toEqual(
              expected.map((e) => e.at),
            );
            expect(new Set(taken)).toEqual(new Set(expected.map((e) => e.key)));
            for (const e of expected) model.delete(e.key);
          } else {
            queue.clear();
            model.clear();
          }
          expect(queue.size).toBe(model.size);
          expect(queue.next()?.at).toBe(sorted(model)[0]?.at);
          for (const k of ['anna', 'bram', 'cor']) expect(queue.at(k)).toBe(model.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds its heap when replaced times pile up, so memory follows the live keys', () => {
    const queue = new EventQueue();
    const heapSize = () => (queue as unknown as { heap: MinHeap<unknown> }).heap.size;
    for (let i = 0; i < 10_000; i++) queue.set(`c${i % 10}`, 1_000_000 - i);
    expect(queue.size).toBe(10);
    expect(heapSize()).toBeLessThanOrEqual(4 * 10 + 64 + 1);
    expect(queue.takeUntil(Number.MAX_SAFE_INTEGER)).toHaveLength(10);
  });
});
