import { resolveRelativeLink, routeSegments } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { routeOf } from '../index/routes';
import type { GlossaryTerm } from '../parsing/document';
import type { MarkdownLink } from '../parsing/markdown';

/** The term a link points to, if it points to a glossary entry. */
export function resolveTermLink(index: GlossaryIndex, fromUri: string, link: Pick<MarkdownLink, 'kind' | 'target'>): GlossaryTerm | undefined {
  if (link.kind === 'wiki') return pickOne(index.termsNamed(link.target.replace(/#.*$/, '')));
  return resolveTermTarget(index, fromUri, link.target);
}

/** Resolves the target of an inline link: a relative file path or a site route. */
export function resolveTermTarget(index: GlossaryIndex, fromUri: string, target: string): GlossaryTerm | undefined {
  const segments = routeSegments(target);
  if (segments !== undefined) return resolveRoute(index, segments);
  const targetUri = resolveRelativeLink(fromUri, target);
  return targetUri === undefined ? undefined : index.termOf(targetUri);
}

/**
 * A Docusaurus site route such as `/docs/Glossar/D-Glossar/Dokumentenlenkung/`: its last segment
 * is the term's id. When several terms share the id, the one whose folders match the route's
 * segments best wins, folder number prefixes ("10-Glossar") dropped as Docusaurus does.
 */
function resolveRoute(index: GlossaryIndex, segments: string[]): GlossaryTerm | undefined {
  const id = segments.pop();
  if (id === undefined) return undefined;
  const candidates = index.termsWithId(id);
  if (candidates.length <= 1) return candidates[0];
  const score = (term: GlossaryTerm) => {
    const folders = routeOf(term).split('/').slice(0, -2);
    let matching = 0;
    while (matching < segments.length && segments[segments.length - 1 - matching] === folders[folders.length - 1 - matching]) matching++;
    return matching;
  };
  return candidates.reduce((best, candidate) => (score(candidate) > score(best) ? candidate : best));
}

/** Of several terms with one name, the first by file path, so the answer does not depend on load order. */
function pickOne(terms: GlossaryTerm[]): GlossaryTerm | undefined {
  return terms.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))[0];
}

