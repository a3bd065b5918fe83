import { LineIndex, type Position, type Range } from '../../server/src/common/text';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import type { ParsedDocument } from '../../server/src/parsing/document';

export const ROOT = 'file:///ws';

/** An in-memory glossary: relative path -> text. `tags.yml` files become tags files. */
export function glossaryOf(files: Record<string, string>): GlossaryIndex {
  const index = new GlossaryIndex();
  for (const [relative, text] of Object.entries(files)) {
    if (relative.endsWith('tags.yml')) index.setTagsFile(`${ROOT}/${relative}`, text);
    else index.setDocument(`${ROOT}/${relative}`, text);
  }
  return index;
}

/**
 * Opens a document whose text marks the cursor with its last `|`, as an editor would hand it to a feature.
 */
export function openAtCursor(index: GlossaryIndex, relative: string, textWithCursor: string): { document: ParsedDocument; lines: LineIndex; position: Position } {
  const offset = textWithCursor.lastIndexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = index.setDocument(`${ROOT}/${relative}`, text);
  const lines = new LineIndex(text);
  return { document, lines, position: lines.positionAt(offset) };
}

/** A one-line text as accepting a completion item leaves it. */
export function acceptedLine(line: string, item: { range: Range; newText: string }): string {
  return line.slice(0, item.range.start.character) + item.newText + line.slice(item.range.end.character);
}

/** The link accepting an item after the last `[` of a line writes there. */
export function linkWritten(line: string, item: { range: Range; newText: string }): string {
  return acceptedLine(line, item).slice(line.lastIndexOf('['));
}

export const entry = (id: string, title: string, definition: string, tags = '[Begriffe]', extra = '') =>
  `---\nid: ${id}\ntitle: ${title}\n${extra}tags: ${tags}\n---\n\n# ${title}\n\n**${definition}** Mehr Text.\n`;
