import type { LineIndex, Position } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { ParsedDocument } from '../parsing/document';
import { completeFrontMatter } from './frontMatterCompletion';
import type { CompletionList } from './completionList';
import type { LinkStyleSetting } from '../common/settings';
import { completeLinks } from './linkCompletion';
import { completeAnchors } from './anchorCompletion';
import type { HistorySnapshot } from './translationStatus';

export interface CompletionOptions {
  linkStyle: LinkStyleSetting;
  /** The history read for the translation status: a translation's `translated_from` is completed from it. */
  history?: HistorySnapshot;
}

/** Completion at a position: front-matter keys and tags inside the front matter, a link's anchor, links elsewhere. */
export function complete(
  index: GlossaryIndex,
  document: ParsedDocument,
  lines: LineIndex,
  position: Position,
  options: CompletionOptions = { linkStyle: 'auto' },
): CompletionList {
  // An editor may ask at a position of text it changed a moment ago; replace only what exists.
  const at = lines.clamp(position);
  return completeFrontMatter(index, document, lines, at, options.history) ?? completeAnchors(index, document, lines, at) ?? completeLinks(index, document, lines, at, options.linkStyle);
}
