import type { Transaction } from 'sequelize';
import type { Case } from '../model.ts';
import { SYSTEM_ACTOR } from '../scope.ts';
import type { CaseService } from '../service.ts';

export const SYSTEM = SYSTEM_ACTOR;

/** The job's case; a case that does not exist is a fault of the instance (an incident naming it). */
export async function caseOf(service: CaseService, caseId: string, transaction: Transaction): Promise<Case> {
  const c = await service.table.find(caseId, transaction);
  if (!c) throw new Error(`there is no case ${caseId}`);
  return c;
}
