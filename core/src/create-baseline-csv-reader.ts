import Papa from 'papaparse';
import { detectCsvSeparator } from './detect-csv-separator.ts';
import { BASELINE_COLUMNS, mapBaselineColumns } from './map-baseline-columns.ts';
import type { BaselineColumnMap } from './map-baseline-columns.ts';
import type { BaselineColumn, BaselineRecord, CsvSeparator } from './types.ts';

export type BaselineCsvHeader = {
  separator: CsvSeparator;
  /** header cells as written (trimmed) */
  headers: string[];
  map: BaselineColumnMap;
};

/** A problem with the file as a whole: nothing of it can be imported. Message in Bahasa Indonesia. */
export type BaselineFileProblem = {
  code: 'empty_file' | 'not_csv' | 'missing_columns' | 'duplicate_columns' | 'no_data';
  message: string;
};

export type BaselineCsvReader = {
  /** Feeds the next piece of text; returns the records completed by it. */
  push(text: string): BaselineRecord[];
  /** Ends the input; returns the last records. */
  end(): BaselineRecord[];
  header(): BaselineCsvHeader | null;
  problem(): BaselineFileProblem | null;
  /** data records returned so far (blank rows are skipped but keep their row numbers) */
  recordCount(): number;
};

const QUOTE = 34;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const ANY_SEPARATOR = new Set([44, 59, 9]); // , ; tab

/**
 * An incremental reader of a baseline CSV: text goes in piece by piece (as a request streams in),
 * complete records come out, so a file of any size is read in constant memory. Pure: no I/O.
 * - separator (comma, semicolon or tab) detected from the header line;
 * - a BOM at the start is ignored; CRLF, LF and quoted values containing separators or newlines work;
 * - header names are normalised (see mapBaselineColumns); required columns must be present;
 * - `row` numbers are spreadsheet rows (header = 1; a quoted newline does not start a new row);
 *   blank rows (empty or separators only, as Excel leaves them) are skipped;
 * - cells are trimmed and Excel's text form ="6311..." is unwrapped.
 */
