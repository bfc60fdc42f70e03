import { z } from 'zod';
import { defineWorker } from '../../../engine/index.ts';
import type { WorkerContext } from '../../server/workers.ts';
import type { OnboardingCompletion } from '../completion.ts';
import { jobActor, type OnboardingSteps } from '../steps.ts';
import { REVIEW_DECISIONS } from '../vocabulary.ts';

const ApplicationVariables = z.object({ applicationId: z.uuid() });

/**
 * `crm.onboarding.verify-identity` — in: applicationId; out: kycValid, region. The NIK against
 * the applicant (16 digits, region, birth date with +40 for women, serial) and the required
 * documents received; anything wrong throws BpmnError `KYC_REFUSED` with refusalReasonId and
 * refusalReasonEn (Bahasa Indonesia, English) for the boundary event to catch.
 */
export const verifyIdentityWorker = (steps: OnboardingSteps) =>
  defineWorker<typeof ApplicationVariables, WorkerContext>({
    type: 'crm.onboarding.verify-identity',
    variables: ApplicationVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      steps.verifyIdentity(job.variables.applicationId, jobActor(job.key), transaction),
  });

/**
 * `crm.onboarding.screen-aml` — in: applicationId; out: amlBestScore (0–100), amlHitCount,
 * screeningHits (what the reviewer's form shows). Fuzzy name match, strengthened by the birth
 * date, against the active watch list; every hit is kept with its scores.
 */
export const screenAmlWorker = (steps: OnboardingSteps) =>
  defineWorker<typeof ApplicationVariables, WorkerContext>({
    type: 'crm.onboarding.screen-aml',
    variables: ApplicationVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      steps.screen(job.variables.applicationId, jobActor(job.key), transaction),
  });

const RiskVariables = z.object({
  applicationId: z.uuid(),
  risk: z.object({
    riskLevel: z.enum(['LOW', 'MEDIUM', 'HIGH']),
    riskScore: z.number().int().min(0).max(100),
  }),
});

/** `crm.onboarding.record-risk` — in: applicationId, risk {riskLevel, riskScore} (the decision's result); out: riskLevel. */
export const recordRiskWorker = (steps: OnboardingSteps) =>
  defineWorker<typeof RiskVariables, WorkerContext>({
    type: 'crm.onboarding.record-risk',
    variables: RiskVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      steps.recordRisk(job.variables.applicationId, job.variables.risk, jobActor(job.key), transaction),
  });

const ReviewVariables = z.object({
  applicationId: z.uuid(),
  reviewDecision: z.enum(REVIEW_DECISIONS),
  reviewReason: z.string().max(2000),
  reviewedBy: z.string().min(1).max(100),
});

/**
 * `crm.onboarding.record-review` — in: applicationId, reviewDecision (approve | refuse),
 * reviewReason, reviewedBy (written by the task list, header completedByVariable); out: reviewDecision, and for a refusal refusalReasonId and refusalReasonEn.
 * Checks again what the form asked: a reason of 10 characters or more, a reviewer holding the
 * compliance role who did not submit the application (a misfit is an incident naming it).
 */
export const recordReviewWorker = (steps: OnboardingSteps) =>
  defineWorker<typeof ReviewVariables, WorkerContext>({
    type: 'crm.onboarding.record-review',
    variables: ReviewVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) =>
      steps.recordReview(
        job.variables.applicationId,
        {
          decision: job.variables.reviewDecision,
          reason: job.variables.reviewReason,
          reviewedBy: job.variables.reviewedBy,
        },
        jobActor(job.key),
        transaction,
      ),
  });

const RefuseVariables = z.object({
  applicationId: z.uuid(),
  refusalReasonId: z.string().min(1).max(4000),
  refusalReasonEn: z.string().min(1).max(4000),
});

/** `crm.onboarding.refuse` — in: applicationId, refusalReasonId, refusalReasonEn; out: status (REFUSED). */
export const refuseWorker = (completion: OnboardingCompletion) =>
  defineWorker<typeof RefuseVariables, WorkerContext>({
    type: 'crm.onboarding.refuse',
    variables: RefuseVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const { applicationId, ...refusal } = job.variables;
      return completion.refuse(applicationId, refusal, jobActor(job.key), transaction);
    },
  });
