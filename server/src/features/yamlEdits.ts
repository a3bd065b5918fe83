import { parseDocument } from 'yaml';
import type { Range } from '../common/text';

/**
 * The one writer of YAML text: every edit to front matter or a tags file writes values with it,
 * so a value reads back as exactly the string it was meant to be, whoever reads it (the `yaml`
 * library, Docusaurus's js-yaml, Hugo's go-yaml, which still reads YAML 1.1 booleans and numbers).
 */

/** First characters that make YAML read plain text as something else: indicators and blanks. */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/**
 * Characters kept out of plain text altogether, so one rule holds in block and flow context, as a
 * key and as a value: flow indicators, `:` and `#` (a map or a comment), line breaks and anything
 * not printable, and blanks other than the space.
 */
const NEVER_PLAIN = /[,[\]{}:#\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufffe\uffff]|[\ud800-\udfff]/u;
/** What go-yaml and YAML 1.1 give a meaning of their own as plain text (a merge key, the value key). */
const SPECIAL_PLAIN = new Set(['<<', '=']);

/** A YAML scalar for a string: plain where every reader reads it back as that string, else double-quoted. */
export function yamlString(value: string): string {
  return readsAsString(value) ? value : doubleQuoted(value);
}

/** What single quotes cannot hold as it is: line breaks (folded), and what YAML does not print. */
const NOT_SINGLE_QUOTED = /[\p{Cc}\p{Zl}\p{Zp}\u0085\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;

/**
 * A YAML scalar for a string in the quotes of the scalar it replaces (`written`, as in the file):
 * double quotes stay double, single quotes single where they can hold the string; a plain or block
 * scalar is written as `yamlString` writes it.
 */
export function yamlStringLike(value: string, written: string): string {
  if (written.startsWith('"')) return doubleQuoted(value);
  if (written.startsWith("'") && !NOT_SINGLE_QUOTED.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return yamlString(value);
}

/** Words of letters YAML 1.1 or 1.2 reads as a boolean or null, in any of their spellings. */
const RESERVED_WORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);

/** Whether every reader (YAML 1.1 and 1.2) reads the text, written plain, back as that string. */
export function readsAsString(value: string): boolean {
  if (value === '' || INDICATOR_FIRST.test(value) || /\s$/.test(value) || NEVER_PLAIN.test(value) || SPECIAL_PLAIN.has(value)) return false;
  // Words of letters are numbers or dates to no reader: only the reserved words need the parser
  // (completion writes every tag it offers through here, on every keystroke).
  if (/^\p{L}[\p{L} _-]*$/u.test(value)) return !RESERVED_WORDS.has(value.toLowerCase());
  // Numbers, booleans, null and dates as YAML 1.2 and YAML 1.1 resolve them (yes, 0x10, 1_000, 2024-01-01, …).
  return (['1.2', '1.1'] as const).every((version) => parseDocument(value, { version }).contents?.toJSON() === value);
}

/**
 * The text Hugo makes of a plain scalar its YAML 1.1 reads as a boolean or a number, as its `cast`
 * writes them: `on` → `true`, `1_000` → `1000`, `0x10` → `16`; undefined for any other.
 */
export function hugoTextOfPlain(value: string): string | undefined {
  const read: unknown = parseDocument(value, { version: '1.1' }).contents?.toJSON();
  if (typeof read === 'boolean') return String(read);
  // Go writes floats without an exponent: leave those JavaScript would write with one.
  if (typeof read === 'number' && Number.isFinite(read) && !/e/i.test(String(read))) return String(read);
  return undefined;
}

/** JSON's escapes are YAML's; YAML also wants the characters JSON leaves alone but YAML does not print. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A flow list of strings: `[a, "b: c"]`. */
export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

/**
 * The edit that makes a YAML node's value (its range as the parser gives it) the string given, in
 * the `quote` it was written in where that holds it; an empty value's range is the point after its
 * colon, where the value needs a blank before it.
 */
export function replaceValue(range: Range, value: string, quote = ''): { range: Range; newText: string } {
  const isEmpty = range.start.line === range.end.line && range.start.character === range.end.character;
  return { range, newText: (isEmpty ? ' ' : '') + yamlStringLike(value, quote) };
}
