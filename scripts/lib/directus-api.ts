/**
 * A minimal REST client for setup scripts (schema, access, seeds): one place that talks HTTP to
 * Directus with a token and turns Directus errors into readable messages.
 */
export interface DirectusApi {
  url: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown): Promise<T>;
  delete(path: string, body?: unknown): Promise<void>;
}

export class DirectusError extends Error {
  readonly status: number;
  readonly codes: string[];
  constructor(message: string, status: number, codes: string[]) {
    super(message);
    this.status = status;
    this.codes = codes;
  }
}

interface ErrorBody {
  errors?: { message?: string; extensions?: { code?: string } }[];
}

export function createDirectusApi(url: string, token: string | null): DirectusApi {
  const base = url.replace(/\/$/, '');
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) {
      // multipart (an upload to /files): fetch sets the content type with its boundary
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await res.text();
    if (!res.ok) {
      let parsed: ErrorBody = {};
      try {
        parsed = JSON.parse(text) as ErrorBody;
      } catch {
        // not JSON
      }
      const errors = parsed.errors ?? [];
      const message = errors.map((e) => e.message ?? '').join('; ') || text.slice(0, 500);
      throw new DirectusError(
        `${method} ${path} -> ${res.status}: ${message}`,
        res.status,
        errors.map((e) => e.extensions?.code ?? ''),
      );
    }
    if (!text) return undefined as T;
    const json = JSON.parse(text) as { data?: T };
    return (json.data ?? json) as T;
  }
  return {
    url: base,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: async (path, body) => {
      await request('DELETE', path, body);
    },
  };
}

/** Logs in with email and password and returns a client carrying the access token. */
export async function loginDirectusApi(url: string, email: string, password: string): Promise<DirectusApi> {
  const anon = createDirectusApi(url, null);
  const auth = await anon.post<{ access_token: string }>('/auth/login', { email, password });
  return createDirectusApi(url, auth.access_token);
}
