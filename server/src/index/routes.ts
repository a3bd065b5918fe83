import { uriPath } from '../common/uris';
import type { GlossaryTerm } from '../parsing/document';

/**
 * The Docusaurus route of a term: `/docs/` and its folders below the nearest `docs` folder, number
 * prefixes dropped, then its id; just `/<id>/` outside a docs folder.
 */
export function routeOf(term: Pick<GlossaryTerm, 'uri' | 'id'>): string {
  return `${routeFolderOf(term.uri)}${term.id}/`;
}

/** The route of the folder a term's file is in, with a trailing slash: `/docs/Glossar/D-Glossar/`. */
export function routeFolderOf(uri: string): string {
  const folders = uriPath(uri).split('/').slice(1, -1);
  const docs = folders.lastIndexOf('docs');
  const segments = docs === -1 ? [] : ['docs', ...folders.slice(docs + 1).map((folder) => folder.replace(/^\d+-/, ''))];
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}
