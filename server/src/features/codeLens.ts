import * as l10n from '@vscode/l10n';
import type { LineIndex, Range } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import { definitionOf, referencesByKindIn } from './navigation';

/** How a term is referred to: every place Find All References lists (links, and mentions in any file), and the plain mentions outside its own file (the unlinked ones). */
export interface ReferenceCounts {
  references: number;
  unlinkedMentions: number;
}

export const NO_REFERENCES: ReferenceCounts = { references: 0, unlinkedMentions: 0 };

/** Where a term's lens stands: over its H1, else its title in the front matter. */
export function codeLensRange(term: GlossaryTerm): Range {
  return definitionOf(term).range;
}

/** The counts one document adds for a term. */
export function referenceCountsIn(index: GlossaryIndex, term: GlossaryTerm, document: ParsedDocument, lines: LineIndex): ReferenceCounts {
  const { links, mentions } = referencesByKindIn(index, term, document, lines);
  return { references: links.length + mentions.length, unlinkedMentions: document.uri === term.uri ? 0 : mentions.length };
}

export function addCounts(a: ReferenceCounts, b: ReferenceCounts): ReferenceCounts {
  return { references: a.references + b.references, unlinkedMentions: a.unlinkedMentions + b.unlinkedMentions };
}

/** "12 references · 3 unlinked mentions", in the singular where one. */
export function codeLensTitle(counts: ReferenceCounts): string {
  const references = counts.references === 1 ? l10n.t('1 reference') : l10n.t('{0} references', counts.references);
  const unlinked = counts.unlinkedMentions === 1 ? l10n.t('1 unlinked mention') : l10n.t('{0} unlinked mentions', counts.unlinkedMentions);
  return `${references} · ${unlinked}`;
}
