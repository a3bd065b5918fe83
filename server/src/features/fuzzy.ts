import { letterMask, type MatchableName } from '../index/nameForms';
import { foldWord } from '../index/wordFolding';

/**
 * How well a typed query matches a name, best first. A query matches a name spelled with umlauts,
 * their transliteration (ö = oe) or the bare vowel (ö = o), in any case.
 */
export enum MatchQuality {
  Exact = 0,
  Prefix = 1,
  WordPrefix = 2,
  Initials = 3,
  Substring = 4,
}

/** Folds what the user typed the same way names are folded. */
export function foldQuery(query: string): string {
  return foldWord(query.trim().toLowerCase());
}

export function matchQuality(query: string, name: MatchableName, queryLetters = letterMask(query)): MatchQuality | undefined {
  if (query === '') return MatchQuality.Prefix;
  if ((name.letters & queryLetters) !== queryLetters) return undefined;
  const first = qualityIn(query, name.transliterated, name.transliteratedStarts);
  if (name.bare === name.transliterated) return first;
  const second = qualityIn(query, name.bare, name.bareStarts);
  if (first === undefined) return second;
  return second === undefined ? first : Math.min(first, second);
}

function qualityIn(query: string, candidate: string, wordStarts: number[]): MatchQuality | undefined {
  if (candidate === query) return MatchQuality.Exact;
  if (candidate.startsWith(query)) return MatchQuality.Prefix;
  if (wordStarts.some((start) => candidate.startsWith(query, start))) return MatchQuality.WordPrefix;
  if (isInitials(query, candidate, wordStarts)) return MatchQuality.Initials;
  // Scattered letters ("outs" in "outtasking") would bury the useful items in a large glossary.
  return candidate.includes(query) ? MatchQuality.Substring : undefined;
}

/** "sla" for "service level agreement", "mob" for "make-or-buy". */
function isInitials(query: string, candidate: string, wordStarts: number[]): boolean {
  if (query.length < 2 || query.length > wordStarts.length) return false;
  let position = 0;
  for (const start of wordStarts) {
    if (position < query.length && candidate[start] === query[position]) position++;
  }
  return position === query.length;
}
