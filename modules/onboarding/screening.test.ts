import { describe, expect, it } from 'vitest';
import { DEMO_WATCHLIST } from './demo-watchlist.ts';
import { screenPerson, withBirthDate } from './screening.ts';

describe('AML screening against the watch list', () => {
  it('given a listed person written with a title and old spelling, and the same birth date, then it is a hit near 100', () => {
    const { hits, bestScore } = screenPerson(
      { fullName: 'H. Achmad Sjahrial Nasution, S.E.', birthDate: '1975-03-14' },
      DEMO_WATCHLIST,
    );
    expect(hits[0]).toMatchObject({
      listedName: 'Ahmad Syahrial Nasution',
      birthDateMatch: true,
      score: 100,
    });
    expect(bestScore).toBe(100);
  });

  it('given the same name but another birth year, then the score drops by 20 (a namesake is likely)', () => {
    const { hits } = screenPerson(
      { fullName: 'Ahmad Syahrial Nasution', birthDate: '1996-01-01' },
      DEMO_WATCHLIST,
    );
    expect(hits[0]).toMatchObject({ nameScore: 100, birthDateMatch: false, score: 80 });
  });

  it('given an alias, then it matches through the alias and says which', () => {
    const { hits } = screenPerson({ fullName: 'Rudi Pardede', birthDate: null }, DEMO_WATCHLIST);
    expect(hits[0]).toMatchObject({ listedName: 'Rudolf Hamonangan Pardede', matchedName: 'Rudi Pardede' });
  });

  it('given an ordinary applicant, then there is no hit and the best score stays low', () => {
    const { hits, bestScore } = screenPerson(
      { fullName: 'Rina Marlina Sitorus', birthDate: '1995-08-12' },
      DEMO_WATCHLIST,
    );
    expect(hits).toEqual([]);
    expect(bestScore).toBeLessThan(80);
  });

  it('given no birth date on either side, then the name score stands', () => {
    expect(withBirthDate(91, null, '1975-03-14')).toEqual({ score: 91, birthDateMatch: null });
    expect(withBirthDate(91, '1975-05-01', '1975-03-14')).toEqual({ score: 86, birthDateMatch: false });
  });
});
