import type * as RemarkComment from '@slorber/remark-comment' with { 'resolution-mode': 'import' };
import type * as RemarkDirective from 'remark-directive' with { 'resolution-mode': 'import' };
import type * as RemarkFrontmatter from 'remark-frontmatter' with { 'resolution-mode': 'import' };
import type * as RemarkGfm from 'remark-gfm' with { 'resolution-mode': 'import' };
import type * as RemarkMdx from 'remark-mdx' with { 'resolution-mode': 'import' };
import type * as RemarkParse from 'remark-parse' with { 'resolution-mode': 'import' };
import type * as Unified from 'unified' with { 'resolution-mode': 'import' };
import type * as VFileMessageModule from 'vfile-message' with { 'resolution-mode': 'import' };

// The MDX parser as Docusaurus runs it, in a bundle of its own (dist/mdx.js, see esbuild.mjs): it
// is as large as the rest of the server, and only files with a `<` or `{` need it, so the server
// loads it when the first such file is parsed rather than at every start.
// These packages are ES modules only: the bundle (and tsx in tests) turns the requires into them.
const { unified } = require('unified') as typeof Unified;
const { VFileMessage } = require('vfile-message') as typeof VFileMessageModule;
const remarkParse = (require('remark-parse') as typeof RemarkParse).default;
const remarkMdx = (require('remark-mdx') as typeof RemarkMdx).default;
const remarkFrontmatter = (require('remark-frontmatter') as typeof RemarkFrontmatter).default;
const remarkDirective = (require('remark-directive') as typeof RemarkDirective).default;
const remarkGfm = (require('remark-gfm') as typeof RemarkGfm).default;
const remarkComment = (require('@slorber/remark-comment') as typeof RemarkComment).default;

/** In the order @mdx-js/mdx and Docusaurus's processor register them: MDX first, then Docusaurus's remark plugins. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm).use(remarkComment);

/** A point of the parsed text, 1-based as MDX gives it. */
export interface MdxPoint {
  line?: number;
  column?: number;
  offset?: number;
}

/**
 * What stops Docusaurus at a page's MDX: a syntax error (the first; MDX stops there), or, in a page
 * that parses, a name an expression reads or a component a tag names that nothing defines, which
 * fails the render of the page (`ReferenceError`, "Expected component `X` to be defined").
 */
export type MdxFinding =
  | { kind: 'syntax'; reason: string; start: MdxPoint; end: MdxPoint | undefined; fix?: MdxFix }
  | { kind: MdxRenderProblemKind; name: string; start: number; end: number; fix?: MdxFix };

/**
 * The smallest edit that lets MDX read the text as the author meant it, from `start` to `end` of
 * the parsed text: a backslash before the `<` or `{` that MDX took for a tag or an expression
 * (which Markdown then shows as written); ` /` before the `>` of an HTML element that has no content
 * (`<br>`); an autolink (`<https://…>`, which MDX reads as a tag) written as a Markdown link.
 */
export interface MdxFix {
  kind: 'escape' | 'self-close' | 'link';
  start: number;
  end: number;
  newText: string;
}

const escapeAt = (offset: number): MdxFix => ({ kind: 'escape', start: offset, end: offset, newText: '\\' });

/** HTML's elements without content, which HTML lets stand open and MDX does not. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * A name read and defined nowhere, a component named and defined nowhere, or an export Docusaurus
 * cannot copy onto the page's component (it sets every named export on it, and a function's
 * `name`, `length` and `caller` cannot be set).
 */
export type MdxRenderProblemKind = 'undefined-name' | 'undefined-component' | 'read-only-export';

