import { describe, expect, it } from 'vitest';
import { directusError, fakeDirectus } from './fake-directus.ts';
import { SERVER_FAILED, callEndpoint, isRefusal, refusalOf } from './siap-endpoint.ts';

describe('refusalOf', () => {
  it.each<[string, unknown, number | null, string | null]>([
    [
      'a refusal with its message',
      directusError(400, 'Tahun anggaran wajib diisi.'),
      400,
      'Tahun anggaran wajib diisi.',
    ],
    [
      "Directus's own English 403",
      directusError(403, "You don't have permission to access this."),
      403,
      'Peran Anda tidak diizinkan melakukan ini. Hubungi administrator bila seharusnya boleh.',
    ],
    [
      'a missing route',
      directusError(404, "Route /siap-pd/x doesn't exist.", { code: 'ROUTE_NOT_FOUND' }),
      404,
      'Fitur ini belum tersedia di server data. Minta administrator memperbarui ekstensi SIAP-PD.',
    ],
    ['a server error, without its detail', directusError(500, 'SQLITE_BUSY'), 500, SERVER_FAILED],
    ['an unreachable server (thrown on)', directusError(503, 'down'), null, null],
    [
      'an expired session (thrown on)',
      directusError(401, 'Token expired.', { code: 'TOKEN_EXPIRED' }),
      null,
      null,
    ],
    ['a network failure (thrown on)', new TypeError('fetch failed'), null, null],
  ])('%s', (_name, error, status, message) => {
    const refusal = refusalOf(error);
    expect(refusal === null ? null : refusal.status).toBe(status);
    expect(refusal === null ? null : refusal.message).toBe(message);
  });
});

describe('callEndpoint', () => {
  it('sends JSON and gives the data', async () => {
    const { directus, calls } = fakeDirectus(() => ({ done: true }));
    const result = await callEndpoint(directus, {
      path: '/siap-pd/x',
      method: 'POST',
      body: { a: 1 },
      timeoutMs: 5,
    });
    expect(result).toEqual({ ok: true, data: { done: true } });
    expect(isRefusal(result)).toBe(false);
    expect(calls[0]).toMatchObject({ path: '/siap-pd/x', method: 'POST', body: { a: 1 } });
  });

  it('turns a refusal into a value and rethrows the rest', async () => {
    const refused = fakeDirectus(() => {
      throw directusError(409, 'Sedang berjalan.');
    });
    const result = await callEndpoint(refused.directus, { path: '/siap-pd/x' });
    expect(isRefusal(result)).toBe(true);
    const down = fakeDirectus(() => {
      throw new TypeError('fetch failed');
    });
    await expect(callEndpoint(down.directus, { path: '/siap-pd/x' })).rejects.toThrow('fetch failed');
  });
});
