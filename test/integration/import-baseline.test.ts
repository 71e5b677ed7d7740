// POST /siap-pd/import/baseline against a real Directus: the malformed-file corpus with its
// expected outcomes (test/fixtures/baseline/expected.json), idempotency, an import interrupted in
// the middle of a chunk, the error file, the preview, permissions and the job record.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminApi, count } from './helpers.ts';
import {
  dataOf,
  deleteTestHouseholds,
  errorOf,
  FIXTURES,
  fixture,
  generatedRows,
  HEADER,
  household,
  http,
  postCsv,
  tokenOf,
  type ImportAnswer,
} from './import-support.ts';

type Expected = {
  file: string;
  description: string;
  source?: 'p3ke' | 'dtsen';
  status: 200 | 400;
  problem?: string;
  message?: string;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  rejected?: number;
  warnings?: number;
  rows?: number;
  separator?: string;
  encoding?: string;
  extra?: string[];
  errors?: [row: number, field: string | null, contains: string][];
  check?: Record<string, string>;
  flags?: Record<string, string[]>;
};

const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Expected[];

afterAll(async () => {
  await deleteTestHouseholds();
});

describe('baseline import: the malformed-file corpus', () => {
  it('has at least 20 files, each with an expected outcome', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(20);
  });

  // In file order: later files (re-import, duplicates against the database) build on earlier ones.
  it.each(EXPECTED.map((e) => [e.file, e] as const))('%s', async (file, expected) => {
    const before = await count(adminApi(), 'households');
    const answer = await postCsv(fixture(file), {
      query: `source=${expected.source ?? 'p3ke'}&file_name=${file}`,
    });
    expect(answer.status, answer.text.slice(0, 400)).toBe(expected.status);

    if (expected.status === 400) {
      const error = errorOf(answer);
      expect(error.extensions.code).toBe('INVALID_CSV');
      expect(error.extensions['problem']).toBe(expected.problem);
      if (expected.message !== undefined) expect(error.message).toContain(expected.message);
      expect(await count(adminApi(), 'households')).toBe(before);
      return;
    }

    const result = dataOf<ImportAnswer>(answer);
    expect({
      inserted: result.inserted,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected,
    }).toEqual({
      inserted: expected.inserted ?? 0,
      updated: expected.updated ?? 0,
      unchanged: expected.unchanged ?? 0,
      rejected: expected.rejected ?? 0,
    });
    expect(await count(adminApi(), 'households')).toBe(before + result.inserted);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual(
      (expected.errors ?? []).map(([row, field]) => [row, field]),
    );
    for (const [i, [row, field, contains]] of (expected.errors ?? []).entries()) {
      const message = result.errors[i]?.message ?? '';
      // every message names the row, the column and says what to do
      expect(message).toContain(`Baris ${row}`);
      if (field !== null) expect(message).toContain(`kolom ${field}`);
      expect(message.toLowerCase()).toContain(contains.toLowerCase());
    }
    if (expected.warnings !== undefined) expect(result.warning_count).toBe(expected.warnings);
    if (expected.rows !== undefined) expect(result.rows).toBe(expected.rows);
    if (expected.separator !== undefined) expect(result.separator).toBe(expected.separator);
    if (expected.encoding !== undefined) expect(result.encoding).toBe(expected.encoding);
    if (expected.extra !== undefined) expect(result.columns?.extra).toEqual(expected.extra);
    expect(result.file_name).toBe(file);
    if (expected.check !== undefined) {
      const { no_kk: noKk, ...fields } = expected.check;
      const stored = await household(String(noKk));
      expect(stored).toMatchObject(fields);
    }
    for (const [noKk, flags] of Object.entries(expected.flags ?? {})) {
      expect((await household(noKk))?.quality_flags).toEqual(flags);
    }
  });
});