export function mdxFindings(text: string): MdxFinding[] {
  let tree: MdxNode;
  try {
    tree = parser.parse(text) as unknown as MdxNode;
  } catch (error) {
    // Anything but MDX's own message (a stack overflow in acorn, say) says nothing about the build.
    if (!(error instanceof VFileMessage) || error.place === undefined || error.place === null) return [];
    // A tag left open is placed at the end of what it was open in; the tag itself is where to fix it.
    const openTag = /^Expected a closing tag for `<([^`>]*)>` \((\d+):(\d+)-(\d+):(\d+)\)/.exec(error.reason);
    if (openTag !== null) {
      const [line, column, endLine, endColumn] = openTag.slice(2).map(Number);
      const end = { line: endLine, column: endColumn };
      const tagEnd = offsetAtPoint(text, end);
      const selfClose: MdxFix | undefined = VOID_ELEMENTS.has(openTag[1].toLowerCase()) && tagEnd !== undefined && text[tagEnd - 1] === '>' ? { kind: 'self-close', start: tagEnd - 1, end: tagEnd - 1, newText: ' /' } : undefined;
      return [{ kind: 'syntax', reason: error.reason, start: { line, column }, end, ...(selfClose ? { fix: selfClose } : {}) }];
    }
    const place = error.place as { start?: MdxPoint; end?: MdxPoint } & MdxPoint;
    const start = { ...(place.start ?? place) };
    const opening = openingOf(text, error.source, offsetAtPoint(text, start));
    // An autolink escaped would leave GFM to link the address with its `>`: it is written as a link, or left.
    const autolink = opening === undefined ? undefined : autolinkAt(text, opening);
    const fix = opening === undefined ? undefined : autolink === undefined ? escapeAt(opening) : (autolink ?? undefined);
    return [{ kind: 'syntax', reason: error.reason, start, end: place.end === undefined ? undefined : { ...place.end }, ...(fix === undefined ? {} : { fix }) }];
  }
  return [...unparsableUrls(tree), ...undefinedReferences(tree)];
}

/**
 * Links and images whose address Docusaurus's remark plugins cannot read as a URL, which stops the
 * build as MDX's own errors do (`https://example.com>`, where a GFM autolink took the `>` along).
 */
