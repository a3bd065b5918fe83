import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { LineIndex } from '../../common/text';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import { definitionOf } from '../navigation';
import { mentionsIn } from '../termAt';

/**
 * Plain mentions of a term that could be links. Never in the term's own file, and only where the
 * name means one term: an ambiguous mention has no single link to offer.
 */
export function unlinkedMentionDiagnostics(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const mention of mentionsIn(index, document, lines)) {
    if (mention.termUris.length !== 1 || mention.termUris[0] === document.uri) continue;
    const term = index.termOf(mention.termUris[0]);
    if (term === undefined) continue;
    diagnostics.push({
      range: mention.range,
      severity: 'information',
      code: 'unlinked-mention',
      message: l10n.t('"{0}" is a glossary term and could be a link.', term.title),
      // The term travels with the diagnostic: its quick fixes link to it.
      related: [{ ...definitionOf(term), message: term.title }],
    });
  }
  return diagnostics;
}
