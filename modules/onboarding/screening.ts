import { nameSimilarity } from './names.ts';
import { HIT_THRESHOLD } from './vocabulary.ts';

export interface ListedPerson {
  id: string;
  fullName: string;
  aliases: string[];
  birthDate: string | null;
  category: string;
  listSource: string;
}

export interface ScreeningHit {
  entryId: string;
  listedName: string;
  /** The listed name or alias that matched best. */
  matchedName: string;
  category: string;
  listSource: string;
  /** 0–100: the names alone. */
  nameScore: number;
  /** Whether the birth dates agree; null when the list has none. */
  birthDateMatch: boolean | null;
  /** 0–100: the name score strengthened or weakened by the birth date. */
  score: number;
}

/**
 * The birth date turns a name match into a stronger or weaker one: the same date is strong
 * evidence (+10), the same year a little (−5), another year makes a namesake likely (−20).
 */
export function withBirthDate(nameScore: number, applicant: string | null, listed: string | null) {
  if (!applicant || !listed) return { score: nameScore, birthDateMatch: null };
  if (applicant === listed) return { score: Math.min(100, nameScore + 10), birthDateMatch: true };
  const sameYear = applicant.slice(0, 4) === listed.slice(0, 4);
  return { score: Math.max(0, nameScore - (sameYear ? 5 : 20)), birthDateMatch: false };
}

/** Screens one person against a list: the hits from HIT_THRESHOLD up, best first, and the best score overall. */
export function screenPerson(
  person: { fullName: string; birthDate: string | null },
  list: readonly ListedPerson[],
): { hits: ScreeningHit[]; bestScore: number } {
  const hits: ScreeningHit[] = [];
  let bestScore = 0;
  for (const entry of list) {
    let nameScore = 0;
    let matchedName = entry.fullName;
    for (const name of [entry.fullName, ...entry.aliases]) {
      const score = Math.round(nameSimilarity(person.fullName, name) * 100);
      if (score > nameScore) [nameScore, matchedName] = [score, name];
    }
    const { score, birthDateMatch } = withBirthDate(nameScore, person.birthDate, entry.birthDate);
    bestScore = Math.max(bestScore, score);
    if (score >= HIT_THRESHOLD)
      hits.push({
        entryId: entry.id,
        listedName: entry.fullName,
        matchedName,
        category: entry.category,
        listSource: entry.listSource,
        nameScore,
        birthDateMatch,
        score,
      });
  }
  hits.sort((a, b) => b.score - a.score);
  return { hits, bestScore };
}
