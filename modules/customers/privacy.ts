import { QueryTypes } from 'sequelize';
import type { PersonalFieldKind } from '../audit/index.ts';
import { consentHistory } from './consents.ts';
import { CustomersError } from './errors.ts';
import { listProducts } from './products.ts';
import type { Viewer } from './scope.ts';
import type { CustomerService } from './service.ts';
import { timelinePage } from './timeline.ts';

/** Records must be kept five years after the relationship ends (anti-money-laundering rules). */
export const RETENTION_YEARS = 5;
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/** Reveals one masked field to a viewer allowed to unmask, with the reason in the audit trail. */
export async function unmask(
  service: CustomerService,
  customerId: string,
  request: { field: PersonalFieldKind; productId?: string; reason: string },
  viewer: Viewer,
): Promise<{ field: PersonalFieldKind; value: string }> {
  const customer = await service.load(customerId, viewer);
  let value: string | null;
  if (request.field === 'accountNumber') {
    const product = (await listProducts(service, customerId)).find((p) => p.id === request.productId);
    if (!product)
      throw new CustomersError(
        'PRODUCT_NOT_FOUND',
        `Customer ${customerId} has no product ${request.productId}`,
      );
    value = product.accountNumber;
  } else value = customer[request.field];
  if (!value) throw new CustomersError('NOTHING_TO_UNMASK', `Customer ${customerId} has no ${request.field}`);
  await service.deps.audit.record({
    actor: viewer.username,
    source: viewer.source,
    action: 'customer.unmask',
    entityType: 'customer',
    entityId: customerId,
    customerId,
    details: {
      field: request.field,
      ...(request.productId ? { productId: request.productId } : {}),
      reason: request.reason,
    },
  });
  return { field: request.field, value };
}

/**
 * A data-subject access request (UU PDP): everything held about the customer, in clear, and
 * who processed it — read from the audit trail.
 */
export async function exportCustomer(service: CustomerService, customerId: string, viewer: Viewer) {
  const customer = await service.load(customerId, viewer);
  const interactions = [];
  for (let before: { at: number; id: number } | undefined; ; ) {
    const page = await timelinePage(service, customerId, before, 500);
    interactions.push(...page.items);
    if (!page.nextBefore) break;
    const last = page.items.at(-1);
    before = last && { at: last.at, id: Number(last.id) };
  }
  const processing = [];
  for (let before: number | undefined; ; ) {
    const entries = await service.deps.audit.search({ subjectId: customerId, limit: 500, before });
    processing.push(
      ...entries.map((e) => ({
        at: new Date(e.at).toISOString(),
        actor: e.actor,
        action: e.action,
        source: e.source,
      })),
    );
    if (entries.length < 500) break;
    before = entries.at(-1)?.seq;
  }
  await service.deps.audit.record({
    actor: viewer.username,
    source: viewer.source,
    action: 'customer.export',
    entityType: 'customer',
    entityId: customerId,
    customerId,
  });
  return {
    generatedAt: new Date(service.deps.clock.now()).toISOString(),
    customer,
    products: await listProducts(service, customerId),
    consents: await consentHistory(service, customerId),
    interactions,
    processing,
  };
}

/**
 * Erases a customer: destroys the customer's key (every sealed field and audit detail becomes
 * unreadable for good), clears the profile and the timeline, and keeps only an opaque id, the
 * consent history (channel, purpose, time: proof of lawful processing) and the audit chain.
 */
export async function eraseCustomer(
  service: CustomerService,
  customerId: string,
  reason: string,
  viewer: Viewer,
): Promise<void> {
  const { sequelize, deps } = service;
  await sequelize.transaction(async (transaction) => {
    await service.load(customerId, viewer, transaction);
    const [active] = await sequelize.query(
      "SELECT id FROM customer_products WHERE customer_id = :customerId AND status = 'active' LIMIT 1",
      { replacements: { customerId }, type: QueryTypes.SELECT, transaction },
    );
    if (active)
      throw new CustomersError(
        'CUSTOMER_ACTIVE',
        `Customer ${customerId} still holds active products; close them first (records are then kept ${RETENTION_YEARS} years)`,
      );
    await erase(service, customerId, transaction);
    await deps.audit.record(
      {
        actor: viewer.username,
        source: viewer.source,
        action: 'customer.erase',
        entityType: 'customer',
        entityId: customerId,
        details: { reason },
      },
      transaction,
    );
  });
}

async function erase(
  service: CustomerService,
  customerId: string,
  transaction: import('sequelize').Transaction,
) {
  const { sequelize, deps } = service;
  const now = deps.clock.now();
  const replacements = { customerId, now };
  await deps.subjectKeys.destroy(customerId, now, transaction);
  await sequelize.query(
    `UPDATE customers SET full_name = '(dihapus)', birth_date = NULL, gender = NULL, city = NULL,
       occupation = NULL, monthly_income = NULL, rm_username = NULL, nik_sealed = NULL, nik_index = NULL,
       phone_sealed = NULL, phone_index = NULL, email_sealed = NULL, email_index = NULL,
       erased_at = :now, updated_at = :now
     WHERE id = :customerId`,
    { replacements, transaction },
  );
  for (const statement of [
    'DELETE FROM customer_name_words WHERE customer_id = :customerId',
    'DELETE FROM customer_interactions WHERE customer_id = :customerId',
    'DELETE FROM customer_consent_state WHERE customer_id = :customerId',
    'UPDATE customer_products SET account_sealed = NULL, account_index = NULL WHERE customer_id = :customerId',
  ])
    await sequelize.query(statement, { replacements, transaction });
}

/** Erases every customer whose relationship ended more than the retention period ago. */
export async function applyRetention(
  service: CustomerService,
  viewer: Viewer,
): Promise<{ erased: string[] }> {
  const cutoff = service.deps.clock.now() - RETENTION_YEARS * YEAR_MS;
  const due = await service.sequelize.query<{ id: string }>(
    'SELECT id FROM customers WHERE closed_at IS NOT NULL AND closed_at <= :cutoff AND erased_at IS NULL',
    { replacements: { cutoff }, type: QueryTypes.SELECT },
  );
  const erased: string[] = [];
  for (const { id } of due) {
    await service.sequelize.transaction(async (transaction) => {
      await erase(service, id, transaction);
      await service.deps.audit.record(
        {
          actor: viewer.username,
          source: viewer.source,
          action: 'customer.erase',
          entityType: 'customer',
          entityId: id,
          details: { reason: `retention period of ${RETENTION_YEARS} years after the relationship ended` },
        },
        transaction,
      );
    });
    erased.push(id);
  }
  return { erased };
}
