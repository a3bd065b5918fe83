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
 * mentions, and the text of links that reach a term (by reference too).
 */
export function termTokens(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): TokenSpan[] {
  const ranges: Range[] = mentionsIn(index, document, lines).map((mention) => mention.range);
  for (const link of document.body.links) {
    if (resolveTermLink(index, document.uri, link) !== undefined) ranges.push(link.textRange);
  }
  for (const reference of document.body.references ?? []) {
    if (resolveTermLink(index, document.uri, reference.definition) !== undefined) ranges.push(reference.textRange);
  }
  const spans: TokenSpan[] = [];
  for (const range of ranges) {
    // A token may not cross a line: a name broken across lines becomes two tokens.
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = lines.lineText(line);
      let character = line === range.start.line ? range.start.character : 0;
      let end = line === range.end.line ? range.end.character : text.length;
      // A link's text over lines: the blanks around its line break, and the markers of the block
      // quotes a line goes on in, are no part of a name.
      if (line !== range.start.line) character = Math.max(character, /^[ \t]*(?:>[ \t]*)*/.exec(text)![0].length);
      while (character < end && (text[character] === ' ' || text[character] === '\t')) character++;
      while (end > character && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end > character) spans.push({ line, character, length: end - character });
    }
  }
  return spans.sort((a, b) => a.line - b.line || a.character - b.character);
}
