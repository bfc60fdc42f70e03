import { randomBytes } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { sqlOf } from '../server/sql.ts';
import { type DataKeys, seal, unseal } from './keys.ts';

interface KeyRow {
  subject_id: string;
  wrapped_key: string | null;
}

/**
 * Each data subject (a customer) has its own random key, kept wrapped by DATA_KEY. Personal
 * fields and the subject's audit details are encrypted with it; erasing the subject destroys
 * the key, which makes every copy of those values unreadable at once (crypto-erasure) while
 * the audit chain, which hashes the ciphertext, still verifies.
 */
export class SubjectKeys {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly keys: DataKeys,
  ) {}

  /** The subject's key, created on first use; undefined once it was destroyed. */
  async keyFor(subjectId: string, now: number, transaction?: Transaction): Promise<Buffer | undefined> {
    const found = await this.load([subjectId], transaction);
    if (found.has(subjectId)) return found.get(subjectId) ?? undefined;
    const key = randomBytes(32);
    await this.sequelize.query(
      `INSERT INTO audit_subject_keys (subject_id, wrapped_key, created_at)
       SELECT :subjectId, :wrapped, :now WHERE NOT EXISTS
         (SELECT 1 FROM audit_subject_keys WHERE subject_id = :subjectId)`,
      {
        replacements: { subjectId, wrapped: seal(this.keys.wrap, key, `subject:${subjectId}`), now },
        transaction,
      },
    );
    // Another replica may have created it first: the stored key is the one.
    return (await this.load([subjectId], transaction)).get(subjectId) ?? undefined;
  }

  /** The keys of several subjects: null for a destroyed key, absent when none was ever made. */
  async load(subjectIds: string[], transaction?: Transaction): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    if (subjectIds.length === 0) return keys;
    const rows = await sqlOf(this.sequelize).rows<KeyRow>(
      'SELECT subject_id, wrapped_key FROM audit_subject_keys WHERE subject_id IN (:subjectIds)',
      { subjectIds: [...new Set(subjectIds)] },
      transaction,
    );
    for (const row of rows) keys.set(row.subject_id, this.unwrap(row.subject_id, row.wrapped_key));
    return keys;
  }

  /** A subject's key from its stored (wrapped) form, read by a query that joined it; null once destroyed. */
  unwrap(subjectId: string, wrapped: string | null): Buffer | null {
    return wrapped === null ? null : unseal(this.keys.wrap, wrapped, `subject:${subjectId}`);
  }

  /** Destroys the subject's key for good: what it encrypted can never be read again. */
  async destroy(subjectId: string, now: number, transaction?: Transaction): Promise<void> {
    await this.sequelize.query(
      `UPDATE audit_subject_keys SET wrapped_key = NULL, destroyed_at = :now
       WHERE subject_id = :subjectId AND wrapped_key IS NOT NULL`,
      { replacements: { subjectId, now }, transaction },
    );
    // A subject that never had a key is marked too, so none is ever made for it again.
    await this.sequelize.query(
      `INSERT INTO audit_subject_keys (subject_id, wrapped_key, created_at, destroyed_at)
       SELECT :subjectId, NULL, :now, :now WHERE NOT EXISTS
         (SELECT 1 FROM audit_subject_keys WHERE subject_id = :subjectId)`,
      { replacements: { subjectId, now }, transaction },
    );
  }
}
