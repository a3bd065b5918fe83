import { foldWord } from '../index/termMatcher';

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

/** A name prepared once for matching against many queries. */
export interface MatchableName {
  /** Lower case, umlauts transliterated: "wertschoepfungskette". */
  transliterated: string;
  /** Lower case, umlauts without their dots: "wertschopfungskette". */
  bare: string;
  /** Where the words of each spelling start, found once rather than on every keystroke. */
  transliteratedStarts: number[];
  bareStarts: number[];
}

export function matchableName(name: string): MatchableName {
  const lower = name.toLowerCase();
  const transliterated = foldWord(lower);
  const bare = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
  return { transliterated, bare, transliteratedStarts: wordStartsOf(transliterated), bareStarts: wordStartsOf(bare) };
}

/** Folds what the user typed the same way names are folded. */
export function foldQuery(query: string): string {
  return foldWord(query.trim().toLowerCase());
}

export function matchQuality(query: string, name: MatchableName): MatchQuality | undefined {
  if (query === '') return MatchQuality.Prefix;
  const first = qualityIn(query, name.transliterated, name.transliteratedStarts);
  if (name.bare === name.transliterated) return first;
  const second = qualityIn(query, name.bare, name.bareStarts);
  if (first === undefined) return second;
  return second === undefined ? first : Math.min(first, second);
}

const WORD_START = /(?:^|[\s\-_/.(])(\p{L}|\p{N})/gu;

function wordStartsOf(candidate: string): number[] {
  return [...candidate.matchAll(WORD_START)].map((match) => match.index + match[0].length - match[1].length);
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
