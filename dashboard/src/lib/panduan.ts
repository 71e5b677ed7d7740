/** The help pages (Panduan), one per role, in Bahasa Indonesia. Screenshots live in static/panduan/. */

import type { NavItem } from './roles.ts';

export interface PanduanScreenshot {
  /** File in static/panduan/ (taken by the end-to-end run with SIAP_UPDATE_PANDUAN=1). */
  file: string;
  alt: string;
  caption: string;
}

export interface PanduanStep {
  heading: string;
  /**
   * The menu items of the dashboard pages this step explains (shown as "Menu: …"). Every page in a
   * role's menu (roles.ts navigationFor) is explained by at least one step of that role.
   */
  pages?: readonly NavItem[];
  items: string[];
  /** What the step looks like, shown right below it. */
  screenshots?: readonly PanduanScreenshot[];
}

export interface PanduanRole {
  slug: string;
  /** The role's name as Directus shows it. */
  role: string;
  summary: string;
  steps: PanduanStep[];
  screenshots: PanduanScreenshot[];
}

export const SCREENSHOTS = {
  ringkasan: {
    file: 'ringkasan.png',
    alt: 'Halaman Ringkasan: angka utama pendataan, klasifikasi, dan grafik per kecamatan',
    caption: 'Ringkasan: angka utama, klasifikasi per kecamatan, kemajuan survei dan kebutuhan.',
  },
  wilayahDesa: {
    file: 'wilayah-desa.png',
    alt: 'Halaman satu desa: angka utama dan peta sebaran rumah tangga',
    caption: 'Halaman desa: angka yang sama untuk satu desa, dengan peta titik rumah tangga.',
  },
  rumahTangga: {
    file: 'rumah-tangga.png',
    alt: 'Daftar rumah tangga dengan kotak pencarian, saringan, dan tombol Unduh CSV',
    caption: 'Rumah tangga: cari, saring, urutkan, lalu unduh CSV.',
  },
  rumahTanggaDetail: {
    file: 'rumah-tangga-detail.png',
    alt: 'Halaman satu rumah tangga: identitas, klasifikasi dan alasannya, anggota keluarga',
    caption:
      'Satu rumah tangga: identitas, klasifikasi beserta alasannya, anggota, survei, kebutuhan, intervensi.',
  },
  kebutuhan: {
    file: 'kebutuhan.png',
    alt: 'Halaman Kebutuhan: ringkasan per kategori dan perangkat daerah, serta daftar kebutuhan',
    caption: 'Kebutuhan: per kategori, per perangkat daerah, dan daftar by name by address.',
  },
  ponsel: {
    file: 'ponsel.png',
    alt: 'Dasbor di layar ponsel selebar 390 piksel',
    caption: 'Dasbor juga dapat dibuka di ponsel.',
  },
  alokasi: {
    file: 'alokasi.png',
    alt: 'Halaman Alokasi setelah Jalankan alokasi: angka rumah tangga didanai, didanai, tidak terdanai, dan tombol unduh SIPD',
    caption: 'Alokasi: hasil Jalankan alokasi (status Draf), angka utama, dan tombol unduh untuk SIPD.',
  },
  alokasiPagu: {
    file: 'alokasi-pagu.png',
    alt: 'Bagian Pagu indikatif di halaman Alokasi: pilihan perangkat daerah, isian Pagu (Rp), tombol Simpan pagu, dan tabel pagu',
    caption: 'Pagu indikatif: pilih perangkat daerah, isi Pagu (Rp), tekan Simpan pagu.',
  },
  alokasiBanding: {
    file: 'alokasi-banding.png',
    alt: 'Bagian Bandingkan dua alokasi: dua pilihan alokasi, tombol Bandingkan, grafik batang berdampingan per perangkat daerah',
    caption: 'Bandingkan dua alokasi: dana per perangkat daerah sebelum dan sesudah pagu diubah.',
  },
  alokasiDitetapkan: {
    file: 'alokasi-ditetapkan.png',
    alt: 'Alokasi yang sudah ditetapkan: nomor dan tanggal keputusan, serta tombol unduh SIPD dan daftar penerima',
    caption: 'Alokasi yang ditetapkan dengan nomor dan tanggal keputusan tidak berubah lagi.',
  },
  alokasiPerangkatDaerah: {
    file: 'alokasi-perangkat-daerah.png',
    alt: 'Halaman Alokasi di ponsel untuk staf perangkat daerah: hanya bagian instansinya sendiri',
    caption: 'Perangkat daerah melihat bagian instansinya sendiri dan mengunduh barisnya.',
  },
  simulasi: {
    file: 'simulasi.png',
    alt: 'Halaman Simulasi: isian garis kemiskinan, kelas yang didanai, pagu dan biaya satuan, serta hasil dan perubahannya',
    caption: 'Simulasi: ubah asumsi di kiri, hasil dan selisihnya dari kondisi awal tampil di kanan.',
  },
  efektivitas: {
    file: 'efektivitas.png',
    alt: 'Halaman Efektivitas: anggaran tertandai, bagian yang tertaut ke kebutuhan terverifikasi, dan grafik per perangkat daerah',
    caption: 'Efektivitas: berapa bagian anggaran tertandai yang melayani kebutuhan terverifikasi.',
  },
  imporPratinjau: {
    file: 'impor-pratinjau.png',
    alt: 'Pratinjau impor data awal: kolom yang dikenali dan baris pertama dengan hasil dan keterangan',
    caption: 'Impor, langkah 2: pratinjau kolom dan baris pertama sebelum ada yang disimpan.',
  },
  imporHasil: {
    file: 'impor-hasil.png',
    alt: 'Hasil impor: jumlah baru, diperbarui, tidak berubah, ditolak, peringatan, dan tabel baris yang ditolak',
    caption: 'Impor, langkah 3: hasil, tombol Unduh baris ditolak (CSV), dan tabel baris yang ditolak.',
  },
  monev: {
    file: 'monev.png',
    alt: 'Halaman Monev: ringkasan intervensi, rencana, realisasi, selesai, terlambat dilaporkan, dan grafik per perangkat daerah',
    caption: 'Monev: rencana dan realisasi, intervensi selesai, dan yang terlambat dilaporkan.',
  },
  monevLapor: {
    file: 'monev-lapor.png',
    alt: 'Formulir Laporkan kemajuan triwulan: intervensi, triwulan, kemajuan (%), realisasi (Rp), catatan, dan tombol Kirim laporan',
    caption:
      'Laporkan kemajuan triwulan: isi triwulan, kemajuan, realisasi, dan catatan, lalu Kirim laporan.',
  },
} satisfies Record<string, PanduanScreenshot>;

