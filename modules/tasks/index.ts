import { Accounts } from '../identity/accounts.ts';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { TaskEngine } from './engine.ts';
import { startLifecycle, TIMING } from './lifecycle.ts';
import { TaskStore } from './model.ts';
import { taskRoutes } from './routes.ts';
import { TaskService } from './service.ts';

export { USER_TASK_JOB_TYPE } from './engine.ts';
export { COMPLETED_BY_HEADER, FOUR_EYES_HEADER } from './four-eyes.ts';
export type { Worker } from './service.ts';
export { TaskService };

/** One store and engine access per platform (routes and the lifecycle share the definition cache). */
const parts = new WeakMap<ModuleContext, { store: TaskStore; engine: TaskEngine }>();
function partsOf(context: ModuleContext) {
  let found = parts.get(context);
  if (!found) {
    found = { store: new TaskStore(context.sequelize, context.dataKeys), engine: TaskEngine.of(context) };
    parts.set(context, found);
  }
  return found;
}

/** The platform's one task service: the routes and modules that complete tasks for a person share it. */
const services = new WeakMap<ModuleContext, TaskService>();
export function taskService(context: ModuleContext): TaskService {
  let service = services.get(context);
  if (!service) {
    const { store, engine } = partsOf(context);
    service = new TaskService({
      store,
      engine,
      clock: context.clock,
      audit: context.audit,
      accounts: new Accounts(context.sequelize),
      timing: TIMING,
    });
    services.set(context, service);
  }
  return service;
}

/**
 * tasks: the task list over job-based user tasks (DESIGN seam 2). Activates jobs of type
 * `io.camunda.zeebe:userTask` into tasks keyed by the job key, renews them, notices the ones
 * the process cancelled, and completes the job when the assignee submits the task's form.
 */
export const tasksModule: PlatformModule = {
  name: 'tasks',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    taskRoutes(app, taskService(context));
  },
  start: (context) => {
    const { store, engine } = partsOf(context);
    return startLifecycle({
      store,
      engine,
      clock: context.clock,
      logger: context.logger,
      ...(context.engineActive ? { engineActive: context.engineActive } : {}),
    });
  },
};
