/** The help pages (Panduan), one per role, in Bahasa Indonesia. Screenshots live in static/panduan/. */

export interface PanduanScreenshot {
  /** File in static/panduan/ (taken by the end-to-end run with SIAP_UPDATE_PANDUAN=1). */
  file: string;
  alt: string;
  caption: string;
}

export interface PanduanStep {
  heading: string;
  items: string[];
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
} satisfies Record<string, PanduanScreenshot>;

const READ_DASHBOARD: PanduanStep = {
  heading: 'Membaca angka di dasbor',
  items: [
    'Data awal = rumah tangga dari daftar P3KE/DTSEN. Wajib disurvei = data awal yang tidak meninggal, ganda, atau gabung KK, ditambah rumah tangga baru temuan lapangan.',
    'Sudah disurvei = punya survei berstatus Diajukan atau Terverifikasi pada ronde aktif. Data valid = rumah tangga terverifikasi dibagi rumah tangga wajib disurvei; targetnya diatur di Pengaturan Perencanaan.',
    'KK = jumlah rumah tangga; jiwa = jumlah anggota keluarga. Angka ditulis cara Indonesia (1.234) dan rupiah sebagai Rp 11.428.450.',
    'Setiap grafik punya tabel angkanya di bawahnya. Klik judul kolom untuk mengurutkan, ketik di kotak Saring untuk menyaring, lalu tekan Unduh CSV. Berkas CSV memakai titik koma dan terbuka langsung di Excel berbahasa Indonesia.',
  ],
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
        items: [
          'Menu Desa saya menampilkan angka desa Anda: berapa yang sudah disurvei, terverifikasi, dan persentase data valid terhadap target.',
          'Di Rumah tangga, pilih Status survei "Belum disurvei" untuk melihat rumah tangga yang belum disurvei, lalu unduh CSV sebagai daftar kunjungan.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.wilayahDesa, SCREENSHOTS.rumahTangga, SCREENSHOTS.ponsel],
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
        items: [
          'Menu Kecamatan saya menampilkan angka kecamatan dan tabel per desa: desa dengan persentase data valid rendah perlu didahulukan.',
          'Klik nama desa untuk melihat peta dan kemajuan survei desa itu.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.wilayahDesa, SCREENSHOTS.rumahTanggaDetail],
  },
  {
    slug: 'perencana',
    role: 'Perencana',
    summary:
      'Perencana Bappedalitbang melihat seluruh gambaran: pendataan, klasifikasi, kebutuhan per kategori dan perangkat daerah, sampai rumah tangga by name by address.',
    steps: [
      {
        heading: 'Ringkasan dan wilayah',
        items: [
          'Ringkasan menampilkan angka utama kabupaten, klasifikasi per kecamatan, kemajuan survei per minggu atau bulan, dan kebutuhan aktif.',
          'Wilayah menurun dari kabupaten ke kecamatan lalu desa, dengan angka yang sama dan peta sebaran rumah tangga (titik diwarnai menurut klasifikasi).',
        ],
      },
      {
        heading: 'Rumah tangga dan alasan klasifikasi',
        items: [
          'Di Rumah tangga, cari nama, alamat, atau awal No. KK; saring per kecamatan, desa, klasifikasi, dan status survei; urutkan dengan judul kolom.',
          'Buka satu rumah tangga untuk melihat anggota, riwayat survei, kebutuhan, intervensi, dan alasan klasifikasinya: per kapita dibandingkan dengan garis kemiskinan dan garis kemiskinan ekstrem yang dipakai.',
        ],
      },
      {
        heading: 'Kebutuhan',
        items: [
          'Kebutuhan menampilkan kebutuhan aktif per kategori dan per perangkat daerah, serta daftar kebutuhan by name by address yang dapat disaring dan diunduh.',
          'Kebutuhan terbuka belum didanai; kebutuhan direncanakan sudah masuk alokasi.',
        ],
      },
      {
        heading: 'Mengatur aturan dan angka acuan (aplikasi admin data)',
        items: [
          'Referensi › Garis Kemiskinan: garis kemiskinan dan garis kemiskinan ekstrem per tahun.',
          'Referensi › Aturan Kebutuhan: aturan yang mengubah jawaban survei menjadi kebutuhan dan menautkannya ke sub-kegiatan.',
          'Referensi › Sub-kegiatan: biaya satuan; Perencanaan › Pagu Indikatif: pagu per perangkat daerah.',
          'Referensi › Pengaturan Perencanaan: tahun anggaran aktif, ronde survei, dasar klasifikasi, dan target data valid.',
          'Survei yang sudah Terverifikasi dapat dibuka kembali dengan mengubah statusnya menjadi Diajukan.',
        ],
      },
      {
        heading: 'Melapor',
        items: [
          'Setiap tabel punya tombol Unduh CSV; daftar rumah tangga dan kebutuhan mengunduh semua baris yang cocok dengan saringan, bukan hanya satu halaman.',
          'Berkas CSV tidak memuat NIK dan No. KK.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ringkasan, SCREENSHOTS.rumahTanggaDetail, SCREENSHOTS.kebutuhan],
  },
  {
    slug: 'pimpinan',
    role: 'Pimpinan',
    summary: 'Pimpinan daerah membaca ringkasan tanpa mengubah data; NIK dan No. KK tidak ditampilkan.',
    steps: [
      {
        heading: 'Yang dapat dilihat',
        items: [
          'Ringkasan: angka utama kabupaten, klasifikasi per kecamatan, kemajuan survei, dan kebutuhan per kategori dan perangkat daerah.',
          'Wilayah: angka yang sama per kecamatan dan desa, dengan peta.',
          'Rumah tangga dan Kebutuhan: daftar by name by address tanpa NIK dan No. KK.',
        ],
      },
      {
        heading: 'Memakai di rapat',
        items: [
          'Dasbor menyesuaikan layar proyektor dan ponsel. Perbesar tampilan dengan Ctrl + (plus) bila perlu.',
          'Unduh CSV dari tabel untuk bahan rapat.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ringkasan, SCREENSHOTS.ponsel],
  },
  {
    slug: 'perangkat-daerah',
    role: 'Perangkat daerah',
    summary:
      'Staf perangkat daerah melihat kebutuhan yang dilayani sub-kegiatan instansinya dan rumah tangga penerima manfaatnya (tanpa NIK), lalu melaporkan kemajuan intervensi.',
    steps: [
      {
        heading: 'Kebutuhan instansi Anda',
        items: [
          'Halaman Kebutuhan hanya menampilkan kebutuhan yang ditautkan ke perangkat daerah Anda: per kategori, per desa, dan daftar by name by address.',
          'Penerima manfaat menampilkan rumah tangga yang punya kebutuhan itu. Buka satu rumah tangga untuk melihat kebutuhan dan intervensinya.',
        ],
      },
      {
        heading: 'Melaporkan kemajuan (aplikasi admin data)',
        items: [
          'Buka Perencanaan › Intervensi untuk intervensi instansi Anda; perbarui status (Dianggarkan, Berjalan, Selesai), realisasi, dan bukti.',
          'Buka Perencanaan › Laporan Triwulan › + untuk melaporkan kemajuan (%) dan realisasi (Rp) per triwulan.',
        ],
      },
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.kebutuhan, SCREENSHOTS.rumahTanggaDetail],
  },
  {
    slug: 'administrator',
    role: 'Administrator',
    summary:
      'Administrator mengubah pertanyaan survei, aturan kebutuhan, garis kemiskinan, biaya satuan, perangkat daerah, dan pengguna tanpa mengubah kode.',
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
      READ_DASHBOARD,
    ],
    screenshots: [SCREENSHOTS.ringkasan, SCREENSHOTS.rumahTangga],
  },
];

export function findPanduanRole(slug: string): PanduanRole | null {
  return PANDUAN_ROLES.find((role) => role.slug === slug) ?? null;
}
