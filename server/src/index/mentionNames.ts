import type { GlossaryTerm } from '../parsing/document';

/**
 * The names a term is recognised by in prose, each a rule a reader would state (the README's
 * table lists them):
 * - its own names: its title and aliases, and its `id` when the front matter declares one (a file
 *   name is a name only of an entry without a title: "operator.md" does not make "operators" a
 *   mention of "Kubernetes Operator"), and its H1 where that does not title the page (Docusaurus
 *   titles a page by its id when other content comes before its H1);
 * - the parts of a title that name the term alone (`parts`), which a term's own name beats: both
 *   sides of "Continuous Integration (CI)" when the part in parentheses is an abbreviation, the
 *   title without it or with it alone where it stands inside ("No Free Lunch (NFL) theorem": "No
 *   Free Lunch theorem", "NFL theorem"), the name a qualifier in parentheses follows ("Kanban
 *   (Methode)", "Filter (convolution)": in any case where the definition writes it so), both halves
 *   of "BPM - Business Process Management", the items of a list ("Strom, Spannung, Widerstand",
 *   "RS232 & RS485", "TCP vs. UDP"), the subject of a question ("Was ist ESD?") and of an overview
 *   ("Halbleiter Grundlagen", "Kubernetes basics"), and the shorter name the term's definition opens
 *   with ("Hangul script": "Hangul is a script used to write Korean"); a part has two letters at least;
 * - of each, a word written as two ("DIN69901": "DIN 69901", "WebAssembly": "Web Assembly"), a
 *   hyphenated word written as one ("Rechteck-Querschnitt": "Rechteckquerschnitt") and the
 *   singular of a plural name ("Dokumente": "Dokument", "Stateful Apps": "stateful app").
 */
export function mentionNameSetsOf(term: NamedTerm, pluralEndings: PluralEndings = PLURAL_ENDINGS): { own: string[]; parts: string[] } {
  const declared = declaredNamesOf(term);
  const own = new Set<string>();
  const parts = new Set<string>();
  for (const declaredName of declared) {
    own.add(declaredName);
    // A name this long is a sentence, not a term: it gets no further forms (and no regular
    // expression has to walk it).
    if (declaredName.length > MAX_FORMED_NAME_LENGTH) continue;
    addForms(own, declaredName, pluralEndings);
    for (const part of titleParts(declaredName, term.definition ?? '')) addForms(parts, part, pluralEndings);
    const subject = shortNameOfDefinition(declaredName, term.definition ?? '');
    if (subject !== undefined) addForms(parts, subject, pluralEndings);
  }
  const named = (name: string) => name.trim() !== '';
  return { own: [...own].filter(named), parts: [...parts].filter((name) => named(name) && !own.has(name)) };
}

/** The names a term declares as they are written: its title, aliases, id (one it declares, or that is its title) and an H1 that does not title it. */
export function declaredNamesOf(term: NamedTerm): string[] {
  const declared = [term.title, ...term.aliases];
  if (!term.idFromFileName || term.title === term.id) declared.push(term.id);
  // An H1 that does not title the page (in Docusaurus, one below other content) still names the term.
  if (term.titleRange === undefined && term.heading !== undefined) declared.push(term.heading.text);
  return declared;
}

/** What a term's names come from: its title, aliases, id and H1, and its definition, which tells how a name is written in prose. */
type NamedTerm = Pick<GlossaryTerm, 'id' | 'title' | 'aliases' | 'idFromFileName'> & Partial<Pick<GlossaryTerm, 'heading' | 'titleRange'>> & { definition?: string };

/** Every name of a term, its own and the parts of its title (see `mentionNameSetsOf`). */
export function mentionNamesOf(term: NamedTerm): string[] {
  const { own, parts } = mentionNameSetsOf(term);
  return [...own, ...parts];
}

/**
 * The names of `mentionNamesOf` with only the singulars English makes ("Stateful Apps": "stateful
 * app"): an English name in "-e" or "-en" is no German plural ("Theme" has no singular "them").
 */
