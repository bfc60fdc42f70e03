import { describe, expect, it } from 'vitest';
import { uuidv7Factory } from './ids.ts';

describe('customer ids', () => {
  it('are version 7 UUIDs that sort in the order they were made', () => {
    const next = uuidv7Factory();
    const ids = Array.from({ length: 5000 }, () => next());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
