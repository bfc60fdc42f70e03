import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, toBody } from './application-form.ts';

const filled = {
  ...emptyForm('MDN-KC'),
  fullName: ' Rina Marlina Sitorus ',
  nik: '1271 0152 0895 0001',
  birthDate: '12/08/1995',
  birthPlace: 'Medan',
  sex: 'F' as const,
  address: 'Jl. Gatot Subroto No. 12',
  phone: '0812 3456 7890',
  occupation: 'employee',
  sourceOfFunds: 'salary',
  monthlyIncome: '8.500.000',
  consents: ['email/service', 'whatsapp/marketing'],
  documentsReceived: ['KTP'],
};

describe('the new-application form', () => {
  it('names every missing field', () => {
    const problems = checkForm(emptyForm(''));
    expect(problems).toMatchObject({ fullName: 'required', nik: 'required', branchCode: 'required' });
    expect(problems.email).toBeUndefined();
  });

  it('refuses a NIK that is not 16 digits and an income that is not a number', () => {
    expect(checkForm({ ...filled, nik: '12710152089500' }).nik).toBe('nikFormat');
    expect(checkForm({ ...filled, monthlyIncome: 'delapan juta' }).monthlyIncome).toBe('incomeFormat');
    expect(checkForm({ ...filled, birthDate: '31/02/1995' }).birthDate).toBe('dateFormat');
    expect(checkForm({ ...filled, birthDate: '1995-08-12' }).birthDate).toBe('dateFormat');
    expect(checkForm(filled)).toEqual({});
  });

  it('becomes the body the API takes: trimmed, digits joined, blanks left out', () => {
    expect(toBody(filled)).toEqual({
      fullName: 'Rina Marlina Sitorus',
      nik: '1271015208950001',
      birthDate: '1995-08-12',
      sex: 'F',
      birthPlace: 'Medan',
      address: 'Jl. Gatot Subroto No. 12',
      phone: '0812 3456 7890',
      branchCode: 'MDN-KC',
      product: 'savings',
      occupation: 'employee',
      sourceOfFunds: 'salary',
      monthlyIncome: 8_500_000,
      pep: false,
      consents: [
        { channel: 'email', purpose: 'service' },
        { channel: 'whatsapp', purpose: 'marketing' },
      ],
      documentsReceived: ['KTP'],
    });
  });
});