export function englishMentionNamesOf(term: NamedTerm): string[] {
  const { own, parts } = mentionNameSetsOf(term, ENGLISH_PLURAL_ENDINGS);
  return [...own, ...parts];
}

/** A name, split at inner capitals and digits, joined at its hyphens, and the singulars of each spelling. */
function addForms(names: Set<string>, name: string, pluralEndings: PluralEndings): void {
  const split = splitWords(name);
  const joined = joinedAtHyphens(name);
  // No list made for the many names that have one spelling only.
  addSpelling(names, name, pluralEndings);
  if (split !== name) addSpelling(names, split, pluralEndings);
  if (joined !== name && joined !== split) addSpelling(names, joined, pluralEndings);
}

function addSpelling(names: Set<string>, spelling: string, pluralEndings: PluralEndings): void {
  names.add(spelling);
  for (const singular of singularsOf(spelling, pluralEndings)) names.add(singular);
}

/** A word of parts joined by hyphens (German writes "Rechteck-Querschnitt" and "Rechteckquerschnitt"). */
const HYPHENATED_WORD = /^\p{L}{2,}(?:-\p{L}{2,})+$/u;

/** A hyphenated word written as one, each part after the first in lower case as a compound writes it. */
function joinedAtHyphens(name: string): string {
  if (!HYPHENATED_WORD.test(name)) return name;
  return name.replace(/-(\p{Lu})(?=\p{Ll})/gu, (_, capital: string) => capital.toLowerCase()).replaceAll('-', '');
}

const MAX_FORMED_NAME_LENGTH = 200;
/** Parts of parts are taken too ("Schutzerde (PE)" of "Schutzerde (PE) vs. Signalmasse (GND)"), up to this many. */
const MAX_TITLE_PARTS = 32;

/** Emphasis markers around a part: "BPM-Experte - *BPM-Expert*". */
const EMPHASIS = /^[*_]+|[*_]+$/g;
/** "Name (ABBR)" or "ABBR (Name)". */
const PARENTHESISED = /^(.+?)\s*\(([^()]+)\)$/u;
/** "No Free Lunch (NFL) theorem": an abbreviation inside a title, of the words before it. */
const ABBREVIATION_INSIDE = /^(.+?)\s*\(([^()]+)\)\s+([^()]+)$/u;
/** "BPM - Business Process Management": a spaced dash between two names. */
const SPACED_DASH = /\s+[-–—]\s+/u;
/** "TCP vs. UDP": the sides of a comparison. */
const VERSUS = /\s+(?:vs\.?|versus)\s+/iu;
/** The word that joins the last item of a list: "Strom, Spannung und Widerstand", "RS232 & RS485". */
const LIST_JOIN = /\s+(?:&|und|and|sowie)\s+/iu;
/** "Was ist ESD?", "What are containers?": the subject of a question. */
const QUESTION = /^(?:was\s+(?:ist|sind|bedeutet)|what\s+(?:is|are))\s+(?:(?:ein|eine|der|die|das|a|an|the)\s+)?(.+?)\s*\?$/iu;
/** "Halbleiter Grundlagen", "EMV-Grundlagen", "Kubernetes basics": a subject and a word for an overview of it. */
const OVERVIEW_AFTER = /^(.+?)(?:\s+|\s*-\s*)(?:grundlagen|übersicht|überblick|typen|arten|basics|overview|fundamentals)$/iu;
/** "Grundlagen der Statik", "Einführung in die Regelungstechnik", "Introduction to Kubernetes". */
const OVERVIEW_BEFORE = /^(?:(?:grundlagen|einführung|übersicht|überblick)\s+(?:in|zu|zur|zum|der|des|von|über)|(?:introduction|overview|basics|fundamentals)\s+(?:to|of))\s+(?:(?:die|den|das|der|dem|the)\s+)?(.+)$/iu;
/** Whether a title may have parts at all: most have none, and skip the expressions above. */
const MAY_HAVE_PARTS = /[()*_–—,&?]|\s-|\s(?:und|and|sowie|vs\.?|versus)\s|grundlagen|übersicht|überblick|typen|arten|basics|overview|fundamentals|einführung|introduction/iu;

