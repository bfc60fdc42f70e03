import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requires } from '../identity/middleware.ts';
import type { Permission } from '../identity/roles.ts';
import { problemResponses } from '../server/problem-schema.ts';
import * as s from './schema.ts';
import type { ReportName, ReportService } from './service.ts';

const tags = ['reports'];

/** Each report: its path under /api/reports, who may read it, its answer's schema, and what it says. */
const ROUTES: { name: ReportName; permission: Permission; schema: z.ZodType; summary: string }[] = [
  {
    name: 'complaint-volume',
    permission: 'reports.cases',
    schema: s.VolumeReport,
    summary: 'Complaints logged per category and WIB month (default: the last 6 months)',
  },
  {
    name: 'sla-compliance',
    permission: 'reports.cases',
    schema: s.SlaReport,
    summary: 'SLA compliance of the deadlines due in the period, per month and per queue (default: 6 months)',
  },
  {
    name: 'root-causes',
    permission: 'reports.cases',
    schema: s.RootCauseReport,
    summary: 'The 10 most frequent root causes of the cases resolved in the period (default: this month)',
  },
  {
    name: 'agents',
    permission: 'reports.cases',
    schema: s.AgentReport,
    summary: 'Backlog now and average handling time in the period, per assignee (default: this month)',
  },
  {
    name: 'csat',
    permission: 'reports.cases',
    schema: s.CsatReport,
    summary: 'Satisfaction scores per branch, of the cases resolved in the period (default: this month)',
  },
  {
    name: 'campaign-funnel',
    permission: 'reports.read',
    schema: s.CampaignFunnelReport,
    summary:
      'Eligible → queued → sent → delivered → opened → clicked → converted, per campaign started in the period and overall (default: 6 months)',
  },
  {
    name: 'consent-withdrawals',
    permission: 'reports.read',
    schema: s.ConsentWithdrawalReport,
    summary: 'Consents withdrawn per WIB month, channel and purpose (default: the last 6 months)',
  },
];

/** The dashboards' reports over HTTP: GET /api/reports/<name>?from=YYYY-MM-DD&to=YYYY-MM-DD. */
export function reportRoutes(app: OpenAPIHono, service: ReportService) {
  app.openapi(
    createRoute({
      ...requires('reports.read'),
      method: 'get',
      path: '/api/reports/branches',
      tags,
      summary: 'The branches the reader may narrow the reports to (the dashboards’ branch filter)',
      responses: {
        200: { description: 'The branches', content: { 'application/json': { schema: s.ReportBranches } } },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await service.branches(c.get('principal')) }, 200),
  );
  for (const route of ROUTES)
    app.openapi(
      createRoute({
        ...requires(route.permission),
        method: 'get',
        path: `/api/reports/${route.name}`,
        tags,
        summary: route.summary,
        request: { query: s.PeriodQuery },
        responses: {
          200: { description: 'The report', content: { 'application/json': { schema: route.schema } } },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json((await service.run(route.name, c.req.valid('query'), c.get('principal'))) as never, 200),
    );
}
