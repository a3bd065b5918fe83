import { proseLanguage, type ProseLanguage } from '../common/language';
import type { LineIndex } from '../common/text';
import { parentUri } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { declaredNamesOf, englishMentionNamesOf, mentionNamesOf } from '../index/mentionNames';
import { GERMAN_ONLY_SUFFIXES, WORD, type Mention } from '../index/termMatcher';
import { foldWord } from '../index/wordFolding';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import type { Span } from '../parsing/markdown';

/**
 * The mentions of terms in a document's text between two offsets, as a reader takes them: the
 * matcher's names (termMatcher.ts), then what the words around a name say:
 * - in German prose a capitalised name is a noun, and a lower-case word after a personal pronoun or
 *   "zu" is a verb, not it ("es bedarf" is no mention of "Bedarf");
 * - outside German prose, a name inside a longer run of capitalised words belongs to another name
 *   ("Amazon Web Services", "Open Container Initiative"), except in headings;
 * - "term", "word", "Begriff", "Wort" before an emphasised or quoted name name that name, not an
 *   entry of their own title ("The term *front matter* refers to…");
 * - a phrase the term's `not_mentions` lists is no mention of it ("bei Bedarf");
 * - of several terms, those in the page's own locale (a translation stands in for its original),
 *   then those of which the words are a name as written, not an inflected form ("pod" names "Pod"
 *   before "Pods"), then those nearest the document's folder;
 * - on a term's own page, a part of its title means the term, though another term has it as its
 *   own name ("Node" on the page of "Node (Netzwerk)").
 */
export function mentionsBetween(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, from: number, to: number, excluded: readonly Span[]): Mention[] {
  const text = lines.text;
  const context = contextOf(document, lines);
  // A scan shares the list of candidates among the mentions of the same names: what depends only
  // on the candidates is worked out once per list, so a name shared by thousands of terms costs
  // no more per mention than a name of one.
  const byCandidates = new Map<readonly string[], Candidates>();
  const mentions: Mention[] = [];
  const ownPage = [document.uri];
  for (const found of index.matcher.findMentions(text, from, to, excluded)) {
    const mention = found.partOf?.includes(document.uri) ? { start: found.start, end: found.end, termUris: ownPage } : found;
    // German writes nouns in capitals and compounds apart ("Lean Management Prinzipien", "Betrachtung
    // ALLER Dokumente"): there, a run of capitals says nothing.
    if (!context.inHeading(mention.start) && isInsideLongerName(text, mention.start, mention.end) && context.languageAt(mention.start) !== 'de') continue;
    if (namesAWordAsWritten(text, mention.start, mention.end)) continue;
    let candidates = byCandidates.get(mention.termUris);
    if (candidates === undefined) byCandidates.set(mention.termUris, (candidates = candidatesOf(index, document, mention.termUris)));
    // A verb in German prose is no noun: only terms that have a name in lower case.
    const verbInGerman = isLowerCase(lastWordOf(text, mention.end)) && isGermanVerb(text, mention.start) && context.languageAt(mention.start) === 'de';
    let termUris = verbInGerman ? candidates.withLowerCaseName : candidates.inLocale.length > 1 ? nearestNamedAsWritten(candidates, foldedWords(text.slice(mention.start, mention.end))) : candidates.all;
    // English inflects a noun by "-s" and "-es" alone: "header" names no "Head", "linter" no "Lint".
    if (context.languageAt(mention.start) === 'en') {
      const lastWord = foldWord(lastWordOf(text, mention.end));
      termUris = termUris.filter((uri) => !germanFormOnly(candidates!.termOf(uri), lastWord));
    }
    if (candidates.withExclusions.length > 0) {
      const around = wordsAround(text, mention.start, mention.end, candidates.exclusionReach);
      const excludedHere = new Set(candidates.withExclusions.filter((term) => exclusionsOf(term).phrases.some((phrase) => phraseCovers(text, around, phrase, mention.start, mention.end))).map((term) => term.uri));
      if (excludedHere.size > 0) termUris = termUris.filter((uri) => !excludedHere.has(uri));
    }
    if (termUris.length > 0) mentions.push({ start: mention.start, end: mention.end, termUris });
  }
  return mentions;
}

