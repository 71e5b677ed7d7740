import { describe, expect, it } from 'vitest';
import {
  canImportBaseline,
  columnMapping,
  formatBytes,
  formatElapsed,
  previewLength,
  previewTableRows,
  readSource,
  readUploadAnswer,
  separatorLabel,
  toBaselineImportResult,
  toBaselinePreview,
  toImportJobRows,
  toReconciliationTable,
  toValidityTable,
  uploadUrl,
} from './baseline-import.ts';
import type { RoleKey } from './roles.ts';

describe('access and small formats', () => {
  it.each<[RoleKey, boolean]>([
    ['perencana', true],
    ['administrator', true],
    ['pimpinan', false],
    ['perangkat_daerah', false],
    ['operator_desa', false],
    ['verifikator_kecamatan', false],
    ['unknown', false],
  ])('%s may import: %s', (role, allowed) => {
    expect(canImportBaseline(role)).toBe(allowed);
  });

  it.each([
    ['p3ke', 'p3ke'],
    ['dtsen', 'dtsen'],
    ['P3KE', null],
    [null, null],
  ])('source %s -> %s', (value, source) => {
    expect(readSource(value)).toBe(source);
  });

  it.each([
    [0, '0 B'],
    [850, '850 B'],
    [12_800, '12,5 KB'],
    [3_355_443, '3,2 MB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, '0 detik'],
    [8_900, '8 detik'],
    [60_000, '1 menit'],
    [125_000, '2 menit 5 detik'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it.each([
    [',', 'koma (,)'],
    [';', 'titik koma (;)'],
    ['\t', 'tab'],
    [null, 'tidak dikenali'],
  ])('separator %j', (separator, label) => {
    expect(separatorLabel(separator)).toBe(label);
  });

  it('builds the upload address with the file name', () => {
    expect(uploadUrl('preview', 'dtsen', 'data awal.csv')).toBe(
      '/impor/unggah?mode=preview&source=dtsen&file_name=data+awal.csv',
    );
  });
});

describe('previewLength', () => {
  const bytes = new TextEncoder().encode('a;b\n1;2\n3;4\n5;6');
  it.each([
    ['a small file whole', bytes.length, 64, bytes.length],
    ['a large file up to its last line end', 1000, 10, 8],
    ['a window without a line end whole', 1000, 3, 3],
  ])('sends %s', (_name, fileSize, limit, length) => {
    expect(previewLength(bytes, fileSize, limit)).toBe(length);
  });
});

const PREVIEW = {
  separator: ';',
  encoding: 'utf-8',
  file_name: 'contoh.csv',
  columns: {
    headers: ['no_kk', 'NIK Kepala', 'catatan'],
    recognised: ['no_kk', 'nik_kepala', null],
    extra: ['catatan'],
    absent_optional: ['desil'],
  },
  problem: null,
  more: true,
  rows: [
    {
      row: 2,
      values: { no_kk: '6311071503189801', nik_kepala: '6311071208789801' },
      status: 'insert',
      errors: [],
      warnings: [{ row: 2, field: 'nik_kepala', message: 'NIK berakhiran 0000.' }],
    },
    {
      row: 3,
      values: { no_kk: '123' },
      status: 'rejected',
      errors: [{ row: 3, field: 'no_kk', message: 'No. KK harus 16 digit.' }],
      warnings: [],
    },
  ],
};

describe('preview and result answers', () => {
  it('reads a preview and shapes its rows', () => {
    const preview = toBaselinePreview(PREVIEW);
    expect(preview).toMatchObject({ fileName: 'contoh.csv', separator: ';', problem: null, more: true });
    expect(preview.columns?.absentOptional).toEqual(['desil']);
    expect(
      columnMapping(preview.columns ?? { headers: [], recognised: [], extra: [], absentOptional: [] }),
    ).toEqual([
      { header: 'no_kk', meaning: 'No. KK' },
      { header: 'NIK Kepala', meaning: 'NIK kepala' },
      { header: 'catatan', meaning: 'tidak dipakai' },
    ]);
    const rows = previewTableRows(preview);
    expect(rows.map((row) => [row['row'], row['no_kk'], row['alamat'], row['status'], row['notes']])).toEqual(
      [
        [2, '6311071503189801', '', 'Baru', 'NIK berakhiran 0000.'],
        [3, '123', '', 'Ditolak', 'No. KK harus 16 digit.'],
      ],
    );
  });

  it('reads a file problem and a tab separator', () => {
    const preview = toBaselinePreview({
      ...PREVIEW,
      separator: '\t',
      problem: { code: 'missing_columns', message: 'Kolom no_kk tidak ada.' },
    });
    expect([preview.separator, preview.problem]).toEqual(['\t', 'Kolom no_kk tidak ada.']);
  });

  it('reads an import result', () => {
    const result = toBaselineImportResult({
      inserted: 3,
      updated: '1',
      unchanged: 0,
      rejected: 1,
      errors: [{ row: 5, field: null, message: 'Baris kosong sebagian.' }, { bogus: true }],
      warnings: [],
      warning_count: 2,
      job: 41,
      rows: 5,
      source: 'p3ke',
      file_name: 'contoh.csv',
      separator: ',',
      duration_ms: 812,
    });
    expect(result).toMatchObject({
      inserted: 3,
      updated: 1,
      rejected: 1,
      job: 41,
      warningCount: 2,
      durationMs: 812,
    });
    expect(result.errors).toEqual([{ row: 5, field: null, message: 'Baris kosong sebagian.' }]);
  });
});

describe('readUploadAnswer', () => {
  const json = 'application/json; charset=utf-8';
  it.each([
    [200, json, JSON.stringify({ ok: true, preview: PREVIEW }), 'preview'],
    [200, json, JSON.stringify({ ok: true, result: { inserted: 1 } }), 'result'],
    [403, json, JSON.stringify({ ok: false, message: 'Hanya perencana.' }), 'Hanya perencana.'],
    [
      200,
      'text/html',
      '<html>login</html>',
      'Sesi Anda berakhir. Muat ulang halaman, masuk lagi, lalu ulangi impor.',
    ],
    [
      413,
      'text/plain',
      'Payload Too Large',
      'Berkas terlalu besar untuk dasbor (paling besar 50,0 MB). Pecah berkas per kecamatan lalu impor satu per satu.',
    ],
    [
      502,
      'text/html',
      'Bad gateway',
      'Dasbor tidak dapat meneruskan berkas (kode 502). Coba lagi atau hubungi administrator.',
    ],
    [500, json, '{', 'Jawaban server tidak terbaca. Coba lagi.'],
  ])('%i %s', (status, type, text, expected) => {
    const answer = readUploadAnswer(status, type, text);
    if (expected === 'preview') expect(answer.ok && 'preview' in answer).toBe(true);
    else if (expected === 'result') expect(answer.ok && 'result' in answer && answer.result.inserted).toBe(1);
    else expect(answer).toEqual({ ok: false, message: expected });
  });
});

describe('jobs, reconciliation and valid data', () => {
  it('shapes import jobs and marks those with an error file', () => {
    const jobs = toImportJobRows([
      {
        id: 9,
        kind: 'import_baseline',
        source: 'p3ke',
        file_name: 'a.csv',
        user: { first_name: 'Rina', last_name: null, email: 'perencana@x' },
        started_at: '2026-11-28T01:00:00Z',
        status: 'done',
        counts: '{"inserted":2,"updated":0,"unchanged":1,"rejected":1}',
        message: '2 baru',
      },
      {
        id: 8,
        kind: 'export',
        source: 'reconciliation_changes',
        user: null,
        status: 'done',
        counts: { rows: 4 },
      },
      { id: null },
    ]);
    expect(jobs.ids).toEqual([9, 8]);
    expect(jobs.errorFile).toEqual([true, false]);
    expect(jobs.rows[0]).toMatchObject({
      kind: 'Impor data awal',
      source: 'P3KE',
      user: 'Rina',
      status: 'Selesai',
      rejected: 1,
    });
    expect(jobs.rows[1]).toMatchObject({
      kind: 'Ekspor data',
      source: 'Daftar perubahan',
      user: '-',
      rejected: null,
    });
    const run = toImportJobRows([
      {
        id: 3,
        kind: 'allocation',
        source: `run:${JSON.stringify({ desa: ['63.11.04.2003', '63.11.07.1001'] })}`,
        counts: { inserted: 83 },
      },
    ]);
    expect(run.rows[0]).toMatchObject({ source: 'run:{"desa":["63.11.04.2003","63.11.07.…', inserted: null });
  });

  it('shapes reconciliation progress with a totals row', () => {
    const table = toReconciliationTable({
      level: 'kecamatan',
      rows: [
        {
          code: '63.11.07',
          name: 'Paringin Selatan',
          baseline: 10,
          visited: 9,
          pending: 1,
          progress_pct: 90,
          dispositions: { found: 8, deceased: 1, new: 2 },
        },
      ],
      total: {
        code: null,
        name: 'Total',
        baseline: 10,
        visited: 9,
        pending: 1,
        progress_pct: 90,
        dispositions: {},
      },
    });
    expect(table.rows[0]).toMatchObject({
      name: 'Paringin Selatan',
      progress: 90,
      found: 8,
      moved: 0,
      new: 2,
    });
    expect(table.footer).toMatchObject({ name: 'Jumlah', baseline: 10 });
  });

  it('shapes valid data', () => {
    const table = toValidityTable({
      level: 'kecamatan',
      round: 2025,
      target_pct: 99,
      rows: [
        {
          code: '63.11.07',
          name: 'Paringin Selatan',
          expected: 100,
          verified: 99,
          valid_pct: 99,
          meets_target: true,
        },
      ],
      total: { expected: 100, verified: 99, valid_pct: 99, meets_target: true },
    });
    expect(table).toEqual({
      round: 2025,
      targetPct: 99,
      rows: [
        {
          name: 'Paringin Selatan',
          code: '63.11.07',
          expected: 100,
          verified: 99,
          valid: 99,
          target: 'Tercapai',
        },
      ],
      total: { expected: 100, verified: 99, validPct: 99, meetsTarget: true },
    });
  });
});
