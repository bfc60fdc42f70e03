import { describe, expect, it } from 'vitest';
import { ControlledClock } from './clock.ts';

describe('ControlledClock', () => {
  it('follows the system time until pinned', () => {
    let system = 1_000;
    const clock = new ControlledClock(() => system);
    expect(clock.now()).toBe(1_000);
    system = 2_000;
    expect(clock.now()).toBe(2_000);
    expect(clock.pinned).toBe(false);
  });

  it('given a pin, stands still there; advance moves it; reset returns to system time', () => {
    let system = 1_000;
    const clock = new ControlledClock(() => system);
    clock.pin(5_000);
    system = 9_999;
    expect(clock.now()).toBe(5_000);
    expect(clock.pinned).toBe(true);
    clock.advance(2 * 60 * 60 * 1000);
    expect(clock.now()).toBe(5_000 + 7_200_000);
    clock.reset();
    expect(clock.now()).toBe(9_999);
    expect(clock.pinned).toBe(false);
  });

  it('tells listeners about every change until they unsubscribe', () => {
    const clock = new ControlledClock(() => 0);
    const seen: number[] = [];
    const unsubscribe = clock.onChange((now) => seen.push(now));
    clock.pin(10);
    clock.advance(5);
    unsubscribe();
    clock.pin(100);
    expect(seen).toEqual([10, 15]);
  });

  it.each([-1, 1.5, Number.NaN])('refuses to pin at %s', (value) => {
    expect(() => new ControlledClock().pin(value)).toThrow(RangeError);
  });
});
