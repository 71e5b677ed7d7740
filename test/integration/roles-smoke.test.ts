// Each demo role logs in, does one thing it may and is refused one thing it may not.
// (The full isolation matrix is its own suite.)
import { describe, expect, it } from 'vitest';
import { adminApi, anonymousApi, count, loginAs, refusal } from './helpers.ts';

const DESA_A = '63.11.07.2002';
const KECAMATAN_A = '63.11.07';

async function householdOutside(desa: string): Promise<number> {
  const rows = await adminApi().get<{ id: number }[]>(
    `/items/households?filter[desa][_neq]=${desa}&filter[kecamatan][_neq]=${KECAMATAN_A}&limit=1&fields=id`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('demo data has no household outside the test desa');
  return id;
}

describe('demo roles', () => {
  it('the public sees nothing', async () => {
    expect(await refusal(anonymousApi().get('/items/households'))).toBe(403);
    expect(await refusal(anonymousApi().get('/items/desa'))).toBe(403);
  });

  it('administrator sees the whole reference data and cannot save a malformed NIK', async () => {
    const admin = adminApi();
    expect(await count(admin, 'desa')).toBe(157);
    expect(await count(admin, 'kecamatan')).toBe(8);
    const status = await refusal(
      admin.post('/items/households', { head_name: 'Uji', head_nik: '6.3110E+15', desa: DESA_A }),
    );
    expect(status).toBe(400);
  });

  it('perencana reads every household but cannot create one', async () => {
    const perencana = await loginAs('perencana');
    expect(await count(perencana, 'households')).toBe(await count(adminApi(), 'households'));
    expect(await refusal(perencana.post('/items/households', { head_name: 'Uji', desa: DESA_A }))).toBe(403);
  });

  it('pimpinan reads households but not NIK or No. KK', async () => {
    const pimpinan = await loginAs('pimpinan');
    expect(await count(pimpinan, 'households')).toBeGreaterThan(0);
    expect(await refusal(pimpinan.get('/items/households?fields=head_nik&limit=1'))).toBe(403);
    expect(await refusal(pimpinan.get('/items/household_members?fields=nik&limit=1'))).toBe(403);
  });

  it('operator desa sees only its own desa and is refused another desa by id', async () => {
    const operator = await loginAs(`operator.${DESA_A}`);
    const own = await operator.get<{ desa: string }[]>('/items/households?fields=desa&limit=-1');
    expect(own.length).toBe(await count(adminApi(), 'households', { desa: { _eq: DESA_A } }));
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((h) => h.desa))).toEqual(new Set([DESA_A]));
    const other = await householdOutside(DESA_A);
    expect(await refusal(operator.get(`/items/households/${other}`))).toBe(403);
  });

  it('operator desa creates a household with its head, who becomes its first member', async () => {
    const operator = await loginAs(`operator.${DESA_A}`);
    // a NIK no demo record has (kecamatan code 99 does not exist in the demo; day 41-68 = a woman)
    const nik = `631199${String(41 + (Date.now() % 28))}0190${String(Date.now() % 10_000).padStart(4, '0')}`;
    const created = await operator.post<{ id: number; desa: string }>('/items/households?fields=id,desa', {
      head_nik: nik,
      head_name: 'Siti Kepala Uji',
      address: 'Jl. Uji Kepala',
      member_count: 1,
    });
    try {
      expect(created.desa).toBe(DESA_A);
      const members = await operator.get<{ nik: string; name: string; relation: string; desa: string }[]>(
        `/items/household_members?filter[household][_eq]=${created.id}&fields=nik,name,relation,desa`,
      );
      expect(members).toEqual([{ nik, name: 'Siti Kepala Uji', relation: 'kepala', desa: DESA_A }]);
    } finally {
      await adminApi().delete(`/items/households/${created.id}`);
    }
  });

  it('verifikator kecamatan sees its kecamatan only', async () => {
    const verifikator = await loginAs(`verifikator.${KECAMATAN_A}`);
    const rows = await verifikator.get<{ kecamatan: string }[]>(
      '/items/households?fields=kecamatan&limit=-1',
    );
    expect(rows.length).toBe(await count(adminApi(), 'households', { kecamatan: { _eq: KECAMATAN_A } }));
    expect(new Set(rows.map((h) => h.kecamatan))).toEqual(new Set([KECAMATAN_A]));
    expect(await refusal(verifikator.get(`/items/households/${await householdOutside(DESA_A)}`))).toBe(403);
  });

  it('perangkat daerah reads the sub-kegiatan catalogue but never a NIK', async () => {
    const agency = await loginAs('pd.disperkim');
    const own = await agency.get<{ code: string }[]>(
      '/items/sub_kegiatan?filter[perangkat_daerah][_eq]=disperkim&fields=code',
    );
    expect(own.length).toBeGreaterThan(0);
    expect(await refusal(agency.get('/items/households?fields=head_nik&limit=1'))).toBe(403);
  });
});
