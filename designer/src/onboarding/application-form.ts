import { parseDay } from '../format.ts';

/** The new-application form as typed (text inputs give strings), before it becomes the API's body. */
export interface FormValues {
  fullName: string;
  nik: string;
  /** As typed: dd/mm/yyyy. */
  birthDate: string;
  birthPlace: string;
  sex: '' | 'M' | 'F';
  address: string;
  phone: string;
  email: string;
  branchCode: string;
  product: string;
  occupation: string;
  sourceOfFunds: string;
  monthlyIncome: string;
  pep: boolean;
  consents: string[];
  documentsReceived: string[];
}

export const emptyForm = (branchCode: string): FormValues => ({
  fullName: '',
  nik: '',
  birthDate: '',
  birthPlace: '',
  sex: '',
  address: '',
  phone: '',
  email: '',
  branchCode,
  product: 'savings',
  occupation: '',
  sourceOfFunds: '',
  monthlyIncome: '',
  pep: false,
  consents: [],
  documentsReceived: [],
});

const REQUIRED = [
  'fullName',
  'nik',
  'birthDate',
  'birthPlace',
  'sex',
  'address',
  'phone',
  'branchCode',
  'product',
  'occupation',
  'sourceOfFunds',
] as const;

export type FormProblem = 'required' | 'nikFormat' | 'dateFormat' | 'incomeFormat';

/**
 * What the form can tell before sending: missing fields, a NIK that is not 16 digits, an
 * income that is not a number. The rest (the NIK's region and birth date, phone form, branch)
 * is the server's to judge; its answers name the field too.
 */
export function checkForm(values: FormValues): Partial<Record<keyof FormValues, FormProblem>> {
  const problems: Partial<Record<keyof FormValues, FormProblem>> = {};
  for (const field of REQUIRED) if (!String(values[field]).trim()) problems[field] = 'required';
  if (!problems.nik && !/^\d{16}$/.test(values.nik.replace(/\s/g, ''))) problems.nik = 'nikFormat';
  // Days are typed dd/mm/yyyy whatever the browser's language (a date input would follow it).
  if (!problems.birthDate && !parseDay(values.birthDate)) problems.birthDate = 'dateFormat';
  if (values.monthlyIncome.trim() && !/^\d+$/.test(values.monthlyIncome.replace(/[.\s]/g, '')))
    problems.monthlyIncome = 'incomeFormat';
  return problems;
}

/** The API's body: blanks left out, the income as a number, consents as channel/purpose pairs. */
export function toBody(values: FormValues): Record<string, unknown> {
  const income = values.monthlyIncome.replace(/[.\s]/g, '');
  return {
    fullName: values.fullName.trim(),
    nik: values.nik.replace(/\s/g, ''),
    birthDate: parseDay(values.birthDate) || values.birthDate,
    sex: values.sex,
    birthPlace: values.birthPlace.trim(),
    address: values.address.trim(),
    phone: values.phone.trim(),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    branchCode: values.branchCode.trim().toUpperCase(),
    product: values.product,
    occupation: values.occupation,
    sourceOfFunds: values.sourceOfFunds,
    ...(income ? { monthlyIncome: Number(income) } : {}),
    pep: values.pep,
    consents: values.consents.map((pair) => {
      const [channel, purpose] = pair.split('/');
      return { channel, purpose };
    }),
    documentsReceived: values.documentsReceived,
  };
}
