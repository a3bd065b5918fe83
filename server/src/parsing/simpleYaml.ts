import type { Range } from '../common/text';
import type { FrontMatterField, FrontMatterItem } from './frontMatterFields';

/**
 * A fast reader for the front matter glossaries almost always have: top-level `key: value` lines,
 * one-line flow lists (`tags: [A, "B c"]`) and block lists (`- A`) of plain or simply quoted strings.
 * It gives exactly what the YAML library would, or undefined for anything else (numbers, booleans,
 * nesting, anchors, escapes, multi-line values, comments after values, duplicate keys, tabs), which
 * then goes to the library.
 */
export function readSimpleFrontMatter(source: string, rangeOf: (start: number, end: number) => Range): FrontMatterField[] | undefined {
  // Blanks JavaScript trims and YAML keeps (no-break and ideographic spaces, BOMs, ...) are the library's to read.
  if (source.includes('\t') || OTHER_BLANK.test(source)) return undefined;
  const fields: FrontMatterField[] = [];
  const keys = new Set<string>();
  let openList: { field: FrontMatterField; start: number; end: number; items: FrontMatterItem[]; indent?: number } | undefined;
  const closeList = () => {
    if (openList === undefined) return;
    if (openList.items.length > 0) {
      openList.field.value = openList.items.map((item) => item.value);
      openList.field.items = openList.items;
      openList.field.valueRange = rangeOf(openList.start, openList.end);
    }
    openList = undefined;
  };

  let offset = 0;
  while (offset < source.length) {
    let lineEnd = source.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = source.length;
    const contentEnd = source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = source.slice(offset, contentEnd);
    const lineStart = offset;
    offset = lineEnd + 1;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;

    const item = line.match(/^( *)- (.*)$/);
    if (item && openList !== undefined) {
      // Items of one list share their indentation; anything else is structure for the library.
      if (openList.indent !== undefined && openList.indent !== item[1].length) return undefined;
      openList.indent = item[1].length;
      const start = lineStart + item[1].length + 2;
      const scalar = simpleScalar(item[2], start, rangeOf);
      if (scalar === undefined) return undefined;
      if (openList.items.length === 0) openList.start = lineStart + item[1].length;
      openList.items.push({ value: scalar.value, range: scalar.range });
      // Like the library, a block list ends where the line after its last item starts.
      openList.end = Math.min(offset, source.length);
      continue;
    }
    closeList();
    const pair = line.match(/^([A-Za-z_][\w-]*):(?: +(.*))?$/);
    if (!pair || keys.has(pair[1])) return undefined;
    keys.add(pair[1]);
    const keyRange = rangeOf(lineStart, lineStart + pair[1].length);
    const rawValue = pair[2] ?? '';
    const valueStart = lineStart + line.length - rawValue.length;
    // Blanks after the colon move the library's empty value: leave those lines to it.
    if (rawValue.trim() === '' && line.length !== pair[1].length + 1) return undefined;
    if (rawValue === '') {
      // An empty value (null, as the library reads it), or the key of a block list the next lines fill.
      const afterColon = lineStart + pair[1].length + 1;
      const field: FrontMatterField = { key: pair[1], keyRange, value: null, valueRange: rangeOf(afterColon, afterColon) };
      fields.push(field);
      openList = { field, start: 0, end: 0, items: [] };
      continue;
    }
    if (rawValue.startsWith('[')) {
      const list = flowList(rawValue, valueStart, rangeOf);
      if (list === undefined) return undefined;
      fields.push({ key: pair[1], keyRange, value: list.items.map((entry) => entry.value), valueRange: list.range, items: list.items });
      continue;
    }
    const scalar = simpleScalar(rawValue, valueStart, rangeOf);
    if (scalar === undefined) return undefined;
    const field: FrontMatterField = { key: pair[1], keyRange, value: scalar.value, valueRange: scalar.range };
    if (rawValue.startsWith('"') || rawValue.startsWith("'")) field.valueQuote = rawValue[0] as '"' | "'";
    fields.push(field);
  }
  closeList();
  return fields;
}

/** White space to JavaScript (`\\s`, `trim`) that is no white space to YAML, which has only spaces, tabs and line breaks. */
const OTHER_BLANK = /[^\S \t\r\n]/;

/** Plain text YAML keeps as a string: no indicator first, no `: ` or ` #`, no number, boolean or null. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#]|:(?! |$)|(?<! )#)*$/;
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The text without its trailing spaces: `/ +$/` would retry at every space of a long run, in quadratic time. */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32 /* space */) end--;
  return text.slice(0, end);
}

function simpleScalar(raw: string, start: number, rangeOf: (start: number, end: number) => Range) {
  const text = withoutTrailingSpaces(raw);
  let value: string;
  if (/^"[^"\\]*"$/.test(text) || /^'[^']*'$/.test(text)) value = text.slice(1, -1);
  else if (PLAIN.test(text) && !NOT_A_STRING.test(text)) value = text;
  else return undefined;
  return { value, range: rangeOf(start, start + text.length), end: start + text.length };
}

/** `[a, "b c", d]` on one line; nothing after the closing bracket. */
function flowList(raw: string, start: number, rangeOf: (start: number, end: number) => Range) {
  const text = withoutTrailingSpaces(raw);
  if (!text.endsWith(']') || text.indexOf(']') !== text.length - 1 || text.includes('[', 1) || /[{}]/.test(text)) return undefined;
  const inner = text.slice(1, -1);
  const items: FrontMatterItem[] = [];
  if (inner.trim() !== '') {
    let position = 0;
    for (const piece of inner.split(',')) {
      const leading = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      // An empty piece is YAML's error or a trailing comma: the library says which.
      if (trimmed === '') return undefined;
      const itemStart = start + 1 + position + leading;
      if (/^["']/.test(trimmed) ? !/^("[^"\\]*"|'[^']*')$/.test(trimmed) : !PLAIN.test(trimmed) || NOT_A_STRING.test(trimmed) || trimmed.includes(': ')) return undefined;
      const value = /^["']/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
      items.push({ value, range: rangeOf(itemStart, itemStart + trimmed.length) });
      position += piece.length + 1;
    }
  }
  return { items, range: rangeOf(start, start + text.length) };
}
