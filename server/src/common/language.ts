/**
 * The language of a prose text, told by its most frequent short words: enough to know whether
 * German rules (nouns are capitalised) apply. Undefined when the text does not say.
 */
export type ProseLanguage = 'de' | 'en';

const FUNCTION_WORDS: Record<ProseLanguage, ReadonlySet<string>> = {
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'des', 'ein', 'eine', 'zu', 'von', 'für', 'auf', 'im', 'sich', 'werden', 'wird', 'oder', 'auch']),
  // Not "an", "in", "so": German words too.
  en: new Set(['the', 'and', 'is', 'of', 'to', 'that', 'for', 'with', 'from', 'are', 'this', 'it', 'can', 'be', 'as', 'or', 'by', 'on', 'at', 'which', 'was', 'were', 'has', 'have', 'will', 'not']),
};
/** Enough text to tell; a longer one costs time and says the same. */
const SAMPLE_LENGTH = 20_000;
const MIN_WORDS = 3;

/** The language a short function word belongs to ("the": English), if it is one. */
function functionWordLanguage(word: string): ProseLanguage | undefined {
  return FUNCTION_WORDS.de.has(word) ? 'de' : FUNCTION_WORDS.en.has(word) ? 'en' : undefined;
}

export function proseLanguage(text: string): ProseLanguage | undefined {
  const counts = { de: 0, en: 0 };
  for (const [word] of text.slice(0, SAMPLE_LENGTH).toLowerCase().matchAll(/\p{L}+/gu)) {
    const language = functionWordLanguage(word);
    if (language !== undefined) counts[language]++;
  }
  if (counts.de >= MIN_WORDS && counts.de > 2 * counts.en) return 'de';
  if (counts.en >= MIN_WORDS && counts.en > 2 * counts.de) return 'en';
  return undefined;
}
