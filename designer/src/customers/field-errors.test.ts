import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { fieldErrors, fieldName } from './field-errors.ts';

describe("the server's field errors on a form", () => {
  it('names a field without its request part', () => {
    expect(fieldName('body.nik')).toBe('nik');
    expect(fieldName('query.q')).toBe('q');
  });

  it('keys each message by the form field, the first one kept', () => {
    const error = new ApiError(400, 'VALIDATION', 'bad', [
      { field: 'body.nik', message: 'a NIK has exactly 16 digits' },
      { field: 'body.nik', message: 'second' },
      { field: 'body.consents.0.channel', message: 'invalid channel' },
    ]);
    expect(fieldErrors(error)).toEqual({ nik: 'a NIK has exactly 16 digits', consents: 'invalid channel' });
  });

  it('has none for a failure that is not the API refusing input', () => {
    expect(fieldErrors(new Error('network'))).toEqual({});
  });
});
