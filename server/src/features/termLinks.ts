import { resolveRelativeLink, routeSegments } from '../common/uris';
import { composed } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { routeOf } from '../index/routes';
import type { GlossaryTerm } from '../parsing/document';
import type { MarkdownLink } from '../parsing/markdown';

/** The term a link points to, if it points to a glossary entry. */
export function resolveTermLink(index: GlossaryIndex, fromUri: string, link: Pick<MarkdownLink, 'kind' | 'target' | 'targetUri'>): GlossaryTerm | undefined {
  if (link.kind === 'wiki') return pickOne(index.termsNamed(link.target.replace(/#.*$/, '')));
  if (link.targetUri !== undefined) return index.documentAtLink(link.targetUri)?.term;
  return resolveTermTarget(index, fromUri, link.target);
}

/** Resolves the target of an inline link: a relative file path or a site route. */
export function resolveTermTarget(index: GlossaryIndex, fromUri: string, target: string): GlossaryTerm | undefined {
  const segments = routeSegments(target);
  if (segments !== undefined) return resolveRoute(index, fromUri, segments);
  const targetUri = resolveRelativeLink(fromUri, target);
  return targetUri === undefined ? undefined : index.documentAtLink(targetUri)?.term;
}

/**
 * A Docusaurus site route such as `/docs/Glossar/D-Glossar/Dokumentenlenkung/`: the term whose own
 * route (folders below `docs`, number prefixes dropped, then its id) it is, trailing slash optional.
 * Where translations share a route, the one nearest the linking document wins.
 */
function resolveRoute(index: GlossaryIndex, fromUri: string, segments: string[]): GlossaryTerm | undefined {
  const id = segments[segments.length - 1];
  if (id === undefined) return undefined;
  // Composed (NFC) on both sides: folders and files named in NFD are reached by routes typed in NFC.
  const route = composed(`/${segments.join('/')}/`);
  const candidates = index.termsWithId(id).filter((term) => composed(routeOf(term)) === route);
  if (candidates.length <= 1) return candidates[0];
  const nearness = (term: GlossaryTerm) => commonPrefixLength(term.uri, fromUri);
  return pickOne(candidates.filter((term) => nearness(term) === Math.max(...candidates.map(nearness))));
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

/** Of several terms with one name, the first by file path, so the answer does not depend on load order. */
function pickOne(terms: GlossaryTerm[]): GlossaryTerm | undefined {
  return terms.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))[0];
}

