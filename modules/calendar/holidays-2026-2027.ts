import type { HolidayKind } from './calendar.ts';

export interface SeedHoliday {
  /** WIB date 'YYYY-MM-DD'. */
  date: string;
  /** Name in Bahasa Indonesia, as the decree writes it. */
  name: string;
  nameEn: string;
  kind: HolidayKind;
}

/**
 * 2026, as decreed: Surat Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan
 * Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari
 * Libur Nasional dan Cuti Bersama Tahun 2026 (announced by the Menko PMK on 19 September
 * 2025): 17 national holidays and 8 days of cuti bersama. The full text is published by
 * Kemenko PMK (kemenkopmk.go.id). Lists checked against:
 * - https://lintaspriangan.com/berita-nasional/skb-libur-nasional-cuti-bersama-2026-disahkan
 * - https://pembelajaranbermaknaid.blogspot.com/2025/11/skb-3-menteri-rilis-daftar-cuti-bersama.html
 * - https://serayunews.com/libur-isra-mikraj-2026-jatuh-16-januari-ini-daftar-tanggal-merah-dan-akhir-pekan-di-bulan-januari
 *   (decree numbers; 16 January = 27 Rajab 1447 in Kemenag's Kalender Hijriah Indonesia 2026)
 * - https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri
 *   (17 + 8 days; Idul Fitri 21–22 March)
 */
export const HOLIDAYS_2026: readonly SeedHoliday[] = [
  { date: '2026-01-01', kind: 'national', name: 'Tahun Baru 2026 Masehi', nameEn: "New Year's Day" },
  {
    date: '2026-01-16',
    kind: 'national',
    name: 'Isra Mikraj Nabi Muhammad SAW',
    nameEn: "Isra Mi'raj of the Prophet Muhammad",
  },
  {
    date: '2026-02-16',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili',
    nameEn: 'Collective leave: Chinese New Year',
  },
  {
    date: '2026-02-17',
    kind: 'national',
    name: 'Tahun Baru Imlek 2577 Kongzili',
    nameEn: 'Chinese New Year',
  },
  {
    date: '2026-03-18',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
    nameEn: 'Collective leave: Nyepi',
  },
  {
    date: '2026-03-19',
    kind: 'national',
    name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)',
    nameEn: 'Nyepi, Day of Silence (Saka New Year 1948)',
  },
  {
    date: '2026-03-20',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Idul Fitri 1447 Hijriah',
    nameEn: 'Collective leave: Eid al-Fitr',
  },
  { date: '2026-03-21', kind: 'national', name: 'Idul Fitri 1447 Hijriah', nameEn: 'Eid al-Fitr' },
  {
    date: '2026-03-22',
    kind: 'national',
    name: 'Idul Fitri 1447 Hijriah',
    nameEn: 'Eid al-Fitr (second day)',
  },
  {
    date: '2026-03-23',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Idul Fitri 1447 Hijriah',
    nameEn: 'Collective leave: Eid al-Fitr',
  },
  {
    date: '2026-03-24',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Idul Fitri 1447 Hijriah',
    nameEn: 'Collective leave: Eid al-Fitr',
  },
  { date: '2026-04-03', kind: 'national', name: 'Wafat Yesus Kristus', nameEn: 'Good Friday' },
  {
    date: '2026-04-05',
    kind: 'national',
    name: 'Kebangkitan Yesus Kristus (Paskah)',
    nameEn: 'Easter Sunday',
  },
  {
    date: '2026-05-01',
    kind: 'national',
    name: 'Hari Buruh Internasional',
    nameEn: 'International Labour Day',
  },
  {
    date: '2026-05-14',
    kind: 'national',
    name: 'Kenaikan Yesus Kristus',
    nameEn: 'Ascension of Jesus Christ',
  },
  {
    date: '2026-05-15',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Kenaikan Yesus Kristus',
    nameEn: 'Collective leave: Ascension of Jesus Christ',
  },
  { date: '2026-05-27', kind: 'national', name: 'Idul Adha 1447 Hijriah', nameEn: 'Eid al-Adha' },
  {
    date: '2026-05-28',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Idul Adha 1447 Hijriah',
    nameEn: 'Collective leave: Eid al-Adha',
  },
  { date: '2026-05-31', kind: 'national', name: 'Hari Raya Waisak 2570 BE', nameEn: 'Vesak Day' },
  { date: '2026-06-01', kind: 'national', name: 'Hari Lahir Pancasila', nameEn: 'Pancasila Day' },
  {
    date: '2026-06-16',
    kind: 'national',
    name: '1 Muharam Tahun Baru Islam 1448 Hijriah',
    nameEn: 'Islamic New Year',
  },
  { date: '2026-08-17', kind: 'national', name: 'Proklamasi Kemerdekaan', nameEn: 'Independence Day' },
  {
    date: '2026-08-25',
    kind: 'national',
    name: 'Maulid Nabi Muhammad SAW',
    nameEn: 'Birthday of the Prophet Muhammad',
  },
  {
    date: '2026-12-24',
    kind: 'cuti-bersama',
    name: 'Cuti Bersama Kelahiran Yesus Kristus',
    nameEn: 'Collective leave: Christmas',
  },
  { date: '2026-12-25', kind: 'national', name: 'Kelahiran Yesus Kristus', nameEn: 'Christmas Day' },
];

