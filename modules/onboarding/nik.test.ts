import { describe, expect, it } from 'vitest';
import { checkNik, expectedBirthDigits, nikRefusal } from './nik.ts';
import { lookupRegion } from './regions.ts';

const man = { birthDate: '1995-08-12', sex: 'M' as const };
const woman = { birthDate: '1995-08-12', sex: 'F' as const };

describe('NIK checks', () => {
  it('given a Medan NIK whose digits agree with a man born 12 Aug 1995, then it is valid', () => {
    const result = checkNik('1271011208950003', man);
    expect(result.valid).toBe(true);
    expect(result.region).toEqual({ province: 'Sumatera Utara', regency: 'Kota Medan' });
  });

  it('given a woman, then the day carries +40 (52 for the 12th)', () => {
    expect(expectedBirthDigits(woman)).toBe('520895');
    expect(checkNik('1271015208950003', woman).valid).toBe(true);
    expect(checkNik('1271011208950003', woman).valid).toBe(false);
  });

  it('given birth-date digits that disagree, then the refusal names both dates in Bahasa Indonesia and English', () => {
    const result = checkNik('1271011208960003', man);
    expect(result.valid).toBe(false);
    const reason = nikRefusal(result);
    expect(reason.id).toBe(
      'Tanggal lahir pada NIK (120896) tidak sesuai dengan tanggal lahir pemohon (12-08-1995, laki-laki: seharusnya 120895)',
    );
    expect(reason.en).toContain("does not match the applicant's (1995-08-12, male: expected 120895)");
  });

  it('given fewer or more than 16 digits, or letters, then only the format is reported', () => {
    for (const nik of ['127101120895000', '12710112089500031', '12710112O8950003']) {
      const result = checkNik(nik, man);
      expect(result.valid).toBe(false);
      expect(result.findings.map((f) => f.check)).toEqual(['format']);
    }
  });

  it('given the serial 0000, then it is refused', () => {
    const result = checkNik('1271011208950000', man);
    expect(result.valid).toBe(false);
    expect(nikRefusal(result).id).toBe('Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000');
  });

  it('given an unknown province, regency or district, then the region check fails naming the code', () => {
    expect(nikRefusal(checkNik('9971011208950003', man)).en).toBe(
      'The province code in the NIK (99) is not a known one',
    );
    expect(nikRefusal(checkNik('1299011208950003', man)).id).toBe(
      'Kode kabupaten/kota pada NIK (12.99) tidak dikenal',
    );
    // Medan has 21 districts; Deli Serdang skips 10–18.
    expect(checkNik('1271221208950003', man).valid).toBe(false);
    expect(checkNik('1207151208950003', man).valid).toBe(false);
    expect(checkNik('1207261208950003', man).valid).toBe(true);
  });

  it('given another province than Sumatera Utara, then only the province code is checked and the result says so', () => {
    const result = checkNik('3171011208950003', man);
    expect(result.valid).toBe(true);
    expect(result.findings.find((f) => f.check === 'region')?.en).toContain(
      'regency and district not checked',
    );
  });

  it('given the region table, then Pematangsiantar and Deli Serdang districts resolve', () => {
    expect(lookupRegion('127201')).toMatchObject({ known: true, regency: 'Kota Pematangsiantar' });
    expect(lookupRegion('120726')).toMatchObject({ known: true, regency: 'Kabupaten Deli Serdang' });
  });
});
