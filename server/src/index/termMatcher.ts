import type { Span } from '../parsing/markdown';
import { mayContain, mayContainAsWritten, MIN_SPACE_JOINED, type TextSignature } from './textSignature';
import { composed, mayChangeInNfc } from '../common/text';
import { foldComposed, foldWord } from './wordFolding';

/** A place in a text where one or more terms are mentioned. */
export interface Mention {
  start: number;
  end: number;
  /**
   * URIs of every term whose name matches here; more than one when names collide. Shared by every
   * mention of the same names in a scan, so never change it.
   */
  termUris: readonly string[];
  /** The terms of whose titles the name is a part, where terms whose own name it is took it (the page of such a term means itself by it). */
  partOf?: readonly string[];
}

/**
 * A node of the trie. Most nodes end a name and lead nowhere (12,000 of 15,000 at 10k terms): the
 * map and the set are made when first needed, not empty in every node (180 bytes each).
 */
interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  /** The terms whose own name ends here: title, alias, declared id. */
  termUris: Set<string> | undefined;
  /**
   * The terms of which a part of the title ends here ("CI" of "Continuous Integration (CI)"), each
   * with whether the part is written with a capital first, which then a mention must be ("Build"
   * of "Build vs. Buy" is not "build"): a term's own name beats it.
   */
  partUris: Map<string, boolean> | undefined;
}

/**
 * Endings that German adds to a noun for genitive, dative and plural ("des Outsourcings",
 * "den Dienstleistern"), longest first. A mention may carry one of them on each word.
 */
const INFLECTION_SUFFIXES = ['ern', 'em', 'en', 'er', 'es', 'e', 'n', 's'];
/** Of those, the endings English does not inflect a noun by. */
export const GERMAN_ONLY_SUFFIXES = INFLECTION_SUFFIXES.filter((suffix) => suffix !== 'es' && suffix !== 's');
/**
 * Endings of an adjective before a noun ("Selektives Outsourcing", "beim selektiven Outsourcing"):
 * removed from every word of a name but the last, which is the noun. A subset of the suffixes above,
 * so the stem stays reachable from any inflected form.
 */
const ADJECTIVE_ENDINGS = ['em', 'en', 'er', 'es', 'e'];
const LONGEST_ENDING = Math.max(...INFLECTION_SUFFIXES.map((suffix) => suffix.length));
/** A word must keep this many letters once an ending is removed, so "Ren" never becomes "R". */
const MIN_STEM_LENGTH = 3;
/**
 * "-er" makes plurals of short nouns ("Feld", "Felder") but agent nouns of longer ones ("Arbeit",
 * "Arbeiter"): it is taken as an ending only after a stem this short.
 */
const MAX_STEM_BEFORE_ER = 5;
/** Short all-capital names (IM, SLA, BPO) match only in capitals: "im" is a German preposition. */
const ACRONYM = /^[\p{Lu}\p{N}]{2,5}$/u;
const ACRONYM_KEY_PREFIX = '=';
/**
 * Longer names (a sentence used as a title, a heading of a thousand words) are not looked for in
 * prose: each word of a scan may follow a name that far, so their length would multiply its cost.
 */
const MAX_NAME_WORDS = 12;
const MAX_NAME_GAP = 40;
/** At most this many words of a text, joined by hyphens or spaces, are read as one word of a name. */
const MAX_JOINED_WORDS = 3;
/** A word: letters and digits, with the combining marks of a name typed in NFD ("Wertscho\u0308pfung"). */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * Finds glossary terms in prose: a trie over the words of every term name, so the cost of a scan
 * grows with the text, not with the size of the glossary.
 */
export class TermMatcher {
  private readonly root: TrieNode = newNode();
  /** The key sequences of each term's names, its own and the parts of its title. */
  private readonly namesByUri = new Map<string, string[][]>();
  /** How many names use each key, so a scan follows only the keys of a word that some name has. */
  private readonly keyUses = new Map<string, number>();
  /** How many names start with a key of each length. */
  private readonly firstKeyLengths = new Map<number, number>();
  /**
   * Also find a term at the end of a closed compound: "Prozess" in "Geschäftsprozess". Off by
   * default, since German compounds often mean something else than their last word.
   */
  matchCompoundTails = false;

