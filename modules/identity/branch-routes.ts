import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { problemResponses } from '../server/problem-schema.ts';
import type { BranchAdministration } from './branches.ts';
import { requires } from './middleware.ts';
import { Branch, BranchChanges, BranchCodeParam, BranchList, NewBranch } from './schema.ts';
import { actorOf } from './user-routes.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The bank's offices: every route needs `users.manage`. */
export function branchRoutes(app: OpenAPIHono, branches: BranchAdministration): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/branches',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'Every branch, active or not',
      responses: { 200: { description: 'The branches', ...json(BranchList) }, ...problemResponses(401, 403) },
    }),
    async (c) => c.json({ items: await branches.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/branches',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'Add a branch, contact centre or head office',
      request: { body: { required: true, ...json(NewBranch) } },
      responses: {
        201: { description: 'Created', ...json(Branch) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await branches.create(c.req.valid('json'), actorOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/branches/{code}',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: "Rename, change the kind (and so its staff's customer scope), deactivate or reactivate",
      request: { params: BranchCodeParam, body: { required: true, ...json(BranchChanges) } },
      responses: {
        200: { description: 'The branch after the change', ...json(Branch) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(await branches.update(c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 200),
  );
}
