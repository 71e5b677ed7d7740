import type { AssessTaggedBudgetInput } from '@siap-pd/core/assess-tagged-budget';
import type { AgencyRef, TaggedBudgetRow } from '@siap-pd/core/allocation-types';
import type { Knex } from 'knex';
import { chunks, toNumber, toText } from './allocation-store.ts';

type Row = Record<string, unknown>;

/** Needs count as verified when their household's counted survey is verified and they still stand. */
const STANDING_NEEDS = ['open', 'planned', 'addressed'];

/** Aggregates the effectiveness report reads (set-based; grouped by denormalised columns). */
export async function readEffectivenessData(database: Knex, year: number): Promise<AssessTaggedBudgetInput> {
  const tagged = (await database('tagged_budget')
    .where({ fiscal_year: year })
    .orderBy('id')
    .select('sub_kegiatan_code', 'name', 'perangkat_daerah', 'amount')) as Row[];
  const catalogue = (await database('sub_kegiatan').select('code', 'name', 'perangkat_daerah')) as Row[];
  const rules = (await database('indicators')
    .whereNotNull('sub_kegiatan')
    .andWhere((where) => {
      where.where('active', true).orWhereNull('active');
    })
    .groupBy('sub_kegiatan')
    .select('sub_kegiatan')
    .count({ rules: '*' })) as Row[];
  const needs = (await database('needs as n')
    .join('households as h', 'h.id', 'n.household')
    .join('surveys as s', 's.id', 'h.classified_survey')
    .where('s.status', 'verified')
    .whereIn('n.status', STANDING_NEEDS)
    .whereNotNull('n.sub_kegiatan')
    .groupBy('n.sub_kegiatan')
    .select('n.sub_kegiatan')
    .count({ needs: '*' })
    .countDistinct({ households: 'n.household' })) as Row[];
  const served = (await database('interventions as i')
    .join('households as h', 'h.id', 'i.household')
    .where('i.fiscal_year', year)
    .whereNot('i.status', 'cancelled')
    .groupBy('i.sub_kegiatan')
    .select('i.sub_kegiatan')
    .countDistinct({ households: 'i.household' })
    .sum({ planned_cost: 'i.planned_cost' })
    .select(
      database.raw(
        "count(distinct case when h.classification = 'ekstrem' then i.household end) as ekstrem_households",
      ),
    )) as Row[];
  const overall = (await database('interventions as i')
    .join('households as h', 'h.id', 'i.household')
    .where('i.fiscal_year', year)
    .whereNot('i.status', 'cancelled')
    .whereIn(
      'i.sub_kegiatan',
      database('tagged_budget').where({ fiscal_year: year }).select('sub_kegiatan_code'),
    )
    .countDistinct({ households: 'i.household' })
    .select(
      database.raw(
        "count(distinct case when h.classification = 'ekstrem' then i.household end) as ekstrem_households",
      ),
    )
    .first()) as Row | undefined;

  return {
    fiscal_year: year,
    tagged: tagged.map((row): TaggedBudgetRow => ({
      sub_kegiatan_code: String(row['sub_kegiatan_code']),
      name: toText(row['name']),
      perangkat_daerah: toText(row['perangkat_daerah']),
      amount: toNumber(row['amount']) ?? 0,
    })),
    catalogue: catalogue.map((row) => ({
      code: String(row['code']),
      name: String(row['name'] ?? ''),
      perangkat_daerah: String(row['perangkat_daerah']),
    })),
    rules: new Map(rules.map((row) => [String(row['sub_kegiatan']), Number(row['rules'])])),
    needs: needs.map((row) => ({
      sub_kegiatan: String(row['sub_kegiatan']),
      needs: Number(row['needs']),
      households: Number(row['households']),
    })),
    served: served.map((row) => ({
      sub_kegiatan: String(row['sub_kegiatan']),
      households: Number(row['households']),
      ekstrem_households: Number(row['ekstrem_households']),
      planned_cost: toNumber(row['planned_cost']) ?? 0,
    })),
    served_overall: {
      households: Number(overall?.['households'] ?? 0),
      ekstrem_households: Number(overall?.['ekstrem_households'] ?? 0),
    },
  };
}

export async function readAgencies(
  database: Knex,
): Promise<{ agencies: AgencyRef[]; catalogueAgency: Map<string, string> }> {
  const agencies = (await database('perangkat_daerah').select('id', 'name', 'short_name')) as Row[];
  const subs = (await database('sub_kegiatan').select('code', 'perangkat_daerah')) as Row[];
  return {
    agencies: agencies.map((row) => ({
      id: String(row['id']),
      name: String(row['name'] ?? ''),
      short_name: toText(row['short_name']),
    })),
    catalogueAgency: new Map(subs.map((row) => [String(row['code']), String(row['perangkat_daerah'])])),
  };
}

/** Replaces the tagged budget of a year with the imported rows (one transaction). */
export async function replaceTaggedBudget(
  trx: Knex.Transaction,
  year: number,
  rows: readonly TaggedBudgetRow[],
): Promise<{ deleted: number; inserted: number }> {
  const deleted = Number(await trx('tagged_budget').where({ fiscal_year: year }).delete());
  // at most 400 rows per statement: knex writes a multi-row insert on SQLite as a compound select (limit 500)
  for (const part of chunks(rows, 400)) {
    await trx('tagged_budget').insert(
      part.map((row) => ({
        fiscal_year: year,
        sub_kegiatan_code: row.sub_kegiatan_code,
        name: row.name,
        perangkat_daerah: row.perangkat_daerah,
        amount: row.amount,
      })),
    );
  }
  return { deleted, inserted: rows.length };
}
