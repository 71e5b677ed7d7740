import { describe, expect, it } from 'vitest';
import type { RoleKey } from '../../../access/roles.ts';
import { decideSurveyChange, inScope, stampFor, type Scope, type SurveyRow } from './access-survey-rules.ts';

const NOW = new Date('2025-06-01T08:00:00Z');
const OPERATOR: Scope = { desa: '63.11.07.2002', kecamatan: '63.11.07', perangkat_daerah: null };
const VERIFIER: Scope = { desa: null, kecamatan: '63.11.07', perangkat_daerah: null };
const PLANNER: Scope = { desa: null, kecamatan: null, perangkat_daerah: null };
const OWN = { desa: '63.11.07.2002', kecamatan: '63.11.07' };
const OTHER_DESA = { desa: '63.11.07.2003', kecamatan: '63.11.07' };
const OTHER_KECAMATAN = { desa: '63.11.01.2001', kecamatan: '63.11.01' };
const row = (
  status: string | null,
  region: { desa: string | null; kecamatan: string | null } = OWN,
): SurveyRow => ({ status, ...region });

describe('decideSurveyChange', () => {
  it.each<[string, RoleKey | null, Scope, SurveyRow, Record<string, unknown>, string]>([
    ['operator creates a draft', 'operator_desa', OPERATOR, row(null), {}, 'allow'],
    ['operator submits at once', 'operator_desa', OPERATOR, row(null), { status: 'submitted' }, 'allow'],
    ['operator creates verified', 'operator_desa', OPERATOR, row(null), { status: 'verified' }, 'refused'],
    ['operator creates in another desa', 'operator_desa', OPERATOR, row(null, OTHER_DESA), {}, 'forbidden'],
    [
      'operator without desa',
      'operator_desa',
      { ...OPERATOR, desa: null },
      row(null, { desa: null, kecamatan: null }),
      {},
      'forbidden',
    ],
    ['operator submits a draft', 'operator_desa', OPERATOR, row('draft'), { status: 'submitted' }, 'allow'],
    [
      'operator resubmits a returned survey',
      'operator_desa',
      OPERATOR,
      row('returned'),
      { status: 'submitted' },
      'allow',
    ],
    ['operator verifies', 'operator_desa', OPERATOR, row('draft'), { status: 'verified' }, 'refused'],
    [
      'operator edits a submitted survey',
      'operator_desa',
      OPERATOR,
      row('submitted'),
      { surveyor: 'X' },
      'refused',
    ],
    [
      'operator pulls back a submitted survey',
      'operator_desa',
      OPERATOR,
      row('submitted'),
      { status: 'draft' },
      'refused',
    ],
    [
      'operator sets verified_by',
      'operator_desa',
      OPERATOR,
      row('draft'),
      { verified_by: 'someone' },
      'forbidden',
    ],
    [
      'verifier verifies',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted'),
      { status: 'verified' },
      'allow',
    ],
    [
      'verifier returns with a note',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted'),
      { status: 'returned', return_note: 'Foto buram' },
      'allow',
    ],
    [
      'verifier returns without a note',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted'),
      { status: 'returned' },
      'refused',
    ],
    [
      'verifier returns with a blank note',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted'),
      { status: 'returned', return_note: '  ' },
      'refused',
    ],
    [
      'verifier verifies a draft',
      'verifikator_kecamatan',
      VERIFIER,
      row('draft'),
      { status: 'verified' },
      'refused',
    ],
    [
      'verifier in another kecamatan',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted', OTHER_KECAMATAN),
      { status: 'verified' },
      'forbidden',
    ],
    [
      'verifier names another verifier',
      'verifikator_kecamatan',
      VERIFIER,
      row('submitted'),
      { status: 'verified', verified_by: 'x' },
      'forbidden',
    ],
    ['verifier creates a survey', 'verifikator_kecamatan', VERIFIER, row(null), {}, 'forbidden'],
    ['planner creates a survey', 'perencana', PLANNER, row(null), { status: 'draft' }, 'forbidden'],
    [
      'planner reopens a verified survey',
      'perencana',
      PLANNER,
      row('verified', OTHER_KECAMATAN),
      { status: 'submitted' },
      'allow',
    ],
    [
      'planner verifies a submitted survey',
      'perencana',
      PLANNER,
      row('submitted'),
      { status: 'verified' },
      'refused',
    ],
    ['pimpinan changes anything', 'pimpinan', PLANNER, row('draft'), { status: 'submitted' }, 'forbidden'],
    [
      'agency changes anything',
      'perangkat_daerah',
      PLANNER,
      row('draft'),
      { status: 'submitted' },
      'forbidden',
    ],
    ['a role that is not ours', null, PLANNER, row('draft'), { status: 'submitted' }, 'forbidden'],
    ['an unknown status', 'operator_desa', OPERATOR, row('draft'), { status: 'approved' }, 'refused'],
  ])('%s', (_name, role, scope, current, payload, expected) => {
    const decision = decideSurveyChange({ role, user: 'u1', scope, rows: [current], payload, now: NOW });
    expect(decision.kind).toBe(expected);
  });

  it('stamps the verifier and the time when a survey becomes verified', () => {
    const decision = decideSurveyChange({
      role: 'verifikator_kecamatan',
      user: 'verifier-1',
      scope: VERIFIER,
      rows: [row('submitted')],
      payload: { status: 'verified' },
      now: NOW,
    });
    expect(decision).toEqual({
      kind: 'allow',
      set: { verified_by: 'verifier-1', verified_at: '2025-06-01T08:00:00.000Z' },
    });
  });

  it('clears the stamp when a planner reopens a verified survey', () => {
    const decision = decideSurveyChange({
      role: 'perencana',
      user: 'planner-1',
      scope: PLANNER,
      rows: [row('verified')],
      payload: { status: 'submitted' },
      now: NOW,
    });
    expect(decision).toEqual({ kind: 'allow', set: { verified_by: null, verified_at: null } });
  });

  it('refuses a batch when one survey is out of scope', () => {
    const decision = decideSurveyChange({
      role: 'operator_desa',
      user: 'u1',
      scope: OPERATOR,
      rows: [row('draft'), row('draft', OTHER_DESA)],
      payload: { status: 'submitted' },
      now: NOW,
    });
    expect(decision.kind).toBe('forbidden');
  });
});

