import type { LineIndex, Range } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { ParsedDocument } from '../parsing/document';
import { mentionsIn } from './termAt';
import { resolveTermLink } from './termLinks';

/** The one token type this server marks: a glossary term, mentioned or linked. */
export const TERM_TOKEN_TYPE = 'glossaryTerm';

export interface TokenSpan {
  line: number;
  character: number;
  length: number;
}

/**
 * Where glossary terms appear in a document, as single-line spans in document order: plain
 * mentions, and the text of links that reach a term.
 */
export function termTokens(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): TokenSpan[] {
  const ranges: Range[] = mentionsIn(index, document, lines).map((mention) => mention.range);
  for (const link of document.body.links) {
    if (resolveTermLink(index, document.uri, link) !== undefined) ranges.push(link.textRange);
  }
  const spans: TokenSpan[] = [];
  for (const range of ranges) {
    // A token may not cross a line: a name broken across lines becomes two tokens.
    for (let line = range.start.line; line <= range.end.line; line++) {
      const character = line === range.start.line ? range.start.character : 0;
      const end = line === range.end.line ? range.end.character : lines.lineText(line).length;
      if (end > character) spans.push({ line, character, length: end - character });
    }
  }
  return spans.sort((a, b) => a.line - b.line || a.character - b.character);
}