  /**
   * Replaces the names a term is known by: its own, and the parts of its title (`partNames`), which
   * name it only where no term has the same words as its own name.
   */
  setTerm(uri: string, names: string[], partNames: string[] = []): void {
    this.removeTerm(uri);
    const matchable = (keys: string[]) => keys.length > 0 && keys.length <= MAX_NAME_WORDS;
    const own = unique(names.map(nameKeys).filter(matchable));
    // Most terms have no parts: their names are all their own.
    // A part of one word written with a capital asks for one ("Build" of "Build vs. Buy" is no verb);
    // one of several words is a name in any case ("container network interface (CNI)").
    const parts = partNames.length === 0 ? [] : partNames.map((name) => ({ keys: nameKeys(name), capital: /^\p{Lu}/u.test(name) })).filter(({ keys }) => matchable(keys)).map((part) => (part.keys.length > 1 ? { ...part, capital: false } : part));
    const keySequences = parts.length === 0 ? own : unique([...own, ...parts.map(({ keys }) => keys)]);
    const partsFrom = own.length;
    // A part written with a capital and without one asks none.
    const lowerCaseParts = new Set(parts.filter(({ capital }) => !capital).map(({ keys }) => keys.join('\u0000')));
    for (let position = 0; position < keySequences.length; position++) {
      const keys = keySequences[position];
      let node = this.root;
      for (const key of keys) {
        let child = node.children?.get(key);
        if (child === undefined) {
          child = newNode();
          (node.children ??= new Map()).set(key, child);
        }
        node = child;
      }
      if (position < partsFrom) (node.termUris ??= new Set()).add(uri);
      else (node.partUris ??= new Map()).set(uri, !lowerCaseParts.has(keys.join('\u0000')));
      for (const key of keys) count(this.keyUses, key, 1);
      count(this.firstKeyLengths, keys[0].length, 1);
    }
    this.namesByUri.set(uri, keySequences);
  }

  removeTerm(uri: string): void {
    const keySequences = this.namesByUri.get(uri);
    if (keySequences === undefined) return;
    this.namesByUri.delete(uri);
    for (const keys of keySequences) {
      this.removePath(keys, uri);
      for (const key of keys) count(this.keyUses, key, -1);
      count(this.firstKeyLengths, keys[0].length, -1);
    }
  }

  /**
   * False when the text cannot mention the term: every mention contains, without hyphens and
   * spaces, a witness of the last word of one of its names (see witnessesOf), folded, or as written
   * for an acronym ("S-LA" is read as "SLA"). A cheap test before a full scan.
   */
  mayMention(text: string, uri: string): boolean {
    let folded: string | undefined;
    let written: string | undefined;
    for (const { words, acronym } of this.mentionWitnesses(uri)) {
      if (acronym ? (written ??= composed(text).replace(/[- ]/g, '')).includes(words[0]) : words.some((word) => (folded ??= foldWord(text).replace(/[- ]/g, '')).includes(word))) return true;
    }
    return false;
  }

  /**
   * The same test on a text's signature (see `textSignature`): false when the text cannot mention the term.
   */
  mayMentionIn(signature: TextSignature, uri: string): boolean {
    // An acronym is looked for as it is written, as `mayMention` does; other witnesses are folded already.
    return this.mentionWitnesses(uri).some(({ words, acronym }) => (acronym ? mayContainAsWritten(signature, words[0]) : words.some((word) => mayContain(signature, word))));
  }

  /** The witnesses of the last words of a term's names, folded unless an acronym: every mention contains one. */
  private mentionWitnesses(uri: string): Array<{ words: string[]; acronym: boolean }> {
    return (this.namesByUri.get(uri) ?? []).map((keys) => {
      const last = keys[keys.length - 1];
      const acronym = last.startsWith(ACRONYM_KEY_PREFIX);
      return { words: acronym ? [last.slice(ACRONYM_KEY_PREFIX.length)] : witnessesOf(last), acronym };
    });
  }