describe('baseline import: the documented example', () => {
  it('docs/baseline-import.md example file imports cleanly', async () => {
    const answer = dataOf<ImportAnswer>(
      await postCsv(fixture('example.csv'), { query: 'file_name=example.csv' }),
    );
    expect([answer.inserted, answer.rejected, answer.warning_count, answer.separator]).toEqual([
      4,
      0,
      0,
      ';',
    ]);
    expect(await household('6311071503189801')).toMatchObject({
      head_name: 'Ahmad Fauzi',
      address: 'Jl. Mawar No. 12; RT 003/RW 001',
      desa: '63.11.07.2002',
      p3ke_id: 'CONTOH-0001',
    });
    expect(await household('6311070107209803')).toMatchObject({ desa: '63.11.07.1001', p3ke_decile: null });
  });
});

describe('baseline import: what it writes', () => {
  it('creates the head member with the NIK, name, relation kepala, sex from the NIK and the desa', async () => {
    const [row] = generatedRows(1, 1, '63.11.07.1001');
    const answer = dataOf<ImportAnswer>(await postCsv(`${HEADER}\n${row}\n`));
    expect(answer.inserted).toBe(1);
    const [, noKk, nik, name] = (row ?? '').split(';');
    const stored = await household(noKk ?? '');
    expect(stored).toMatchObject({
      head_nik: nik,
      head_name: name,
      desa: '63.11.07.1001',
      kecamatan: '63.11.07',
      source: 'p3ke',
      p3ke_id: 'G1-0',
      p3ke_decile: 1,
      member_count: 1,
      quality_flags: null,
    });
    expect(stored?.members).toEqual([
      expect.objectContaining({ nik, name, relation: 'kepala', sex: 'L', desa: '63.11.07.1001' }),
    ]);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const body = `${HEADER}\r\n${generatedRows(2, 300).join('\r\n')}\r\n`;
    const households = await count(adminApi(), 'households');
    const members = await count(adminApi(), 'household_members');
    const first = dataOf<ImportAnswer>(await postCsv(body, { query: 'chunk_size=100' }));
    expect([first.inserted, first.updated, first.unchanged, first.rejected, first.chunks]).toEqual([
      300, 0, 0, 0, 3,
    ]);
    const second = dataOf<ImportAnswer>(await postCsv(body, { query: 'chunk_size=100' }));
    expect([second.inserted, second.updated, second.unchanged, second.rejected]).toEqual([0, 0, 300, 0]);
    expect(await count(adminApi(), 'households')).toBe(households + 300);
    expect(await count(adminApi(), 'household_members')).toBe(members + 300);
  });

  it('an import interrupted in the middle of a chunk leaves no half household; running it again completes it', async () => {
    const rows = generatedRows(3, 50);
    const body = `${HEADER}\n${rows.join('\n')}\n`;
    const inFile = { no_kk: { _starts_with: '631198' }, p3ke_id: { _starts_with: 'G3-' } };
    // chunk 2 (rows 21-40) fails after its households are written and before their head members
    const crashed = await postCsv(body, {
      query: 'chunk_size=20',
      headers: { 'x-siap-test-crash-after-chunks': '1' },
    });
    expect(crashed.status).toBe(500);
    const error = errorOf(crashed);
    expect(error.extensions.code).toBe('IMPORT_INTERRUPTED');
    expect(error.message).toMatch(/jalankan ulang/);
    expect(await count(adminApi(), 'households', inFile)).toBe(20);
    const written = await adminApi().get<{ id: number; members: { relation: string }[] }[]>(
      `/items/households?filter=${encodeURIComponent(JSON.stringify(inFile))}&fields=id,members.relation&limit=-1`,
    );
    expect(written.every((h) => h.members.length === 1 && h.members[0]?.relation === 'kepala')).toBe(true);
    const job = await adminApi().get<{ status: string; counts: { inserted: number } }>(
      `/items/import_jobs/${String(error.extensions['job'])}`,
    );
    expect(job).toMatchObject({ status: 'failed', counts: { inserted: 20 } });

    const again = dataOf<ImportAnswer>(await postCsv(body, { query: 'chunk_size=20' }));
    expect([again.inserted, again.unchanged, again.rejected]).toEqual([30, 20, 0]);
    expect(await count(adminApi(), 'households', inFile)).toBe(50);
    expect(await count(adminApi(), 'household_members', { household: inFile })).toBe(50);
  });

  it('a head NIK already belonging to a demo household member is rejected as a duplicate', async () => {
    const [member] = await adminApi().get<{ nik: string }[]>(
      '/items/household_members?filter[nik][_nnull]=true&filter[household][source][_eq]=p3ke&fields=nik&limit=1',
    );
    const [row] = generatedRows(4, 1);
    const parts = (row ?? '').split(';');
    parts[2] = member?.nik ?? '';
    const answer = dataOf<ImportAnswer>(await postCsv(`${HEADER}\n${parts.join(';')}\n`));
    expect(answer.rejected).toBe(1);
    expect(answer.errors[0]).toMatchObject({ row: 2, field: 'nik_kepala' });
    expect(answer.errors[0]?.message).toContain('rumah tangga lain');
  });

  it('a household visited in the field keeps its field data and survey answers; only list columns change', async () => {
    const [visited] = await adminApi().get<
      {
        id: number;
        no_kk: string;
        head_nik: string;
        head_name: string;
        member_count: number;
        desa: string;
        p3ke_id: string | null;
      }[]
    >(
      '/items/households?filter[baseline_disposition][_eq]=found&filter[source][_eq]=p3ke&fields=id,no_kk,head_nik,head_name,member_count,desa,p3ke_id&limit=1',
    );
    if (visited === undefined) throw new Error('demo data has no visited household');
    const surveysBefore = await adminApi().get<Record<string, unknown>[]>(
      `/items/surveys?filter[household][_eq]=${visited.id}&fields=*&sort=id`,
    );
    const line = [
      visited.p3ke_id ?? '',
      visited.no_kk,
      visited.head_nik,
      'Nama Dari Daftar',
      'Alamat Lama',
      visited.desa,
      '7',
      '9',
    ];
    const answer = dataOf<ImportAnswer>(await postCsv(`${HEADER}\n${line.join(';')}\n`));
    expect([answer.updated, answer.rejected]).toEqual([1, 0]);
    const after = await household(visited.no_kk);
    expect(after).toMatchObject({
      head_name: visited.head_name,
      member_count: visited.member_count,
      p3ke_decile: 7,
    });
    const surveysAfter = await adminApi().get<Record<string, unknown>[]>(
      `/items/surveys?filter[household][_eq]=${visited.id}&fields=*&sort=id`,
    );
    expect(surveysAfter).toEqual(surveysBefore);
  });
});

