import type { ControlledClock } from '../clock.ts';

/**
 * Camunda's clock control on the Orchestration Cluster REST paths, as a web-standard
 * handler: `PUT /v2/clock` with `{"timestamp": <epoch ms>}` pins the clock, and
 * `POST /v2/clock/reset` returns it to system time. Both answer 204 with no body.
 * Returns undefined for any other path, so the caller can fall through.
 */
export function createClockHandler(
  clock: ControlledClock,
): (request: Request) => Promise<Response | undefined> {
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/v2/clock') {
      if (request.method !== 'PUT') return methodNotAllowed(request, 'PUT');
      const timestamp = await readTimestamp(request);
      if (typeof timestamp === 'string') return badRequest(request, timestamp);
      clock.pin(timestamp);
      return new Response(null, { status: 204 });
    }
    if (pathname === '/v2/clock/reset') {
      if (request.method !== 'POST') return methodNotAllowed(request, 'POST');
      clock.reset();
      return new Response(null, { status: 204 });
    }
    return undefined;
  };
}

async function readTimestamp(request: Request): Promise<number | string> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return 'Expected a JSON body such as {"timestamp": 1767225600000}';
  }
  const timestamp = (body as { timestamp?: unknown } | null)?.timestamp;
  if (timestamp === undefined || timestamp === null) {
    return 'Expected pin time to be not negative but "timestamp" was missing';
  }
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    return `Expected pin time to be not negative but "timestamp" was ${JSON.stringify(timestamp)}`;
  }
  return timestamp;
}

function badRequest(request: Request, detail: string): Response {
  return problem(request, 400, 'Bad Request', detail);
}

function methodNotAllowed(request: Request, allowed: string): Response {
  const response = problem(
    request,
    405,
    'Method Not Allowed',
    `${request.method} is not allowed here; use ${allowed}`,
  );
  response.headers.set('Allow', allowed);
  return response;
}

function problem(request: Request, status: number, title: string, detail: string): Response {
  const body = { type: 'about:blank', title, status, detail, instance: new URL(request.url).pathname };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