/** The terms a list of candidates stands for in one document, ranked, with what the rules need of them. */
interface Candidates {
  all: readonly string[];
  /** The terms in the document's locale, before the nearest are chosen; none where the document has no locale, and nothing is ranked. */
  inLocale: readonly string[];
  documentUri: string;
  /** Of `inLocale`, the ones a mention's folded words choose (see `nearestNamedAsWritten`), by those words. */
  byWords: Map<string, readonly string[]>;
  termOf: (uri: string) => GlossaryTerm;
  withLowerCaseName: readonly string[];
  /** The terms with `not_mentions` phrases. */
  withExclusions: readonly GlossaryTerm[];
  /** How far around a mention the longest of their phrases may reach. */
  exclusionReach: number;
}

function candidatesOf(index: GlossaryIndex, document: ParsedDocument, uris: readonly string[]): Candidates {
  const known = uris.filter((uri) => index.termOf(uri) !== undefined);
  const locale = index.pageOf(document.uri)?.locale;
  const inLocale = locale === undefined || known.length === 0 ? known : index.termsForLocale(known, locale);
  const all = locale === undefined ? known : nearestTo(document.uri, inLocale);
  const terms = all.map((uri) => index.termOf(uri)!);
  // A term named as written may be chosen from all in the locale (see `nearestNamedAsWritten`): its `not_mentions` count too.
  const choosable = (locale === undefined ? known : inLocale).map((uri) => index.termOf(uri)!);
  return {
    all,
    inLocale: locale === undefined ? [] : inLocale,
    documentUri: document.uri,
    byWords: new Map(),
    termOf: (uri) => index.termOf(uri)!,
    withLowerCaseName: terms.filter(hasLowerCaseName).map((term) => term.uri),
    withExclusions: choosable.filter((term) => exclusionsOf(term).phrases.length > 0),
    // A reduce, not a spread: a name may be shared by more terms than a call takes arguments.
    exclusionReach: choosable.reduce((reach, term) => Math.max(reach, exclusionsOf(term).reach), 0),
  };
}

interface DocumentContext {
  /** The language of the paragraph at an offset, else of the document: a German page may quote English. */
  languageAt: (offset: number) => ProseLanguage | undefined;
  inHeading: (offset: number) => boolean;
}

/** What the rules need to know of a document's text, worked out once per parse (its page may change with the site's configuration: asked each time). */
const contexts = new WeakMap<ParsedDocument, DocumentContext>();

function contextOf(document: ParsedDocument, lines: LineIndex): DocumentContext {
  let context = contexts.get(document);
  if (context === undefined) {
    const headingLines = new Set(document.body.headings.map((heading) => heading.range.start.line));
    const text = lines.text;
    const documentLanguage = proseLanguage(text.slice(document.frontMatter === undefined ? 0 : lines.offsetAt(document.frontMatter.range.end)));
    const paragraphLanguages = new Map<number, ProseLanguage | undefined>();
    let breaks: number[] | undefined;
    context = {
      languageAt: (offset) => {
        breaks ??= [...text.matchAll(/\n[ \t]*\r?\n/g)].map((match) => match.index);
        const [start, end] = paragraphAround(breaks, text.length, offset);
        if (!paragraphLanguages.has(start)) paragraphLanguages.set(start, proseLanguage(text.slice(start, end)) ?? documentLanguage);
        return paragraphLanguages.get(start);
      },
      inHeading: (offset) => headingLines.has(lines.positionAt(offset).line),
    };
    contexts.set(document, context);
  }
  return context;
}

/**
 * Of the terms a mention may mean (each as the document's locale has it, see `termForLocale`),
 * the ones nearest the document's folder.
 */
function nearestTo(documentUri: string, candidates: readonly string[]): readonly string[] {
  if (candidates.length < 2) return candidates;
  const closeness = (uri: string) => commonFolderDepth(parentUri(uri), parentUri(documentUri));
  const nearest = candidates.reduce((best, uri) => Math.max(best, closeness(uri)), 0);
  return candidates.filter((uri) => closeness(uri) === nearest);
}

