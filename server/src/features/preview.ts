import * as l10n from '@vscode/l10n';
import type { LineIndex } from '../common/text';
import { asLinkTarget, relativePath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import { plainText } from '../parsing/markdown';
import { shortened } from './hover';
import { mentionsIn } from './termAt';
import { resolveTermLink } from './termLinks';

/** A term as a rendered page shows it: where its links lead and what hovering says. */
export interface PreviewTerm {
  /** The term's file, relative to the document where it has a file, else its URI. */
  href: string;
  /** Its title, aliases and definition, as plain text for a tooltip. */
  tooltip: string;
}

/**
 * A place in the text where a rendered page shows the glossary: a plain mention, the text of a
 * Markdown link to a term, or a whole wiki link (`[[Term]]`, `[[Term|text]]`, `[[Term#part]]`),
 * which Markdown itself leaves as text.
 */
export interface PreviewMark {
  kind: 'mention' | 'link' | 'wikiLink';
  /** UTF-16 offsets into the text asked about, end exclusive. */
  start: number;
  end: number;
  /** Indexes into `terms`, the most likely first; none for a wiki link that names no term. */
  terms: number[];
  /** A wiki link's text as the page shows it. */
  text?: string;
  /** Why a wiki link leads nowhere. */
  problem?: string;
}

export interface PreviewMarks {
  terms: PreviewTerm[];
  /** In the order of the text, not overlapping. */
  marks: PreviewMark[];
}

/**
 * What a rendered page of a document shows of the glossary: the mentions and links the editor
 * recognises (the same `mentionsIn` and `resolveTermLink` as hover and highlighting), with each
 * term's tooltip and link target.
 */
export function previewMarks(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): PreviewMarks {
  const terms: PreviewTerm[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (term: GlossaryTerm): number => {
    let number = numbers.get(term.uri);
    if (number === undefined) {
      number = terms.push({ href: hrefOf(document.uri, term.uri), tooltip: tooltipOf(term) }) - 1;
      numbers.set(term.uri, number);
    }
    return number;
  };
  const marks: PreviewMark[] = [];
  for (const mention of mentionsIn(index, document, lines)) {
    const mentioned = mention.termUris.map((uri) => index.termOf(uri)).filter((term) => term !== undefined);
    if (mentioned.length > 0) marks.push({ kind: 'mention', start: lines.offsetAt(mention.range.start), end: lines.offsetAt(mention.range.end), terms: mentioned.map(numberOf) });
  }
  for (const link of document.body.links) {
    const term = resolveTermLink(index, document.uri, link);
    const linked = term === undefined ? [] : [numberOf(term)];
    if (link.kind === 'wiki') {
      marks.push({
        kind: 'wikiLink',
        start: lines.offsetAt(link.range.start),
        end: lines.offsetAt(link.range.end),
        terms: linked,
        text: link.text,
        ...(term === undefined ? { problem: l10n.t('No glossary entry at "{0}".', link.target) } : {}),
      });
    } else if (term !== undefined && !link.defined) {
      marks.push({ kind: 'link', start: lines.offsetAt(link.textRange.start), end: lines.offsetAt(link.textRange.end), terms: linked });
    }
  }
  // A definition shows nothing on the page: the links by reference to it do.
  for (const reference of document.body.references ?? []) {
    const term = resolveTermLink(index, document.uri, reference.definition);
    if (term !== undefined) marks.push({ kind: 'link', start: lines.offsetAt(reference.textRange.start), end: lines.offsetAt(reference.textRange.end), terms: [numberOf(term)] });
  }
  return { terms, marks: marks.sort((a, b) => a.start - b.start) };
}

/** A link the preview follows: relative between files (it opens those in the editor), else the term's URI. */
function hrefOf(documentUri: string, termUri: string): string {
  return documentUri.startsWith('file:') && termUri.startsWith('file:') ? asLinkTarget(relativePath(documentUri, termUri)) : termUri;
}

function tooltipOf(term: GlossaryTerm): string {
  const name = term.aliases.length > 0 ? `${term.title} (${term.aliases.join(', ')})` : term.title;
  return term.definition === '' ? name : `${name}\n${plainText(shortened(term.definition))}`;
}
