import { z } from 'zod';
import { BpmnError, defineWorker } from '../../../engine/index.ts';
import { CustomersError } from '../../customers/errors.ts';
import type { WorkerContext } from '../../server/workers.ts';
import { NotificationsError } from '../errors.ts';
import { CHANNELS, LOCALES, PURPOSES } from '../schema.ts';
import type { NotificationService } from '../service.ts';

export const SendVariables = z.object({
  customerId: z.string().min(1),
  templateKey: z.string().min(1).max(100),
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES).nullish(),
  locale: z.enum(LOCALES).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  ref: z.string().max(100).nullish(),
});

/**
 * `crm.notifications.send`: queues one message in the job's transaction (the worker runner
 * records the job with it, so a job delivered twice queues once) and completes with
 * `{ notificationId }`. The dispatcher sends it later, checking consent and the contact window
 * for marketing.
 *
 * Outcomes: an unknown customer is a business outcome the model may catch — BpmnError
 * `NOTIFICATION_CUSTOMER_NOT_FOUND` (uncaught, it is an incident naming the customer). An
 * unknown or archived template is a configuration fault: the job fails, is retried, and
 * becomes an incident saying which template is missing; create it and retry the incident. An
 * erased customer's message is recorded as suppressed and the job completes.
 */
export function sendWorker(service: NotificationService) {
  return defineWorker<typeof SendVariables, WorkerContext>({
    type: 'crm.notifications.send',
    variables: SendVariables,
    timeoutMs: 30_000,
    handle: async (job, { transaction }) => {
      const variables = job.variables;
      try {
        const { id } = await service.queue(variables, {
          transaction,
          actor: { username: 'system', source: `job ${job.key}` },
          jobKey: job.key,
        });
        return { notificationId: id };
      } catch (error) {
        if (error instanceof CustomersError && error.code === 'CUSTOMER_NOT_FOUND')
          throw new BpmnError(
            'NOTIFICATION_CUSTOMER_NOT_FOUND',
            `crm.notifications.send: there is no customer ${variables.customerId}`,
          );
        if (error instanceof NotificationsError && error.code === 'TEMPLATE_NOT_FOUND')
          throw new Error(
            `${error.message}: create the template (or bring it back), then retry the incident`,
          );
        throw error;
      }
    },
  });
}
