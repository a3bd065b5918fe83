import type { GlossaryTerm } from '../parsing/document';
import { foldWord } from './wordFolding';

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

/** Key prefixes in the completion table, beside the plain two letters of a word start. */
const INITIALS_KEY = '^';
const PAIR_KEY = '#';
/** Terms with a name too long for the table (pairs of initials grow with the square of its words). */
export const LONG_NAME_KEY = '*';
const MAX_TABLE_NAME_LENGTH = 200;
const MAX_TABLE_NAME_WORDS = 12;

/**
 * The keys under which completion finds a term, from its names in both spellings:
 * - the first two letters of each name and at each word start: every name a query matches by
 *   prefix or word prefix has the query's first two letters among them;
 * - `^` and the first letters of two words in order: every name a query matches by initials has
 *   the query's first two letters among them;
 * - `#` and each pair of adjacent letters: every name containing a query has each of its pairs.
 * A name too long for the table puts its term under LONG_NAME_KEY instead, looked at always.
 */
export function completionKeys(term: GlossaryTerm): Set<string> {
  const keys = new Set<string>();
  for (const name of matchableNamesOf(term)) {
    for (const [spelling, starts] of [[name.transliterated, name.transliteratedStarts], [name.bare, name.bareStarts]] as const) {
      keys.add(spelling.slice(0, 2));
      for (const start of starts) keys.add(spelling.slice(start, start + 2));
      if (spelling.length > MAX_TABLE_NAME_LENGTH || starts.length > MAX_TABLE_NAME_WORDS) {
        keys.add(LONG_NAME_KEY);
        continue;
      }
      for (let first = 0; first < starts.length; first++) {
        for (let second = first + 1; second < starts.length; second++) keys.add(INITIALS_KEY + spelling[starts[first]] + spelling[starts[second]]);
      }
      for (let at = 0; at + 2 <= spelling.length; at++) keys.add(PAIR_KEY + spelling.slice(at, at + 2));
    }
  }
  return keys;
}

/** The table keys whose terms include every name a folded query of two letters or more matches. */
export function completionKeysFor(query: string): { wordStart: string; initials: string; pairs: string[] } {
  const pairs: string[] = [];
  for (let at = 0; at + 2 <= query.length; at++) pairs.push(PAIR_KEY + query.slice(at, at + 2));
  return { wordStart: query.slice(0, 2), initials: INITIALS_KEY + query.slice(0, 2), pairs };
}
