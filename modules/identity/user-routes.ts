import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { requires } from './middleware.ts';
import {
  Directory,
  DirectoryQuery,
  NewPassword,
  NewUser,
  User,
  UserChanges,
  UsernameParam,
  UserPage,
  UserQuery,
} from './schema.ts';
import type { Actor, UserAdministration } from './users.ts';

/** The caller and their address, as the audit trail records them. */
export const actorOf = (c: Context): Actor => ({
  actor: c.get('principal').username,
  source: requestSource(c),
});

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Users and their roles: every route needs `users.manage`, except the staff directory. */
export function userRoutes(app: OpenAPIHono, users: UserAdministration): void {
  // Registered before /api/users/{username}, which would otherwise take "directory" as a name.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/directory',
      ...requires(),
      tags: ['identity'],
      summary: 'The staff directory: name, roles, branch and whether active; for any logged-in user',
      request: { query: DirectoryQuery },
      responses: {
        200: { description: 'Every user matching the filters', ...json(Directory) },
        ...problemResponses(400, 401),
      },
    }),
    async (c) => c.json(await users.directory(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'List users, filtered by role, branch or part of the name; never with password hashes',
      request: { query: UserQuery },
      responses: {
        200: { description: 'A page of users', ...json(UserPage) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await users.list(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'Create a user with roles, a branch and an initial password',
      request: { body: { required: true, ...json(NewUser) } },
      responses: {
        201: { description: 'Created', ...json(User) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await users.create(c.req.valid('json'), actorOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/{username}',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'One user',
      request: { params: UsernameParam },
      responses: {
        200: { description: 'The user', ...json(User) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await users.get(c.req.valid('param').username), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{username}',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'Change display name, roles or branch; disable (ends every session) or enable',
      request: { params: UsernameParam, body: { required: true, ...json(UserChanges) } },
      responses: {
        200: { description: 'The user after the change', ...json(User) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await users.update(c.req.valid('param').username, c.req.valid('json'), actorOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{username}/password',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: "Set a user's password; every session of the user ends",
      request: { params: UsernameParam, body: { required: true, ...json(NewPassword) } },
      responses: { 204: { description: 'Set' }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await users.setPassword(c.req.valid('param').username, c.req.valid('json').password, actorOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{username}/unlock',
      ...requires('users.manage'),
      tags: ['identity'],
      summary: 'End a lockout after failed logins',
      request: { params: UsernameParam },
      responses: {
        200: { description: 'The user', ...json(User) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await users.unlock(c.req.valid('param').username, actorOf(c)), 200),
  );
}
