import type { PlatformModule } from '../server/module.ts';
import { loadDemoCustomers } from './bulk-load.ts';
import { customerRoutes } from './routes.ts';
import { CustomerService } from './service.ts';

export { currentConsents } from './consents.ts';
export type { Customer } from './model.ts';
export { CustomerService } from './service.ts';
export { writeInteraction } from './timeline.ts';

/**
 * customers (Customer 360): profile, branch and relationship manager, products, consents with
 * their history, the interaction timeline; personal fields sealed per customer and masked per
 * role; search on indexes only; data-subject export, erasure and retention.
 */
export const customersModule: PlatformModule = {
  name: 'customers',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    customerRoutes(app, new CustomerService(context));
  },
  // Demo mode fills an empty database with customers (not under tests: they need it empty).
  bootstrap: async (context) => {
    if (!context.config.demo || context.config.nodeEnv === 'test') return;
    const loaded = await loadDemoCustomers(context);
    if (loaded > 0) context.logger.info({ customers: loaded }, 'demo customers loaded');
  },
};
