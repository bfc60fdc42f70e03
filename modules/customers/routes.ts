import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requires } from '../identity/middleware.ts';
import { customerScopeOf } from '../identity/scope.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { consentHistory, currentConsents, recordConsent } from './consents.ts';
import {
  clearKinds,
  presentConsent,
  presentConsentRecord,
  presentCustomer,
  presentInteraction,
  presentProduct,
} from './present.ts';
import { applyRetention, eraseCustomer, exportCustomer, unmask } from './privacy.ts';
import { addProduct, listProducts } from './products.ts';
import * as s from './schema.ts';
import type { Viewer } from './scope.ts';
import { searchCustomers } from './search.ts';
import type { CustomerService } from './service.ts';
import { addInteraction, parseCursor, timelinePage } from './timeline.ts';

const tags = ['customers'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });
const params = s.CustomerId;

function viewerOf(c: Context): Viewer {
  const principal = c.get('principal');
  return {
    username: principal.username,
    roles: principal.roles,
    scope: customerScopeOf(principal),
    source: requestSource(c),
  };
}

/** Customer 360 over HTTP; each route names its permission beside it. */
export function customerRoutes(app: OpenAPIHono, service: CustomerService) {
  const audit = service.deps.audit;
  const viewed = (c: Context, customerId: string, part: string, key?: Buffer | null) => {
    const viewer = viewerOf(c);
    return audit.record(
      {
        actor: viewer.username,
        source: viewer.source,
        action: 'customer.view',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        details: { part, clear: clearKinds(viewer.roles) },
      },
      undefined,
      key ?? undefined,
    );
  };

  app.openapi(
    createRoute({
      ...requires('customers.read'),
      method: 'get',
      path: '/api/customers',
      tags,
      summary: 'Search customers in your scope by name, NIK, phone, account number, e-mail or CIF',
      request: { query: s.SearchQuery },
      responses: {
        200: { description: 'Matches', content: json(z.object({ items: z.array(s.CustomerSummary) })) },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const viewer = viewerOf(c);
      const { by, rows } = await searchCustomers(service, q, viewer, limit);
      const keys = await service.deps.subjectKeys.load(rows.map((r) => r.id));
      const items = rows.map((row) => {
        const { id, cif, fullName, nik, phone, segment, branchCode, rmUsername } = presentCustomer(
          service.cipher.customer(row, keys.get(row.id)),
          viewer.roles,
        );
        return { id, cif, fullName, nik, phone, segment, branchCode, rmUsername };
      });
      // The query itself may be a NIK or a phone number: the trail keeps how it searched, not what.
      await audit.record({
        actor: viewer.username,
        source: viewer.source,
        action: 'customer.search',
        entityType: 'customer',
        entityId: '*',
        details: { by, results: items.map((i) => i.id) },
      });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.write'),
      method: 'post',
      path: '/api/customers',
      tags,
      summary: 'Register a customer',
      request: body(s.NewCustomerBody),
      responses: {
        201: { description: 'Registered', content: json(s.Customer) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const viewer = viewerOf(c);
      const customer = await service.create(c.req.valid('json'), viewer);
      return c.json(presentCustomer(customer, viewer.roles), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.read'),
      method: 'get',
      path: '/api/customers/{id}',
      tags,
      summary: 'Customer 360: profile, branch and RM, products, consents, the latest interactions',
      request: { params },
      responses: {
        200: { description: 'The customer', content: json(s.Customer360) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const viewer = viewerOf(c);
      const { customer, key, branch, relationshipManager } = await service.view(id, viewer);
      // Independent reads, and the record of the view, at once (several pool connections).
      const [products, consents, timeline] = await Promise.all([
        listProducts(service, id, undefined, key),
        currentConsents(service, id),
        timelinePage(service, id, undefined, 10),
        viewed(c, id, '360', key),
      ]);
      return c.json(
        {
          customer: presentCustomer(customer, viewer.roles),
          branch,
          relationshipManager,
          products: products.map((p) => presentProduct(p, viewer.roles)),
          consents: consents.map(presentConsent),
          timeline: { items: timeline.items.map(presentInteraction), nextBefore: timeline.nextBefore },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.write'),
      method: 'patch',
      path: '/api/customers/{id}',
      tags,
      summary: 'Change a customer (each change is audited with its old and new value)',
      request: { params, ...body(s.CustomerChangesBody) },
      responses: {
        200: { description: 'The customer as it is now', content: json(s.Customer) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const viewer = viewerOf(c);
      const customer = await service.update(c.req.valid('param').id, c.req.valid('json'), viewer);
      return c.json(presentCustomer(customer, viewer.roles), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.assign'),
      method: 'put',
      path: '/api/customers/{id}/assignment',
      tags,
      summary: "Move a customer to a branch and relationship manager's portfolio",
      request: { params, ...body(s.AssignmentBody) },
      responses: {
        200: { description: 'Assigned', content: json(s.AssignmentBody) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => c.json(await service.assign(c.req.valid('param').id, c.req.valid('json'), viewerOf(c)), 200),
  );

  app.openapi(
    createRoute({
      ...requires('customers.read'),
      method: 'get',
      path: '/api/customers/{id}/timeline',
      tags,
      summary: 'The interaction timeline across channels, newest first, a page at a time',
      request: { params, query: s.TimelineQuery },
      responses: {
        200: { description: 'A page', content: json(s.TimelinePage) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { before, limit } = c.req.valid('query');
      const { key } = await service.view(id, viewerOf(c));
      const [page] = await Promise.all([
        timelinePage(service, id, parseCursor(before), limit),
        viewed(c, id, 'timeline', key),
      ]);
      return c.json({ items: page.items.map(presentInteraction), nextBefore: page.nextBefore }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.write'),
      method: 'post',
      path: '/api/customers/{id}/interactions',
      tags,
      summary: 'Record an interaction (visit, call, message…) on the timeline',
      request: { params, ...body(s.InteractionBody) },
      responses: {
        201: { description: 'Recorded', content: json(s.Interaction) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const interaction = await addInteraction(
        service,
        c.req.valid('param').id,
        { ...input, at: input.at === undefined ? undefined : Date.parse(input.at) },
        viewerOf(c),
      );
      return c.json(presentInteraction(interaction), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.read'),
      method: 'get',
      path: '/api/customers/{id}/consents',
      tags,
      summary: 'Consents in force per channel and purpose, and their full history',
      request: { params },
      responses: {
        200: {
          description: 'Consents',
          content: json(z.object({ current: z.array(s.ConsentState), history: z.array(s.ConsentRecord) })),
        },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { key } = await service.view(id, viewerOf(c));
      const current = (await currentConsents(service, id)).map(presentConsent);
      const history = (await consentHistory(service, id)).map(presentConsentRecord);
      await viewed(c, id, 'consents', key);
      return c.json({ current, history }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.write'),
      method: 'post',
      path: '/api/customers/{id}/consents',
      tags,
      summary: 'Record a consent given or withdrawn; a withdrawal holds at once',
      request: { params, ...body(s.ConsentBody) },
      responses: {
        200: { description: 'Consents in force now', content: json(z.array(s.ConsentState)) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const states = await recordConsent(service, c.req.valid('param').id, c.req.valid('json'), viewerOf(c));
      return c.json(states.map(presentConsent), 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.write'),
      method: 'post',
      path: '/api/customers/{id}/products',
      tags,
      summary: 'Record a product the core-banking system opened for the customer',
      request: { params, ...body(s.NewProductBody) },
      responses: {
        201: { description: 'Recorded', content: json(s.Product) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const viewer = viewerOf(c);
      const input = c.req.valid('json');
      const product = await addProduct(
        service,
        c.req.valid('param').id,
        { ...input, openedAt: input.openedAt === undefined ? undefined : Date.parse(input.openedAt) },
        viewer,
      );
      return c.json(presentProduct(product, viewer.roles), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.unmask'),
      method: 'post',
      path: '/api/customers/{id}/unmask',
      tags,
      summary: 'Reveal one masked field, stating why; the reason goes to the audit trail',
      request: { params, ...body(s.UnmaskBody) },
      responses: {
        200: {
          description: 'The value in clear',
          content: json(z.object({ field: z.string(), value: z.string() })),
        },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) =>
      c.json(await unmask(service, c.req.valid('param').id, c.req.valid('json'), viewerOf(c)), 200),
  );

  app.openapi(
    createRoute({
      ...requires('customers.privacy'),
      method: 'get',
      path: '/api/customers/{id}/export',
      tags,
      summary: 'Data-subject access request (UU PDP): everything held, and who processed it',
      request: { params },
      responses: {
        200: { description: 'The export', content: json(z.record(z.string(), z.unknown())) },
        ...problemResponses(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const exported = await exportCustomer(service, c.req.valid('param').id, viewerOf(c));
      c.header('Content-Disposition', `attachment; filename="customer-${exported.customer.cif}.json"`);
      return c.json(
        {
          ...exported,
          customer: presentCustomer(exported.customer, ['compliance']),
          products: exported.products.map((p) => presentProduct(p, ['compliance'])),
          consents: exported.consents.map(presentConsentRecord),
          interactions: exported.interactions.map(presentInteraction),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.privacy'),
      method: 'delete',
      path: '/api/customers/{id}',
      tags,
      summary: "Erase a customer (UU PDP): destroys the customer's key; the audit chain stays valid",
      request: { params, ...body(s.ErasureBody) },
      responses: {
        204: { description: 'Erased' },
        ...problemResponses(400, 401, 403, 404, 409, 410),
      },
    }),
    async (c) => {
      await eraseCustomer(service, c.req.valid('param').id, c.req.valid('json').reason, viewerOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...requires('customers.privacy'),
      method: 'post',
      path: '/api/customers/retention',
      tags,
      summary: 'Erase every customer whose relationship ended more than the retention period ago',
      responses: {
        200: { description: 'Who was erased', content: json(z.object({ erased: z.array(z.string()) })) },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json(await applyRetention(service, viewerOf(c)), 200),
  );
}
