import { describe, expect, it } from 'vitest';
import { FIRST_KEY_OF_PARTITION_1, KeyGenerator } from './keys.ts';

function counter() {
  const state: { value: bigint | undefined; writes: number } = { value: undefined, writes: 0 };
  return {
    state,
    read: async () => state.value,
    write: async (next: bigint) => {
      state.value = next;
      state.writes += 1;
    },
  };
}

describe('KeyGenerator', () => {
  it('starts at partition 1 in Zeebe format, as 16-digit strings', async () => {
    const c = counter();
    const keys = new KeyGenerator();
    expect(await keys.next(c)).toBe('2251799813685249');
    expect(await keys.next(c)).toBe('2251799813685250');
    expect(FIRST_KEY_OF_PARTITION_1).toBe(2251799813685249n);
  });

  it('reserves keys in blocks, writing the counter once per block', async () => {
    const c = counter();
    const keys = new KeyGenerator();
    for (let i = 0; i < 1500; i++) await keys.next(c);
    expect(c.state.writes).toBe(2);
  });

  it('after a restart, continues after the reserved block and never reuses a key', async () => {
    const c = counter();
    const first = new KeyGenerator();
    const used = new Set([await first.next(c), await first.next(c)]);
    expect(used.has(await new KeyGenerator().next(c))).toBe(false);
  });

  it('after a discarded block, reserves a fresh one from the stored counter', async () => {
    const c = counter();
    const keys = new KeyGenerator();
    await keys.next(c);
    c.state.value = undefined; // the reservation was rolled back
    keys.discardBlock();
    expect(await keys.next(c)).toBe('2251799813685249');
  });
});
