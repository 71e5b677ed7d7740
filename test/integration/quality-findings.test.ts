// Data quality, reconciliation and valid-data statistics against a real Directus: flags kept on
// save by the hooks, the bulk recompute, the findings list, reconciliation progress and change
// list, and the valid-data percentage — each as the roles would see them.
import { afterAll, describe, expect, it } from 'vitest';
import { adminApi, count, loginAs, refusal } from './helpers.ts';
import {
  dataOf,
  deleteTestHouseholds,
  generatedRows,
  HEADER,
  household,
  http,
  postCsv,
  tokenOf,
  type ImportAnswer,
} from './import-support.ts';

const DESA = '63.11.07.2002';
const OTHER_DESA = '63.11.01.2001';
const created: number[] = [];

afterAll(async () => {
  if (created.length > 0) await adminApi().delete('/items/households', created);
  await deleteTestHouseholds();
});

type Findings = {
  households: {
    household: number;
    desa: string;
    flags: string[];
    findings: { flag: string; label: string; message: string }[];
  }[];
  per_desa: { desa: string; households: number; flags: Record<string, number> }[];
  totals: Record<string, number>;
};

describe('quality flags on save (hooks)', () => {
  it('follow every save of the household and its members, inside the save', async () => {
    const operator = await loginAs(`operator.${DESA}`);
    const saved = await operator.post<{ id: number; quality_flags: string[] | null }>(
      '/items/households?fields=id,quality_flags',
      {
        head_name: 'Uji Kualitas',
        head_nik: '6302071708850001',
        no_kk: '6311981203159001',
        desa: DESA,
        member_count: 2,
        latitude: -3.5,
        longitude: 114.2,
      },
    );
    created.push(saved.id);
    expect(saved.quality_flags).toEqual(['nik_outside_region', 'coordinates_outside_region']);

    const flags = async (): Promise<string[] | null> =>
      (
        await operator.get<{ quality_flags: string[] | null }>(
          `/items/households/${saved.id}?fields=quality_flags`,
        )
      ).quality_flags;

    // the head (head_nik, head_name) became the first member with the household itself
    const heads = await operator.get<{ nik: string; relation: string }[]>(
      `/items/household_members?filter[household][_eq]=${saved.id}&fields=nik,relation`,
    );
    expect(heads).toEqual([{ nik: '6302071708850001', relation: 'kepala' }]);
    const child = await operator.post<{ id: number }>('/items/household_members?fields=id', {
      household: saved.id,
      nik: '6311985708120000',
      name: 'Anak Uji',
      relation: 'anak',
    });
    expect(await flags()).toEqual(['nik_outside_region', 'coordinates_outside_region', 'nik_ends_with_0000']);

    await operator.post('/items/household_members', {
      household: saved.id,
      nik: '6311984708140003',
      name: 'Anak Kedua',
      relation: 'anak',
    });
    expect(await flags()).toContain('member_count_mismatch');

    await operator.patch(`/items/households/${saved.id}`, {
      member_count: 3,
      latitude: -2.4,
      longitude: 115.47,
      no_kk: null,
    });
    expect(await flags()).toEqual(['nik_outside_region', 'nik_ends_with_0000', 'no_kk_missing']);

    // operators may not delete members; an administrator's delete goes through the same hooks
    await adminApi().delete(`/items/household_members/${child.id}`);
    expect(await flags()).toEqual(['nik_outside_region', 'member_count_mismatch', 'no_kk_missing']);
  });

  it('an imported household with a NIK of another kabupaten is flagged at import', async () => {
    const [row] = generatedRows(21, 1);
    const parts = (row ?? '').split(';');
    parts[2] = `6302${(parts[2] ?? '').slice(4)}`;
    const answer = dataOf<ImportAnswer>(await postCsv(`${HEADER}\n${parts.join(';')}\n`));
    expect(answer.warning_count).toBe(1);
    expect((await household(parts[1] ?? ''))?.quality_flags).toEqual(['nik_outside_region']);
  });
});

describe('POST /siap-pd/quality/recompute', () => {
  it('recomputes every household and repairs stale flags; recorded as a job', async () => {
    const [target] = await adminApi().get<{ id: number; quality_flags: string[] | null }[]>(
      '/items/households?filter[quality_flags][_null]=true&filter[is_demo][_eq]=true&fields=id,quality_flags&limit=1',
    );
    if (target === undefined) throw new Error('no demo household without flags');
    await adminApi().patch(`/items/households/${target.id}`, { quality_flags: ['no_kk_missing'] });
    const token = await tokenOf('perencana');
    const answer = dataOf<{ checked: number; changed: number; flagged: Record<string, number>; job: number }>(
      await http('POST', '/siap-pd/quality/recompute', { token }),
    );
    expect(answer.checked).toBe(await count(adminApi(), 'households'));
    expect(answer.changed).toBeGreaterThanOrEqual(1);
    expect(
      (
        await adminApi().get<{ quality_flags: unknown }>(
          `/items/households/${target.id}?fields=quality_flags`,
        )
      ).quality_flags,
    ).toBeNull();
    const job = await adminApi().get<{ kind: string; status: string }>(`/items/import_jobs/${answer.job}`);
    expect(job).toMatchObject({ kind: 'recompute_quality', status: 'done' });
    // a second run finds nothing to change
    expect(
      dataOf<{ changed: number }>(await http('POST', '/siap-pd/quality/recompute', { token })).changed,
    ).toBe(0);
  });

  it.each(['pimpinan', `operator.${DESA}`, 'verifikator.63.11.07', 'pd.disperkim'])(
    '%s may not run it',
    async (who) => {
      expect((await http('POST', '/siap-pd/quality/recompute', { token: await tokenOf(who) })).status).toBe(
        403,
      );
    },
  );
});

