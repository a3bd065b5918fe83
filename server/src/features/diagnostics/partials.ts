import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import { resolveRelativeLink } from '../../common/uris';
import { MAX_PARTIAL_DEPTH, type PartialOf } from '../../site/docusaurusAnchors';
import { compiledAsMdx, compiledByItsPlugin } from './siteRules';

/**
 * The Markdown file of the glossary a page's import names (`./_teil.mdx`, `@site/docs/_teil.md`, `/docs/_teil.md`,
 * `./_teil` with the extension webpack adds), with how Docusaurus compiles it; undefined for code and
 * for a file the index does not hold.
 */
export function markdownPartialOf(index: GlossaryIndex): PartialOf {
  return (request, importer) => {
    const site = index.siteFor(importer.uri);
    const path = request.replace(/(?!^)[?#].*$/s, '');
    const inSite = (relative: string) => site && resolveRelativeLink(`${site.rootUri.replace(/\/$/, '')}/_`, relative);
    const uri = site !== undefined && path.startsWith('@site/') ? inSite(path.slice('@site/'.length)) : /^\.\.?\//.test(path) ? resolveRelativeLink(importer.uri, path) : path.startsWith('/') ? inSite(path.slice(1)) : undefined;
    if (uri === undefined || site?.generator !== 'docusaurus') return undefined;
    const candidatesOf = (base: string) => (/\.mdx?$/i.test(base) ? [base] : [`${base}.md`, `${base}.mdx`]);
    // `/docs/_teil.mdx`: webpack's `resolve.roots`, each static folder before the site's (see `moduleTarget`); a static folder's file is no partial of ours.
    if (path.startsWith('/')) {
      if (site.docusaurus.staticFolders === undefined) return undefined;
      for (const folder of site.docusaurus.staticFolders) {
        const base = resolveRelativeLink(`${folder.replace(/\/$/, '')}/_`, path.slice(1));
        if (base === undefined || candidatesOf(base).some((candidate) => index.whatIsAt(candidate) !== 'none')) return undefined;
      }
    }
    for (const candidate of candidatesOf(uri)) {
      const document = index.documentAtLink(candidate);
      if (document !== undefined) return { document, mdx: compiledAsMdx(index, document) };
    }
    return undefined;
  };
}

/**
 * The Docusaurus pages the build publishes that import this file as a partial (`import Teil from
 * './_teil.mdx'`), themselves or through partials they import: the build renders its links on each
 * and fails on a broken one there as on the page's own. A partial no page imports renders nowhere.
 */
export function pagesRendering(index: GlossaryIndex, document: ParsedDocument): ParsedDocument[] {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus') return [];
  const partialOf = markdownPartialOf(index);
  const seen = new Set([document.uri]);
  const pages: ParsedDocument[] = [];
  for (let partials = [document.uri], depth = 0; partials.length > 0 && depth < MAX_PARTIAL_DEPTH; depth++) {
    const importing: string[] = [];
    for (const uri of index.documentsImportingAny(partials)) {
      const importer = seen.has(uri) ? undefined : index.getDocument(uri);
      if (importer === undefined || !compiledAsMdx(index, importer)) continue;
      const imports = (importer.mdxModules ?? []).some((module) => partials.includes(partialOf(module.request, importer)?.document.uri ?? ''));
      if (!imports) continue;
      seen.add(uri);
      if (index.pageOf(uri)?.published === true || compiledByItsPlugin(index, importer)) pages.push(importer);
      else importing.push(uri);
    }
    partials = importing;
  }
  return pages.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** The partials a page imports, itself or through the partials it imports (see `pagesRendering`). */
export function partialsImportedBy(index: GlossaryIndex, document: ParsedDocument): Set<string> {
  const partialOf = markdownPartialOf(index);
  const found = new Set<string>();
  for (let importers = [document], depth = 0; importers.length > 0 && depth < MAX_PARTIAL_DEPTH; depth++) {
    const next: ParsedDocument[] = [];
    for (const importer of importers) {
      for (const module of importer.mdxModules ?? []) {
        const partial = partialOf(module.request, importer)?.document;
        if (partial === undefined || found.has(partial.uri) || partial.uri === document.uri) continue;
        found.add(partial.uri);
        next.push(partial);
      }
    }
    importers = next;
  }
  return found;
}
