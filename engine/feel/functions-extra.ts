import { Buffer } from 'node:buffer';
import { webcrypto } from 'node:crypto';
import { FeelDate, FeelDateTime } from 'feelin';
import { defineFunction, type FeelCallable, isNil } from './define.ts';
import { isContext, toZeebeValue } from './values.ts';

/** The rest of Camunda's documented FEEL extensions (8.8) that feelin does not have. */
export const EXTRA_FUNCTIONS: Record<string, FeelCallable> = {
  // Temporals serialise as Zeebe stores them (Java ISO forms), as feel-scala's to json does.
  'to json': defineFunction(['value'], (value: unknown) => JSON.stringify(toZeebeValue(value))),

  'from json': defineFunction(['json'], (json: unknown) => {
    if (typeof json !== 'string') return null;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return null;
    }
  }),

  'to base64': defineFunction(['value'], (value: unknown) =>
    typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : null,
  ),

  // Buffer decoding is lenient, so malformed input is rejected up front as Java's decoder does.
  'from base64': defineFunction(['value'], (value: unknown) =>
    typeof value === 'string' && value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value)
      ? Buffer.from(value, 'base64').toString('utf8')
      : null,
  ),

  partition: defineFunction(['list', 'size'], (list: unknown, size: unknown) => {
    if (!Array.isArray(list) || typeof size !== 'number' || !Number.isInteger(size) || size < 1) return null;
    const parts: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return parts;
  }),

  // Each value that occurs more than once, in order of first occurrence.
  'duplicate values': defineFunction(['list'], (list: unknown) => {
    if (!Array.isArray(list)) return null;
    const counts = new Map<string, { value: unknown; count: number }>();
    for (const item of list) {
      const key = JSON.stringify(toZeebeValue(item)) ?? 'null';
      const entry = counts.get(key) ?? { value: item, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return [...counts.values()].filter((entry) => entry.count > 1).map((entry) => entry.value);
  }),

  extract: defineFunction(['string', 'pattern'], (text: unknown, pattern: unknown) => {
    if (typeof text !== 'string' || typeof pattern !== 'string') return null;
    try {
      return [...text.matchAll(new RegExp(pattern, 'gu'))].map((match) => match[0]);
    } catch {
      return null;
    }
  }),

  // A double in [0, 1) from the crypto source; engine code never calls Math.random.
  'random number': defineFunction([], () => {
    const [high = 0, low = 0] = webcrypto.getRandomValues(new Uint32Array(2));
    return ((high >>> 5) * 2 ** 26 + (low >>> 6)) / 2 ** 53;
  }),

  'last day of month': defineFunction(['date'], (date: unknown) => {
    const plain =
      date instanceof FeelDate
        ? date.unwrap()
        : date instanceof FeelDateTime
          ? date.unwrap().toPlainDate()
          : undefined;
    return plain ? new FeelDate(plain.with({ day: plain.daysInMonth })) : null;
  }),

  // Adds Camunda's key-list form, get value(context, ["a", "b"]), to the single-key one.
  'get value': defineFunction(['context', 'key', 'keys'], (context: unknown, key: unknown, keys: unknown) => {
    const path = isNil(keys) ? key : keys;
    const names = typeof path === 'string' ? [path] : path;
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) return null;
    let current: unknown = context;
    for (const name of names as string[]) {
      if (!isContext(current) || !Object.hasOwn(current, name)) return null;
      current = current[name];
    }
    return current ?? null;
  }),
};