  /**
   * All mentions in text[from, to), leftmost-longest, outside the given sorted spans.
   * Words of a multi-word name may be separated by spaces, hyphens and one line break.
   */
  findMentions(text: string, from = 0, to = text.length, excluded: readonly Span[] = []): Mention[] {
    const words = wordsIn(text, from, to, excluded);
    const mentions: Mention[] = [];
    const scan: Scan = { root: new Frontier([this.root]), keysByWord: new Map(), tailsByWord: new Map() };
    let index = 0;
    while (index < words.length) {
      const [start, match] = this.matchAt(text, words, index, scan);
      if (match === undefined) {
        index++;
        continue;
      }
      const { termUris, partOf } = match.frontier.candidates(isCapitalAt(text, start));
      // Only parts written with a capital end here, and the text has none: no mention.
      if (termUris.length === 0) {
        index++;
        continue;
      }
      mentions.push(partOf.length === 0 ? { start, end: words[match.lastWord].end, termUris } : { start, end: words[match.lastWord].end, termUris, partOf });
      index = match.lastWord + 1;
    }
    return mentions;
  }

  private matchAt(text: string, words: Word[], index: number, scan: Scan): [number, Match | undefined] {
    const word = words[index];
    let whole = this.longestMatchAt(text, words, index, this.keysOf(word, scan), scan);
    // A name written as one word may be split by a hyphen or a space in the text:
    // "Dokumentations-Richtlinien", "data center".
    let joined = word.text;
    let spaces = 0;
    for (let last = index + 1; last < words.length && last - index < MAX_JOINED_WORDS; last++) {
      const joint = jointBetween(text, words[last - 1], words[last]);
      // One space at most: a name is one word or two written apart, not a phrase.
      if (joint === undefined || (joint === 'space' && ++spaces > 1)) break;
      joined += words[last].text;
      const match = this.longestMatchAt(text, words, last, this.keysOf({ text: joined, start: word.start, end: words[last].end }, scan), scan);
      if (match !== undefined && (whole === undefined || match.lastWord > whole.lastWord)) whole = match;
    }
    if (whole !== undefined || !this.matchCompoundTails) return [word.start, whole];
    for (const { split, keys } of this.tailsOf(word, scan)) {
      const match = this.longestMatchAt(text, words, index, keys, scan);
      if (match !== undefined) return [word.start + split, match];
    }
    return [word.start, undefined];
  }

  /**
   * The tails of a word that may start a name, longest first, with their keys; found once per scan
   * for all its occurrences. The head keeps at least a short word, the tail at least a stem. A tail
   * that folds to more than the longest first word of a name and an ending cannot match: only the
   * last few splits are tried, so a word of a million letters costs no more than a short one.
   */
  private tailsOf(word: Word, scan: Scan): Array<{ split: number; keys: WordKeys }> {
    let tails = scan.tailsByWord.get(word.text);
    if (tails !== undefined) return tails;
    tails = [];
    const longestTail = this.longestFirstKey() + LONGEST_ENDING;
    for (let split = word.text.length - MIN_STEM_LENGTH - 1; split >= MIN_STEM_LENGTH; split--) {
      const keys = lookupKeys(word.text.slice(split));
      if (keys[0].length > longestTail) break;
      const known = this.knownKeys(keys);
      if (known.list.length > 0) tails.unshift({ split, keys: known });
    }
    scan.tailsByWord.set(word.text, tails);
    return tails;
  }

  /**
   * The longest name that starts at a word. The first key stands for the words up to firstLast (one
   * word, its tail, or words joined across a hyphen or a space), and is given.
   */
  private longestMatchAt(text: string, words: Word[], firstLast: number, firstKeys: WordKeys, scan: Scan): Match | undefined {
    let frontier = scan.root.next(firstKeys);
    if (frontier === undefined) return undefined;
    let best: Match | undefined = frontier.named.length > 0 ? { lastWord: firstLast, frontier } : undefined;
    for (let index = firstLast + 1; index < words.length; index++) {
      if (!isNameGap(text, words[index - 1].end, words[index].start)) break;
      frontier = frontier.next(this.keysOf(words[index], scan));
      if (frontier === undefined) break;
      if (frontier.named.length > 0) best = { lastWord: index, frontier };
    }
    return best;
  }

  /** A word's lookup keys that some name uses, found once per scan for all its occurrences. */
  private keysOf(word: Word, scan: Scan): WordKeys {
    let keys = scan.keysByWord.get(word.text);
    if (keys === undefined) scan.keysByWord.set(word.text, (keys = this.knownKeys(lookupKeys(word.text))));
    return keys;
  }

  private knownKeys(keys: string[]): WordKeys {
    const list = keys.filter((key) => this.keyUses.has(key));
    return { list, signature: list.join('\u0000') };
  }

