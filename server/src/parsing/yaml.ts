import * as l10n from '@vscode/l10n';
import { isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, Parser, visit, YAMLParseError, type Alias, type CST, type Document, type Node as YamlNode, type Pair, type YAMLError, type YAMLMap } from 'yaml';

type CollectionItem = CST.CollectionItem;
type SourceToken = CST.SourceToken;
import type * as JsYaml from './jsYaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { Range } from '../common/text';

/**
 * Caps the nodes one value may expand to, aliases included, and how deep it may nest, so a "billion
 * laughs" document or ten thousand nested brackets cannot exhaust memory, time or the stack.
 */
export const MAX_VALUE_NODES = 10_000;
export const MAX_VALUE_DEPTH = 64;

export type YamlDocument = Document.Parsed;

/**
 * YAML the parser would spend unbounded time or stack on is refused before parsing. It recurses
 * once per level of nesting, by brackets or by indentation and block indicators (`- - - a`), and
 * at the stack's limit V8 can abort the whole process while compiling a regular expression; it
 * resolves aliases in time that grows faster than their number.
 */
const MAX_BRACKET_DEPTH = 100;
const MAX_BLOCK_DEPTH = 100;
const MAX_ALIASES = 1_000;
const TOO_DEEP = 'nested too deep';
const BLOCKS_TOO_DEEP = 'blocks nested too deep';
const TOO_MANY_ALIASES = 'too many aliases';
const TOO_LONG = 'too long';
/** An alias (`*name`) where a value can start: after a space, a bracket, a comma or a line start. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/g;
/** Problems reported per YAML text; a broken file can have one per character. */
const MAX_PROBLEMS = 100;

/**
 * Parses YAML as data only: no custom tags, bounded aliases and nesting, duplicate keys reported.
 * YAML longer than `maxLength` is refused: the library spends 7 to 9 µs a character on broken
 * YAML (an error object per character of `}}}…`), which held the server for seconds a keystroke.
 */
export function parseYaml(source: string, maxLength = Infinity): YamlDocument {
  const refusal = refusalOf(source, maxLength);
  if (refusal === undefined) {
    return withoutStackTraces(() => {
      // The library's own check of unique keys compares each key with every key before it.
      const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: true });
      document.errors = inPositionOrder(document.errors, [...duplicateKeyErrors(document), ...unresolvedAliasErrors(document, source)].sort((a, b) => a.pos[0] - b.pos[0]));
      return document;
    });
  }
  const refused = parseDocument('');
  refused.errors.push(new YAMLParseError([refusal.at, refusal.at + 1], 'RESOURCE_EXHAUSTION', refusal.reason));
  return refused;
}

/**
 * The comments of a YAML text as the parser reads them, each as [start, end) from its `#`: a `#`
 * line inside a block scalar or a quoted string is content, not a comment. None for YAML that
 * `parseYaml` refuses.
 */
export function yamlComments(source: string, maxLength = Infinity): Array<[number, number]> {
  if (refusalOf(source, maxLength) !== undefined) return [];
  const comments: Array<[number, number]> = [];
  // The syntax tree is bounded in depth by the refusal above; comments sit in any of its token lists.
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value !== null && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: number; source?: string };
      if (token.type === 'comment') comments.push([token.offset!, token.offset! + token.source!.length]);
      else for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    }
  };
  withoutStackTraces(() => {
    for (const token of new Parser().parse(source)) walk(token);
  });
  return comments.sort((a, b) => a[0] - b[0]);
}

function refusalOf(source: string, maxLength: number): { at: number; reason: string } | undefined {
  const bracketsAt = offsetBracketsTooDeep(source);
  if (bracketsAt !== undefined) return { at: bracketsAt, reason: TOO_DEEP };
  const blocksAt = offsetBlocksTooDeep(source);
  if (blocksAt !== undefined) return { at: blocksAt, reason: BLOCKS_TOO_DEEP };
  const aliasAt = offsetOfAliasPastBound(source);
  if (aliasAt !== undefined) return { at: aliasAt, reason: TOO_MANY_ALIASES };
  if (source.length > maxLength) return { at: Math.max(0, source.search(/[^\r\n]/)), reason: `${TOO_LONG} ${maxLength}` };
  return undefined;
}