/**
 * 2027: NO decree yet (the SKB for a year is usually signed in September–October of the
 * year before) could be found when this list was compiled. The holidays of Keppres 8/2024
 * (Hari-Hari Libur) are listed on their expected dates:
 * - fixed dates, and the Easter-based ones (Easter 2027 = 28 March, computus), are certain
 *   in all but the decree;
 * - dates from a lunar or lunisolar calendar are ESTIMATED, marked "(perkiraan)" /
 *   "(estimated)" in their names so the admin sees what to confirm against the SKB 2027.
 *   Islamic dates: Kemenag's MABIMS criterion (moon ≥ 3° high, elongation ≥ 6.4° at sunset
 *   after the conjunction, anywhere in Indonesia), which reproduces the decreed 2026 dates;
 *   Singapore (also MABIMS) has gazetted Hari Raya Puasa 10 March and Haji 17 May 2027.
 * - NO cuti bersama are seeded for 2027: they are a policy choice of the decree and cannot
 *   be derived. Leaving them out makes complaint deadlines earlier, never later than the
 *   rule allows (safe); the admin adds them when the SKB 2027 is published.
 */
export const HOLIDAYS_2027: readonly SeedHoliday[] = [
  { date: '2027-01-01', kind: 'national', name: 'Tahun Baru 2027 Masehi', nameEn: "New Year's Day" },
  {
    // 27 Rajab 1448. Estimated: the crescent of 9 Dec 2026 is borderline (like Rajab 1447,
    // which Kemenag started on the borderline evening); 6 January if it is not.
    date: '2027-01-05',
    kind: 'national',
    name: 'Isra Mikraj Nabi Muhammad SAW (perkiraan)',
    nameEn: "Isra Mi'raj of the Prophet Muhammad (estimated)",
  },
  {
    // Chinese calendar: new moon 6 Feb 2027 15:56 UTC, 23:56 in China. Estimated until decreed.
    date: '2027-02-06',
    kind: 'national',
    name: 'Tahun Baru Imlek 2578 Kongzili (perkiraan)',
    nameEn: 'Chinese New Year (estimated)',
  },
  {
    // Balinese Saka calendar: the day after Tilem Kesanga. Estimated until decreed.
    date: '2027-03-08',
    kind: 'national',
    name: 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)',
    nameEn: 'Nyepi, Day of Silence (Saka New Year 1949) (estimated)',
  },
  {
    // 1 Syawal 1448: conjunction 8 Mar 2027 09:30 UTC, crescent below the horizon that evening.
    date: '2027-03-10',
    kind: 'national',
    name: 'Idul Fitri 1448 Hijriah (perkiraan)',
    nameEn: 'Eid al-Fitr (estimated)',
  },
  {
    // 2 Syawal 1448, estimated as above.
    date: '2027-03-11',
    kind: 'national',
    name: 'Idul Fitri 1448 Hijriah (perkiraan)',
    nameEn: 'Eid al-Fitr (second day) (estimated)',
  },
  { date: '2027-03-26', kind: 'national', name: 'Wafat Yesus Kristus', nameEn: 'Good Friday' },
  {
    date: '2027-03-28',
    kind: 'national',
    name: 'Kebangkitan Yesus Kristus (Paskah)',
    nameEn: 'Easter Sunday',
  },
  {
    date: '2027-05-01',
    kind: 'national',
    name: 'Hari Buruh Internasional',
    nameEn: 'International Labour Day',
  },
  {
    date: '2027-05-06',
    kind: 'national',
    name: 'Kenaikan Yesus Kristus',
    nameEn: 'Ascension of Jesus Christ',
  },
  {
    // 10 Zulhijah 1448: 1 Zulhijah = 8 May 2027 (conjunction 6 May 11:00 UTC).
    date: '2027-05-17',
    kind: 'national',
    name: 'Idul Adha 1448 Hijriah (perkiraan)',
    nameEn: 'Eid al-Adha (estimated)',
  },
  {
    // Full moon of May: 20 May 2027 11:00 UTC (18:00 WIB). Estimated until decreed.
    date: '2027-05-20',
    kind: 'national',
    name: 'Hari Raya Waisak 2571 BE (perkiraan)',
    nameEn: 'Vesak Day (estimated)',
  },
  { date: '2027-06-01', kind: 'national', name: 'Hari Lahir Pancasila', nameEn: 'Pancasila Day' },
  {
    // 1 Muharam 1449: conjunction 4 Jun 2027 19:40 UTC, crescent seen the evening of 5 June.
    date: '2027-06-06',
    kind: 'national',
    name: '1 Muharam Tahun Baru Islam 1449 Hijriah (perkiraan)',
    nameEn: 'Islamic New Year (estimated)',
  },
  {
    // 12 Rabiulawal 1449: 1 Rabiulawal = 4 Aug 2027 (conjunction 2 Aug 10:00 UTC).
    date: '2027-08-15',
    kind: 'national',
    name: 'Maulid Nabi Muhammad SAW (perkiraan)',
    nameEn: 'Birthday of the Prophet Muhammad (estimated)',
  },
  { date: '2027-08-17', kind: 'national', name: 'Proklamasi Kemerdekaan', nameEn: 'Independence Day' },
  { date: '2027-12-25', kind: 'national', name: 'Kelahiran Yesus Kristus', nameEn: 'Christmas Day' },
  {
    // 27 Rajab 1449 falls in 2027 as well: 1 Rajab = 30 Nov 2027 (conjunction 28 Nov 03:25
    // UTC, elongation under 6.4° that evening). Estimated.
    date: '2027-12-26',
    kind: 'national',
    name: 'Isra Mikraj Nabi Muhammad SAW (perkiraan)',
    nameEn: "Isra Mi'raj of the Prophet Muhammad (estimated)",
  },
];

export const SEED_HOLIDAYS: readonly SeedHoliday[] = [...HOLIDAYS_2026, ...HOLIDAYS_2027];