/** Menu items of the dashboard (labels as in roles.ts navigationFor). */
const MENU = {
  ringkasan: { href: '/', label: 'Ringkasan' },
  wilayah: { href: '/wilayah', label: 'Wilayah' },
  desaSaya: { href: '/wilayah', label: 'Desa saya' },
  kecamatanSaya: { href: '/wilayah', label: 'Kecamatan saya' },
  rumahTangga: { href: '/rumah-tangga', label: 'Rumah tangga' },
  penerimaManfaat: { href: '/rumah-tangga', label: 'Penerima manfaat' },
  kebutuhan: { href: '/kebutuhan', label: 'Kebutuhan' },
  alokasi: { href: '/alokasi', label: 'Alokasi' },
  simulasi: { href: '/simulasi', label: 'Simulasi' },
  efektivitas: { href: '/efektivitas', label: 'Efektivitas' },
  monev: { href: '/monev', label: 'Monev' },
  impor: { href: '/impor', label: 'Impor' },
} satisfies Record<string, NavItem>;

const READ_DASHBOARD: PanduanStep = {
  heading: 'Membaca angka di dasbor',
  items: [
    'Data awal = rumah tangga dari daftar P3KE/DTSEN. Wajib disurvei = data awal yang tidak meninggal, ganda, atau gabung KK, ditambah rumah tangga baru temuan lapangan.',
    'Sudah disurvei = punya survei berstatus Diajukan atau Terverifikasi pada ronde aktif. Data valid = rumah tangga terverifikasi dibagi rumah tangga wajib disurvei; targetnya diatur di Pengaturan Perencanaan.',
    'KK = jumlah rumah tangga; jiwa = jumlah anggota keluarga. Angka ditulis cara Indonesia (1.234) dan rupiah sebagai Rp 11.428.450.',
    'Setiap grafik punya tabel angkanya di bawahnya. Klik judul kolom untuk mengurutkan, ketik di kotak Saring untuk menyaring, lalu tekan Unduh CSV. Berkas CSV memakai titik koma dan terbuka langsung di Excel berbahasa Indonesia.',
  ],
};

/** When an intervention counts as "terlambat" on Monev (core/src/find-overdue-interventions.ts). */
const OVERDUE_RULE =
  'Intervensi yang belum selesai disebut terlambat bila laporan untuk triwulan terakhir yang sudah berakhir belum masuk (TW I berakhir 31 Maret, TW II 30 Juni, TW III 30 September, TW IV 31 Desember), atau bila setelah TW IV kemajuannya belum 100%. Intervensi yang sudah selesai atau dibatalkan tidak pernah terlambat.';

const RUN_ALLOCATION: PanduanStep = {
  heading: 'Menjalankan alokasi anggaran',
  pages: [MENU.alokasi],
  items: [
    'Buka Alokasi. Periksa Tahun anggaran di atas; bila ada beberapa tahun, pilih tahunnya lalu tekan Tampilkan.',
    'Tekan Jalankan alokasi. Kebutuhan terbuka milik rumah tangga terverifikasi didanai menurut prioritas (miskin ekstrem dulu, lalu miskin) sampai pagu tiap perangkat daerah habis. Tunggu sampai pesan "Sedang menghitung alokasi" hilang; bisa beberapa menit.',
    'Hasilnya tampil sebagai Alokasi #nomor berstatus Draf, dengan angka Rumah tangga didanai, Didanai, Tidak terdanai (melebihi pagu), dan Intervensi.',
    'Di bawahnya ada grafik dan tabel Per perangkat daerah terhadap pagu (Pagu, Dicadangkan, Didanai, Tidak terdanai, Sisa pagu) serta tabel Baris sub-kegiatan (Sasaran KK, Volume, Satuan, Biaya satuan, Pagu).',
    'Bagian Yang tidak ikut dihitung menyebut sub-kegiatan yang Biaya satuan belum diisi: isi biaya satuannya di Admin data › Sub-kegiatan, lalu jalankan alokasi lagi.',
    'Menjalankan lagi menghitung ulang seluruh tahun: intervensi yang masih direncanakan dilepas lalu dialokasikan ulang dengan data, pagu, dan biaya satuan terbaru. Alokasi yang sudah ditetapkan dan intervensi yang sudah berjalan tidak berubah; biayanya tercatat sebagai Dicadangkan.',
  ],
  screenshots: [SCREENSHOTS.alokasi],
};

