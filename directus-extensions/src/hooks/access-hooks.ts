// The part of the access rules that Directus permissions cannot express (DESIGN "Access"):
// - records that point to a household (members, surveys) must point into the operator's own desa
//   (Directus validation sees only the payload, not the household it points to);
// - the survey state machine (core checkSurveyTransition) and the server-stamped verified_by/_at;
// - a NIK registered in another desa is refused without revealing anything about it;
// - denormalised scope columns (households.kecamatan, interventions.desa/kecamatan,
//   intervention_reports.perangkat_daerah, directus_users.kecamatan) follow what they derive from,
//   whatever a non-administrator sends, so the flat permission rules stay true;
// - an agency creates interventions and reports only for its own needs and interventions (a planner
//   writes reports for any agency's intervention, but the report's agency still follows it).
// Filter hooks run inside the request's transaction and before Directus checks permissions.
import type { Accountability, EventContext, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { roleKeyOf, type RoleKey } from '../../../access/roles.ts';
import { AccessError, forbidden, NIK_ELSEWHERE, refused } from '../adapters/access-errors.ts';
import { createAccessRecords, type AccessRecords, type UserScope } from '../adapters/access-records.ts';
import { keyOf } from '../adapters/key-of.ts';
import { decideSurveyChange, stampFor, type Decision, type SurveyRow } from './access-survey-rules.ts';

type Payload = Record<string, unknown>;
type Keys = (string | number)[];

interface Caller {
  /** no accountability (internal call) or an administrator: the hooks only keep columns in step */
  trusted: boolean;
  role: RoleKey | null;
  user: string | null;
}

function callerOf(accountability: Accountability | null): Caller {
  if (!accountability || accountability.admin)
    return { trusted: true, role: null, user: accountability?.user ?? null };
  return { trusted: false, role: roleKeyOf(accountability.role), user: accountability.user };
}

function recordsOf(context: EventContext): AccessRecords {
  return createAccessRecords(context.database as Knex);
}

async function scopeOf(records: AccessRecords, caller: Caller): Promise<UserScope> {
  return caller.user === null
    ? { desa: null, kecamatan: null, perangkat_daerah: null }
    : records.userScope(caller.user);
}

function keysOf(meta: Record<string, unknown>): Keys {
  const keys = meta['keys'];
  return Array.isArray(keys)
    ? keys.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number')
    : [];
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function apply(decision: Decision, payload: Payload): Payload {
  if (decision.kind === 'forbidden') {
    throw decision.message === undefined ? forbidden() : new AccessError(decision.message, 403, 'FORBIDDEN');
  }
  if (decision.kind === 'refused') throw refused(decision.message, decision.field);
  return { ...payload, ...decision.set };
}

/** An operator's record that points to a household must point into the operator's own desa. */
async function checkHouseholdInOwnDesa(
  records: AccessRecords,
  caller: Caller,
  scope: UserScope,
  payload: Payload,
): Promise<void> {
  if (caller.trusted || caller.role !== 'operator_desa' || !('household' in payload)) return;
  const household = keyOf(payload['household']);
  const region = household === null ? null : await records.householdRegion(household);
  if (!region || scope.desa === null || region.desa !== scope.desa) throw forbidden();
}

async function checkNik(
  records: AccessRecords,
  caller: Caller,
  scope: UserScope,
  nik: unknown,
  except: { members?: Keys; households?: Keys },
): Promise<void> {
  if (caller.trusted) return;
  const value = nonEmptyString(nik);
  if (value === null) return;
  if (await records.nikRegisteredOutside(value, scope.desa, except)) throw refused(NIK_ELSEWHERE, 'nik');
}

export function registerAccessHooks({ filter }: Pick<RegisterFunctions, 'filter'>): void {
  // Households: kecamatan follows desa; the head's NIK must not belong to another desa.
  for (const action of ['create', 'update'] as const) {
    filter<Payload>(`households.items.${action}`, async (payload, meta, context) => {
      const caller = callerOf(context.accountability);
      if (caller.trusted) return payload;
      const records = recordsOf(context);
      const scope = await scopeOf(records, caller);
      const keys = action === 'update' ? keysOf(meta) : [];
      if ('head_nik' in payload)
        await checkNik(records, caller, scope, payload['head_nik'], { households: keys });
      const result = { ...payload };
      // The operator's permission preset fills desa only after the hooks: fill it here, so that
      // kecamatan can follow it (Directus validation still checks it against the user's desa).
      if (action === 'create' && !('desa' in result) && scope.desa !== null) result['desa'] = scope.desa;
      if ('desa' in result) {
        const desa = keyOf(result['desa']);
        result['kecamatan'] = desa === null ? null : await records.kecamatanOfDesa(String(desa));
      } else {
        delete result['kecamatan'];
      }
      return result;
    });
  }

  // Members: their household is in the operator's desa; a NIK of another desa is refused.
  for (const action of ['create', 'update'] as const) {
    filter<Payload>(`household_members.items.${action}`, async (payload, meta, context) => {
      const caller = callerOf(context.accountability);
      if (caller.trusted) return payload;
      const records = recordsOf(context);
      const scope = await scopeOf(records, caller);
      await checkHouseholdInOwnDesa(records, caller, scope, payload);
      if ('nik' in payload) {
        await checkNik(records, caller, scope, payload['nik'], {
          members: action === 'update' ? keysOf(meta) : [],
        });
      }
      return payload;
    });
  }

  // Surveys: household in the operator's desa, the state machine, verified_by/verified_at stamped.
  filter<Payload>('surveys.items.create', async (payload, _meta, context) => {
    const caller = callerOf(context.accountability);
    const now = new Date();
    if (caller.trusted) {
      const stamp = stampFor(
        null,
        typeof payload['status'] === 'string' ? payload['status'] : 'draft',
        caller.user,
        now,
      );
      return { ...stamp, ...payload };
    }
    const records = recordsOf(context);
    const scope = await scopeOf(records, caller);
    const household = keyOf(payload['household']);
    const region = household === null ? null : await records.householdRegion(household);
    const rows: SurveyRow[] = region ? [{ status: null, ...region }] : [];
    return apply(
      decideSurveyChange({ role: caller.role, user: caller.user, scope, rows, payload, now }),
      payload,
    );
  });
  filter<Payload>('surveys.items.update', async (payload, meta, context) => {
    const caller = callerOf(context.accountability);
    const records = recordsOf(context);
    const keys = keysOf(meta);
    const now = new Date();
    if (caller.trusted) {
      if (typeof payload['status'] !== 'string') return payload;
      const stamp: Payload = {};
      for (const row of await records.surveys(keys))
        Object.assign(stamp, stampFor(row.status, String(payload['status']), caller.user, now));
      return { ...stamp, ...payload };
    }
    const scope = await scopeOf(records, caller);
    await checkHouseholdInOwnDesa(records, caller, scope, payload);
    const rows = await records.surveys(keys);
    // A key that does not exist gets the same answer as one outside the scope.
    if (rows.length !== new Set(keys.map(String)).size) throw forbidden();
    return apply(
      decideSurveyChange({ role: caller.role, user: caller.user, scope, rows, payload, now }),
      payload,
    );
  });

  // Interventions: desa/kecamatan follow the household; an agency works on its own needs only.
  for (const action of ['create', 'update'] as const) {
    filter<Payload>(`interventions.items.${action}`, async (payload, _meta, context) => {
      const caller = callerOf(context.accountability);
      if (caller.trusted) return payload;
      const records = recordsOf(context);
      const result = { ...payload };
      const household = keyOf(result['household']);
      if ('household' in result) {
        const region = household === null ? null : await records.householdRegion(household);
        result['desa'] = region?.desa ?? null;
        result['kecamatan'] = region?.kecamatan ?? null;
      } else {
        delete result['desa'];
        delete result['kecamatan'];
      }
      if (caller.role === 'perangkat_daerah') {
        const agency = (await scopeOf(records, caller)).perangkat_daerah;
        if (agency === null) throw forbidden();
        if ('perangkat_daerah' in result && keyOf(result['perangkat_daerah']) !== agency) throw forbidden();
        if (household !== null && !(await records.householdServedByAgency(household, agency)))
          throw forbidden();
        if (action === 'create' && household === null) throw forbidden();
        const needKey = keyOf(result['need']);
        if (needKey !== null) {
          const need = await records.need(needKey);
          if (
            !need ||
            need.perangkat_daerah !== agency ||
            (household !== null && String(need.household) !== String(household))
          ) {
            throw forbidden();
          }
        }
        const subKegiatan = keyOf(result['sub_kegiatan']);
        if (subKegiatan !== null && (await records.agencyOfSubKegiatan(String(subKegiatan))) !== agency)
          throw forbidden();
      }
      return result;
    });
  }

  // Quarterly reports: perangkat_daerah follows the intervention, whoever writes (an agency, or a
  // planner on any agency's behalf); an agency reports on its own only.
  for (const action of ['create', 'update'] as const) {
    filter<Payload>(`intervention_reports.items.${action}`, async (payload, _meta, context) => {
      const caller = callerOf(context.accountability);
      const records = recordsOf(context);
      const result = { ...payload };
      if ('intervention' in result) {
        const intervention = keyOf(result['intervention']);
        const found = intervention === null ? null : await records.agencyOfIntervention(intervention);
        if (!caller.trusted) {
          // an intervention that does not exist gets the same answer as one outside the scope
          if (!found) throw forbidden();
          if (caller.role === 'perangkat_daerah') {
            const agency = (await scopeOf(records, caller)).perangkat_daerah;
            if (agency === null || found.perangkat_daerah !== agency) throw forbidden();
          }
        }
        result['perangkat_daerah'] = found?.perangkat_daerah ?? null;
      } else if (!caller.trusted) {
        delete result['perangkat_daerah'];
      }
      return result;
    });
  }

  // Users: an operator's kecamatan follows their desa (so a new user needs only a desa).
  for (const action of ['create', 'update'] as const) {
    filter<Payload>(`users.${action}`, async (payload, _meta, context) => {
      if (!('desa' in payload)) return payload;
      const desa = keyOf(payload['desa']);
      if (desa === null) return payload;
      return { ...payload, kecamatan: await recordsOf(context).kecamatanOfDesa(String(desa)) };
    });
  }
}
