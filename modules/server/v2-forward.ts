/** How long a forwarded read may take before the platform gives up on Camunda. */
const TIMEOUT_MS = 15_000;

/** Headers that describe the body or what the caller accepts; hop-by-hop ones stay behind. */
const PASSED = ['content-type', 'accept', 'accept-language'];

/**
 * Zeebe mode (DESIGN seam 3): the `/v2` reads — GETs and POST searches — go to Camunda's own
 * Orchestration Cluster REST API at `base` (ZEEBE_REST_ADDRESS), unchanged, and its answer
 * comes back as it is, with the cluster's authorization when it is secured. Returns undefined for what is not such a read, and a 502 problem when
 * Camunda cannot be reached.
 */
export function createReadApiForwarder(base: string, authorization?: () => Promise<Record<string, string>>) {
  return async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const isRead =
      request.method === 'GET' || (request.method === 'POST' && url.pathname.endsWith('/search'));
    if (!url.pathname.startsWith('/v2/') || !isRead) return undefined;
    const target = new URL(`${url.pathname}${url.search}`, base);
    const headers = new Headers();
    for (const name of PASSED) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    let answer: Response;
    try {
      // A secured cluster: the SDK's provider answers a cached token, renewed before it expires.
      if (authorization)
        for (const [name, value] of Object.entries(await authorization())) headers.set(name, value);
      answer = await fetch(target, {
        method: request.method,
        headers,
        ...(request.method === 'POST' ? { body: await request.text() } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Response.json(
        {
          type: 'urn:problem-type:camunda-unreachable',
          title: 'Bad Gateway',
          status: 502,
          code: 'CAMUNDA_UNREACHABLE',
          detail: `Camunda's REST API at ${base} did not answer ${request.method} ${url.pathname}: ${reason}`,
          instance: url.pathname,
        },
        { status: 502, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    const back = new Headers();
    const type = answer.headers.get('content-type');
    if (type) back.set('content-type', type);
    return new Response(await answer.arrayBuffer(), { status: answer.status, headers: back });
  };
}
