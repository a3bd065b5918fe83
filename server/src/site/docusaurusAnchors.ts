import type { ParsedDocument } from '../parsing/document';
import { comparePositions, type Position } from '../common/text';
import type * as HeadingSlugs from './headingSlugs';
import { CHARACTER_REFERENCE, codeSpanAt, ESCAPABLE, MAX_INLINE_TEXT, referencedCharacter } from '../parsing/markdown';

/**
 * The anchors of a doc's page as Docusaurus 3 collects them for its broken-anchor check: the ids
 * of its headings but the H1 (the theme gives an H1 none), and those of the elements whose
 * components collect one (`<details id="x">`; not `<a id="x">`, which MDX leaves a plain tag; on a
 * page compiled as CommonMark, `<a id>`, `<details id>` and `<h2 id>`…`<h6 id>`, not `<span id>`). A
 * heading's id is its explicit one (`## Hello {#hi}`), else its text slugged as GitHub does
 * (github-slugger, as Docusaurus's heading plugin), numbered where a slug repeats on the page (the
 * H1's slug counts for that; an explicit id does not).
 *
 * A Markdown partial the page imports (`import Teil from './_teil.mdx'`) adds its own anchors, as
 * Docusaurus collects them where the partial renders (each file slugs its headings on its own);
 * `partialOf` finds it.
 *
 * Undefined where the page may have anchors we cannot name: a heading whose text we cannot read
 * for certain (HTML, an expression, a full reference link: see `headingText`), one in a quote or a
 * list item, an `id` an expression or a component of the site's gives, the `id` of an element on a
 * page compiled as CommonMark (`mdx` false) that is no HTML element we know, a module the page imports that is code (a
 * component's headings) or a partial not found, or partials nested deeper than `MAX_PARTIAL_DEPTH`.
 * A link to such a page is not judged: a missed warning, never a false one.
 * Each anchor with what gives it: its heading's text (the headings' in the page's order), then its
 * element (`<details id>`), then the partials'.
 */
export function docusaurusAnchorsOf(document: ParsedDocument, options: { maintainCase: boolean; mdx: boolean }, partialOf?: PartialOf): ReadonlyMap<string, string> | undefined {
  return anchorsWithPartials(document, options, partialOf, new Set());
}

/** A Markdown file a page imports, as found from the importing page: its document, and whether it is compiled as MDX. */
export type PartialOf = (request: string, importer: ParsedDocument) => { document: ParsedDocument; mdx: boolean } | undefined;

/** How deep partials import partials before their anchors are not judged. */
export const MAX_PARTIAL_DEPTH = 5;

function anchorsWithPartials(document: ParsedDocument, options: { maintainCase: boolean; mdx: boolean }, partialOf: PartialOf | undefined, importers: Set<string>): ReadonlyMap<string, string> | undefined {
  const own = ownAnchorsOf(document, options);
  const partials = (document.mdxModules ?? []).filter((module) => !ANCHORLESS_MODULES.test(module.request));
  if (own === undefined || partials.length === 0) return own;
  if (partialOf === undefined || importers.has(document.uri) || importers.size >= MAX_PARTIAL_DEPTH) return undefined;
  importers.add(document.uri);
  const anchors = new Map(own);
  for (const module of partials) {
    const partial = partialOf(module.request, document);
    const theirs = partial && anchorsWithPartials(partial.document, { maintainCase: options.maintainCase, mdx: partial.mdx }, partialOf, importers);
    if (theirs === undefined) return undefined;
    for (const [id, source] of theirs) if (!anchors.has(id)) anchors.set(id, source);
  }
  importers.delete(document.uri);
  return anchors;
}

