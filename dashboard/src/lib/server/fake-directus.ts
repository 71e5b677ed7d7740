import type { UserDirectus } from './directus-types.ts';

// A stand-in for the user's Directus client in unit tests of the load helpers: every request is
// handed to `answer` as { path, method, params, body } and its return value (or thrown error) is what
// the SDK would give. Not used by the app itself.

export interface FakeCall {
  path: string;
  method: string;
  params: Record<string, unknown>;
  body: unknown;
}

export function fakeDirectus(answer: (call: FakeCall) => unknown): {
  directus: UserDirectus;
  calls: FakeCall[];
} {
  const calls: FakeCall[] = [];
  const client = {
    request: async (
      command: () => { path: string; method?: string; params?: Record<string, unknown>; body?: unknown },
    ) => {
      const options = command();
      const call: FakeCall = {
        path: options.path,
        method: options.method ?? 'GET',
        params: options.params ?? {},
        body: typeof options.body === 'string' ? (JSON.parse(options.body) as unknown) : options.body,
      };
      calls.push(call);
      return answer(call);
    },
  };
  return { directus: client as unknown as UserDirectus, calls };
}

/** An error as @directus/sdk throws it for a refused request. */
export function directusError(
  status: number,
  message: string,
  extensions: Record<string, unknown> = { code: status === 403 ? 'FORBIDDEN' : 'INVALID_PAYLOAD' },
): Error {
  return Object.assign(new Error(message), {
    errors: [{ message, extensions }],
    response: new Response(null, { status }),
  });
}