/**
 * Runs a parse without capturing stack traces: the parser makes an Error object per problem, and
 * on a broken file of thousands of problems capturing their stacks was most of the time spent.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Where `[` and `{` first nest deeper than the bound, counted without regard to quotes (over-strict only for absurd strings). */
function offsetBracketsTooDeep(source: string): number | undefined {
  let depth = 0;
  for (let offset = 0; offset < source.length; offset++) {
    const code = source.charCodeAt(offset);
    if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > MAX_BRACKET_DEPTH) return offset;
    } else if ((code === 93 /* ] */ || code === 125) /* } */ && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

const isLineBreak = (code: number) => code === 10 /* \n */ || code === 13; /* \r */
const isBlankOrEnd = (code: number) => code === 32 || code === 9 /* \t */ || isLineBreak(code) || Number.isNaN(code);

/**
 * Where block lists and maps first nest deeper than the bound, by an upper bound of their depth:
 * a line lies in the nearest line above it that is indented less, and opens one level for each
 * block indicator of the chain it starts with: `- ` and `? ` after its indentation or after another
 * indicator, and a key's `: ` when what follows it is another indicator or nothing (the value on
 * the lines below). A `: ` before a value (`{a: 1, b: 2}`, `"x: y"`, `title: a: b`) opens none.
 */
function offsetBlocksTooDeep(source: string): number | undefined {
  // The lines that enclose the current one: their indentation and the depth they reach.
  const enclosing: Array<{ indent: number; depth: number }> = [];
  let offset = 0;
  while (offset < source.length) {
    const lineStart = offset;
    while (source.charCodeAt(offset) === 32 /* space */) offset++;
    const indent = offset - lineStart;
    const first = source.charCodeAt(offset);
    if (offset === source.length || isLineBreak(first) || first === 35 /* # */) {
      // Blank lines and comments nest nothing.
      while (offset < source.length && !isLineBreak(source.charCodeAt(offset))) offset++;
      offset++;
      continue;
    }
    while (enclosing.length > 0 && enclosing[enclosing.length - 1].indent >= indent) enclosing.pop();
    let depth = enclosing.at(-1)?.depth ?? 0;
    const lineEnd = endOfLine(source, offset);
    let inChain = true;
    while (inChain && offset < lineEnd) {
      const code = source.charCodeAt(offset);
      if ((code === 45 /* - */ || code === 63) /* ? */ && isBlankOrEnd(source.charCodeAt(offset + 1))) {
        if (++depth > MAX_BLOCK_DEPTH) return offset;
        offset = afterBlanks(source, offset + 1, lineEnd);
        continue;
      }
      // A key: its ": " opens a level only when another indicator or the end of the line follows.
      const colon = keyColon(source, offset, lineEnd);
      const next = colon === undefined ? lineEnd : afterBlanks(source, colon + 1, lineEnd);
      const opens = colon !== undefined && (next === lineEnd || source.charCodeAt(next) === 35 /* # */ || isIndicatorAt(source, next));
      if (opens && ++depth > MAX_BLOCK_DEPTH) return colon;
      inChain = opens && next < lineEnd && source.charCodeAt(next) !== 35;
      offset = next;
    }
    enclosing.push({ indent, depth });
    offset = lineEnd + 1;
  }
  return undefined;
}

function endOfLine(source: string, from: number): number {
  let offset = from;
  while (offset < source.length && !isLineBreak(source.charCodeAt(offset))) offset++;
  return offset;
}

function afterBlanks(source: string, from: number, end: number): number {
  let offset = from;
  while (offset < end && (source.charCodeAt(offset) === 32 || source.charCodeAt(offset) === 9)) offset++;
  return offset;
}

function isIndicatorAt(source: string, offset: number): boolean {
  const code = source.charCodeAt(offset);
  return (code === 45 /* - */ || code === 63) /* ? */ && isBlankOrEnd(source.charCodeAt(offset + 1));
}

/** The first ": " (or ":" at the end) of the line from an offset, the one that ends a key. */
function keyColon(source: string, from: number, end: number): number | undefined {
  for (let offset = from; offset < end; offset++) {
    if (source.charCodeAt(offset) === 58 /* : */ && isBlankOrEnd(source.charCodeAt(offset + 1))) return offset;
  }
  return undefined;
}

/** Where the alias past the bound starts, if there are more than the bound. */
function offsetOfAliasPastBound(source: string): number | undefined {
  if (!source.includes('*')) return undefined;
  let count = 0;
  for (const match of source.matchAll(ALIAS)) {
    if (++count > MAX_ALIASES) return match.index + match[0].indexOf('*');
  }
  return undefined;
}

/**
 * Where a scalar's own text ends. The library's range of a block scalar (`title: >-` and its
 * indented lines) ends after its last line break and the blank lines `|+` keeps: an edit of that
 * range would glue the next key to the new value.
 */
export function nodeTextEnd(source: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(source[last - 1])) last--;
  if (last === end) return end;
  // The blanks at the end of the last content line still belong to a literal block.
  while (last < end && source[last] !== '\n' && source[last] !== '\r') last++;
  return last;
}

