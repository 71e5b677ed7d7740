// The SIAP-PD data model as data: the source from which schema-snapshot.yaml is generated
// (npm run schema:build). Labels are Bahasa Indonesia first, English second.
import { f, integerKey, stringKey } from './define-field.ts';
import type { Choice, FieldDef, RelationDef } from './define-field.ts';

export interface CollectionDef {
  collection: string;
  label: readonly [singular: string, plural: string, english: string];
  icon: string;
  note: string;
  folder: string | null;
  displayTemplate?: string;
  singleton?: boolean;
  fields: FieldDef[];
}

export const folders: { collection: string; label: string; english: string; icon: string }[] = [
  { collection: 'pendataan', label: 'Pendataan', english: 'Survey data', icon: 'assignment' },
  { collection: 'perencanaan', label: 'Perencanaan', english: 'Planning', icon: 'account_balance' },
  { collection: 'referensi', label: 'Referensi', english: 'Reference data', icon: 'menu_book' },
  { collection: 'wilayah', label: 'Wilayah', english: 'Regions', icon: 'map' },
  { collection: 'sistem', label: 'Sistem', english: 'System', icon: 'settings' },
];

const CLASSIFICATIONS: Choice[] = [
  ['ekstrem', 'Miskin ekstrem'],
  ['miskin', 'Miskin'],
  ['tidak_miskin', 'Tidak miskin'],
  ['unclassified', 'Belum dapat diklasifikasi'],
];
const BASIS: Choice[] = [
  ['income', 'Pendapatan'],
  ['expenditure', 'Pengeluaran'],
];
const SURVEY_STATUS: Choice[] = [
  ['draft', 'Draf'],
  ['submitted', 'Diajukan'],
  ['verified', 'Terverifikasi'],
  ['returned', 'Dikembalikan'],
];
const JKN: Choice[] = [
  ['pbi_apbn', 'PBI APBN'],
  ['pbi_daerah', 'PBI Daerah'],
  ['mandiri_aktif', 'Mandiri aktif'],
  ['mandiri_menunggak', 'Mandiri menunggak'],
  ['tidak_punya', 'Tidak punya'],
];
const NIK_RULE = (field: string): Record<string, unknown> => ({
  _and: [{ [field]: { _regex: '^[0-9]{16}$' } }],
});

const nik = (field: string, label: [string, string], o: Parameters<typeof f.string>[2] = {}): FieldDef =>
  f.string(field, label, {
    maxLength: 16,
    validation: NIK_RULE(field),
    validationMessage: `${label[0]} harus 16 digit angka (tanpa spasi, titik, atau format ilmiah seperti 6.3110E+15).`,
    options: { font: 'monospace', placeholder: '6311xxxxxxxxxxxx', trim: true },
    ...o,
  });

const desaM2o = (o: Parameters<typeof f.m2o>[4] = {}): FieldDef =>
  f.m2o('desa', ['Desa/Kelurahan', 'Village'], 'string', '{{name}}', { required: true, ...o });
const kecamatanM2o = (o: Parameters<typeof f.m2o>[4] = {}): FieldDef =>
  f.m2o('kecamatan', ['Kecamatan', 'District'], 'string', '{{name}}', o);
const pdM2o = (o: Parameters<typeof f.m2o>[4] = {}): FieldDef =>
  f.m2o('perangkat_daerah', ['Perangkat Daerah', 'Agency'], 'string', '{{short_name}}', o);
const subKegiatanM2o = (o: Parameters<typeof f.m2o>[4] = {}): FieldDef =>
  f.m2o('sub_kegiatan', ['Sub-kegiatan', 'Sub-activity'], 'string', '{{code}} {{name}}', o);
const householdM2o = (o: Parameters<typeof f.m2o>[4] = {}): FieldDef =>
  f.m2o('household', ['Rumah tangga', 'Household'], 'integer', '{{head_name}} — {{address}}', {
    required: true,
    ...o,
  });

