import { resolveRelativeLink } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm } from '../parsing/document';
import type { MarkdownLink } from '../parsing/markdown';

/** The term a link points to, if it points to a glossary entry. */
export function resolveTermLink(index: GlossaryIndex, fromUri: string, link: MarkdownLink): GlossaryTerm | undefined {
  if (link.kind !== 'inline') return undefined;
  const targetUri = resolveRelativeLink(fromUri, link.target);
  return targetUri === undefined ? undefined : index.termOf(targetUri);
}
