import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { Generator } from '../common/generator';
import { lineBreakOf, type LineIndex } from '../common/text';
import { DIRECTIVE_PREFIX, type DirectiveAction } from '../parsing/directives';
import { parseDocument, type ParsedDocument } from '../parsing/document';
import { leavesCodeSpanOpen } from '../parsing/markdown';
import type { TextEdit } from './workspaceChange';

/** A line that a comment line above would join to a list or a quote, or split from one. */
const CONTAINER_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]*>/;
/** An ATX heading line, in a list item or a quote too. */
const ATX_HEADING = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*#{1,6}(?:[ \t]|$)/;
/** A Markdown line that a comment at its end would change: a hard break (two blanks or a backslash) ends it. */
const HARD_BREAK = / {2}$|\\$/;

/** Where a disable comment goes on a line: the line above, the line's end, or nowhere. */
export type Placement = 'above' | 'end' | 'none';

/**
 * The edit that turns a problem's rule off on its line: a `disable-next-line` comment on the
 * line above with the line's indentation, else a `disable-line` comment at the line's end; a YAML
 * comment in the front matter, an HTML one in Markdown, an MDX one where the page reads no other
 * (`mdxCommentsOnly`: `.mdx`, or a site with `future.v4`). Undefined when
 * neither is read as that directive or either would change what the file says: a line above
 * inside a paragraph splits it, a `#` line in a block scalar or a quoted string is content.
 * Each candidate is checked by parsing the text it gives around the line. `placements` remembers
 * the answer per line for the problems of one request: it does not depend on the rule.
 * `reader`: the generator that reads the page. Hugo's must not open with an HTML comment (Hugo
 * 0.111 takes one for commented-out front matter, and fails the build without a later "-->").
 * In Docusaurus's, the H1 that titles a page declaring no title takes no comment, above or at its
 * end: the page would be titled by its id, or by the heading with the comment's text.
 */
export function disableCommentEdit(
  document: ParsedDocument,
  lines: LineIndex,
  diagnostic: GlossaryDiagnostic,
  placements = new Map<number, Placement>(),
  mdxCommentsOnly = /\.mdx$/i.test(document.uri),
  reader?: Generator,
): TextEdit | undefined {
  const text = lines.text;
  const line = diagnostic.range.start.line;
  const frontMatter = document.frontMatter?.range;
  const inFrontMatter = frontMatter !== undefined && line > frontMatter.start.line && line < frontMatter.end.line;
  const comment = (action: DirectiveAction) => {
    const directive = `${DIRECTIVE_PREFIX}${action} ${diagnostic.code}`;
    return inFrontMatter ? `# ${directive}` : mdxCommentsOnly ? `{/* ${directive} */}` : `<!-- ${directive} -->`;
  };
  const lineText = lines.lineText(line);
  // After a byte order mark, not before it.
  const above = lines.positionAt(line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStartOffset(line));
  const end = lines.positionAt(lines.lineEndOffset(line));
  const edits: Record<Exclude<Placement, 'none'>, TextEdit> = {
    above: { range: { start: above, end: above }, newText: /^[ \t]*/.exec(lineText)![0] + comment('disable-next-line') + lineBreakOf(text) },
    end: { range: { start: end, end }, newText: ' ' + comment('disable-line') },
  };
  // A delimiter line of the front matter, or the "---" that opens an unclosed one: a comment there
  // would end or move it. In YAML that does not parse, what is a comment is not certain.
  const onDelimiter = frontMatter !== undefined ? line <= frontMatter.end.line && !inFrontMatter : line === 0 && /^\ufeff?---/.test(text);
  const inBrokenYaml = inFrontMatter && document.diagnostics.some((problem) => problem.code === 'yaml-syntax');
  const titleRange = document.term?.titleRange;
  // The H1 that titles a Docusaurus page is its first content (imports and exports aside): a comment on it or above it would take the title away.
  const titlesDocusaurusPage = reader === 'docusaurus' && titleRange !== undefined && line <= titleRange.start.line && (frontMatter === undefined || titleRange.start.line > frontMatter.end.line) && !inFrontMatter;
  let placement = onDelimiter || inBrokenYaml || titlesDocusaurusPage ? 'none' : placements.get(line);
  if (placement === undefined) {
    const window = verificationWindow(document, lines, line, inFrontMatter);
    const fits = (candidate: Exclude<Placement, 'none'>) =>
      keepsMeaningAndDisables(document.uri, window, lines.offsetAt(edits[candidate].range.start) - window.base, edits[candidate].newText, (candidate === 'above' ? line + 1 : line) - window.firstLine, diagnostic);
    const opensPage = reader === 'hugo' && !inFrontMatter && text.slice(0, lines.offsetAt(above)).trim() === '';
    if ((inFrontMatter || startsMarkdownBlock(document, lines, line)) && !opensPage && fits('above')) placement = 'above';
    // An MDX comment at a heading's end goes into its id (Docusaurus slugs its text): the anchor would move.
    else if ((inFrontMatter || (!HARD_BREAK.test(lineText) && !leavesCodeSpanOpen(lineText) && !(mdxCommentsOnly && ATX_HEADING.test(lineText)))) && fits('end')) placement = 'end';
    else placement = 'none';
    placements.set(line, placement);
  }
  return placement === 'none' ? undefined : edits[placement];
}

