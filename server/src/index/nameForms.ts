import type { GlossaryTerm } from '../parsing/document';
import { foldWord } from './termMatcher';

/** A name prepared once for matching against many queries. */
export interface MatchableName {
  /** Lower case, umlauts transliterated: "wertschoepfungskette". */
  transliterated: string;
  /** Lower case, umlauts without their dots: "wertschopfungskette". */
  bare: string;
  /** Where the words of each spelling start, found once rather than on every keystroke. */
  transliteratedStarts: number[];
  bareStarts: number[];
  /** The characters of both spellings as bits (letterMask): a query needs all of its own to match. */
  letters: number;
}

export function matchableName(name: string): MatchableName {
  const lower = name.toLowerCase();
  const transliterated = foldWord(lower);
  const bare = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
  return {
    transliterated,
    bare,
    transliteratedStarts: wordStartsOf(transliterated),
    bareStarts: wordStartsOf(bare),
    letters: letterMask(transliterated) | letterMask(bare),
  };
}

/**
 * The characters of a folded text as a 32-bit set: a to z one bit each, the rest hashed into the
 * six bits left. A name lacking a bit of the query cannot match it, which rules out most names of
 * a large glossary with one AND.
 */
export function letterMask(text: string): number {
  let mask = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return mask;
}

const WORD_START = /(?:^|[\s\-_/.(])(\p{L}|\p{N})/gu;

function wordStartsOf(candidate: string): number[] {
  return [...candidate.matchAll(WORD_START)].map((match) => match.index + match[0].length - match[1].length);
}

/** A term's title and aliases prepared for matching, folded once per parsed term, not per keystroke. */
const matchableNamesByTerm = new WeakMap<GlossaryTerm, MatchableName[]>();

export function matchableNamesOf(term: GlossaryTerm): MatchableName[] {
  let names = matchableNamesByTerm.get(term);
  if (names === undefined) {
    names = [term.title, ...term.aliases].map(matchableName);
    matchableNamesByTerm.set(term, names);
  }
  return names;
}

/**
 * The first two letters at each word start of a term's names, in both spellings, and of each
 * name itself: every name a query of two letters or more matches by prefix or word prefix is
 * found under the query's first two letters.
 */
export function wordStartKeys(term: GlossaryTerm): Set<string> {
  const keys = new Set<string>();
  for (const name of matchableNamesOf(term)) {
    for (const [spelling, starts] of [[name.transliterated, name.transliteratedStarts], [name.bare, name.bareStarts]] as const) {
      keys.add(spelling.slice(0, 2));
      for (const start of starts) keys.add(spelling.slice(start, start + 2));
    }
  }
  return keys;
}