/** Where a gap between two YAML nodes in a flow collection has its comma, skipping blanks and comments. */
export function commaInGap(text: string, from: number, to: number): number | undefined {
  let offset = from;
  while (offset < to) {
    const character = text[offset];
    if (character === ',') return offset;
    if (character === '#' && (offset === 0 || /\s/.test(text[offset - 1]))) {
      while (offset < to && text[offset] !== '\n' && text[offset] !== '\r') offset++;
    } else if (/\s/.test(character)) {
      offset++;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The errors the library reports for duplicate keys when it checks them itself, found in one walk
 * with a set per map: a scalar key whose value is that of an earlier key of the same map (`===`,
 * so NaN is never a duplicate), in document order.
 */
function duplicateKeyErrors(document: YamlDocument): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isMap(node)) {
      const keys = new Set<unknown>();
      node.items.forEach((pair, index) => {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (!keys.has(key.value)) keys.add(key.value);
          else {
            const at = keyStart(node, index);
            errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
        }
        pending.push(key, pair.value);
      });
    }
  }
  return errors;
}

/** An alias with no anchor of its name before it: the library only finds out when it converts the value, and then throws. */
class UnresolvedAliasError extends YAMLParseError {
  constructor(
    start: number,
    end: number,
    readonly alias: string,
  ) {
    super([start, end], 'BAD_ALIAS', `Unresolved alias ${alias}`);
  }
}

function unresolvedAliasErrors(document: YamlDocument, source: string): YAMLParseError[] {
  if (!source.includes('*')) return [];
  const errors: YAMLParseError[] = [];
  const anchors = anchorsOf(document);
  visit(document, {
    Alias(_key, alias) {
      const [start, end] = alias.range ?? [0, 0];
      if (anchors.resolve(alias) === undefined) errors.push(new UnresolvedAliasError(start, end, alias.source));
    },
  });
  return errors;
}

/**
 * Where the library places a key for its errors: after the tokens before the key (indicators,
 * properties, commas), or if there are none where the pair before it ended (its line break, for
 * a key after an empty value), as its compose step counts (`keyProps.end`).
 */
function keyStart(map: YAMLMap<unknown, unknown>, index: number): number {
  const pair = map.items[index] as Pair<YamlNode, YamlNode | null> & { srcToken?: CollectionItem };
  const before = pair.srcToken?.start ?? [];
  if (before.length > 0) return endOf(before);
  const [mapStart] = map.range ?? [0];
  if (index === 0) return map.flow ? mapStart + 1 : mapStart;
  const previous = map.items[index - 1] as Pair<YamlNode, YamlNode | null> & { srcToken?: CollectionItem };
  if (previous.value?.range) return previous.value.range[2];
  const separator = previous.srcToken?.sep ?? [];
  return separator.length > 0 ? endOf(separator) : (previous.key.range?.[2] ?? mapStart);
}

function endOf(tokens: SourceToken[]): number {
  const last = tokens[tokens.length - 1];
  return last.offset + last.source.length;
}

/** The parser's errors with more of them placed before the first one that comes later in the text. */
function inPositionOrder(errors: YAMLParseError[], more: YAMLParseError[]): YAMLParseError[] {
  if (more.length === 0) return errors;
  const merged: YAMLParseError[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < more.length && more[next].pos[0] < error.pos[0]) merged.push(more[next++]);
    merged.push(error);
  }
  while (next < more.length) merged.push(more[next++]);
  return merged;
}

