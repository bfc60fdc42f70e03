import { adminEn } from './admin-en.ts';
import { adminId } from './admin-id.ts';

/** The words of the administration screen: users, branches, queues, SLA, holidays, templates. */
export const admin = { id: adminId, en: adminEn } as const;
