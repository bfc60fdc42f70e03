import { z } from '@hono/zod-openapi';

/** The problem+json body every error answer has (RFC 9457), for the OpenAPI description. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable, machine-readable: VALIDATION_FAILED, FORBIDDEN, CUSTOMER_NOT_FOUND…'),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per invalid field: body.phone, query.limit, path.id'),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: one error per field',
  401: 'Not logged in, or the token is expired or revoked',
  403: 'None of your roles grants this, or the record is outside your scope',
  404: 'Not found',
  409: 'Conflicts with the current state',
  410: 'Gone: erased',
  422: 'Understood but refused by a rule',
};

/** OpenAPI responses for these error statuses, all problem+json. */
export function problemResponses<const S extends readonly (keyof typeof DESCRIPTIONS)[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as {
    [K in S[number]]: {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemSchema } };
    };
  };
}
