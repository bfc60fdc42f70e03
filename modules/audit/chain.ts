import { createHmac } from 'node:crypto';

/** An audit entry as the chain covers it: every column but the hashes. */
export interface ChainedFields {
  seq: number;
  at: number;
  actor: string;
  source: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectId: string | null;
  /** JSON, or a value sealed with the subject's key; the chain covers it as stored. */
  details: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry's link: a keyed hash (HMAC-SHA256 with the chain key derived from DATA_KEY) of
 * the previous link and the entry's fields. Changing, removing or reordering an entry breaks
 * every later link, and only the key's holder could forge a new chain.
 */
export function linkHash(key: Buffer, previous: string, entry: ChainedFields): string {
  const fields = [
    entry.seq,
    entry.at,
    entry.actor,
    entry.source,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.subjectId,
    entry.details,
  ];
  return createHmac('sha256', key).update(previous).update('\n').update(JSON.stringify(fields)).digest('hex');
}