/**
 * Of the terms in the document's locale, those that declare the mention's words as a name (case
 * and accents aside; see `declaredNamesOf`), where any does, else all; and of those the nearest. Worked out once per words.
 */
function nearestNamedAsWritten(candidates: Candidates, words: string): readonly string[] {
  let chosen = candidates.byWords.get(words);
  if (chosen === undefined) {
    const named = candidates.inLocale.filter((uri) => declaredNamesOf(candidates.termOf(uri)).some((name) => foldedWords(name) === words));
    chosen = named.length === 0 ? candidates.all : nearestTo(candidates.documentUri, named);
    candidates.byWords.set(words, chosen);
  }
  return chosen;
}

/** A text's words folded (see `foldWord`), one blank between: "Service-Level Agreements" is "service level agreements". */
function foldedWords(text: string): string {
  return Array.from(text.matchAll(WORD), ([word]) => foldWord(word)).join(' ');
}

function commonFolderDepth(a: string, b: string): number {
  const partsA = a.split('/');
  const partsB = b.split('/');
  let depth = 0;
  while (depth < partsA.length && depth < partsB.length && partsA[depth] === partsB[depth]) depth++;
  return depth;
}

/** A paragraph longer than this is judged by its part around the offset. */
const MAX_PARAGRAPH_REACH = 2_000;

/**
 * The paragraph around an offset: between blank lines (their offsets given, in order), or, in a
 * paragraph longer than MAX_PARAGRAPH_REACH, the stretch of that length the offset falls in, so
 * that the mentions of a long text share a few stretches.
 */
