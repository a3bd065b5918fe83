import { composed } from '../common/text';
import { foldWord } from './wordFolding';

/**
 * Bloom filters of a text (576 bytes, whatever the text's length): of the four-letter sequences of
 * the folded text (4,096 bits), and of the pairs of characters of the text itself with a capital
 * letter in them (512 bits), for acronyms. They tell for certain that a word is NOT in the text,
 * and let references skip reading most files again. For 60 terms of the benchmark's glossary of
 * 10,500 files, the files a search would read: 94,000 in all with three-letter sequences (and
 * acronyms tested folded), 13,400 with these; the exact text test after reading keeps 2,100, and
 * 900 mention the term.
 */
export type TextSignature = Uint32Array;

const SEQUENCE_BITS = 4096;
const CAPITAL_PAIR_BITS = 512;
/** 32-bit words per signature: the sequences' bits, then the capital pairs'. */
const WORDS = (SEQUENCE_BITS + CAPITAL_PAIR_BITS) / 32;

function sequenceBit(first: number, second: number, third: number, fourth: number): number {
  return Math.imul(((first * 31 + second) * 31 + third) * 31 + fourth, 0x9e3779b1) >>> (32 - Math.log2(SEQUENCE_BITS));
}

function capitalPairBit(first: number, second: number): number {
  return SEQUENCE_BITS + (Math.imul(first * 65536 + second, 0x9e3779b1) >>> (32 - Math.log2(CAPITAL_PAIR_BITS)));
}

function setBit(signature: TextSignature, bit: number): void {
  signature[bit >>> 5] |= 1 << (bit & 31);
}

