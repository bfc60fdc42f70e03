import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import * as s from './schema.ts';
import type { Actor, Template, Templates } from './templates.ts';

const tags = ['notifications'];
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
export const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });
export const actorOf = (c: Context): Actor => ({
  username: c.get('principal').username,
  source: requestSource(c),
});

export const presentTemplate = (t: Template) => ({ ...t, updatedAt: new Date(t.updatedAt).toISOString() });
const presentVersion = ({ archived: _, ...t }: Template) => presentTemplate(t as Template);
const params = s.TemplateParams;
const path = '/api/notifications/templates/{templateKey}/{channel}';

/** Templates over HTTP: the catalogue for every user, changes for admin and marketing. */
export function templateRoutes(app: OpenAPIHono, templates: Templates) {
  app.openapi(
    createRoute({
      ...requires(),
      method: 'get',
      path: '/api/notifications/templates',
      tags,
      summary: 'Templates at their current version (archived ones with archived=true)',
      request: { query: s.TemplateListQuery },
      responses: {
        200: { description: 'Templates', content: json(z.object({ items: z.array(s.Template) })) },
        ...problemResponses(400, 401),
      },
    }),
    async (c) => {
      const { archived, ...filter } = c.req.valid('query');
      const items = await templates.list({ ...filter, archived: archived === 'true' });
      return c.json({ items: items.map(presentTemplate) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.templates'),
      method: 'post',
      path: '/api/notifications/templates',
      tags,
      summary: 'Create a template (version 1); handlebars in Bahasa Indonesia and English',
      request: body(s.NewTemplate),
      responses: {
        201: { description: 'Created', content: json(s.Template) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(presentTemplate(await templates.create(c.req.valid('json'), actorOf(c))), 201),
  );

  app.openapi(
    createRoute({
      ...requires(),
      method: 'get',
      path,
      tags,
      summary: 'A template at its current version',
      request: { params },
      responses: {
        200: { description: 'The template', content: json(s.Template) },
        ...problemResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { templateKey: key, channel } = c.req.valid('param');
      return c.json(presentTemplate(await templates.current(key, channel, { archived: true })), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.templates'),
      method: 'put',
      path,
      tags,
      summary: 'Save a new version (messages keep the version they used); brings back an archived template',
      request: { params, ...body(s.TemplateChanges) },
      responses: {
        200: { description: 'The new current version', content: json(s.Template) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { templateKey: key, channel } = c.req.valid('param');
      return c.json(
        presentTemplate(await templates.update(key, channel, c.req.valid('json'), actorOf(c))),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.templates'),
      method: 'delete',
      path,
      tags,
      summary: 'Archive a template: it sends nothing new; its versions stay',
      request: { params },
      responses: { 204: { description: 'Archived' }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { templateKey: key, channel } = c.req.valid('param');
      await templates.archive(key, channel, actorOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.read'),
      method: 'get',
      path: `${path}/versions`,
      tags,
      summary: 'Every saved version, newest first',
      request: { params },
      responses: {
        200: { description: 'Versions', content: json(z.object({ items: z.array(s.TemplateVersion) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { templateKey: key, channel } = c.req.valid('param');
      return c.json({ items: (await templates.versions(key, channel)).map(presentVersion) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('notifications.templates'),
      method: 'post',
      path: `${path}/preview`,
      tags,
      summary: 'Render a version of the template with its sample data, or with the data given',
      request: { params, ...body(s.PreviewBody) },
      responses: {
        200: { description: 'What the customer would receive', content: json(s.Rendered) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { templateKey: key, channel } = c.req.valid('param');
      return c.json(await templates.preview(key, channel, c.req.valid('json')), 200);
    },
  );
}