function paragraphAround(breaks: readonly number[], textLength: number, offset: number): [number, number] {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (breaks[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  const start = low === 0 ? 0 : breaks[low - 1];
  const end = low === breaks.length ? textLength : breaks[low];
  if (end - start <= MAX_PARAGRAPH_REACH) return [start, end];
  const stretch = start + Math.floor((offset - start) / MAX_PARAGRAPH_REACH) * MAX_PARAGRAPH_REACH;
  return [stretch, Math.min(end, stretch + MAX_PARAGRAPH_REACH)];
}

/**
 * Whether a word reaches a term's names only by a German ending: no name's last word is it, nor it
 * without an English plural ending, but one is it without a German one, or one is it only as the
 * German singular of a name that is not German ("them" of "Theme", "run" of "Rune", "plan" of
 * "Control Plane"; "Prozessdiagramm" of "Prozessdiagramme", whose definition is German, stays).
 */
function germanFormOnly(term: GlossaryTerm, word: string): boolean {
  const { all, english } = lastWordsOf(term);
  const reaches = (lastWords: ReadonlySet<string>) => lastWords.has(word) || lastWords.has(word.replace(/(?:'s|s'|s)$/, '')) || lastWords.has(word.replace(/es$/, '')) || lastWords.has(word.replace(/ies$/, 'y'));
  if (reaches(english)) return false;
  if (reaches(all)) return true;
  return GERMAN_ONLY_SUFFIXES.some((ending) => word.endsWith(ending) && all.has(word.slice(0, -ending.length)));
}

const lastWordsByTerm = new WeakMap<GlossaryTerm, { all: ReadonlySet<string>; english: ReadonlySet<string> }>();

/** The folded last words of a term's names: of all, and of those with English singulars only unless its definition is German. */
function lastWordsOf(term: GlossaryTerm): { all: ReadonlySet<string>; english: ReadonlySet<string> } {
  let words = lastWordsByTerm.get(term);
  if (words === undefined) {
    const lastWord = (name: string) => foldWord([...name.matchAll(WORD)].pop()?.[0] ?? '');
    const all = new Set(mentionNamesOf(term).map(lastWord));
    words = { all, english: proseLanguage(term.definition) === 'de' ? all : new Set(englishMentionNamesOf(term).map(lastWord)) };
    lastWordsByTerm.set(term, words);
  }
  return words;
}

/**
 * The words by which prose names a word as written, not a thing ("The term *front matter* refers
 * to…", "der Begriff „Bedarf“"): followed by an emphasised or quoted name, they are no mention of
 * an entry "Term" (a member of a taxonomy in Hugo, WordPress, Drupal) or "Begriff". A name in code
 * after them may still be the thing ("the term `go` of the tags taxonomy").
 */
const WORDS_FOR_A_WORD = new Set(['term', 'terms', 'word', 'words', 'begriff', 'begriffe', 'wort', 'woerter']);
const EMPHASISED_OR_QUOTED = /^[ \t]+\[?(?:\*{1,2}|_{1,2}|["\u201c\u201e\u2018\u00ab\u00bb\u201a'])[^\s*_]/;

function namesAWordAsWritten(text: string, start: number, end: number): boolean {
  return end - start <= MAX_GAP && WORDS_FOR_A_WORD.has(foldWord(text.slice(start, end))) && EMPHASISED_OR_QUOTED.test(text.slice(end, end + MAX_GAP));
}

/** Longer than any word of prose: the case of a mention's last word is read within it. */
const MAX_WORD_LENGTH = 200;

function lastWordOf(text: string, end: number): string {
  let start = end;
  while (start > 0 && start > end - MAX_WORD_LENGTH && isWordCharacter(text, start - 1)) start--;
  return text.slice(start, end);
}

function isLowerCase(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}

/** Words after which German writes a verb, never a noun: "es bedarf", "wir planen", "zu planen". */
const BEFORE_A_VERB = new Set(['ich', 'du', 'er', 'es', 'sie', 'wir', 'ihr', 'man', 'zu']);

/**
 * Whether a lower-case mention in German prose is a verb: it follows a personal pronoun or "zu".
 * A lower-case word elsewhere may still be the noun: an English word ("feedback from
 * stakeholders"), a list of English names, or a noun typed in lower case ("das dokument").
 */
function isGermanVerb(text: string, start: number): boolean {
  const previous = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - MAX_GAP), start))?.[1];
  return previous !== undefined && BEFORE_A_VERB.has(previous.toLowerCase());
}

/** Whether a name of the term ends in a word that is not capitalised: one that German may write in lower case. */
const lowerCaseNames = new WeakMap<GlossaryTerm, boolean>();

function hasLowerCaseName(term: GlossaryTerm): boolean {
  let has = lowerCaseNames.get(term);
  if (has === undefined) lowerCaseNames.set(term, (has = mentionNamesOf(term).some((name) => !/\p{Lu}[\p{L}\p{M}\p{N}]*$/u.test(name))));
  return has;
}

/** Words around a name that make it part of a longer one: three capitalised words or more, side by side. */
const MIN_LONGER_NAME_WORDS = 3;

/**
 * Whether a capitalised mention stands inside a run of capitalised words separated by single
 * spaces: a proper name of something else. A sentence's first word is no
 * evidence ("The Kubernetes Operator"), so the run is not counted past it.
 */
function isInsideLongerName(text: string, start: number, end: number): boolean {
  if (!isCapital(text, start)) return false;
  const mentionWords = [...text.slice(start, end).matchAll(WORD)].length;
  let before = 0;
  // Words before a name of several words are its owner ("the ABPMP BPM Competency Model", "E DIN
  // 69909"); only words after it make it part of another name ("IT Service Provider").
  // Two words either side settle it; counting on would make a run of thousands cost as many steps per mention.
  for (let at = start; mentionWords === 1 && before < MIN_LONGER_NAME_WORDS - 1 && text[at - 1] === ' '; ) {
    const wordStart = wordStartBefore(text, at - 1);
    if (wordStart === at - 1 || !isCapital(text, wordStart) || isSentenceStart(text, wordStart)) break;
    before++;
    at = wordStart;
  }
  let after = 0;
  for (let at = end; after < MIN_LONGER_NAME_WORDS - 1 && text[at] === ' ' && isCapital(text, at + 1); ) {
    after++;
    at = wordEndAfter(text, at + 1);
  }
  return before + after > 0 && before + mentionWords + after >= MIN_LONGER_NAME_WORDS;
}

function isCapital(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 65 && code <= 90 ? true : code < 0x80 ? false : /\p{Lu}/u.test(text[offset]);
}

function isWordCharacter(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  return code >= 0x80 && /[\p{L}\p{M}\p{N}]/u.test(text[offset]);
}

/** Where the word ending at an offset starts (the offset itself when none ends there), at most MAX_GAP back. */
function wordStartBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && start > end - MAX_GAP && isWordCharacter(text, start - 1)) start--;
  return start;
}

