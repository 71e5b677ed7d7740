import { describe, expect, it } from 'vitest';
import {
  asRecord,
  asRows,
  compareCodes,
  readAggregate,
  readAmount,
  readKey,
  readNumber,
  readText,
} from './aggregate.ts';

describe('readAggregate', () => {
  it.each([
    ['{ id: 5 } (count of id)', { id: 5 }, 'id', 5],
    ['{ id: "12" } from PostgreSQL', { id: '12' }, 'id', 12],
    ['a plain number (count=*)', 7, undefined, 7],
    ['a sum', { member_count: '31' }, 'member_count', 31],
    ['the first key when no field is named', { latitude: -2.3 }, undefined, -2.3],
    ['null', null, 'id', 0],
    ['text', { id: 'abc' }, 'id', 0],
    ['a missing field falls back to the first value', { other: 3 }, 'id', 3],
  ])('reads %s', (_name, value, field, expected) => {
    expect(readAggregate(value, field)).toBe(expected);
  });
});

describe('readNumber, readKey, readText', () => {
  it.each([
    [5, 5],
    ['5.5', 5.5],
    ['', null],
    ['  ', null],
    [null, null],
    [Number.NaN, null],
    ['x', null],
  ])('readNumber(%j) = %j', (value, expected) => {
    expect(readNumber(value)).toBe(expected);
  });

  it.each([
    ['63.11.07', '63.11.07'],
    [12, '12'],
    [{ code: '63.11.07' }, '63.11.07'],
    [{ id: 'disperkim' }, 'disperkim'],
    ['', null],
    [null, null],
  ])('readKey(%j) = %j', (value, expected) => {
    expect(readKey(value)).toBe(expected);
  });

  it('readText keeps text and drops blanks', () => {
    expect([readText('a'), readText(' '), readText(3), readText(null)]).toEqual(['a', null, '3', null]);
  });
});

describe('asRows', () => {
  it('keeps objects only', () => {
    expect(asRows([{ a: 1 }, null, 3, [1], { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(asRows({ a: 1 })).toEqual([]);
  });
});

describe('asRecord', () => {
  it.each([
    [{ a: 1 }, { a: 1 }],
    [null, null],
    [[{ a: 1 }], null],
    ['{"a":1}', null],
    [3, null],
  ])('%j → %j', (value, expected) => {
    expect(asRecord(value)).toEqual(expected);
  });
});

describe('readAmount', () => {
  it.each([
    [12, 12],
    ['12.5', 12.5],
    [null, 0],
    ['', 0],
    ['abc', 0],
  ])('%j → %d', (value, expected) => {
    expect(readAmount(value)).toBe(expected);
  });
});

describe('compareCodes', () => {
  it('orders codes numerically with null last', () => {
    const codes = ['63.11.10', null, '63.11.02', '63.11.09'];
    expect([...codes].sort(compareCodes)).toEqual(['63.11.02', '63.11.09', '63.11.10', null]);
  });
});
