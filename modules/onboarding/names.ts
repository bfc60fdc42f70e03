/**
 * Indonesian names for watch-list matching. Written here rather than taken from a library:
 * Jaro-Winkler is thirty lines, and what matters — titles, the old spelling, Muhammad's
 * many forms, Batak "boru" — is specific to this bank's names anyway.
 */

/** Honorifics and academic degrees: said before or after a name, never part of it. */
const TITLES = new Set([
  'h',
  'hj',
  'haji',
  'hajah',
  'hajjah',
  'kh',
  'drs',
  'dra',
  'dr',
  'ir',
  'prof',
  'tn',
  'ny',
  'nn',
  'bpk',
  'ibu',
  'sdr',
  'sdri',
  'se',
  'sh',
  'st',
  'sp',
  'spd',
  'skom',
  'sos',
  'ssos',
  'sag',
  'ssi',
  'sked',
  'mm',
  'mh',
  'msi',
  'mba',
  'mt',
  'mpd',
  'mkes',
  'amd',
  'phd',
  'bsc',
  'msc',
  'ak',
  'cpa',
]);
/** Connectors of patronymics and clan names: "bin", "binti", Batak "boru"/"br." before a marga. */
const CONNECTORS = new Set(['bin', 'binti', 'bt', 'br', 'boru']);
/** One form for the names written many ways (keys and values as they are after folding). */
const CANONICAL: Record<string, string> = {
  mohamad: 'muhamad',
  mokhamad: 'muhamad',
  muhamed: 'muhamad',
  mohamed: 'muhamad',
  muh: 'muhamad',
  moh: 'muhamad',
  mhd: 'muhamad',
  md: 'muhamad',
  akhmad: 'ahmad',
  ahmat: 'ahmad',
  abd: 'abdul',
};

/** Degrees written with dots, as "S.E." or "S.Kom.", become one word before the titles are dropped. */
function joinDottedDegrees(name: string): string {
  return name.replace(/\b([a-z])\.\s?([a-z]{1,3})\.?(?=\s|,|$)/g, '$1$2');
}

/** Old (pre-1972) spelling to today's, so "Soekarno" and "Sukarno" are one name. */
function modernSpelling(word: string): string {
  return word
    .replace(/oe/g, 'u')
    .replace(/tj/g, 'c')
    .replace(/dj/g, 'j')
    .replace(/sj/g, 'sy')
    .replace(/nj/g, 'ny')
    .replace(/ch/g, 'kh');
}

/**
 * The words of a name as it is compared: lower case, accents and punctuation gone, titles and
 * connectors dropped, old spelling modernised, "y"/"j" and doubled letters folded (Yusuf and
 * Jusuf, Muhammad and Muhamad), common names in one form.
 */
export function nameTokens(name: string): string[] {
  const plain = joinDottedDegrees(
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
  return plain
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !TITLES.has(w) && !CONNECTORS.has(w))
    .map((w) =>
      modernSpelling(w)
        .replace(/y/g, 'j')
        .replace(/(.)\1+/g, '$1'),
    )
    .map((w) => CANONICAL[w] ?? w);
}

/** The Jaro-Winkler similarity of two strings, 0 to 1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two names are, 0 to 1: each word of the shorter name paired with its most similar
 * unused word of the longer (Jaro-Winkler, word order free, as a token-set comparison), the
 * average discounted a little for words the longer name has beyond them. "Ahmad Syahrial"
 * against "H. Ahmad Syahrial Nasution" is a strong match, not a certain one.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const unused = [...long];
  let total = 0;
  for (const word of short) {
    let best = -1;
    let bestScore = 0;
    unused.forEach((candidate, index) => {
      const score = jaroWinkler(word, candidate);
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    total += bestScore;
    if (best >= 0) unused.splice(best, 1);
  }
  const coverage = short.length / long.length;
  const score = (total / short.length) * (0.85 + 0.15 * coverage);
  return Math.round(score * 1000) / 1000;
}
