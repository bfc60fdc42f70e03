import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { problemResponses } from '../server/problem-schema.ts';
import { CasesError } from './errors.ts';
import { json, tags } from './routes.ts';
import * as s from './schema.ts';
import { SYSTEM_ACTOR } from './scope.ts';
import type { CaseService } from './service.ts';
import { recordScore } from './updates.ts';

/**
 * The satisfaction survey the resolution message links to: no login, the signed token is the
 * proof (as notifications' tracking links). The customer's choice of score is the link's
 * `score`; the first answer counts.
 */
export function surveyRoutes(app: OpenAPIHono, service: CaseService) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/survey/{token}',
      tags,
      summary: "The customer's satisfaction score (1–5) from the link in the resolution message",
      request: { params: s.SurveyToken, query: s.SurveyQuery },
      responses: {
        200: {
          description: 'Recorded',
          content: json(z.object({ caseNumber: z.string(), score: z.number().int(), message: z.string() })),
        },
        ...problemResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const { score } = c.req.valid('query');
      const caseId = service.deps.surveys.caseOf(token);
      if (!caseId) throw new CasesError('SURVEY_NOT_FOUND', 'No such survey');
      const rated = await recordScore(
        service,
        caseId,
        score,
        { ...SYSTEM_ACTOR, username: 'customer' },
        'survey-link',
      );
      return c.json({ caseNumber: rated.number, score, message: 'Terima kasih atas penilaian Anda.' }, 200);
    },
  );
}
