import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requires } from '../identity/middleware.ts';
import { customerScopeOf } from '../identity/scope.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { NotificationsError } from './errors.ts';
import { listMessages, messageDetail, messageStats, presentSummary } from './messages.ts';
import { actorOf, body, json } from './routes-templates.ts';
import * as s from './schema.ts';
import type { NotificationService } from './service.ts';

const tags = ['notifications'];
const List = z.object({ items: z.array(s.MessageSummary) });

/** Messages over HTTP: a service message sent by staff, what was sent, dead letters, counts. */
export function messageRoutes(app: OpenAPIHono, service: NotificationService) {
  app.openapi(
    createRoute({
      ...requires('notifications.send'),
      method: 'post',
      path: '/api/notifications/messages',
      tags,
      summary: 'Send a service message to a customer in your scope (queued; the dispatcher sends it)',
      request: body(s.SendBody),
      responses: {
        201: {
          description: 'Queued (or suppressed: the customer was erased)',
          content: json(z.object({ id: z.string(), status: z.enum(s.STATUSES) })),
        },
        ...problemResponses(400, 401, 403, 404, 410, 422),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const principal = c.get('principal');
      const actor = actorOf(c);
      const viewer = {
        username: principal.username,
        roles: principal.roles,
        scope: customerScopeOf(principal),
        source: requestSource(c),
      };
      const queued = await service.sequelize.transaction(async (transaction) => {
        const template = await service.templates.current(input.templateKey, input.channel, { transaction });
        if (template.purpose === 'marketing')
          throw new NotificationsError(
            'MARKETING_NOT_ALLOWED',
            `${input.templateKey} is a marketing template: offers go out through campaigns`,
          );
        return service.queue({ ...input, purpose: 'service' }, { transaction, actor, viewer });
      });
      return c.json(queued as { id: string; status: s.MessageStatus }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.read'),
      method: 'get',
      path: '/api/notifications/messages',
      tags,
      summary: 'Messages, newest first, by status, channel, template, ref or customer',
      request: { query: s.MessageQuery },
      responses: { 200: { description: 'A page', content: json(List) }, ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json({ items: await listMessages(service, c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('notifications.read'),
      method: 'get',
      path: '/api/notifications/messages/{id}',
      tags,
      summary: 'One message: where it went (masked per role), what it said, each event (audited)',
      request: { params: s.MessageId },
      responses: {
        200: { description: 'The message', content: json(s.MessageDetail) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await messageDetail(service, id, c.get('principal').roles, actorOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.retry'),
      method: 'post',
      path: '/api/notifications/messages/{id}/retry',
      tags,
      summary: 'Send a dead letter (or a message that failed for good) again',
      request: { params: s.MessageId },
      responses: {
        202: { description: 'Queued again', content: json(s.MessageSummary) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await service.retry(id, actorOf(c));
      const row = await service.outbox.load(id);
      return c.json(presentSummary(row as NonNullable<typeof row>), 202);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.read'),
      method: 'get',
      path: '/api/notifications/dead-letters',
      tags,
      summary: 'Messages every attempt failed for, newest first',
      request: { query: s.MessageQuery.omit({ status: true }) },
      responses: { 200: { description: 'A page', content: json(List) }, ...problemResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json({ items: await listMessages(service, { ...c.req.valid('query'), status: 'dead' }) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('notifications.read'),
      method: 'get',
      path: '/api/notifications/stats',
      tags,
      summary: 'Counts per template or per ref (a campaign, a case): statuses, opens, clicks',
      request: { query: s.StatsQuery },
      responses: {
        200: { description: 'Counts', content: json(z.object({ items: z.array(s.Stats) })) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ items: await messageStats(service, c.req.valid('query')) }, 200),
  );
}
