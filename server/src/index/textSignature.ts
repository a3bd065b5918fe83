import { foldWord } from './termMatcher';

/**
 * A 4,096-bit Bloom filter of the three-letter sequences of a folded text (512 bytes, whatever the
 * text's length): it tells for certain that a word is NOT in the text, and lets references skip
 * reading most files again. A word of six letters passes a 2 KB text that lacks it about once in a
 * hundred.
 */
export type TextSignature = Uint32Array;

const BITS = 4096;
const SHIFT = 32 - Math.log2(BITS);

function trigramBit(text: string, at: number): number {
  const code = (text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) * 31 + text.charCodeAt(at + 2);
  return Math.imul(code, 0x9e3779b1) >>> SHIFT;
}

export function textSignature(text: string): TextSignature {
  const folded = foldWord(text);
  const signature = new Uint32Array(BITS / 32);
  for (let at = 0; at + 3 <= folded.length; at++) {
    const bit = trigramBit(folded, at);
    signature[bit >>> 5] |= 1 << (bit & 31);
  }
  return signature;
}

/** False when the folded text behind the signature cannot contain `word` (folded). */
export function mayContain(signature: TextSignature, word: string): boolean {
  for (let at = 0; at + 3 <= word.length; at++) {
    const bit = trigramBit(word, at);
    if ((signature[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
