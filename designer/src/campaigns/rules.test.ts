import { describe, expect, it } from 'vitest';
import { conditionsOf, EMPTY_FORM, rulesOf, wholeNumber } from './rules.ts';

describe('segment builder rules', () => {
  it('an empty form selects every customer and says so', () => {
    expect(rulesOf(EMPTY_FORM)).toEqual({ rules: {}, problems: [] });
    expect(conditionsOf({})).toEqual([]);
  });

  it('turns the fields into the rules the segments API takes', () => {
    const { rules, problems } = rulesOf({
      ...EMPTY_FORM,
      segments: ['priority'],
      branchCodes: 'mdn-kc,  MDN-CC ,',
      cities: 'Medan; Binjai',
      ageMin: '25',
      incomeMin: 'Rp 5.000.001',
      lacksProducts: ['card'],
      consents: ['email'],
    });
    expect(problems).toEqual([]);
    expect(rules).toEqual({
      segments: ['priority'],
      branchCodes: ['MDN-KC', 'MDN-CC'],
      cities: ['Medan', 'Binjai'],
      ageMin: 25,
      incomeMin: 5_000_001,
      lacksProducts: ['card'],
      consents: [{ channel: 'email', purpose: 'marketing' }],
    });
  });

  it('names the field that is not a number, out of range, or below its minimum', () => {
    expect(rulesOf({ ...EMPTY_FORM, ageMin: 'dua puluh' }).problems).toEqual([
      { field: 'ageMin', message: 'wholeNumber' },
    ]);
    expect(rulesOf({ ...EMPTY_FORM, ageMax: '150' }).problems).toEqual([
      { field: 'ageMax', message: 'ageRange' },
    ]);
    expect(rulesOf({ ...EMPTY_FORM, ageMin: '50', ageMax: '30' }).problems).toEqual([
      { field: 'ageMax', message: 'belowMin' },
    ]);
    expect(rulesOf({ ...EMPTY_FORM, incomeMin: '9000000', incomeMax: '1000000' }).problems).toEqual([
      { field: 'incomeMax', message: 'belowMin' },
    ]);
  });

  it('reads Rupiah amounts as typed by bank staff', () => {
    expect(wholeNumber('Rp 5.000.000')).toBe(5_000_000);
    expect(wholeNumber(' 750000 ')).toBe(750_000);
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber('5,5')).toBeNaN();
  });

  it('lists the conditions in the order of the builder, ranges with their bounds', () => {
    expect(
      conditionsOf({
        consents: [{ channel: 'sms' }],
        ageMin: 25,
        ageMax: 45,
        segments: ['mass', 'sme'],
        incomeMax: 3_000_000,
      }),
    ).toEqual([
      { kind: 'segments', values: ['mass', 'sme'] },
      { kind: 'age', values: [], min: 25, max: 45 },
      { kind: 'income', values: [], min: undefined, max: 3_000_000 },
      { kind: 'consents', values: ['sms'] },
    ]);
  });
});
