/**
 * What the demo customers are made of: North Sumatran regencies and districts, names by
 * community (Batak marga, Malay, Javanese, Minang, Chinese-Indonesian), occupations, phone
 * prefixes, the bank's products and timeline events in Bahasa Indonesia. Data only; the
 * generator is demo-data.ts.
 */
const words = (s: string) => s.trim().split(/\s+/);
const names = (s: string) => s.split(',').map((name) => name.trim().replace(/\s+/g, ' '));

/** North Sumatran regencies (Kemendagri codes): districts 01…n, main town, serving branch, who lives there. */
export const REGENCIES: [code: string, districts: number, city: string, branch: string, people: string][] = [
  [
    '1271',
    21,
    'Medan',
    'MDN-KC',
    'toba mandailing karo chinese chinese javanese malay minang simalungun javanese',
  ],
  ['1207', 22, 'Lubuk Pakam', 'MDN-KC', 'javanese javanese malay karo toba mandailing chinese'],
  ['1275', 5, 'Binjai', 'MDN-KC', 'malay javanese karo toba chinese'],
  ['1205', 8, 'Stabat', 'MDN-KC', 'malay malay javanese karo'],
  ['1206', 8, 'Kabanjahe', 'MDN-KC', 'karo karo karo toba'],
  ['1218', 6, 'Sei Rampah', 'MDN-KC', 'malay javanese toba'],
  ['1273', 3, 'Tanjungbalai', 'MDN-KC', 'malay chinese mandailing'],
  ['1276', 3, 'Padangsidimpuan', 'MDN-KC', 'mandailing mandailing minang'],
  ['1272', 8, 'Pematangsiantar', 'PMS-KC', 'simalungun toba toba chinese javanese'],
  ['1208', 10, 'Pematang Raya', 'PMS-KC', 'simalungun simalungun toba javanese'],
  ['1212', 10, 'Balige', 'PMS-KC', 'toba'],
  ['1202', 5, 'Tarutung', 'PMS-KC', 'toba'],
  ['1274', 5, 'Tebing Tinggi', 'PMS-KC', 'javanese malay toba chinese'],
  ['1209', 6, 'Kisaran', 'PMS-KC', 'malay javanese toba'],
];
/** Every district's six-digit code (the first six digits of a NIK born there). */
export const REGIONS = REGENCIES.flatMap(([regency, districts, city, branch, people]) =>
  Array.from({ length: districts }, (_, d) => ({
    code: `${regency}${String(d + 1).padStart(2, '0')}`,
    city,
    branch,
    people,
  })),
);

export const MARGA = {
  toba: words(`Simanjuntak Hutagalung Sitompul Situmorang Panjaitan Sihombing Manurung Sinaga Siahaan
    Napitupulu Simatupang Pardede Hutapea Silalahi Sianturi Tambunan Pasaribu Nainggolan Hutabarat
    Simbolon Sitorus Marpaung Aritonang Lumbantobing Gultom Sirait Pangaribuan`),
  karo: words(
    'Ginting Tarigan Sembiring Sitepu Barus Surbakti Perangin-angin Karo-karo Bangun Sebayang Milala',
  ),
  simalungun: words('Damanik Purba Saragih Sinaga Girsang Sipayung Sumbayak Purba Tambak Munthe'),
  mandailing: words(
    'Siregar Nasution Lubis Harahap Hasibuan Rangkuti Pane Daulay Batubara Pulungan Ritonga Dalimunthe',
  ),
};
export const BATAK_MALE =
  words(`Hotman Parlindungan Tigor Maruli Sahat Benny Frans Daniel Samuel Ricky Rudi Jonathan
  Togar Bonar Hotma Partogi Posma Binsar Erwin Roy Yosua Johannes Martin Ronald Hendrik Ersada`);
