/**
 * Errors of the /v2 read API, rendered as RFC 9457 problems with the titles Camunda's
 * Orchestration Cluster REST API uses (INVALID_ARGUMENT, NOT_FOUND).
 */
export class ReadApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 405,
    readonly title: string,
    detail: string,
    readonly allow?: string,
  ) {
    super(detail);
    this.name = 'ReadApiError';
  }

  static invalid(detail: string): ReadApiError {
    return new ReadApiError(400, 'INVALID_ARGUMENT', detail);
  }

  static notFound(detail: string): ReadApiError {
    return new ReadApiError(404, 'NOT_FOUND', detail);
  }

  static methodNotAllowed(method: string, allow: string): ReadApiError {
    return new ReadApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}`, allow);
  }
}

export function problemResponse(request: Request, error: ReadApiError): Response {
  const body = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: new URL(request.url).pathname,
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.allow) headers.Allow = error.allow;
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
