import { describe, expect, it } from 'vitest';
import { javaZonedDateTime } from './user-task-headers.ts';

describe('javaZonedDateTime', () => {
  it.each([
    ['2027-01-05T17:00:00+07:00', '2027-01-05T17:00+07:00'],
    ['2027-01-05T12:00:00Z', '2027-01-05T12:00Z'],
    ['2027-01-05T12:00:00+00:00', '2027-01-05T12:00Z'],
    ['2027-01-05T12:00:30.500+07:00', '2027-01-05T12:00:30.500+07:00'],
    ['2027-01-05T12:00:00.000123Z', '2027-01-05T12:00:00.000123Z'],
    ['2025-07-01T09:00:00+07:00[Asia/Jakarta]', '2025-07-01T09:00+07:00[Asia/Jakarta]'],
  ])('prints %s as Java does: %s', (input, java) => {
    expect(javaZonedDateTime(input)).toBe(java);
  });

  it.each(['2027-01-05', '2027-01-05T17:00:00', 'tomorrow'])('refuses %s, which has no zone', (input) => {
    expect(javaZonedDateTime(input)).toBeUndefined();
  });
});