describe('baseline import: job, error file, preview, upload forms', () => {
  it('records an import_jobs row and a Directus activity row naming the planner', async () => {
    const token = await tokenOf('perencana');
    const me = await http('GET', '/users/me?fields=id', { token });
    const userId = (me.json as { data: { id: string } }).data.id;
    const answer = dataOf<ImportAnswer>(
      await postCsv(`${HEADER}\n${generatedRows(5, 3).join('\n')}\n`, {
        token,
        query: 'source=dtsen&file_name=dtsen-uji.csv',
      }),
    );
    const job = await adminApi().get<Record<string, unknown>>(`/items/import_jobs/${answer.job}`);
    expect(job).toMatchObject({
      kind: 'import_baseline',
      source: 'dtsen',
      file_name: 'dtsen-uji.csv',
      user: userId,
      status: 'done',
      counts: expect.objectContaining({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 }),
    });
    expect(job['started_at']).toBeTruthy();
    expect(job['finished_at']).toBeTruthy();
    const activity = await adminApi().get<{ user: string; action: string }[]>(
      `/activity?filter[collection][_eq]=import_jobs&filter[item][_eq]=${answer.job}&fields=user,action`,
    );
    expect(activity).toEqual([{ user: userId, action: 'create' }]);
    const stored = await household((generatedRows(5, 1)[0] ?? '').split(';')[1] ?? '');
    expect(stored).toMatchObject({ source: 'dtsen', dtsen_id: 'G5-0', dtsen_decile: 1, p3ke_id: null });
  });

  it('serves the rejected rows as a semicolon CSV with BOM and a keterangan column', async () => {
    const answer = dataOf<ImportAnswer>(
      await postCsv(fixture('04-scientific-notation.csv'), { query: 'file_name=p3ke-salah.csv' }),
    );
    expect(answer.rejected).toBe(2);
    const csv = await http('GET', `/siap-pd/import/jobs/${answer.job}/errors.csv`, {
      token: await tokenOf('perencana'),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('p3ke-salah-ditolak.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe(`${HEADER};keterangan`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('6.3110E+15');
    expect(lines[1]).toContain('Baris 2, kolom no_kk');
    // 16-digit numbers stay text in Excel
    expect(lines[2]).toMatch(/"=""631199\d{10}"""/);
  });

  it('accepts a multipart upload (field "file") and takes the file name from it', async () => {
    const form = new FormData();
    form.append('note', 'bukan berkas');
    form.append(
      'file',
      new Blob([`${HEADER}\r\n${generatedRows(6, 2).join('\r\n')}\r\n`], { type: 'text/csv' }),
      'p3ke-desa.csv',
    );
    const answer = await http('POST', '/siap-pd/import/baseline', { body: form });
    const result = dataOf<ImportAnswer>(answer);
    expect([result.inserted, result.rejected, result.file_name]).toEqual([2, 0, 'p3ke-desa.csv']);
  });

  it('refuses a JSON body with 415', async () => {
    const answer = await http('POST', '/siap-pd/import/baseline', {
      body: '{}',
      contentType: 'application/json',
    });
    expect(answer.status).toBe(415);
  });

  it('previews separator, columns and the first 20 rows with their validation, writing nothing', async () => {
    const rows = generatedRows(7, 25);
    rows[1] = (rows[1] ?? '').replace(/;(\d+)$/, ';0');
    const before = await count(adminApi(), 'households');
    const preview = dataOf<{
      separator: string;
      columns: { headers: string[]; absent_optional: string[] };
      rows: { row: number; status: string; errors: { field: string }[]; values: Record<string, string> }[];
      more: boolean;
      problem: unknown;
    }>(
      await postCsv(`${HEADER}\n${rows.join('\n')}\n`, { preview: true, token: await tokenOf('perencana') }),
    );
    expect(preview.separator).toBe(';');
    expect(preview.columns.headers).toEqual(HEADER.split(';'));
    expect(preview.rows).toHaveLength(20);
    expect(preview.more).toBe(true);
    expect(preview.problem).toBeNull();
    expect(preview.rows[0]).toMatchObject({ row: 2, status: 'insert' });
    expect(preview.rows[1]).toMatchObject({
      row: 3,
      status: 'rejected',
      errors: [{ field: 'jumlah_anggota' }],
    });
    expect(await count(adminApi(), 'households')).toBe(before);

    const existing = dataOf<{ rows: { status: string }[] }>(
      await postCsv(fixture('01-comma-lf.csv'), { preview: true }),
    );
    // file 28 changed a name and a desil of file 01's households since
    expect(existing.rows.map((r) => r.status)).toEqual(['update', 'update', 'unchanged']);
    const problem = dataOf<{ problem: { code: string } }>(
      await postCsv(fixture('13-missing-column.csv'), { preview: true }),
    );
    expect(problem.problem.code).toBe('missing_columns');
  });
});

describe('baseline import: who may import', () => {
  it.each([
    ['pimpinan', 403],
    ['operator.63.11.07.2002', 403],
    ['verifikator.63.11.07', 403],
    ['pd.disperkim', 403],
  ])('%s is refused (%i)', async (who, status) => {
    const token = await tokenOf(who);
    const body = `${HEADER}\n${generatedRows(8, 1).join('\n')}\n`;
    expect((await postCsv(body, { token })).status).toBe(status);
    expect((await postCsv(body, { token, preview: true })).status).toBe(status);
    expect((await http('GET', '/siap-pd/import/jobs/1/errors.csv', { token })).status).toBe(status);
  });

  it('the public is refused', async () => {
    expect((await postCsv(`${HEADER}\n`, { token: null })).status).toBe(403);
  });

  it('perencana may import', async () => {
    const answer = await postCsv(`${HEADER}\n${generatedRows(9, 2).join('\n')}\n`, {
      token: await tokenOf('perencana'),
    });
    expect(dataOf<ImportAnswer>(answer).inserted).toBe(2);
  });
});
