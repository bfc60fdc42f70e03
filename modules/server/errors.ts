import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import type { z } from 'zod';

export interface FieldError {
  /** Where the bad value is: `body.username`, `query.page`, `path.id`. */
  field: string;
  message: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 501 | 503;

/**
 * The base of every module's error class. A module declares its codes and their HTTP
 * statuses in one record, so the compiler checks that every code has a status:
 *
 *   const statuses = { CASE_NOT_FOUND: 404, CASE_CLOSED: 409 } as const;
 *   export class CasesError extends ModuleError<keyof typeof statuses> {
 *     readonly statuses = statuses;
 *   }
 */
export abstract class ModuleError<Code extends string> extends Error {
  abstract readonly statuses: Record<Code, ErrorStatus>;

  constructor(
    readonly code: Code,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): ErrorStatus {
    return this.statuses[this.code];
  }
}

const serverStatuses = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
} as const;

export class ServerError extends ModuleError<keyof typeof serverStatuses> {
  readonly statuses = serverStatuses;
}

/** One field error per zod issue, with the field named by where it came from. */
export function validationError(
  issues: z.core.$ZodIssue[],
  target: 'json' | 'query' | 'param' | 'header' | 'form' | 'cookie',
): ServerError {
  const where = {
    json: 'body',
    form: 'body',
    query: 'query',
    param: 'path',
    header: 'header',
    cookie: 'cookie',
  }[target];
  const errors = issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new ServerError('VALIDATION_FAILED', `The request is not valid: ${summary}`, errors);
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

/** Renders an RFC 9457 problem document. */
export function problem(c: Context, body: Omit<Problem, 'instance' | 'requestId' | 'title' | 'type'>) {
  const full: Problem = {
    type: `urn:problem-type:${body.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[body.status] ?? 'Error',
    ...body,
    instance: c.req.path,
    requestId: c.get('requestId'),
  };
  return c.body(JSON.stringify(full), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}

/** The one error handler: every failure leaves the server as problem+json. */
export function errorHandler(logger: Logger) {
  return function onError(error: Error, c: Context) {
    if (error instanceof ModuleError) {
      return problem(c, {
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
      return problem(c, {
        status: error.status,
        code,
        detail: error.message || TITLES[error.status] || 'Bad request',
      });
    }
    logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'request failed');
    return problem(c, {
      status: 500,
      code: 'INTERNAL',
      detail: 'The server could not complete the request; the request id identifies it in the logs',
    });
  };
}