  /** The length of the longest first key of a name, which bounds the compound tails worth a look. */
  private longestFirstKey(): number {
    let longest = 0;
    for (const length of this.firstKeyLengths.keys()) longest = Math.max(longest, length);
    return longest;
  }

  private removePath(keys: string[], uri: string): void {
    const path: TrieNode[] = [this.root];
    for (const key of keys) {
      const child = path[path.length - 1].children?.get(key);
      if (child === undefined) return;
      path.push(child);
    }
    const end = path[path.length - 1];
    end.termUris?.delete(uri);
    if (end.termUris?.size === 0) end.termUris = undefined;
    end.partUris?.delete(uri);
    if (end.partUris?.size === 0) end.partUris = undefined;
    // Prune nodes that no longer lead to any term, so memory follows the glossary, not its history.
    for (let depth = keys.length; depth > 0; depth--) {
      const node = path[depth];
      if (node.termUris !== undefined || node.partUris !== undefined || node.children !== undefined) break;
      const parent = path[depth - 1];
      parent.children!.delete(keys[depth - 1]);
      if (parent.children!.size === 0) parent.children = undefined;
    }
  }
}

interface Match {
  lastWord: number;
  /** Where the scan was after that word: its named nodes are the names that end there. */
  frontier: Frontier;
}

/**
 * The trie nodes a scan can be at after some words, each once. A word may stand for several keys
 * (with and without an ending), so a few words can lead to many names: 11 words of "Testen" lead
 * to every one of 2,048 names of "Test" and "Testenem". Where a frontier goes on a word is
 * remembered for the rest of the scan, so each later step from it costs one lookup, whatever the
 * number of names behind it, instead of a walk over all of them at every word of the text.
 */
class Frontier {
  /** The nodes where a name ends. */
  readonly named: readonly TrieNode[];
  private readonly after = new Map<string, Frontier | undefined>();
  /** The candidates of a mention written with a capital first, and without one. */
  private readonly byCase: Array<{ termUris: readonly string[]; partOf: readonly string[] } | undefined> = [undefined, undefined];

  constructor(readonly nodes: readonly TrieNode[]) {
    this.named = nodes.filter((node) => node.termUris !== undefined || node.partUris !== undefined);
  }

  /** Where the scan is after a word with these (known) keys; undefined once no name goes on. */
  next({ list, signature }: WordKeys): Frontier | undefined {
    if (list.length === 0) return undefined;
    if (this.after.has(signature)) return this.after.get(signature);
    const nodes = new Set<TrieNode>();
    for (const node of this.nodes) {
      for (const key of list) {
        const child = node.children?.get(key);
        if (child !== undefined) nodes.add(child);
      }
    }
    const next = nodes.size > 0 ? new Frontier([...nodes]) : undefined;
    this.after.set(signature, next);
    return next;
  }

