import type { ParsedDocument } from '../parsing/document';
import type * as HeadingSlugs from './headingSlugs';
import { CHARACTER_REFERENCE, codeSpanAt, ESCAPABLE, MAX_INLINE_TEXT } from '../parsing/markdown';

/**
 * The anchors of a doc's page as Docusaurus 3 collects them for its broken-anchor check: the ids
 * of its headings but the H1 (the theme gives an H1 none), and those of the elements whose
 * components collect one (`<details id="x">`; not `<a id="x">`, which MDX leaves a plain tag). A
 * heading's id is its explicit one (`## Hello {#hi}`), else its text slugged as GitHub does
 * (github-slugger, as Docusaurus's heading plugin), numbered where a slug repeats on the page (the
 * H1's slug counts for that; an explicit id does not).
 *
 * Undefined where the page may have anchors we cannot name: a heading whose text we cannot read
 * for certain (HTML, an expression, emphasis with `_`, a reference link), one in a quote or a
 * list item, an `id` an expression or a component of the site's gives, any element's `id` on a
 * page compiled as CommonMark (`mdx` false), or a module the page imports (a partial's headings, a
 * component's). A link to such a page is not judged: a missed warning, never a false one.
 * Each anchor with what gives it: its heading's text (the headings' in the page's order), then its
 * element (`<details id>`). Remembered per parsed document, which never changes.
 */
export function docusaurusAnchorsOf(document: ParsedDocument, options: { maintainCase: boolean; mdx: boolean }): ReadonlyMap<string, string> | undefined {
  const remembered = (remembering[Number(options.maintainCase) * 2 + Number(options.mdx)] ??= new WeakMap());
  if (remembered.has(document)) return remembered.get(document) ?? undefined;
  const found = anchorsOf(document, options.maintainCase, options.mdx);
  remembered.set(document, found ?? null);
  return found;
}

let headingSlugs: typeof HeadingSlugs | undefined;

/** By the options, one table each. */
const remembering: Array<WeakMap<ParsedDocument, ReadonlyMap<string, string> | null>> = [];

/** The elements whose components collect their `id` as an anchor where MDX compiles the page: Docusaurus's `Details` (`details` in Markdown too), `Link` and `Heading`. */
const COLLECTING_ELEMENTS = new Set(['details', 'Details', 'Link', 'Heading']);

/**
 * The modules a page may import without adding anchors: Docusaurus's own components (`Tabs`,
 * `TOCInline`), and files that are no code or Markdown (an image, a stylesheet, data). A partial or
 * a component may render headings.
 */
const ANCHORLESS_MODULES = /^@(?:theme|docusaurus)\/|\.(?!(?:[cm]?[jt]sx?|mdx?)$)[A-Za-z0-9]+$/;

function anchorsOf(document: ParsedDocument, maintainCase: boolean, mdx: boolean): ReadonlyMap<string, string> | undefined {
  if ((document.mdxModules ?? []).some((module) => !ANCHORLESS_MODULES.test(module.request))) return undefined;
  const fromHeadings = new Map<string, string>();
  const fromElements = new Map<string, string>();
  for (const element of document.body.otherAnchors ?? []) {
    const tag = element.slice(0, element.indexOf(':'));
    if (element === '' || !mdx || (!COLLECTING_ELEMENTS.has(tag) && /^[A-Z]/.test(tag))) return undefined;
    if (COLLECTING_ELEMENTS.has(tag)) fromElements.set(element.slice(tag.length + 1), `<${tag}>`);
  }
  // Loaded on first use: in the bundles, `./headingSlugs` is dist/headingSlugs.js.
  headingSlugs ??= require('./headingSlugs') as typeof HeadingSlugs;
  const slugger = headingSlugs.pageSlugger();
  for (const heading of document.body.headings) {
    let id = heading.id;
    // A directive's name (`{#ns:name}`, remark-directive's `:name`) is no part of the id.
    if (id !== undefined && DIRECTIVE.test(id)) return undefined;
    if (id === undefined) {
      const text = headingText(heading.source ?? heading.text);
      if (text === undefined) return undefined;
      // Docusaurus looks for `{#id}` in the text: a code span may write it (`` `{#x}` ``).
      const explicit = CLASSIC_HEADING_ID.exec(text);
      id = explicit !== null ? explicit[1].trim() : slugger.slug(text, maintainCase);
    }
    if (heading.level > 1 && !fromHeadings.has(id)) fromHeadings.set(id, `${'#'.repeat(heading.level)} ${heading.text}`);
  }
  for (const [id, element] of fromElements) if (!fromHeadings.has(id)) fromHeadings.set(id, element);
  return fromHeadings;
}

