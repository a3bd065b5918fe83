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

/**
 * In the order @mdx-js/mdx and Docusaurus's processor register them: MDX first, then Docusaurus's
 * remark plugins; HTML comments only where MDX 1's syntax is read (`mdx1Compat.comments`).
 */
const withComments = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm).use(remarkComment);
const withoutComments = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm);
/** A page Docusaurus compiles as CommonMark (`format: md`): no MDX, and its remark plugins still read every link. */
const commonMark = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective).use(remarkGfm).use(remarkComment);

/** The addresses Docusaurus cannot read as URLs in a page it compiles as CommonMark. */
export function commonMarkFindings(text: string): MdxFinding[] {
  try {
    return unparsableUrls(commonMark.parse(text) as unknown as MdxNode);
  } catch {
    return [];
  }
}

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
 * (`<br>`); an autolink (`<https://…>`, which MDX reads as a tag) written as a Markdown link; an
 * HTML comment written as MDX's where MDX reads no HTML comments.
 */
export interface MdxFix {
  kind: 'escape' | 'self-close' | 'link' | 'comment';
  start: number;
  end: number;
  newText: string;
}

const escapeAt = (offset: number): MdxFix => ({ kind: 'escape', start: offset, end: offset, newText: '\\' });

/** HTML's elements without content (React's list), which HTML lets stand open and MDX does not. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'menuitem', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * What fails a page's render: a name read and defined nowhere; a component named and defined
 * nowhere; an export Docusaurus cannot copy onto the page's component (it sets every named export
 * on it, and a function's `name`, `length`, `caller` and `arguments` cannot be set); an object
 * shown as a child (`{props}`);
 * a `style` written as text on an HTML element; children of an element that has none (`<br>x</br>`);
 * the theme's `TabItem` where no `Tabs` holds it (`useTabsContext()` must be used within one), and
 * a `Tabs` its own checks refuse (see `TabsProblemKind`).
 */
export type MdxRenderProblemKind = 'undefined-name' | 'undefined-component' | 'read-only-export' | 'object-child' | 'style-text' | 'void-children' | 'tab-outside-tabs' | TabsProblemKind;

/**
 * What the theme's `Tabs` refuses when it renders (Docusaurus's `tabsUtils`), where it lists no
 * `values` of its own: a child without a `value` (a paragraph, a heading, a tab without one), two
 * tabs of one value, no tab at all, a `defaultValue` no tab has; and `queryString` without a `groupId`.
 */
export type TabsProblemKind = 'tabs-child' | 'tabs-duplicate-value' | 'tabs-empty' | 'tabs-default-value' | 'tabs-query-string';

/**
 * A module the compiled page asks webpack for, where `start` and `end` are the string's place
 * within its quotes: an `import` or `export … from` of its own, `import('…')` or `require('…')`
 * anywhere in its code. Webpack resolves each when it bundles the page, used or not, and the build
 * fails on one it cannot find.
 */
export interface MdxModuleRequest {
  request: string;
  start: number;
  end: number;
}

/**
 * A link a `<Link>` element of Docusaurus (`import Link from '@docusaurus/Link'`) renders and
 * collects for the broken-link check: its `to`, else its `href`, as the element gives it (a string,
 * or an expression that is one), where `start` and `end` are the string's place within its quotes.
 */
export interface MdxComponentLink {
  target: string;
  start: number;
  end: number;
}

