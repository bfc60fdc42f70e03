import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sequelize } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { maskPersonalFields } from './personal-data.ts';
import type { AuditTrail } from './trail.ts';

const Entry = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    actor: z.string(),
    source: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    subjectId: z.string().nullable().describe('The customer the entry concerns'),
    details: z.record(z.string(), z.unknown()).nullable(),
    erased: z.boolean().describe("The customer was erased: the entry's details can no longer be read"),
  })
  .openapi('AuditEntry');

const Page = z
  .object({
    items: z.array(Entry),
    nextBefore: z.number().int().nullable().describe('Pass as `before` for the next (older) page'),
  })
  .openapi('AuditPage');

const instant = z.iso.datetime({ offset: true });
const Query = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  subjectId: z.string().max(64).optional(),
  from: instant.optional().openapi({ example: '2026-11-01T00:00:00+07:00' }),
  to: instant.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Verification = z
  .object({
    valid: z.boolean(),
    checked: z.number().int().describe('Entries whose links were recomputed'),
    head: z.object({ seq: z.number().int(), hash: z.string() }),
    broken: z
      .object({
        seq: z.number().int(),
        problem: z.enum(['altered', 'removed', 'tail-removed']),
        detail: z.string(),
      })
      .optional(),
  })
  .openapi('AuditVerification');

const searchRoute = createRoute({
  ...requires('audit.read'),
  method: 'get',
  path: '/api/audit/entries',
  tags: ['audit'],
  summary: 'Search the audit trail, newest first; personal values masked per role',
  request: { query: Query },
  responses: {
    200: { description: 'A page of entries', content: { 'application/json': { schema: Page } } },
    ...problemResponses(400, 401, 403),
  },
});

const verifyRoute = createRoute({
  ...requires('audit.read'),
  method: 'get',
  path: '/api/audit/verify',
  tags: ['audit'],
  summary: 'Recompute the whole hash chain: detects an altered, removed or reordered entry',
  responses: {
    200: { description: 'The verdict', content: { 'application/json': { schema: Verification } } },
    ...problemResponses(401, 403),
  },
});

export function auditRoutes(
  app: OpenAPIHono,
  deps: { sequelize: Sequelize; clock: Clock; audit: AuditTrail },
) {
  const { audit } = deps;

  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid('query');
    const principal = c.get('principal');
    const items = await audit.search({
      ...q,
      from: q.from === undefined ? undefined : Date.parse(q.from),
      to: q.to === undefined ? undefined : Date.parse(q.to),
    });
    // Reading the trail is itself recorded: it can reveal what was done to whom.
    await audit.record({
      actor: principal.username,
      source: requestSource(c),
      action: 'audit.search',
      entityType: 'audit',
      entityId: 'entries',
      details: { filter: c.req.query() },
    });
    return c.json(
      {
        items: items.map((entry) => ({
          ...entry,
          at: new Date(entry.at).toISOString(),
          details: entry.details && maskPersonalFields(entry.details, principal.roles),
        })),
        nextBefore: items.length === q.limit ? (items.at(-1)?.seq ?? null) : null,
      },
      200,
    );
  });

  app.openapi(verifyRoute, async (c) => c.json(await audit.verify(), 200));
}