function unparsableUrls(tree: MdxNode): MdxFinding[] {
  const findings: MdxFinding[] = [];
  const visit = (node: MdxNode): void => {
    if ((node.type === 'link' || node.type === 'image') && typeof node.url === 'string' && node.url !== '' && node.position?.start.offset !== undefined) {
      try {
        new URL(node.url, 'unspecified://');
      } catch {
        findings.push({ kind: 'syntax', reason: `Can't parse URL ${node.url} with base unspecified://`, start: { offset: node.position.start.offset }, end: { offset: node.position.end.offset } });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return findings;
}

/** The offset of a point of `text` MDX gives: its offset, else its line and column. */
export function offsetAtPoint(text: string, point: MdxPoint): number | undefined {
  if (typeof point.offset === 'number') return Math.min(point.offset, text.length);
  if (typeof point.line !== 'number' || typeof point.column !== 'number') return undefined;
  let lineStart = 0;
  for (let line = 1; line < point.line; line++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return undefined;
    lineStart = next + 1;
  }
  return Math.min(lineStart + point.column - 1, text.length);
}

/** CommonMark's autolinks: an absolute URI, or an email address, between `<` and `>`. */
const URI_AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*)>/;
const EMAIL_AUTOLINK = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
/** What a link's text and address may hold written as they are: no Markdown, MDX or link syntax. */
const PLAIN_ADDRESS = /^[A-Za-z0-9:/?#@!$&'+,;=.~%-]+$/;

/**
 * An autolink at `offset` written as a Markdown link (`[https://x.org](https://x.org)`, an email
 * address to `mailto:`); null when its address holds what a link would read otherwise (brackets,
 * parentheses, emphasis marks); undefined when there is no autolink.
 */
function autolinkAt(text: string, offset: number): MdxFix | null | undefined {
  const rest = text.slice(offset, offset + MAX_OPENING_DISTANCE);
  const uri = URI_AUTOLINK.exec(rest);
  const email = uri === null ? EMAIL_AUTOLINK.exec(rest) : null;
  const found = uri ?? email;
  if (found === null) return undefined;
  if (!PLAIN_ADDRESS.test(found[1])) return null;
  const address = uri !== null ? found[1] : `mailto:${found[1]}`;
  return { kind: 'link', start: offset, end: offset + found[0].length, newText: `[${found[1]}](${address})` };
}

/** How far back from a syntax error its tag's `<` or its expression's `{` is looked for. */
const MAX_OPENING_DISTANCE = 1_000;

/**
 * The `<` of the tag, or the `{` of the expression, that MDX stopped in at `offset`: the nearest
 * `<` before it with no `>` between, or the nearest `{` before it left open. Undefined for other
 * errors (an `import` line), and when it is not found near.
 */
function openingOf(text: string, source: string | undefined, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  const from = Math.min(offset, text.length - 1);
  const stop = Math.max(0, from - MAX_OPENING_DISTANCE);
  if (source === 'micromark-extension-mdx-jsx') {
    for (let at = from; at >= stop; at--) {
      if (text[at] === '>' && at < offset) return undefined;
      if (text[at] === '<') return at;
    }
  } else if (source === 'micromark-extension-mdx-expression') {
    let depth = 0;
    for (let at = Math.min(offset, text.length) - 1; at >= stop; at--) {
      if (text[at] === '}') depth++;
      else if (text[at] === '{' && depth-- === 0) return at;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Names a page that parses reads at render time without defining them

interface MdxNode {
  type: string;
  url?: string;
  children?: MdxNode[];
  name?: string | null;
  attributes?: Array<{ type: string; value?: unknown; data?: { estree?: EstreeNode } }>;
  data?: { estree?: EstreeNode };
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface EstreeNode {
  type: string;
  start?: number;
  end?: number;
  [key: string]: unknown;
}

/**
 * What the compiled page defines besides its own imports and exports: MDX's `props`, the constants
 * Docusaurus's MDX loader and its table of contents plugin export from a doc, and the page's own
 * component (not `metadata`: it is re-exported, which defines no name). Names of MDX's own code
 * start with `_`, and are left alone.
 */
const PAGE_NAMES = new Set(['props', 'frontMatter', 'contentTitle', 'assets', 'toc', 'MDXContent']);
/** Names webpack answers for at build time. */
const BUNDLER_NAMES = new Set(['require', 'module', 'exports', '__dirname', '__filename', '__webpack_require__']);

function undefinedReferences(tree: MdxNode): MdxFinding[] {
  const declared = new Set<string>();
  const exports: Array<{ name: string; start: number; end: number }> = [];
  /** With the `{` that opens each, where escaping it makes it text: not in an attribute's value. */
  const expressions: Array<{ tree: EstreeNode; opening: number | undefined }> = [];
  const components: Array<{ name: string; start: number }> = [];
  const visit = (node: MdxNode): void => {
    const estree = node.data?.estree;
    if (node.type === 'mdxjsEsm' && estree !== undefined) {
      for (const name of moduleDeclarations(estree)) declared.add(name);
      exports.push(...exportedNames(estree));
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && estree !== undefined) {
      expressions.push({ tree: estree, opening: node.position?.start.offset });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const root = node.name?.split('.')[0];
      // Lower case (`<div>`), `-` and `:` are HTML's; a capital, `_` or `$` is a component to look up.
      if (root !== undefined && /^[A-Z_$]/.test(root) && !root.includes('-') && !root.includes(':') && node.position?.start.offset !== undefined) {
        components.push({ name: root, start: node.position.start.offset + 1 });
      }
      for (const attribute of node.attributes ?? []) {
        const attributeTree = attribute.type === 'mdxJsxExpressionAttribute' ? attribute.data?.estree : (attribute.value as { data?: { estree?: EstreeNode } } | null | undefined)?.data?.estree;
        if (attributeTree !== undefined) expressions.push({ tree: attributeTree, opening: undefined });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  const isDefined = (name: string) => declared.has(name) || PAGE_NAMES.has(name) || BUNDLER_NAMES.has(name) || name.startsWith('_') || name in globalThis;
  const findings: Array<Extract<MdxFinding, { kind: MdxRenderProblemKind }>> = [];
  for (const exported of exports) {
    if (READ_ONLY_FUNCTION_PROPERTIES.has(exported.name)) findings.push({ kind: 'read-only-export', ...exported });
  }
  for (const component of components) {
    if (declared.has(component.name) || component.name.startsWith('_')) continue;
    findings.push({ kind: 'undefined-component', name: component.name, start: component.start, end: component.start + component.name.length, fix: escapeAt(component.start - 1) });
  }
  for (const expression of expressions) {
    for (const reference of referencesAtRender(expression.tree) ?? []) {
      if (isDefined(reference.name)) continue;
      findings.push({ kind: 'undefined-name', ...reference, ...(expression.opening === undefined ? {} : { fix: escapeAt(expression.opening) }) });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The names an `import` or `export` block declares. */
function moduleDeclarations(program: EstreeNode): string[] {
  const names: string[] = [];
  for (const statement of (program.body as EstreeNode[] | undefined) ?? []) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers as EstreeNode[]) names.push((specifier.local as EstreeNode).name as string);
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      const declaration = statement.declaration as EstreeNode;
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations as EstreeNode[]) names.push(...patternNames(declarator.id as EstreeNode));
      } else if (declaration.id) {
        names.push((declaration.id as EstreeNode).name as string);
      }
    }
  }
  return names;
}

const READ_ONLY_FUNCTION_PROPERTIES = new Set(['name', 'length', 'caller']);

/** The names an `export` block exports, where they are written. */
function exportedNames(program: EstreeNode): Array<{ name: string; start: number; end: number }> {
  const names: Array<{ name: string; start: number; end: number }> = [];
  const add = (node: EstreeNode) => {
    const name = node.type === 'Identifier' ? (node.name as string) : node.type === 'Literal' ? String(node.value) : undefined;
    if (name !== undefined && typeof node.start === 'number' && typeof node.end === 'number') names.push({ name, start: node.start, end: node.end });
  };
  for (const statement of (program.body as EstreeNode[] | undefined) ?? []) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration as EstreeNode | null;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations as EstreeNode[]) for (const identifier of patternIdentifiers(declarator.id as EstreeNode)) add(identifier);
    } else if (declaration?.id) {
      add(declaration.id as EstreeNode);
    }
    for (const specifier of (statement.specifiers as EstreeNode[] | undefined) ?? []) add(specifier.exported as EstreeNode);
  }
  return names;
}

function patternNames(pattern: EstreeNode): string[] {
  return patternIdentifiers(pattern).map((identifier) => identifier.name as string);
}

/** The identifiers a binding pattern declares. */
function patternIdentifiers(pattern: EstreeNode): EstreeNode[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return (pattern.properties as EstreeNode[]).flatMap((property) => patternIdentifiers((property.type === 'RestElement' ? property.argument : property.value) as EstreeNode));
    case 'ArrayPattern':
      return (pattern.elements as Array<EstreeNode | null>).flatMap((element) => (element === null ? [] : patternIdentifiers(element)));
    case 'RestElement':
      return patternIdentifiers(pattern.argument as EstreeNode);
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left as EstreeNode);
    default:
      return [];
  }
}

/**
 * The names an expression surely reads when the page renders: not inside a function (which may
 * never be called), a branch (`a && b`, `a ? b : c`, after `?.`) or `typeof`. Undefined for an
 * expression of a kind not read here: no claim is made about it.
 */
function referencesAtRender(program: EstreeNode): Array<{ name: string; start: number; end: number }> | undefined {
  const references: Array<{ name: string; start: number; end: number }> = [];
  const read = (node: EstreeNode | null | undefined): boolean => {
    if (node === null || node === undefined) return true;
    switch (node.type) {
      case 'Program':
        return (node.body as EstreeNode[]).every(read);
      case 'ExpressionStatement':
        return read(node.expression as EstreeNode);
      case 'Identifier':
        if (typeof node.start === 'number' && typeof node.end === 'number') references.push({ name: node.name as string, start: node.start, end: node.end });
        return true;
      case 'Literal':
      case 'ThisExpression':
      case 'Super':
      case 'MetaProperty':
      // Functions and classes may never run, and the right of `&&`, `||`, `??` and `? :` may never be read.
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return true;
      case 'LogicalExpression':
        return read(node.left as EstreeNode);
      case 'ConditionalExpression':
        return read(node.test as EstreeNode);
      case 'ChainExpression':
        return read(chainRoot(node.expression as EstreeNode));
      case 'UnaryExpression':
        return node.operator === 'typeof' && (node.argument as EstreeNode).type === 'Identifier' ? true : read(node.argument as EstreeNode);
      case 'MemberExpression':
        return read(node.object as EstreeNode) && (!node.computed || read(node.property as EstreeNode));
      case 'BinaryExpression':
        return read(node.left as EstreeNode) && read(node.right as EstreeNode);
      case 'CallExpression':
      case 'NewExpression':
        return read(node.callee as EstreeNode) && (node.arguments as EstreeNode[]).every(read);
      case 'ArrayExpression':
        return (node.elements as Array<EstreeNode | null>).every(read);
      case 'ObjectExpression':
        return (node.properties as EstreeNode[]).every((property) => (property.type === 'SpreadElement' ? read(property.argument as EstreeNode) : (!property.computed || read(property.key as EstreeNode)) && read(property.value as EstreeNode)));
      case 'SpreadElement':
        return read(node.argument as EstreeNode);
      case 'SequenceExpression':
        return (node.expressions as EstreeNode[]).every(read);
      case 'TemplateLiteral':
        return (node.expressions as EstreeNode[]).every(read);
      case 'TaggedTemplateExpression':
        return read(node.tag as EstreeNode) && read(node.quasi as EstreeNode);
      case 'JSXEmptyExpression':
        return true;
      default:
        // Assignments, JSX, `await`, `yield`, statements: not read here.
        return false;
    }
  };
  return read(program) ? references : undefined;
}

/** The object an optional chain starts from: what is read before any `?.`. */
function chainRoot(node: EstreeNode): EstreeNode | undefined {
  let current: EstreeNode = node;
  while (current.type === 'MemberExpression' || current.type === 'CallExpression') {
    const inner = (current.type === 'MemberExpression' ? current.object : current.callee) as EstreeNode;
    if (current.optional) return inner.type === 'Identifier' ? inner : chainRoot(inner);
    current = inner;
  }
  return current.type === 'Identifier' ? current : undefined;
}