/** What stops Docusaurus at a page compiled as MDX (see `MdxFinding`), and, where it parses, the modules it asks for and the links its `<Link>` elements collect. */
export function mdxRead(text: string, comments = true): { findings: MdxFinding[]; modules: MdxModuleRequest[]; componentLinks: MdxComponentLink[] } {
  let tree: MdxNode;
  try {
    tree = (comments ? withComments : withoutComments).parse(text) as unknown as MdxNode;
  } catch (error) {
    // Anything but MDX's own message (a stack overflow in acorn, say) says nothing about the build.
    if (!(error instanceof VFileMessage)) return { findings: [], modules: [], componentLinks: [] };
    // A tag left open is placed at the end of what it was open in (or nowhere, at the end of the
    // file); the tag itself, which the message names, is where to fix it.
    const openTag = /^Expected a closing tag for `<([^`>]*)>` \((\d+):(\d+)-(\d+):(\d+)\)/.exec(error.reason);
    if (openTag !== null) {
      const [line, column, endLine, endColumn] = openTag.slice(2).map(Number);
      const end = { line: endLine, column: endColumn };
      const tagEnd = offsetAtPoint(text, end);
      const selfClose: MdxFix | undefined = VOID_ELEMENTS.has(openTag[1]) && tagEnd !== undefined && text[tagEnd - 1] === '>' ? { kind: 'self-close', start: tagEnd - 1, end: tagEnd - 1, newText: ' /' } : undefined;
      return { findings: [{ kind: 'syntax', reason: error.reason, start: { line, column }, end, ...(selfClose ? { fix: selfClose } : {}) }], modules: [], componentLinks: [] };
    }
    if (error.place === undefined || error.place === null) return { findings: [], modules: [], componentLinks: [] };
    const place = error.place as { start?: MdxPoint; end?: MdxPoint } & MdxPoint;
    const start = { ...(place.start ?? place) };
    const opening = openingOf(text, error.source, offsetAtPoint(text, start));
    // An autolink escaped would leave GFM to link the address with its `>`: it is written as a link, or left.
    const autolink = opening === undefined ? undefined : autolinkAt(text, opening);
    const fix = opening === undefined ? undefined : (commentAt(text, opening) ?? (autolink === undefined ? escapeAt(opening) : (autolink ?? undefined)));
    return { findings: [{ kind: 'syntax', reason: error.reason, start, end: place.end === undefined ? undefined : { ...place.end }, ...(fix === undefined ? {} : { fix }) }], modules: [], componentLinks: [] };
  }
  return { findings: [...unparsableUrls(tree), ...renderProblems(tree, text)], modules: moduleRequests(tree), componentLinks: componentLinks(tree, text) };
}

/** The module of Docusaurus's `Link` component, which collects the links it renders. */
const LINK_MODULE = '@docusaurus/Link';

/**
 * The links the page's `<Link>` elements collect (see `MdxComponentLink`), as Docusaurus 3's
 * `Link` decides: none for an element with `data-noBrokenLinkCheck`, or with a `target` other than
 * `_self` (a plain HTML link). Elements whose link or decision is not known without running the
 * page's code are left out (a spread of props, a `to` computed, `autoAddBaseUrl`), and so are
 * elements inside expressions (`{open && <Link …>}`), which may not render.
 */
function componentLinks(tree: MdxNode, text: string): MdxComponentLink[] {
  const names = defaultImports(tree, LINK_MODULE);
  const links: MdxComponentLink[] = [];
  if (names.size === 0) return links;
  const visit = (node: MdxNode): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && typeof node.name === 'string' && names.has(node.name)) {
      const link = linkOfElement(node, text);
      if (link !== undefined) links.push(link);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return links;
}

/** An attribute's value as the element gets it: a string, `true` for an attribute without a value, or `unknown` where code computes it. */
type AttributeValue = { value: string | boolean | null | number; start?: number; end?: number } | 'unknown';

/** The local names of the default export of `module` the page imports (`import Link from '@docusaurus/Link'`, `import { default as Link } from …`). */
function defaultImports(tree: MdxNode, module: string): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm' || node.data?.estree === undefined) continue;
    for (const statement of (node.data.estree.body as EstreeNode[] | undefined) ?? []) {
      if (statement.type !== 'ImportDeclaration' || (statement.source as EstreeNode).value !== module) continue;
      for (const specifier of statement.specifiers as EstreeNode[]) {
        const imported = specifier.imported as EstreeNode | undefined;
        if (specifier.type === 'ImportDefaultSpecifier' || (imported !== undefined && (imported.name ?? imported.value) === 'default')) names.add((specifier.local as EstreeNode).name as string);
      }
    }
  }
  return names;
}

/** An element's props as its attributes give them; undefined where a spread of props may give any of them. */
function propsOf(node: MdxNode, text: string): ((name: string) => AttributeValue | undefined) | undefined {
  const attributes = node.attributes ?? [];
  if (attributes.some((attribute) => attribute.type !== 'mdxJsxAttribute')) return undefined;
  return (name) => {
    // As React's props, the last of one name wins.
    const attribute = attributes.filter((candidate) => candidate.name === name).pop();
    return attribute === undefined ? undefined : attributeValue(attribute, text);
  };
}

function linkOfElement(node: MdxNode, text: string): MdxComponentLink | undefined {
  const valueOf = propsOf(node, text);
  if (valueOf === undefined) return undefined;
  const noCheck = valueOf('data-noBrokenLinkCheck');
  const target = valueOf('target');
  if (noCheck === 'unknown' || (noCheck !== undefined && noCheck.value) || valueOf('autoAddBaseUrl') !== undefined) return undefined;
  if (target === 'unknown' || (target !== undefined && target.value && target.value !== '_self')) return undefined;
  const to = valueOf('to');
  if (to === 'unknown') return undefined;
  // `to || href`: an empty `to` gives way.
  const chosen = to !== undefined && to.value ? to : valueOf('href');
  if (chosen === undefined || chosen === 'unknown' || typeof chosen.value !== 'string' || chosen.value === '' || chosen.start === undefined || chosen.end === undefined) return undefined;
  return { target: chosen.value, start: chosen.start, end: chosen.end };
}

function attributeValue(attribute: NonNullable<MdxNode['attributes']>[number], text: string): AttributeValue {
  const { value } = attribute;
  if (value === null || value === undefined) return { value: true };
  if (typeof value === 'string') {
    // Where the string's text is: within the quotes that end the attribute.
    const end = (attribute.position?.end.offset ?? 0) - 1;
    const quote = text[end];
    const start = text.lastIndexOf(quote, end - 1) + 1;
    return quote === '"' || quote === "'" ? { value, start, end } : 'unknown';
  }
  const program = (value as { data?: { estree?: EstreeNode } }).data?.estree;
  const body = (program?.body as EstreeNode[] | undefined) ?? [];
  const expression = body.length === 1 && body[0].type === 'ExpressionStatement' ? (body[0].expression as EstreeNode) : undefined;
  if (expression?.type === 'Literal' && (expression.value === null || ['string', 'boolean', 'number'].includes(typeof expression.value))) {
    const literal = expression.value as string | boolean | number | null;
    return typeof literal === 'string' ? { value: literal, start: expression.start! + 1, end: expression.end! - 1 } : { value: literal };
  }
  const quasis = expression?.type === 'TemplateLiteral' ? (expression.quasis as EstreeNode[]) : [];
  if (quasis.length === 1) {
    const cooked = (quasis[0].value as { cooked?: string | null }).cooked;
    if (typeof cooked === 'string') return { value: cooked, start: expression!.start! + 1, end: expression!.end! - 1 };
  }
  return 'unknown';
}

/**
 * Links, images and link definitions whose address Docusaurus's remark plugins cannot read as a
 * URL, which stops the build as MDX's own errors do (`http://`; `https://example.com>`, where a
 * GFM autolink took the `>` along).
 */
