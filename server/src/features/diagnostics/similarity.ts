import { distance } from 'fastest-levenshtein';

/** German and English plural and inflection endings that make two tags one word: "Begriff", "Begriffe". */
const ENDINGS = ['e', 'en', 'n', 's', 'es', 'er'];

/** Whether two spellings are the same word in another case or number. */
export function isCaseOrNumberVariant(a: string, b: string): boolean {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA === lowerB) return true;
  const [shorter, longer] = lowerA.length < lowerB.length ? [lowerA, lowerB] : [lowerB, lowerA];
  return shorter.length >= 3 && longer.startsWith(shorter) && ENDINGS.includes(longer.slice(shorter.length));
}

/**
 * Whether one spelling is a likely typo of the other. Short words need to be closer: "IM" and "PM"
 * are different tags, "Strategie" and "Stratgie" are not.
 */
export function isLikelyTypo(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  if (length < 4) return false;
  const allowed = length >= 9 ? 2 : 1;
  return distance(a.toLowerCase(), b.toLowerCase()) <= allowed;
}

/**
 * The candidate the user most likely meant: one that differs only in case or number, else the
 * nearest likely typo; undefined when nothing is close.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const score = isCaseOrNumberVariant(value, candidate)
      ? 0
      : isLikelyTypo(value, candidate)
        ? distance(value.toLowerCase(), candidate.toLowerCase())
        : undefined;
    if (score !== undefined && (best === undefined || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}