export const BATAK_FEMALE =
  words(`Rosmawati Lamtiur Romauli Debora Maria Sarah Tiurma Lenny Rotua Friska Yohana Ruth
  Hotnida Rismauli Dameria Sondang Tiurlan Ninta Ester Elisabeth Mega Novita Junita Rosdiana`);
export const MUSLIM_BATAK_MALE =
  words(`Ahmad Muhammad Rizky Rahmad Fauzi Irwan Syahrul Hamdan Ridwan Amiruddin Zulham
  Arfan Taufik Mara Saleh Gunawan Parlaungan Sutan`);
export const MUSLIM_BATAK_FEMALE =
  words(`Siti Aisyah Nur Hasanah Rahmawati Fitriani Zahara Nurhayati Halimah Khadijah
  Sakinah Ummi Mardiah Asmidar Rosna Maimunah`);
export const MALAY_MALE = words(
  'Syahrial Zulkifli Azhar Faisal Ahmad Fadli Syamsul Rizal Khairul Mahmud Zainal Darwis Hasan',
);
export const MALAY_FEMALE = words(
  'Syarifah Rahmah Suryani Nurul Huda Aini Salmah Zubaidah Nurlela Fatimah Ratna Mariani',
);
export const JAVANESE_MALE =
  words(`Sugiarto Slamet Riyadi Agus Setiawan Budi Santoso Eko Prasetyo Joko Susilo Sutrisno
  Suparman Wagiman Bambang Supriyadi Hadi Purnomo Sugeng Wahyudi Teguh Widodo Heru`);
export const JAVANESE_FEMALE = words(`Sri Wahyuni Dwi Handayani Tri Wulandari Siti Rahayu Endang Sulastri Rina
  Kurniawati Sumiati Puji Astuti Ningsih Yuliani Suharti Sulistyowati`);
export const MINANG_MALE = words(
  'Rahmat Hidayat Yusrizal Afrizal Zulfikar Syafril Hendri Saputra Yulizar Asrul Firdaus Ilham',
);
export const MINANG_FEMALE = words(
  'Yulia Fitri Rina Marlina Deswita Novi Yanti Ermawati Rosmaini Desi Elfi Yusnidar',
);
export const CHINESE_MALE =
  names(`Hendra, Sutanto, Ferry, Jimmy, Kelvin, William, Susanto, Johan, Edi, Andy, Vincent,
  Lim Soon Huat, Tan Ah Kow, Wong Chi Keong, Benny, Rudy, Hartono`);
export const CHINESE_FEMALE =
  names(`Lily, Vivian, Stefanie, Fransiska, Wendy, Lina, Meiliana, Susi, Yenny, Cindy,
  Tan Mei Ling, Lie Siu Lan, Angelina, Christine, Winda`);
export const CHINESE_SURNAMES =
  words(`Wijaya Halim Tanjaya Gunawan Salim Kurniawan Chandra Hartono Santoso Lim Tan Lie
  Ong Tjong Wong Sutanto Hermanto Wibowo Tanoto Sugianto`);

export const OCCUPATIONS =
  names(`Pegawai Negeri Sipil, Karyawan Swasta, Karyawan Swasta, Karyawan Swasta, Wiraswasta,
  Wiraswasta, Pedagang, Pedagang, Petani, Petani Sawit, Guru, Dosen, TNI/Polri, Dokter, Perawat,
  Ibu Rumah Tangga, Nelayan, Karyawan BUMN, Sopir, Buruh Pabrik, Pengusaha, Notaris`);
export const PHONE_PREFIXES =
  words(`0811 0812 0812 0813 0813 0821 0822 0823 0852 0853 0851 0814 0815 0816 0855 0856
  0857 0858 0817 0818 0819 0859 0877 0878 0895 0896 0897 0881 0882 0831 0838`);

