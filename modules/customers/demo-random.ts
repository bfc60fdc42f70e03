/** The deterministic arithmetic of the demo data: hashing, a seeded PRNG, a bijection, check digits. */

/** A 32-bit hash of two integers (murmur3's finaliser over a simple combine). */
export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast PRNG, plenty for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A bijection of [0, size) (a balanced Feistel network, cycle-walking outside the range). */
export function permute(x: number, size: number, key: number): number {
  let bits = Math.max(2, Math.ceil(Math.log2(size)));
  if (bits % 2) bits++;
  const half = bits / 2;
  const mask = (1 << half) - 1;
  let v = x;
  do {
    let left = Math.floor(v / 2 ** half);
    let right = v & mask;
    for (let round = 0; round < 4; round++) {
      const next = (left ^ hash32(right, key + round)) & mask;
      left = right;
      right = next;
    }
    v = left * 2 ** half + right;
  } while (v >= size);
  return v;
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Luhn check digit of a card number's other digits. */
export function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
