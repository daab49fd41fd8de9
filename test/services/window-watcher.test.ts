import { describe, expect, it } from 'vitest';
import { WindowWatcher } from '../../main/services/window-watcher';
import { FakeClock } from '../support/fake-clock';

function watcher() {
  const clock = new FakeClock(0);
  const fired: string[][] = [];
  const w = new WindowWatcher(
    clock,
    () => clock.now(),
    (ids) => fired.push([...ids].sort()),
  );
  return { clock, fired, w };
}

describe('WindowWatcher', () => {
  it('wakes once per moment, with every contact due then, and only one timer at a time', () => {
    const { clock, fired, w } = watcher();
    w.trackAll([
      ['a', 100],
      ['b', 50],
      ['c', 100],
      ['d', null],
    ]);
    expect(clock.pending()).toBe(1);
    clock.advance(49);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([['b']]);
    clock.advance(50);
    expect(fired).toEqual([['b'], ['a', 'c']]);
    expect(clock.pending()).toBe(0);
  });

  it('follows a contact whose change moved, and forgets one that no longer changes', () => {
    const { clock, fired, w } = watcher();
    w.track('a', 100);
    w.track('b', 200);
    w.track('a', 300); // a new message moved a's change later
    w.track('b', null); // b's window closed for good
    clock.advance(250);
    expect(fired).toEqual([]);
    clock.advance(50);
    expect(fired).toEqual([['a']]);
    expect(clock.pending()).toBe(0);
  });

  it('moves its one timer earlier when a contact needs waking sooner', () => {
    const { clock, fired, w } = watcher();
    w.track('a', 1_000);
    w.track('b', 10);
    expect(clock.pending()).toBe(1);
    clock.advance(10);
    expect(fired).toEqual([['b']]);
    w.track('b', 20);
    clock.advance(990);
    expect(fired).toEqual([['b'], ['b'], ['a']]);
  });
});
