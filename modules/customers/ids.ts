import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix milliseconds, then a counter and
 * random bits). Random (v4) ids would land on random pages of every index keyed by a
 * customer; these append, which keeps a load of millions off the disk.
 */
export function uuidv7Factory(): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = Date.now();
    if (ms <= lastMs) {
      ms = lastMs;
      // 12 counter bits per millisecond; past them, borrow the next millisecond.
      if (++counter > 0xfff) {
        ms = ++lastMs;
        counter = 0;
      }
    } else {
      lastMs = ms;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
