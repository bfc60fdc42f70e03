import type { Clock } from '../clock.ts';
import { fireDueTimers, nextTimerDue } from './commands/fire-timers.ts';
import type { CommandProcessor } from './processor.ts';

/** The longest the scheduler sleeps between looks, and how soon a standby engine retries. */
const MAX_SLEEP_MS = 30_000;
const RETRY_MS = 2_000;

/**
 * Fires timers when the engine clock reaches them: after each command that created timers,
 * whenever the clock is pinned or reset, and on a wall-clock alarm set for the next due date.
 */
export class TimerScheduler {
  #alarm: NodeJS.Timeout | undefined;
  #running = false;
  #again = false;
  #stopped = false;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly processor: CommandProcessor,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {
    const wake = () => this.check();
    this.#unsubscribe = clock.onChange(wake);
    processor.events.on('timers', wake);
  }

  /** Looks for due timers now (coalescing calls that arrive while it is looking). */
  check(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    void this.#look().finally(() => {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.check();
      }
    });
  }

  async #look(): Promise<void> {
    clearTimeout(this.#alarm);
    let sleep = MAX_SLEEP_MS;
    try {
      while ((await this.processor.run(fireDueTimers)) > 0) {
        if (this.#stopped) return;
      }
      const next = await this.processor.run(nextTimerDue);
      if (next !== undefined) sleep = Math.max(0, Math.min(MAX_SLEEP_MS, next - this.clock.now()));
    } catch (error) {
      // On standby (or while the database is unreachable) every command is refused: try again soon.
      if ((error as { code?: string }).code !== 'UNAVAILABLE') this.onError(error);
      sleep = RETRY_MS;
    }
    if (this.#stopped) return;
    this.#alarm = setTimeout(() => this.check(), sleep);
    this.#alarm.unref();
  }

  /** Resolves once no look for due timers is running or queued (after the clock moved, say). */
  async settled(): Promise<void> {
    while (this.#running || this.#again) await new Promise((resolve) => setTimeout(resolve, 2));
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#alarm);
    this.#unsubscribe();
  }
}
