import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { buildCsv } from './csv.ts';
import type { CsvCell } from './csv.ts';
import { formatNumberId } from './format.ts';

/** How a column's values are shown, sorted and compared. */
export type ColumnKind = 'text' | 'code' | 'number' | 'percent' | 'rupiah' | 'date';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** A table row: one plain value per column key (numbers stay numbers, so they sort and export as numbers). */
export type TableRow = Record<string, CsvCell>;

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: string;
  direction: SortDirection;
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'number' || kind === 'percent' || kind === 'rupiah';
}

/** A cell as shown: Indonesian numbers ("1.234"), rupiah ("Rp 11.428.450"), percent ("98,5%"), '-' when empty. */
export function formatCell(value: CsvCell | undefined, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return '-';
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? formatNumberId(value) : value;
    case 'percent':
      return typeof value === 'number' ? `${formatNumberId(value, { decimals: 1 })}%` : value;
    case 'rupiah':
      return typeof value === 'number' ? formatRupiah(value) : value;
    case 'date':
      return typeof value === 'string' ? formatDateId(value) : String(value);
    case 'text':
    case 'code':
      return String(value);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2025-03-14" or an ISO timestamp -> "14 Mar 2025" (the date part only; text that is not a date is kept). */
export function formatDateId(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return value;
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  return name === undefined ? value : `${Number(day)} ${name} ${year}`;
}

function compareValues(a: CsvCell | undefined, b: CsvCell | undefined, kind: ColumnKind): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const numeric = kind === 'code' || isNumericKind(kind);
  return String(a).localeCompare(String(b), 'id', { numeric, sensitivity: 'base' });
}

/** Rows sorted by one column (stable; empty cells always last). */
export function sortRows<R extends TableRow>(
  rows: readonly R[],
  columns: readonly Column[],
  sort: SortState | null,
): R[] {
  if (sort === null) return [...rows];
  const column = columns.find((candidate) => candidate.key === sort.key);
  if (column === undefined) return [...rows];
  const factor = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((left, right) => {
      const a = left.row[column.key];
      const b = right.row[column.key];
      const emptyA = a === null || a === undefined || a === '';
      const emptyB = b === null || b === undefined || b === '';
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      return compareValues(a, b, column.kind) * factor || left.index - right.index;
    })
    .map((entry) => entry.row);
}

/** Lower-case text without accents, for matching what a user types. */
function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Rows whose cells (as shown) contain every word of `query`, in any column. */
export function filterRows<R extends TableRow>(
  rows: readonly R[],
  columns: readonly Column[],
  query: string,
): R[] {
  const words = normalise(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = normalise(
      columns
        .map((column) => `${String(row[column.key] ?? '')} ${formatCell(row[column.key], column.kind)}`)
        .join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** The next sort state when a column header is clicked: ascending, then descending, then ascending again. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current !== null && current.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { key, direction: 'asc' };
}

/** The rows as CSV (plain numbers, no thousands dots, so spreadsheets can compute with them). */
export function buildTableCsv(
  columns: readonly Column[],
  rows: readonly TableRow[],
  footer?: TableRow,
): string {
  const body = rows.map((row) => columns.map((column) => row[column.key] ?? null));
  if (footer !== undefined) body.push(columns.map((column) => footer[column.key] ?? null));
  return buildCsv(
    columns.map((column) => column.label),
    body,
  );
}

/** A file name for a CSV download: lower case, ASCII, hyphens ("Rumah tangga Desa Lok" -> "rumah-tangga-desa-lok.csv"). */
export function csvFileName(...parts: string[]): string {
  const base = normalise(parts.join(' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base === '' ? 'data' : base}.csv`;
}
