/** Where the embedded engine keeps its state (DESIGN seam 5). */
export type EngineStorage =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'mysql'; host: string; port: number; user: string; password: string; database: string };

export type SqlValue = string | number | bigint | null;

/**
 * What one command may do inside its transaction: run statements (the same SQL text on both
 * dialects; 64-bit keys are passed and read as decimal strings) and take keys.
 */
export interface StoreTransaction {
  /** Runs a write; returns the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  nextKey(): Promise<string>;
}

export interface EngineStore {
  readonly dialect: EngineStorage['dialect'];
  /**
   * Runs `fn` in one transaction, after every transaction started before it: the engine's
   * single command processor. Its writes commit together before the promise resolves.
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
