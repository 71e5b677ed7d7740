import type { BeneficiaryNames } from '@siap-pd/core/build-beneficiary-rows';
import type {
  Beneficiary,
  ExportIntervention,
  InterventionStatus,
  SubKegiatanInfo,
} from '@siap-pd/core/allocation-types';
import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { toNumber, toText } from './allocation-store.ts';
import { itemsReader } from './items-reader.ts';

type Row = Record<string, unknown>;

export type ExportSelection = {
  fiscal_year: number;
  /** null = every agency */
  perangkat_daerah: string | null;
  /** null = every intervention of the year that is not cancelled; a run = exactly that run's interventions */
  run: number | null;
};

/** The interventions behind the SIPD lines (the caller's role was checked and its agency forced before). */
export async function readExportInterventions(
  database: Knex,
  selection: ExportSelection,
): Promise<ExportIntervention[]> {
  const query = database('interventions')
    .where('fiscal_year', selection.fiscal_year)
    .select(
      'household',
      'sub_kegiatan',
      'perangkat_daerah',
      'desa',
      'quantity',
      'unit_cost',
      'planned_cost',
      'status',
    );
  if (selection.perangkat_daerah !== null) query.andWhere('perangkat_daerah', selection.perangkat_daerah);
  if (selection.run !== null) query.andWhere('allocation_run', selection.run);
  else query.andWhereNot('status', 'cancelled');
  const rows = (await query) as Row[];
  return rows.map((row) => ({
    household: Number(row['household']),
    sub_kegiatan: String(row['sub_kegiatan']),
    perangkat_daerah: String(row['perangkat_daerah']),
    desa: toText(row['desa']),
    quantity: toNumber(row['quantity']) ?? 1,
    unit_cost: toNumber(row['unit_cost']),
    planned_cost: toNumber(row['planned_cost']),
    status: String(row['status']) as InterventionStatus,
  }));
}

/** Names of sub-kegiatan, agencies, desa and kecamatan (reference data every role may read). */
export async function readExportNames(database: Knex): Promise<BeneficiaryNames> {
  const [subs, agencies, desa, kecamatan] = [
    (await database('sub_kegiatan').select('code', 'name', 'unit', 'strategy')) as Row[],
    (await database('perangkat_daerah').select('id', 'name')) as Row[],
    (await database('desa').select('code', 'name')) as Row[],
    (await database('kecamatan').select('code', 'name')) as Row[],
  ];
  return {
    catalogue: new Map(
      subs.map((row): [string, SubKegiatanInfo] => [
        String(row['code']),
        {
          code: String(row['code']),
          name: String(row['name'] ?? ''),
          unit: toText(row['unit']),
          strategy: toText(row['strategy']),
        },
      ]),
    ),
    agencies: new Map(agencies.map((row) => [String(row['id']), String(row['name'] ?? row['id'])])),
    desa: new Map(desa.map((row) => [String(row['code']), String(row['name'] ?? row['code'])])),
    kecamatan: new Map(kecamatan.map((row) => [String(row['code']), String(row['name'] ?? row['code'])])),
  };
}

const BENEFICIARY_FIELDS = [
  'household.id',
  'household.head_name',
  'household.address',
  'household.rt_rw',
  'household.desa',
  'household.kecamatan',
  'household.classification',
  'sub_kegiatan',
  'perangkat_daerah',
  'quantity',
  'planned_cost',
  'status',
];
const IDENTITY_FIELDS = ['household.head_nik', 'household.no_kk'];

/**
 * The beneficiary list, read through Directus's ItemsService with the caller's own accountability,
 * so their permissions apply: NIK and No. KK are asked for first and, when the caller's role may not
 * read them (Directus refuses the field), the list is read again without them.
 */
export async function readBeneficiaries(
  context: Pick<ApiExtensionContext, 'services'>,
  accountability: Accountability | null,
  schema: SchemaOverview | undefined,
  selection: ExportSelection,
): Promise<{ beneficiaries: Beneficiary[]; withIdentity: boolean }> {
  const service = itemsReader(context, 'interventions', { schema, accountability });
  const filter: Record<string, unknown>[] = [{ fiscal_year: { _eq: selection.fiscal_year } }];
  if (selection.perangkat_daerah !== null)
    filter.push({ perangkat_daerah: { _eq: selection.perangkat_daerah } });
  if (selection.run !== null) filter.push({ allocation_run: { _eq: selection.run } });
  else filter.push({ status: { _neq: 'cancelled' } });
  const read = (fields: string[]): Promise<Row[]> =>
    service.readByQuery({ fields, filter: { _and: filter }, limit: -1, sort: ['id'] });

  let withIdentity = true;
  let rows: Row[];
  try {
    rows = await read([...BENEFICIARY_FIELDS, ...IDENTITY_FIELDS]);
  } catch (error) {
    if (!isForbidden(error)) throw error;
    withIdentity = false;
    rows = await read(BENEFICIARY_FIELDS);
  }
  const beneficiaries = rows.map((row): Beneficiary => {
    const household = (row['household'] ?? {}) as Row;
    const beneficiary: Beneficiary = {
      household: Number(household['id'] ?? 0),
      head_name: toText(household['head_name']),
      address: toText(household['address']),
      rt_rw: toText(household['rt_rw']),
      desa: toText(household['desa']),
      kecamatan: toText(household['kecamatan']),
      classification: toText(household['classification']),
      sub_kegiatan: String(row['sub_kegiatan']),
      perangkat_daerah: String(row['perangkat_daerah']),
      quantity: toNumber(row['quantity']) ?? 1,
      planned_cost: toNumber(row['planned_cost']),
      status: String(row['status']) as InterventionStatus,
    };
    if (withIdentity) {
      beneficiary.head_nik = toText(household['head_nik']);
      beneficiary.no_kk = toText(household['no_kk']);
    }
    return beneficiary;
  });
  return { beneficiaries, withIdentity };
}

function isForbidden(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown } | null;
  return e !== null && typeof e === 'object' && (e.status === 403 || e.code === 'FORBIDDEN');
}