describe('GET /siap-pd/quality/findings', () => {
  it('lists the open findings of a desa with what to do', async () => {
    const findings = dataOf<Findings>(
      await http('GET', `/siap-pd/quality/findings?desa=${DESA}`, { token: await tokenOf('perencana') }),
    );
    const mine = findings.households.find((h) => h.household === created[0]);
    expect(mine?.flags).toEqual(['nik_outside_region', 'member_count_mismatch', 'no_kk_missing']);
    expect(mine?.findings.map((f) => f.flag)).toEqual(mine?.flags);
    for (const finding of mine?.findings ?? []) {
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.message).not.toMatch(/\d{16}/);
    }
    expect(new Set(findings.households.map((h) => h.desa))).toEqual(new Set([DESA]));
    expect(findings.per_desa).toEqual([
      expect.objectContaining({ desa: DESA, households: findings.households.length }),
    ]);
  });

  it('an operator sees only the findings of the own desa', async () => {
    const token = await tokenOf(`operator.${DESA}`);
    const own = dataOf<Findings>(await http('GET', '/siap-pd/quality/findings', { token }));
    expect(own.households.length).toBeGreaterThan(0);
    expect(new Set(own.households.map((h) => h.desa))).toEqual(new Set([DESA]));
    const other = dataOf<Findings>(
      await http('GET', `/siap-pd/quality/findings?desa=${OTHER_DESA}`, { token }),
    );
    expect(other.households).toEqual([]);
  });

  it('anonymous callers are refused', async () => {
    expect((await http('GET', '/siap-pd/quality/findings', { token: null })).status).toBe(401);
  });
});

type Progress = {
  level: string;
  rows: {
    code: string;
    baseline: number;
    visited: number;
    pending: number;
    progress_pct: number | null;
    dispositions: Record<string, number>;
  }[];
  total: { baseline: number; visited: number; pending: number; dispositions: Record<string, number> };
};