function hasBit(signature: TextSignature, bit: number): boolean {
  return (signature[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** The letters each word needs for two words with a space between to be read as one (termMatcher.ts). */
export const MIN_SPACE_JOINED = 4;

/** "ς" and "σ", one letter to `foldWord`. */
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

/** What `foldWord` turns ä, ö, ü and ß into, as pairs of character codes. */
const FOLDED_PAIRS = new Map([...'äöüß'].map((letter) => [letter.charCodeAt(0), [...foldWord(letter)].map((character) => character.charCodeAt(0))]));

/**
 * The signature of the text folded as `foldWord` folds a word, without its hyphens, and with the
 * two words either side of a single space also read as one ("data center": "datacenter") where
 * both have MIN_SPACE_JOINED letters or more, as the matcher joins them; and of the pairs of the
 * text as written with a capital, joined the same way ("S-LA": "SL", "LA"). One pass over the
 * lower-cased text: folding a whole file first took four more passes and copies (10,000
 * files: ~420 ms), and references sign every file they read.
 */
export function textSignature(text: string): TextSignature {
  const nfc = composed(text);
  const lower = nfc.toLowerCase();
  const signature = new Uint32Array(WORDS);
  // The three folded characters before the current one, the nearest last; -1 until there are three.
  let first = -1;
  let second = -1;
  let third = -1;
  // After a space between words that may be joined: the three folded characters before it, and how
  // many have come after it (the three sequences across the space are added).
  let lettersInRow = 0;
  let beforeSpace: [number, number, number] | undefined;
  let afterSpace = 0;
  const add = (code: number) => {
    if (first >= 0) setBit(signature, sequenceBit(first, second, third, code));
    if (beforeSpace !== undefined && code !== 32) {
      if (afterSpace === 0) setBit(signature, sequenceBit(beforeSpace[0], beforeSpace[1], beforeSpace[2], code));
      else if (afterSpace === 1) setBit(signature, sequenceBit(beforeSpace[1], beforeSpace[2], third, code));
      else if (afterSpace === 2) setBit(signature, sequenceBit(beforeSpace[2], second, third, code));
      afterSpace++;
    }
    first = second;
    second = third;
    third = code;
  };
  // Where lower-casing kept the length, it changed the capitals and nothing else but the halves of
  // capitals written as surrogate pairs, which `isCapital` leaves out: a bit too many is safe.
  const aligned = nfc.length === lower.length;
  // The character before the current one in the written text, as the matcher may join words (no
  // hyphens; across a space only where it joins words); -1 after any other space.
  let lastWritten = -1;
  let lastCapital = false;
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    // Hyphens are left out: a name may be split by them ("Dokumentations-Richtlinien", "S-LA").
    if (code === 45 /* - */) continue;
    const joinsWords = code === 32 && lettersInRow >= MIN_SPACE_JOINED && first >= 0 && lettersFollow(lower, at + 1);
    if (joinsWords) {
      beforeSpace = [first, second, third];
      afterSpace = 0;
    } else if (!isLetter(code) || afterSpace >= 3) {
      beforeSpace = undefined;
    }
    lettersInRow = isLetter(code) ? lettersInRow + 1 : 0;
    const pair = code >= 0xdf && code <= 0xfc ? FOLDED_PAIRS.get(code) : undefined;
    if (pair === undefined) add(code === FINAL_SIGMA ? SIGMA : code);
    else {
      add(pair[0]);
      add(pair[1]);
    }
    if (!aligned) continue;
    if (code === 32) {
      if (!joinsWords) lastWritten = -1;
      continue;
    }
    const written = nfc.charCodeAt(at);
    const capital = written !== code;
    if (lastWritten >= 0 && (capital || lastCapital)) setBit(signature, capitalPairBit(lastWritten, written));
    lastWritten = written;
    lastCapital = capital;
  }
  if (!aligned) {
    // The positions of the lower-cased text are not those of the text: every space and hyphen is
    // taken to join words, which sets more bits than needed but none too few.
    for (let at = 0; at < nfc.length; at++) {
      const written = nfc.charCodeAt(at);
      if (written === 32 || written === 45) continue;
      const capital = isCapital(written);
      if (lastWritten >= 0 && (capital || lastCapital)) setBit(signature, capitalPairBit(lastWritten, written));
      lastWritten = written;
      lastCapital = capital;
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

/** False when the folded text behind the signature cannot contain `word` (folded): a word of fewer than four letters always may. */
export function mayContain(signature: TextSignature, word: string): boolean {
  for (let at = 0; at + 4 <= word.length; at++) {
    if (!hasBit(signature, sequenceBit(word.charCodeAt(at), word.charCodeAt(at + 1), word.charCodeAt(at + 2), word.charCodeAt(at + 3)))) return false;
  }
  return true;
}

/** False when the text behind the signature (in NFC) cannot contain `acronym` as it is written. */
export function mayContainAsWritten(signature: TextSignature, acronym: string): boolean {
  for (let at = 1; at < acronym.length; at++) {
    const first = acronym.charCodeAt(at - 1);
    const second = acronym.charCodeAt(at);
    if ((isCapital(first) || isCapital(second)) && !hasBit(signature, capitalPairBit(first, second))) return false;
  }
  return true;
}

/** Whether a UTF-16 code unit is a capital letter: one that lower-casing changes. Known per unit once asked. */
function isCapital(code: number): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  let known = CAPITALS[code];
  if (known === 0) {
    const character = String.fromCharCode(code);
    known = CAPITALS[code] = character.toLowerCase() !== character ? 1 : 2;
  }
  return known === 1;
}

/** Per UTF-16 code unit: 0 not asked yet, 1 a capital, 2 not. */
const CAPITALS = new Uint8Array(0x10000);

/** Signatures per block of a `SignatureStore`: 576 KB each. */
const BLOCK_SLOTS = 1024;

/**
 * Signatures by key, copied into shared blocks: a typed array of its own per file (buffer, view,
 * allocation) cost more than its 576 bytes. What searches for references keep at 10k files, after
 * 30 of them: 9.3-11.3 MB with one array per file, 7.9 MB so (of 512 bytes then).
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
