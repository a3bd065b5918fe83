import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { LineIndex } from '../../common/text';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { NOT_MENTIONS_KEY, termField, type ParsedDocument } from '../../parsing/document';
import { definitionOf } from '../navigation';
import { MAX_PHRASE_LENGTH, MAX_PHRASES } from '../mentions';
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

/**
 * The `not_mentions` key: a list of phrases, each containing a name of the term (a phrase without
 * one excludes nothing, most likely a name misspelt or the phrase put in the wrong entry).
 */
export function notMentionsDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const field = termField(document, NOT_MENTIONS_KEY);
  if (field === undefined || document.term === undefined) return [];
  const problem = (range: GlossaryDiagnostic['range'], message: string): GlossaryDiagnostic => ({ range, severity: 'warning', code: 'invalid-not-mentions', message });
  const items = field.items ?? (typeof field.value === 'string' ? [{ value: field.value, range: field.valueRange }] : undefined);
  if (items === undefined) return [problem(field.valueRange, l10n.t('"{0}" is a list of phrases in which the term is not meant, such as [bei Bedarf].', NOT_MENTIONS_KEY))];
  // Only a term in the glossary's matcher can be looked for: an unpublished entry's phrases are not checked.
  const known = index.termOf(document.uri) !== undefined;
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const [position, item] of items.entries()) {
    if (typeof item.value !== 'string') diagnostics.push(problem(item.range, l10n.t('A phrase must be text.')));
    else if (position >= MAX_PHRASES) diagnostics.push(problem(item.range, l10n.t('Only the first {0} phrases are used.', MAX_PHRASES)));
    else if (item.value.length > MAX_PHRASE_LENGTH) diagnostics.push(problem(item.range, l10n.t('A phrase longer than {0} characters is not used.', MAX_PHRASE_LENGTH)));
    else if (known && !index.matcher.findMentions(item.value).some((mention) => mention.termUris.includes(document.uri))) {
      diagnostics.push(problem(item.range, l10n.t('"{0}" contains no name of "{1}": it excludes nothing.', item.value, document.term.title)));
    }
  }
  return diagnostics;
}
