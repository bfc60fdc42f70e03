import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Transaction } from 'sequelize';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import type { Queue, SlaPolicy } from './configuration.ts';
import { CasesError } from './errors.ts';
import { actorOf, body, json, tags } from './routes.ts';
import * as s from './schema.ts';
import type { CaseActor } from './scope.ts';
import type { CaseService } from './service.ts';

/** Users that exist (queue members and supervisors must). */
async function checkUsers(service: CaseService, names: string[], field: string): Promise<void> {
  if (names.length === 0) return;
  const rows = await service.sql.rows<{ username: string }>(
    'SELECT username FROM identity_users WHERE username IN (:names)',
    { names },
  );
  const missing = names.filter((n) => !rows.some((r) => r.username === n));
  if (missing.length > 0)
    throw new CasesError('INVALID_REFERENCE', `No such user: ${missing.join(', ')}`, [
      { field, message: `no user ${missing.join(', ')}` },
    ]);
}

function audited(
  service: CaseService,
  actor: CaseActor,
  action: string,
  entityType: string,
  entityId: string,
  details: unknown,
) {
  return (transaction: Transaction) =>
    service.deps.audit.record(
      {
        actor: actor.username,
        source: actor.source,
        action,
        entityType,
        entityId,
        details: details as Record<string, unknown>,
      },
      transaction,
    );
}

/** Queues, their members and SLA policies: readable by everyone logged in, changed by admins. */
export function configurationRoutes(app: OpenAPIHono, service: CaseService) {
  const config = service.configuration;
  const { sequelize, clock } = service.deps;

  app.openapi(
    createRoute({
      ...requires(),
      method: 'get',
      path: '/api/cases/queues',
      tags,
      summary: 'Queues: candidate group, assignment strategy, supervisor, members',
      responses: {
        200: { description: 'Queues', content: json(z.object({ items: z.array(s.QueueDto) })) },
        ...problemResponses(401),
      },
    }),
    async (c) => c.json({ items: await config.queues() }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('cases.configure'),
      method: 'post',
      path: '/api/cases/queues',
      tags,
      summary: 'Create a queue',
      request: body(s.NewQueue),
      responses: {
        201: { description: 'The queue', content: json(s.QueueDto) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const actor = actorOf(c);
      await checkUsers(service, input.members ?? [], 'body.members');
      await checkUsers(service, input.supervisor ? [input.supervisor] : [], 'body.supervisor');
      const queue = toQueue(input.code, input);
      await sequelize.transaction(async (transaction) => {
        if (await config.queue(input.code, transaction))
          throw new CasesError('QUEUE_EXISTS', `There is already a queue ${input.code}: change it instead`);
        await config.saveQueue(queue, actor.username, clock.now(), 'insert', transaction);
        await config.setMembers(input.code, input.members ?? [], transaction);
        await audited(service, actor, 'case-queue.create', 'case-queue', input.code, {
          ...queue,
          members: input.members ?? [],
        })(transaction);
      });
      return c.json((await config.queue(input.code)) as Queue, 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('cases.configure'),
      method: 'put',
      path: '/api/cases/queues/{code}',
      tags,
      summary: "Change a queue's names, candidate group, strategy, branch, supervisor or activity",
      request: { params: s.QueueCode, ...body(s.QueueFields) },
      responses: {
        200: { description: 'The queue', content: json(s.QueueDto) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const input = c.req.valid('json');
      const actor = actorOf(c);
      await checkUsers(service, input.supervisor ? [input.supervisor] : [], 'body.supervisor');
      await sequelize.transaction(async (transaction) => {
        const before = await config.queue(code, transaction);
        if (!before) throw new CasesError('QUEUE_NOT_FOUND', `There is no queue ${code}`);
        const after = toQueue(code, input);
        await config.saveQueue(after, actor.username, clock.now(), 'update', transaction);
        await audited(service, actor, 'case-queue.update', 'case-queue', code, { from: before, to: after })(
          transaction,
        );
      });
      return c.json((await config.queue(code)) as Queue, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('cases.configure'),
      method: 'put',
      path: '/api/cases/queues/{code}/members',
      tags,
      summary: "Replace a queue's members (usernames)",
      request: { params: s.QueueCode, ...body(s.MembersBody) },
      responses: {
        200: { description: 'The queue', content: json(s.QueueDto) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { members } = c.req.valid('json');
      const actor = actorOf(c);
      await checkUsers(service, members, 'body.members');
      await sequelize.transaction(async (transaction) => {
        const before = await config.queue(code, transaction);
        if (!before) throw new CasesError('QUEUE_NOT_FOUND', `There is no queue ${code}`);
        await config.setMembers(code, members, transaction);
        await audited(service, actor, 'case-queue.members', 'case-queue', code, {
          from: before.members,
          to: members,
        })(transaction);
      });
      return c.json((await config.queue(code)) as Queue, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires(),
      method: 'get',
      path: '/api/cases/sla-policies',
      tags,
      summary: 'SLA policies: an amount in hours, working hours or working days',
      responses: {
        200: { description: 'Policies', content: json(z.object({ items: z.array(s.PolicyDto) })) },
        ...problemResponses(401),
      },
    }),
    async (c) => c.json({ items: await config.policies() }, 200),
  );

  app.openapi(
    createRoute({
      ...requires('cases.configure'),
      method: 'post',
      path: '/api/cases/sla-policies',
      tags,
      summary: 'Create an SLA policy',
      request: body(s.NewPolicy),
      responses: {
        201: { description: 'The policy', content: json(s.PolicyDto) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const policy: SlaPolicy = c.req.valid('json');
      const actor = actorOf(c);
      await sequelize.transaction(async (transaction) => {
        if (await config.policy(policy.code, transaction))
          throw new CasesError(
            'POLICY_EXISTS',
            `There is already an SLA policy ${policy.code}: change it instead`,
          );
        await config.savePolicy(policy, actor.username, clock.now(), 'insert', transaction);
        await audited(service, actor, 'sla-policy.create', 'sla-policy', policy.code, policy)(transaction);
      });
      return c.json(policy, 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('cases.configure'),
      method: 'put',
      path: '/api/cases/sla-policies/{code}',
      tags,
      summary: 'Change an SLA policy (cases already routed keep their due date)',
      request: { params: s.PolicyCode, ...body(s.PolicyFields) },
      responses: {
        200: { description: 'The policy', content: json(s.PolicyDto) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const policy: SlaPolicy = { code, ...c.req.valid('json') };
      const actor = actorOf(c);
      await sequelize.transaction(async (transaction) => {
        const before = await config.policy(code, transaction);
        if (!before) throw new CasesError('POLICY_NOT_FOUND', `There is no SLA policy ${code}`);
        await config.savePolicy(policy, actor.username, clock.now(), 'update', transaction);
        await audited(service, actor, 'sla-policy.update', 'sla-policy', code, { from: before, to: policy })(
          transaction,
        );
      });
      return c.json(policy, 200);
    },
  );
}

function toQueue(code: string, input: z.infer<typeof s.QueueFields>): Omit<Queue, 'members'> {
  return {
    code,
    name: input.name,
    nameEn: input.nameEn,
    candidateGroup: input.candidateGroup,
    strategy: input.strategy,
    branchCode: input.branchCode ?? null,
    supervisor: input.supervisor ?? null,
    active: input.active ?? true,
  };
}