export function createBaselineCsvReader(): BaselineCsvReader {
  let buffer = '';
  let scanFrom = 0;
  let quoted = false;
  let fieldStart = true;
  let started = false;
  let separator: CsvSeparator | null = null;
  let newline: string | undefined;
  let header: BaselineCsvHeader | null = null;
  let problem: BaselineFileProblem | null = null;
  let rowIndex = 0;
  let records = 0;

  /** Finds the end of the last complete record in the buffer (-1 when none), keeping quote state. */
  function scan(final: boolean): number {
    let boundary = -1;
    let i = scanFrom;
    const length = buffer.length;
    const isSeparator = (c: number): boolean =>
      separator === null ? ANY_SEPARATOR.has(c) : c === separator.charCodeAt(0);
    while (i < length) {
      if (quoted) {
        const q = buffer.indexOf('"', i);
        if (q === -1) {
          i = length;
          break;
        }
        if (q + 1 >= length && !final) {
          i = q; // "" may continue in the next piece
          break;
        }
        if (buffer.charCodeAt(q + 1) === QUOTE) {
          i = q + 2;
          continue;
        }
        quoted = false;
        fieldStart = false;
        i = q + 1;
        continue;
      }
      const newline = buffer.indexOf('\n', i);
      const quote = buffer.indexOf('"', i);
      if (quote !== -1 && (newline === -1 || quote < newline)) {
        // a quote opens a quoted value only at the start of a field (as papaparse reads it)
        const atStart = quote === i ? fieldStart : isSeparator(buffer.charCodeAt(quote - 1));
        if (atStart) quoted = true;
        fieldStart = false;
        i = quote + 1;
        continue;
      }
      if (newline === -1) {
        fieldStart = isSeparator(buffer.charCodeAt(length - 1)) || (length === i && fieldStart);
        i = length;
        break;
      }
      boundary = newline;
      fieldStart = true;
      i = newline + 1;
    }
    scanFrom = i;
    return boundary;
  }

  function takeHeader(text: string): void {
    const end = firstRecordEnd(text);
    const carriageReturn = text.indexOf('\r');
    const headerLine =
      end !== -1 ? text.slice(0, end) : carriageReturn !== -1 ? text.slice(0, carriageReturn) : text;
    separator = detectCsvSeparator(headerLine.replace(/\r$/, ''));
    if (end !== -1) newline = end > 0 && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? '\r\n' : '\n';
    else if (text.includes('\r')) newline = '\r';
  }

  function consume(text: string, final: boolean): BaselineRecord[] {
    if (text === '' || problem !== null) return [];
    if (separator === null) takeHeader(text);
    const parsed = Papa.parse<string[]>(text, {
      delimiter: separator ?? ',',
      ...(newline === undefined ? {} : { newline: newline as '\r\n' | '\n' | '\r' }),
      quoteChar: '"',
      skipEmptyLines: false,
    });
    const rows = parsed.data;
    // Text handed over always ends at a record boundary: papaparse then adds one empty row.
    if (!final || /\n$/.test(text)) {
      const last = rows[rows.length - 1];
      if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
    }
    const malformed = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row ?? -1));
    const out: BaselineRecord[] = [];
    rows.forEach((cells, index) => {
      rowIndex += 1;
      if (header === null) {
        readHeader(cells);
        return;
      }
      if (problem !== null) return;
      if (cells.every((cell) => cell.trim() === '')) return;
      const values = {} as Record<BaselineColumn, string>;
      for (const column of BASELINE_COLUMNS) values[column] = '';
      header.map.columns.forEach((column, i) => {
        if (column !== null) values[column] = cleanCell(cells[i] ?? '');
      });
      records += 1;
      out.push({
        row: rowIndex,
        values,
        cells,
        overflow:
          cells.length > header.headers.length
            ? cells.slice(header.headers.length).filter((cell) => cell.trim() !== '')
            : [],
        malformed: malformed.size > 0 && malformed.has(index),
      });
    });
    return out;
  }

  function readHeader(cells: string[]): void {
    const headers = cells.map((cell) => cell.trim());
    const map = mapBaselineColumns(headers);
    header = { separator: separator ?? ',', headers, map };
    if (headers.every((h) => h === '')) {
      problem = {
        code: 'empty_file',
        message: 'Baris pertama berkas kosong; baris pertama harus berisi judul kolom.',
      };
    } else if (map.missing.length > 0) {
      problem = {
        code: 'missing_columns',
        message:
          `Kolom wajib tidak ditemukan: ${map.missing.join(', ')}. Baris pertama berkas harus berisi judul kolom ` +
          `id_keluarga, no_kk, nik_kepala, nama_kepala, alamat, kode_desa, desil, jumlah_anggota ` +
          `(id_keluarga dan desil boleh tidak ada). Judul yang terbaca: ${headers.filter((h) => h !== '').join(', ') || '(kosong)'}.`,
      };
    } else if (map.duplicates.length > 0) {
      problem = {
        code: 'duplicate_columns',
        message: `Kolom ${map.duplicates.join(', ')} muncul lebih dari sekali di baris judul. Hapus salah satunya lalu unggah ulang.`,
      };
    }
  }

  return {
    push(text: string): BaselineRecord[] {
      if (problem !== null || text === '') return [];
      if (!started) {
        started = true;
        text = text.replace(/^\uFEFF/, '');
        if (text.startsWith('PK\u0003\u0004') || text.startsWith('\u00D0\u00CF\u0011\u00E0')) {
          problem = {
            code: 'not_csv',
            message:
              'Berkas ini berformat Excel (.xlsx/.xls), bukan CSV. Di Excel pilih Simpan Sebagai > CSV UTF-8 ' +
              '(dipisah koma) atau CSV (dipisah titik koma), lalu unggah berkas .csv tersebut.',
          };
          return [];
        }
      }
      buffer += text;
      const boundary = scan(false);
      if (boundary === -1) return [];
      const complete = buffer.slice(0, boundary + 1);
      buffer = buffer.slice(boundary + 1);
      scanFrom -= boundary + 1;
      return consume(complete, false);
    },
    end(): BaselineRecord[] {
      let out: BaselineRecord[] = [];
      if (problem === null && buffer !== '') {
        scan(true);
        out = consume(buffer, true);
      }
      buffer = '';
      scanFrom = 0;
      if (problem === null && header === null) {
        problem = {
          code: 'empty_file',
          message: 'Berkas kosong. Unggah berkas CSV dengan baris judul kolom dan minimal satu baris data.',
        };
      } else if (problem === null && records === 0) {
        problem = {
          code: 'no_data',
          message: 'Berkas hanya berisi judul kolom, tanpa baris data. Isi minimal satu baris keluarga.',
        };
      }
      return out;
    },
    header: () => header,
    problem: () => problem,
    recordCount: () => records,
  };
}

function firstRecordEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === NEWLINE && !quoted) return i;
  }
  return -1;
}

function cleanCell(cell: string): string {
  const text = cell.trim();
  if (text.charCodeAt(0) !== 61) return text; // '='
  const excelText = /^="(.*)"$/.exec(text);
  return (excelText?.[1] ?? text).trim();
}
