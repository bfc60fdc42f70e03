import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { checkResource, lintBpmn } from '../../engine/index.ts';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import type { VersionRecord } from './model.ts';
import * as s from './schema.ts';
import type { Actor, ModelService, ModelSummary } from './service.ts';

export const tags = ['designer'];
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
export const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });
export const iso = (at: number) => new Date(at).toISOString();

export const actorOf = (c: Context): Actor => {
  const { username, roles } = c.get('principal');
  return { username, roles, source: requestSource(c) };
};

const presentModel = <T extends ModelSummary>(m: T): Omit<T, 'updatedAt'> & { updatedAt: string } => ({
  ...m,
  updatedAt: iso(m.updatedAt),
});
const presentVersion = (v: VersionRecord) => ({ ...v, createdAt: iso(v.createdAt) });

/** The repository over HTTP: models and their versions, lint, element templates. */
export function modelRoutes(app: OpenAPIHono, models: ModelService, templates: () => Promise<unknown[]>) {
  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/designer/models',
      tags,
      summary: 'Every model with its latest and deployed version and its running instances per version',
      responses: {
        200: { description: 'Models', content: json(z.object({ items: z.array(s.ModelListItem) })) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: (await models.list()).map(presentModel) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('processes.design'),
      method: 'post',
      path: '/api/designer/models',
      tags,
      summary: 'Create a model (version 1); its name is its id. Content that would not deploy is refused',
      request: body(s.NewModel),
      responses: {
        201: { description: 'Created', content: json(s.Model) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(presentModel(await models.create(c.req.valid('json'), actorOf(c))), 201),
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/designer/models/{id}',
      tags,
      summary: 'A model with every version, newest first',
      request: { params: s.ModelParams },
      responses: {
        200: { description: 'The model', content: json(s.ModelDetail) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const model = await models.get(c.req.valid('param').id);
      return c.json(
        {
          ...presentModel(model),
          versions: model.versions.map((v) => ({ ...v, createdAt: iso(v.createdAt) })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/designer/models/{id}/versions/{version}',
      tags,
      summary: 'One version with its content',
      request: { params: s.VersionParams },
      responses: {
        200: { description: 'The version', content: json(s.Version) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(presentVersion(await models.version(id, version)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.design'),
      method: 'post',
      path: '/api/designer/models/{id}/versions',
      tags,
      summary: 'Save a new version (409 UNCHANGED when the content is the latest version’s)',
      request: { params: s.ModelParams, ...body(s.NewVersion) },
      responses: {
        201: { description: 'The new version', content: json(s.Version) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const saved = await models.saveVersion(c.req.valid('param').id, c.req.valid('json'), actorOf(c));
      return c.json(presentVersion(saved), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'post',
      path: '/api/designer/lint',
      tags,
      summary:
        'Lint a BPMN: bpmnlint’s recommended rules and Camunda 8.8 compatibility; errors block a deploy',
      request: body(s.LintBody),
      responses: {
        200: { description: 'The problems', content: json(z.object({ problems: z.array(s.LintProblem) })) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      // Lint plus the engine's own deploy check, so the panel shows what saving would refuse.
      const { content } = c.req.valid('json');
      const [lint, checked] = await Promise.all([lintBpmn(content), checkResource('model.bpmn', content)]);
      const engine = checked.problems.map((problem) => ({
        ...(problem.elementId ? { id: problem.elementId } : {}),
        rule: 'engine-deploy',
        message: problem.message,
        category: 'error' as const,
      }));
      return c.json({ problems: [...engine, ...lint] }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/designer/element-templates',
      tags,
      summary: 'Every element template of processes/element-templates (Camunda 8 element template schema)',
      responses: {
        200: { description: 'The templates', content: json(z.array(z.record(z.string(), z.unknown()))) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json((await templates()) as Record<string, unknown>[], 200),
  );
}
