import { lookupRegion } from './regions.ts';

/** One check of a NIK, with what it found in Bahasa Indonesia and in English. */
export interface NikFinding {
  check: 'format' | 'region' | 'birthDate' | 'serial';
  ok: boolean;
  id: string;
  en: string;
}

export interface NikResult {
  valid: boolean;
  findings: NikFinding[];
  /** Where the NIK was issued, when its region digits are known. */
  region: { province: string; regency: string | null } | null;
}

export interface NikApplicant {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
}

const pass = (check: NikFinding['check'], id: string, en: string): NikFinding => ({
  check,
  ok: true,
  id,
  en,
});
const fail = (check: NikFinding['check'], id: string, en: string): NikFinding => ({
  check,
  ok: false,
  id,
  en,
});

/** The six birth-date digits a NIK must carry for this applicant: DDMMYY, +40 on the day for women. */
export function expectedBirthDigits(applicant: NikApplicant): string {
  const [year, month, day] = applicant.birthDate.split('-') as [string, string, string];
  const dd = Number(day) + (applicant.sex === 'F' ? 40 : 0);
  return `${String(dd).padStart(2, '0')}${month}${year.slice(2)}`;
}

const sexId = (sex: 'M' | 'F') => (sex === 'F' ? 'perempuan' : 'laki-laki');
const sexEn = (sex: 'M' | 'F') => (sex === 'F' ? 'female' : 'male');

/**
 * The checks a NIK (Nomor Induk Kependudukan) must pass against the applicant: 16 digits;
 * digits 1–6 a known province, regency and district (regions.ts); digits 7–12 the birth date
 * as DDMMYY with 40 added to the day for women; digits 13–16 a serial that is never 0000.
 */
export function checkNik(nik: string, applicant: NikApplicant): NikResult {
  if (!/^\d{16}$/.test(nik))
    return {
      valid: false,
      region: null,
      findings: [
        fail(
          'format',
          `NIK harus terdiri dari 16 angka (diterima ${nik.length} karakter)`,
          `A NIK has exactly 16 digits (got ${nik.length} characters)`,
        ),
      ],
    };
  const findings: NikFinding[] = [pass('format', 'NIK terdiri dari 16 angka', 'The NIK has 16 digits')];

  const region = lookupRegion(nik.slice(0, 6));
  if (!region.known) {
    const level = {
      province: ['provinsi', 'province'],
      regency: ['kabupaten/kota', 'regency or city'],
      district: ['kecamatan', 'district'],
    }[region.level];
    findings.push(
      fail(
        'region',
        `Kode ${level[0]} pada NIK (${region.code}) tidak dikenal`,
        `The ${level[1]} code in the NIK (${region.code}) is not a known one`,
      ),
    );
  } else {
    const where = [region.regency, region.province].filter(Boolean).join(', ');
    findings.push(
      region.checked === 'district'
        ? pass('region', `Kode wilayah sesuai: ${where}`, `Region code known: ${where}`)
        : pass(
            'region',
            `Kode provinsi sesuai (${where}); kabupaten dan kecamatan tidak diperiksa`,
            `Province code known (${where}); regency and district not checked`,
          ),
    );
  }

  const found = nik.slice(6, 12);
  const expected = expectedBirthDigits(applicant);
  const [year, month, day] = applicant.birthDate.split('-');
  const shown = `${day}-${month}-${year}`;
  findings.push(
    found === expected
      ? pass(
          'birthDate',
          `Tanggal lahir pada NIK (${found}) sesuai`,
          `The birth date in the NIK (${found}) matches`,
        )
      : fail(
          'birthDate',
          `Tanggal lahir pada NIK (${found}) tidak sesuai dengan tanggal lahir pemohon (${shown}, ${sexId(applicant.sex)}: seharusnya ${expected})`,
          `The birth date in the NIK (${found}) does not match the applicant's (${applicant.birthDate}, ${sexEn(applicant.sex)}: expected ${expected})`,
        ),
  );

  const serial = nik.slice(12);
  findings.push(
    serial === '0000'
      ? fail(
          'serial',
          'Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000',
          'The serial number in the NIK (last 4 digits) cannot be 0000',
        )
      : pass('serial', 'Nomor urut pada NIK sah', 'The serial number in the NIK is valid'),
  );

  return {
    valid: findings.every((f) => f.ok),
    findings,
    region: region.known ? { province: region.province, regency: region.regency } : null,
  };
}

/** Why a NIK is refused, in both languages (the failed checks, in order). */
export function nikRefusal(result: NikResult): { id: string; en: string } {
  const failed = result.findings.filter((f) => !f.ok);
  return { id: failed.map((f) => f.id).join('; '), en: failed.map((f) => f.en).join('; ') };
}
