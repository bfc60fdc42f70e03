import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import type { DeployService } from './deploys.ts';
import { RepositoryError } from './errors.ts';
import type { RequestRecord } from './model.ts';
import { actorOf, body, iso, json, tags } from './routes-models.ts';
import * as s from './schema.ts';

/** A deploy request as the designer shows it; `deployment` once the engine took it. */
export function presentRequest(r: RequestRecord) {
  return {
    id: r.id,
    modelId: r.modelId,
    kind: r.kind,
    version: r.version,
    requestedBy: r.requestedBy,
    requestedAt: iso(r.requestedAt),
    comment: r.comment,
    state: r.state,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt === null ? null : iso(r.decidedAt),
    decisionComment: r.decisionComment,
    ...(r.state === 'deployed' && r.decidedBy !== null && r.decidedAt !== null
      ? {
          approvedBy: r.decidedBy,
          approvedAt: iso(r.decidedAt),
          deployment: { key: r.deploymentKey, resourceKey: r.resourceKey, version: r.deployedVersion },
        }
      : {}),
  };
}

/**
 * LINT_ERRORS answers carry every lint finding as `problems` (the shape of POST
 * /api/designer/lint) beside the usual field errors, so the designer links each to its element.
 */
const lintProblems: MiddlewareHandler = async (c, next) => {
  await next();
  const error = c.error;
  if (!(error instanceof RepositoryError) || !error.problems) return;
  const problem = (await c.res.clone().json()) as Record<string, unknown>;
  c.res = new Response(JSON.stringify({ ...problem, problems: error.problems }), {
    status: c.res.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
};

/** Four-eyes deploys over HTTP: ask, approve (deploys over gRPC) or reject. */
export function deployRoutes(app: OpenAPIHono, deploys: DeployService) {
  app.use('/api/designer/models/:id/versions/:version/deploy-requests', lintProblems);
  app.use('/api/designer/deploy-requests/:id/approve', lintProblems);

  app.openapi(
    createRoute({
      ...requires('processes.design'),
      method: 'post',
      path: '/api/designer/models/{id}/versions/{version}/deploy-requests',
      tags,
      summary: 'Ask for this version to be deployed; another process owner or an admin approves it',
      request: { params: s.VersionParams, ...body(s.NewDeployRequest) },
      responses: {
        201: { description: 'The pending request', content: json(s.DeployRequest) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const request = await deploys.request(id, version, c.req.valid('json').comment, actorOf(c));
      return c.json(presentRequest(request), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.read'),
      method: 'get',
      path: '/api/designer/deploy-requests',
      tags,
      summary: 'Deploy requests, newest first; only those in one state when asked',
      request: { query: s.RequestQuery },
      responses: {
        200: { description: 'Requests', content: json(z.object({ items: z.array(s.DeployRequest) })) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ items: (await deploys.list(c.req.valid('query').state)).map(presentRequest) }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('processes.approve'),
      method: 'post',
      path: '/api/designer/deploy-requests/{id}/approve',
      tags,
      summary: 'Approve and deploy (never the requester: 403 FOUR_EYES); lint errors still block it (422)',
      request: { params: s.RequestParams, ...body(s.Approval) },
      responses: {
        200: { description: 'Deployed', content: json(s.DeployRequest) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const decided = await deploys.approve(c.req.valid('param').id, c.req.valid('json').comment, actorOf(c));
      return c.json(presentRequest(decided), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('processes.approve'),
      method: 'post',
      path: '/api/designer/deploy-requests/{id}/reject',
      tags,
      summary: 'Reject a pending request, saying why (the requester may withdraw their own)',
      request: { params: s.RequestParams, ...body(s.Rejection) },
      responses: {
        200: { description: 'Rejected', content: json(s.DeployRequest) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const decided = await deploys.reject(c.req.valid('param').id, c.req.valid('json').comment, actorOf(c));
      return c.json(presentRequest(decided), 200);
    },
  );
}
