import { rangeContains, type LineIndex, type Position, type Range } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import type { MarkdownLink, Span } from '../parsing/markdown';
import { mentionsBetween } from './mentions';
import { resolveTermLink } from './termLinks';

export interface TermTarget {
  terms: GlossaryTerm[];
  range: Range;
  /** A link to the term, its own heading or title, or a plain mention. */
  kind: 'link' | 'definition' | 'mention';
  link?: MarkdownLink;
}

/** A plain, unlinked mention of terms in a document. */
export interface MentionInDocument {
  range: Range;
  termUris: readonly string[];
}

/**
 * The term or terms at a position: behind a link, a term file's own heading or title, or a plain
 * mention of a term's name in the prose. Hover, definition, references and rename start here.
 */
export function termsAt(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): TermTarget | undefined {
  const link = document.body.links.find((candidate) => rangeContains(candidate.range, position));
  if (link !== undefined) {
    const term = resolveTermLink(index, document.uri, link);
    return term === undefined ? undefined : { terms: [term], range: link.range, kind: 'link', link };
  }
  const reference = document.body.references?.find((candidate) => rangeContains(candidate.range, position));
  if (reference !== undefined) {
    const term = resolveTermLink(index, document.uri, reference.definition);
    // A link with no target of its own: a rename starts here, and changes neither it nor its label.
    return term === undefined ? undefined : { terms: [term], range: reference.range, kind: 'link' };
  }
  const ownTerm = document.term;
  if (ownTerm !== undefined) {
    for (const range of [ownTerm.heading?.textRange, ownTerm.titleRange]) {
      if (range !== undefined && rangeContains(range, position)) return { terms: [ownTerm], range, kind: 'definition' };
    }
  }
  return mentionAt(index, document, lines, position);
}

/** Looks for a mention in the lines around the position, so names broken across a line still match. */
/** Longer than any sensible term name: a mention that contains the position starts and ends within it. */
const MENTION_WINDOW = 500;

function mentionAt(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): TermTarget | undefined {
  const offset = lines.offsetAt(position);
  // The lines around the position (a name may run over a line break), but never more than a few
  // hundred characters either side, so hovering in a megabyte-long line stays instant.
  const windowStart = Math.max(lines.lineStartOffset(Math.max(0, position.line - 1)), offset - MENTION_WINDOW);
  const windowEnd = Math.min(lines.lineEndOffset(Math.min(lines.lineCount - 1, position.line + 1)), offset + MENTION_WINDOW);
  const excluded = nonProseSpans(document, lines, false);
  const mention = mentionsBetween(index, document, lines, windowStart, windowEnd, excluded).find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (mention === undefined) return undefined;
  const terms = mention.termUris.map((uri) => index.termOf(uri)).filter((term) => term !== undefined);
  return { terms, range: lines.rangeAt(mention.start, mention.end), kind: 'mention' };
}

/**
 * Spans where a name is not a mention: front matter (all of a file whose front matter is never closed), code, URLs, link targets, a term's own
 * heading, Hugo's shortcode calls, and, unless asked, whole links (their text is a link, not a plain mention).
 */
function nonProseSpans(document: ParsedDocument, lines: LineIndex, includeLinks: boolean): Span[] {
  const spans: Span[] = [...document.body.nonProse];
  if (!includeLinks) {
    for (const link of document.body.links) spans.push([lines.offsetAt(link.range.start), lines.offsetAt(link.range.end)]);
  }
  if (document.frontMatter !== undefined) {
    spans.push([0, lines.offsetAt(document.frontMatter.range.end)]);
  }
  // Front matter never closed: gray-matter reads all of the file as front matter, Hugo refuses it; no line of it is prose to link in.
  if (document.diagnostics.some((problem) => problem.code === 'unclosed-front-matter')) spans.push([0, lines.text.length]);
  const heading = document.term?.heading;
  if (heading !== undefined) spans.push([lines.offsetAt(heading.range.start), lines.offsetAt(heading.range.end)]);
  spans.push(...shortcodeCalls(document, lines));
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Hugo's shortcode calls, from their `{{` to their `}}` (a shortcode's range is its name's): its
 * name and parameters are the template's, no prose (`{{< glossary_tooltip term_id="container" >}}`).
 */
export function shortcodeCalls(document: ParsedDocument, lines: LineIndex): Span[] {
  const text = lines.text;
  return (document.hugoShortcodes ?? []).map((shortcode): Span => {
    const [nameStart, nameEnd] = [lines.offsetAt(shortcode.range.start), lines.offsetAt(shortcode.range.end)];
    const callEnd = text.indexOf('}}', nameEnd);
    return [Math.max(0, text.lastIndexOf('{{', nameStart)), callEnd === -1 ? text.length : callEnd + 2];
  });
}

/** Every plain mention of a term in a document's prose, outside links, in document order. */
export function mentionsIn(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): MentionInDocument[] {
  return mentionsBetween(index, document, lines, 0, lines.text.length, nonProseSpans(document, lines, false)).map((mention) => ({ range: lines.rangeAt(mention.start, mention.end), termUris: mention.termUris }));
}
