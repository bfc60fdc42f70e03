import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { allows } from '../identity/roles.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import type { ListView } from './lists.ts';
import * as s from './schema.ts';
import type { TaskService, Worker } from './service.ts';

const tags = ['tasks'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });
const params = s.TaskKey;

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

const LISTS: { view: ListView; path: string; summary: string }[] = [
  { view: 'mine', path: '/api/tasks/mine', summary: 'My tasks: the open tasks assigned to me' },
  {
    view: 'groups',
    path: '/api/tasks/groups',
    summary:
      "My groups' tasks: open tasks whose candidate groups include one of my roles or my branch, or whose candidate users include me",
  },
  {
    view: 'unassigned',
    path: '/api/tasks/unassigned',
    summary: 'Unassigned tasks I may claim: for my groups, for me, or for anyone (no candidates)',
  },
];

/** The task list over HTTP (DESIGN seam 2); each route names its permission beside it. */
export function taskRoutes(app: OpenAPIHono, service: TaskService) {
  const present = (c: Context, task: Parameters<TaskService['present']>[0]) =>
    service.present(task, c.get('principal').roles);

  for (const list of LISTS)
    app.openapi(
      createRoute({
        ...requires('tasks.work'),
        method: 'get',
        path: list.path,
        tags,
        summary: list.summary,
        request: { query: s.ListQuery },
        responses: {
          200: { description: 'A page of tasks', content: json(s.TaskPage) },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const page = await service.list(list.view, c.req.valid('query'), workerOf(c));
        return c.json({ items: page.items.map((task) => present(c, task)), page: page.page }, 200);
      },
    );

  app.openapi(
    createRoute({
      ...requires('tasks.assign'),
      method: 'get',
      path: '/api/tasks',
      tags,
      summary: 'Every open task, whoever holds it (supervisors)',
      request: { query: s.AllTasksQuery },
      responses: {
        200: { description: 'A page of tasks', content: json(s.TaskPage) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const page = await service.list('all', c.req.valid('query'), workerOf(c));
      return c.json({ items: page.items.map((task) => present(c, task)), page: page.page }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('tasks.work'),
      method: 'get',
      path: '/api/tasks/{key}',
      tags,
      summary: 'One task, with its variables (personal fields masked for your roles)',
      request: { params },
      responses: {
        200: { description: 'The task', content: json(s.Task) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(present(c, await service.visible(c.req.valid('param').key, workerOf(c))), 200),
  );

  app.openapi(
    createRoute({
      ...requires('tasks.work'),
      method: 'get',
      path: '/api/tasks/{key}/form',
      tags,
      summary: "The task's form (form-js schema), to render it",
      request: { params },
      responses: {
        200: { description: 'The form', content: json(s.TaskForm) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await service.form(c.req.valid('param').key, workerOf(c)), 200),
  );

  const action = (
    path: string,
    summary: string,
    run: (key: string, worker: Worker) => ReturnType<TaskService['claim']>,
  ) =>
    app.openapi(
      createRoute({
        ...requires('tasks.work'),
        method: 'post',
        path,
        tags,
        summary,
        request: { params },
        responses: {
          200: { description: 'The task as it is now', content: json(s.Task) },
          ...problemResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => c.json(present(c, await run(c.req.valid('param').key, workerOf(c))), 200),
    );
  action('/api/tasks/{key}/claim', 'Claim a task: it becomes yours (409 when someone was first)', (key, w) =>
    service.claim(key, w),
  );
  action(
    '/api/tasks/{key}/unclaim',
    'Give a task back: unassigned again (yours, or any for a supervisor)',
    (key, w) => service.unclaim(key, w),
  );

  app.openapi(
    createRoute({
      ...requires('tasks.assign'),
      method: 'post',
      path: '/api/tasks/{key}/assign',
      tags,
      summary: 'Assign a task to someone else, or to nobody (supervisors)',
      request: { params, ...body(s.AssignBody) },
      responses: {
        200: { description: 'The task as it is now', content: json(s.Task) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const task = await service.assign(key, c.req.valid('json').assignee, workerOf(c));
      return c.json(present(c, task), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('tasks.work'),
      method: 'post',
      path: '/api/tasks/{key}/complete',
      tags,
      summary:
        "Complete your task with the form's variables: checked against its form (400 naming each field), then the process moves on",
      request: { params, ...body(s.CompleteBody) },
      responses: {
        200: { description: 'The completed task', content: json(s.Task) },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const task = await service.complete(key, c.req.valid('json').variables, workerOf(c));
      return c.json(present(c, task), 200);
    },
  );
}
