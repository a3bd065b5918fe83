import { composed } from '../common/text';
import { foldWord } from './wordFolding';

/**
 * A 4,096-bit Bloom filter of the three-letter sequences of a folded text (512 bytes, whatever the
 * text's length): it tells for certain that a word is NOT in the text, and lets references skip
 * reading most files again. A word of six letters passes a 2 KB text that lacks it about once in a
 * hundred.
 */
export type TextSignature = Uint32Array;

const BITS = 4096;
const SHIFT = 32 - Math.log2(BITS);

function trigramBit(first: number, second: number, third: number): number {
  return Math.imul((first * 31 + second) * 31 + third, 0x9e3779b1) >>> SHIFT;
}

/** What `foldWord` turns ä, ö, ü and ß into, as pairs of character codes. */
const FOLDED_PAIRS = new Map([...'äöüß'].map((letter) => [letter.charCodeAt(0), [...foldWord(letter)].map((character) => character.charCodeAt(0))]));

/**
 * The signature of `foldWord(text)` without its hyphens and spaces, in one pass over the lower-cased text: folding a whole file
 * first took four more passes and copies (10,000 files: ~420 ms), and references sign every file
 * they read.
 */
export function textSignature(text: string): TextSignature {
  const lower = composed(text).toLowerCase();
  const signature = new Uint32Array(BITS / 32);
  // The two folded characters before the current one; -1 until there are two.
  let first = -1;
  let second = -1;
  const add = (code: number) => {
    if (first >= 0) {
      const bit = trigramBit(first, second, code);
      signature[bit >>> 5] |= 1 << (bit & 31);
    }
    first = second;
    second = code;
  };
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    // Hyphens and spaces are left out: a name may be split by them ("Dokumentations-Richtlinien", "data center").
    if (code === 45 /* - */ || code === 32) continue;
    const pair = code >= 0xdf && code <= 0xfc ? FOLDED_PAIRS.get(code) : undefined;
    if (pair === undefined) add(code);
    else {
      add(pair[0]);
      add(pair[1]);
    }
  }
  return signature;
}

/** False when the folded text behind the signature cannot contain `word` (folded). */
export function mayContain(signature: TextSignature, word: string): boolean {
  for (let at = 0; at + 3 <= word.length; at++) {
    const bit = trigramBit(word.charCodeAt(at), word.charCodeAt(at + 1), word.charCodeAt(at + 2));
    if ((signature[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
