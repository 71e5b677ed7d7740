import { describe, expect, it } from 'vitest';
import { loginPath, safeRedirectPath } from './safe-redirect.ts';

describe('safeRedirectPath', () => {
  it.each([
    ['/', '/'],
    ['/wilayah?kecamatan=63.11.07', '/wilayah?kecamatan=63.11.07'],
    ['/rumah-tangga#daftar', '/rumah-tangga#daftar'],
    [null, '/'],
    [undefined, '/'],
    ['', '/'],
    ['wilayah', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/\t/evil.example', '/'],
    ['/a/../b', '/b'],
  ])('%s -> %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe('loginPath', () => {
  it.each([
    [{ pathname: '/', search: '' }, '/login'],
    [{ pathname: '/login', search: '?redirectTo=%2Fx' }, '/login'],
    [{ pathname: '/logout', search: '' }, '/login'],
    [{ pathname: '/wilayah', search: '?a=1&b=2' }, '/login?redirectTo=%2Fwilayah%3Fa%3D1%26b%3D2'],
  ])('%o -> %s', (url, expected) => {
    expect(loginPath(url)).toBe(expected);
  });
});
