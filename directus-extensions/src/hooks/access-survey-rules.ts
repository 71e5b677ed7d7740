// What the survey hook decides, as a pure function: who may move a survey where (core's
// checkSurveyTransition), whether the survey lies in the user's scope, and what the server stamps.
import { checkSurveyTransition } from '@siap-pd/core/transition-survey-status';
import type { Actor, SurveyStatus } from '@siap-pd/core/types';
import type { RoleKey } from '../../../access/roles.ts';

export interface Scope {
  desa: string | null;
  kecamatan: string | null;
  perangkat_daerah: string | null;
}

export interface Region {
  desa: string | null;
  kecamatan: string | null;
}

/** A survey as stored (status null: the survey is being created). */
export interface SurveyRow extends Region {
  status: string | null;
  return_note?: string | null;
}

export type Decision =
  | { kind: 'allow'; set: Record<string, unknown> }
  | { kind: 'forbidden'; message?: string }
  | { kind: 'refused'; message: string; field: string };

const STATUSES: readonly SurveyStatus[] = ['draft', 'submitted', 'verified', 'returned'];
const STAMPED = ['verified_by', 'verified_at'] as const;

/** The actor of core's survey state machine for one of our roles (null: may not touch surveys). */
export function actorOf(role: RoleKey | null): Actor | null {
  switch (role) {
    case 'operator_desa':
      return 'operator';
    case 'verifikator_kecamatan':
      return 'verifikator';
    case 'perencana':
      return 'perencana';
    default:
      return null;
  }
}

/** Whether a record in `region` lies in the scope of a user of `role` (the permission rules' row filters). */
export function inScope(role: RoleKey | null, scope: Scope, region: Region): boolean {
  switch (role) {
    case 'operator_desa':
      return scope.desa !== null && region.desa === scope.desa;
    case 'verifikator_kecamatan':
      return scope.kecamatan !== null && region.kecamatan === scope.kecamatan;
    case 'perencana':
      return true;
    default:
      return false;
  }
}

function isStatus(value: unknown): value is SurveyStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** What the server writes when a survey's status changes: who verified it and when, or nothing. */
export function stampFor(
  from: string | null,
  to: string,
  user: string | null,
  now: Date,
): Record<string, unknown> {
  if (to === 'verified' && from !== 'verified') return { verified_by: user, verified_at: now.toISOString() };
  if (from === 'verified' && to !== 'verified') return { verified_by: null, verified_at: null };
  return {};
}

/**
 * Decides a create (one row with status null, in the region of its household) or an update (the
 * stored rows) of surveys by a non-administrator. Out-of-scope rows get Directus's own refusal, so
 * the answer never tells whether another desa's survey exists or what state it is in.
 */
export function decideSurveyChange(input: {
  role: RoleKey | null;
  user: string | null;
  scope: Scope;
  rows: readonly SurveyRow[];
  payload: Record<string, unknown>;
  now: Date;
}): Decision {
  const { role, scope, rows, payload } = input;
  const actor = actorOf(role);
  if (actor === null || rows.length === 0) return { kind: 'forbidden' };
  if (rows.some((row) => !inScope(role, scope, row))) return { kind: 'forbidden' };
  // Only an operator creates surveys (as Directus's own permissions say: no create permission).
  if (actor !== 'operator' && rows.some((row) => row.status === null)) return { kind: 'forbidden' };
  if (STAMPED.some((field) => field in payload)) {
    return {
      kind: 'forbidden',
      message: 'Kolom "diverifikasi oleh" dan "waktu verifikasi" diisi otomatis oleh sistem.',
    };
  }
  let set: Record<string, unknown> = {};
  for (const row of rows) {
    const from = isStatus(row.status) ? row.status : null;
    const requested = 'status' in payload ? payload['status'] : (from ?? 'draft');
    if (!isStatus(requested))
      return { kind: 'refused', message: 'Status survei tidak dikenal.', field: 'status' };
    const returnNote = typeof payload['return_note'] === 'string' ? payload['return_note'] : null;
    const check = checkSurveyTransition({ from, to: requested, actor, returnNote });
    if (!check.allowed) return { kind: 'refused', message: check.message, field: 'status' };
    set = { ...set, ...stampFor(from, requested, input.user, input.now) };
  }
  return { kind: 'allow', set };
}
