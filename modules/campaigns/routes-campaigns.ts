import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { allows, type Permission } from '../identity/roles.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import type { TaskService, Worker } from '../tasks/index.ts';
import { decide } from './approval.ts';
import { actorOf, body, json } from './routes-segments.ts';
import * as s from './schema.ts';
import type { CampaignService } from './service.ts';

const tags = ['campaigns'];
const params = s.Id;
const detail = { 200: { description: 'The campaign as it is now', content: json(s.CampaignDetail) } };

function workerOf(c: Context): Worker {
  const { username, roles, branchCode } = c.get('principal');
  return {
    username,
    roles,
    groups: branchCode ? [...roles, branchCode] : [...roles],
    supervises: allows(roles, 'tasks.assign'),
    source: requestSource(c),
  };
}

/** Campaigns over HTTP; every change is audited by the service (or the task list it goes through). */
export function campaignRoutes(app: OpenAPIHono, service: CampaignService, tasks: TaskService) {
  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'get',
      path: '/api/campaigns',
      tags,
      summary: 'Campaigns, last changed first, by status',
      request: { query: s.ListQuery },
      responses: {
        200: { description: 'A page', content: json(z.object({ items: z.array(s.Campaign) })) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ items: await service.list(c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.write'),
      method: 'post',
      path: '/api/campaigns',
      tags,
      summary: 'Create a draft campaign: channel, marketing template, segment, schedule',
      request: body(s.CampaignBody),
      responses: {
        201: { description: 'The draft', content: json(s.CampaignDetail) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => c.json(await service.create(c.req.valid('json'), actorOf(c)), 201),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'get',
      path: '/api/campaigns/{id}',
      tags,
      summary: 'A campaign with its progress and funnel (delivered, opened, clicked, converted)',
      request: { params },
      responses: { ...detail, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await service.get(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'get',
      path: '/api/campaigns/{id}/content',
      tags,
      summary: "What a customer would receive: the template filled in with the campaign's data",
      request: { params, query: s.ContentQuery },
      responses: {
        200: { description: 'The rendered message', content: json(s.Content) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await service.content(c.req.valid('param').id, c.req.valid('query').locale), 200),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.write'),
      method: 'put',
      path: '/api/campaigns/{id}',
      tags,
      summary: "Edit a draft, or a rejected campaign after the checker's comment",
      request: { params, ...body(s.CampaignBody) },
      responses: { ...detail, ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await service.update(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  );

  const step = (
    path: string,
    permission: Permission,
    summary: string,
    run: (id: string, c: Context) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        ...requires(permission),
        method: 'post',
        path,
        tags,
        summary,
        request: { params },
        responses: { ...detail, ...problemResponses(400, 401, 403, 404, 409, 422) },
      }),
      async (c) => c.json((await run(c.req.valid('param').id, c)) as z.infer<typeof s.CampaignDetail>, 200),
    );
  step(
    '/api/campaigns/{id}/submit',
    'campaigns.write',
    'Submit for approval: you become its maker; the audience is counted',
    (id, c) => service.submit(id, actorOf(c)),
  );
  step(
    '/api/campaigns/{id}/pause',
    'campaigns.write',
    'Pause sending: no further batch until resumed',
    (id, c) => service.pause(id, actorOf(c)),
  );
  step('/api/campaigns/{id}/resume', 'campaigns.write', 'Resume a paused campaign', (id, c) =>
    service.resume(id, actorOf(c)),
  );
  step(
    '/api/campaigns/{id}/cancel',
    'campaigns.write',
    'Cancel: messages not yet sent are withdrawn',
    (id, c) => service.cancel(id, actorOf(c)),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.approve'),
      method: 'post',
      path: '/api/campaigns/{id}/approve',
      tags,
      summary: 'Approve a campaign waiting for compliance (never your own: 403 FOUR_EYES)',
      request: { params, body: { content: json(s.DecisionBody), required: false } },
      responses: { ...detail, ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const input = (c.req.valid('json') ?? {}) as z.infer<typeof s.DecisionBody>;
      const { id } = c.req.valid('param');
      return c.json(
        await decide(service, tasks, id, { decision: 'approve', comment: input.comment }, workerOf(c)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.approve'),
      method: 'post',
      path: '/api/campaigns/{id}/reject',
      tags,
      summary: 'Reject a campaign with a comment: it returns to its maker (never your own: 403 FOUR_EYES)',
      request: { params, ...body(s.RejectBody) },
      responses: { ...detail, ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { comment } = c.req.valid('json');
      const { id } = c.req.valid('param');
      return c.json(await decide(service, tasks, id, { decision: 'reject', comment }, workerOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.write'),
      method: 'post',
      path: '/api/campaigns/{id}/conversions',
      tags,
      summary: 'Record a conversion seen outside the platform, of a customer the campaign reached',
      request: { params, ...body(s.ConversionBody) },
      responses: { ...detail, ...problemResponses(400, 401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await service.recordConversion(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  );
}
