/** A problem+json answer from the server (RFC 9457), with the field errors of bad input. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

const TOKEN_KEY = 'platform.token';

export const token = {
  get: () => localStorage.getItem(TOKEN_KEY),
  set: (value: string | null) =>
    value === null ? localStorage.removeItem(TOKEN_KEY) : localStorage.setItem(TOKEN_KEY, value),
};

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when the server answers 401: the session ended (expired, revoked, logged out elsewhere). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The platform's HTTP API with the session's bearer token; errors as ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 401 && !path.startsWith('/api/auth/login'))
    for (const listener of unauthorizedListeners) listener();
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; errors?: ApiError['errors'] };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? response.statusText,
      problem.errors ?? [],
    );
  }
  return parsed as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
