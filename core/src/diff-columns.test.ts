import { describe, it, expect } from 'vitest';
import { diffColumns } from './diff-columns.ts';

describe('diffColumns', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    ['nothing computed', { a: 1 }, {}, {}],
    ['equal values', { a: 1, b: 'x' }, { a: 1, b: 'x' }, {}],
    ['a changed value', { a: 1, b: 'x' }, { a: 2, b: 'x' }, { a: 2 }],
    ['null and undefined are the same', { a: null }, { a: null, b: undefined }, {}],
    ['null to a value', { a: null }, { a: 'ekstrem' }, { a: 'ekstrem' }],
    ['a value to null', { a: 'ekstrem' }, { a: null }, { a: null }],
    ['bigInteger text from PostgreSQL equals the number', { a: '544169' }, { a: 544169 }, {}],
    ['numeric text that differs', { a: '544169' }, { a: 544170 }, { a: 544170 }],
    ['empty text is not zero', { a: '' }, { a: 0 }, { a: 0 }],
    ['SQLite boolean 0/1', { a: 0, b: 1 }, { a: false, b: true }, {}],
    ['boolean changed', { a: 0 }, { a: true }, { a: true }],
    ['lists compare by content', { a: ['x', 'y'] }, { a: ['x', 'y'] }, {}],
    ['lists that differ', { a: ['x'] }, { a: ['x', 'y'] }, { a: ['x', 'y'] }],
    ['stored keys that are not computed are ignored', { a: 1, z: 9 }, { a: 1 }, {}],
  ])('%s', (_name, stored, computed, expected) => {
    expect(diffColumns(stored, computed)).toEqual(expected);
  });
});
