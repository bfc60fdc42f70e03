import { BusinessCalendar } from '../calendar/index.ts';
import { CustomerService } from '../customers/index.ts';
import { notificationService } from '../notifications/index.ts';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { taskService } from '../tasks/index.ts';
import { bootstrapCases } from './bootstrap.ts';
import { caseRoutes } from './routes.ts';
import { configurationRoutes } from './routes-config.ts';
import { surveyRoutes } from './routes-public.ts';
import { CaseService } from './service.ts';
import { SurveyTokens } from './survey.ts';
import type { TaskReassigner } from './updates.ts';
import { assignWorker } from './workers/assign.ts';
import { escalateWorker } from './workers/escalate.ts';
import { resolveWorker } from './workers/resolve.ts';
import { routeWorker } from './workers/route.ts';

export { CasesError } from './errors.ts';
export { CaseService } from './service.ts';

/** One service per platform: routes, workers and the bootstrap share it. */
const services = new WeakMap<ModuleContext, CaseService>();
export function caseService(context: ModuleContext): CaseService {
  let service = services.get(context);
  if (!service) {
    service = new CaseService({
      sequelize: context.sequelize,
      clock: context.clock,
      audit: context.audit,
      calendar: new BusinessCalendar(context.sequelize),
      customers: new CustomerService(context),
      notifications: notificationService(context),
      engineOutbox: context.engineOutbox,
      surveys: new SurveyTokens(context.config.dataKey, context.config.notifications.publicUrl),
      // A standby replica serves requests while another holds the engine it deployed to.
      startsProcesses: () => context.shippedProcesses || context.engineActive?.() === false,
    });
    services.set(context, service);
  }
  return service;
}

/** The case's open task goes with the case to its new assignee (the task list's own rules). */
function taskReassigner(context: ModuleContext, service: CaseService): TaskReassigner {
  return async (processInstanceKey, assignee, actor) => {
    const open = await service.sql.rows<{ job_key: unknown }>(
      "SELECT job_key FROM tasks WHERE process_instance_key = :key AND state = 'CREATED'",
      { key: processInstanceKey },
    );
    const tasks = taskService(context);
    for (const row of open)
      await tasks.assign(String(row.job_key), assignee, {
        username: actor.username,
        roles: [...actor.roles],
        groups: [],
        supervises: true,
        source: actor.source,
      });
  };
}

/**
 * cases: complaints and their handling. Categories, severities, channels; queues with members
 * and an assignment strategy; SLA policies on the business calendar; POJK 22/2023 deadlines
 * (written: 10 working days from complete documents, one extension; verbal: 5); each case runs
 * the process `cases-case-handling` (routing table, assignment, escalation of HIGH cases without
 * update, SLA breach, resolution with root cause, satisfaction survey). Workers
 * `crm.cases.route`, `crm.cases.assign`, `crm.cases.escalate`, `crm.cases.resolve`.
 */
export const casesModule: PlatformModule = {
  name: 'cases',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    const service = caseService(context);
    surveyRoutes(app, service);
    configurationRoutes(app, service);
    caseRoutes(app, service, taskReassigner(context, service));
  },
  bootstrap: (context) => bootstrapCases(context, caseService(context)),
  workers: (context) => {
    const service = caseService(context);
    return [routeWorker(service), assignWorker(service), escalateWorker(service), resolveWorker(service)];
  },
};
