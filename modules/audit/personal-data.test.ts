import { describe, expect, it } from 'vitest';
import { maskPersonalFields, maskValue, personalFieldKind } from './personal-data.ts';

describe('personal fields are known by name, never by the look of the value', () => {
  it.each([
    ['nik', 'nik'],
    ['customerNik', 'nik'],
    ['NIK', 'nik'],
    ['no_ktp', 'nik'],
    ['phone', 'phone'],
    ['applicantPhoneNumber', 'phone'],
    ['no_hp', 'phone'],
    ['msisdn', 'phone'],
    ['email', 'email'],
    ['customer_email_address', 'email'],
    ['accountNumber', 'accountNumber'],
    ['nomorRekening', 'accountNumber'],
  ])('%s is a %s field', (name, kind) => {
    expect(personalFieldKind(name)).toBe(kind);
  });

  it.each(['teknik', 'phoneType', 'emailVerified', 'accountType', 'processInstanceKey', 'caseId'])(
    '%s is not personal',
    (name) => {
      expect(personalFieldKind(name)).toBeUndefined();
    },
  );

  it('masks by field name at any depth, and leaves a 16-digit key alone', () => {
    const variables = {
      processInstanceKey: '2251799813685249',
      customer: { nik: '1271011203900001', name: 'Budi', contacts: [{ phone: '081234567890' }] },
      email: 'budi.santoso@example.co.id',
      accountNumber: 1234567890,
    };
    expect(maskPersonalFields(variables, ['agent'])).toEqual({
      processInstanceKey: '2251799813685249',
      customer: { nik: '************0001', name: 'Budi', contacts: [{ phone: '0812*****890' }] },
      email: 'b***********@example.co.id',
      accountNumber: '******7890',
    });
  });

  it('shows each role the fields its work needs in clear', () => {
    const record = { nik: '1271011203900001', phone: '081234567890', accountNumber: '1234567890' };
    expect(maskPersonalFields(record, ['compliance'])).toEqual(record);
    expect(maskPersonalFields(record, ['backoffice'])).toEqual({
      ...record,
      nik: '************0001',
      phone: '0812*****890',
    });
    expect(maskPersonalFields(record, ['relationship-manager']).phone).toBe('081234567890');
    expect(maskPersonalFields(record, ['supervisor']).nik).toBe('************0001');
  });

  it('short values are masked whole', () => {
    expect(maskValue('nik', '123')).toBe('***');
    expect(maskValue('email', 'not-an-email')).toBe('************');
  });
});