/**
 * The parser's errors and warnings as diagnostics, the first hundred and then one that says how
 * many more there are; `rangeOf` maps source offsets to the document. Each fails the build, but
 * where `readElsewhere`: js-yaml, with which Docusaurus reads front matter, reads the text all the
 * same (see `docusaurusYamlValue`), so the page builds; then each is a warning that says so, naming
 * the site's generator (Hugo's reader, more lenient than YAML 1.2 as js-yaml is, builds such pages: cloudwego).
 */
export function yamlDiagnostics(document: YamlDocument, rangeOf: (start: number, end: number) => Range, readElsewhere?: 'docusaurus' | 'hugo'): GlossaryDiagnostic[] {
  const problems = [...document.errors, ...document.warnings];
  return yamlProblemDiagnostics(problems, rangeOf).map((diagnostic) => {
    // A key written twice is `duplicate-key`'s, which fails one generator's build and not the other's.
    if (diagnostic.code !== 'yaml-syntax') return diagnostic;
    if (readElsewhere === undefined) return { ...diagnostic, breaksBuild: true };
    const message = readElsewhere === 'hugo' ? l10n.t('{0} (Hugo\'s YAML reader, like js-yaml, reads it all the same.)', diagnostic.message) : l10n.t('{0} (Docusaurus\'s YAML reader, js-yaml, reads it all the same.)', diagnostic.message);
    return { ...diagnostic, severity: 'warning', message };
  });
}

let jsYaml: typeof JsYaml | undefined;

/**
 * What js-yaml, with which Docusaurus reads front matter (gray-matter's), makes of a text, where it
 * reads it; undefined where it refuses it, or the text is too long to ask. Loaded on first use: in
 * the bundles, `./jsYaml` is dist/jsYaml.js.
 */
export function docusaurusYamlValue(source: string): { value: unknown } | undefined {
  if (source.length > MAX_JS_YAML_SOURCE) return undefined;
  jsYaml ??= require('./jsYaml') as typeof JsYaml;
  return jsYaml.jsYamlValue(source);
}

/** Longer front matter is not given to js-yaml: the YAML library reads no more either. */
const MAX_JS_YAML_SOURCE = 64 * 1024;

function yamlProblemDiagnostics(problems: YAMLError[], rangeOf: (start: number, end: number) => Range): GlossaryDiagnostic[] {
  const diagnostics = problems.slice(0, MAX_PROBLEMS).map((problem): GlossaryDiagnostic => {
    const [start, end] = problem.pos;
    const isDuplicateKey = problem.code === 'DUPLICATE_KEY';
    if (problem instanceof UnresolvedAliasError) {
      return { range: rangeOf(start, end), severity: 'error', code: 'yaml-syntax', message: l10n.t('The alias "*{0}" names no anchor before it.', problem.alias) };
    }
    return {
      range: rangeOf(start, Math.max(end, start + 1)),
      severity: severityOf(problem),
      code: isDuplicateKey ? 'duplicate-key' : 'yaml-syntax',
      message: isDuplicateKey
        ? l10n.t('Duplicate key.')
        : problem.message === TOO_DEEP
          ? l10n.t('Brackets nested more than {0} levels deep: this YAML is not read.', MAX_BRACKET_DEPTH)
          : problem.message === BLOCKS_TOO_DEEP
            ? l10n.t('Lists and maps nested more than {0} levels deep: this YAML is not read.', MAX_BLOCK_DEPTH)
            : problem.message === TOO_MANY_ALIASES
              ? l10n.t('More than {0} aliases: this YAML is not read.', MAX_ALIASES)
              : problem.message.startsWith(TOO_LONG)
                ? l10n.t('More than {0} characters of YAML: it is not read.', problem.message.slice(TOO_LONG.length + 1))
                : l10n.t('YAML syntax error: {0}', problem.message.split(/\r?\n/, 1)[0]),
    };
  });
  if (problems.length > MAX_PROBLEMS) {
    const firstUnreported = problems[MAX_PROBLEMS];
    const [start, end] = firstUnreported.pos;
    diagnostics.push({
      range: rangeOf(start, Math.max(end, start + 1)),
      severity: severityOf(firstUnreported),
      code: 'yaml-syntax',
      message:
        problems.length - MAX_PROBLEMS === 1
          ? l10n.t('1 more YAML problem from here on is not reported.')
          : l10n.t('{0} more YAML problems from here on are not reported.', problems.length - MAX_PROBLEMS),
    });
  }
  return diagnostics;
}

