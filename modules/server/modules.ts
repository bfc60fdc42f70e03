import { auditModule } from '../audit/index.ts';
import { calendarModule } from '../calendar/index.ts';
import { campaignsModule } from '../campaigns/index.ts';
import { casesModule } from '../cases/index.ts';
import { customersModule } from '../customers/index.ts';
import { identityModule } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { onboardingModule } from '../onboarding/index.ts';
import { reportsModule } from '../reports/index.ts';
import { repositoryModule } from '../repository/index.ts';
import { tasksModule } from '../tasks/index.ts';
import type { PlatformModule } from './module.ts';
import { checkDatabaseMode } from './platform-state.ts';

/** The server's own tables and start-up checks. */
export const serverModule: PlatformModule = {
  name: 'server',
  migrations: new URL('./migrations/', import.meta.url),
  bootstrap: async ({ sequelize, config, clock }) => {
    await checkDatabaseMode(sequelize, config, clock.now());
  },
};

/** Every module, in dependency order: migrations and bootstraps run in this order. */
export const MODULES: PlatformModule[] = [
  serverModule,
  auditModule,
  identityModule,
  calendarModule,
  customersModule,
  notificationsModule,
  onboardingModule,
  casesModule,
  campaignsModule,
  repositoryModule,
  tasksModule,
  reportsModule,
];
