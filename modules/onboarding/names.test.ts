import { describe, expect, it } from 'vitest';
import { jaroWinkler, nameSimilarity, nameTokens } from './names.ts';

describe('Indonesian name normalisation', () => {
  it('given titles and degrees before and after a name, then they are dropped', () => {
    expect(nameTokens('H. Ahmad Syahrial, S.E., M.M.')).toEqual(['ahmad', 'sjahrial']);
    expect(nameTokens('Hj. Siti Aminah')).toEqual(nameTokens('Siti Aminah'));
    expect(nameTokens('Drs. Bonar Tua Siregar, S.H.')).toEqual(nameTokens('Bonar Tua Siregar'));
  });

  it('given old spelling, Muhammad written many ways, y/j and doubled letters, then one form results', () => {
    expect(nameTokens('Soekarno Djojo')).toEqual(nameTokens('Sukarno Jojo'));
    expect(nameTokens('Mochammad Jusuf')).toEqual(nameTokens('Muhamad Yusuf'));
    expect(nameTokens('MHD. Rizky')).toEqual(['muhamad', 'rizkj']);
    expect(nameTokens('Achmad Abd. Rachman')).toEqual(['ahmad', 'abdul', 'rakhman']);
    expect(nameTokens('Mhd Rizky')).toEqual(nameTokens('Muhammad Rizky'));
  });

  it('given a Batak name with "Br." before the marga, then the connector is dropped', () => {
    expect(nameTokens('Rosmawati Br. Simanjuntak')).toEqual(nameTokens('Rosmawati Simanjuntak'));
  });
});

describe('name similarity', () => {
  it('given identical strings, then Jaro-Winkler is 1; given nothing in common, then 0', () => {
    expect(jaroWinkler('siregar', 'siregar')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    // The textbook pair: MARTHA / MARHTA ≈ 0.961.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });

  it('given the same person written differently, then the score is at least 0.9', () => {
    expect(
      nameSimilarity('H. Ahmad Syahrial Nasution, S.E.', 'Achmad Sjahrial Nasution'),
    ).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('Nasution Ahmad Syahrial', 'Ahmad Syahrial Nasution')).toBe(1);
    expect(nameSimilarity('Mohammad Yusuf Lubis', 'Muhamad Jusuf Lubis')).toBe(1);
  });

  it('given a name that is part of a longer listed name, then it is a strong but not a certain match', () => {
    const score = nameSimilarity('Ahmad Syahrial', 'Ahmad Syahrial Nasution');
    expect(score).toBeGreaterThan(0.85);
    expect(score).toBeLessThan(1);
  });

  it('given different people sharing a common first name, then the score stays below 0.85', () => {
    expect(nameSimilarity('Ahmad Fauzi Harahap', 'Ahmad Syahrial Nasution')).toBeLessThan(0.85);
    expect(nameSimilarity('Budi Santoso', 'Rosmawati Simanjuntak')).toBeLessThan(0.6);
  });
});
