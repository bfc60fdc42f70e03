import { QueryTypes, type Transaction } from 'sequelize';
import { sqlOf } from '../server/sql.ts';
import type { Viewer } from './scope.ts';
import type { CustomerService } from './service.ts';
import { writeInteraction } from './timeline.ts';

export interface ConsentState {
  channel: string;
  purpose: string;
  granted: boolean;
  updatedAt: number;
}

export interface ConsentRecord {
  channel: string;
  purpose: string;
  granted: boolean;
  source: string;
  recordedBy: string;
  recordedAt: number;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1';

/** The consent in force per channel and purpose (none recorded: not given). */
export async function currentConsents(
  service: CustomerService,
  customerId: string,
  transaction?: Transaction,
): Promise<ConsentState[]> {
  const rows = await sqlOf(service.sequelize).rows<{
    channel: string;
    purpose: string;
    granted: unknown;
    updated_at: number | string;
  }>(
    'SELECT channel, purpose, granted, updated_at FROM customer_consent_state WHERE customer_id = :customerId ORDER BY channel, purpose',
    { customerId },
    transaction,
  );
  return rows.map((r) => ({
    channel: r.channel,
    purpose: r.purpose,
    granted: bool(r.granted),
    updatedAt: Number(r.updated_at),
  }));
}

/** Every consent given or withdrawn, newest first (UU PDP: time, channel, purpose, source). */
export async function consentHistory(service: CustomerService, customerId: string): Promise<ConsentRecord[]> {
  const rows = await service.sequelize.query<{
    channel: string;
    purpose: string;
    granted: unknown;
    source: string;
    recorded_by: string;
    recorded_at: number | string;
  }>(
    `SELECT channel, purpose, granted, source, recorded_by, recorded_at FROM customer_consents
     WHERE customer_id = :customerId ORDER BY recorded_at DESC, id DESC`,
    { replacements: { customerId }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    channel: r.channel,
    purpose: r.purpose,
    granted: bool(r.granted),
    source: r.source,
    recordedBy: r.recorded_by,
    recordedAt: Number(r.recorded_at),
  }));
}

/**
 * Records a consent given or withdrawn. The state every sender checks changes in the same
 * transaction, so a withdrawal holds from the moment this returns.
 */
export async function recordConsent(
  service: CustomerService,
  customerId: string,
  input: { channel: string; purpose: string; granted: boolean; source: string },
  viewer: Viewer,
  outer?: Transaction,
): Promise<ConsentState[]> {
  const { sequelize, deps } = service;
  // `outer`: the caller's transaction to join (a job worker's), instead of one of its own.
  const within = <T>(work: (t: Transaction) => Promise<T>) =>
    outer ? work(outer) : sequelize.transaction(work);
  return within(async (transaction) => {
    await service.load(customerId, viewer, transaction);
    const now = deps.clock.now();
    const replacements = { customerId, ...input, now, actor: viewer.username };
    await sequelize.query(
      `INSERT INTO customer_consents (customer_id, channel, purpose, granted, source, recorded_by, recorded_at)
       VALUES (:customerId, :channel, :purpose, :granted, :source, :actor, :now)`,
      { replacements, transaction },
    );
    const upsert =
      sequelize.getDialect() === 'sqlite'
        ? 'ON CONFLICT (customer_id, channel, purpose) DO UPDATE SET granted = excluded.granted, updated_at = excluded.updated_at'
        : 'ON DUPLICATE KEY UPDATE granted = VALUES(granted), updated_at = VALUES(updated_at)';
    await sequelize.query(
      `INSERT INTO customer_consent_state (customer_id, channel, purpose, granted, updated_at)
       VALUES (:customerId, :channel, :purpose, :granted, :now) ${upsert}`,
      { replacements, transaction },
    );
    await writeInteraction(
      sequelize,
      {
        customerId,
        at: now,
        channel: 'system',
        kind: 'consent',
        summary: `${input.granted ? 'Persetujuan diberikan' : 'Persetujuan dicabut'}: ${input.purpose} via ${input.channel} (${input.source})`,
        actor: viewer.username,
      },
      transaction,
    );
    await deps.audit.record(
      {
        actor: viewer.username,
        source: viewer.source,
        action: input.granted ? 'consent.grant' : 'consent.withdraw',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        details: { channel: input.channel, purpose: input.purpose, source: input.source },
      },
      transaction,
    );
    return currentConsents(service, customerId, transaction);
  });
}
