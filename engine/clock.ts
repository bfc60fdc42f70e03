/**
 * The platform clock (DESIGN seam 4). The engine and every module read time from it and
 * never from `Date.now`, so tests pin it and move it instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Whether time stands still at a pinned instant. */
  readonly pinned: boolean;
  /** Called after every pin or reset, with the new time; returns an unsubscribe function. */
  onChange(listener: (now: number) => void): () => void;
}

/** A clock that follows the system time until pinned, as Zeebe's controlled clock does. */
export class ControlledClock implements Clock {
  #pinnedAt: number | undefined;
  readonly #listeners = new Set<(now: number) => void>();

  constructor(private readonly systemTime: () => number = Date.now) {}

  now(): number {
    return this.#pinnedAt ?? this.systemTime();
  }

  get pinned(): boolean {
    return this.#pinnedAt !== undefined;
  }

  /** Stops time at `epochMs`; whatever is due by then becomes due. */
  pin(epochMs: number): void {
    if (!Number.isSafeInteger(epochMs) || epochMs < 0) {
      throw new RangeError(`Expected pin time to be a non-negative whole number, got ${epochMs}`);
    }
    this.#pinnedAt = epochMs;
    this.#notify();
  }

  /** Moves a pinned clock forward (or the system time, pinning it there). */
  advance(ms: number): void {
    this.pin(this.now() + ms);
  }

  /** Returns to the system time. */
  reset(): void {
    this.#pinnedAt = undefined;
    this.#notify();
  }

  onChange(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
  }
}
