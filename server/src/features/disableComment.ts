import type { GlossaryDiagnostic } from '../common/diagnostic';
import { applyEdits, lineBreakOf, LineIndex } from '../common/text';
import { DIRECTIVE_PREFIX, type DirectiveAction } from '../parsing/directives';
import { parseDocument, type ParsedDocument } from '../parsing/document';
import type { TextEdit } from './workspaceChange';

/** A line that a comment line above would join to a list or a quote, or split from one. */
const CONTAINER_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]*>/;
/** A Markdown line that a comment at its end would change: a hard break (two blanks or a backslash) ends it. */
const HARD_BREAK = / {2}$|\\$/;

/**
 * The edit that turns a problem's rule off on its line: a `disable-next-line` comment on the
 * line above with the line's indentation, else a `disable-line` comment at the line's end; a YAML
 * comment in the front matter, an HTML one in Markdown, an MDX one in `.mdx`. Undefined when
 * neither is read as that directive or either would change what the file says: a line above
 * inside a paragraph splits it, a `#` line in a block scalar or a quoted string is content.
 * Each candidate is checked by parsing the text it gives.
 */
export function disableCommentEdit(document: ParsedDocument, lines: LineIndex, diagnostic: GlossaryDiagnostic): TextEdit | undefined {
  const text = lines.text;
  const line = diagnostic.range.start.line;
  const frontMatter = document.frontMatter?.range;
  const inFrontMatter = frontMatter !== undefined && line > frontMatter.start.line && line < frontMatter.end.line;
  const mdx = /\.mdx$/i.test(document.uri);
  const comment = (action: DirectiveAction) => {
    const directive = `${DIRECTIVE_PREFIX}${action} ${diagnostic.code}`;
    return inFrontMatter ? `# ${directive}` : mdx ? `{/* ${directive} */}` : `<!-- ${directive} -->`;
  };
  const lineText = lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const lineStart = lines.lineStartOffset(line);
  const lineEnd = lines.lineEndOffset(line);
  const candidates: Array<{ edit: TextEdit; coveredLine: number }> = [];
  if (inFrontMatter || startsMarkdownBlock(document, lines, line)) {
    // After a byte order mark, not before it.
    const at = lines.positionAt(line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart);
    candidates.push({ edit: { range: { start: at, end: at }, newText: indent + comment('disable-next-line') + lineBreakOf(text) }, coveredLine: line + 1 });
  }
  if (inFrontMatter || !HARD_BREAK.test(lineText)) {
    const at = lines.positionAt(lineEnd);
    candidates.push({ edit: { range: { start: at, end: at }, newText: ' ' + comment('disable-line') }, coveredLine: line });
  }
  return candidates.find((candidate) => keepsMeaningAndDisables(document, lines, candidate.edit, candidate.coveredLine, diagnostic))?.edit;
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
 * The edited text, parsed again: the front matter reads to the same keys and values with the same
 * problems, the body to the same headings and links, and the new comment turns the rule off on the line.
 */
function keepsMeaningAndDisables(document: ParsedDocument, lines: LineIndex, edit: TextEdit, coveredLine: number, diagnostic: GlossaryDiagnostic): boolean {
  const edited = parseDocument(document.uri, applyEdits(lines, [edit]));
  const disables = edited.directives.some(
    (directive) =>
      directive.line + (directive.action === 'disable-next-line' ? 1 : 0) === coveredLine &&
      (directive.action === 'disable-line' || directive.action === 'disable-next-line') &&
      directive.codes?.includes(diagnostic.code),
  );
  return disables && meaningOf(edited) === meaningOf(document);
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