export const collections: CollectionDef[] = [
  {
    collection: 'kecamatan',
    label: ['Kecamatan', 'Kecamatan', 'Districts'],
    icon: 'location_city',
    note: 'Kecamatan dengan kode Kemendagri',
    folder: 'wilayah',
    displayTemplate: '{{name}}',
    fields: [stringKey('code', ['Kode', 'Code'], 16), f.string('name', ['Nama', 'Name'], { required: true })],
  },
  {
    collection: 'desa',
    label: ['Desa/Kelurahan', 'Desa/Kelurahan', 'Villages'],
    icon: 'holiday_village',
    note: 'Desa dan kelurahan dengan kode Kemendagri (cocokkan selalu dengan kode, bukan nama)',
    folder: 'wilayah',
    displayTemplate: '{{name}}',
    fields: [
      stringKey('code', ['Kode', 'Code'], 20),
      f.string('name', ['Nama', 'Name'], { required: true }),
      kecamatanM2o({ required: true }),
      f.choice(
        'kind',
        ['Jenis', 'Kind'],
        [
          ['desa', 'Desa'],
          ['kelurahan', 'Kelurahan'],
        ],
        { required: true, defaultValue: 'desa' },
      ),
    ],
  },
  {
    collection: 'perangkat_daerah',
    label: ['Perangkat Daerah', 'Perangkat Daerah', 'Agencies'],
    icon: 'apartment',
    note: 'Perangkat daerah (OPD) pelaksana sub-kegiatan',
    folder: 'referensi',
    displayTemplate: '{{short_name}}',
    fields: [
      stringKey('id', ['Kode singkat', 'Slug'], 40),
      f.string('name', ['Nama', 'Name'], { required: true, width: 'full' }),
      f.string('short_name', ['Singkatan', 'Short name'], { required: true }),
      f.string('urusan', ['Kode urusan', 'Government affair code']),
    ],
  },
  {
    collection: 'sub_kegiatan',
    label: ['Sub-kegiatan', 'Sub-kegiatan', 'Sub-activities'],
    icon: 'account_tree',
    note: 'Nomenklatur sub-kegiatan (Kepmendagri 900.1.15.5-1317/2023) dengan biaya satuan',
    folder: 'referensi',
    displayTemplate: '{{code}} {{name}}',
    fields: [
      stringKey('code', ['Kode', 'Code'], 30),
      f.string('name', ['Nama', 'Name'], { required: true, width: 'full' }),
      f.string('program', ['Program', 'Programme'], { width: 'full' }),
      pdM2o({ required: true }),
      f.choice(
        'strategy',
        ['Strategi (Inpres 4/2022)', 'Strategy'],
        [
          ['kurangi_beban', 'Mengurangi beban pengeluaran'],
          ['tingkatkan_pendapatan', 'Meningkatkan pendapatan'],
          ['kurangi_kantong_kemiskinan', 'Mengurangi kantong kemiskinan'],
        ],
      ),
      f.string('unit', ['Satuan', 'Unit']),
      f.rupiah('unit_cost', ['Biaya satuan (Rp per tahun)', 'Unit cost'], {
        note: 'Kosong = belum dapat didanai sampai diisi',
      }),
      f.text('unit_cost_basis', ['Dasar biaya satuan', 'Unit cost basis']),
      f.boolean('unit_cost_is_demo', ['Biaya satuan contoh (demo)', 'Demo unit cost'], {
        defaultValue: false,
      }),
      f.choice(
        'confidence',
        ['Keyakinan', 'Confidence'],
        [
          ['high', 'Tinggi'],
          ['medium', 'Sedang'],
          ['low', 'Rendah'],
        ],
      ),
      f.boolean('active', ['Aktif', 'Active'], { defaultValue: true }),
    ],
  },
  {
    collection: 'poverty_lines',
    label: ['Garis Kemiskinan', 'Garis Kemiskinan', 'Poverty lines'],
    icon: 'trending_flat',
    note: 'Garis kemiskinan dan garis kemiskinan ekstrem (Rp per kapita per bulan) per tahun',
    folder: 'referensi',
    displayTemplate: '{{year}} {{region}}',
    fields: [
      integerKey(),
      f.integer('year', ['Tahun', 'Year'], { required: true }),
      f.string('region', ['Kode wilayah', 'Region code'], { required: true }),
      f.rupiah('poverty_line', ['Garis kemiskinan (Rp/kapita/bulan)', 'Poverty line'], { required: true }),
      f.rupiah(
        'extreme_poverty_line',
        ['Garis kemiskinan ekstrem (Rp/kapita/bulan)', 'Extreme poverty line'],
        {
          required: true,
        },
      ),
      f.text('source', ['Sumber', 'Source']),
    ],
  },
  {
    collection: 'indicators',
    label: ['Aturan Kebutuhan', 'Aturan Kebutuhan', 'Need rules'],
    icon: 'rule',
    note: 'Aturan yang mengubah jawaban survei menjadi kebutuhan dan menautkannya ke sub-kegiatan',
    folder: 'referensi',
    displayTemplate: '{{label}}',
    fields: [
      stringKey('key', ['Kunci', 'Key'], 64),
      f.string('label', ['Nama aturan', 'Label'], { required: true, width: 'full' }),
      f.string('category', ['Kategori', 'Category'], { required: true }),
      f.string('field', ['Isian survei / metrik', 'Survey field or metric']),
      f.choice(
        'operator',
        ['Operator', 'Operator'],
        [
          ['eq', 'sama dengan'],
          ['neq', 'tidak sama dengan'],
          ['in', 'salah satu dari'],
          ['not_in', 'bukan salah satu dari'],
          ['lt', 'kurang dari'],
          ['lte', 'kurang dari atau sama dengan'],
          ['gt', 'lebih dari'],
          ['gte', 'lebih dari atau sama dengan'],
          ['is_true', 'ya'],
          ['is_false', 'tidak'],
        ],
      ),
      f.json('value', ['Nilai', 'Value'], { note: 'JSON: angka, teks, atau daftar, mis. ["tanah","bambu"]' }),
      f.json('condition', ['Kondisi gabungan', 'Compound condition'], {
        interface: 'system-filter',
        options: { collectionName: 'surveys' },
        note: 'Jika diisi, menggantikan isian/operator/nilai',
      }),
      f.string('quantity_field', ['Isian jumlah', 'Quantity field']),
      f.multiChoice('applies_to', ['Berlaku untuk', 'Applies to'], CLASSIFICATIONS.slice(0, 3), {
        defaultValue: '["ekstrem","miskin"]',
      }),
      subKegiatanM2o(),
      f.integer('weight', ['Bobot', 'Weight'], { defaultValue: 1 }),
      f.boolean('active', ['Aktif', 'Active'], { defaultValue: true }),
      f.text('note', ['Catatan', 'Note']),
    ],
  },
  {
    collection: 'planning_settings',
    label: ['Pengaturan Perencanaan', 'Pengaturan Perencanaan', 'Planning settings'],
    icon: 'tune',
    note: 'Wilayah, tahun anggaran aktif, ronde survei, dasar klasifikasi, target validitas',
    folder: 'referensi',
    singleton: true,
    fields: [
      integerKey(),
      f.string('region_name', ['Nama wilayah', 'Region name'], { required: true }),
      f.string('region_code', ['Kode wilayah', 'Region code'], { required: true }),
      f.integer('active_fiscal_year', ['Tahun anggaran aktif', 'Active fiscal year'], { required: true }),
      f.integer('survey_round', ['Ronde survei aktif (tahun)', 'Survey round'], { required: true }),
      f.choice('classification_basis', ['Dasar klasifikasi', 'Classification basis'], BASIS, {
        required: true,
        defaultValue: 'income',
      }),
      f.float('validity_target_pct', ['Target data valid (%)', 'Valid data target (%)'], {
        defaultValue: 99,
      }),
      f.float('bbox_min_lat', ['Lintang minimum', 'Min latitude']),
      f.float('bbox_max_lat', ['Lintang maksimum', 'Max latitude']),
      f.float('bbox_min_lng', ['Bujur minimum', 'Min longitude']),
      f.float('bbox_max_lng', ['Bujur maksimum', 'Max longitude']),
    ],
  },
  {
    collection: 'households',
    label: ['Rumah Tangga', 'Rumah Tangga', 'Households'],
    icon: 'home',
    note: 'Keluarga sasaran by name by address',
    folder: 'pendataan',
    displayTemplate: '{{head_name}} — {{address}}',
    fields: [
      integerKey(),
      f.group('identitas', ['Identitas', 'Identity']),
      f.string('no_kk', ['No. KK', 'Family card number'], {
        group: 'identitas',
        unique: true,
        maxLength: 16,
        validation: NIK_RULE('no_kk'),
        validationMessage:
          'No. KK harus 16 digit angka (tanpa spasi atau format ilmiah). Kosongkan bila keluarga belum punya KK.',
        options: { font: 'monospace', trim: true },
      }),
      nik('head_nik', ['NIK kepala keluarga', 'Head NIK'], { group: 'identitas', indexed: true }),
      f.string('head_name', ['Nama kepala keluarga', 'Head name'], { group: 'identitas', required: true }),
      f.text('address', ['Alamat', 'Address'], { group: 'identitas' }),
      f.string('rt_rw', ['RT/RW', 'RT/RW'], { group: 'identitas' }),
      desaM2o({ group: 'identitas' }),
      kecamatanM2o({ group: 'identitas', readonly: true, note: 'Diisi otomatis dari desa' }),
      f.float('latitude', ['Lintang', 'Latitude'], { group: 'identitas' }),
      f.float('longitude', ['Bujur', 'Longitude'], { group: 'identitas' }),
      f.integer('member_count', ['Jumlah anggota keluarga', 'Member count'], {
        group: 'identitas',
        validation: { _and: [{ member_count: { _gte: 1 } }] },
        validationMessage: 'Jumlah anggota keluarga minimal 1.',
      }),
      f.o2m('members', ['Anggota keluarga', 'Members'], '{{name}} ({{relation}})', { group: 'identitas' }),
      f.group('baseline', ['Data awal (P3KE/DTSEN)', 'Baseline'], { start: 'closed' }),
      f.choice(
        'source',
        ['Sumber data', 'Source'],
        [
          ['p3ke', 'P3KE'],
          ['dtsen', 'DTSEN'],
          ['new', 'Baru (temuan lapangan)'],
        ],
        { group: 'baseline', defaultValue: 'new' },
      ),
      f.string('p3ke_id', ['ID keluarga P3KE', 'P3KE id'], { group: 'baseline', indexed: true }),
      f.string('dtsen_id', ['ID keluarga DTSEN', 'DTSEN id'], { group: 'baseline', indexed: true }),
      f.integer('p3ke_decile', ['Desil P3KE', 'P3KE decile'], {
        group: 'baseline',
        validation: { _and: [{ p3ke_decile: { _gte: 1 } }, { p3ke_decile: { _lte: 10 } }] },
        validationMessage: 'Desil harus antara 1 dan 10.',
      }),
      f.integer('dtsen_decile', ['Desil DTSEN', 'DTSEN decile'], {
        group: 'baseline',
        validation: { _and: [{ dtsen_decile: { _gte: 1 } }, { dtsen_decile: { _lte: 10 } }] },
        validationMessage: 'Desil harus antara 1 dan 10.',
      }),
      f.choice(
        'baseline_disposition',
        ['Hasil verifikasi lapangan', 'Field disposition'],
        [
          ['found', 'Ditemukan'],
          ['moved', 'Pindah'],
          ['deceased', 'Meninggal'],
          ['split', 'Pisah KK'],
          ['merged', 'Gabung KK'],
          ['duplicate', 'Ganda'],
          ['not_found', 'Tidak ditemukan'],
          ['new', 'Baru'],
        ],
        { group: 'baseline' },
      ),
      f.m2o('related_household', ['Rumah tangga terkait', 'Related household'], 'integer', '{{head_name}}', {
        group: 'baseline',
        note: 'Pasangan pisah, gabung, ganda, atau pindah',
      }),
      f.group('hasil', ['Hasil klasifikasi', 'Classification'], { start: 'open' }),
      f.choice('classification', ['Klasifikasi', 'Classification'], CLASSIFICATIONS, {
        group: 'hasil',
        readonly: true,
        indexed: true,
      }),
      f.string('classification_reason', ['Alasan belum terklasifikasi', 'Unclassified reason'], {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('income_per_capita', ['Per kapita (Rp/bulan)', 'Per capita'], {
        group: 'hasil',
        readonly: true,
      }),
      f.choice('classification_basis', ['Dasar klasifikasi', 'Basis'], BASIS, {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('poverty_line_used', ['Garis kemiskinan dipakai', 'Poverty line used'], {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('extreme_line_used', ['Garis ekstrem dipakai', 'Extreme line used'], {
        group: 'hasil',
        readonly: true,
      }),
      f.m2o(
        'classified_survey',
        ['Survei yang dihitung', 'Counted survey'],
        'integer',
        '{{round}} {{status}}',
        {
          group: 'hasil',
          readonly: true,
        },
      ),
      f.timestamp('classified_at', ['Waktu klasifikasi', 'Classified at'], {
        group: 'hasil',
        readonly: true,
      }),
      f.integer('need_count', ['Jumlah kebutuhan', 'Need count'], {
        group: 'hasil',
        readonly: true,
        defaultValue: 0,
      }),
      f.choice('survey_status', ['Status survei putaran ini', 'Survey status of the round'], SURVEY_STATUS, {
        group: 'hasil',
        readonly: true,
        note: 'Diisi otomatis dari survei putaran di Pengaturan: terverifikasi bila ada yang terverifikasi, lalu diajukan, lalu status survei terakhir',
      }),
      f.multiChoice(
        'quality_flags',
        ['Temuan kualitas data', 'Quality flags'],
        [
          ['nik_outside_region', 'NIK terdaftar di luar kabupaten'],
          ['coordinates_outside_region', 'Koordinat di luar kabupaten'],
          ['member_count_mismatch', 'Jumlah anggota berbeda dengan daftar anggota'],
          ['nik_ends_with_0000', 'NIK berakhiran 0000 (terpotong Excel)'],
          ['no_kk_missing', 'Belum punya KK'],
        ],
        { group: 'hasil', readonly: true },
      ),
      f.o2m('surveys', ['Survei', 'Surveys'], '{{round}} — {{status}}', { group: 'hasil' }),
      f.o2m('needs', ['Kebutuhan', 'Needs'], '{{category}} — {{status}}', { group: 'hasil' }),
      f.boolean('is_demo', ['Data contoh (demo)', 'Demo data'], { defaultValue: false, hidden: true }),
      f.dateCreated(),
      f.dateUpdated(),
      f.userCreated(),
      f.userUpdated(),
    ],
  },
  {
    collection: 'household_members',
    label: ['Anggota Keluarga', 'Anggota Keluarga', 'Household members'],
    icon: 'group',
    note: 'Anggota rumah tangga; satu NIK hanya di satu rumah tangga',
    folder: 'pendataan',
    displayTemplate: '{{name}}',
    fields: [
      integerKey(),
      householdM2o(),
      desaM2o({ readonly: true, note: 'Diisi otomatis dari rumah tangga' }),
      nik('nik', ['NIK', 'NIK'], { unique: true }),
      f.string('name', ['Nama', 'Name'], { required: true }),
      f.choice(
        'relation',
        ['Hubungan dengan kepala keluarga', 'Relation'],
        [
          ['kepala', 'Kepala keluarga'],
          ['pasangan', 'Istri/suami'],
          ['anak', 'Anak'],
          ['menantu', 'Menantu'],
          ['cucu', 'Cucu'],
          ['orang_tua', 'Orang tua/mertua'],
          ['lainnya', 'Lainnya'],
        ],
        { required: true },
      ),
      f.choice(
        'sex',
        ['Jenis kelamin', 'Sex'],
        [
          ['L', 'Laki-laki'],
          ['P', 'Perempuan'],
        ],
      ),
      f.date('birth_date', ['Tanggal lahir', 'Birth date']),
      f.choice(
        'education',
        ['Ijazah tertinggi', 'Education'],
        [
          ['tidak_sekolah', 'Tidak/belum punya ijazah'],
          ['sd', 'SD/sederajat'],
          ['smp', 'SMP/sederajat'],
          ['sma', 'SMA/sederajat'],
          ['diploma', 'Diploma'],
          ['sarjana', 'Sarjana ke atas'],
        ],
      ),
      f.choice(
        'school_status',
        ['Status sekolah', 'School status'],
        [
          ['belum_sekolah', 'Belum sekolah'],
          ['sekolah', 'Masih sekolah'],
          ['tidak_sekolah_lagi', 'Tidak sekolah lagi'],
          ['putus_sekolah', 'Putus sekolah'],
          ['tidak_pernah', 'Tidak pernah sekolah'],
        ],
      ),
      f.boolean('working', ['Bekerja', 'Working']),
      f.multiChoice(
        'disability',
        ['Disabilitas', 'Disability'],
        [
          ['fisik', 'Fisik'],
          ['intelektual', 'Intelektual'],
          ['mental', 'Mental'],
          ['sensorik', 'Sensorik'],
        ],
      ),
      f.choice('jkn_status', ['Kepesertaan JKN', 'JKN status'], JKN),
      f.dateCreated(),
      f.dateUpdated(),
      f.userCreated(),
      f.userUpdated(),
    ],
  },
  {
    collection: 'surveys',
    label: ['Survei Rumah Tangga', 'Survei Rumah Tangga', 'Household surveys'],
    icon: 'fact_check',
    note: 'Satu survei per rumah tangga per ronde',
    folder: 'pendataan',
    displayTemplate: '{{household.head_name}} — {{round}} ({{status}})',
    fields: [
      integerKey(),
      f.group('identitas', ['Identitas', 'Identity']),
      householdM2o({ group: 'identitas' }),
      desaM2o({ group: 'identitas', readonly: true, note: 'Diisi otomatis dari rumah tangga' }),
      f.integer('round', ['Ronde (tahun)', 'Round'], { group: 'identitas', required: true }),
      f.string('surveyor', ['Nama pencacah', 'Surveyor'], { group: 'identitas' }),
      f.date('surveyed_at', ['Tanggal survei', 'Survey date'], { group: 'identitas' }),
      f.choice('status', ['Status', 'Status'], SURVEY_STATUS, {
        group: 'identitas',
        required: true,
        defaultValue: 'draft',
        indexed: true,
      }),
      f.float('latitude', ['Lintang', 'Latitude'], { group: 'identitas' }),
      f.float('longitude', ['Bujur', 'Longitude'], { group: 'identitas' }),
      f.file('photo', ['Foto rumah', 'House photo'], { group: 'identitas' }),
      f.group('rumah', ['Rumah', 'Dwelling']),
      f.choice(
        'house_ownership',
        ['Status kepemilikan rumah', 'House ownership'],
        [
          ['milik_sendiri', 'Milik sendiri'],
          ['sewa', 'Sewa/kontrak'],
          ['bebas_sewa', 'Bebas sewa'],
          ['dinas', 'Dinas'],
          ['lainnya', 'Lainnya'],
        ],
        { group: 'rumah' },
      ),
      f.float('floor_area_m2', ['Luas lantai rumah (m²)', 'Floor area'], {
        group: 'rumah',
        validation: { _and: [{ floor_area_m2: { _gt: 0 } }] },
        validationMessage: 'Luas lantai harus lebih dari 0 m².',
      }),
      f.choice(
        'floor_type',
        ['Jenis lantai terluas', 'Floor type'],
        [
          ['keramik', 'Keramik/marmer/granit'],
          ['semen', 'Semen/plester'],
          ['kayu_baik', 'Kayu/papan kualitas baik'],
          ['kayu_murah', 'Kayu/papan kualitas rendah'],
          ['bambu', 'Bambu'],
          ['tanah', 'Tanah'],
        ],
        { group: 'rumah' },
      ),
      f.choice(
        'wall_type',
        ['Jenis dinding terluas', 'Wall type'],
        [
          ['tembok_plester', 'Tembok diplester'],
          ['tembok_tanpa_plester', 'Tembok tanpa plester'],
          ['kayu_baik', 'Kayu/papan kualitas baik'],
          ['kayu_murah', 'Kayu/papan kualitas rendah'],
          ['bambu', 'Bambu'],
          ['rumbia', 'Rumbia/anyaman'],
        ],
        { group: 'rumah' },
      ),
      f.choice(
        'roof_type',
        ['Jenis atap terluas', 'Roof type'],
        [
          ['genteng_seng_beton', 'Genteng/seng/beton'],
          ['sirap_kayu', 'Sirap/kayu'],
          ['rumbia_daun', 'Rumbia/ijuk/daun'],
        ],
        { group: 'rumah' },
      ),
      f.group('layanan_dasar', ['Layanan Dasar', 'Basic services']),
      f.choice(
        'toilet',
        ['Fasilitas buang air besar', 'Toilet'],
        [
          ['sendiri', 'Milik sendiri'],
          ['bersama', 'Bersama'],
          ['umum', 'Umum'],
          ['tidak_ada', 'Tidak ada'],
        ],
        { group: 'layanan_dasar' },
      ),
      f.choice(
        'drinking_water',
        ['Sumber air minum utama', 'Drinking water'],
        [
          ['kemasan', 'Air kemasan'],
          ['isi_ulang', 'Air isi ulang'],
          ['leding', 'Leding/PDAM'],
          ['sumur_bor', 'Sumur bor/pompa'],
          ['sumur_terlindung', 'Sumur terlindung'],
          ['sumur_tak_terlindung', 'Sumur tak terlindung'],
          ['mata_air_terlindung', 'Mata air terlindung'],
          ['mata_air_tak_terlindung', 'Mata air tak terlindung'],
          ['air_permukaan', 'Air permukaan (sungai/danau)'],
          ['air_hujan', 'Air hujan'],
        ],
        { group: 'layanan_dasar' },
      ),
      f.choice(
        'lighting',
        ['Sumber penerangan utama', 'Lighting'],
        [
          ['pln_meteran', 'Listrik PLN dengan meteran'],
          ['pln_numpang', 'Listrik PLN menumpang'],
          ['non_pln', 'Listrik non-PLN'],
          ['bukan_listrik', 'Bukan listrik'],
        ],
        { group: 'layanan_dasar' },
      ),
      f.choice(
        'cooking_fuel',
        ['Bahan bakar memasak', 'Cooking fuel'],
        [
          ['listrik', 'Listrik'],
          ['lpg', 'LPG'],
          ['minyak_tanah', 'Minyak tanah'],
          ['kayu_bakar', 'Kayu bakar'],
          ['arang', 'Arang'],
        ],
        { group: 'layanan_dasar' },
      ),
      f.group('kesehatan_pendidikan', ['Kesehatan & Pendidikan', 'Health & education']),
      f.integer('meals_per_day', ['Berapa kali makan sehari', 'Meals per day'], {
        group: 'kesehatan_pendidikan',
        validation: { _and: [{ meals_per_day: { _gte: 1 } }, { meals_per_day: { _lte: 3 } }] },
        validationMessage: 'Isi 1, 2, atau 3 kali sehari.',
      }),
      f.boolean('can_afford_clinic', ['Mampu membayar berobat ke puskesmas', 'Can afford clinic'], {
        group: 'kesehatan_pendidikan',
      }),
      f.choice('jkn_status', ['Kepesertaan JKN kepala keluarga', 'JKN status'], JKN, {
        group: 'kesehatan_pendidikan',
      }),
      ...(
        [
          ['members_without_jkn', 'Jumlah anggota tanpa JKN aktif', 'Members without JKN'],
          ['children_out_of_school', 'Jumlah anak usia sekolah yang tidak sekolah', 'Children out of school'],
          ['disabled_members', 'Jumlah anggota penyandang disabilitas', 'Disabled members'],
          ['members_without_nik', 'Jumlah anggota tanpa NIK/akta', 'Members without NIK'],
        ] as const
      ).map(([key, id, en]) =>
        f.integer(key, [id, en], {
          group: 'kesehatan_pendidikan',
          validation: { _and: [{ [key]: { _gte: 0 } }] },
          validationMessage: `${id} tidak boleh negatif.`,
        }),
      ),
      f.boolean('elderly_alone', ['Lansia tinggal sendiri / terlantar', 'Elderly alone'], {
        group: 'kesehatan_pendidikan',
      }),
      f.boolean('stunting_risk', ['Keluarga berisiko stunting', 'Stunting risk'], {
        group: 'kesehatan_pendidikan',
        note: 'Ada ibu hamil atau baduta berisiko',
      }),
      f.group('ekonomi', ['Ekonomi', 'Economy']),
      f.rupiah('monthly_income', ['Total penghasilan keluarga per bulan (Rp)', 'Monthly income'], {
        group: 'ekonomi',
        validation: { _and: [{ monthly_income: { _gte: 0 } }] },
        validationMessage: 'Penghasilan tidak boleh negatif.',
      }),
      f.rupiah('monthly_expenditure', ['Total pengeluaran keluarga per bulan (Rp)', 'Monthly expenditure'], {
        group: 'ekonomi',
        validation: { _and: [{ monthly_expenditure: { _gte: 0 } }] },
        validationMessage: 'Pengeluaran tidak boleh negatif.',
      }),
      f.integer('member_count', ['Jumlah anggota keluarga', 'Member count'], {
        group: 'ekonomi',
        validation: { _and: [{ member_count: { _gte: 1 } }] },
        validationMessage: 'Jumlah anggota keluarga minimal 1.',
      }),
      f.integer('unemployed_adults', ['Jumlah anggota usia kerja yang tidak bekerja', 'Unemployed adults'], {
        group: 'ekonomi',
        validation: { _and: [{ unemployed_adults: { _gte: 0 } }] },
        validationMessage: 'Jumlah tidak boleh negatif.',
      }),
      f.boolean('has_micro_business', ['Memiliki usaha mikro', 'Has micro business'], { group: 'ekonomi' }),
      f.group('bantuan', ['Bantuan', 'Assistance']),
      f.multiChoice(
        'aid_received',
        ['Bantuan yang diterima setahun terakhir', 'Aid received'],
        [
          ['pkh', 'PKH'],
          ['bpnt', 'BPNT/Sembako'],
          ['pip', 'PIP'],
          ['pbi_jkn', 'PBI JKN'],
          ['blt_dd', 'BLT Dana Desa'],
          ['bsps', 'BSPS (bedah rumah)'],
          ['bpbl', 'BPBL (pasang listrik)'],
          ['lainnya', 'Lainnya'],
        ],
        { group: 'bantuan' },
      ),
      f.group('verifikasi', ['Verifikasi', 'Verification']),
      f.m2o('verified_by', ['Diverifikasi oleh', 'Verified by'], 'uuid', '{{first_name}} {{last_name}}', {
        group: 'verifikasi',
        readonly: true,
      }),
      f.timestamp('verified_at', ['Waktu verifikasi', 'Verified at'], {
        group: 'verifikasi',
        readonly: true,
      }),
      f.text('return_note', ['Catatan pengembalian', 'Return note'], {
        group: 'verifikasi',
        note: 'Wajib diisi verifikator bila survei dikembalikan',
      }),
      f.group('hasil', ['Hasil perhitungan', 'Computed result'], { start: 'closed' }),
      f.choice('classification', ['Klasifikasi', 'Classification'], CLASSIFICATIONS, {
        group: 'hasil',
        readonly: true,
      }),
      f.string('classification_reason', ['Alasan belum terklasifikasi', 'Unclassified reason'], {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('income_per_capita', ['Per kapita (Rp/bulan)', 'Per capita'], {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('poverty_line_used', ['Garis kemiskinan dipakai', 'Poverty line used'], {
        group: 'hasil',
        readonly: true,
      }),
      f.rupiah('extreme_line_used', ['Garis ekstrem dipakai', 'Extreme line used'], {
        group: 'hasil',
        readonly: true,
      }),
      f.dateCreated(),
      f.dateUpdated(),
      f.userCreated(),
      f.userUpdated(),
    ],
  },
  {
    collection: 'needs',
    label: ['Kebutuhan', 'Kebutuhan', 'Needs'],
    icon: 'volunteer_activism',
    note: 'Kebutuhan rumah tangga yang terdeteksi dari survei',
    folder: 'perencanaan',
    displayTemplate: '{{category}} — {{household.head_name}}',
    fields: [
      integerKey(),
      householdM2o(),
      f.m2o('indicator', ['Aturan', 'Rule'], 'string', '{{label}}', { required: true }),
      f.m2o('survey', ['Survei', 'Survey'], 'integer', '{{round}}'),
      f.integer('quantity', ['Volume', 'Quantity'], { defaultValue: 1 }),
      f.string('category', ['Kategori', 'Category'], { indexed: true }),
      subKegiatanM2o(),
      pdM2o(),
      desaM2o({ required: false }),
      kecamatanM2o(),
      f.choice(
        'status',
        ['Status', 'Status'],
        [
          ['open', 'Terbuka'],
          ['planned', 'Direncanakan'],
          ['addressed', 'Tertangani'],
          ['dismissed', 'Dikesampingkan'],
          ['resolved', 'Selesai (tidak terdeteksi lagi)'],
        ],
        // no index of its own: siap_needs_summary (status, category, ...) starts with it, and an
        // allocation run moves tens of thousands of needs between statuses (each index costs time)
        { required: true, defaultValue: 'open' },
      ),
      f.boolean('no_longer_detected', ['Tidak terdeteksi lagi', 'No longer detected'], {
        defaultValue: false,
      }),
      f.text('dismiss_reason', ['Alasan dikesampingkan', 'Dismiss reason']),
      f.dateCreated(),
      f.dateUpdated(),
    ],
  },
  {
    collection: 'budget_ceilings',
    label: ['Pagu Indikatif', 'Pagu Indikatif', 'Budget ceilings'],
    icon: 'savings',
    note: 'Pagu indikatif per perangkat daerah per tahun anggaran',
    folder: 'perencanaan',
    displayTemplate: '{{fiscal_year}} {{perangkat_daerah.short_name}}',
    fields: [
      integerKey(),
      f.integer('fiscal_year', ['Tahun anggaran', 'Fiscal year'], { required: true }),
      pdM2o({ required: true }),
      f.rupiah('amount', ['Pagu (Rp)', 'Amount'], { required: true }),
      f.text('note', ['Catatan', 'Note']),
    ],
  },
  {
    collection: 'allocation_runs',
    label: ['Alokasi Anggaran', 'Alokasi Anggaran', 'Allocation runs'],
    icon: 'calculate',
    note: 'Hasil perhitungan alokasi; yang ditetapkan tidak berubah lagi',
    folder: 'perencanaan',
    displayTemplate: '{{fiscal_year}} #{{id}} ({{status}})',
    fields: [
      integerKey(),
      f.integer('fiscal_year', ['Tahun anggaran', 'Fiscal year'], { required: true }),
      f.choice(
        'status',
        ['Status', 'Status'],
        [
          ['draft', 'Draf'],
          ['ditetapkan', 'Ditetapkan'],
        ],
        { required: true, defaultValue: 'draft' },
      ),
      f.string('decree_number', ['Nomor keputusan', 'Decree number']),
      f.date('decree_date', ['Tanggal keputusan', 'Decree date']),
      f.json('scope', ['Cakupan wilayah', 'Scope'], { readonly: true }),
      f.json('parameters', ['Parameter', 'Parameters'], { readonly: true }),
      f.json('totals', ['Total', 'Totals'], { readonly: true }),
      f.json('agencies', ['Per perangkat daerah', 'Per agency'], { readonly: true }),
      f.json('lines', ['Baris sub-kegiatan', 'Lines'], { readonly: true }),
      f.json('unfunded', ['Tidak terdanai', 'Unfunded'], { readonly: true }),
      f.dateCreated(),
      f.userCreated(),
    ],
  },
  {
    collection: 'interventions',
    label: ['Intervensi', 'Intervensi', 'Interventions'],
    icon: 'handshake',
    note: 'Intervensi per rumah tangga per sub-kegiatan',
    folder: 'perencanaan',
    displayTemplate: '{{sub_kegiatan.name}} — {{household.head_name}}',
    fields: [
      integerKey(),
      householdM2o(),
      f.m2o('need', ['Kebutuhan', 'Need'], 'integer', '{{category}}'),
      // Year, agency and sub-kegiatan share ONE composite index (siap_interventions_year, created by
      // the maintenance step with the summary indexes); desa, kecamatan and the run have none: an
      // allocation run inserts up to 200,000 interventions and re-points the ones it keeps to
      // itself, and every single-column index costs it time (readers filter by year, agency or
      // household; a run's interventions are read by year and run; see summary-indexes.ts).
      subKegiatanM2o({ required: true, indexed: false }),
      pdM2o({ required: true, indexed: false }),
      desaM2o({ required: false, indexed: false }),
      kecamatanM2o({ indexed: false }),
      f.integer('fiscal_year', ['Tahun anggaran', 'Fiscal year'], { required: true }),
      f.m2o('allocation_run', ['Alokasi', 'Allocation run'], 'integer', '#{{id}}', { indexed: false }),
      f.integer('quantity', ['Volume', 'Quantity'], { defaultValue: 1 }),
      f.rupiah('unit_cost', ['Biaya satuan (Rp)', 'Unit cost'], { readonly: true }),
      f.rupiah('planned_cost', ['Biaya rencana (Rp)', 'Planned cost'], { readonly: true }),
      f.choice(
        'status',
        ['Status', 'Status'],
        [
          ['planned', 'Direncanakan'],
          ['budgeted', 'Dianggarkan'],
          ['in_progress', 'Berjalan'],
          ['completed', 'Selesai'],
          ['cancelled', 'Dibatalkan'],
        ],
        { required: true, defaultValue: 'planned', indexed: true },
      ),
      f.rupiah('realized_cost', ['Realisasi (Rp)', 'Realised cost']),
      f.timestamp('completed_at', ['Waktu selesai', 'Completed at']),
      f.file('evidence', ['Bukti', 'Evidence']),
      f.text('note', ['Catatan', 'Note']),
      f.dateCreated(),
      f.dateUpdated(),
    ],
  },
  {
    collection: 'intervention_reports',
    label: ['Laporan Triwulan', 'Laporan Triwulan', 'Quarterly reports'],
    icon: 'event_note',
    note: 'Kemajuan intervensi per triwulan',
    folder: 'perencanaan',
    displayTemplate: '{{fiscal_year}} TW{{quarter}}',
    fields: [
      integerKey(),
      f.m2o('intervention', ['Intervensi', 'Intervention'], 'integer', '#{{id}}', { required: true }),
      pdM2o({ readonly: true, note: 'Diisi otomatis dari intervensi' }),
      f.integer('fiscal_year', ['Tahun anggaran', 'Fiscal year'], { required: true }),
      f.choice(
        'quarter',
        ['Triwulan', 'Quarter'],
        [
          ['1', 'Triwulan I'],
          ['2', 'Triwulan II'],
          ['3', 'Triwulan III'],
          ['4', 'Triwulan IV'],
        ],
        { required: true },
      ),
      f.integer('progress_pct', ['Kemajuan (%)', 'Progress'], {
        validation: { _and: [{ progress_pct: { _gte: 0 } }, { progress_pct: { _lte: 100 } }] },
        validationMessage: 'Kemajuan antara 0 dan 100 persen.',
      }),
      f.rupiah('realized_cost', ['Realisasi (Rp)', 'Realised cost']),
      f.text('note', ['Catatan', 'Note']),
      f.file('evidence', ['Bukti', 'Evidence']),
      f.dateCreated(),
      f.userCreated(),
    ],
  },
  {
    collection: 'tagged_budget',
    label: ['Anggaran Tertandai', 'Anggaran Tertandai', 'Tagged budget'],
    icon: 'sell',
    note: 'Anggaran yang ditandai untuk penghapusan kemiskinan ekstrem di SIPD',
    folder: 'perencanaan',
    displayTemplate: '{{fiscal_year}} {{sub_kegiatan_code}}',
    fields: [
      integerKey(),
      f.integer('fiscal_year', ['Tahun anggaran', 'Fiscal year'], { required: true }),
      f.string('sub_kegiatan_code', ['Kode sub-kegiatan', 'Sub-activity code'], {
        required: true,
        indexed: true,
      }),
      f.string('name', ['Nama sub-kegiatan', 'Name'], { width: 'full' }),
      pdM2o(),
      f.rupiah('amount', ['Anggaran (Rp)', 'Amount'], { required: true }),
    ],
  },
  {
    collection: 'import_jobs',
    label: ['Riwayat Proses', 'Riwayat Proses', 'Jobs'],
    icon: 'history',
    note: 'Setiap impor, klasifikasi ulang, hitung ulang kebutuhan, dan alokasi',
    folder: 'sistem',
    displayTemplate: '{{kind}} {{started_at}}',
    fields: [
      integerKey(),
      f.choice(
        'kind',
        ['Jenis', 'Kind'],
        [
          ['import_baseline', 'Impor data awal'],
          ['import_tagged_budget', 'Impor anggaran tertandai'],
          ['reclassify', 'Klasifikasi ulang'],
          ['recompute_needs', 'Hitung ulang kebutuhan'],
          ['recompute_quality', 'Hitung ulang kualitas data'],
          ['allocation', 'Alokasi anggaran'],
          ['export', 'Ekspor data'],
          ['load_demo', 'Muat data demo'],
        ],
        { required: true },
      ),
      f.string('source', ['Sumber', 'Source']),
      f.string('file_name', ['Nama berkas', 'File name']),
      f.m2o('user', ['Pengguna', 'User'], 'uuid', '{{first_name}} {{last_name}}'),
      f.timestamp('started_at', ['Mulai', 'Started']),
      f.timestamp('finished_at', ['Selesai', 'Finished']),
      f.choice(
        'status',
        ['Status', 'Status'],
        [
          ['running', 'Berjalan'],
          ['done', 'Selesai'],
          ['failed', 'Gagal'],
        ],
        { defaultValue: 'running' },
      ),
      f.json('counts', ['Jumlah', 'Counts']),
      f.json('errors', ['Baris ditolak', 'Errors']),
      f.text('message', ['Pesan', 'Message']),
    ],
  },
];

/** Extra fields on Directus's own users collection. */
export const userFields: FieldDef[] = [
  f.m2o('desa', ['Desa/Kelurahan', 'Village'], 'string', '{{name}}', { note: 'Untuk operator desa' }),
  f.m2o('kecamatan', ['Kecamatan', 'District'], 'string', '{{name}}', {
    note: 'Untuk verifikator kecamatan; untuk operator diisi kecamatan desanya',
  }),
  f.m2o('perangkat_daerah', ['Perangkat Daerah', 'Agency'], 'string', '{{short_name}}', {
    note: 'Untuk staf perangkat daerah',
  }),
];

const rel = (
  collection: string,
  field: string,
  related: string,
  onDelete: 'SET NULL' | 'CASCADE' | 'RESTRICT' | 'NO ACTION',
  oneField: string | null = null,
): RelationDef => ({
  collection,
  field,
  related_collection: related,
  meta: { one_field: oneField, sort_field: null, one_deselect_action: 'nullify' },
  schema: { on_delete: onDelete },
});

export const relations: RelationDef[] = [
  rel('desa', 'kecamatan', 'kecamatan', 'RESTRICT'),
  rel('sub_kegiatan', 'perangkat_daerah', 'perangkat_daerah', 'RESTRICT'),
  rel('indicators', 'sub_kegiatan', 'sub_kegiatan', 'SET NULL'),
  rel('households', 'desa', 'desa', 'RESTRICT'),
  rel('households', 'kecamatan', 'kecamatan', 'RESTRICT'),
  rel('households', 'related_household', 'households', 'SET NULL'),
  rel('households', 'classified_survey', 'surveys', 'SET NULL'),
  rel('household_members', 'household', 'households', 'CASCADE', 'members'),
  rel('household_members', 'desa', 'desa', 'RESTRICT'),
  rel('surveys', 'household', 'households', 'CASCADE', 'surveys'),
  rel('surveys', 'desa', 'desa', 'RESTRICT'),
  rel('surveys', 'verified_by', 'directus_users', 'SET NULL'),
  rel('surveys', 'photo', 'directus_files', 'SET NULL'),
  rel('needs', 'household', 'households', 'CASCADE', 'needs'),
  rel('needs', 'indicator', 'indicators', 'RESTRICT'),
  rel('needs', 'survey', 'surveys', 'SET NULL'),
  rel('needs', 'sub_kegiatan', 'sub_kegiatan', 'SET NULL'),
  rel('needs', 'perangkat_daerah', 'perangkat_daerah', 'SET NULL'),
  rel('needs', 'desa', 'desa', 'SET NULL'),
  rel('needs', 'kecamatan', 'kecamatan', 'SET NULL'),
  rel('budget_ceilings', 'perangkat_daerah', 'perangkat_daerah', 'CASCADE'),
  rel('interventions', 'household', 'households', 'CASCADE'),
  rel('interventions', 'need', 'needs', 'SET NULL'),
  rel('interventions', 'sub_kegiatan', 'sub_kegiatan', 'RESTRICT'),
  rel('interventions', 'perangkat_daerah', 'perangkat_daerah', 'RESTRICT'),
  rel('interventions', 'desa', 'desa', 'SET NULL'),
  rel('interventions', 'kecamatan', 'kecamatan', 'SET NULL'),
  rel('interventions', 'allocation_run', 'allocation_runs', 'SET NULL'),
  rel('interventions', 'evidence', 'directus_files', 'SET NULL'),
  rel('intervention_reports', 'intervention', 'interventions', 'CASCADE'),
  rel('intervention_reports', 'perangkat_daerah', 'perangkat_daerah', 'SET NULL'),
  rel('intervention_reports', 'evidence', 'directus_files', 'SET NULL'),
  rel('tagged_budget', 'perangkat_daerah', 'perangkat_daerah', 'SET NULL'),
  rel('import_jobs', 'user', 'directus_users', 'SET NULL'),
  rel('directus_users', 'desa', 'desa', 'SET NULL'),
  rel('directus_users', 'kecamatan', 'kecamatan', 'SET NULL'),
  rel('directus_users', 'perangkat_daerah', 'perangkat_daerah', 'SET NULL'),
  ...['households', 'household_members', 'surveys', 'allocation_runs', 'intervention_reports'].map((c) =>
    rel(c, 'user_created', 'directus_users', 'SET NULL'),
  ),
  ...['households', 'household_members', 'surveys'].map((c) =>
    rel(c, 'user_updated', 'directus_users', 'SET NULL'),
  ),
];
