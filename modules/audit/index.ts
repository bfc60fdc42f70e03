import type { PlatformModule } from '../server/module.ts';
import { auditRoutes } from './routes.ts';

export { type DataKeys, deriveDataKeys } from './keys.ts';
export {
  maskPersonalFields,
  maskValue,
  PERSONAL_FIELD_KINDS,
  type PersonalFieldKind,
  personalFieldKind,
  seesClear,
} from './personal-data.ts';
export { SubjectKeys } from './subject-keys.ts';
export { type AuditEntry, AuditTrail, type VerifyResult } from './trail.ts';
export type { AuditEvent, AuditLog } from './types.ts';

/**
 * audit: the append-only, hash-chained trail of every view of customer data and every
 * change, with each data subject's own key (crypto-erasure) and the masking rules of
 * personal fields.
 */
export const auditModule: PlatformModule = {
  name: 'audit',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, { sequelize, clock, audit }) => auditRoutes(app, { sequelize, clock, audit }),
};