/** The anchors of the page's own text, its imports aside; remembered per parsed document, which never changes. */
function ownAnchorsOf(document: ParsedDocument, options: { maintainCase: boolean; mdx: boolean }): ReadonlyMap<string, string> | undefined {
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
 * The HTML elements whose ids are anchors on a page compiled as CommonMark: those the theme's MDX
 * components render with a component that collects its id (`a` as `Link`, `details`, `h2`…`h6` as
 * `Heading`; not `h1`). `test/sites/docusaurus-anchors-commonmark`.
 */
const COMMONMARK_COLLECTING_ELEMENTS = /^(?:a|details|h[2-6])$/;

/** HTML elements whose ids no component collects on a page compiled as CommonMark (`<span id>`, `<div id>`, `<h1 id>`): no anchors. */
const PLAIN_HTML_ELEMENTS = new Set(
  ('abbr address article aside audio b bdi bdo blockquote br button canvas caption center cite code col colgroup dd del dfn div dl dt em ' +
    'figcaption figure font footer form h1 header hr i iframe img input ins kbd label legend li main mark nav ol p picture pre q s samp ' +
    'section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var video wbr').split(' '),
);

/**
 * The modules a page may import without adding anchors: Docusaurus's own components (`Tabs`,
 * `TOCInline`), and files that are no code or Markdown (an image, a stylesheet, data). A partial or
 * a component may render headings.
 */
const ANCHORLESS_MODULES = /^@(?:theme|docusaurus)\/|\.(?!(?:[cm]?[jt]sx?|mdx?)$)[A-Za-z0-9]+$/;

/**
 * The anchors of the headings before `end`, as a page that shows the text only up to there has them
 * (a blog's lists show a post up to its truncate marker); undefined where the page has anchors of
 * elements or Markdown partials, whose places are not told here, or where `docusaurusAnchorsOf` is.
 */
export function headingAnchorsBefore(document: ParsedDocument, options: { maintainCase: boolean; mdx: boolean }, end: Position): ReadonlySet<string> | undefined {
  if (document.body.otherAnchors !== undefined || (document.mdxModules ?? []).some((module) => !ANCHORLESS_MODULES.test(module.request))) return undefined;
  const anchors = anchorsOf(document, options.maintainCase, options.mdx, end);
  return anchors === undefined ? undefined : new Set(anchors.keys());
}

function anchorsOf(document: ParsedDocument, maintainCase: boolean, mdx: boolean, end?: Position): ReadonlyMap<string, string> | undefined {
  const fromHeadings = new Map<string, string>();
  const fromElements = new Map<string, string>();
  for (const element of document.body.otherAnchors ?? []) {
    const tag = element.slice(0, element.indexOf(':'));
    if (element === '') return undefined;
    if (!mdx) {
      // CommonMark: rehype-raw makes elements of the HTML (its names in lower case), and the theme's MDX components render some.
      const name = tag.toLowerCase();
      if (COMMONMARK_COLLECTING_ELEMENTS.test(name)) fromElements.set(element.slice(tag.length + 1), `<${tag}>`);
      else if (!PLAIN_HTML_ELEMENTS.has(name)) return undefined;
      continue;
    }
    if (!COLLECTING_ELEMENTS.has(tag) && /^[A-Z]/.test(tag)) return undefined;
    if (COLLECTING_ELEMENTS.has(tag)) fromElements.set(element.slice(tag.length + 1), `<${tag}>`);
  }
  // Loaded on first use: in the bundles, `./headingSlugs` is dist/headingSlugs.js.
  headingSlugs ??= require('./headingSlugs') as typeof HeadingSlugs;
  const slugger = headingSlugs.pageSlugger();
  // The lines a reference to a defined label lies on: elsewhere `[text][label]` names no definition, and is text.
  const referenced = new Set((document.body.references ?? []).map((reference) => reference.range.start.line));
  for (const heading of document.body.headings) {
    if (end !== undefined && comparePositions(heading.range.start, end) >= 0) break;
    let id = heading.id;
    // A directive's name (`{#ns:name}`, remark-directive's `:name`) is no part of the id.
    if (id !== undefined && DIRECTIVE.test(id)) return undefined;
    if (id === undefined) {
      const text = headingText(heading.source ?? heading.text, !referenced.has(heading.range.start.line));
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

/**
 * A heading's inline Markdown as the text Docusaurus slugs (mdast's `toString`): code spans' code,
 * links' and images' texts, escapes and character references resolved, emphasis markers of `*`
 * left in (the slug drops them all the same), those of `_` left out; brackets of no link (`[b]`
 * without a definition: the slug drops them, and those of a shortcut reference alike; a full
 * reference `[text][label]` too, where `unreferenced` says no defined label is used in the heading,
 * as socket.io's `emit(eventName[, ...args][, ack])`). Undefined where that text is not certain without a
 * full parse, and for text too long to be a heading (`MAX_INLINE_TEXT`).
 */
export function headingText(markdown: string, unreferenced = false): string | undefined {
  if (markdown.length > MAX_INLINE_TEXT) return undefined;
  const emphasis = underscoreEmphasis(markdown);
  if (emphasis === undefined) return undefined;
  let text = '';
  let tags = false;
  for (let at = 0; at < markdown.length; ) {
    const character = markdown[at];
    if (character === '\\') {
      const next = markdown[at + 1];
      // A backslash at a line's end is a hard break, which adds no text.
      if (next === '\n' || (next === '\r' && markdown[at + 2] === '\n')) {
        text += '  ';
        at++;
        continue;
      }
      if (next !== undefined && ESCAPABLE.test(next)) {
        text += next;
        at += 2;
        continue;
      }
    } else if (character === '`') {
      const span = codeSpanAt(markdown, at);
      // A code span over lines: its line ending is a blank in the code, its next line's indentation not told here.
      if (!('run' in span) && span.text.includes('\n')) return undefined;
      text += 'run' in span ? markdown.slice(at, at + span.run) : span.text;
      at = 'run' in span ? at + span.run : span.end;
      continue;
    } else if (character === '[' || (character === '!' && markdown[at + 1] === '[')) {
      const link = inlineLink(markdown, character === '!' ? at + 1 : at, unreferenced);
      if (link === 'no link') {
        // Text, or a shortcut or collapsed reference (`[b]`, `[b][]`), whose brackets the slug drops all the same.
        text += character;
        at++;
        continue;
      }
      if (link === undefined) return undefined;
      const linkText = headingText(link.text, unreferenced);
      if (linkText === undefined) return undefined;
      text += linkText;
      at = link.end;
      continue;
    } else if (character === '<') {
      // An element's tag (`<div class="label">`, `</div>`, `<br />`): MDX's JSX or CommonMark's HTML, whose
      // text the heading's text holds and whose tags it does not (metro's `<div class="label experimental">`).
      INLINE_TAG.lastIndex = at;
      const tag = INLINE_TAG.exec(markdown);
      if (tag === null) return undefined;
      tags = true;
      at += tag[0].length;
      continue;
    } else if (character === '\n') {
      // A setext heading's text over lines: mdast keeps a soft break's line ending, blanks around it
      // dropped, and a hard break (two blanks or a backslash before it) adds nothing; the slug drops
      // the line ending (`Erste Zeile⏎zweite`: `erste-zeilezweite`; yunikorn's docs).
      const hardBreak = /  \r?$/.test(text);
      text = text.replace(/[ \t\r]+$/, '') + (hardBreak ? '' : '\n');
      at++;
      while (markdown[at] === ' ' || markdown[at] === '\t') at++;
      continue;
    } else if (character === '{' || character === '}' || (character === ':' && DIRECTIVE.test(markdown.slice(Math.max(0, at - 1), at + 2)))) {
      return undefined;
    } else if (character === '&' && CHARACTER_REFERENCE.test(markdown.slice(at, at + 40))) {
      const reference = CHARACTER_REFERENCE.exec(markdown.slice(at, at + 40))![0];
      const referenced = referencedCharacter(reference);
      if (referenced === undefined) return undefined;
      text += referenced;
      at += reference.length;
      continue;
    } else if (character === '_' && emphasis.has(at)) {
      // A marker of emphasis, which the text leaves out (the slug would keep a `_`).
      at++;
      continue;
    }
    text += character;
    at++;
  }
  // A heading of tags alone: CommonMark's heading keeps its HTML then, MDX's its elements' empty text.
  if (tags && text.trim() === '') return undefined;
  return text;
}

/**
 * An element's opening, closing or self-closing tag, as both MDX and CommonMark read one in a line:
 * a name of letters, digits and `-`, attributes without a value or with a quoted one that holds no
 * expression (`{`), no tag and no line break. Sticky: it matches at `lastIndex` only.
 */
const INLINE_TAG = /<(?:\/[A-Za-z][A-Za-z0-9-]*[ \t]*|[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:"[^"{}<>\n]*"|'[^'{}<>\n]*'))?)*[ \t]*\/?)>/y;

/**
 * An inline link `[text](destination "title")` at `at` (its `[`): its text and where it ends; `no
 * link` for brackets that are text or a reference whose text is theirs (`[b]`, `[b][]`), and a full
 * reference `[text][label]` where it names no definition (`unreferenced`); undefined for any other
 * bracket (a full reference, a footnote, an unclosed one).
 */
function inlineLink(markdown: string, at: number, unreferenced: boolean): { text: string; end: number } | 'no link' | undefined {
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
  if (close === -1 || markdown[at + 1] === '^') return undefined;
  if (markdown[close + 1] === '[') return markdown[close + 2] === ']' || unreferenced ? 'no link' : undefined;
  if (markdown[close + 1] !== '(') return 'no link';
  // A destination without blanks or parentheses, and an optional title in quotes.
  const rest = /^\(\s*(?:<[^<>\n]*>|[^\s()<>]*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/.exec(markdown.slice(close + 1));
  if (rest === null) return undefined;
  return { text: markdown.slice(at + 1, close), end: close + 1 + rest[0].length };
}

/**
 * The places of the `_` that mark emphasis in inline Markdown, as CommonMark pairs them: a run that
 * can open (left-flanking, and not right-flanking unless after punctuation) with the next that can
 * close, of the same length; a run that can do neither is text. Undefined where pairing them needs
 * more (a run that can both open and close, runs of other lengths, one inside a code span).
 */
function underscoreEmphasis(markdown: string): Set<number> | undefined {
  const places = new Set<number>();
  if (!markdown.includes('_')) return places;
  if (markdown.includes('`')) {
    // A code span's `_` are code, never emphasis: its text is masked, its backticks kept (punctuation to the runs beside them).
    const masked = withoutCodeSpans(markdown);
    if (masked === undefined) return undefined;
    markdown = masked;
  }
  // An element's attributes are no text: a tag is its `<` and `>` (punctuation beside a run, as in the text).
  if (markdown.includes('<')) markdown = markdown.replace(INLINE_TAGS, (tag) => `<${'x'.repeat(tag.length - 2)}>`);
  let opener: { at: number; length: number } | undefined;
  for (const run of markdown.matchAll(/(?<!\\)_+/g)) {
    const before = markdown[run.index - 1] ?? ' ';
    const after = markdown[run.index + run[0].length] ?? ' ';
    const leftFlanking = !/\s/u.test(after) && (!PUNCTUATION.test(after) || /\s/u.test(before) || PUNCTUATION.test(before));
    const rightFlanking = !/\s/u.test(before) && (!PUNCTUATION.test(before) || /\s/u.test(after) || PUNCTUATION.test(after));
    const opens = leftFlanking && (!rightFlanking || PUNCTUATION.test(before));
    const closes = rightFlanking && (!leftFlanking || PUNCTUATION.test(after));
    if (opens && closes) return undefined;
    if (opens) {
      if (opener !== undefined) return undefined;
      opener = { at: run.index, length: run[0].length };
    } else if (closes && opener !== undefined) {
      if (opener.length !== run[0].length) return undefined;
      for (let offset = 0; offset < run[0].length; offset++) places.add(opener.at + offset).add(run.index + offset);
      opener = undefined;
    }
  }
  return places;
}

/**
 * The inline Markdown with the text of its code spans replaced by letters, as long as it was;
 * undefined where a run of backticks opens no span (its backticks are text, which emphasis may pair around).
 */
function withoutCodeSpans(markdown: string): string | undefined {
  let masked = '';
  for (let at = 0; at < markdown.length; ) {
    const character = markdown[at];
    if (character === '\\' && markdown[at + 1] !== undefined) {
      masked += markdown.slice(at, at + 2);
      at += 2;
    } else if (character === '`') {
      const span = codeSpanAt(markdown, at);
      if ('run' in span) return undefined;
      let run = 1;
      while (markdown[at + run] === '`') run++;
      masked += '`'.repeat(run) + 'x'.repeat(span.end - at - 2 * run) + '`'.repeat(run);
      at = span.end;
    } else {
      masked += character;
      at++;
    }
  }
  return masked;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
/** `INLINE_TAG` anywhere but after a backslash (an escaped `<` is text). */
const INLINE_TAGS = new RegExp(`(?<!\\\\)${INLINE_TAG.source}`, 'g');