/** The parts of a title that name its term alone, and their parts in turn. */
function titleParts(name: string, definition: string): string[] {
  if (!MAY_HAVE_PARTS.test(name)) return [];
  const seen = new Set<string>([name]);
  const parts: string[] = [];
  const queue = [name];
  while (queue.length > 0 && parts.length < MAX_TITLE_PARTS) {
    for (const written of directPartsOf(queue.shift()!, definition)) {
      const part = written.trim().replace(EMPHASIS, '').trim();
      // One letter is a symbol ("C" of "C-Grundlagen" is also a capacitor), not a name a title gives.
      if (seen.has(part) || (part.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) continue;
      seen.add(part);
      parts.push(part);
      queue.push(part);
    }
  }
  return parts;
}

function directPartsOf(name: string, definition: string): string[] {
  const parts: string[] = [];
  const question = QUESTION.exec(name);
  if (question !== null) parts.push(question[1]);
  const halves = name.split(SPACED_DASH);
  if (halves.length === 2) parts.push(...halves);
  const sides = name.split(VERSUS);
  if (sides.length === 2 && sides.every(isListItem)) parts.push(...sides);
  parts.push(...listItemsOf(name));
  const overview = OVERVIEW_AFTER.exec(name) ?? OVERVIEW_BEFORE.exec(name);
  if (overview !== null && isNameLike(overview[1])) parts.push(overview[1]);
  const parenthesised = name.trimEnd().endsWith(')') ? PARENTHESISED.exec(name.trim()) : null;
  if (parenthesised !== null) {
    const [, outside, inside] = parenthesised;
    // "Kanban (Methode)" says which Kanban, "Signale (Analog, Digital)" what the entry covers: only an abbreviation in parentheses is a name.
    if (isAbbreviationOf(inside.trim(), outside) || isAbbreviationOf(outside.trim(), inside)) parts.push(outside, inside);
    else parts.push(qualifiedName(outside, inside, definition));
  }
  const abbreviated = name.includes('(') ? ABBREVIATION_INSIDE.exec(name.trim()) : null;
  if (abbreviated !== null && isAbbreviationOf(abbreviated[2].trim(), abbreviated[1])) {
    const [, before, abbreviation, after] = abbreviated;
    parts.push(`${before.trim()} ${after}`, `${abbreviation.trim()} ${after}`);
  }
  return parts;
}

/**
 * The name a qualifier in parentheses follows. After a qualifier in lower case ("Filter
 * (convolution)", "Bit transparency (audio)") a title may be in sentence case, its first capital
 * the title's and not the name's: where the entry's own definition writes the name in lower case
 * ("A *filter* is a small matrix") and never with its capital inside a sentence ("see Go's
 * tour"), it is written so, and a mention needs no capital (a part written with a capital asks
 * one, see TermMatcher.setTerm). A proper name ("Go (programming language)") or a German noun
 * ("Gut (wirtschaftlich)") keeps its capital there, and here.
 */
function qualifiedName(outside: string, qualifier: string, definition: string): string {
  return /^\p{Ll}/u.test(qualifier.trim()) ? asDefinitionWritesIt(outside, definition) : outside;
}

/** A name with a capital first as the term's definition writes it: in lower case where it writes it so and never with its capital inside a sentence. */
function asDefinitionWritesIt(name: string, definition: string): string {
  if (!/^\p{Lu}\p{Ll}/u.test(name)) return name;
  const lowerCase = name[0].toLowerCase() + name.slice(1);
  const prose = proseOf(definition);
  return writesWord(prose, lowerCase) && !writesWord(prose, name, true) ? lowerCase : name;
}

/** A definition's prose: without code, links (their text may name another term: `[facet](/terms/facet)`) and addresses (`go.dev`). */
function proseOf(markdown: string): string {
  return markdown
    .replace(/`[^`]*`/g, ' ')
    .replace(/!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\S*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, ' ')
    .replace(/\S*\.[a-z]{2,}\/\S*|\S+\.(?:com|org|net|dev|io|de)\b\S*/gi, ' ');
}

/**
 * Whether a text holds a name as words of its own, as written (its blanks any blanks); with
 * `midSentence`, only after a word or a comma, where a capital is the name's, not the sentence's.
 */
function writesWord(text: string, name: string, midSentence = false): boolean {
  if (!text.includes(name.split(/\s+/)[0])) return false;
  const pattern = name.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const before = midSentence ? '(?<=[\\p{L}\\p{N},;)][*_]*\\s+[*_]*)' : '(?<![\\p{L}\\p{N}])';
  return new RegExp(`${before}${pattern}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** What of a term's names its definition decides (see `qualifiedName`, `shortNameOfDefinition`): for an index to tell when an edit of the definition changes them. */
export function namesFromDefinition(term: NamedTerm): string {
  const definition = term.definition ?? '';
  const declared = [term.title, ...term.aliases];
  const qualified = declared.filter((name) => name.includes('('));
  const shortNames = declared.map((name) => shortNameOfDefinition(name, definition) ?? '').join('\u0000');
  return (qualified.length === 0 ? '' : qualified.map((name) => titleParts(name, definition).join('\u0000')).join('\u0001')) + '\u0002' + shortNames;
}

/** How far into a definition its subject may start: past emphasis, an article and blanks. */
const MAX_SUBJECT_OFFSET = 16;
/** What may come before a definition's subject: blanks, emphasis and an article ("The Latin script is …", "**Die Brahmi** ist …"). */
const BEFORE_SUBJECT = /^[\s*_]*(?:(?:the|a|an|der|die|das|ein|eine)[\s*_]+)?$/i;
/** The verb after a definition's subject: "Hiragana is a script …", "**Noto** ist …". */
const DEFINING_VERB = /^[*_]*\s+(?:is|are|was|were|refers|means|ist|sind|war|waren|bezeichnet|bedeutet)\b/;

/**
 * The shorter name a term's own definition gives it as its subject: a name of several words without
 * its last, a word for its kind, where the definition opens with it ("Hangul script": "Hangul is a
 * script used to write Korean"; "Noto fonts": "Noto is Google's …"); in lower case where the
 * definition writes it so ("… and hiragana carries …", see `asDefinitionWritesIt`).
 */
function shortNameOfDefinition(name: string, definition: string): string | undefined {
  const lastBlank = name.trimEnd().search(/\s\S+$/);
  if (lastBlank <= 0) return undefined;
  const shortName = name.slice(0, lastBlank).trim();
  const at = definition.indexOf(shortName);
  if (at === -1 || at > MAX_SUBJECT_OFFSET || !BEFORE_SUBJECT.test(definition.slice(0, at))) return undefined;
  return DEFINING_VERB.test(definition.slice(at + shortName.length, at + shortName.length + 24)) ? asDefinitionWritesIt(shortName, definition) : undefined;
}

/**
 * The items of a title that lists names: "Strom, Spannung, Widerstand", "A, B und C", each a name
 * (capitalised or a number, not the first half of a word: "Adress-, Daten- und Steuerbus"); two
 * joined without a comma only when both are abbreviations ("RS232 & RS485", "REACH und WEEE"), as
 * "Research & Development" names one thing.
 */
function listItemsOf(name: string): string[] {
  const commaItems = splitOutsideParentheses(name, ',');
  const items = commaItems.flatMap((item, position) => (position === commaItems.length - 1 ? item.split(LIST_JOIN) : [item]));
  if (items.length < 2 || !items.every(isListItem)) return [];
  if (commaItems.length === 1 && !items.every((item) => ABBREVIATION.test(item.trim()))) return [];
  return items;
}

/** An item of a list of names: a capital or a digit first (a list in lower case is a phrase), and like a name. */
function isListItem(item: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(item.trim().replace(EMPHASIS, '')) && isNameLike(item);
}

/** A few words, not the first half of a word ("Adress-"). */
function isNameLike(text: string): boolean {
  const trimmed = text.trim().replace(EMPHASIS, '');
  return !trimmed.endsWith('-') && trimmed.split(/\s+/).length <= MAX_LIST_ITEM_WORDS;
}

const MAX_LIST_ITEM_WORDS = 6;
/** "RS232", "REACH", "mTLS", "K8s": capitals and digits, two of them at least. */
const ABBREVIATION = /^(?=(?:[^\p{Lu}\p{N}]*[\p{Lu}\p{N}]){2})[\p{L}\p{N}.\-/]{2,12}$/u;

/** The text split at a separator outside parentheses. */
function splitOutsideParentheses(text: string, separator: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (character === separator && depth === 0) {
      items.push(text.slice(start, at));
      start = at + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

/** A short word with two capitals or more ("CI", "DBaaS", "mTLS", "K8s") standing for a longer name. */
function isAbbreviationOf(short: string, long: string): boolean {
  return /^[\p{L}\p{N}/&.-]{2,12}$/u.test(short) && (short.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && long.trim().length > short.length;
}

/** Splits words at a lower-case letter followed by a capital and between letters and digits. */
function splitWords(name: string): string {
  // Most names are words in lower case after a capital: nothing to split.
  if (!/[0-9]|.\p{Lu}/u.test(name)) return name;
  return name.replace(/(\p{Ll})(?=\p{Lu})|(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$& ');
}

type PluralEndings = ReadonlyArray<[plural: string, singular: string]>;

/** Plural endings a name may end in, with what the singular ends in instead. */
const PLURAL_ENDINGS: PluralEndings = [
  ['ies', 'y'],
  ['en', 'um'],
  ['en', 'a'],
  ['en', ''],
  ['e', ''],
  // "-n" follows "-e", "-el", "-er" ("Schnittstellen", "Regeln"): "Plan" is no plural of "Pla".
  ['en', 'e'],
  ['ln', 'l'],
  ['rn', 'r'],
  ['s', ''],
];
/** Of those, the ones English makes a plural by. */
const ENGLISH_PLURAL_ENDINGS: PluralEndings = PLURAL_ENDINGS.filter(([plural]) => plural === 'ies' || plural === 's');
const MIN_SINGULAR_LENGTH = 3;

/** The name with its last word made singular, for every plural ending it may have. */
function singularsOf(name: string, pluralEndings: PluralEndings): string[] {
  // The last word, found from the end: a regular expression anchored at the end would try every start.
  let start = name.length;
  while (start > 0 && isLetter(name.charCodeAt(start - 1), name[start - 1])) start--;
  const word = name.slice(start);
  if (word.length <= MIN_SINGULAR_LENGTH) return [];
  const lower = word.toLowerCase();
  // A capital after the first letter makes an abbreviation ("SLA", "FaaS", "mTLS"; "SLAs" is matched
  // by its own rule); "-ss", "-us", "-is" are not plurals.
  if (word.slice(1) !== lower.slice(1) || lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return [];
  const singulars: string[] = [];
  for (const [plural, singular] of pluralEndings) {
    const stem = word.slice(0, -plural.length);
    if (!lower.endsWith(plural) || stem.length < MIN_SINGULAR_LENGTH) continue;
    singulars.push(name.slice(0, start) + stem + singular);
  }
  return singulars;
}

const LETTER = /\p{L}/u;

function isLetter(code: number, character: string): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0x80 && LETTER.test(character));
}
