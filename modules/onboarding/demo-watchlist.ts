/**
 * DEMONSTRATION DATA — every person here is fictional, made up for this demo; any likeness to
 * a real person is accidental. The shape follows the lists an Indonesian bank screens against
 * (the police's DTTOT, PPATK's DPPSPM, politically exposed persons, internal fraud lists), so
 * the screening, its scores and the manual review can be shown end to end.
 */
export interface DemoWatchlistEntry {
  id: string;
  fullName: string;
  aliases: string[];
  birthDate: string | null;
  category: 'TERRORISM' | 'PROLIFERATION' | 'SANCTION' | 'PEP' | 'FRAUD';
  listSource: string;
  reference: string;
  notes: string;
}

const NOTE =
  'DATA DEMONSTRASI: orang fiktif, bukan daftar resmi / DEMONSTRATION DATA: fictional person, not an official list';
const id = (n: number) => `0190f5a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_WATCHLIST: DemoWatchlistEntry[] = [
  {
    id: id(1),
    fullName: 'Ahmad Syahrial Nasution',
    aliases: ['Achmad Sjahrial', 'Abu Rial'],
    birthDate: '1975-03-14',
    category: 'TERRORISM',
    listSource: 'DTTOT (demonstrasi)',
    reference: 'DEMO-DTTOT-001',
    notes: NOTE,
  },
  {
    id: id(2),
    fullName: 'Rudolf Hamonangan Pardede',
    aliases: ['Rudi Pardede'],
    birthDate: '1968-11-02',
    category: 'PEP',
    listSource: 'PEP daerah (demonstrasi)',
    reference: 'DEMO-PEP-014',
    notes: NOTE,
  },
  {
    id: id(3),
    fullName: 'Siti Rahmawati Lubis',
    aliases: ['Siti Rahma Lubis'],
    birthDate: '1982-06-21',
    category: 'FRAUD',
    listSource: 'Daftar internal fraud (demonstrasi)',
    reference: 'DEMO-FRD-203',
    notes: NOTE,
  },
  {
    id: id(4),
    fullName: 'Bonifasius Tarigan Sibero',
    aliases: [],
    birthDate: '1971-01-30',
    category: 'SANCTION',
    listSource: 'DPPSPM (demonstrasi)',
    reference: 'DEMO-PSPM-007',
    notes: NOTE,
  },
  {
    id: id(5),
    fullName: 'Muhammad Iqbal Harahap',
    aliases: ['Mhd. Ikbal Harahap', 'Iqbal Hrp'],
    birthDate: '1979-09-09',
    category: 'TERRORISM',
    listSource: 'DTTOT (demonstrasi)',
    reference: 'DEMO-DTTOT-019',
    notes: NOTE,
  },
  {
    id: id(6),
    fullName: 'Hendrik Wijaya Tanoto',
    aliases: ['Tan Hok Lie'],
    birthDate: '1965-04-18',
    category: 'SANCTION',
    listSource: 'Sanksi internasional (demonstrasi)',
    reference: 'DEMO-SNC-112',
    notes: NOTE,
  },
  {
    id: id(7),
    fullName: 'Drs. Parlindungan Simatupang, M.Si.',
    aliases: ['Lindung Simatupang'],
    birthDate: '1960-12-25',
    category: 'PEP',
    listSource: 'PEP daerah (demonstrasi)',
    reference: 'DEMO-PEP-031',
    notes: NOTE,
  },
  {
    id: id(8),
    fullName: 'Nurhayati Br. Ginting',
    aliases: ['Nur Ginting'],
    birthDate: null,
    category: 'FRAUD',
    listSource: 'Daftar internal fraud (demonstrasi)',
    reference: 'DEMO-FRD-377',
    notes: NOTE,
  },
  {
    id: id(9),
    fullName: 'Joko Susilo Prawiro',
    aliases: ['Djoko Soesilo'],
    birthDate: '1973-07-07',
    category: 'PROLIFERATION',
    listSource: 'DPPSPM (demonstrasi)',
    reference: 'DEMO-PSPM-022',
    notes: NOTE,
  },
  {
    id: id(10),
    fullName: 'Zulkarnain Daulay',
    aliases: ['Zul Daulay', 'Zulkarnaen Daulay'],
    birthDate: '1984-02-11',
    category: 'TERRORISM',
    listSource: 'DTTOT (demonstrasi)',
    reference: 'DEMO-DTTOT-044',
    notes: NOTE,
  },
];
