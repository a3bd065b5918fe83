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
/** 32-bit words per signature. */
const WORDS = BITS / 32;
const SHIFT = 32 - Math.log2(BITS);

function trigramBit(first: number, second: number, third: number): number {
  return Math.imul((first * 31 + second) * 31 + third, 0x9e3779b1) >>> SHIFT;
}

/** The letters each word needs for two words with a space between to be read as one (termMatcher.ts). */
export const MIN_SPACE_JOINED = 4;

/** What `foldWord` turns ä, ö, ü and ß into, as pairs of character codes. */
const FOLDED_PAIRS = new Map([...'äöüß'].map((letter) => [letter.charCodeAt(0), [...foldWord(letter)].map((character) => character.charCodeAt(0))]));

/**
 * The signature of `foldWord(text)` without its hyphens, and with the two words either side of a
 * single space also read as one ("data center": "datacenter") where both have MIN_SPACE_JOINED
 * letters or more, as the matcher joins them. One pass over the lower-cased text: folding a whole
 * file first took four more passes and copies (10,000 files: ~420 ms), and references sign every
 * file they read.
 */
export function textSignature(text: string): TextSignature {
  const lower = composed(text).toLowerCase();
  const signature = new Uint32Array(WORDS);
  const set = (first: number, second: number, third: number) => {
    const bit = trigramBit(first, second, third);
    signature[bit >>> 5] |= 1 << (bit & 31);
  };
  // The two folded characters before the current one; -1 until there are two.
  let first = -1;
  let second = -1;
  // After a space between words that may be joined: the two folded characters before it, and how
  // many have come after it (the two trigrams across the space are added).
  let lettersInRow = 0;
  let beforeSpace: [number, number] | undefined;
  let afterSpace = 0;
  const add = (code: number) => {
    if (first >= 0) set(first, second, code);
    if (beforeSpace !== undefined && code !== 32) {
      if (afterSpace === 0) set(beforeSpace[0], beforeSpace[1], code);
      else if (afterSpace === 1) set(beforeSpace[1], second, code);
      afterSpace++;
    }
    first = second;
    second = code;
  };
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    // Hyphens are left out: a name may be split by them ("Dokumentations-Richtlinien").
    if (code === 45 /* - */) continue;
    if (code === 32 && lettersInRow >= MIN_SPACE_JOINED && first >= 0 && lettersFollow(lower, at + 1)) {
      beforeSpace = [first, second];
      afterSpace = 0;
    } else if (!isLetter(code) || afterSpace >= 2) {
      beforeSpace = undefined;
    }
    lettersInRow = isLetter(code) ? lettersInRow + 1 : 0;
    const pair = code >= 0xdf && code <= 0xfc ? FOLDED_PAIRS.get(code) : undefined;
    if (pair === undefined) add(code);
    else {
      add(pair[0]);
      add(pair[1]);
    }
  }
  return signature;
}

/** Whether MIN_SPACE_JOINED letters follow an offset. */
function lettersFollow(text: string, from: number): boolean {
  for (let at = from; at < from + MIN_SPACE_JOINED; at++) if (at >= text.length || !isLetter(text.charCodeAt(at))) return false;
  return true;
}

/** A letter or digit of lower-cased text, or any character past ASCII (a superset is safe here). */
function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 0x80;
}

/** False when the folded text behind the signature cannot contain `word` (folded). */
export function mayContain(signature: TextSignature, word: string): boolean {
  for (let at = 0; at + 3 <= word.length; at++) {
    const bit = trigramBit(word.charCodeAt(at), word.charCodeAt(at + 1), word.charCodeAt(at + 2));
    if ((signature[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** Signatures per block of a `SignatureStore`: 512 KB each. */
const BLOCK_SLOTS = 1024;

/**
 * Signatures by key, copied into shared blocks: a typed array of its own per file (buffer, view,
 * allocation) cost more than its 512 bytes. What searches for references keep at 10k files, after
 * 30 of them: 9.3-11.3 MB with one array per file, 7.9 MB so.
 */
export class SignatureStore {
  private readonly blocks: Uint32Array[] = [];
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;

  /** A view of the signature stored under a key, valid until it is deleted. */
  get(key: string): TextSignature | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const start = (slot % BLOCK_SLOTS) * WORDS;
    return this.blocks[Math.floor(slot / BLOCK_SLOTS)].subarray(start, start + WORDS);
  }

  set(key: string, signature: TextSignature): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.nextSlot++;
      if (slot >= this.blocks.length * BLOCK_SLOTS) this.blocks.push(new Uint32Array(BLOCK_SLOTS * WORDS));
      this.slots.set(key, slot);
    }
    this.blocks[Math.floor(slot / BLOCK_SLOTS)].set(signature, (slot % BLOCK_SLOTS) * WORDS);
  }

  delete(key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.freeSlots.push(slot);
  }
}
