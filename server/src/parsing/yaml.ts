import * as l10n from '@vscode/l10n';
import { isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, visit, YAMLParseError, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { Range } from '../common/text';

/**
 * Caps the nodes one value may expand to, aliases included, and how deep it may nest, so a "billion
 * laughs" document or ten thousand nested brackets cannot exhaust memory, time or the stack.
 */
const MAX_VALUE_NODES = 10_000;
const MAX_VALUE_DEPTH = 64;

export type YamlDocument = Document.Parsed;

/**
 * YAML the parser would spend unbounded time or stack on is refused before parsing. It recurses
 * once per bracket level, and at the stack's limit V8 can abort the whole process while compiling
 * a regular expression; it resolves aliases in time that grows faster than their number.
 */
const MAX_BRACKET_DEPTH = 100;
const MAX_ALIASES = 1_000;
const TOO_DEEP = 'nested too deep';
const TOO_MANY_ALIASES = 'too many aliases';
/** An alias (`*name`) where a value can start: after a space, a bracket, a comma or a line start. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/g;

/** Parses YAML as data only: no custom tags, bounded aliases and nesting, duplicate keys reported. */
export function parseYaml(source: string): YamlDocument {
  const tooDeepAt = offsetNestedTooDeep(source);
  const tooManyAliasesAt = tooDeepAt === undefined ? offsetOfAliasPastBound(source) : undefined;
  if (tooDeepAt === undefined && tooManyAliasesAt === undefined) return withoutStackTraces(() => parseDocument(source, { prettyErrors: false, uniqueKeys: true }));
  const at = tooDeepAt ?? tooManyAliasesAt!;
  const refused = parseDocument('');
  refused.errors.push(new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', tooDeepAt !== undefined ? TOO_DEEP : TOO_MANY_ALIASES));
  return refused;
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
function offsetNestedTooDeep(source: string): number | undefined {
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

/** The parser's errors and warnings as diagnostics; `rangeOf` maps source offsets to the document. */
export function yamlDiagnostics(document: YamlDocument, rangeOf: (start: number, end: number) => Range): GlossaryDiagnostic[] {
  return [...document.errors, ...document.warnings].map((problem) => {
    const [start, end] = problem.pos;
    const isDuplicateKey = problem.code === 'DUPLICATE_KEY';
    return {
      range: rangeOf(start, Math.max(end, start + 1)),
      severity: problem.name === 'YAMLWarning' ? 'warning' : 'error',
      code: isDuplicateKey ? 'duplicate-key' : 'yaml-syntax',
      message: isDuplicateKey
        ? l10n.t('Duplicate key.')
        : problem.message === TOO_DEEP
          ? l10n.t('Brackets nested more than {0} levels deep: this YAML is not read.', MAX_BRACKET_DEPTH)
          : problem.message === TOO_MANY_ALIASES
            ? l10n.t('More than {0} aliases: this YAML is not read.', MAX_ALIASES)
            : l10n.t('YAML syntax error: {0}', problem.message.split(/\r?\n/, 1)[0]),
    };
  });
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
