import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { caseCounts } from './counts.ts';
import { workingDaysLeft } from './deadlines.ts';
import { caseCustomer, listCases } from './list.ts';
import type { Case } from './model.ts';
import { presentCase, presentEvent } from './present.ts';
import * as s from './schema.ts';
import { type CaseActor, caseScopeOf } from './scope.ts';
import type { CaseService } from './service.ts';
import {
  changeStatus,
  comment,
  documentsComplete,
  extend,
  reassign,
  recordScore,
  type TaskReassigner,
} from './updates.ts';
import { CASE_CHANNELS, COMPLAINT_FORMS, ROOT_CAUSES, SEVERITIES, STATUSES } from './vocabulary.ts';

export const tags = ['cases'];
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
export const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

export function actorOf(c: Context): CaseActor {
  const principal = c.get('principal');
  return {
    username: principal.username,
    roles: principal.roles,
    scope: caseScopeOf(principal),
    source: requestSource(c),
  };
}

/** Cases over HTTP; each route names its permission beside it. */
export function caseRoutes(app: OpenAPIHono, service: CaseService, reassignTask?: TaskReassigner) {
  const present = (c: Parameters<typeof presentCase>[0]) => presentCase(c, service.deps.clock.now());
  /** The POJK deadline in working days, on one calendar snapshot per request. */
  const daysLeft = async () => {
    const calendar = await service.deps.calendar.snapshot();
    const now = service.deps.clock.now();
    return (c: Case) =>
      c.regulatoryDueAt === null || c.resolvedAt !== null
        ? null
        : workingDaysLeft(now, c.regulatoryDueAt, calendar);
  };

  app.openapi(
    createRoute({
      ...requires('cases.write'),
      method: 'post',
      path: '/api/cases',
      tags,
      summary:
        'Log a complaint for a customer in your scope: its POJK deadline is set and its process starts',
      request: body(s.NewCaseBody),
      responses: {
        201: { description: 'The case', content: json(s.CaseDto) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => c.json(present(await service.create(c.req.valid('json'), actorOf(c))), 201),
  );

  app.openapi(
    createRoute({
      ...requires('cases.read'),
      method: 'get',
      path: '/api/cases',
      tags,
      summary: 'Cases in your scope, by status, queue, assignee, severity, category, SLA state; sorted',
      request: { query: s.CaseQuery },
      responses: {
        200: { description: 'A page', content: json(s.CasePage) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listCases(service, query, actorOf(c));
      const left = await daysLeft();
      return c.json(
        {
          items: items.map((k) => ({
            ...present(k),
            customer: k.customer,
            regulatoryWorkingDaysLeft: left(k),
          })),
          page: { total, limit: query.limit, offset: query.offset },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('cases.read'),
      method: 'get',
      path: '/api/cases/vocabulary',
      tags,
      summary: 'Categories, severities, channels, complaint forms, statuses and root causes (id/en)',
      responses: {
        200: { description: 'The words', content: json(s.Vocabulary) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) =>
      c.json(
        {
          categories: await service.configuration.categories(),
          severities: [...SEVERITIES],
          channels: [...CASE_CHANNELS],
          forms: [...COMPLAINT_FORMS],
          statuses: [...STATUSES],
          rootCauses: ROOT_CAUSES.map((r) => ({ ...r })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...requires('cases.read'),
      method: 'get',
      path: '/api/cases/counts',
      tags,
      summary: 'Open cases in your scope per queue: overdue, due soon, escalated, unassigned, yours',
      responses: {
        200: { description: 'Counts', content: json(s.CaseCounts) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json(await caseCounts(service, actorOf(c)), 200),
  );

  app.openapi(
    createRoute({
      ...requires('cases.read'),
      method: 'get',
      path: '/api/cases/{id}',
      tags,
      summary: 'One case with its timeline (audited: a view of customer data)',
      request: { params: s.CaseId },
      responses: {
        200: { description: 'The case', content: json(s.CaseDetail) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const found = await service.get(c.req.valid('param').id, actor);
      await service.deps.audit.record({
        actor: actor.username,
        source: actor.source,
        action: 'case.view',
        entityType: 'case',
        entityId: found.id,
        customerId: found.customerId,
        details: { number: found.number },
      });
      const timeline = (await service.table.timeline(found.id)).map(presentEvent);
      const customer = await caseCustomer(service, found);
      const left = await daysLeft();
      return c.json({ ...present(found), customer, regulatoryWorkingDaysLeft: left(found), timeline }, 200);
    },
  );

  const action = <B extends z.ZodType>(
    permission: 'cases.write' | 'cases.manage',
    path: string,
    summary: string,
    schema: B | undefined,
    run: (id: string, input: z.infer<B>, actor: CaseActor) => ReturnType<typeof comment>,
  ) =>
    app.openapi(
      createRoute({
        ...requires(permission),
        method: 'post',
        path,
        tags,
        summary,
        request: { params: s.CaseId, ...(schema ? body(schema) : {}) },
        responses: {
          200: { description: 'The case as it is now', content: json(s.CaseDto) },
          ...problemResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const valid = (c.req.valid as (target: 'json' | 'param') => unknown).bind(c.req);
        const input = (schema ? valid('json') : undefined) as z.infer<B>;
        const { id } = valid('param') as { id: string };
        return c.json(present(await run(id, input, actorOf(c))), 200) as never;
      },
    );

  action(
    'cases.write',
    '/api/cases/{id}/comments',
    'Comment on a case (an update: restarts the 2-hour clock of HIGH cases)',
    s.CommentBody,
    (id, input, actor) => comment(service, id, input.text, actor),
  );
  action(
    'cases.write',
    '/api/cases/{id}/status',
    'Change the status (IN_PROGRESS, WAITING_CUSTOMER, CLOSED once resolved)',
    s.StatusBody,
    (id, input, actor) => changeStatus(service, id, input.status as never, input.note, actor),
  );
  action(
    'cases.write',
    '/api/cases/{id}/documents-complete',
    "A written complaint's documents are complete: its 10 working days start",
    undefined,
    (id, _input, actor) => documentsComplete(service, id, actor),
  );
  action(
    'cases.manage',
    '/api/cases/{id}/extension',
    'Extend the deadline once, by 1–10 working days, with a reason; the customer is told',
    s.ExtensionBody,
    (id, input, actor) => extend(service, id, input, actor),
  );
  action(
    'cases.manage',
    '/api/cases/{id}/reassign',
    'Give the case (and its task) to another member of its queue, or move it to another queue and one of its members',
    s.ReassignBody,
    (id, input, actor) => reassign(service, id, input.assignee, actor, reassignTask, input.queue),
  );
  action(
    'cases.write',
    '/api/cases/{id}/csat',
    'Record the score (1–5) a customer gave by phone or at the branch',
    s.ScoreBody,
    (id, input, actor) => recordScore(service, id, input.score, actor, 'staff'),
  );
}
