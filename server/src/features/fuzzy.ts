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
}

export function matchableName(name: string): MatchableName {
  const lower = name.toLowerCase();
  return { transliterated: foldWord(lower), bare: lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss') };
}

/** Folds what the user typed the same way names are folded. */
export function foldQuery(query: string): string {
  return foldWord(query.trim().toLowerCase());
}

export function matchQuality(query: string, name: MatchableName): MatchQuality | undefined {
  if (query === '') return MatchQuality.Prefix;
  const first = qualityIn(query, name.transliterated);
  if (name.bare === name.transliterated) return first;
  const second = qualityIn(query, name.bare);
  if (first === undefined) return second;
  return second === undefined ? first : Math.min(first, second);
}

const WORD_START = /(?:^|[\s\-_/.(])(\p{L}|\p{N})/gu;

function qualityIn(query: string, candidate: string): MatchQuality | undefined {
  if (candidate === query) return MatchQuality.Exact;
  if (candidate.startsWith(query)) return MatchQuality.Prefix;
  const wordStarts = [...candidate.matchAll(WORD_START)].map((match) => match.index + match[0].length - match[1].length);
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
