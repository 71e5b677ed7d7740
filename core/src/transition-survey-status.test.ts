import { describe, it, expect } from 'vitest';
import { checkSurveyTransition } from './transition-survey-status.ts';
import type { Actor, SurveyStatus } from './types.ts';

type Row = [from: SurveyStatus | null, to: SurveyStatus, actor: Actor, note: string | null, allowed: boolean];

describe('checkSurveyTransition', () => {
  it.each<Row>([
    // operator: creates
    [null, 'draft', 'operator', null, true],
    [null, 'submitted', 'operator', null, true],
    [null, 'verified', 'operator', null, false],
    [null, 'returned', 'operator', null, false],
    // operator: edits draft and returned, submits them
    ['draft', 'submitted', 'operator', null, true],
    ['draft', 'draft', 'operator', null, true],
    ['returned', 'submitted', 'operator', null, true],
    ['returned', 'draft', 'operator', null, true],
    ['returned', 'returned', 'operator', null, true],
    ['draft', 'verified', 'operator', null, false],
    ['draft', 'returned', 'operator', null, false],
    ['returned', 'verified', 'operator', null, false],
    // operator: cannot touch submitted or verified
    ['submitted', 'draft', 'operator', null, false],
    ['submitted', 'verified', 'operator', null, false],
    ['submitted', 'submitted', 'operator', null, false],
    ['verified', 'submitted', 'operator', null, false],
    ['verified', 'draft', 'operator', null, false],
    ['verified', 'verified', 'operator', null, false],
    // verifikator
    [null, 'draft', 'verifikator', null, false],
    [null, 'verified', 'verifikator', null, false],
    ['submitted', 'verified', 'verifikator', null, true],
    ['submitted', 'returned', 'verifikator', 'Foto rumah belum ada', true],
    ['submitted', 'returned', 'verifikator', null, false],
    ['submitted', 'returned', 'verifikator', '', false],
    ['submitted', 'returned', 'verifikator', '   ', false],
    ['submitted', 'draft', 'verifikator', null, false],
    ['draft', 'verified', 'verifikator', null, false],
    ['draft', 'submitted', 'verifikator', null, false],
    ['returned', 'verified', 'verifikator', null, false],
    ['verified', 'returned', 'verifikator', 'salah', false],
    ['verified', 'submitted', 'verifikator', null, false],
    // perencana
    ['verified', 'submitted', 'perencana', null, true],
    ['verified', 'draft', 'perencana', null, false],
    ['verified', 'returned', 'perencana', 'periksa', false],
    ['submitted', 'verified', 'perencana', null, false],
    ['draft', 'submitted', 'perencana', null, false],
    [null, 'draft', 'perencana', null, false],
    // administrator: anything
    [null, 'verified', 'administrator', null, true],
    ['verified', 'draft', 'administrator', null, true],
    ['submitted', 'returned', 'administrator', null, true],
    ['draft', 'verified', 'administrator', null, true],
  ])('%s -> %s by %s (note %j): %s', (from, to, actor, note, allowed) => {
    const result = checkSurveyTransition({ from, to, actor, returnNote: note });
    expect(result.allowed).toBe(allowed);
    if (!result.allowed) expect(result.message.length).toBeGreaterThan(20);
  });

  it('works without a returnNote property', () => {
    expect(checkSurveyTransition({ from: 'submitted', to: 'verified', actor: 'verifikator' })).toEqual({
      allowed: true,
    });
  });

  it.each<[SurveyStatus | null, SurveyStatus, Actor, string | null, RegExp]>([
    ['submitted', 'returned', 'verifikator', ' ', /catatan pengembalian/i],
    ['submitted', 'draft', 'operator', null, /verifikator kecamatan/i],
    ['verified', 'verified', 'operator', null, /terverifikasi/i],
    [null, 'verified', 'operator', null, /draf atau langsung diajukan/i],
    ['draft', 'verified', 'verifikator', null, /berstatus draf/i],
    ['submitted', 'verified', 'perencana', null, /membuka kembali/i],
  ])('message for %s -> %s by %s says what to do', (from, to, actor, note, expected) => {
    const result = checkSurveyTransition({ from, to, actor, returnNote: note });
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.message).toMatch(expected);
  });
});
