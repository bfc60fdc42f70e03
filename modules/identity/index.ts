import type { PlatformModule } from '../server/module.ts';
import { Accounts } from './accounts.ts';
import { branchRoutes } from './branch-routes.ts';
import { BranchAdministration } from './branches.ts';
import { hashPassword } from './passwords.ts';
import { DEMO_BRANCHES, DEMO_USERS } from './roles.ts';
import { identityRoutes } from './routes.ts';
import { Sessions } from './sessions.ts';
import { userRoutes } from './user-routes.ts';
import { UserAdministration } from './users.ts';

export { Accounts } from './accounts.ts';
export { type Principal, requireLogin } from './middleware.ts';
export { type CustomerScope, customerScopeOf } from './scope.ts';
export { Sessions } from './sessions.ts';

/**
 * identity: users, roles and branches; login with lockout and a per-address rate limit;
 * bearer tokens kept (hashed) in the database so logout holds across replicas. In demo mode
 * the demo users of DESIGN.md are seeded with DEMO_PASSWORD; otherwise only `admin`, with
 * ADMIN_PASSWORD.
 */
export const identityModule: PlatformModule = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, { sequelize, clock, audit }) => {
    const deps = { sequelize, clock, accounts: new Accounts(sequelize), sessions: new Sessions(sequelize) };
    identityRoutes(app, deps);
    userRoutes(app, new UserAdministration({ ...deps, audit }));
    branchRoutes(app, new BranchAdministration({ sequelize, audit }));
  },
  bootstrap: async ({ sequelize, config, clock }) => {
    const accounts = new Accounts(sequelize);
    if (config.demo) {
      for (const branch of DEMO_BRANCHES) await accounts.createBranchIfMissing(branch);
      const missing = [];
      for (const user of DEMO_USERS) if (!(await accounts.find(user.username))) missing.push(user);
      if (missing.length === 0) return;
      // The demo users share DEMO_PASSWORD: one hash serves them all.
      const hash = await hashPassword(config.demoPassword);
      for (const user of missing) await accounts.createIfMissing(user, hash, clock.now());
      return;
    }
    if (await accounts.find('admin')) return;
    const password = config.adminPassword;
    if (!password) throw new Error('ADMIN_PASSWORD is required without demo mode');
    await accounts.createIfMissing(
      { username: 'admin', displayName: 'Administrator', roles: ['admin'] },
      await hashPassword(password),
      clock.now(),
    );
  },
};