describe('inScope', () => {
  it.each<[RoleKey | null, Scope, { desa: string | null; kecamatan: string | null }, boolean]>([
    ['operator_desa', OPERATOR, OWN, true],
    ['operator_desa', OPERATOR, OTHER_DESA, false],
    ['operator_desa', { ...OPERATOR, desa: null }, { desa: null, kecamatan: null }, false],
    ['verifikator_kecamatan', VERIFIER, OTHER_DESA, true],
    ['verifikator_kecamatan', VERIFIER, OTHER_KECAMATAN, false],
    ['verifikator_kecamatan', { ...VERIFIER, kecamatan: null }, { desa: null, kecamatan: null }, false],
    ['perencana', PLANNER, OTHER_KECAMATAN, true],
    ['pimpinan', PLANNER, OWN, false],
    ['perangkat_daerah', PLANNER, OWN, false],
    [null, PLANNER, OWN, false],
  ])('%s in %j -> %s', (role, scope, region, expected) => {
    expect(inScope(role, scope, region)).toBe(expected);
  });
});

describe('stampFor', () => {
  it.each<[string | null, string, Record<string, unknown>]>([
    ['submitted', 'verified', { verified_by: 'u', verified_at: NOW.toISOString() }],
    [null, 'verified', { verified_by: 'u', verified_at: NOW.toISOString() }],
    ['verified', 'submitted', { verified_by: null, verified_at: null }],
    ['submitted', 'returned', {}],
    ['draft', 'submitted', {}],
    ['verified', 'verified', {}],
  ])('%s -> %s', (from, to, expected) => {
    expect(stampFor(from, to, 'u', NOW)).toEqual(expected);
  });
});
