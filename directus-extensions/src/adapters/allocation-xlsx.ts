import type { ExportTable } from '@siap-pd/core/allocation-types';
import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { AccessError } from './access-errors.ts';

type ExcelModule = typeof ExcelJS;

let loaded: ExcelModule | null | undefined;

/**
 * exceljs, loaded at run time from node_modules (not bundled), so the bundle still builds and the
 * CSV export still works where the package is missing; null then.
 */
export function loadExcel(): ExcelModule | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    loaded = require('exceljs') as ExcelModule;
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * One worksheet with a bold, frozen header row. Text columns (NIK, No. KK, codes) are text cells with
 * the text number format, so Excel never shows a NIK as 6.3110E+15; number columns are whole
 * numbers with thousands separators.
 */
export async function writeXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  const excel = loadExcel();
  if (excel === null) {
    throw new AccessError(
      'Ekspor XLSX belum tersedia di server ini (paket exceljs belum terpasang); gunakan format=csv.',
      501,
      'NOT_IMPLEMENTED',
    );
  }
  const workbook = new excel.Workbook();
  workbook.creator = 'SIAP-PD';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: Math.min(
      60,
      Math.max(
        10,
        column.header.length + 2,
        ...table.rows.slice(0, 200).map((row) => String(row[index] ?? '').length + 2),
      ),
    ),
    style: { numFmt: column.kind === 'text' ? '@' : '#,##0' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, index) =>
        cell === null ? null : table.columns[index]?.kind === 'text' ? String(cell) : cell,
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
