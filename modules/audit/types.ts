import type { Transaction } from 'sequelize';

/** One thing that happened to the bank's data, as the audit trail records it. */
export interface AuditEvent {
  /** The username, or `system` for the platform's own work (workers, retention). */
  actor: string;
  /** The caller's address, when a request caused it. */
  source: string | null;
  /** What happened, as `entity.verb`: `customer.view`, `customer.update`, `user.create`. */
  action: string;
  entityType: string;
  entityId: string;
  /**
   * The customer the entry concerns: its details are then encrypted with that customer's key,
   * so erasing the customer (destroying the key) leaves the chain verifiable.
   */
  customerId?: string;
  /** What changed (`{ field: { from, to } }`) or what was seen; never logged in clear for a customer. */
  details?: Record<string, unknown>;
}

/** The append-only, hash-chained audit trail every module writes to. */
export interface AuditLog {
  /** Appends one entry; inside `transaction` when given, so it lands with the change or not at all. */
  record(event: AuditEvent, transaction?: Transaction): Promise<void>;
}
