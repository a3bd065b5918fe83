import type { LineIndex, Position } from '../common/text';
import { resolveRelativeLink } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { ParsedDocument } from '../parsing/document';
import { docusaurusAnchorsOf } from '../site/docusaurusAnchors';
import { NO_COMPLETIONS, type CompletionList, type Suggestion } from './completionList';
import { compiledAsMdx } from './diagnostics/siteRules';
import { markdownPartialOf } from './diagnostics/partials';
import { linkedDocument } from './termLinks';

/** A link's target up to the cursor, in its anchor: `[text](./other.md#par`, `](#par`. */
const ANCHOR_OPEN = /(?<!!)\[[^[\]]*\]\(([^()\s#]*)#([^()\s#]*)$/;

/**
 * Completion in a link's anchor (`](./other.md#` , `](/docs/other#`, `](#`): the anchors of the
 * page it leads to, as Docusaurus gives them (see `docusaurusAnchorsOf`), each with its heading.
 * Undefined where the cursor is in no anchor; an empty list in the anchor of a page whose anchors
 * are not known, as only a Docusaurus site's are here.
 */
export function completeAnchors(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): CompletionList | undefined {
  const line = lines.lineText(position.line);
  const open = ANCHOR_OPEN.exec(line.slice(0, position.character));
  if (open === null) return undefined;
  const [, path, typed] = open;
  const rest = /^[^()\s#]*/.exec(line.slice(position.character))![0].length;
  const range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest } };
  const site = index.siteFor(document.uri);
  const target = path === '' ? document : linkedDocument(index, document.uri, path, resolveRelativeLink(document.uri, path)).document;
  if (site?.generator !== 'docusaurus' || target === undefined || index.siteFor(target.uri) !== site) return NO_COMPLETIONS;
  const anchors = docusaurusAnchorsOf(target, { maintainCase: site.docusaurus.anchorsMaintainCase, mdx: compiledAsMdx(index, target) }, markdownPartialOf(index));
  if (anchors === undefined) return NO_COMPLETIONS;
  const items: Suggestion[] = [];
  for (const [anchor, givenBy] of anchors) {
    items.push({ label: anchor, kind: 'anchor', detail: givenBy, newText: anchor, range, sortText: String(items.length).padStart(6, '0') });
  }
  return { items, isIncomplete: false };
}
