import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPanduanRole, PANDUAN_ROLES, SCREENSHOTS } from './panduan.ts';
import { PANDUAN_SLUG } from './roles.ts';

const STATIC = new URL('../../static/panduan/', import.meta.url);
const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('Panduan', () => {
  it.each(Object.entries(PANDUAN_SLUG))('has a page for %s (/panduan/%s)', (_role, slug) => {
    expect(findPanduanRole(slug)?.slug).toBe(slug);
  });

  it('has no page without a role', () => {
    expect(PANDUAN_ROLES).toHaveLength(Object.keys(PANDUAN_SLUG).length);
    expect(findPanduanRole('tamu')).toBeNull();
  });

  it.each(Object.values(SCREENSHOTS).map((shot) => [shot.file]))(
    'ships %s as a small PNG in static/panduan/',
    (file) => {
      const url = new URL(file, STATIC);
      expect(existsSync(url)).toBe(true);
      expect(statSync(url).size).toBeLessThan(150 * 1024);
      expect(readFileSync(url).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    },
  );
});
