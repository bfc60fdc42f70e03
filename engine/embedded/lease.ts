import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EngineStore } from './store/store.ts';

export interface LeaseOptions {
  /** How long a lease lasts without renewal. */
  ttlMs: number;
  /** Real time, never the pinnable engine clock: a lease is about processes, not process time. */
  wallClock: () => number;
}

interface LeaseRow {
  holder: string;
  host: string;
  pid: unknown;
  expires_at: unknown;
}

/**
 * The processor lease (DESIGN seam 5): one row says which process applies commands to this
 * database. It is renewed while held and taken over once expired, or at once when its holder
 * was a process on this host that no longer exists (a restart after kill -9).
 */
export class ProcessorLease {
  readonly holder = randomUUID();
  held = false;
  readonly #host = hostname();

  constructor(
    private readonly store: EngineStore,
    private readonly options: LeaseOptions,
  ) {}

  /** Takes the lease if it is free, expired or abandoned; false while another process holds it. */
  async tryTake(): Promise<boolean> {
    return (await this.#tryTake()) === undefined;
  }

  /** Extends the lease; false when another process has taken it over. */
  async renew(): Promise<boolean> {
    const expires = this.options.wallClock() + this.options.ttlMs;
    const changed = await this.store.transaction((tx) =>
      tx.run('UPDATE engine_lease SET expires_at = ? WHERE id = 1 AND holder = ?', [expires, this.holder]),
    );
    return changed === 1;
  }

  async release(): Promise<void> {
    await this.store.transaction((tx) =>
      tx.run('DELETE FROM engine_lease WHERE id = 1 AND holder = ?', [this.holder]),
    );
  }

  /** Takes the lease if free; otherwise returns who holds it. */
  async #tryTake(): Promise<LeaseRow | undefined> {
    const now = this.options.wallClock();
    const mine = [this.holder, this.#host, process.pid, now + this.options.ttlMs] as const;
    const contended: LeaseRow = {
      holder: '?',
      host: 'another process',
      pid: 0,
      expires_at: now + this.options.ttlMs,
    };
    try {
      return await this.store.transaction(async (tx) => {
        const [row] = await tx.all<LeaseRow>(
          'SELECT holder, host, pid, expires_at FROM engine_lease WHERE id = 1',
        );
        if (!row) {
          await tx.run(
            'INSERT INTO engine_lease (id, holder, host, pid, expires_at) VALUES (1, ?, ?, ?, ?)',
            [...mine],
          );
          return undefined;
        }
        const abandoned = row.host === this.#host && !processExists(Number(row.pid));
        if (row.holder !== this.holder && Number(row.expires_at) > now && !abandoned) return row;
        // Compare and set: of several processes taking over at once, exactly one wins.
        const changed = await tx.run(
          `UPDATE engine_lease SET holder = ?, host = ?, pid = ?, expires_at = ?
           WHERE id = 1 AND holder = ? AND expires_at = ?`,
          [...mine, row.holder, String(row.expires_at)],
        );
        return changed === 1 ? undefined : contended;
      });
    } catch (error) {
      // Two processes inserted the first lease row at once: the other one was first.
      if (DUPLICATE_KEY.has(String((error as { code?: unknown }).code))) return contended;
      throw error;
    }
  }
}

const DUPLICATE_KEY = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT']);

function processExists(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