function unparsableUrls(tree: MdxNode): MdxFinding[] {
  const findings: MdxFinding[] = [];
  const visit = (node: MdxNode): void => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string' && node.url !== '' && node.position?.start.offset !== undefined) {
      if (!isUrl(node.url)) findings.push({ kind: 'syntax', reason: `Can't parse URL ${node.url} with base unspecified://`, start: { offset: node.position.start.offset }, end: { offset: node.position.end.offset } });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return findings;
}

/** Every module the page's code asks for, in the order written (see `MdxModuleRequest`). */
function moduleRequests(tree: MdxNode): MdxModuleRequest[] {
  const requests: MdxModuleRequest[] = [];
  // A page that defines a `require` of its own calls that: webpack asks for nothing.
  const ownRequire = (tree.children ?? []).some((node) => node.type === 'mdxjsEsm' && node.data?.estree !== undefined && moduleDeclarations(node.data.estree).includes('require'));
  const request = (source: EstreeNode | null | undefined): void => {
    if (source?.type !== 'Literal' || typeof source.value !== 'string' || typeof source.start !== 'number' || typeof source.end !== 'number') return;
    requests.push({ request: source.value, start: source.start + 1, end: source.end - 1 });
  };
  const visitCode = (node: EstreeNode): void => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ImportExpression') request(node.source as EstreeNode | null);
    else if (!ownRequire && node.type === 'CallExpression' && (node.callee as EstreeNode).type === 'Identifier' && (node.callee as EstreeNode).name === 'require' && (node.arguments as EstreeNode[]).length === 1) request((node.arguments as EstreeNode[])[0]);
    for (const key in node) {
      if (key === 'loc' || key === 'range') continue;
      const value = (node as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isEstreeNode(item)) visitCode(item);
      } else if (isEstreeNode(value)) visitCode(value);
    }
  };
  const visit = (node: MdxNode): void => {
    if (node.data?.estree !== undefined) visitCode(node.data.estree);
    // Directives have attributes too: an object of strings, no code.
    for (const attribute of node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? (node.attributes ?? []) : []) {
      const estree = attribute.type === 'mdxJsxExpressionAttribute' ? attribute.data?.estree : (attribute.value as { data?: { estree?: EstreeNode } } | null | undefined)?.data?.estree;
      if (estree !== undefined) visitCode(estree);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return requests.sort((a, b) => a.start - b.start);
}

const isEstreeNode = (value: unknown): value is EstreeNode => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

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
/** What a link's text and address may hold written as they are: no Markdown (`~` strikes through in GFM), MDX or link syntax. */
const PLAIN_ADDRESS = /^[A-Za-z0-9:/?#@!$&'+,;=.%-]+$/;
/** What may read as a character reference (`&amp;`, `&#38;`) in a link's text or address. */
const CHARACTER_REFERENCE_LIKE = /&#?[A-Za-z0-9]+;/;

/** Whether Docusaurus's link plugins read an address as a URL. */
function isUrl(address: string): boolean {
  try {
    new URL(address, 'unspecified://');
    return true;
  } catch {
    return false;
  }
}

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
  // An autolink keeps a character reference (`&amp;`) as written; a link's text and address would decode it.
  if (!PLAIN_ADDRESS.test(found[1]) || CHARACTER_REFERENCE_LIKE.test(found[1]) || !isUrl(uri !== null ? found[1] : `mailto:${found[1]}`)) return null;
  // In a link's text (`[Text <https://x.org>](B.md)`), a link written there would end the one around it.
  if (inLinkText(text, offset, offset + found[0].length)) return null;
  const address = uri !== null ? found[1] : `mailto:${found[1]}`;
  return { kind: 'link', start: offset, end: offset + found[0].length, newText: `[${found[1]}](${address})` };
}

/** Whether `start`..`end` lies between a `[` and a `](` or `][` on its line, as in a link's text. */
function inLinkText(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  return before.lastIndexOf('[') > before.lastIndexOf(']') && /^[^[\]]*\][([]/.test(after);
}

/** An HTML comment at `offset`, where MDX reads none (`future.v4`), written as an MDX comment (a JavaScript one in braces). */
function commentAt(text: string, offset: number): MdxFix | undefined {
  if (!text.startsWith('<!--', offset)) return undefined;
  // In a heading, an MDX comment's text goes into the heading's id: the comment would move its anchor.
  if (/^ {0,3}#/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) return undefined;
  const end = text.indexOf('-->', offset + 4);
  const content = end === -1 ? undefined : text.slice(offset + 4, end);
  if (content === undefined || content.includes('*/')) return undefined;
  return { kind: 'comment', start: offset, end: end + 3, newText: `{/*${content}*/}` };
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
  const stop = Math.max(0, offset - MAX_OPENING_DISTANCE);
  if (source === 'micromark-extension-mdx-jsx') {
    // Before the character MDX stopped at: in `<<`, the tag is the first `<`.
    for (let at = Math.min(offset, text.length) - 1; at >= stop; at--) {
      if (text[at] === '>') return undefined;
      if (text[at] === '<') {
        // Escaping the opening tag would leave its closing tag alone, which MDX refuses too.
        const name = /^<\/?([A-Za-z][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1];
        return name !== undefined && text.includes(`</${name}`, at + 1) ? undefined : at;
      }
    }
  } else if (source === 'micromark-extension-mdx-expression') {
    let depth = 0;
    for (let at = Math.min(offset, text.length) - 1; at >= stop; at--) {
      if (text[at] === '}') depth++;
      else if (text[at] === '{' && depth-- === 0) return insideTag(text, at) ? undefined : at;
    }
  }
  return undefined;
}

/** Whether `offset` is inside a tag on its line (an attribute's value, a spread): a `<` with no `>` after it before `offset`. */
function insideTag(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return before.lastIndexOf('<') > before.lastIndexOf('>');
}

// ---------------------------------------------------------------------------------------------
// Names a page that parses reads at render time without defining them

interface MdxNode {
  type: string;
  url?: string;
  children?: MdxNode[];
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown; data?: { estree?: EstreeNode }; position?: { start: { offset?: number }; end: { offset?: number } } }>;
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
 * What the compiled page defines besides its own imports and exports: MDX's `props` and
 * `arguments` (expressions run in its content function), the constants Docusaurus's MDX loader and
 * its table of contents plugin export from a doc, and the page's own component (not `metadata`: it
 * is re-exported, which defines no name). Names of MDX's own code start with `_`, and are left alone.
 */
const PAGE_NAMES = new Set(['props', 'arguments', 'frontMatter', 'contentTitle', 'assets', 'toc', 'MDXContent', ...['Fragment', 'jsx', 'jsxs', 'components', 'createMdxContent', 'missingMdxReference', 'provideComponents'].map((name) => `_${name}`)]);
/** Names webpack answers for in a page's bundle: `module` and `exports` are objects there; `__dirname` is not defined. */
const BUNDLER_NAMES = new Set(['require', 'module', 'exports', '__webpack_require__']);
/** Values an expression shows as a child that React cannot render: objects (not arrays: `toc` may be empty). */
const OBJECT_PAGE_NAMES = new Set(['props', 'frontMatter', 'assets', 'module', 'exports']);
/** Objects `new` makes that React cannot show (it shows what can be iterated: `new Set`, `new Array`, `new String`). */
const UNSHOWN_CONSTRUCTORS = new Set(['Date', 'Object', 'Error', 'TypeError', 'RangeError', 'RegExp', 'Promise', 'WeakMap', 'WeakSet', 'URL']);

type RenderFinding = Extract<MdxFinding, { kind: MdxRenderProblemKind }>;

function renderProblems(tree: MdxNode, text: string): RenderFinding[] {
  const declared = new Set<string>();
  const exports: Array<{ name: string; start: number; end: number }> = [];
  /** Initialisers of exports and the like, which run when the page loads. */
  const moduleExpressions: EstreeNode[] = [];
  /** With the `{` that opens each, where escaping it makes it text: not in an attribute's value. */
  const expressions: Array<{ tree: EstreeNode; opening: number | undefined; child: boolean }> = [];
  const components: Array<{ name: string; node: MdxNode }> = [];
  const objects = new Set<string>();
  let hasTocEntries = false;
  const findings: RenderFinding[] = [];
  const visit = (node: MdxNode): void => {
    if (node.type === 'heading' && (node as { depth?: number }).depth! >= 2) hasTocEntries = true;
    const estree = node.data?.estree;
    const start = node.position?.start.offset;
    if (node.type === 'mdxjsEsm' && estree !== undefined) {
      for (const name of moduleDeclarations(estree)) declared.add(name);
      exports.push(...exportedNames(estree));
      moduleExpressions.push(...moduleInitialisers(estree));
      for (const name of objectExports(estree)) objects.add(name);
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && estree !== undefined) {
      expressions.push({ tree: estree, opening: start, child: true });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && start !== undefined && typeof node.name === 'string') {
      const name = node.name;
      // MDX looks up a capital, `_`, `$` or a member (`a.b`) as a component; the rest is HTML's.
      if (/^[A-Z_$]/.test(name) || (name.includes('.') && !name.includes(':'))) components.push({ name: name.split('.')[0], node });
      else if (!name.includes(':')) findings.push(...elementProblems(node, name, start));
      for (const attribute of node.attributes ?? []) {
        const attributeTree = attribute.type === 'mdxJsxExpressionAttribute' ? attribute.data?.estree : (attribute.value as { data?: { estree?: EstreeNode } } | null | undefined)?.data?.estree;
        if (attributeTree !== undefined) expressions.push({ tree: attributeTree, opening: undefined, child: false });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  const isDefined = (name: string) => declared.has(name) || PAGE_NAMES.has(name) || BUNDLER_NAMES.has(name) || name in globalThis;
  // The table of contents lists the headings from `##` on: shown, its entries are objects.
  if (hasTocEntries && !declared.has('toc')) objects.add('toc');
  for (const exported of exports) {
    if (READ_ONLY_FUNCTION_PROPERTIES.has(exported.name)) findings.push({ kind: 'read-only-export', ...exported });
  }
  for (const { name, node } of components) {
    if (declared.has(name)) continue;
    const start = node.position!.start.offset! + 1;
    findings.push({ kind: 'undefined-component', name, start, end: start + name.length, ...componentEscape(text, node) });
  }
  for (const expression of moduleExpressions) {
    for (const reference of referencesAtRender(expression) ?? []) if (!isDefined(reference.name)) findings.push({ kind: 'undefined-name', ...reference });
  }
  for (const expression of expressions) {
    const references = referencesAtRender(expression.tree);
    for (const reference of references ?? []) {
      if (isDefined(reference.name)) continue;
      findings.push({ kind: 'undefined-name', ...reference, ...(expression.opening === undefined ? {} : { fix: escapeAt(expression.opening) }) });
    }
    const shown = expression.child && references !== undefined ? objectShown(expression.tree, declared, objects) : undefined;
    if (shown !== undefined) findings.push({ kind: 'object-child', name: shown.name, start: shown.start, end: shown.end });
  }
  findings.push(...tabsProblems(tree, text));
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * The theme's `TabItem`s (`import TabItem from '@theme/TabItem'`) that no element of the page holds
 * but HTML's: no `Tabs` gives them their context, and the render fails. One inside another
 * component may be in a `Tabs` that component renders: not judged. And the theme's `Tabs` that
 * fail their own checks (see `TabsProblemKind`), where the page surely renders them: not inside a
 * component of its own, nor in a tab a `lazy` `Tabs` may leave unrendered.
 */
function tabsProblems(tree: MdxNode, text: string): RenderFinding[] {
  const tabItems = defaultImports(tree, '@theme/TabItem');
  const tabs = defaultImports(tree, '@theme/Tabs');
  const findings: RenderFinding[] = [];
  if (tabItems.size === 0 && tabs.size === 0) return findings;
  const visit = (node: MdxNode, inComponent: boolean, rendered: boolean, flow: boolean): void => {
    const element = isJsxElement(node) && typeof node.name === 'string' ? node.name : undefined;
    const start = node.position?.start.offset;
    if (element !== undefined && tabItems.has(element) && !inComponent && start !== undefined) findings.push({ kind: 'tab-outside-tabs', name: element, start: start + 1, end: start + 1 + element.length });
    if (element !== undefined && tabs.has(element) && rendered && flow) findings.push(...tabsRefused(node, element, text));
    const component = element !== undefined && (/^[A-Z_$]/.test(element) || element.includes('.'));
    const rendersChildren = !component || tabItems.has(element!) || (tabs.has(element!) && propsOf(node, text)?.('lazy') === undefined);
    // A JSX element in a paragraph of other text is inline, where MDX renders no `Tabs` of blocks.
    const original = new Set(node.children);
    for (const child of renderedChildren(node)) visit(child, inComponent || component, rendered && rendersChildren, child.type === 'mdxJsxFlowElement' || !original.has(child));
  };
  visit(tree, false, true, true);
  return findings;
}

const isJsxElement = (node: MdxNode): boolean => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * A node's children as MDX renders them: a paragraph holding nothing but JSX elements, expressions
 * and blanks gives way to them (MDX's `remarkMarkAndUnravel`).
 */
function renderedChildren(node: MdxNode): MdxNode[] {
  return (node.children ?? []).flatMap((child) => {
    const inner = child.type === 'paragraph' ? (child.children ?? []) : [];
    const unravels = inner.some((part) => isJsxElement(part) || part.type === 'mdxTextExpression') && inner.every((part) => isJsxElement(part) || part.type === 'mdxTextExpression' || (part.type === 'text' && /^[\t\n\f\r ]*$/.test(String((part as { value?: unknown }).value))));
    return unravels ? inner.filter((part) => part.type !== 'text') : [child];
  });
}

/** The HTML element Markdown's blocks become, which has no `value` for `Tabs`. */
function blockElement(node: MdxNode): string | undefined {
  switch (node.type) {
    case 'paragraph':
      return 'p';
    case 'heading':
      return `h${(node as { depth?: number }).depth}`;
    case 'code':
      return 'pre';
    case 'list':
      return (node as { ordered?: boolean }).ordered ? 'ol' : 'ul';
    case 'blockquote':
    case 'table':
      return node.type;
    case 'thematicBreak':
      return 'hr';
  }
  return undefined;
}

/** What a `Tabs` element's own checks refuse when it renders (see `TabsProblemKind`). */
function tabsRefused(node: MdxNode, name: string, text: string): RenderFinding[] {
  const props = propsOf(node, text);
  const opening = node.position!.start.offset! + 1;
  const at = { name, start: opening, end: opening + name.length };
  if (props === undefined) return [];
  const findings: RenderFinding[] = [];
  const queryString = props('queryString');
  const groupId = props('groupId');
  if (queryString !== undefined && queryString !== 'unknown' && queryString.value === true && (groupId === undefined || (groupId !== 'unknown' && !groupId.value))) findings.push({ kind: 'tabs-query-string', ...at });
  if (props('values') !== undefined) return findings;
  const values: Array<{ value: string | boolean | number | null; node: MdxNode }> = [];
  let known = true;
  for (const child of renderedChildren(node)) {
    const childStart = child.position?.start.offset;
    if (childStart === undefined) return findings;
    const block = blockElement(child);
    if (block !== undefined) {
      const lineEnd = text.indexOf('\n', childStart);
      findings.push({ kind: 'tabs-child', name: block, start: childStart, end: Math.min(child.position?.end.offset ?? childStart, lineEnd === -1 ? text.length : lineEnd) });
    } else if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') {
      // An expression of nothing but a comment is no child; what another gives is not known.
      if (((child.data?.estree?.body as unknown[] | undefined) ?? [undefined]).length > 0) known = false;
    } else if (isJsxElement(child) && typeof child.name === 'string' && child.name !== '') {
      const childProps = propsOf(child, text);
      const value = childProps?.('value');
      if (value === undefined && childProps !== undefined) findings.push({ kind: 'tabs-child', name: child.name, start: childStart + 1, end: childStart + 1 + child.name.length });
      else if (value === undefined || value === 'unknown') known = false;
      else values.push({ value: value.value, node: child });
    } else known = false;
  }
  if (!known || findings.some((finding) => finding.kind === 'tabs-child')) return findings;
  if (values.length === 0) findings.push({ kind: 'tabs-empty', ...at });
  values.forEach(({ value, node: tab }, index) => {
    if (!values.slice(0, index).some((earlier) => earlier.value === value)) return;
    const tabStart = tab.position!.start.offset! + 1;
    findings.push({ kind: 'tabs-duplicate-value', name: String(value), start: tabStart, end: tabStart + (tab.name as string).length });
  });
  const defaultValue = props('defaultValue');
  if (defaultValue !== undefined && defaultValue !== 'unknown' && defaultValue.value && !values.some(({ value }) => value === defaultValue.value)) findings.push({ kind: 'tabs-default-value', ...at, name: String(defaultValue.value) });
  return findings;
}

/**
 * What React refuses in an element of HTML: a `style` written as text (it takes an object), and
 * children of an element that has none (`<br>x</br>`).
 */
function elementProblems(node: MdxNode, name: string, start: number): RenderFinding[] {
  const problems: RenderFinding[] = [];
  const at = { name, start: start + 1, end: start + 1 + name.length };
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute as { name?: unknown }).name !== 'style') continue;
    const value = attribute.value as string | null | { data?: { estree?: EstreeNode } };
    if (typeof value === 'string' || value === null || isText(value.data?.estree)) problems.push({ kind: 'style-text', ...at });
  }
  if (VOID_ELEMENTS.has(name) && (node.children ?? []).some((child) => !rendersNothing(child))) problems.push({ kind: 'void-children', ...at });
  return problems;
}

/** Whether an attribute's expression is a string (`style={"color: red"}`). */
function isText(program: EstreeNode | undefined): boolean {
  const body = program?.body as EstreeNode[] | undefined;
  const expression = body?.length === 1 && body[0].type === 'ExpressionStatement' ? (body[0].expression as EstreeNode) : undefined;
  return (expression?.type === 'Literal' && typeof expression.value === 'string') || expression?.type === 'TemplateLiteral';
}

/** Escapes a component's tag, and its closing tag too (`\\<Glossar>…\\</Glossar>`), so both are text. */
function componentEscape(text: string, node: MdxNode): { fix?: MdxFix } {
  const start = node.position!.start.offset!;
  const end = node.position?.end.offset;
  const children = node.children ?? [];
  if (end === undefined) return {};
  if (children.length === 0 && text.slice(start, end).trimEnd().endsWith('/>')) return { fix: escapeAt(start) };
  // The closing tag follows the last child (or the opening tag): not a `</` inside an attribute.
  const from = children.length > 0 ? children[children.length - 1].position?.end.offset : text.indexOf('>', start) + 1;
  const closing = from === undefined || from <= start ? -1 : text.indexOf('</', from);
  if (closing === -1 || closing >= end) return {};
  return { fix: { kind: 'escape', start, end: closing, newText: `\\${text.slice(start, closing)}\\` } };
}

/**
 * The object an expression shows as a child, which React cannot render ("Objects are not valid as
 * a React child"): an object literal; a `new` object React cannot iterate (`new Date(0)`); a name
 * that holds an object: the page's `props`, `frontMatter` and `assets`, its `toc` where it has
 * entries (`objects`: and the page's own exports of object literals), or a global such as `Math`.
 */
function objectShown(program: EstreeNode, declared: Set<string>, objects: Set<string>): { name: string; start: number; end: number } | undefined {
  const body = program.body as EstreeNode[] | undefined;
  if (body?.length !== 1 || body[0].type !== 'ExpressionStatement') return undefined;
  const expression = body[0].expression as EstreeNode;
  if (typeof expression.start !== 'number' || typeof expression.end !== 'number') return undefined;
  const at = { start: expression.start, end: expression.end };
  if (expression.type === 'ObjectExpression') return { name: '{…}', ...at };
  const callee = expression.type === 'NewExpression' ? (expression.callee as EstreeNode) : undefined;
  if (callee !== undefined) {
    const constructor = callee.type === 'Identifier' ? (callee.name as string) : undefined;
    return constructor !== undefined && UNSHOWN_CONSTRUCTORS.has(constructor) && !declared.has(constructor) ? { name: `new ${constructor}`, ...at } : undefined;
  }
  if (expression.type !== 'Identifier') return undefined;
  const name = expression.name as string;
  if (objects.has(name)) return { name, ...at };
  if (declared.has(name)) return undefined;
  const global = name in globalThis ? (globalThis as Record<string, unknown>)[name] : undefined;
  const isObject = OBJECT_PAGE_NAMES.has(name) || (typeof global === 'object' && global !== null && !Array.isArray(global));
  return isObject ? { name, ...at } : undefined;
}

/** The page's own exports of object literals (`export const meta = { … }`). */
function objectExports(program: EstreeNode): string[] {
  const names: string[] = [];
  for (const statement of (program.body as EstreeNode[] | undefined) ?? []) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as EstreeNode | null) : undefined;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as EstreeNode[]) {
      const id = declarator.id as EstreeNode;
      if (id.type === 'Identifier' && (declarator.init as EstreeNode | null)?.type === 'ObjectExpression') names.push(id.name as string);
    }
  }
  return names;
}

/** Whether a child renders nothing: an expression of nothing but a comment, or of `null`, `undefined`, `true` or `false`. */
function rendersNothing(child: MdxNode): boolean {
  if (child.type !== 'mdxTextExpression' && child.type !== 'mdxFlowExpression') return false;
  const body = (child.data?.estree?.body as EstreeNode[] | undefined) ?? [];
  if (body.length === 0) return true;
  const expression = body.length === 1 && body[0].type === 'ExpressionStatement' ? (body[0].expression as EstreeNode) : undefined;
  return (expression?.type === 'Literal' && (expression.value === null || typeof expression.value === 'boolean')) || (expression?.type === 'Identifier' && expression.name === 'undefined');
}

/** The expressions an `import` or `export` block evaluates when the page loads: its exported constants' values, its default export. */
function moduleInitialisers(program: EstreeNode): EstreeNode[] {
  const initialisers: EstreeNode[] = [];
  for (const statement of (program.body as EstreeNode[] | undefined) ?? []) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? (statement.declaration as EstreeNode | null) : undefined;
    if (statement.type === 'ExportDefaultDeclaration' && declaration !== null && declaration !== undefined && !/Declaration$/.test(declaration.type)) initialisers.push(declaration);
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as EstreeNode[]) if (declarator.init) initialisers.push(declarator.init as EstreeNode);
  }
  return initialisers;
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

const READ_ONLY_FUNCTION_PROPERTIES = new Set(['name', 'length', 'caller', 'arguments']);

/** The names an `export` block exports, where they are written. */
function exportedNames(program: EstreeNode): Array<{ name: string; start: number; end: number }> {
  const names: Array<{ name: string; start: number; end: number }> = [];
  const add = (node: EstreeNode) => {
    // `export { a as "name" }` exports nothing the page's component gets (MDX compiles it to undefined).
    const name = node.type === 'Identifier' ? (node.name as string) : undefined;
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
      // Pages are strict modules: assigning a name defined nowhere throws.
      case 'AssignmentExpression':
        return ((node.left as EstreeNode).type === 'Identifier' ? read(node.left as EstreeNode) : (node.left as EstreeNode).type === 'MemberExpression' && read(node.left as EstreeNode)) && read(node.right as EstreeNode);
      case 'UpdateExpression':
        return read(node.argument as EstreeNode);
      default:
        // Destructuring, JSX, `await`, `yield`, statements: not read here.
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
