/** The audit API's answers (modules/audit/routes.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  source: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The customer the entry concerns. */
  subjectId: string | null;
  /** As the server shows them to this reader: personal values masked per role. */
  details: Record<string, unknown> | null;
  /** The customer was erased: the entry's details can no longer be read. */
  erased: boolean;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export type BreakProblem = 'altered' | 'removed' | 'tail-removed';

export interface Verification {
  valid: boolean;
  checked: number;
  head: { seq: number; hash: string };
  broken?: { seq: number; problem: BreakProblem; detail: string };
}
