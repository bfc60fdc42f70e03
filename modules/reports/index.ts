import type { PlatformModule } from '../server/module.ts';
import { reportRoutes } from './routes.ts';
import { ReportService } from './service.ts';

export { ReportsError } from './errors.ts';
export { REPORTS, type ReportName, ReportService } from './service.ts';

/**
 * reports: the queries behind the dashboards (DOMAIN.md) — complaint volume per category, SLA
 * compliance, top 10 root causes, backlog and handling time per agent, CSAT per branch, the
 * campaign funnel, consent withdrawals — per WIB month, scoped to the reader (scope.ts), on
 * covering indexes of their own (migration 0001). Counts only: nothing to mask or audit.
 */
export const reportsModule: PlatformModule = {
  name: 'reports',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) =>
    reportRoutes(app, new ReportService({ sequelize: context.sequelize, clock: context.clock })),
};
