import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { KNOWN_KEYS } from '../common/frontMatterKeys';
import { parseJsonTree, type JsonMistake } from '../common/jsonSyntax';
import { lineBreakOf, type LineIndex, type Range } from '../common/text';
import type { FrontMatter, FrontMatterField, FrontMatterItem } from './frontMatterFields';
import { readSimpleFrontMatter } from './simpleYaml';
import { DIRECTIVE_PREFIX, type CommentSpan } from './directives';
import { docusaurusYamlValue, isPinned, newKeysPlace, nodeTextEnd, parseYaml, plainValue, withinValueBounds, yamlComments, yamlDiagnostics, type YamlDocument } from './yaml';
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

// smol-toml's types describe its ES module; its CommonJS build (the `require` export) is the same API.
const { parse: parseToml } = require('smol-toml') as typeof SmolToml;

export interface SplitDocument {
  frontMatter: FrontMatter | undefined;
  /** Offset where the Markdown body starts (after the front matter, if any). */
  bodyOffset: number;
  diagnostics: GlossaryDiagnostic[];
  /** The YAML comments that may be directives, their text after the `#`. */
  comments?: CommentSpan[];
  /** Read as Hugo reads it: the opening Hugo takes for front matter and cannot read. */
  hugoOpeningProblem?: HugoOpeningProblem;
}

/** Why Hugo cannot read a page's opening as front matter, which fails its build. */
export interface HugoOpeningProblem {
  /**
   * `-` not starting `---`, `+` not starting `+++` (first, or after lines opening an HTML comment),
   * `{` with no closing brace, a JSON object that does not parse, an HTML element first (see
   * `plainHtmlStart`), or a first line opening an HTML comment that no `-->` after it closes.
   */
  kind: 'yaml-delimiter' | 'toml-delimiter' | 'json-unclosed' | 'json-invalid' | 'plain-html' | 'html-comment-unclosed';
  range: Range;
  /** Of JSON that does not parse: its first mistake (the range is its place). */
  mistake?: JsonMistake;
}

/** Hugo's page lexer skips byte order marks, blanks, tabs and line breaks before front matter (Hugo 0.111: not form feeds or vertical tabs). */
export function hugoIntroEnd(text: string, from = 0): number {
  let at = from;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) break;
  }
  return at;
}

/**
 * How Hugo's page lexer (0.111) reads a file's opening: past blanks and byte order marks, and past
 * each line that opens with an HTML comment, which it skips whole (for front matter commented out)
 * and then looks for the comment's end after the front matter. `at`: the first character after
 * them; `commentAt`: where the first such line starts, if any.
 */
function hugoIntro(text: string): { at: number; commentAt?: number } {
  let at = hugoIntroEnd(text);
  const commentAt = text.startsWith('<!--', at) ? at : undefined;
  while (text.startsWith('<!--', at)) {
    const lineBreak = text.indexOf('\n', at);
    at = lineBreak < 0 ? text.length : hugoIntroEnd(text, lineBreak + 1);
  }
  return commentAt === undefined ? { at } : { at, commentAt };
}

/**
 * Where a file Hugo reads as content opens with an HTML element, no front matter before it (see
 * `hugoIntro`): Hugo 0.111 takes it for a plain HTML document. A Markdown page so opened fails the
 * build ("plain HTML documents not supported"); an HTML content file so opened is no page.
 * Undefined where the file opens otherwise.
 */
export function plainHtmlStart(text: string): number | undefined {
  const { at } = hugoIntro(text);
  return text[at] === '<' ? at : undefined;
}

/**
 * Whether the opening reads differently as Hugo reads it: front matter after blank lines, a JSON
 * object, or an opening Hugo refuses. Such files record how they were read (`hugoReading`).
 */
export function openingDependsOnHugo(text: string): boolean {
  const start = hugoIntroEnd(text);
  const first = text[start];
  // An HTML element or comment first, which Hugo reads its own way (see `hugoIntro`).
  if (first === '<') return true;
  if (first !== '-' && first !== '+' && first !== '{') return false;
  const plainStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // TOML and JSON front matter, whose delimiters Hugo reads its own way.
  if (start !== plainStart || first !== '-' || !text.startsWith('---', start)) return true;
  // Hugo reads the rest of the opening line as front matter.
  const next = text[start + 3];
  return next !== undefined && next !== '\n' && next !== '\r';
}

