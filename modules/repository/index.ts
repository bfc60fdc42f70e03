import { join } from 'node:path';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { PROCESSES_DIR } from '../server/processes.ts';
import { bootstrapShippedModels } from './bootstrap.ts';
import { DeployService } from './deploys.ts';
import { InstanceCounter } from './instances.ts';
import { RepositoryStore } from './model.ts';
import { Operations } from './operations.ts';
import { ReadApi } from './read-api.ts';
import { deployRoutes } from './routes-deploys.ts';
import { modelRoutes } from './routes-models.ts';
import { operationRoutes } from './routes-operations.ts';
import { ModelService } from './service.ts';
import { readElementTemplates } from './templates.ts';

export { RepositoryError } from './errors.ts';

interface Parts {
  store: RepositoryStore;
  readApi: ReadApi;
  models: ModelService;
  deploys: DeployService;
  operations: Operations;
  templates: () => Promise<unknown[]>;
}

/** One set of services per platform: the instance counter's cache lives as long as it. */
const parts = new WeakMap<ModuleContext, Parts>();
function partsOf(context: ModuleContext): Parts {
  let found = parts.get(context);
  if (!found) {
    const { clock, audit, zeebe } = context;
    const store = new RepositoryStore(context.sequelize);
    const readApi = ReadApi.of(context);
    let templates: Promise<unknown[]> | undefined;
    found = {
      store,
      readApi,
      models: new ModelService({ store, clock, audit, instances: new InstanceCounter(readApi, store) }),
      deploys: new DeployService({ store, clock, audit, zeebe, deployedForms: context.deployedForms }),
      operations: new Operations({ zeebe, readApi, audit }),
      // Read once per start, on first use: the folder ships with the platform.
      templates: () => {
        templates ??= readElementTemplates(join(PROCESSES_DIR, 'element-templates'));
        return templates;
      },
    };
    parts.set(context, found);
  }
  return found;
}

/**
 * repository: the designer's models (BPMN, DMN, forms) with every version, deploys under
 * four eyes (a second process owner or an admin approves; lint errors block), the deployed
 * version and running instances per version; and operations on running processes (start,
 * retry an incident, cancel, the heatmap statistics), changes over gRPC on either engine.
 */
export const repositoryModule: PlatformModule = {
  name: 'repository',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    const { models, deploys, operations, readApi, templates } = partsOf(context);
    modelRoutes(app, models, templates);
    deployRoutes(app, deploys);
    operationRoutes(app, operations, readApi);
  },
  bootstrap: async (context) => {
    const { store } = partsOf(context);
    await bootstrapShippedModels(
      { store, clock: context.clock, audit: context.audit },
      context.processesDir ?? PROCESSES_DIR,
      context.shippedProcesses,
    );
  },
};