export type ProductKind = 'savings' | 'deposit' | 'loan' | 'card' | 'investment';
/** Products by kind: a three-digit product code of the account number, names, a typical balance. */
export const PRODUCTS: Record<ProductKind, { code: string; names: string[]; balance: number }> = {
  savings: {
    code: '101',
    names: names('Tabungan Martabe, Tabungan Simpeda, TabunganKu, Tabungan Haji'),
    balance: 8e6,
  },
  deposit: {
    code: '201',
    names: names('Deposito Berjangka 3 Bulan, Deposito Berjangka 6 Bulan, Deposito Berjangka 12 Bulan'),
    balance: 75e6,
  },
  loan: {
    code: '301',
    names: names(
      'Kredit Pemilikan Rumah, Kredit Usaha Rakyat, Kredit Multiguna ASN, Kredit Kendaraan Bermotor',
    ),
    balance: 150e6,
  },
  card: {
    code: '526419',
    names: names('Kartu Kredit Gold, Kartu Kredit Platinum, Kartu Kredit Classic'),
    balance: 0,
  },
  investment: {
    code: '401',
    names: names(
      'Reksa Dana Pasar Uang, Obligasi Negara Ritel (ORI), Sukuk Ritel, Reksa Dana Pendapatan Tetap',
    ),
    balance: 120e6,
  },
};

/** What customers do, as the timeline shows it; `needs` limits an entry to customers it fits. */
export const TIMELINE: { channel: string; kind: string; summary: string; needs?: 'rm' | 'card' }[] = [
  ...names('Setor tunai di teller, Tarik tunai di teller, Pencetakan buku tabungan').map((summary) => ({
    channel: 'branch',
    kind: 'transaction',
    summary,
  })),
  { channel: 'branch', kind: 'visit', summary: 'Kunjungan ke kantor cabang: pengkinian data nasabah' },
  { channel: 'branch', kind: 'visit', summary: 'Penggantian kartu ATM yang rusak' },
  ...names(`Menanyakan saldo via call centre, Menanyakan status pengajuan KPR, Meminta blokir kartu ATM
    karena hilang, Menanyakan biaya administrasi tabungan`).map((summary) => ({
    channel: 'call',
    kind: 'call',
    summary,
  })),
  { channel: 'call', kind: 'case', summary: 'Pengaduan kartu tertelan ATM' },
  { channel: 'call', kind: 'case', summary: 'Pengaduan transfer antarbank gagal, saldo terdebet' },
  { channel: 'call', kind: 'case', summary: 'Pengaduan tagihan kartu kredit tidak sesuai', needs: 'card' },
  { channel: 'whatsapp', kind: 'message', summary: 'Menanyakan suku bunga deposito via WhatsApp' },
  { channel: 'whatsapp', kind: 'message', summary: 'Menanyakan syarat Kredit Usaha Rakyat via WhatsApp' },
  ...names(`Transfer ke rekening bank lain via mobile banking, Pembayaran PBB via mobile banking, Top up e-wallet
    via mobile banking, Pembayaran tagihan listrik PLN`).map((summary) => ({
    channel: 'mobile',
    kind: 'transaction',
    summary,
  })),
  { channel: 'email', kind: 'message', summary: 'Meminta rekening koran 3 bulan terakhir via e-mail' },
  { channel: 'web', kind: 'note', summary: 'Mengajukan kartu kredit melalui situs web' },
  { channel: 'sms', kind: 'campaign', summary: 'Menerima SMS penawaran Tabungan Martabe berhadiah' },
  { channel: 'whatsapp', kind: 'campaign', summary: 'Menerima pesan WhatsApp promo KPR bunga tetap' },
  { channel: 'email', kind: 'campaign', summary: 'Menerima e-mail penawaran Reksa Dana Pasar Uang' },
  { channel: 'branch', kind: 'visit', summary: 'Kunjungan RM: penawaran deposito berjangka', needs: 'rm' },
  { channel: 'call', kind: 'call', summary: 'RM menelepon: tindak lanjut pengajuan kredit', needs: 'rm' },
];
