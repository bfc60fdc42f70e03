/** Zeebe encodes the partition in a key's upper bits: partition 1's keys start here. */
export const FIRST_KEY_OF_PARTITION_1 = (1n << 51n) + 1n;

const BLOCK = 1000n;

export interface KeyCounter {
  read(): Promise<bigint | undefined>;
  write(next: bigint): Promise<void>;
}

/**
 * Hands out keys from blocks reserved in the store, so most keys cost no write. A block is
 * reserved inside the caller's transaction; keys left in a block at a crash are skipped,
 * never reused, and a block whose reservation was rolled back is discarded.
 */
export class KeyGenerator {
  #next = 0n;
  #end = 0n;

  /** The next key, as a decimal string (the way the SDK carries 64-bit keys). */
  async next(counter: KeyCounter): Promise<string> {
    if (this.#next >= this.#end) {
      const start = (await counter.read()) ?? FIRST_KEY_OF_PARTITION_1;
      await counter.write(start + BLOCK);
      this.#end = start + BLOCK;
      this.#next = start;
    }
    const key = this.#next;
    this.#next += 1n;
    return key.toString();
  }

  /** Forgets the current block: its reservation was rolled back with a failed transaction. */
  discardBlock(): void {
    this.#next = 0n;
    this.#end = 0n;
  }
}
