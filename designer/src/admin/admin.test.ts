import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { admin } from '../i18n/admin.ts';
import { formatDay, isWeekend, jakartaToday, startOfJakartaDay, summarise } from './calendar-days.ts';
import { formProblem, parseObject, userState } from './form-errors.ts';
import { localiseMessage } from './server-messages.ts';
import type { Holiday } from './types.ts';

/** The Indonesian words, as react-i18next would give them (`{{n}}` filled in). */
const say = (key: string, values: Record<string, unknown> = {}) => {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], admin.id);
  return String(text).replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));
};

const holiday = (date: string, kind: Holiday['kind']): Holiday => ({
  date,
  kind,
  name: date,
  nameEn: date,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'system',
});

describe('form problems from the server', () => {
  it('puts each field error under the form field it names, and the rest aside', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid', [
      { field: 'body.password', message: 'A password needs at least 12 characters' },
      { field: 'body.roles.0', message: 'Invalid option' },
      { field: 'body.extra', message: 'Unrecognized key' },
    ]);
    const problem = formProblem(error, ['username', 'password', 'roles'], 'failed', say);
    expect(problem.fields).toEqual({ password: 'Minimal 12 karakter.', roles: 'Pilihan tidak dikenali.' });
    expect(problem.general).toEqual(['extra: Unrecognized key']);
  });

  it('names query fields by their parameter, and keeps the first message of a field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'query.days', message: 'Expected a whole number of days' },
      { field: 'query.days', message: 'Too big' },
    ]);
    expect(formProblem(error, ['from', 'days'], 'failed', say).fields).toEqual({
      days: 'Expected a whole number of days',
    });
  });

  it('puts a taken username under its field, and shows other refusals with their detail and code', () => {
    const taken = new ApiError(409, 'USERNAME_TAKEN', "A user called 'agent3' exists already");
    expect(formProblem(taken, ['username'], 'failed', say)).toEqual({
      fields: { username: 'Nama pengguna ini sudah dipakai.' },
      general: [],
    });
    const stale = new ApiError(404, 'QUEUE_NOT_FOUND', 'There is no queue X');
    expect(formProblem(stale, ['code'], 'failed', say).general).toEqual([
      'There is no queue X (QUEUE_NOT_FOUND)',
    ]);
    expect(
      formProblem(new ApiError(409, 'LAST_ADMIN', 'admin is the last'), [], 'failed', say).general,
    ).toEqual([
      'Ini administrator aktif terakhir: berikan peran administrator ke pengguna lain dulu. (LAST_ADMIN)',
    ]);
    expect(formProblem('boom', [], 'Terjadi kesalahan').general).toEqual(['Terjadi kesalahan']);
  });
});

describe("server messages in the person's language", () => {
  it('says the usual validation messages in Indonesian and keeps unknown ones as written', () => {
    expect(localiseMessage('Too small: expected number to be >0', say)).toBe('Harus lebih dari 0.');
    expect(localiseMessage('Invalid input: expected number, received null', say)).toBe('Wajib diisi');
    expect(localiseMessage("No active branch has the code 'XX-1'", say)).toBe(
      'Tidak ada cabang aktif dengan kode XX-1.',
    );
    expect(localiseMessage('Something new', say)).toBe('Something new');
  });
});

describe('small rules of the screens', () => {
  it('calls a disabled user disabled even while locked, and a locked one locked', () => {
    expect(userState({ disabled: true, lockedUntil: '2026-01-01T00:00:00Z' })).toBe('disabled');
    expect(userState({ disabled: false, lockedUntil: '2026-01-01T00:00:00Z' })).toBe('locked');
    expect(userState({ disabled: false, lockedUntil: null })).toBe('active');
  });

  it('accepts only a JSON object as sample data', () => {
    expect(parseObject('{"caseNumber": "PGD-1"}')).toEqual({ value: { caseNumber: 'PGD-1' } });
    expect(parseObject('[1]')).toEqual({ problem: 'object' });
    expect(parseObject('null')).toEqual({ problem: 'object' });
    expect('problem' in parseObject('{caseNumber}')).toBe(true);
  });

  it("takes today's date in Jakarta, not in the browser's zone", () => {
    // 20:00 UTC on 31 Dec is already 03:00 on 1 Jan in Jakarta.
    expect(jakartaToday(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
    expect(startOfJakartaDay('2026-03-20')).toBe('2026-03-20T00:00:00+07:00');
  });

  it('sorts a year of holidays, counts each kind and knows weekends', () => {
    const summary = summarise([
      holiday('2026-03-20', 'cuti-bersama'),
      holiday('2026-01-01', 'national'),
      holiday('2026-03-21', 'national'),
    ]);
    expect(summary.sorted.map((h) => h.date)).toEqual(['2026-01-01', '2026-03-20', '2026-03-21']);
    expect([summary.national, summary.cutiBersama]).toEqual([2, 1]);
    expect(isWeekend('2026-03-21')).toBe(true);
    expect(isWeekend('2026-03-20')).toBe(false);
  });

  it('writes a date out with its weekday in each language', () => {
    expect(formatDay('2026-03-20', 'id')).toBe('Jumat, 20 Maret 2026');
    expect(formatDay('2026-03-20', 'en')).toMatch(/^Friday,? 20 March 2026$/);
  });
});

describe('the administration words', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix];

  it('has the same keys in Bahasa Indonesia and English', () => {
    expect(keys(admin.en).sort()).toEqual(keys(admin.id).sort());
  });
});