function severityOf(problem: YAMLError): 'error' | 'warning' {
  return problem.name === 'YAMLWarning' ? 'warning' : 'error';
}

/**
 * A node's plain value: strings, numbers, booleans, null, arrays and objects with string keys.
 * Undefined when it is empty, nests too deep or expands past the bound.
 *
 * The library's own `toJS` is not used: it resolves each alias by walking the whole document and
 * turns collection keys into strings recursively, which is exponential on hostile input.
 */
export function plainValue(node: YamlNode | null | undefined, document: YamlDocument): unknown {
  if (node === null || node === undefined) return undefined;
  const budget = { nodes: MAX_VALUE_NODES };
  const value = toPlain(node, { resolve: (alias) => anchorsOf(document).resolve(alias) }, budget, 0);
  return value === TOO_BIG ? undefined : value;
}

const TOO_BIG = Symbol('too big');

/**
 * Whether a value read from JSON or TOML front matter keeps to the bounds a YAML value is read
 * within: what the features walk (and the cache holds) stays bounded, whatever the format.
 */
export function withinValueBounds(value: unknown): boolean {
  let nodes = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (++nodes > MAX_VALUE_NODES || depth > MAX_VALUE_DEPTH) return false;
    if (item !== null && typeof item === 'object') for (const inner of Object.values(item)) pending.push([inner, depth + 1]);
  }
  return true;
}

function toPlain(node: unknown, anchors: Anchors, budget: { nodes: number }, depth: number): unknown {
  if (--budget.nodes < 0 || depth > MAX_VALUE_DEPTH) return TOO_BIG;
  if (isAlias(node)) {
    const target = anchors.resolve(node);
    return target === undefined ? undefined : toPlain(target, anchors, budget, depth + 1);
  }
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    const items: unknown[] = [];
    for (const item of node.items) {
      const value = toPlain(item, anchors, budget, depth + 1);
      if (value === TOO_BIG) return TOO_BIG;
      items.push(value);
    }
    return items;
  }
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      // Keys that are collections have no place in front matter; their pairs are left out.
      if (!isScalar(pair.key)) continue;
      const value = toPlain(pair.value, anchors, budget, depth + 1);
      if (value === TOO_BIG) return TOO_BIG;
      // defineProperty, so a key named "__proto__" is a key and not the object's prototype.
      Object.defineProperty(object, String(pair.key.value), { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  return undefined;
}

interface Anchors {
  resolve(alias: Alias): YamlNode | undefined;
}

const anchorsByDocument = new WeakMap<YamlDocument, Anchors>();

/** The anchored nodes of a document, found in one walk: an alias names the last anchor before it. */
function anchorsOf(document: YamlDocument): Anchors {
  let anchors = anchorsByDocument.get(document);
  if (anchors !== undefined) return anchors;
  const byName = new Map<string, Array<{ offset: number; node: YamlNode }>>();
  visit(document, (_key, node) => {
    if ((isScalar(node) || isCollection(node)) && node.anchor !== undefined) {
      const offset = node.range?.[0] ?? 0;
      const list = byName.get(node.anchor) ?? [];
      list.push({ offset, node });
      byName.set(node.anchor, list);
    }
  });
  anchors = {
    resolve(alias) {
      const offset = alias.range?.[0] ?? Infinity;
      // Binary search in document order, for the last anchor of that name before the alias.
      const candidates = byName.get(alias.source) ?? [];
      let low = 0;
      let high = candidates.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (candidates[middle].offset < offset) low = middle + 1;
        else high = middle;
      }
      return candidates[low - 1]?.node;
    },
  };
  anchorsByDocument.set(document, anchors);
  return anchors;
}

const aliasedByDocument = new WeakMap<YamlDocument, Set<YamlNode>>();

/**
 * Whether a fix must leave a node as it is: an alias elsewhere reads it through its anchor (a fix
 * would change that value too, or leave the alias unresolved), or it has an explicit tag (`!!str`),
 * which a fix in its place would keep for a value the tag may not fit.
 */