  /**
   * The terms whose own names end here, and those of which a part of the title does (as the text
   * is written: with a capital first or not); the parts' terms stand in for the own names' where
   * there are none. Shared by the mentions of a scan: never change them.
   */
  candidates(capital: boolean): { termUris: readonly string[]; partOf: readonly string[] } {
    const slot = capital ? 1 : 0;
    let found = this.byCase[slot];
    if (found === undefined) {
      const own = [...new Set(this.named.flatMap((node) => [...(node.termUris ?? [])]))];
      const parts = [...new Set(this.named.flatMap((node) => [...(node.partUris ?? [])].filter(([, needsCapital]) => capital || !needsCapital).map(([uri]) => uri)))];
      found = own.length > 0 ? { termUris: own, partOf: parts } : { termUris: parts, partOf: [] };
      this.byCase[slot] = found;
    }
    return found;
  }
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** What one scan of a text learns as it goes: where frontiers lead, and the keys of each word. */
interface Scan {
  root: Frontier;
  keysByWord: Map<string, WordKeys>;
  /** Only with matchCompoundTails. */
  tailsByWord: Map<string, Array<{ split: number; keys: WordKeys }>>;
}

/** The keys of a word that some name uses, and all of them as one string, which says where a frontier goes on it. */
interface WordKeys {
  list: readonly string[];
  signature: string;
}

function count<K>(counts: Map<K, number>, key: K, change: number): void {
  const total = (counts.get(key) ?? 0) + change;
  if (total > 0) counts.set(key, total);
  else counts.delete(key);
}

function newNode(): TrieNode {
  return { children: undefined, termUris: undefined, partUris: undefined };
}

/** One spelling of a name for exact lookups: folded words (NFD and NFC spellings alike) joined by single spaces. */
export function nameKey(name: string): string {
  return composedWordsOf(name).map(foldComposed).join(' ');
}

/** The words of a name, in NFC: found as strings, not as matches, and composed only where the name holds a letter NFC may change. */
function composedWordsOf(name: string): string[] {
  const words = name.match(WORD) ?? [];
  return mayChangeInNfc(name) ? words.map(composed) : words;
}

/** Marks the key of a word before the last of a name, stored without its adjective ending. */
const LEADING_WORD_PREFIX = '~';

function nameKeys(name: string): string[] {
  const words = composedWordsOf(name);
  return words.map((word, position) => {
    if (ACRONYM.test(word)) return ACRONYM_KEY_PREFIX + word;
    const folded = foldComposed(word);
    return position < words.length - 1 ? LEADING_WORD_PREFIX + withoutEnding(folded, ADJECTIVE_ENDINGS) : folded;
  });
}

function withoutEnding(word: string, endings: string[]): string {
  const ending = endings.find((candidate) => word.length - candidate.length >= MIN_STEM_LENGTH && word.endsWith(candidate));
  return ending === undefined ? word : word.slice(0, -ending.length);
}

/** The trie keys a word of running text may stand for: itself (folded first), and itself without an ending. */
function lookupKeys(text: string): string[] {
  const word = composed(text);
  const folded = foldComposed(word);
  const keys = [folded, ACRONYM_KEY_PREFIX + word];
  for (const suffix of INFLECTION_SUFFIXES) {
    const stemLength = folded.length - suffix.length;
    if (stemLength < MIN_STEM_LENGTH || !folded.endsWith(suffix)) continue;
    if (suffix.startsWith('er') && stemLength > MAX_STEM_BEFORE_ER) continue;
    keys.push(folded.slice(0, -suffix.length));
  }
  keys.push(...irregularPluralStems(word, folded));
  // A word before the last of a name may be an adjective with any ending, "-er" included:
  // "Strategischer Plan", "beim strategischen Plan".
  keys.push(LEADING_WORD_PREFIX + folded);
  for (const ending of ADJECTIVE_ENDINGS) {
    if (folded.length - ending.length >= MIN_STEM_LENGTH && folded.endsWith(ending)) keys.push(LEADING_WORD_PREFIX + folded.slice(0, -ending.length));
  }
  // Acronyms take only a plural or genitive "s": "SLAs".
  if (word.length <= 6 && /^[\p{Lu}\p{N}]{2,5}s$/u.test(word)) keys.push(ACRONYM_KEY_PREFIX + word.slice(0, -1));
  return keys;
}

/**
 * Singulars of plurals that change more than an ending: English "-ies" ("technologies"), the Latin
 * and Italian plurals of German ("Rechenzentren", "Kriterien", "Themen", "Konten", "Praktika",
 * "Schemata") and umlaut plurals ("Handbücher", "Verträge", "Abläufe", "Mängel").
 */
function irregularPluralStems(word: string, folded: string): string[] {
  const stems: string[] = [];
  const stemOf = (ending: string) => (folded.length - ending.length >= MIN_STEM_LENGTH && folded.endsWith(ending) ? folded.slice(0, -ending.length) : undefined);
  const ies = stemOf('ies');
  if (ies !== undefined) stems.push(ies + 'y');
  const en = stemOf('en');
  // "-o" takes "-en" after a longer stem only ("Konten", "Risiken", "Salden"): "denen" is no plural of "Deno".
  if (en !== undefined) stems.push(en + 'um', en + 'a', ...(en.length > MIN_STEM_LENGTH ? [en + 'o'] : []));
  const a = stemOf('a');
  if (a !== undefined) stems.push(a + 'um');
  const ata = stemOf('ata');
  if (ata !== undefined) stems.push(ata + 'a');
  // The umlaut of the last syllables ("Gärten", "Mängel", "Handbücher"), without it and with or
  // without a plural ending.
  const lower = word.toLowerCase();
  const umlaut = /(äu|ä|ö|ü)[^aeiouäöüy]*(?:e[^aeiouäöüy]*)?$/u.exec(lower);
  if (umlaut !== null && umlaut.index >= 1) {
    const singular = foldComposed(lower.slice(0, umlaut.index) + WITHOUT_UMLAUT[umlaut[1]] + lower.slice(umlaut.index + umlaut[1].length));
    stems.push(singular);
    for (const ending of ['e', 'er', 'en', 'ern', 'n']) {
      if (singular.endsWith(ending) && singular.length - ending.length >= MIN_STEM_LENGTH) stems.push(singular.slice(0, -ending.length));
    }
  }
  return stems;
}

const WITHOUT_UMLAUT: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', äu: 'au' };

/**
 * What every form of a name's folded last word contains: the word without a final vowel, "y" or
 * "-um" ("Thema": "Themen", "Proxy": "proxies", "Rechenzentrum": "Rechenzentren"), and, for an
 * umlaut plural, the same with its last vowel umlauted ("Handbuch": "Handbücher", folded
 * "handbuech"; "Mangel": "Mängel").
 */
export function witnessesOf(word: string): string[] {
  const withoutEnding = word.replace(/(?:um|[aeiouy])$/, '') || word;
  // As the plural rule reads it: the last a, o, u or au, with at most one syllable in "e" after it ("Mangel", "Vater").
  const umlautable = /(au|a|o|u)([^aeiouy]*(?:e[^aeiouy]*)?)$/.exec(withoutEnding);
  if (umlautable === null) return [withoutEnding];
  const umlauted = withoutEnding.slice(0, umlautable.index) + UMLAUTED[umlautable[1]] + umlautable[2];
  return [withoutEnding, umlauted];
}

/** A vowel with its umlaut, folded as foldWord folds it. */
const UMLAUTED: Record<string, string> = { a: 'ae', o: 'oe', u: 'ue', au: 'aeu' };

/** Whether the text has a capital at an offset (the first letter of a mention). */
function isCapitalAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 65 && code <= 90 ? true : code < 0x80 ? false : /\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(offset)!));
}