/**
 * Front matter after blank lines, outside a Hugo site: Docusaurus (gray-matter) and most tools read
 * it as Markdown, a rule and a heading. Told only where it reads as keys with values, as Hugo would
 * read it, one of them a key of front matter as written (`title`, `tags`; not `Summary`): a rule
 * and a heading `Hinweis: neu` read as a key too, and the fix, which removes what comes before
 * it, would hide them.
 */
function misplacedFrontMatter(text: string, lines: LineIndex, start: number): GlossaryDiagnostic | undefined {
  const at = hugoIntroEnd(text);
  // A "---" line alone, after blanks only: with more on the line, gray-matter would read a language.
  if (at === start || !/^---[ \t]*(?:\r?\n|$)/.test(text.slice(at, at + 200)) || /[^ \t\r\n]/.test(text.slice(start, at))) return undefined;
  const read = splitFrontMatter(text, lines, true);
  if (read.frontMatter === undefined || read.diagnostics.length > 0 || !read.frontMatter.fields.some((field) => KNOWN_KEYS.has(field.key))) return undefined;
  return {
    range: lines.rangeAt(start, at + 3),
    severity: 'warning',
    code: 'misplaced-front-matter',
    message: l10n.t('This front matter does not start on the first line: Docusaurus, like most Markdown tools, reads it as Markdown, a rule and a heading. Remove the blank lines before it.'),
    suggestion: '---',
  };
}

/** Where in `source` a TOML reader's error is (its `line` and `column` count from 1); undefined where it says not. */
function tomlErrorOffset(source: string, error: unknown): number | undefined {
  const { line, column } = error as { line?: unknown; column?: unknown };
  if (typeof line !== 'number' || typeof column !== 'number' || line < 1 || column < 1) return undefined;
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const lineBreak = source.indexOf('\n', offset);
    if (lineBreak < 0) return source.length;
    offset = lineBreak + 1;
  }
  return Math.min(offset + column - 1, source.length);
}

