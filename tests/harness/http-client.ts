export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON for JSON and problem+json answers, the text otherwise, null when empty. */
  body: T;
}

export interface HttpClient {
  readonly baseUrl: string;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<T>>;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  patch<T = unknown>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<T>>;
  delete<T = unknown>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<T>>;
  /** The same client, sending a bearer token on every request. */
  withToken(token: string): HttpClient;
}

/** A small fetch wrapper for tests; a string body is sent as it is, anything else as JSON. */
export function createHttpClient(baseUrl: string, defaults: Record<string, string> = {}): HttpClient {
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const init: RequestInit = { method, headers: { ...defaults, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json', ...init.headers };
    }
    const response = await fetch(new URL(path, baseUrl), init);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = text === '' ? null : /json/.test(type) ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    baseUrl,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path, body, headers) => request('DELETE', path, body, headers),
    withToken: (token) => createHttpClient(baseUrl, { ...defaults, Authorization: `Bearer ${token}` }),
  };
}
