import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { OnboardingCompletion } from '../completion.ts';
import { jobActor, type OnboardingSteps } from '../steps.ts';

const ApplicationVariables = z.object({ applicationId: z.uuid() });

/**
 * `crm.onboarding.open-account` — in: applicationId; out: accountOpened. Opens the account
 * through the core-banking adapter (idempotent by application id; the number stays sealed on
 * the application, out of the process variables). Core banking failing is a technical fault:
 * retried, then an incident; the application shows the attempts and the last error.
 */
export const openAccountWorker = (steps: OnboardingSteps) =>
  defineWorker<typeof ApplicationVariables, WorkerContext>({
    type: 'crm.onboarding.open-account',
    variables: ApplicationVariables,
    timeoutMs: 60_000,
    handle: async (job, { transaction }) =>
      steps.openAccount(job.variables.applicationId, { key: job.key, retries: job.retries }, transaction),
  });

/**
 * `crm.onboarding.create-customer` — in: applicationId; out: customerId. The customer in the
 * applicant's branch (KYC verified, the risk level), the account as a product, the consents
 * the applicant gave on the form, a note on the timeline.
 */
export const createCustomerWorker = (completion: OnboardingCompletion) =>
  defineWorker<typeof ApplicationVariables, WorkerContext>({
    type: 'crm.onboarding.create-customer',
    variables: ApplicationVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      completion.createCustomer(job.variables.applicationId, jobActor(job.key), transaction),
  });

/**
 * `crm.onboarding.assign-rm` — in: applicationId; out: rmUsername. The least loaded active
 * relationship manager of the customer's branch; a branch without one is an incident saying so.
 */
export const assignRmWorker = (completion: OnboardingCompletion) =>
  defineWorker<typeof ApplicationVariables, WorkerContext>({
    type: 'crm.onboarding.assign-rm',
    variables: ApplicationVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      completion.assignRelationshipManager(job.variables.applicationId, jobActor(job.key), transaction),
  });