const SET_CEILINGS: PanduanStep = {
  heading: 'Mengatur pagu indikatif',
  pages: [MENU.alokasi],
  items: [
    'Di halaman Alokasi, gulir ke bagian Pagu indikatif tahun ini.',
    'Pilih Perangkat daerah, isi Pagu (Rp), misalnya 45.000.000, lalu tekan Simpan pagu. Tabel di bawahnya menampilkan pagu yang tersimpan.',
    'Untuk menghapus pagu, kosongkan jumlahnya lalu tekan Simpan pagu. Perangkat daerah tanpa pagu didanai penuh.',
    'Pagu baru berlaku setelah Jalankan alokasi ditekan lagi. Coba dulu dampaknya di Simulasi.',
  ],
  screenshots: [SCREENSHOTS.alokasiPagu],
};

const COMPARE_RUNS: PanduanStep = {
  heading: 'Membandingkan dua alokasi',
  pages: [MENU.alokasi],
  items: [
    'Setiap kali alokasi dijalankan, hasilnya tercatat di tabel Daftar alokasi tahun ini. Klik nomor alokasi, atau pilih di Alokasi lain lalu tekan Tampilkan, untuk membukanya.',
    'Di bagian Bandingkan dua alokasi, pilih satu alokasi di Alokasi dan satu lagi di dengan, lalu tekan Bandingkan. Grafik berdampingan dan tabelnya menunjukkan pagu dan dana per perangkat daerah beserta selisihnya.',
    'Alokasi lama yang sudah digantikan tetap dapat dibaca; statusnya menyebut bahwa angkanya sudah digantikan alokasi yang lebih baru.',
  ],
  screenshots: [SCREENSHOTS.alokasiBanding],
};

const FINALISE_RUN: PanduanStep = {
  heading: 'Menetapkan alokasi dengan keputusan',
  pages: [MENU.alokasi],
  items: [
    'Setelah alokasi disepakati, buka alokasi terbaru yang berstatus Draf, lalu buka Tetapkan alokasi ini.',
    'Isi Nomor keputusan (misalnya 900/045/BAPPEDALITBANG/2026) dan Tanggal keputusan, lalu tekan Tetapkan.',
    'Alokasi yang Ditetapkan beserta intervensinya tidak dapat diubah atau dihapus lagi, dan selalu dapat diunduh ulang. Menjalankan alokasi berikutnya tidak mengubahnya.',
    'Hanya alokasi terbaru yang belum digantikan yang dapat ditetapkan. Intervensinya lalu dilaporkan perangkat daerah per triwulan di Monev.',
  ],
  screenshots: [SCREENSHOTS.alokasiDitetapkan],
};

const EXPORT_SIPD: PanduanStep = {
  heading: 'Mengunduh baris SIPD dan daftar penerima',
  pages: [MENU.alokasi],
  items: [
    'Di bagian Unduh untuk SIPD, pilih Perangkat daerah (atau Semua perangkat daerah).',
    'Tekan Baris SIPD (CSV) atau Baris SIPD (XLSX): satu baris per sub-kegiatan dengan kode, sasaran, volume, satuan, biaya satuan, dan pagu, untuk diisikan ke SIPD. Jumlah kolom Pagu (Rp) sama dengan total di halaman.',
    'Tekan Daftar penerima (CSV) atau Daftar penerima (XLSX) untuk rumah tangga penerima per intervensi, by name by address. Untuk perencana daftar ini memuat NIK dan No. KK dan setiap unduhannya dicatat: simpan dan bagikan hanya kepada yang berhak.',
    'CSV memakai titik koma dan terbuka langsung di Excel berbahasa Indonesia.',
  ],
};

const SIMULATE: PanduanStep = {
  heading: 'Mencoba skenario di Simulasi',
  pages: [MENU.simulasi],
  items: [
    'Simulasi menghitung alokasi dengan asumsi lain tanpa menyimpan apa pun, jadi aman dicoba kapan saja.',
    'Geser atau ketik Garis kemiskinan dan Garis kemiskinan ekstrem (Rp per kapita per bulan), lalu centang Kelas yang dapat didanai.',
    'Buka Pagu per perangkat daerah untuk mengisi Pagu simulasi (kosong = tanpa pagu), dan Biaya satuan sub-kegiatan yang dipakai untuk mencoba biaya satuan lain (kosong = biaya tersimpan).',
    'Hasil diperbarui sendiri: Rumah tangga didanai, Didanai, dan Tidak terdanai beserta selisihnya dari kondisi awal, daftar Perubahan dari kondisi awal, grafik Dibandingkan dengan kondisi awal, dan Baris sub-kegiatan hasil simulasi.',
    'Tekan Kembalikan ke awal untuk mengulang. Untuk menerapkan skenario, simpan pagunya di Alokasi (atau ubah garis kemiskinan dan biaya satuan di Admin data), lalu tekan Jalankan alokasi.',
  ],
  screenshots: [SCREENSHOTS.simulasi],
};