describe('reconciliation', () => {
  it('progress per desa and kecamatan counts baseline households and field dispositions', async () => {
    const token = await tokenOf('perencana');
    const desa = dataOf<Progress>(
      await http('GET', '/siap-pd/reconciliation/progress?level=desa', { token }),
    );
    const kecamatan = dataOf<Progress>(
      await http('GET', '/siap-pd/reconciliation/progress?level=kecamatan', { token }),
    );
    const baseline = await count(adminApi(), 'households', { source: { _in: ['p3ke', 'dtsen'] } });
    const visited = await count(adminApi(), 'households', {
      _and: [{ source: { _in: ['p3ke', 'dtsen'] } }, { baseline_disposition: { _nnull: true } }],
    });
    expect(desa.total).toMatchObject({ baseline, visited, pending: baseline - visited });
    expect(kecamatan.total).toEqual(desa.total);
    expect(kecamatan.rows.length).toBe(8);
    expect(desa.total.dispositions['found']).toBe(
      await count(adminApi(), 'households', { baseline_disposition: { _eq: 'found' } }),
    );
  });

  it('an operator sees the own desa only; a recorded disposition moves the progress', async () => {
    const [row] = generatedRows(22, 1);
    dataOf<ImportAnswer>(await postCsv(`${HEADER}\n${row ?? ''}\n`));
    const imported = await household((row ?? '').split(';')[1] ?? '');
    const token = await tokenOf(`operator.${DESA}`);
    const before = dataOf<Progress>(
      await http('GET', '/siap-pd/reconciliation/progress?level=desa', { token }),
    );
    expect(before.rows.map((r) => r.code)).toEqual([DESA]);

    const [related] = await adminApi().get<{ id: number; no_kk: string }[]>(
      `/items/households?filter[desa][_eq]=${DESA}&filter[baseline_disposition][_eq]=found&fields=id,no_kk&limit=1`,
    );
    const operator = await loginAs(`operator.${DESA}`);
    await operator.patch(`/items/households/${imported?.id ?? 0}`, {
      baseline_disposition: 'moved',
      related_household: related?.id,
    });
    const after = dataOf<Progress>(
      await http('GET', '/siap-pd/reconciliation/progress?level=desa', { token }),
    );
    expect(after.total.visited).toBe(before.total.visited + 1);
    expect(after.total.dispositions['moved']).toBe((before.total.dispositions['moved'] ?? 0) + 1);

    // the change list for the national registry carries it with its related household
    const csv = await http('GET', '/siap-pd/reconciliation/changes.csv', {
      token: await tokenOf('perencana'),
    });
    expect(csv.status).toBe(200);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'no_kk;nik_kepala;nama_kepala;alamat;kode_desa;nama_desa;kode_kecamatan;nama_kecamatan;sumber;id_keluarga;perubahan;keterangan;no_kk_terkait;nama_kepala_terkait',
    );
    const line = lines.find((l) => l.startsWith(`${imported?.no_kk ?? ''};`));
    expect(line).toContain(';moved;Pindah;');
    expect(line).toContain(`;${related?.no_kk ?? ''};`);
    // found households are not changes; field-found households are `new`
    const dispositions = new Set(
      lines
        .slice(1)
        .filter((l) => l !== '')
        .map((l) => l.split(';')[10]),
    );
    expect(dispositions.has('found')).toBe(false);
    expect(dispositions.has('new')).toBe(true);
    const changes = lines.slice(1).filter((l) => l !== '').length;
    const expected = await count(adminApi(), 'households', {
      _or: [
        {
          baseline_disposition: {
            _in: ['moved', 'deceased', 'split', 'merged', 'duplicate', 'not_found', 'new'],
          },
        },
        { _and: [{ baseline_disposition: { _null: true } }, { source: { _eq: 'new' } }] },
      ],
    });
    expect(changes).toBe(expected);
    const [job] = await adminApi().get<{ kind: string; source: string; counts: { rows: number } }[]>(
      '/items/import_jobs?filter[kind][_eq]=export&filter[source][_eq]=reconciliation_changes&sort=-id&limit=1&fields=kind,source,counts',
    );
    expect(job?.counts.rows).toBe(changes);
  });

  it('an operator exports the changes of the own desa only; pimpinan may not read NIK and is refused', async () => {
    const own = await http('GET', '/siap-pd/reconciliation/changes.csv', {
      token: await tokenOf(`operator.${DESA}`),
    });
    expect(own.status).toBe(200);
    const desas = new Set(
      own.text
        .slice(1)
        .split('\r\n')
        .slice(1)
        .filter((l) => l !== '')
        .map((l) => l.split(';')[4]),
    );
    expect(desas).toEqual(new Set([DESA]));
    expect(
      (await http('GET', '/siap-pd/reconciliation/changes.csv', { token: await tokenOf('pimpinan') })).status,
    ).toBe(403);
  });
});

type Validity = {
  level: string;
  round: number;
  target_pct: number | null;
  rows: { code: string; expected: number; verified: number; valid_pct: number | null }[];
  total: { expected: number; verified: number; valid_pct: number | null };
};

describe('GET /siap-pd/stats/validity', () => {
  it('valid data = verified households / households that should have been surveyed', async () => {
    const token = await tokenOf('perencana');
    const result = dataOf<Validity>(await http('GET', '/siap-pd/stats/validity?level=kabupaten', { token }));
    const households = await adminApi().get<{ id: number; baseline_disposition: string | null }[]>(
      '/items/households?fields=id,baseline_disposition&limit=-1',
    );
    const expectedSet = new Set(
      households
        .filter((h) => !['deceased', 'duplicate', 'merged'].includes(h.baseline_disposition ?? ''))
        .map((h) => h.id),
    );
    const verified = await adminApi().get<{ household: number }[]>(
      `/items/surveys?filter[status][_eq]=verified&filter[round][_eq]=${result.round}&fields=household&limit=-1`,
    );
    const verifiedSet = new Set(verified.map((s) => s.household).filter((id) => expectedSet.has(id)));
    expect(result.rows).toEqual([
      expect.objectContaining({ code: '63.11', expected: expectedSet.size, verified: verifiedSet.size }),
    ]);
    expect(result.total.valid_pct).toBe(Math.round((verifiedSet.size / expectedSet.size) * 1000) / 10);
    expect(result.target_pct).toBe(99);

    const perKecamatan = dataOf<Validity>(
      await http('GET', '/siap-pd/stats/validity?level=kecamatan', { token }),
    );
    expect(perKecamatan.rows).toHaveLength(8);
    expect(perKecamatan.total).toEqual(result.total);
  });

  it('an operator gets the own desa', async () => {
    const result = dataOf<Validity>(
      await http('GET', '/siap-pd/stats/validity?level=desa', { token: await tokenOf(`operator.${DESA}`) }),
    );
    expect(result.rows.map((r) => r.code)).toEqual([DESA]);
  });

  it('a wrong level is a 400', async () => {
    expect(await refusal(adminApi().get('/siap-pd/stats/validity?level=provinsi'))).toBe(400);
  });
});
