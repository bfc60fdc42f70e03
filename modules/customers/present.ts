import {
  maskPersonalFields,
  PERSONAL_FIELD_KINDS,
  type PersonalFieldKind,
  seesClear,
} from '../audit/index.ts';
import type { ConsentRecord, ConsentState } from './consents.ts';
import type { Customer } from './model.ts';
import type { Product } from './products.ts';
import type { Interaction } from './timeline.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** What leaves the server about a customer: instants as ISO strings, personal fields masked per role. */
export function presentCustomer(customer: Customer, roles: readonly string[]) {
  const { erasedAt: _, ...rest } = customer;
  return maskPersonalFields(
    {
      ...rest,
      createdAt: iso(customer.createdAt),
      updatedAt: iso(customer.updatedAt),
      closedAt: isoOrNull(customer.closedAt),
    },
    roles,
  );
}

export function presentProduct(product: Product, roles: readonly string[]) {
  return maskPersonalFields(
    { ...product, openedAt: iso(product.openedAt), closedAt: isoOrNull(product.closedAt) },
    roles,
  );
}

export const presentConsent = (c: ConsentState) => ({ ...c, updatedAt: iso(c.updatedAt) });
export const presentConsentRecord = (c: ConsentRecord) => ({ ...c, recordedAt: iso(c.recordedAt) });
export const presentInteraction = (i: Interaction) => ({ ...i, at: iso(i.at) });

/** The personal fields this viewer saw in clear: what the audit entry of a view records. */
export function clearKinds(roles: readonly string[]): PersonalFieldKind[] {
  return PERSONAL_FIELD_KINDS.filter((kind) => seesClear(roles, kind));
}
