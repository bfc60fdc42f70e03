import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requires } from '../identity/middleware.ts';
import { ProblemSchema, problemResponses } from '../server/problem-schema.ts';
import type { Operations } from './operations.ts';
import type { ReadApi } from './read-api.ts';
import { actorOf, body, json } from './routes-models.ts';
import * as s from './schema.ts';
import { definitionStatistics } from './statistics.ts';

const tags = ['operations'];
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
/** What reads need that Zeebe mode may lack, and what the engine may fail to answer. */
const engineProblems = {
  501: problem('Zeebe mode without ZEEBE_REST_ADDRESS: the platform cannot read this'),
  503: problem('The process engine did not answer'),
};

/** Operations on running processes (seam 3): changes over gRPC, what they need from /v2. */
export function operationRoutes(app: OpenAPIHono, operations: Operations, readApi: ReadApi) {
  app.openapi(
    createRoute({
      ...requires('processes.operate'),
      method: 'post',
      path: '/api/operations/processes/{bpmnProcessId}/instances',
      tags,
      summary: 'Start an instance of the latest deployed version',
      request: { params: s.ProcessParams, ...body(s.StartBody) },
      responses: {
        201: { description: 'Started', content: json(z.object({ processInstanceKey: z.string() })) },
        ...problemResponses(400, 401, 403, 404),
        503: engineProblems[503],
      },
    }),
    async (c) => {
      const { bpmnProcessId } = c.req.valid('param');
      const key = await operations.start(bpmnProcessId, c.req.valid('json').variables ?? {}, actorOf(c));
      return c.json({ processInstanceKey: key }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.operate'),
      method: 'post',
      path: '/api/operations/incidents/{incidentKey}/retry',
      tags,
      summary: 'Give the incident’s job retries again (1 by default), then resolve the incident',
      request: {
        params: s.IncidentParams,
        body: { content: json(s.RetryBody), required: false },
      },
      responses: {
        204: { description: 'Resolved' },
        ...problemResponses(400, 401, 403, 404, 409),
        ...engineProblems,
      },
    }),
    async (c) => {
      const { retries = 1 } = c.req.valid('json') ?? {};
      await operations.retry(c.req.valid('param').incidentKey, retries, actorOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.operate'),
      method: 'post',
      path: '/api/operations/process-instances/{key}/cancel',
      tags,
      summary: 'Cancel an active process instance',
      request: { params: s.InstanceParams },
      responses: {
        204: { description: 'Cancelled' },
        ...problemResponses(400, 401, 403, 404),
        503: engineProblems[503],
      },
    }),
    async (c) => {
      await operations.cancel(c.req.valid('param').key, actorOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/operations/process-definitions/{key}/statistics',
      tags,
      summary: 'The heatmap: per element, active/completed/terminated instances, incidents, average duration',
      request: { params: s.InstanceParams },
      responses: {
        200: { description: 'Per element', content: json(z.object({ items: z.array(s.ElementStatistics) })) },
        ...problemResponses(400, 401, 403, 404),
        ...engineProblems,
      },
    }),
    async (c) => c.json({ items: await definitionStatistics(readApi, c.req.valid('param').key) }, 200),
  );
}
