import type { ExportIntervention, ExportTable, SubKegiatanInfo } from './allocation-types.ts';

/** Inpres 4/2022 strategies as the PKE tag reads them in SIPD. */
const STRATEGY_TAG: Record<string, string> = {
  kurangi_beban: 'PKE - Mengurangi beban pengeluaran',
  tingkatkan_pendapatan: 'PKE - Meningkatkan pendapatan',
  kurangi_kantong_kemiskinan: 'PKE - Mengurangi kantong kemiskinan',
};

export const SIPD_LINE_COLUMNS: ExportTable['columns'] = [
  { header: 'Kode Sub Kegiatan', kind: 'text' },
  { header: 'Nama Sub Kegiatan', kind: 'text' },
  { header: 'Perangkat Daerah', kind: 'text' },
  { header: 'Sasaran (KK)', kind: 'number' },
  { header: 'Volume', kind: 'number' },
  { header: 'Satuan', kind: 'text' },
  { header: 'Pagu (Rp)', kind: 'number' },
  { header: 'Lokasi', kind: 'text' },
  { header: 'Tag PKE', kind: 'text' },
];

export type SipdLines = ExportTable & {
  /** sum of the Pagu column, whole rupiah */
  total: number;
  households: number;
};

/**
 * The SIPD input lines of an allocation: one row per agency and sub-kegiatan with the target
 * households (Sasaran, distinct KK), volume and unit, pagu (sum of the interventions' planned cost
 * snapshots), the desa served (Lokasi, names sorted) and the PKE tag of its strategy. Cancelled
 * interventions are left out, except with `keepCancelled` (a finalised run is re-exported whole).
 * Rows sorted by agency name, then sub-kegiatan code.
 */
export function buildSipdLines(
  interventions: readonly ExportIntervention[],
  catalogue: ReadonlyMap<string, SubKegiatanInfo>,
  agencyNames: ReadonlyMap<string, string>,
  desaNames: ReadonlyMap<string, string>,
  options: { keepCancelled?: boolean } = {},
): SipdLines {
  type Line = {
    code: string;
    agency: string;
    households: Set<number>;
    volume: number;
    pagu: number;
    desa: Set<string>;
  };
  const lines = new Map<string, Line>();
  for (const intervention of interventions) {
    if (intervention.status === 'cancelled' && options.keepCancelled !== true) continue;
    const key = `${intervention.perangkat_daerah}|${intervention.sub_kegiatan}`;
    let line = lines.get(key);
    if (line === undefined) {
      line = {
        code: intervention.sub_kegiatan,
        agency: intervention.perangkat_daerah,
        households: new Set(),
        volume: 0,
        pagu: 0,
        desa: new Set(),
      };
      lines.set(key, line);
    }
    line.households.add(intervention.household);
    line.volume += intervention.quantity;
    line.pagu += Math.round(intervention.planned_cost ?? 0);
    if (intervention.desa !== null) line.desa.add(desaNames.get(intervention.desa) ?? intervention.desa);
  }
  const agencyName = (id: string): string => agencyNames.get(id) ?? id;
  const ordered = [...lines.values()].sort(
    (a, b) =>
      agencyName(a.agency).localeCompare(agencyName(b.agency), 'id') ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let total = 0;
  const households = new Set<number>();
  const rows = ordered.map((line) => {
    const info = catalogue.get(line.code);
    total += line.pagu;
    for (const household of line.households) households.add(household);
    return [
      line.code,
      info?.name ?? '',
      agencyName(line.agency),
      line.households.size,
      line.volume,
      info?.unit ?? '',
      line.pagu,
      [...line.desa].sort((a, b) => a.localeCompare(b, 'id')).join(', '),
      STRATEGY_TAG[info?.strategy ?? ''] ?? 'PKE',
    ];
  });
  return { columns: SIPD_LINE_COLUMNS, rows, total, households: households.size };
}
