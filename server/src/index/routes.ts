import { uriPath } from '../common/uris';
import type { GlossaryTerm } from '../parsing/document';

/**
 * The Docusaurus route of a term: `/docs/` and its folders below the nearest `docs` folder, number
 * prefixes dropped, then its id; just `/<id>/` outside a docs folder.
 */
export function routeOf(term: Pick<GlossaryTerm, 'uri' | 'id'>): string {
  return `${routeFolderOf(term.uri)}${term.id}/`;
}

/** Route folders by the URI of their folder, which the terms in it share; parsing each term's URI is costly. */
let routeFoldersByFolderUri = new Map<string, string>();
const MAX_REMEMBERED_FOLDERS = 10_000;

/** The route of the folder a term's file is in, with a trailing slash: `/docs/Glossar/D-Glossar/`. */
export function routeFolderOf(uri: string): string {
  const folderUri = uri.slice(0, uri.lastIndexOf('/') + 1);
  // A query or fragment could hold a "/": such URIs are worked out each time.
  const remembered = /[?#]/.test(uri) ? undefined : routeFoldersByFolderUri;
  let routeFolder = remembered?.get(folderUri);
  if (routeFolder === undefined) {
    const folders = uriPath(uri).split('/').slice(1, -1);
    const docs = folders.lastIndexOf('docs');
    const segments = docs === -1 ? [] : ['docs', ...folders.slice(docs + 1).map((folder) => folder.replace(/^\d+-/, ''))];
    routeFolder = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
    if (remembered !== undefined) {
      if (remembered.size >= MAX_REMEMBERED_FOLDERS) routeFoldersByFolderUri = new Map();
      routeFoldersByFolderUri.set(folderUri, routeFolder);
    }
  }
  return routeFolder;
}
