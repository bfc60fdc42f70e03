import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { type Applications, outboxRef } from './applications.ts';
import { presentApplication, presentChecklist, presentSummary } from './present.ts';
import * as s from './schema.ts';
import { type Staff, staffOf } from './scope.ts';

const tags = ['onboarding'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ body: { content: json(schema), required: true } });

/** Applications over HTTP; each route names its permission beside it. */
export function applicationRoutes(app: OpenAPIHono, applications: Applications) {
  const detail = async (id: string, staff: Staff) => {
    const { application } = await applications.load(id, staff);
    const [documents, hits, processInstanceKey] = await Promise.all([
      applications.checklist(id),
      applications.hits(id),
      applications.deps.engineOutbox.instanceOf(outboxRef(id)),
    ]);
    return presentApplication(
      application,
      { documents, hits, processInstanceKey: processInstanceKey ?? null },
      staff.roles,
    );
  };

  app.openapi(
    createRoute({
      ...requires('onboarding.read'),
      method: 'get',
      path: '/api/onboarding/applications',
      tags,
      summary: 'Onboarding applications in your scope, newest first',
      request: { query: s.ListQuery },
      responses: {
        200: {
          description: 'Applications',
          content: json(
            z.object({
              items: z.array(s.ApplicationSummary),
              page: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
            }),
          ),
        },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const staff = staffOf(c);
      const query = c.req.valid('query');
      const { items, total } = await applications.list(query, staff);
      return c.json(
        {
          items: items.map((a) => presentSummary(a, staff.roles)),
          page: { total, limit: query.limit, offset: query.offset },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.write'),
      method: 'post',
      path: '/api/onboarding/applications',
      tags,
      summary:
        'Submit an application for a new customer: the onboarding process starts (KYC, AML, risk, account)',
      request: body(s.NewApplicationBody),
      responses: {
        201: { description: 'Submitted', content: json(s.ApplicationDto) },
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const staff = staffOf(c);
      const application = await applications.submit(c.req.valid('json'), staff);
      return c.json(await detail(application.id, staff), 201);
    },
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.read'),
      method: 'get',
      path: '/api/onboarding/applications/{id}',
      tags,
      summary:
        'An application: applicant, checklist, KYC findings, screening (compliance), risk, review, account',
      request: { params: s.IdParam },
      responses: {
        200: { description: 'The application', content: json(s.ApplicationDto) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const staff = staffOf(c);
      const { id } = c.req.valid('param');
      const { key } = await applications.load(id, staff);
      const answer = await detail(id, staff);
      await applications.deps.sequelize.transaction((t) =>
        applications.record(staff, 'onboarding.view', id, { part: 'application' }, t, key),
      );
      return c.json(answer, 200);
    },
  );

  app.openapi(
    createRoute({
      ...requires('onboarding.write'),
      method: 'put',
      path: '/api/onboarding/applications/{id}/documents/{kind}',
      tags,
      summary: 'Mark a document of the checklist received and/or verified (who and when are recorded)',
      request: { params: s.DocumentParam, ...body(s.DocumentBody) },
      responses: {
        200: {
          description: 'The checklist as it is now',
          content: json(z.object({ documents: s.ApplicationDto.shape.documents })),
        },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const documents = await applications.updateDocument(id, kind, c.req.valid('json'), staffOf(c));
      return c.json({ documents: presentChecklist(documents) }, 200);
    },
  );
}
