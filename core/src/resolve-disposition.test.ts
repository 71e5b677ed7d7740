import { describe, it, expect } from 'vitest';
import { resolveDisposition } from './resolve-disposition.ts';

describe('resolveDisposition', () => {
  it.each<[source: string | null, recorded: string | null, expected: string | null]>([
    ['p3ke', null, null],
    ['dtsen', null, null],
    ['p3ke', 'found', 'found'],
    ['p3ke', 'deceased', 'deceased'],
    ['dtsen', 'not_found', 'not_found'],
    ['new', null, 'new'],
    [null, null, 'new'],
    ['new', 'duplicate', 'duplicate'],
    ['p3ke', 'something_else', null],
  ])('source %s, recorded %s -> %s', (source, recorded, expected) => {
    expect(resolveDisposition(source, recorded)).toBe(expected);
  });
});