export function isPinned(node: unknown, document: YamlDocument): boolean {
  if (!isScalar(node) && !isCollection(node)) return false;
  if (node.tag !== undefined) return true;
  if (node.anchor === undefined) return false;
  let aliased = aliasedByDocument.get(document);
  if (aliased === undefined) {
    const anchors = anchorsOf(document);
    const targets = new Set<YamlNode>();
    visit(document, {
      Alias(_key, alias) {
        const target = anchors.resolve(alias);
        if (target !== undefined) targets.add(target);
      },
    });
    aliasedByDocument.set(document, (aliased = targets));
  }
  return aliased.has(node);
}

/**
 * Where new keys go in a document's map, in its style, as offsets into its source: after its
 * last line (before a `...` that ends the document) at the column of its keys, or before the
 * closing brace of a flow map. Undefined for a document with errors or one that is not a map.
 */
export type NewKeysPlace =
  | {
      style: 'block';
      at: number;
      /** What ends the line before the new keys: nothing, a line break, or `\n` after a lone `\r` (which this library reads as text). */
      lineEnd: string;
      indent: string;
    }
  | { style: 'flow'; at: number; separatorFirst: string };

/** Whether a value ends in a block scalar that keeps its final line breaks (`|+`, `>2+`), itself or as the last of its collections. */
function keepsFinalBreaks(node: YamlNode | null, source: string): boolean {
  if (isCollection(node)) {
    const last = node.items[node.items.length - 1];
    return last !== undefined && keepsFinalBreaks((isMap(node) ? (last as Pair).value : last) as YamlNode | null, source);
  }
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range !== undefined && node.range !== null && /^[|>](?:[1-9]?\+|\+[1-9])/.test(source.slice(node.range[0]));
}

export function newKeysPlace(document: YamlDocument, source: string, lineBreak: string): NewKeysPlace | undefined {
  const contents = document.contents;
  if (document.errors.length > 0) return undefined;
  if (contents !== null && contents !== undefined && (!isMap(contents) || !contents.range)) return undefined;
  if (contents === null || contents === undefined || !contents.flow) {
    const mapStart = contents?.range?.[0] ?? 0;
    const documentEnd = /^\.\.\.(?=[ \t\r\n]|$)/m.exec(source.slice(contents?.range?.[1] ?? 0));
    const at = documentEnd === null ? source.length : (contents?.range?.[1] ?? 0) + documentEnd.index;
    const beforeMap = source.slice(Math.max(source.lastIndexOf('\n', mapStart - 1), source.lastIndexOf('\r', mapStart - 1)) + 1, mapStart);
    const indent = /^ *$/.test(beforeMap) ? beforeMap : '';
    // A block scalar that keeps its final line breaks (`|+`) ends the map: lines added after it would make its blank lines part of it. Before its key, then.
    const lastPair = contents?.items[contents.items.length - 1];
    const keyStart = (lastPair?.key as YamlNode | null | undefined)?.range?.[0];
    if (lastPair !== undefined && keyStart !== undefined && keepsFinalBreaks(lastPair.value as YamlNode | null, source)) {
      const lineStart = Math.max(source.lastIndexOf('\n', keyStart - 1), source.lastIndexOf('\r', keyStart - 1)) + 1;
      return /^ *$/.test(source.slice(lineStart, keyStart)) ? { style: 'block', at: lineStart, lineEnd: '', indent } : undefined;
    }
    const lineEnd = at === 0 || source[at - 1] === '\n' ? '' : source[at - 1] === '\r' ? '\n' : lineBreak;
    return { style: 'block', at, lineEnd, indent };
  }
  const closing = contents.range![1] - 1;
  const last = contents.items[contents.items.length - 1];
  const lastEnd = last === undefined ? undefined : ((last.value ?? last.key) as YamlNode | null)?.range?.[1];
  if (source[closing] !== '}' || (last !== undefined && lastEnd === undefined)) return undefined;
  const separatorFirst = lastEnd === undefined ? '' : commaInGap(source, lastEnd, closing) === undefined ? ', ' : ' ';
  return { style: 'flow', at: closing, separatorFirst };
}