const READ_EFFECTIVENESS_ITEMS = [
  'Efektivitas menjawab: berapa bagian anggaran yang ditandai di SIPD untuk penghapusan kemiskinan ekstrem benar-benar melayani kebutuhan rumah tangga terverifikasi. Isi Tahun anggaran lalu tekan Tampilkan.',
  'Angka utamanya: Anggaran tertandai, Tertaut ke kebutuhan terverifikasi, Bagian tertaut (%), Sub-kegiatan melayani kebutuhan, Rumah tangga dilayani (ekstrem), dan Rupiah per rumah tangga ekstrem dilayani.',
  'Grafik dan tabel Per perangkat daerah dan Per sub-kegiatan tertandai menunjukkan di mana anggaran tidak tertaut ke kebutuhan. Tabel Kebutuhan terverifikasi tanpa anggaran tertandai menyebut sub-kegiatan yang melayani kebutuhan tetapi belum mendapat anggaran tertandai.',
];

const EFFECTIVENESS: PanduanStep = {
  heading: 'Mengunggah anggaran tertandai dan membaca Efektivitas',
  pages: [MENU.efektivitas],
  items: [
    'Siapkan berkas CSV dari SIPD dengan kolom kode_sub_kegiatan, nama_sub_kegiatan, perangkat_daerah, dan anggaran (pemisah koma atau titik koma; anggaran boleh ditulis 2.000.000.000 atau Rp 2.000.000.000).',
    'Di Efektivitas, bagian Unggah anggaran tertandai, pilih Berkas CSV lalu tekan Unggah dan ganti. Unggahan mengganti seluruh anggaran tertandai tahun itu dengan baris yang valid.',
    'Pesan di bawah tombol menyebut berapa baris diimpor. Baris yang ditolak tampil di tabel Baris yang ditolak dan catatan beserta nomor baris berkasnya: perbaiki berkasnya lalu unggah lagi.',
    ...READ_EFFECTIVENESS_ITEMS,
  ],
  screenshots: [SCREENSHOTS.efektivitas],
};

const IMPORT_BASELINE: PanduanStep = {
  heading: 'Mengimpor data awal (P3KE/DTSEN)',
  pages: [MENU.impor],
  items: [
    'Buka Impor. Pilih Sumber data awal (P3KE atau DTSEN), lalu pilih Berkas CSV (pemisah koma atau titik koma). Kolom yang dibaca: id_keluarga, no_kk, nik_kepala, nama_kepala, alamat, kode_desa, desil, jumlah_anggota; id_keluarga dan desil boleh tidak ada.',
    '2. Pratinjau menampilkan kolom yang dikenali dan baris-baris pertama dengan Hasil dan Keterangan per baris. Belum ada yang disimpan. Bila kolomnya benar, tekan tombol Impor … sebagai P3KE (atau DTSEN) dan jangan tutup halaman selama mengimpor.',
    '3. Hasil impor menghitung baris Baru, Diperbarui, Tidak berubah, Ditolak, dan Peringatan. Impor hanya menulis kolom data awal, tidak pernah jawaban survei; mengimpor berkas yang sama dua kali tidak mengubah apa pun.',
    'Tabel Baris yang ditolak menyebut nomor Baris di berkas, Kolom, dan Keterangan (misalnya No. KK yang bukan 16 digit). Baris lain sudah tersimpan.',
    'Tekan Unduh baris ditolak (CSV): berkas itu berisi baris aslinya ditambah kolom keterangan. Perbaiki baris-barisnya di berkas itu, lalu impor berkas itu saja. Peringatan sudah tersimpan tetapi perlu ditindaklanjuti.',
    'Riwayat proses mencatat setiap impor, alokasi, dan ekspor; angka di kolom Ditolak mengunduh lagi baris yang ditolak dari impor lama.',
    'Kemajuan rekonsiliasi data awal menampilkan data valid dan kemajuan per kecamatan dan desa. Unduh daftar perubahan (CSV, berisi NIK) untuk pemutakhiran data nasional; setiap unduhan dicatat.',
  ],
  screenshots: [SCREENSHOTS.imporPratinjau, SCREENSHOTS.imporHasil],
};

const READ_MONEV: PanduanStep = {
  heading: 'Membaca Monev (monitoring dan evaluasi)',
  pages: [MENU.monev],
  items: [
    'Buka Monev, pilih Tahun anggaran (dan bila perlu Perangkat daerah), lalu tekan Terapkan.',
    'Ringkasan menampilkan jumlah Intervensi, Rencana, Realisasi (dengan persentasenya), Selesai, dan Terlambat dilaporkan.',
    'Grafik dan tabel Rencana dan realisasi per perangkat daerah dan per triwulan. Karena jadwal penyerapan tidak tercatat, rencana dibagi rata seperempat per triwulan.',
    `Tabel Intervensi yang terlambat dilaporkan menyebut Jatuh tempo, Keterangan, Kemajuan terakhir, dan Terlambat (hari). ${OVERDUE_RULE} Unduh CSV-nya sebagai bahan teguran kepada perangkat daerah.`,
    'Laporan triwulan diisi perangkat daerah; perencana dan pimpinan membacanya di tabel Laporan triwulan yang masuk. Perencana dapat mengisi atau mengoreksi laporan atas nama perangkat daerah: pilih Perangkat daerahnya, tekan Terapkan, lalu formulir Laporkan kemajuan triwulan muncul.',
    'Perubahan status kemiskinan antar-ronde survei tampil setelah ada dua ronde survei: berapa rumah tangga naik kelas, tetap, atau turun kelas, dibedakan antara yang menerima intervensi dan yang tidak.',
  ],
  screenshots: [SCREENSHOTS.monev],
};

