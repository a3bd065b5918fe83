import { LineIndex, type Range } from '../common/text';
import type * as MdxParser from './mdxParser';

/**
 * What stops Docusaurus at a page's MDX: a syntax error, with MDX's reason as the build prints it
 * after "Cause:"; or what fails the page's render (see `MdxRenderProblemKind`).
 */
export type MdxProblem = ({ kind: 'syntax'; message: string; range: Range } | { kind: MdxParser.MdxRenderProblemKind; name: string; range: Range }) & { fix?: MdxProblemFix };

/** See `MdxFix`: `newText` in place of `range`. */
export interface MdxProblemFix {
  kind: MdxParser.MdxFix['kind'];
  range: Range;
  newText: string;
}

/**
 * Only these can stop MDX: a tag, an expression, an import or export at a line's start (`MDX_SYNTAX`),
 * or an address Docusaurus's link plugins cannot read as a URL (see `hasUnparsableAddress`). One
 * look at the text for any of them: most pages hold none.
 */
const MAY_STOP_MDX = /[<{]|^(?:import|export)\b|\/\/|(?:https?|ftp|wss?|file):|www\./m;

/** Whether anything in the text may stop Docusaurus at it, as MDX or as CommonMark: one look, and most pages are done. */
export function mayStopDocusaurus(text: string): boolean {
  return text.length <= MAX_MDX_CHARACTERS && MAY_STOP_MDX.test(text);
}
const MDX_SYNTAX = /[<{]|^(?:import|export)\b/m;
/**
 * What may be an address: something with a scheme and an authority (`ssh://…`), a special scheme
 * (`https:`, which needs a host), one relative to the scheme (`//host`), or a GFM autolink's `www.`;
 * up to what ends a link's destination or a GFM autolink.
 */
const ADDRESS = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\b(?:https?|ftp|wss?|file):|(?<![\w:/])\/\/|\bwww\.)[^\s<()[\]"'`]*/gi;

/**
 * Whether the text holds what may be an address that no URL parser reads (`http://localhost:PORT`,
 * `http://1.2.3.256`, `https:`), as written or as a GFM autolink takes it (without trailing
 * punctuation); then the page is read as MDX, whose links, images and link definitions say.
 */
export function hasUnparsableAddress(text: string): boolean {
  for (const [token] of text.matchAll(ADDRESS)) {
    const address = /^www\./i.test(token) ? `http://${token}` : token;
    for (const candidate of [address, address.replace(/[?!.,:*_~]+$/, '')]) {
      try {
        new URL(candidate, 'unspecified://');
      } catch {
        return true;
      }
    }
  }
  return false;
}

/**
 * Longer texts, and texts with a longer run of lines without a blank one, are not read as MDX. Its
 * parser takes 1-5 ms a kilobyte of prose, and on some runs of brackets, tags, links or emphasis
 * its time grows with the square of a paragraph's length (a paragraph of 16 KB: up to 0.3 s; of
 * 64 KB: up to 3.6 s). Glossary entries are far shorter: of the real glossaries in test/corpora,
 * the longest file has 32 KB and the longest paragraph or table 5 KB.
 */
export const MAX_MDX_CHARACTERS = 64 * 1024;
export const MAX_MDX_BLOCK_CHARACTERS = 16 * 1024;

/**
 * What stops Docusaurus 3 at a file it compiles as MDX: the first place MDX cannot compile (a `<`
 * before a digit, a `{` that is no JavaScript expression, an autolink, an unclosed `<br>`, an
 * address no URL parser reads), or, where it compiles, what fails the page's render.
 *
 * The file goes through what Docusaurus's MDX loader does before it compiles: `mdx-code-block`
 * fences unwrapped and, with MDX 1's syntax (`mdx1Compat`, its default), the `{#` of a heading id
 * escaped and `:::note Title` turned into `:::note[Title]`. It is then parsed by the same packages,
 * at the versions Docusaurus 3.10 uses, with the same syntax extensions in the same order (MDX,
 * front matter, directives, GFM, and HTML comments with MDX 1's syntax); test/parity holds the
 * answers to the real build's. The parse runs no code: expressions and imports are only parsed,
 * by acorn.
 */
export function mdxProblemsOf(text: string, lines: LineIndex, mdx1Compat = true): MdxProblem[] {
  return mdxReadOf(text, lines, mdx1Compat).problems;
}

/** A module the page asks webpack for (see `MdxModuleRequest`), where the string's text is. */
export interface MdxModule {
  request: string;
  range: Range;
}

/** A link a `<Link>` element of Docusaurus collects (see `MdxComponentLink`), where the string's text is. */
export interface ComponentLink {
  target: string;
  range: Range;
}

/** The page read as MDX: its problems (see `mdxProblemsOf`) and, where it parses, the modules it asks for and the links its `<Link>` elements collect. */
export function mdxReadOf(text: string, lines: LineIndex, mdx1Compat = true): { problems: MdxProblem[]; modules: MdxModule[]; componentLinks: ComponentLink[] } {
  if (text.length > MAX_MDX_CHARACTERS || !MAY_STOP_MDX.test(text) || !(MDX_SYNTAX.test(text) || hasUnparsableAddress(text)) || longestBlock(text) > MAX_MDX_BLOCK_CHARACTERS) return { problems: [], modules: [], componentLinks: [] };
  const prepared = preprocessAsDocusaurus(text, mdx1Compat);
  const rangeOf = (start: number, end: number): Range => {
    const sourceStart = prepared.sourceOffset(start);
    return lines.rangeAt(sourceStart, Math.max(prepared.sourceOffset(end), Math.min(sourceStart + 1, text.length)));
  };
  const problems: MdxProblem[] = [];
  const parser = mdxParser();
  const read = parser.mdxRead(prepared.text, mdx1Compat);
  for (const finding of read.findings) {
    const fix = finding.fix === undefined ? {} : { fix: { kind: finding.fix.kind, range: lines.rangeAt(prepared.sourceOffset(finding.fix.start), prepared.sourceOffset(finding.fix.end)), newText: finding.fix.newText } };
    if (finding.kind !== 'syntax') {
      problems.push({ kind: finding.kind, name: finding.name, range: rangeOf(finding.start, finding.end), ...fix });
      continue;
    }
    const start = parser.offsetAtPoint(prepared.text, finding.start);
    if (start === undefined) continue;
    const end = Math.max(start, (finding.end && parser.offsetAtPoint(prepared.text, finding.end)) ?? start);
    problems.push({ kind: 'syntax', message: finding.reason, range: rangeOf(start, end), ...fix });
  }
  return {
    problems,
    modules: read.modules.map((module) => ({ request: module.request, range: rangeOf(module.start, module.end) })),
    componentLinks: read.componentLinks.map((link) => ({ target: link.target, range: rangeOf(link.start, link.end) })),
  };
}

/**
 * What stops Docusaurus at a page it compiles as CommonMark (`format: md`): its link plugins still
 * read every link, image and link definition, and refuse an address no URL parser reads.
 */
export function commonMarkProblemsOf(text: string, lines: LineIndex): MdxProblem[] {
  if (text.length > MAX_MDX_CHARACTERS || !hasUnparsableAddress(text) || longestBlock(text) > MAX_MDX_BLOCK_CHARACTERS) return [];
  const problems: MdxProblem[] = [];
  for (const finding of mdxParser().commonMarkFindings(text)) {
    if (finding.kind !== 'syntax') continue;
    const start = mdxParser().offsetAtPoint(text, finding.start);
    const end = finding.end && mdxParser().offsetAtPoint(text, finding.end);
    if (start !== undefined) problems.push({ kind: 'syntax', message: finding.reason, range: lines.rangeAt(start, Math.max(start + 1, end ?? start)) });
  }
  return problems;
}

/** Whether MDX reads the text otherwise without MDX 1's syntax: it holds an HTML comment, a heading id, or an admonition's title. */
export function readsMdx1Syntax(text: string): boolean {
  return text.includes('<!--') || /^#{1,6}(?!#).*\{#/m.test(text) || new RegExp(ADMONITION_WITH_TITLE.source, 'm').test(text);
}

/**
 * Whether a fix of `problem` holds: the text with `fix` is read again, and nothing may stop MDX
 * there up to the end of what the fix and the problem covered. A syntax error further on was there
 * before, behind the first (MDX stops at one); after a fix of a page that parsed, none may appear.
 */
export function mdxFixHolds(text: string, lines: LineIndex, problem: MdxProblem, fix: { range: Range; newText: string }, mdx1Compat = true): boolean {
  const start = lines.offsetAt(fix.range.start);
  const end = lines.offsetAt(fix.range.end);
  const fixed = text.slice(0, start) + fix.newText + text.slice(end);
  const fixedLines = new LineIndex(fixed);
  const regionEnd = Math.max(end, lines.offsetAt(problem.range.end)) + fix.newText.length - (end - start);
  return mdxProblemsOf(fixed, fixedLines, mdx1Compat).every((after) => {
    const afterStart = fixedLines.offsetAt(after.range.start);
    if (after.kind === 'syntax') return problem.kind === 'syntax' && afterStart > regionEnd;
    return afterStart > regionEnd || fixedLines.offsetAt(after.range.end) <= start;
  });
}

/** The length of the longest run of lines without a blank line between them. */
function longestBlock(text: string): number {
  let longest = 0;
  let start = 0;
  for (const blank of text.matchAll(/(?:\r\n?|\n)[ \t]*(?=\r|\n)/g)) {
    longest = Math.max(longest, blank.index - start);
    start = blank.index + blank[0].length;
  }
  return Math.max(longest, text.length - start);
}

let parser: typeof MdxParser | undefined;

/** Loaded on first use: in the bundles, `./mdxParser` is dist/mdx.js (esbuild.mjs). */
function mdxParser(): typeof MdxParser {
  parser ??= require('./mdxParser') as typeof MdxParser;
  return parser;
}

// ---------------------------------------------------------------------------------------------
// What Docusaurus's MDX loader does to the text before it compiles, with positions mapped back

/** A replacement of the text from `start` to `end` (offsets in the text it applies to). */
interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A text after replacements, and where each of its offsets came from in the text before them. */
export interface Rewritten {
  text: string;
  sourceOffset(offset: number): number;
}

/** The text as Docusaurus's MDX loader rewrites it before it compiles; `mdx1Compat: false` leaves heading ids and admonition titles as written. */
export function preprocessAsDocusaurus(text: string, mdx1Compat = true): Rewritten {
  let result: Rewritten = { text, sourceOffset: (offset) => offset };
  const steps = [mdxCodeBlockFences('```'), mdxCodeBlockFences('````'), ...(mdx1Compat ? [escapeHeadingIds, admonitionTitlesAsLabels] : [])];
  for (const step of steps) {
    const before = result;
    const replacements = step(before.text);
    if (replacements.length === 0) continue;
    const after = rewrite(before.text, replacements);
    result = { text: after.text, sourceOffset: (offset) => before.sourceOffset(after.sourceOffset(offset)) };
  }
  return result;
}

/** Applies replacements (in order, not overlapping); an offset inside replaced text maps to the replaced text's start. */
function rewrite(text: string, replacements: Replacement[]): Rewritten {
  const pieces: string[] = [];
  // For each replacement: where it starts in the output, and the offsets in the input around it.
  const anchors: Array<{ output: number; outputEnd: number; start: number; end: number }> = [];
  let taken = 0;
  let length = 0;
  for (const replacement of replacements) {
    pieces.push(text.slice(taken, replacement.start), replacement.text);
    length += replacement.start - taken;
    anchors.push({ output: length, outputEnd: length + replacement.text.length, start: replacement.start, end: replacement.end });
    length += replacement.text.length;
    taken = replacement.end;
  }
  pieces.push(text.slice(taken));
  return {
    text: pieces.join(''),
    sourceOffset(offset) {
      let shift = 0;
      for (const anchor of anchors) {
        if (offset < anchor.output) break;
        if (offset < anchor.outputEnd) return anchor.start;
        shift = anchor.end - anchor.outputEnd;
      }
      return offset + shift;
    },
  };
}

/**
 * The "```mdx-code-block" fences (of three backticks, then of four, at any indentation of spaces)
 * that Docusaurus removes so that their content is read as MDX: Crowdin's way to keep MDX intact.
 */
function mdxCodeBlockFences(fence: string): (text: string) => Replacement[] {
  const pattern = new RegExp(`(?<begin>^|\\r?\\n) *${fence} *mdx-code-block\\r?\\n(?<children>.*?)\\r?\\n *${fence}(?<end>\\r?\\n|$)`, 'gsd');
  return (text) => {
    const replacements: Replacement[] = [];
    for (const match of text.matchAll(pattern)) {
      const { begin, children, end } = match.indices!.groups!;
      replacements.push({ start: begin[1], end: children[0], text: '' }, { start: children[1], end: end[0], text: '' });
    }
    return replacements;
  };
}

/**
 * A heading's explicit id (`## Term {#term}`) is no MDX expression: Docusaurus escapes the first
 * `{#` of every line that starts with one to six `#`, unless it is escaped already.
 */
function escapeHeadingIds(text: string): Replacement[] {
  const replacements: Replacement[] = [];
  for (const match of text.matchAll(/(?:^|\n)#{1,6}(?!#).*/g)) {
    const line = match[0];
    const brace = line.indexOf('{#');
    if (brace === -1) continue;
    const escaped = `${line.slice(0, brace)}\\${line.slice(brace)}`;
    // Docusaurus then takes one backslash back from the first `\\{#`: the line as written when that was the one it added.
    const doubled = escaped.indexOf('\\\\{#');
    const final = doubled === -1 ? escaped : escaped.slice(0, doubled) + escaped.slice(doubled + 1);
    if (final === line) continue;
    // Only what differs is replaced, so that the rest of the line keeps its offsets.
    let prefix = 0;
    while (line[prefix] === final[prefix]) prefix++;
    let suffix = 0;
    while (suffix < line.length - prefix && line[line.length - 1 - suffix] === final[final.length - 1 - suffix]) suffix++;
    replacements.push({ start: match.index + prefix, end: match.index + line.length - suffix, text: final.slice(prefix, final.length - suffix) });
  }
  return replacements;
}

const ADMONITION_KEYWORDS = ['secondary', 'info', 'success', 'danger', 'note', 'tip', 'warning', 'important', 'caution'];
const ADMONITION_WITH_TITLE = new RegExp(`^((?:> ?)*(?: +|\\t+)?:{3,}(?:${ADMONITION_KEYWORDS.join('|')}))( +)(.*)$`, 'gm');

/** Docusaurus 2's `:::note Title` is `:::note[Title]` in Docusaurus 3, which rewrites it so. */
function admonitionTitlesAsLabels(text: string): Replacement[] {
  const replacements: Replacement[] = [];
  for (const match of text.matchAll(ADMONITION_WITH_TITLE)) {
    const [whole, opening, blanks] = match;
    const blanksAt = match.index + opening.length;
    replacements.push({ start: blanksAt, end: blanksAt + blanks.length, text: '[' });
    const end = match.index + whole.length;
    replacements.push({ start: end, end, text: ']' });
  }
  return replacements;
}
