import { describe, expect, it } from 'vitest';
import { parseDuration } from './timer.ts';

describe('parseDuration', () => {
  it.each([
    ['PT2H', { negative: false, years: 0, months: 0, days: 0, ms: 7_200_000 }],
    ['P1DT12H', { negative: false, years: 0, months: 0, days: 1, ms: 43_200_000 }],
    ['P1Y2M', { negative: false, years: 1, months: 2, days: 0, ms: 0 }],
    ['P2W', { negative: false, years: 0, months: 0, days: 14, ms: 0 }],
    ['PT0.5S', { negative: false, years: 0, months: 0, days: 0, ms: 500 }],
    ['-PT1M', { negative: true, years: 0, months: 0, days: 0, ms: 60_000 }],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['P', 'PT', '2 hours', 'PT1H30', 'R3/PT1H', ''])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