function wordsIn(text: string, from: number, to: number, excluded: readonly Span[]): Word[] {
  const words: Word[] = [];
  let spanIndex = 0;
  // A scan of its own: a shared global expression would keep its position for the next caller.
  const word = new RegExp(WORD.source, 'gu');
  word.lastIndex = from;
  for (let match = word.exec(text); match !== null && match.index < to; match = word.exec(text)) {
    const start = match.index;
    const end = Math.min(start + match[0].length, to);
    while (spanIndex < excluded.length && excluded[spanIndex][1] <= start) spanIndex++;
    const span = excluded[spanIndex];
    if (span !== undefined && span[0] < end) continue;
    words.push({ text: text.slice(start, end), start, end });
  }
  return words;
}

/**
 * Between two words of one name: blanks and hyphens, with at most one line break, and not more
 * than a line's indentation of them. Scanned by hand: the regular expression for it backtracks
 * quadratically on a long run of hyphens.
 */
function isNameGap(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > MAX_NAME_GAP) return false;
  let lineBreaks = 0;
  for (let offset = from; offset < to; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 13 /* \r */ || code === 10 /* \n */) {
      if (code === 13 && text.charCodeAt(offset + 1) === 10) offset++;
      if (++lineBreaks > 1) return false;
    } else if (code !== 32 && code !== 9 && code !== 45 /* - */ && code !== 0xa0) {
      return false;
    }
  }
  return true;
}

/**
 * One hyphen, or one space between words of MIN_SPACE_JOINED letters or more, between two words
 * that a name writes as one: "data center", but not "ein Kauf" for "Einkauf".
 */
function jointBetween(text: string, before: Word, after: Word): 'hyphen' | 'space' | undefined {
  if (after.start !== before.end + 1) return undefined;
  const code = text.charCodeAt(before.end);
  if (code === 45 /* - */) return 'hyphen';
  // Letters counted composed, as the text signature counts them ("a\u0308bc" has three).
  return code === 32 && composed(before.text).length >= MIN_SPACE_JOINED && composed(after.text).length >= MIN_SPACE_JOINED ? 'space' : undefined;
}

function unique(keySequences: string[][]): string[][] {
  const seen = new Set<string>();
  return keySequences.filter((keys) => {
    const signature = keys.join('\u0000');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}
