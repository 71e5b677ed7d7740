import { readAggregate, readKey, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';

/** Need statuses still waiting for or holding funding (the dashboard's "kebutuhan aktif"). */
export const ACTIVE_NEED_STATUSES = ['open', 'planned'] as const;
export type ActiveNeedStatus = (typeof ACTIVE_NEED_STATUSES)[number];

export const NEED_STATUS_LABELS: Record<string, string> = {
  open: 'Terbuka',
  planned: 'Direncanakan',
  addressed: 'Tertangani',
  dismissed: 'Dikesampingkan',
  resolved: 'Selesai (tidak terdeteksi lagi)',
};

/** Colours of the need statuses in charts (AA contrast against white). */
export const NEED_STATUS_COLOURS: Record<ActiveNeedStatus, string> = {
  open: '#a4161a',
  planned: '#1d4ed8',
};

const CATEGORY_LABELS: Record<string, string> = {
  perumahan: 'Perumahan',
  sanitasi: 'Sanitasi',
  air_minum: 'Air minum',
  pangan: 'Pangan',
  kesehatan: 'Kesehatan',
  pendidikan: 'Pendidikan',
  pekerjaan: 'Pekerjaan',
  usaha: 'Usaha',
  disabilitas: 'Disabilitas',
  lansia: 'Lansia',
  stunting: 'Stunting',
  adminduk: 'Administrasi kependudukan',
};

export const NO_CATEGORY_LABEL = 'Tanpa kategori';
export const NO_AGENCY_LABEL = 'Belum ditautkan ke perangkat daerah';

/** "air_minum" -> "Air minum"; an administrator's new category is shown with its first letter capitalised. */
export function categoryLabel(category: string | null): string {
  if (category === null) return NO_CATEGORY_LABEL;
  const known = CATEGORY_LABELS[category];
  if (known !== undefined) return known;
  const text = category.replace(/_/g, ' ').trim();
  return text === '' ? NO_CATEGORY_LABEL : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export interface NeedGroupRow {
  /** category slug or perangkat_daerah id; null when the need has none. */
  key: string | null;
  label: string;
  open: number;
  planned: number;
  total: number;
  /** Sum of the needs' quantity (units such as children, people, houses). */
  volume: number;
}

export interface NeedsSummary {
  byCategory: NeedGroupRow[];
  byAgency: NeedGroupRow[];
  totals: { open: number; planned: number; total: number; volume: number };
}

export interface AgencyName {
  id?: unknown;
  name?: unknown;
  short_name?: unknown;
}

function groupRows(
  groups: readonly Row[],
  field: string,
  labelOf: (key: string | null) => string,
): NeedGroupRow[] {
  const rows = new Map<string | null, NeedGroupRow>();
  for (const group of groups) {
    const status = group['status'];
    if (status !== 'open' && status !== 'planned') continue;
    const count = readAggregate(group['count'], 'id');
    if (count <= 0) continue;
    const key = readKey(group[field]);
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, label: labelOf(key), open: 0, planned: 0, total: 0, volume: 0 };
      rows.set(key, row);
    }
    row[status] += count;
    row.total += count;
    row.volume += Math.max(0, readAggregate(group['sum'], 'quantity'));
  }
  // Most needs first; ties by label, so the order is stable.
  return [...rows.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'id'));
}

/**
 * Shapes two needs aggregates (status open or planned), each with count(id) and sum(quantity):
 * groupBy [category, status] and groupBy [perangkat_daerah, status]. Agencies are shown by short name.
 */
export function buildNeedsSummary(
  categoryGroups: readonly Row[],
  agencyGroups: readonly Row[],
  agencies: readonly AgencyName[],
): NeedsSummary {
  const names = new Map<string, string>();
  for (const agency of agencies) {
    const id = readKey(agency.id);
    const name = readText(agency.short_name) ?? readText(agency.name);
    if (id !== null && name !== null) names.set(id, name);
  }
  const byCategory = groupRows(categoryGroups, 'category', categoryLabel);
  const byAgency = groupRows(agencyGroups, 'perangkat_daerah', (key) =>
    key === null ? NO_AGENCY_LABEL : (names.get(key) ?? key),
  );
  const totals = { open: 0, planned: 0, total: 0, volume: 0 };
  for (const row of byCategory) {
    totals.open += row.open;
    totals.planned += row.planned;
    totals.total += row.total;
    totals.volume += row.volume;
  }
  return { byCategory, byAgency, totals };
}