function hugoOpeningProblemAt(text: string, start: number, lines: LineIndex): HugoOpeningProblem | undefined {
  if (text[start] === '<') {
    const { at, commentAt } = hugoIntro(text);
    const lineOf = (offset: number) => lines.rangeAt(offset, lines.lineEndOffset(lines.positionAt(offset).line));
    if (text[at] === '<') return { kind: 'plain-html', range: lineOf(at) };
    // Past the comment's first line, a body without front matter: Hugo looks for the comment's end after its first character.
    // Hugo looks for the comment's end after the front matter that follows, else after the body's first character.
    // Hugo looks for the comment's end after the front matter that follows (and its line break), else after the body's first character; not at the file's end.
    const matterEnd = text[at] === '{' ? undefined : '-+'.includes(text[at]) || text.startsWith('#+', at) ? hugoFrontMatterEnd(text, at) : undefined;
    const searchFrom = matterEnd === undefined ? (text[at] === '{' || '-+'.includes(text[at] ?? '') ? undefined : at + 1) : matterEnd + (text.startsWith('\r\n', matterEnd) ? 2 : text[matterEnd] === '\n' || text[matterEnd] === '\r' ? 1 : 0);
    // Hugo reads the content past the front matter only of a page it builds: not of a draft, nor of one out of date (a date not yet past, or expiring), which this reading does not judge.
    const mayBeUnbuilt =
      matterEnd !== undefined &&
      [...text.slice(at, matterEnd).matchAll(/^(?:#\+)?[ \t]*["']?(?:draft["']?[ \t]*[:=][ \t]*["']?(?:true|yes|on)\b|(?:expirydate|unpublishdate)["']?[ \t]*[:=]|(?:date|publishdate|pubdate|published)["']?[ \t]*[:=][ \t]*["']?(\d{4}))/gim)].some(
        (match) => match[1] === undefined || Number(match[1]) >= new Date().getUTCFullYear(),
      );
    if (commentAt !== undefined && searchFrom !== undefined && searchFrom < text.length && text.indexOf('-->', searchFrom) < 0 && !mayBeUnbuilt) return { kind: 'html-comment-unclosed', range: lineOf(commentAt) };
    // Front matter after the comment: Hugo reads it there (not modelled), or refuses a delimiter it cannot read.
    if (commentAt === undefined || (text[at] !== '-' && text[at] !== '+') || text.startsWith(text[at].repeat(3), at)) return undefined;
    return { kind: text[at] === '-' ? 'yaml-delimiter' : 'toml-delimiter', range: lineOf(at) };
  }
  const first = text[start];
  if ((first === '-' || first === '+') && !text.startsWith(first.repeat(3), start)) {
    const end = lines.lineEndOffset(lines.positionAt(start).line);
    return { kind: first === '-' ? 'yaml-delimiter' : 'toml-delimiter', range: lines.rangeAt(start, end) };
  }
  if (first !== '{') return undefined;
  const end = jsonObjectEnd(text, start);
  if (end === undefined) return { kind: 'json-unclosed', range: lines.rangeAt(start, start + 1) };
  try {
    JSON.parse(text.slice(start, end));
    return undefined;
  } catch {
    // At the first mistake where the JSON reader finds one, as Hugo's message names it; else over the whole object.
    const error = parseJsonTree(text.slice(start, end), false).error;
    if (error === undefined) return { kind: 'json-invalid', range: lines.rangeAt(start, end) };
    const at = start + error.start;
    return { kind: 'json-invalid', range: lines.rangeAt(at, Math.max(start + error.end, at + 1)), mistake: error.mistake };
  }
}

/**
 * Where YAML or TOML front matter (`---`, `+++`) or Org mode's (`#+` lines) opening at `start` ends
 * as Hugo's lexer finds it: after the closing delimiter at a line's start, or the last `#+` line;
 * undefined where a delimiter is not tripled or never closes (Hugo's own errors).
 */
function hugoFrontMatterEnd(text: string, start: number): number | undefined {
  if (text[start] === '#') {
    let end = start;
    while (text.startsWith('#+', end)) {
      const lineBreak = text.indexOf('\n', end);
      if (lineBreak < 0) return text.length;
      end = lineBreak + 1;
    }
    return end;
  }
  const delimiter = text[start].repeat(3);
  if (!text.startsWith(delimiter, start)) return undefined;
  for (let lineBreak = text.indexOf('\n', start); lineBreak >= 0; lineBreak = text.indexOf('\n', lineBreak + 1)) {
    if (text.startsWith(delimiter, lineBreak + 1)) return lineBreak + 1 + delimiter.length;
  }
  return undefined;
}

/** The end of the object opening at `start` as Hugo's lexer finds it: braces counted outside quotes, a backslash skipping the next character. */
function jsonObjectEnd(text: string, start: number): number | undefined {
  let level = 0;
  let inQuote = false;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"') inQuote = !inQuote;
    else if (char === '\\') at++;
    else if (!inQuote && char === '{') level++;
    else if (!inQuote && char === '}' && --level === 0) return at + 1;
  }
  return undefined;
}

/**
 * Splits off the front matter. `asHugo` reads the opening as Hugo's page lexer does: front matter
 * may follow blank lines, a JSON object ends at its closing brace, and an opening Hugo cannot read
 * as front matter is told (`hugoOpeningProblem`).
 */
export function splitFrontMatter(text: string, lines: LineIndex, asHugo = false): SplitDocument {
  const diagnostics: GlossaryDiagnostic[] = [];
  // A byte order mark may precede the front matter; positions keep counting it.
  const afterMark = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = asHugo ? hugoIntroEnd(text) : afterMark;
  const hugoOpeningProblem = asHugo ? hugoOpeningProblemAt(text, start, lines) : undefined;
  if (hugoOpeningProblem !== undefined) return { frontMatter: undefined, bodyOffset: afterMark, diagnostics, hugoOpeningProblem };
  const hugo = hugoFrontMatter(text, lines, start, asHugo, diagnostics);
  if (hugo !== undefined) return { ...hugo, diagnostics };
  const { open, matterOffset, closing } = delimitersOf(text, start, asHugo);
  if (matterOffset === undefined) {
    const misplaced = asHugo ? undefined : misplacedFrontMatter(text, lines, start);
    if (misplaced !== undefined) diagnostics.push(misplaced);
    // The blanks Hugo skipped before no front matter are the body's: an indented first line is code.
    return { frontMatter: undefined, bodyOffset: afterMark, diagnostics };
  }

  const language = text.slice(open + 3, matterOffset).trim();
  if (closing === -1) {
    diagnostics.push({
      range: lines.rangeAt(open, open + 3),
      severity: 'error',
      code: 'unclosed-front-matter',
      message: l10n.t('Front matter is not closed: add a line "---" after it.'),
    });
    return { frontMatter: undefined, bodyOffset: 0, diagnostics };
  }
  const bodyOffset = bodyOffsetAfter(text, closing);
  const closingLineEnd = lines.lineEndOffset(lines.positionAt(closing + 1).line);
  const range = lines.rangeAt(lines.lineStartOffset(lines.positionAt(open).line), closingLineEnd);

  if (language !== '' && !/^ya?ml$/i.test(language)) {
    diagnostics.push({
      range: lines.rangeAt(open + 3, matterOffset),
      severity: 'error',
      code: 'front-matter-language',
      message: l10n.t('Front matter in "{0}" is not read: only YAML front matter is supported.', language),
    });
    return { frontMatter: { range, fields: [] }, bodyOffset, diagnostics };
  }

  const source = yamlOf(text, matterOffset, closing);
  const fields = parseYamlFields(source, matterOffset, lines, diagnostics, asHugo);
  const comments = source.includes(DIRECTIVE_PREFIX) ? yamlComments(source, MAX_YAML_FRONT_MATTER).map(([start, end]): CommentSpan => [matterOffset + start + 1, matterOffset + end]) : [];
  return { frontMatter: { range, fields }, bodyOffset, diagnostics, comments };
}

/**
 * Hugo's other front matter: TOML between `+++` lines, or a JSON object from the first line to a
 * line `}`. Its top-level keys are read as fields, for the site's rules and the term, each pinned:
 * no fix edits it. Each field's ranges are its key and the rest of its line, found by a scan of
 * the lines (a table `[_build]` is the key `_build`). Undefined when the text opens neither.
 */
function hugoFrontMatter(text: string, lines: LineIndex, open: number, asHugo: boolean, diagnostics: GlossaryDiagnostic[]): Omit<SplitDocument, 'diagnostics'> | undefined {
  const openLine = lines.positionAt(open).line;
  const matterStart = lines.lineStartOffset(openLine);
  // Hugo reads a line that starts with "+++" as a delimiter, the rest of the opening line as TOML.
  const tomlDelimiter = asHugo ? /^\+\+\+/ : /^\+\+\+[ \t]*\r?$/;
  const format = tomlDelimiter.test(text.slice(open, lines.lineEndOffset(openLine))) ? 'toml' : text[open] === '{' ? 'json' : undefined;
  if (format === undefined) return undefined;
  // Hugo ends a JSON object at its closing brace (its opening is judged before); elsewhere a line `}` ends it.
  const hugoJsonEnd = format === 'json' && asHugo ? jsonObjectEnd(text, open) : undefined;
  const closingLine = hugoJsonEnd !== undefined ? lines.positionAt(hugoJsonEnd).line : findLine(lines, openLine + 1, (line) => (format === 'toml' ? tomlDelimiter.test(line) : /^\}[ \t]*$/.test(line)));
  if (closingLine === undefined) {
    if (format === 'json') return undefined;
    diagnostics.push({ range: lines.rangeAt(open, open + 3), severity: 'error', code: 'unclosed-front-matter', message: l10n.t('Front matter is not closed: add a line "{0}" after it.', '+++') });
    return { frontMatter: undefined, bodyOffset: 0 };
  }
  const end = hugoJsonEnd ?? lines.lineEndOffset(closingLine);
  const bodyOffset = hugoJsonEnd !== undefined ? afterLineBreak(text, hugoJsonEnd) : closingLine + 1 < lines.lineCount ? lines.lineStartOffset(closingLine + 1) : text.length;
  const sourceStart = format === 'toml' ? (asHugo ? open + 3 : lines.lineStartOffset(openLine + 1)) : open;
  const source = format === 'toml' ? text.slice(sourceStart, lines.lineStartOffset(closingLine)) : text.slice(open, end);
  let values: unknown;
  try {
    if (source.length > MAX_YAML_FRONT_MATTER) throw new Error(l10n.t('longer than {0} characters', MAX_YAML_FRONT_MATTER));
    // Bounded as the Hugo configuration is: nesting, and no keys that would reach an object's prototype.
    values = format === 'toml' ? plainTomlValue(parseToml(source, { maxDepth: 32, unsafeKeyBehaviour: 'drop' })) : JSON.parse(source);
  } catch (error) {
    if (format === 'json') return undefined;
    // At the place the TOML reader names (its line and column, from 1), else the whole front matter.
    const at = tomlErrorOffset(source, error);
    const place = at === undefined ? undefined : sourceStart + at;
    const range = place === undefined ? lines.rangeAt(open, end) : lines.rangeAt(place, Math.min(place + 1, lines.lineEndOffset(lines.positionAt(place).line)));
    diagnostics.push({ range, severity: 'error', code: 'front-matter-language', message: l10n.t('TOML front matter that does not parse: {0}', (error as Error).message.split('\n')[0]) });
    return { frontMatter: { range: lines.rangeAt(matterStart, end), fields: [], format }, bodyOffset };
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return format === 'json' ? undefined : { frontMatter: { range: lines.rangeAt(matterStart, end), fields: [], format }, bodyOffset };
  const fields: FrontMatterField[] = [];
  const first = format === 'json' ? openLine : openLine + 1;
  const keyLines = topLevelLines(lines, first, closingLine, format);
  for (const [key, written] of Object.entries(values)) {
    // Past the bounds of a YAML value, a value is not read, as in YAML.
    const value = withinValueBounds(written) ? written : undefined;
    const place = keyPlace(lines, keyLines, key, format);
    const keyRange = place === undefined ? lines.rangeAt(open, open) : lines.rangeAt(place.keyStart, place.keyEnd);
    // A text written as one string on its line: the range is the string, quotes and all.
    const literal = place !== undefined && typeof value === 'string' ? stringLiteralAt(text.slice(place.valueStart, place.valueEnd), value) : undefined;
    const valueRange = place === undefined ? keyRange : lines.rangeAt(place.valueStart, place.valueStart + (literal ?? place.valueEnd - place.valueStart));
    const field: FrontMatterField = { key, keyRange, value, valueRange, keyPinned: true, valuePinned: true };
    // A string of TOML or JSON is always quoted: a text, never one of YAML 1.1's words (Hugo builds `draft = "yes"`).
    if (typeof value === 'string') field.valueQuote = format === 'toml' && place !== undefined && text[place.valueStart] === "'" ? "'" : '"';
    if (Array.isArray(value)) field.items = value.map((item) => ({ value: item, range: valueRange, pinned: true as const }));
    fields.push(field);
  }
  return { frontMatter: { range: lines.rangeAt(matterStart, end), fields, format }, bodyOffset };
}

/** The length of a one-line string literal (`"…"` or `'…'`) at the start of a value's text that reads as `value`; undefined for any other. */
function stringLiteralAt(valueText: string, value: string): number | undefined {
  const literal = /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')/.exec(valueText)?.[0];
  if (literal === undefined || /^(?:""|'')['"]/.test(valueText)) return undefined;
  let read: unknown;
  try {
    read = literal.startsWith("'") ? literal.slice(1, -1) : JSON.parse(literal);
  } catch {
    return undefined;
  }
  return read === value ? literal.length : undefined;
}

/** TOML's values as YAML's reader gives them: dates as the text they were written as. */
function plainTomlValue(value: unknown): unknown {
  if (value instanceof Date) return (value as Date & { toISOString(): string }).toISOString();
  if (Array.isArray(value)) return value.map(plainTomlValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainTomlValue(inner)]));
  return value;
}

function findLine(lines: LineIndex, from: number, test: (line: string) => boolean): number | undefined {
  for (let line = from; line < lines.lineCount; line++) if (test(lines.lineText(line))) return line;
  return undefined;
}

/**
 * The lines of a TOML or JSON front matter that a top-level key may start: in TOML those that do
 * not start inside a multi-line string or array (a table's header opens and closes on its line), in
 * JSON those that start inside the outer object alone (a nested object's `"title"` is another key).
 * One pass over the front matter, strings and comments read.
 */
function topLevelLines(lines: LineIndex, first: number, closing: number, format: 'toml' | 'json'): number[] {
  const text = lines.text;
  const keyLines: number[] = [];
  let depth = 0;
  let openString: string | undefined;
  for (let line = first; line < closing; line++) {
    if (openString === undefined && depth === (format === 'toml' ? 0 : 1)) keyLines.push(line);
    const end = lines.lineEndOffset(line);
    for (let at = lines.lineStartOffset(line); at < end; at++) {
      const character = text[at];
      if (openString !== undefined) {
        if (character === '\\' && !openString.startsWith("'")) at++;
        else if (text.startsWith(openString, at)) {
          at += openString.length - 1;
          openString = undefined;
        }
      } else if (format === 'toml' && character === '#') break;
      else if (character === '"' || (format === 'toml' && character === "'")) {
        openString = format === 'toml' && text.startsWith(character.repeat(3), at) ? character.repeat(3) : character;
        at += openString.length - 1;
      } else if (character === '{' || character === '[') depth++;
      else if (character === '}' || character === ']') depth--;
    }
    // Only a multi-line string goes on past its line.
    if (openString?.length === 1) openString = undefined;
  }
  return keyLines;
}

/**
 * Where a top-level key is written, and the rest of its line: `key = value` (TOML, before any
 * table), `[key]`, `"key": value` (JSON: the last of a key written twice, whose value Hugo's JSON
 * reader keeps, as `JSON.parse` does).
 */
function keyPlace(lines: LineIndex, keyLines: number[], key: string, format: 'toml' | 'json') {
  const quoted = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = format === 'json' ? new RegExp(`^([ \\t]*)"${quoted}"[ \\t]*:[ \\t]*`) : new RegExp(`^([ \\t]*)(?:${quoted}|"${quoted}"|'${quoted}')[ \\t]*=[ \\t]*`);
  const table = new RegExp(`^([ \\t]*)\\[[ \\t]*(?:${quoted}|"${quoted}")[ \\t]*\\]`);
  let inTable = false;
  for (const line of format === 'json' ? [...keyLines].reverse() : keyLines) {
    const lineText = lines.lineText(line);
    const start = lines.lineStartOffset(line);
    const header = format === 'toml' ? table.exec(lineText) : null;
    if (header !== null) return { keyStart: start + header[1].length, keyEnd: start + header[0].length, valueStart: start + header[0].length, valueEnd: start + lineText.trimEnd().length };
    if (format === 'toml' && /^[ \t]*\[/.test(lineText)) inTable = true;
    const match = inTable ? null : pattern.exec(lineText);
    if (match !== null) return { keyStart: start + match[1].length, keyEnd: start + match[0].trimEnd().replace(/[=:]$/, '').trimEnd().length, valueStart: start + match[0].length, valueEnd: start + Math.max(match[0].length, lineText.trimEnd().length) };
  }
  return undefined;
}

/**
 * Where the front matter's delimiters are: the byte order mark's length, the end of the opening
 * line (undefined when the text opens no front matter) and the line break before the closing
 * line (-1 when there is none).
 */
function delimitersOf(text: string, open: number, asHugo: boolean): { open: number; matterOffset?: number; closing: number } {
  if (!text.startsWith('---', open) || (!asHugo && text[open + 3] === '-')) return { open, closing: -1 };
  // Hugo reads the rest of the opening line as YAML (a comment, or what fails its build: "----", "--- yaml"); gray-matter as a language.
  const matterOffset = open + 3 + (asHugo ? 0 : text.slice(open + 3).search(/\r?\n|$/));
  return { open, matterOffset, closing: text.indexOf('\n---', matterOffset) };
}

/**
 * Where the body starts, as gray-matter (Docusaurus's parser) splits it: right after the closing
 * "\n---", less one "\r" and then one "\n" (the rest of a "----" or "--- x" line is body). Done
 * here rather than by gray-matter, which copied each block into a Buffer and set up its options per
 * file (5 % of indexing); test/unit/parsing.test.ts holds the two to the same split.
 */
function bodyOffsetAfter(text: string, closing: number): number {
  return afterLineBreak(text, closing + '\n---'.length);
}

/** After one "\r", then one "\n", where they follow `offset`. */
function afterLineBreak(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13 /* \r */) offset++;
  if (text.charCodeAt(offset) === 10 /* \n */) offset++;
  return offset;
}

/** Up to and including the line break before the closing "---": YAML reads a trailing lone "\r" as text. */
function yamlOf(text: string, matterOffset: number, closing: number): string {
  return text.slice(matterOffset, closing + 1);
}

/**
 * Where new keys go in a document's front matter, in its style (see `newKeysPlace`), with
 * positions in the document; undefined when there is no front matter, or its YAML has errors or
 * is not a map.
 */
export function frontMatterNewKeysPlace(text: string, lines: LineIndex, asHugo = false) {
  const { open, matterOffset, closing } = delimitersOf(text, asHugo ? hugoIntroEnd(text) : text.charCodeAt(0) === 0xfeff ? 1 : 0, asHugo);
  const language = text.slice(open + 3, matterOffset).trim();
  if (matterOffset === undefined || closing === -1 || (language !== '' && !/^ya?ml$/i.test(language))) return undefined;
  const source = yamlOf(text, matterOffset, closing);
  const place = newKeysPlace(parseYaml(source, MAX_YAML_FRONT_MATTER), source, lineBreakOf(text));
  return place && { ...place, at: lines.positionAt(matterOffset + place.at) };
}

function parseYamlFields(
  source: string,
  baseOffset: number,
  lines: LineIndex,
  diagnostics: GlossaryDiagnostic[],
  asHugo: boolean,
): FrontMatterField[] {
  const rangeOf = (start: number, end: number) => lines.rangeAt(baseOffset + start, baseOffset + end);
  return readSimpleFrontMatter(source, rangeOf) ?? readYamlFields(source, rangeOf, diagnostics, asHugo);
}

/**
 * Front matter is a few hundred characters; what the simple reader cannot read goes to the YAML
 * library only up to this length, which it parses within a fraction of a second however broken.
 */
const MAX_YAML_FRONT_MATTER = 64 * 1024;

/** Reads front-matter YAML with the YAML library: any YAML, its errors and warnings included; `asHugo`: in a Hugo site, whose reader the warnings name. */
export function readYamlFields(source: string, rangeOf: (start: number, end: number) => Range, diagnostics: GlossaryDiagnostic[], asHugo = false): FrontMatterField[] {
  const document = parseYaml(source, MAX_YAML_FRONT_MATTER);
  // Hugo's YAML reader takes a tag it does not know (`title: !foo Bar`) for none, and builds.
  if (asHugo) document.warnings = document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED');
  // Where the library finds a problem, what Docusaurus reads decides: js-yaml may read it all the same.
  const docusaurusRead = document.errors.length + document.warnings.length > 0 ? docusaurusYamlValue(source) : undefined;
  const readMap = docusaurusRead !== undefined && isPlainMap(docusaurusRead.value) ? docusaurusRead.value : undefined;
  for (const diagnostic of yamlDiagnostics(document, rangeOf, readMap === undefined ? undefined : asHugo ? 'hugo' : 'docusaurus')) diagnostics.push(diagnostic);
  if (readMap !== undefined) return fieldsAsRead(readMap, yamlFieldsOf(document, source, rangeOf, []), source, rangeOf);
  const fields = yamlFieldsOf(document, source, rangeOf, diagnostics);
  // A merge key (`<<: *base`) brings in the keys of another map, as js-yaml and Hugo's go-yaml read
  // it: the fields as js-yaml reads them, none to be fixed (a title may come from the merged map).
  if (isMap(document.contents) && document.contents.items.some((pair) => isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<')) {
    const merged = docusaurusYamlValue(source);
    if (merged !== undefined && isPlainMap(merged.value)) return fieldsAsRead(merged.value, fields, source, rangeOf);
  }
  return fields;
}

const isPlainMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value);

/**
 * The fields as js-yaml read them, where the YAML library read only part (see `readYamlFields`):
 * its values, at the places the library found each key (else where the key starts a line, else at
 * the start), none of them to be fixed, as in TOML and JSON front matter.
 */
function fieldsAsRead(read: Record<string, unknown>, partial: FrontMatterField[], source: string, rangeOf: (start: number, end: number) => Range): FrontMatterField[] {
  return Object.entries(read).map(([key, written]) => {
    const known = partial.find((field) => field.key === key);
    // Past the bounds of a YAML value, a value is not read, as in YAML.
    const value = withinValueBounds(written) ? written : undefined;
    const keyAt = known === undefined ? lineStartingWith(source, key) : undefined;
    const keyRange = known?.keyRange ?? rangeOf(keyAt ?? 0, (keyAt ?? 0) + (keyAt === undefined ? 0 : key.length));
    const valueRange = known?.valueRange ?? keyRange;
    const field: FrontMatterField = { key, keyRange, value, valueRange, keyPinned: true, valuePinned: true };
    if (Array.isArray(value)) field.items = value.map((item, position) => ({ value: item, range: known?.items?.[position]?.range ?? valueRange, pinned: true as const }));
    return field;
  });
}

/** Where a line of `source` starts with `key` and a colon. */
function lineStartingWith(source: string, key: string): number | undefined {
  for (let at = source.indexOf(key); at !== -1; at = source.indexOf(key, at + 1)) {
    if ((at === 0 || source[at - 1] === '\n') && /^[ \t]*:/.test(source.slice(at + key.length, at + key.length + 64))) return at;
  }
  return undefined;
}

/** The fields of a parsed front matter, its problems with the map itself in `diagnostics`. */
function yamlFieldsOf(document: YamlDocument, source: string, rangeOf: (start: number, end: number) => Range, diagnostics: GlossaryDiagnostic[]): FrontMatterField[] {
  const contents = document.contents;
  if (contents === null || contents === undefined) return [];
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, source.length];
    diagnostics.push({
      range: rangeOf(start, end),
      severity: 'error',
      code: 'front-matter-not-a-map',
      message: l10n.t('Front matter must be a map of keys to values, such as "title: My term".'),
    });
    return [];
  }

  const fields: FrontMatterField[] = [];
  // An alias of the whole map reads every key and value through it.
  const allPinned = isPinned(contents, document);
  const pinned = (node: unknown) => allPinned || isPinned(node, document);
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const keyRange = pair.key.range;
    const valueNode = pair.value as YamlNode | null;
    const valueSpan = valueNode?.range ? textSpan(source, valueNode) : [keyRange[1], keyRange[1]];
    const field: FrontMatterField = {
      key: String(pair.key.value),
      keyRange: rangeOf(keyRange[0], keyRange[1]),
      value: plainValue(valueNode, document),
      valueRange: rangeOf(valueSpan[0], valueSpan[1]),
    };
    if (pinned(pair.key)) field.keyPinned = true;
    if (pinned(valueNode)) field.valuePinned = true;
    if (isScalar(valueNode) && (valueNode.type === 'QUOTE_DOUBLE' || valueNode.type === 'QUOTE_SINGLE')) field.valueQuote = valueNode.type === 'QUOTE_DOUBLE' ? '"' : "'";
    if (isSeq(valueNode)) {
      field.items = valueNode.items.map((item) => {
        const node = item as YamlNode;
        const span = node.range ? textSpan(source, node) : valueSpan;
        const read: FrontMatterItem = { value: plainValue(node, document), range: rangeOf(span[0], span[1]) };
        if (field.valuePinned || pinned(node)) read.pinned = true;
        return read;
      });
    }
    fields.push(field);
  }
  return fields;
}

/**
 * A node's place: a scalar's without the line breaks the library counts into a block scalar; an
 * empty value's right after its colon (the library puts it before a comment there), where a value
 * written in its place keeps the blank before the comment.
 */
function textSpan(source: string, node: YamlNode): [number, number] {
  const [start, end] = node.range!;
  if (!isScalar(node)) return [start, end];
  if (start === end && node.value === null) {
    let afterColon = start;
    while (afterColon > 0 && /[ \t]/.test(source[afterColon - 1])) afterColon--;
    if (source[afterColon - 1] === ':') return [afterColon, afterColon];
  }
  return [start, nodeTextEnd(source, start, end)];
}