function wordEndAfter(text: string, start: number): number {
  let end = start;
  while (end < text.length && end < start + MAX_GAP && isWordCharacter(text, end)) end++;
  return end;
}

/** How far the rules look back over blanks, or into a word, before they give up. */
const MAX_GAP = 40;

function isSentenceStart(text: string, offset: number): boolean {
  let at = offset - 1;
  while (at >= 0 && at > offset - MAX_GAP && (text[at] === ' ' || text[at] === '\t' || text[at] === '*' || text[at] === '_')) at--;
  return at < 0 || /[.!?:\n\r>#|-]/.test(text[at]);
}

/**
 * A term's `not_mentions` phrases looked for: the first MAX_PHRASES, each of at most
 * MAX_PHRASE_LENGTH characters (invalid-not-mentions reports the rest), so that a list of
 * thousands cannot make every mention of the term cost thousands of steps.
 */
export const MAX_PHRASES = 100;
export const MAX_PHRASE_LENGTH = 200;

interface Exclusions {
  /** Each phrase as its folded words. */
  phrases: string[][];
  /** How many characters around a mention a phrase may take: its words and the blanks between. */
  reach: number;
}

const exclusionsByTerm = new WeakMap<GlossaryTerm, Exclusions>();

function exclusionsOf(term: GlossaryTerm): Exclusions {
  let exclusions = exclusionsByTerm.get(term);
  if (exclusions === undefined) {
    const phrases = term.notMentions
      .slice(0, MAX_PHRASES)
      .filter((phrase) => phrase.length <= MAX_PHRASE_LENGTH)
      .map((phrase) => [...phrase.matchAll(WORD)].map(([word]) => foldWord(word)))
      .filter((words) => words.length > 0);
    // A folded word may be longer than it is written ("ä": "ae"), and the gaps up to three characters.
    const reach = Math.max(0, ...phrases.map((words) => words.reduce((sum, word) => sum + word.length + PHRASE_GAP, 0)));
    exclusionsByTerm.set(term, (exclusions = { phrases, reach }));
  }
  return exclusions;
}

/** The most blanks and hyphens between two words of a phrase in the text. */
const PHRASE_GAP = 3;

interface TextWord {
  word: string;
  start: number;
  end: number;
}

/** The folded words of the text within `reach` characters of a mention, read once for all phrases. */
function wordsAround(text: string, start: number, end: number, reach: number): TextWord[] {
  const windowStart = Math.max(0, start - reach);
  const window = text.slice(windowStart, Math.min(text.length, end + reach));
  return [...window.matchAll(WORD)].map((match) => ({ word: foldWord(match[0]), start: windowStart + match.index, end: windowStart + match.index + match[0].length }));
}

/** Whether the phrase's words are written in a row around the mention and cover it. */
function phraseCovers(text: string, words: readonly TextWord[], phrase: readonly string[], start: number, end: number): boolean {
  for (let first = 0; first + phrase.length <= words.length; first++) {
    const last = first + phrase.length - 1;
    if (words[first].start > start || words[last].end < end) continue;
    const matches = phrase.every(
      (word, offset) => words[first + offset].word === word && (offset === 0 || isPhraseGap(text, words[first + offset - 1].end, words[first + offset].start)),
    );
    if (matches) return true;
  }
  return false;
}

function isPhraseGap(text: string, from: number, to: number): boolean {
  return to > from && to - from <= PHRASE_GAP && /^[\s-]+$/.test(text.slice(from, to));
}
