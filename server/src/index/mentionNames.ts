import type { GlossaryTerm } from '../parsing/document';

/**
 * The names a term is recognised by in prose, each a rule a reader would state (the README's
 * table lists them):
 * - its title and aliases, and its `id` when the front matter declares one: a file name is a name
 *   only of an entry without a title ("operator.md" does not make "operators" a mention of
 *   "Kubernetes Operator");
 * - the parts of a title that name the term alone: both sides of "Continuous Integration (CI)"
 *   when the part in parentheses is an abbreviation, both halves of "BPM - Business Process
 *   Management";
 * - a word written as two ("DIN69901": "DIN 69901", "WebAssembly": "Web Assembly");
 * - the singular of a plural name ("Dokumente": "Dokument", "Stateful Apps": "stateful app").
 */
export function mentionNamesOf(term: Pick<GlossaryTerm, 'id' | 'title' | 'aliases' | 'idFromFileName'>): string[] {
  const declared = [term.title, ...term.aliases];
  if (!term.idFromFileName || term.title === term.id) declared.push(term.id);
  const names = new Set<string>(declared);
  for (const declaredName of declared) {
    // A name this long is a sentence, not a term: it gets no further forms (and no regular
    // expression has to walk it).
    if (declaredName.length > MAX_FORMED_NAME_LENGTH) continue;
    for (const name of titleParts(declaredName)) {
      const split = splitWords(name);
      for (const spelling of split === name ? [name] : [name, split]) {
        names.add(spelling);
        for (const singular of singularsOf(spelling)) names.add(singular);
      }
    }
  }
  return [...names].filter((name) => name.trim() !== '');
}

const MAX_FORMED_NAME_LENGTH = 200;

/** Emphasis markers around a part: "BPM-Experte - *BPM-Expert*". */
const EMPHASIS = /^[*_]+|[*_]+$/g;
/** "Name (ABBR)" or "ABBR (Name)". */
const PARENTHESISED = /^(.+?)\s*\(([^()]+)\)$/u;
/** "BPM - Business Process Management": a spaced dash between two names. */
const SPACED_DASH = /\s+[-–—]\s+/u;

function titleParts(name: string): string[] {
  // Most names have no parts: the cheap test spares them the regular expressions.
  if (!/[()*_–—]|\s-/.test(name)) return [name];
  const parts = [name];
  const halves = name.split(SPACED_DASH);
  if (halves.length === 2) parts.push(...halves);
  for (const part of [...parts]) {
    if (!part.trimEnd().endsWith(')')) continue;
    const parenthesised = PARENTHESISED.exec(part.trim());
    if (parenthesised === null) continue;
    const [, outside, inside] = parenthesised;
    // "Kanban (Methode)" says which Kanban; only an abbreviation in parentheses is a name.
    if (isAbbreviationOf(inside.trim(), outside) || isAbbreviationOf(outside.trim(), inside)) parts.push(outside, inside);
    else parts.push(outside);
  }
  return parts.map((part) => part.trim().replace(EMPHASIS, '').trim());
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

/** Plural endings a name may end in, with what the singular ends in instead. */
const PLURAL_ENDINGS: ReadonlyArray<[plural: string, singular: string]> = [
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
const MIN_SINGULAR_LENGTH = 3;

/** The name with its last word made singular, for every plural ending it may have. */
function singularsOf(name: string): string[] {
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
  for (const [plural, singular] of PLURAL_ENDINGS) {
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