/** Lines of Markdown read around a problem's line: its block, up to this many lines each way. */
const WINDOW_LINES = 50;

/**
 * The part of the text a comment on `line` could change the reading of, so that checking a fix
 * costs the same in a long file: the front matter, or the lines from the blank line before the
 * line's block to the blank line after it (at most WINDOW_LINES each way), read after a blank
 * line so that a `---` in them opens no front matter. Headings, links and comments are read line
 * by line, and a problem is never reported inside code, where a window could start.
 */
function verificationWindow(document: ParsedDocument, lines: LineIndex, line: number, inFrontMatter: boolean): Window {
  const text = lines.text;
  if (inFrontMatter) {
    const after = document.frontMatter!.range.end.line + 1;
    return { text: text.slice(0, after < lines.lineCount ? lines.lineStartOffset(after) : text.length), firstLine: 0, base: 0 };
  }
  const bodyStart = document.frontMatter === undefined ? 0 : document.frontMatter.range.end.line + 1;
  let first = line;
  while (first > bodyStart && line - first < WINDOW_LINES && lines.lineText(first - 1).trim() !== '') first--;
  let last = line;
  while (last + 1 < lines.lineCount && last - line < WINDOW_LINES && lines.lineText(last + 1).trim() !== '') last++;
  return { text: '\n' + text.slice(lines.lineStartOffset(first), lines.lineEndOffset(last)), firstLine: first - 1, base: lines.lineStartOffset(first) - 1 };
}

/** A part of the text: the document's line `firstLine` is its first, its offset `base` is the window's 0. */
interface Window {
  text: string;
  firstLine: number;
  base: number;
}

/**
 * Whether a comment line above `line` stands on its own in Markdown: after a blank line or at the
 * body's start, or above an ATX heading, and not at a list item or quote it would split off.
 */
function startsMarkdownBlock(document: ParsedDocument, lines: LineIndex, line: number): boolean {
  const lineText = lines.lineText(line);
  if (CONTAINER_LINE.test(lineText) || /^[ \t]/.test(lineText)) return false;
  if (/^#{1,6}(?:[ \t]|$)/.test(lineText)) return true;
  const bodyStart = document.frontMatter === undefined ? 0 : document.frontMatter.range.end.line + 1;
  return line <= bodyStart || lines.lineText(line - 1).trim() === '';
}

/**
 * The window with the edit, parsed: the front matter reads to the same keys and values with the
 * same problems, the body to the same headings and links, and the new comment turns the rule off
 * on the line.
 */
function keepsMeaningAndDisables(uri: string, window: Window, at: number, newText: string, windowLine: number, diagnostic: GlossaryDiagnostic): boolean {
  const before = parseDocument(uri, window.text, undefined, { mdx: false });
  const edited = parseDocument(uri, window.text.slice(0, at) + newText + window.text.slice(at), undefined, { mdx: false });
  const disables = edited.directives.some(
    (directive) =>
      directive.line + (directive.action === 'disable-next-line' ? 1 : 0) === windowLine &&
      (directive.action === 'disable-line' || directive.action === 'disable-next-line') &&
      directive.codes?.includes(diagnostic.code),
  );
  return disables && meaningOf(edited) === meaningOf(before);
}

function meaningOf(document: ParsedDocument): string {
  return JSON.stringify([
    document.frontMatter === undefined,
    document.frontMatter?.fields.map((field) => [field.key, field.value]),
    document.diagnostics.filter((problem) => problem.code !== 'invalid-disable-comment').map((problem) => problem.code),
    document.body.headings.map((heading) => [heading.level, heading.text]),
    document.body.links.map((link) => [link.kind, link.target, link.text]),
  ]);
}
