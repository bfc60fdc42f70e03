import type { KeyGenerator } from './keys.ts';
import type { StoreTransaction } from './store.ts';

interface Pending {
  fn: (tx: StoreTransaction) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most commands one transaction carries. */
const MAX_GROUP = 64;

/**
 * Group commit (DESIGN principle 3): commands that queue up while a transaction is being
 * written go into the next one together, each inside its own savepoint so that a rejected
 * command undoes only its own writes. Every command in a group is answered after the group's
 * COMMIT, never before, so nothing is acknowledged that a crash could lose.
 */
export class GroupCommitQueue {
  readonly #pending: Pending[] = [];
  #draining = false;

  constructor(
    private readonly begin: string,
    private readonly exec: (sql: string) => Promise<void>,
    private readonly tx: StoreTransaction,
    private readonly keys: KeyGenerator,
  ) {}

  run<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  /** Resolves once every queued command has been written. */
  async idle(): Promise<void> {
    while (this.#draining || this.#pending.length > 0) await new Promise((r) => setImmediate(r));
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        // One turn of the event loop lets requests that arrived meanwhile join this group
        // (better-sqlite3 is synchronous: without it, a group would never hold two commands).
        await new Promise((resolve) => setImmediate(resolve));
        const group = this.#pending.splice(0, MAX_GROUP);
        await this.#write(group);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #write(group: Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.exec(this.begin);
      for (const command of group) {
        await this.exec('SAVEPOINT command');
        try {
          const value = await command.fn(this.tx);
          await this.exec('RELEASE SAVEPOINT command');
          outcomes.push({ ok: true, value });
        } catch (error) {
          await this.exec('ROLLBACK TO SAVEPOINT command');
          await this.exec('RELEASE SAVEPOINT command');
          // A key block reserved by the undone writes is no longer reserved.
          this.keys.discardBlock();
          outcomes.push({ ok: false, error });
        }
      }
      await this.exec('COMMIT');
    } catch (error) {
      // The group as a whole failed (the database refused the transaction): nobody is told success.
      await this.exec('ROLLBACK').catch(() => undefined);
      this.keys.discardBlock();
      for (const command of group) command.reject(error);
      return;
    }
    group.forEach((command, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) command.resolve(outcome.value);
      else command.reject(outcome?.error);
    });
  }
}
