import { asLinkTarget, relativePath } from '../common/uris';
import type { LineIndex, Position, Range } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { foldWord } from '../index/termMatcher';
import type { ParsedDocument } from '../parsing/document';

export interface LinkCompletion {
  /** What the list shows: the term's title or alias. */
  label: string;
  /** The term's tags. */
  detail: string;
  /** The term's definition, Markdown. */
  documentation: string;
  /** Replaces `range` (from the `[` to the cursor, and an auto-closed `]`) with a whole link. */
  newText: string;
  range: Range;
  /** Text the editor filters on as the user types; starts with the `[` it replaces. */
  filterText: string;
  sortText: string;
}

export interface CompletionList {
  items: LinkCompletion[];
  /** True when the list was cut: the editor asks again as the user types more. */
  isIncomplete: boolean;
}

/** Large glossaries are filtered on the server and the list is capped at this many items. */
export const MAX_COMPLETION_ITEMS = 200;

/** An open `[` before the cursor on the same line, not an image's `![` and not `[[`. */
const OPEN_LINK_TEXT = /(?<![!\[\\])\[([^\[\]()]*)$/;

/**
 * Link completion: after `[`, offers every term (by title and alias) and inserts
 * `[Title](relative/path.md)` with a path from the current document to the term's file.
 */
export function completeLinks(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): CompletionList {
  const lineText = lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const open = before.match(OPEN_LINK_TEXT);
  if (open === null) return { items: [], isIncomplete: false };

  const typed = foldWord(open[1].trim());
  const start = { line: position.line, character: position.character - open[0].length };
  // Editors often auto-close the bracket: replace it rather than leaving "[Title](x.md)]".
  const closesBracket = lineText[position.character] === ']';
  const range = { start, end: { line: position.line, character: position.character + (closesBracket ? 1 : 0) } };

  const items: LinkCompletion[] = [];
  let isIncomplete = false;
  for (const term of index.terms()) {
    if (term.uri === document.uri) continue;
    const target = asLinkTarget(relativePath(document.uri, term.uri));
    for (const name of [term.title, ...term.aliases]) {
      if (typed !== '' && !foldWord(name).includes(typed)) continue;
      if (items.length >= MAX_COMPLETION_ITEMS) {
        isIncomplete = true;
        break;
      }
      items.push({
        label: name,
        detail: term.tags.map((tag) => tag.value).join(', '),
        documentation: term.definition,
        newText: `[${name}](${target})`,
        range,
        filterText: `[${name}`,
        sortText: `${foldWord(name).startsWith(typed) ? 0 : 1}${foldWord(name)}`,
      });
    }
    if (isIncomplete) break;
  }
  return { items, isIncomplete };
}
