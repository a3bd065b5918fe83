import { composed } from '../common/text';

/**
 * Folds case, German letters and Unicode normal form so "Wertschöpfung", "Wertschoepfung" and
 * "Wertscho\u0308pfung" (NFD) are the same word. The folded word is a key, never a place in the text.
 */
export function foldWord(word: string): string {
  return foldComposed(composed(word));
}

/** foldWord of a word already in NFC. */
export function foldComposed(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}