/** An explicit id at the end of a heading's text, as Docusaurus's classic syntax reads it. */
const CLASSIC_HEADING_ID = /\s*\{#((?:.(?!\{#|\}))*.)\}$/;
/** A text directive (remark-directive, which Docusaurus reads in every page): `:` and a letter, not after another `:`. */
const DIRECTIVE = /(?<!:):[A-Za-z]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A heading's inline Markdown as the text Docusaurus slugs (mdast's `toString`): code spans' code,
 * links' and images' texts, escapes resolved, emphasis markers of `*` left in (the slug drops them
 * all the same). Undefined where that text is not certain without a full parse, and for text too
 * long to be a heading (`MAX_INLINE_TEXT`).
 */
export function headingText(markdown: string): string | undefined {
  if (markdown.length > MAX_INLINE_TEXT) return undefined;
  let text = '';
  for (let at = 0; at < markdown.length; ) {
    const character = markdown[at];
    if (character === '\\') {
      const next = markdown[at + 1];
      if (next !== undefined && ESCAPABLE.test(next)) {
        text += next;
        at += 2;
        continue;
      }
    } else if (character === '`') {
      const span = codeSpanAt(markdown, at);
      text += 'run' in span ? markdown.slice(at, at + span.run) : span.text;
      at = 'run' in span ? at + span.run : span.end;
      continue;
    } else if (character === '[' || (character === '!' && markdown[at + 1] === '[')) {
      const link = inlineLink(markdown, character === '!' ? at + 1 : at);
      if (link === undefined) return undefined;
      const linkText = headingText(link.text);
      if (linkText === undefined) return undefined;
      text += linkText;
      at = link.end;
      continue;
    } else if (character === '<' || character === '{' || character === '}' || character === '\n' || character === ']' || (character === ':' && DIRECTIVE.test(markdown.slice(Math.max(0, at - 1), at + 2)))) {
      return undefined;
    } else if (character === '&' && CHARACTER_REFERENCE.test(markdown.slice(at, at + 40))) {
      return undefined;
    } else if (character === '_' && !(WORD_CHARACTER.test(markdown[at - 1] ?? '') && WORD_CHARACTER.test(markdown[at + 1] ?? ''))) {
      // `_` at a word's edge may be emphasis, which the text leaves out, and the slug keeps `_`.
      return undefined;
    }
    text += character;
    at++;
  }
  return text;
}

/** An inline link `[text](destination "title")` at `at` (its `[`): its text and where it ends; undefined for any other bracket. */
function inlineLink(markdown: string, at: number): { text: string; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let index = at; index < markdown.length; index++) {
    const character = markdown[index];
    if (character === '\\') index++;
    else if (character === '`') {
      // A code span in the text (`[\`JsCast\`](…)`): its brackets are code.
      const span = codeSpanAt(markdown, index);
      if ('run' in span) return undefined;
      index = span.end - 1;
    } else if (character === '[') depth++;
    else if (character === ']' && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close === -1 || markdown[close + 1] !== '(' || markdown[at + 1] === '^') return undefined;
  // A destination without blanks or parentheses, and an optional title in quotes.
  const rest = /^\(\s*(?:<[^<>\n]*>|[^\s()<>]*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/.exec(markdown.slice(close + 1));
  if (rest === null) return undefined;
  return { text: markdown.slice(at + 1, close), end: close + 1 + rest[0].length };
}