export const PANDUAN_ROLES: PanduanRole[] = [
  {
    slug: 'operator-desa',
    role: 'Operator desa',
    summary:
      'Tim pendata desa mengisi dan memperbaiki rumah tangga, anggota keluarga, dan survei desanya sendiri di aplikasi admin data (Directus), lalu memantau kelengkapannya di dasbor.',
    steps: [
      {
        heading: 'Masuk ke aplikasi admin data',
        items: [
          'Tekan tombol Admin data di kanan atas dasbor, atau buka alamat admin yang diberikan administrator.',
          'Masuk dengan email dan kata sandi yang sama. Anda hanya melihat data desa Anda sendiri.',
        ],
      },
      {
        heading: 'Mencatat rumah tangga',
        items: [
          'Buka Pendataan › Rumah Tangga, lalu tekan tombol + (Buat item).',
          'Isi No. KK (16 digit angka; kosongkan bila keluarga belum punya KK), NIK dan nama kepala keluarga, alamat, RT/RW, koordinat, dan jumlah anggota keluarga. Desa terisi otomatis.',
          'Simpan. Bila ada isian yang salah, pesan kesalahan menyebut isiannya, misalnya "No. KK harus 16 digit angka".',
          'Pesan "NIK ini sudah terdaftar di desa lain" berarti orang itu sudah dicatat di desa lain: hubungi verifikator kecamatan.',
        ],
      },
      {
        heading: 'Mencatat anggota keluarga',
        items: [
          'Di halaman rumah tangga, pada bagian Anggota keluarga, tekan Buat baru.',
          'Isi NIK (16 digit), nama, hubungan dengan kepala keluarga, jenis kelamin, tanggal lahir, pendidikan, status sekolah, pekerjaan, disabilitas, dan kepesertaan JKN.',
        ],
      },
      {
        heading: 'Mengisi survei',
        items: [
          'Buka Pendataan › Survei Rumah Tangga › +. Pilih rumah tangga, isi ronde (tahun), tanggal survei, dan nama pencacah.',
          'Isi jawaban per kelompok: Rumah, Layanan Dasar, Kesehatan & Pendidikan, Ekonomi, dan Bantuan. Penghasilan diisi dalam rupiah per bulan untuk seluruh keluarga.',
          'Simpan sebagai Draf selama belum lengkap. Bila sudah lengkap, ubah Status menjadi Diajukan lalu simpan: survei masuk ke verifikator kecamatan.',
          'Survei yang Dikembalikan punya catatan pengembalian. Perbaiki sesuai catatan, lalu ajukan lagi.',
        ],
      },
      {
        heading: 'Memantau di dasbor',
        pages: [MENU.desaSaya, MENU.rumahTangga, MENU.kebutuhan],
        items: [
          'Menu Desa saya menampilkan angka desa Anda: berapa yang sudah disurvei, terverifikasi, dan persentase data valid terhadap target.',
          'Di Rumah tangga, pilih Status survei "Belum disurvei" untuk melihat rumah tangga yang belum disurvei, lalu unduh CSV sebagai daftar kunjungan.',
          'Kebutuhan menampilkan kebutuhan rumah tangga desa Anda yang terbentuk dari survei terverifikasi (misalnya rumah tidak layak huni atau belum punya jamban), per kategori dan by name by address.',
        ],
        screenshots: [SCREENSHOTS.wilayahDesa],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.rumahTangga, SCREENSHOTS.ponsel],
  },
  {
    slug: 'verifikator-kecamatan',
    role: 'Verifikator kecamatan',
    summary:
      'Verifikator memeriksa survei yang diajukan di kecamatannya, lalu memverifikasi atau mengembalikannya dengan catatan.',
    steps: [
      {
        heading: 'Memeriksa survei yang diajukan',
        items: [
          'Di aplikasi admin data, buka Pendataan › Survei Rumah Tangga. Saring Status = Diajukan. Anda hanya melihat survei di kecamatan Anda.',
          'Buka survei, bandingkan jawaban dengan kondisi rumah tangga (foto rumah, jumlah anggota, penghasilan).',
        ],
      },
      {
        heading: 'Memverifikasi atau mengembalikan',
        items: [
          'Bila benar, ubah Status menjadi Terverifikasi lalu simpan. Klasifikasi dan kebutuhan rumah tangga dihitung dari survei ini.',
          'Bila ada yang perlu diperbaiki, ubah Status menjadi Dikembalikan dan tulis Catatan pengembalian yang jelas (apa yang salah, apa yang perlu diisi). Operator desa akan memperbaikinya.',
        ],
      },
      {
        heading: 'Memantau kecamatan di dasbor',
        pages: [MENU.kecamatanSaya, MENU.rumahTangga, MENU.kebutuhan],
        items: [
          'Menu Kecamatan saya menampilkan angka kecamatan dan tabel per desa: desa dengan persentase data valid rendah perlu didahulukan.',
          'Klik nama desa untuk melihat peta dan kemajuan survei desa itu.',
          'Rumah tangga dan Kebutuhan menampilkan rumah tangga dan kebutuhan di kecamatan Anda. Buka satu rumah tangga untuk melihat klasifikasi beserta alasannya sebelum memverifikasi survei berikutnya.',
        ],
        screenshots: [SCREENSHOTS.wilayahDesa],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.rumahTanggaDetail],
  },
  {
    slug: 'perencana',
    role: 'Perencana',
    summary:
      'Perencana Bappedalitbang melihat seluruh gambaran pendataan dan kebutuhan, menjalankan dan menetapkan alokasi anggaran, mengekspornya untuk SIPD, mencoba skenario, mengimpor data awal, dan memantau intervensi.',
    steps: [
      {
        heading: 'Ringkasan dan wilayah',
        pages: [MENU.ringkasan, MENU.wilayah],
        items: [
          'Ringkasan menampilkan angka utama kabupaten, klasifikasi per kecamatan, kemajuan survei per minggu atau bulan, dan kebutuhan aktif.',
          'Wilayah menurun dari kabupaten ke kecamatan lalu desa, dengan angka yang sama dan peta sebaran rumah tangga (titik diwarnai menurut klasifikasi).',
        ],
        screenshots: [SCREENSHOTS.ringkasan],
      },
      {
        heading: 'Rumah tangga dan alasan klasifikasi',
        pages: [MENU.rumahTangga],
        items: [
          'Di Rumah tangga, cari nama, alamat, atau awal No. KK; saring per kecamatan, desa, klasifikasi, dan status survei; urutkan dengan judul kolom.',
          'Buka satu rumah tangga untuk melihat anggota, riwayat survei, kebutuhan, intervensi, dan alasan klasifikasinya: per kapita dibandingkan dengan garis kemiskinan dan garis kemiskinan ekstrem yang dipakai.',
        ],
        screenshots: [SCREENSHOTS.rumahTanggaDetail],
      },
      {
        heading: 'Kebutuhan',
        pages: [MENU.kebutuhan],
        items: [
          'Kebutuhan menampilkan kebutuhan aktif per kategori dan per perangkat daerah, serta daftar kebutuhan by name by address yang dapat disaring dan diunduh.',
          'Kebutuhan terbuka belum didanai; kebutuhan direncanakan sudah masuk alokasi.',
        ],
        screenshots: [SCREENSHOTS.kebutuhan],
      },
      RUN_ALLOCATION,
      SET_CEILINGS,
      COMPARE_RUNS,
      FINALISE_RUN,
      EXPORT_SIPD,
      SIMULATE,
      EFFECTIVENESS,
      IMPORT_BASELINE,
      READ_MONEV,
      {
        heading: 'Mengatur aturan dan angka acuan (aplikasi admin data)',
        items: [
          'Referensi › Garis Kemiskinan: garis kemiskinan dan garis kemiskinan ekstrem per tahun.',
          'Referensi › Aturan Kebutuhan: aturan yang mengubah jawaban survei menjadi kebutuhan dan menautkannya ke sub-kegiatan.',
          'Referensi › Sub-kegiatan: biaya satuan. Pagu per perangkat daerah paling mudah diatur di halaman Alokasi (juga ada di Perencanaan › Pagu Indikatif).',
          'Referensi › Pengaturan Perencanaan: tahun anggaran aktif, ronde survei, dasar klasifikasi, dan target data valid.',
          'Survei yang sudah Terverifikasi dapat dibuka kembali dengan mengubah statusnya menjadi Diajukan.',
        ],
      },
      {
        heading: 'Melapor',
        items: [
          'Setiap tabel punya tombol Unduh CSV; daftar rumah tangga dan kebutuhan mengunduh semua baris yang cocok dengan saringan, bukan hanya satu halaman.',
          'Berkas CSV dari tabel tidak memuat NIK dan No. KK. Yang memuatnya hanya Daftar penerima di Alokasi dan daftar perubahan di Impor, dan setiap unduhannya dicatat.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ponsel],
  },
  {
    slug: 'pimpinan',
    role: 'Pimpinan',
    summary:
      'Pimpinan daerah membaca ringkasan, alokasi anggaran, efektivitas, dan kemajuan intervensi tanpa mengubah data; NIK dan No. KK tidak ditampilkan.',
    steps: [
      {
        heading: 'Yang dapat dilihat',
        pages: [MENU.ringkasan, MENU.wilayah, MENU.rumahTangga, MENU.kebutuhan],
        items: [
          'Ringkasan: angka utama kabupaten, klasifikasi per kecamatan, kemajuan survei, dan kebutuhan per kategori dan perangkat daerah.',
          'Wilayah: angka yang sama per kecamatan dan desa, dengan peta.',
          'Rumah tangga dan Kebutuhan: daftar by name by address tanpa NIK dan No. KK.',
        ],
        screenshots: [SCREENSHOTS.ringkasan],
      },
      {
        heading: 'Membaca alokasi anggaran',
        pages: [MENU.alokasi],
        items: [
          'Alokasi menampilkan alokasi terbaru tahun anggaran aktif: Rumah tangga didanai, Didanai, Tidak terdanai (melebihi pagu), dan Intervensi.',
          'Status Draf berarti alokasi masih dapat dihitung ulang oleh perencana; status Ditetapkan menyebut nomor dan tanggal keputusan, dan angkanya tidak berubah lagi.',
          'Grafik dan tabel Per perangkat daerah terhadap pagu menunjukkan pagu, dana, dan sisa pagu tiap perangkat daerah; Bandingkan dua alokasi menunjukkan perubahan antara dua perhitungan.',
          'Baris SIPD dan Daftar penerima dapat diunduh sebagai CSV atau XLSX, tanpa NIK dan No. KK. Menjalankan, menetapkan, dan mengatur pagu dilakukan perencana.',
        ],
        screenshots: [SCREENSHOTS.alokasi],
      },
      {
        heading: 'Mencoba skenario di Simulasi',
        pages: [MENU.simulasi],
        items: [
          'Simulasi menjawab pertanyaan "bagaimana kalau": garis kemiskinan dinaikkan, pagu sebuah perangkat daerah ditambah, atau hanya rumah tangga miskin ekstrem yang didanai.',
          'Ubah isian di kiri; Rumah tangga didanai, Didanai, dan Tidak terdanai beserta selisihnya dari kondisi awal diperbarui sendiri. Tekan Kembalikan ke awal untuk mengulang.',
          'Simulasi tidak menyimpan apa pun. Untuk menerapkan sebuah skenario, minta perencana mengubah pagu atau angka acuan lalu menjalankan alokasi.',
        ],
        screenshots: [SCREENSHOTS.simulasi],
      },
      {
        heading: 'Membaca efektivitas anggaran',
        pages: [MENU.efektivitas],
        items: [
          ...READ_EFFECTIVENESS_ITEMS,
          'Anggaran tertandai diunggah oleh perencana dari SIPD; bila halaman masih kosong, minta perencana mengunggahnya.',
        ],
        screenshots: [SCREENSHOTS.efektivitas],
      },
      READ_MONEV,
      {
        heading: 'Memakai di rapat',
        items: [
          'Dasbor menyesuaikan layar proyektor dan ponsel. Perbesar tampilan dengan Ctrl + (plus) bila perlu.',
          'Unduh CSV dari tabel untuk bahan rapat.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ponsel],
  },
  {
    slug: 'perangkat-daerah',
    role: 'Perangkat daerah',
    summary:
      'Staf perangkat daerah melihat kebutuhan yang dilayani sub-kegiatan instansinya, penerima manfaatnya (tanpa NIK), dan bagian alokasi instansinya, lalu melaporkan kemajuan intervensi setiap triwulan di Monev.',
    steps: [
      {
        heading: 'Kebutuhan instansi Anda',
        pages: [MENU.kebutuhan, MENU.penerimaManfaat],
        items: [
          'Halaman Kebutuhan hanya menampilkan kebutuhan yang ditautkan ke perangkat daerah Anda: per kategori, per desa, dan daftar by name by address.',
          'Penerima manfaat menampilkan rumah tangga yang punya kebutuhan itu. Buka satu rumah tangga untuk melihat kebutuhan dan intervensinya.',
        ],
        screenshots: [SCREENSHOTS.kebutuhan],
      },
      {
        heading: 'Ringkasan',
        pages: [MENU.ringkasan],
        items: [
          'Ringkasan menampilkan angka rumah tangga yang dilayani kebutuhan perangkat daerah Anda, per kecamatan. Angka survei tidak ditampilkan untuk peran Anda.',
        ],
      },
      {
        heading: 'Alokasi instansi Anda',
        pages: [MENU.alokasi],
        items: [
          'Alokasi hanya menampilkan bagian perangkat daerah Anda: berapa yang Didanai, pagu dan sisa pagu, dan tabel Baris sub-kegiatan (Sasaran KK, Volume, Satuan, Biaya satuan, Pagu).',
          'Status Draf berarti perencana masih dapat menghitung ulang; status Ditetapkan menyebut nomor dan tanggal keputusan dan angkanya tidak berubah lagi.',
          'Di Unduh untuk SIPD, tekan Baris SIPD (CSV) atau Baris SIPD (XLSX) untuk baris sub-kegiatan instansi Anda, dan Daftar penerima (CSV) atau (XLSX) untuk rumah tangga penerimanya, tanpa NIK dan No. KK.',
          'Menjalankan alokasi, mengatur pagu, dan menetapkan dilakukan perencana Bappedalitbang.',
        ],
        screenshots: [SCREENSHOTS.alokasiPerangkatDaerah],
      },
      {
        heading: 'Melaporkan kemajuan per triwulan',
        pages: [MENU.monev],
        items: [
          'Buka Monev dan pilih Tahun anggaran lalu tekan Terapkan. Gulir ke Laporkan kemajuan triwulan.',
          'Pilih Intervensi (yang terlambat bertanda "(terlambat)") dan Triwulan (TW I sampai TW IV).',
          'Isi Kemajuan (%): capaian fisik sampai akhir triwulan itu, 0 sampai 100. Isi 100 bila pekerjaan selesai: intervensi menjadi Selesai dan kebutuhan rumah tangganya tertangani.',
          'Isi Realisasi triwulan ini (Rp): biaya yang dibelanjakan dalam triwulan itu saja, misalnya 1.500.000, bukan jumlah sejak awal tahun.',
          'Tulis Catatan: kendala, alasan terlambat, atau tindak lanjut.',
          'Lampirkan Bukti bila ada: foto kegiatan atau pindaian berita acara (JPG, PNG, WebP, HEIC atau PDF, paling besar 10 MB). Berkas lain ditolak begitu dipilih, sebelum dikirim.',
          'Tekan Kirim laporan; pesan "Laporan triwulan … tersimpan" muncul (dengan nama berkas bukti bila dilampirkan) dan laporan tampil di tabel Laporan triwulan yang masuk.',
          'Salah isi? Kirim lagi untuk triwulan yang sama: laporan sebelumnya diperbarui. Tanpa berkas baru, bukti yang sudah ada tetap.',
        ],
        screenshots: [SCREENSHOTS.monevLapor],
      },
      {
        heading: 'Arti "terlambat"',
        pages: [MENU.monev],
        items: [
          OVERDUE_RULE,
          'Keterangan di tabel Intervensi yang terlambat dilaporkan: "Laporan triwulan belum masuk" atau "Belum selesai setelah TW IV". Kolom Terlambat (hari) dihitung sejak triwulan itu berakhir.',
          'Untuk menyelesaikannya, klik nomor intervensi di tabel itu: formulir laporan terbuka dengan intervensi itu terpilih. Kirim laporan untuk triwulan yang jatuh tempo.',
          'Ringkasan Monev menampilkan jumlah Intervensi, Rencana, Realisasi, Selesai, dan Terlambat dilaporkan untuk instansi Anda.',
        ],
        screenshots: [SCREENSHOTS.monev],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.rumahTanggaDetail],
  },
  {
    slug: 'administrator',
    role: 'Administrator',
    summary:
      'Administrator mengelola pengguna, pertanyaan survei, aturan kebutuhan, garis kemiskinan, biaya satuan, dan perangkat daerah tanpa mengubah kode, mengimpor data awal, dan dapat memakai semua halaman perencana.',
    steps: [
      {
        heading: 'Pengguna dan wilayah kerjanya',
        items: [
          'Buka Pengguna (ikon orang) › +. Pilih peran, lalu isi Desa (operator desa), Kecamatan (verifikator; untuk operator, kecamatan desanya), atau Perangkat Daerah (staf instansi).',
          'Batas data tiap peran mengikuti isian itu: operator hanya desanya, verifikator hanya kecamatannya.',
        ],
      },
      {
        heading: 'Menambah pertanyaan survei dan aturan kebutuhan',
        items: [
          'Pengaturan › Model Data › Survei Rumah Tangga › Buat isian: tambahkan pertanyaan baru (misalnya pilihan atau angka).',
          'Referensi › Aturan Kebutuhan › +: isi kategori, isian survei yang dibaca, operator dan nilainya (atau kondisi gabungan), berlaku untuk klasifikasi apa, dan sub-kegiatannya. Aturan baru langsung dipakai tanpa memulai ulang server.',
        ],
      },
      {
        heading: 'Angka acuan',
        items: [
          'Referensi › Garis Kemiskinan: tambahkan baris untuk tahun baru; perubahan garis mengklasifikasi ulang rumah tangga yang terdampak.',
          'Referensi › Sub-kegiatan (biaya satuan), Perangkat Daerah, dan Pengaturan Perencanaan.',
        ],
      },
      IMPORT_BASELINE,
      {
        heading: 'Halaman perencanaan',
        pages: [
          MENU.ringkasan,
          MENU.wilayah,
          MENU.rumahTangga,
          MENU.kebutuhan,
          MENU.alokasi,
          MENU.simulasi,
          MENU.efektivitas,
          MENU.monev,
        ],
        items: [
          'Administrator melihat dan dapat melakukan semua yang dilakukan perencana: menjalankan alokasi, mengatur pagu, menetapkan, mengunduh untuk SIPD, Simulasi, mengunggah anggaran tertandai, dan membaca Monev.',
          'Langkah-langkahnya ada di Panduan Perencana. Biasanya perencana yang mengerjakannya; administrator membantu bila ada masalah data, misalnya biaya satuan yang belum diisi atau perangkat daerah yang belum ditautkan ke akun stafnya.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ringkasan, SCREENSHOTS.rumahTangga],
  },
];

export function findPanduanRole(slug: string): PanduanRole | null {
  return PANDUAN_ROLES.find((role) => role.slug === slug) ?? null;
}

/** Every screenshot a role's page shows, each once: those of its steps first, then its own. */
export function screenshotsOf(role: PanduanRole): PanduanScreenshot[] {
  const byFile = new Map<string, PanduanScreenshot>();
  for (const shot of [...role.steps.flatMap((step) => step.screenshots ?? []), ...role.screenshots]) {
    if (!byFile.has(shot.file)) byFile.set(shot.file, shot);
  }
  return [...byFile.values()];
}

/** The role's own screenshots that no step shows (the page lists them at the end as "Contoh tampilan"). */
export function otherScreenshots(role: PanduanRole): PanduanScreenshot[] {
  const inSteps = new Set(role.steps.flatMap((step) => step.screenshots ?? []).map((shot) => shot.file));
  return role.screenshots.filter((shot) => !inSteps.has(shot.file));
}
