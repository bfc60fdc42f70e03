import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import * as s from './schema.ts';
import type { Actor, Segments } from './segments.ts';

const tags = ['campaigns'];
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
export const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });
export const actorOf = (c: Context): Actor => ({
  username: c.get('principal').username,
  source: requestSource(c),
});

/** Segments over HTTP: registered before /api/campaigns/{id}, whose path would take them. */
export function segmentRoutes(app: OpenAPIHono, segments: Segments) {
  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'get',
      path: '/api/campaigns/segments',
      tags,
      summary: 'Saved segments, by name',
      responses: {
        200: { description: 'Segments', content: json(z.object({ items: z.array(s.Segment) })) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await segments.list() }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.write'),
      method: 'post',
      path: '/api/campaigns/segments',
      tags,
      summary: 'Save a segment: rules on profile (segment, branch, city, age, income), products and consent',
      request: body(s.SegmentBody),
      responses: {
        201: { description: 'Saved', content: json(s.Segment) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await segments.create(c.req.valid('json'), actorOf(c)), 201),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'post',
      path: '/api/campaigns/segments/preview',
      tags,
      summary: 'The live count of rules (and, with a channel, how many may receive an offer on it)',
      request: body(s.PreviewBody),
      responses: {
        200: { description: 'Counts', content: json(s.Preview) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { rules, channel } = c.req.valid('json');
      return c.json(await segments.preview(rules, channel), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.read'),
      method: 'get',
      path: '/api/campaigns/segments/{id}',
      tags,
      summary: 'One segment',
      request: { params: s.Id },
      responses: {
        200: { description: 'The segment', content: json(s.Segment) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await segments.get(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...requires('campaigns.write'),
      method: 'put',
      path: '/api/campaigns/segments/{id}',
      tags,
      summary: 'Change a segment (campaigns already submitted keep the rules they were submitted with)',
      request: { params: s.Id, ...body(s.SegmentBody) },
      responses: {
        200: { description: 'Saved', content: json(s.Segment) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await segments.update(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  );
}
