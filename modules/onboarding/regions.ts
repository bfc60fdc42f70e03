/**
 * Region codes as the first six digits of a NIK carry them: province (2), regency or city (2),
 * district / kecamatan (2), in the Ministry of Home Affairs' (Kemendagri) numbering that
 * Dukcapil issues NIKs with — not BPS's statistical codes, which differ.
 *
 * Source: the province list is Kemendagri's (including the 2022 Papua provinces). The
 * regencies and districts of Sumatera Utara (12) are taken from the Kemendagri-coded table
 * in nusantara-valid 0.4.0 (github.com/agraris/nusantara-valid, MIT, data of 2020), except
 * Tapanuli Tengah's districts 01–08, which that table starts after and are filled in from
 * knowledge. TO VERIFY against the current Kepmendagri on region codes before production:
 * districts created after 2020 are missing, and other provinces are checked only to the
 * province code (regencies and districts there are accepted unchecked, and the result says so).
 */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

/** Sumatera Utara: regency code → name and its district codes (ranges, inclusive). */
const SUMATERA_UTARA: Readonly<Record<string, { name: string; districts: string }>> = {
  '01': { name: 'Kabupaten Tapanuli Tengah', districts: '01-20' },
  '02': { name: 'Kabupaten Tapanuli Utara', districts: '01-15' },
  '03': { name: 'Kabupaten Tapanuli Selatan', districts: '01-07,14,20-22,29-31' },
  '04': { name: 'Kabupaten Nias', districts: '05,06,10,11,20,21,27-29,35' },
  '05': { name: 'Kabupaten Langkat', districts: '01-23' },
  '06': { name: 'Kabupaten Karo', districts: '01-17' },
  '07': { name: 'Kabupaten Deli Serdang', districts: '01-09,19-28,31-33' },
  '08': { name: 'Kabupaten Simalungun', districts: '01-32' },
  '09': { name: 'Kabupaten Asahan', districts: '08-32' },
  '10': { name: 'Kabupaten Labuhanbatu', districts: '01,02,07-09,14,18-20' },
  '11': { name: 'Kabupaten Dairi', districts: '01-15' },
  '12': { name: 'Kabupaten Toba', districts: '01-10,19-24' },
  '13': { name: 'Kabupaten Mandailing Natal', districts: '01-23' },
  '14': { name: 'Kabupaten Nias Selatan', districts: '01-35' },
  '15': { name: 'Kabupaten Pakpak Bharat', districts: '01-08' },
  '16': { name: 'Kabupaten Humbang Hasundutan', districts: '01-10' },
  '17': { name: 'Kabupaten Samosir', districts: '01-09' },
  '18': { name: 'Kabupaten Serdang Bedagai', districts: '01-17' },
  '19': { name: 'Kabupaten Batu Bara', districts: '01-07' },
  '20': { name: 'Kabupaten Padang Lawas Utara', districts: '01-12' },
  '21': { name: 'Kabupaten Padang Lawas', districts: '01-12' },
  '22': { name: 'Kabupaten Labuhanbatu Selatan', districts: '01-05' },
  '23': { name: 'Kabupaten Labuhanbatu Utara', districts: '01-08' },
  '24': { name: 'Kabupaten Nias Utara', districts: '01-11' },
  '25': { name: 'Kabupaten Nias Barat', districts: '01-08' },
  '71': { name: 'Kota Medan', districts: '01-21' },
  '72': { name: 'Kota Pematangsiantar', districts: '01-08' },
  '73': { name: 'Kota Sibolga', districts: '01-04' },
  '74': { name: 'Kota Tanjungbalai', districts: '01-06' },
  '75': { name: 'Kota Binjai', districts: '01-05' },
  '76': { name: 'Kota Tebing Tinggi', districts: '01-05' },
  '77': { name: 'Kota Padangsidimpuan', districts: '01-06' },
  '78': { name: 'Kota Gunungsitoli', districts: '01-06' },
};

function expand(ranges: string): Set<string> {
  const codes = new Set<string>();
  for (const part of ranges.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let n = from; n <= (to as number); n++) codes.add(String(n).padStart(2, '0'));
  }
  return codes;
}

const DISTRICTS = new Map(Object.entries(SUMATERA_UTARA).map(([code, r]) => [code, expand(r.districts)]));

/** Provinces whose regencies and districts the table holds. */
export const DETAILED_PROVINCES = new Set(['12']);

export type RegionLookup =
  | { known: true; province: string; regency: string | null; checked: 'district' | 'province' }
  | { known: false; level: 'province' | 'regency' | 'district'; code: string };

/** Looks up the six region digits of a NIK. */
export function lookupRegion(code: string): RegionLookup {
  const province = code.slice(0, 2);
  const regency = code.slice(2, 4);
  const district = code.slice(4, 6);
  const provinceName = PROVINCES[province];
  if (!provinceName) return { known: false, level: 'province', code: province };
  if (!DETAILED_PROVINCES.has(province))
    return { known: true, province: provinceName, regency: null, checked: 'province' };
  const entry = SUMATERA_UTARA[regency];
  if (!entry) return { known: false, level: 'regency', code: `${province}.${regency}` };
  if (!DISTRICTS.get(regency)?.has(district))
    return { known: false, level: 'district', code: `${province}.${regency}.${district}` };
  return { known: true, province: provinceName, regency: entry.name, checked: 'district' };
}
