import { sameFrontMatterValues, type GlossaryIndex } from '../../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../../parsing/document';
import { routeSegments, uriPath } from '../../common/uris';
import { hugoPathsBesidePages } from '../../site/hugo';
import { blogOfFile, blogPostRoute, type DocusaurusSite, type KnownBlog } from '../../site/docusaurus';
import { isCaseOrNumberVariant, isLikelyTypo } from './similarity';
import { partialsImportedBy } from './partials';
import { isRelativeUrl } from './linkRules';
import { MAX_PARTIAL_DEPTH } from '../../site/docusaurusAnchors';

/**
 * The other documents whose diagnostics may change when one document changes from `before` to
 * `after` (either may be missing: created, deleted): links to it, entries sharing its id or title,
 * and, without a tags file, entries using a tag that may now count as a variant. Call it after the
 * index holds `after`.
 */
export function affectedDocuments(index: GlossaryIndex, uri: string, before: ParsedDocument | undefined, after: ParsedDocument | undefined): Set<string> {
  const affected = new Set<string>();
  const termBefore = before?.term;
  const termAfter = after?.term;
  // A relative link names the file, whether or not it is a term.
  const asTarget = { uri, id: '', title: '', aliases: [] };
  if (!sameIdentity(termBefore, termAfter) || (before === undefined) !== (after === undefined)) {
    for (const term of [termBefore ?? asTarget, termAfter ?? asTarget]) {
      for (const source of index.documentsLinkingTo(term)) affected.add(source);
      if (term.id !== '') for (const other of index.termsWithId(term.id)) affected.add(other.uri);
      if (term.title !== '') for (const other of index.termsNamed(term.title)) affected.add(other.uri);
    }
  }
  const anchorsChanged = before !== undefined && after !== undefined && anchorSourcesOf(before) !== anchorSourcesOf(after);
  // Headings or elements that change give the page other anchors, which links to it name; so do
  // the pages that import it as a partial (and those importing them), whose anchors it adds to.
  if (anchorsChanged) {
    const pages = new Set([uri]);
    for (let found = [uri], depth = 0; found.length > 0 && depth < MAX_PARTIAL_DEPTH; depth++) {
      found = [...index.documentsImportingAny(found)].filter((importer) => !pages.has(importer));
      for (const importer of found) pages.add(importer);
    }
    for (const page of pages) {
      const term = page === uri ? termAfter : index.getDocument(page)?.term;
      for (const source of index.documentsLinkingTo(term ?? { uri: page, id: '', title: '', aliases: [] })) affected.add(source);
    }
  }
  // A page that comes, goes, changes its front matter (a draft) or its imports changes where the partials it imports are
  // rendered: whether the build fails on their broken links.
  if ((before === undefined) !== (after === undefined) || !sameFrontMatterValues(before, after) || importsOf(before) !== importsOf(after)) {
    for (const document of [before, after]) if (document !== undefined) for (const partial of partialsImportedBy(index, document)) affected.add(partial);
  }
  // A page that comes, goes or may move, or changes its anchors, is a target of `<Link>` elements by route.
  if ((before === undefined) !== (after === undefined) || !sameFrontMatterValues(before, after) || anchorsChanged) {
    for (const linking of documentsJudgingByScan(index, uri)) affected.add(linking);
    // A post is no page of the model: the links to it by route name the last segment of its route (`/blog/hallo#einleitung`), before and after.
    for (const name of new Set([before, after].map((document) => document && blogPostRouteName(index, uri, document)))) {
      if (name !== undefined) for (const source of index.documentsLinkingTo({ uri, id: name, title: '', aliases: [] })) affected.add(source);
    }
  }
  const tagsBefore = new Set(termBefore?.tags.map((tag) => tag.value) ?? []);
  const tagsAfter = new Set(termAfter?.tags.map((tag) => tag.value) ?? []);
  const changedTags = [...tagsBefore, ...tagsAfter].filter((tag) => tagsBefore.has(tag) !== tagsAfter.has(tag));
  if (changedTags.length > 0) {
    for (const [tag] of index.tagUsage()) {
      if (!changedTags.some((changed) => changed === tag || isCaseOrNumberVariant(changed, tag) || isLikelyTypo(changed, tag))) continue;
      for (const user of index.documentsUsingTag(tag)) if (index.tagsFileFor(user) === undefined) affected.add(user);
    }
  }
  // An original that comes or goes builds or drops its translations' pages.
  if ((before === undefined) !== (after === undefined)) {
    const page = index.pageFor(uri, (before ?? after)!.frontMatter?.fields ?? []);
    for (const other of page === undefined ? [] : index.documentsWithTranslationKey(page.translationKey)) affected.add(other);
    // A link render hook's `.GetPage` may find it for a link written in another case, language or extension (`c.md` finds `c.de.md`).
    const site = index.siteFor(uri);
    if (site?.generator === 'hugo' && site.hugo.linkRenderHook === 'get-page') {
      for (const document of index.documents()) if (document.body.links.length > 0 && index.siteFor(document.uri) === site) affected.add(document.uri);
    }
  }
  // Any change of a page's front matter, or a page that comes or goes, may give or take the doc id another page's pagination or a sidebar names, or the page a Hugo ref finds.
  if (!sameFrontMatterValues(before, after)) {
    for (const naming of index.documentsNamingDocIds()) affected.add(naming);
    for (const holder of index.documentsWithHugoRefs()) affected.add(holder);
    for (const config of index.siteConfigProblems()) if (config.sidebars !== undefined || config.category !== undefined || config.autogeneratedSidebars !== undefined) affected.add(config.uri);
    // A Hugo section's front matter cascades to the pages below it, and a section not built takes them
    // out; a bundle's index that comes or goes makes them resources or pages: so do the links to them.
    // A tag or taxonomy's term a page gives or no longer gives makes or takes its page (`/docs/tags/foo`, Hugo's `/tags/foo/`).
    const site = index.siteFor(uri);
    const taxonomies = site?.generator === 'hugo' ? site.hugo.taxonomies : site?.generator === 'docusaurus' ? DOCUSAURUS_TAGS : undefined;
    if (taxonomies !== undefined && taxonomyValues(before, taxonomies) !== taxonomyValues(after, taxonomies)) {
      for (const document of index.documents()) {
        // Hugo's below the base (or a language), Docusaurus's below the docs' route and version.
        const linksToTerms = document.body.links.some((link) => routeSegments(link.target)?.some((segment, at) => at < 4 && taxonomies.has(segment.toLowerCase())));
        if (linksToTerms && index.siteFor(document.uri) === site) affected.add(document.uri);
      }
    }
    // A page that comes, goes or stops being a draft in a top-level folder without an `_index` file
    // makes or takes the folder's list page, where another page may be built too (`duplicate-route`).
    if (site?.generator === 'hugo') {
      const relativePath = uriPath(uri).slice(uriPath(site.rootUri).replace(/\/$/, '').length + 1);
      for (const document of [before, after]) {
        const page = document === undefined ? undefined : index.pageFor(uri, document.frontMatter?.fields ?? []);
        if (page === undefined) continue;
        const listPages = hugoPathsBesidePages(site.hugo, [relativePath], [{ relativePath, page: { ...page, contentRead: true }, aliases: [], terms: new Map<string, string[]>() }]);
        for (const path of listPages) for (const other of index.documentsAtPermalink(site, path)) affected.add(other.uri);
      }
    }
    if (index.isHugoSectionFile(uri) || index.mayHeadHugoBundle(uri)) {
      for (const below of index.documentsBelow(uri)) {
        affected.add(below.uri);
        for (const source of index.documentsLinkingTo(below.term ?? { uri: below.uri, id: '', title: '', aliases: [] })) affected.add(source);
      }
    }
  }
  affected.delete(uri);
  return affected;
}

/**
 * The pages of a Docusaurus site whose `<Link>` elements link by route (see `ComponentLink`), and,
 * for a post, the posts of its blog with a truncate marker, whose links before it are judged
 * against every other post's anchors (see `brokenInPostLists`), and those with relative URLs,
 * judged from the page of the list of posts that shows them, which the posts before them decide
 * (see `brokenOnPostLists`). The index keeps no table of these, as they are read apart from the
 * text: one scan, made only when a page comes, goes, may move or changes its anchors.
 */
function documentsJudgingByScan(index: GlossaryIndex, uri: string): string[] {
  const site = index.siteFor(uri);
  if (site?.generator !== 'docusaurus') return [];
  // A post or its translation (`i18n/fr/docusaurus-plugin-content-blog/…`), whose locale's list it may move.
  const blog = blogOfFile(site.docusaurus, site.rootUri, uri);
  const found: string[] = [];
  for (const document of index.documents()) {
    const linksByRoute = document.componentLinks !== undefined && index.siteFor(document.uri) === site;
    const listedPost = blog !== undefined && blogOfFile(site.docusaurus, site.rootUri, document.uri) === blog && (document.body.truncateMarker !== undefined || document.body.links.some(isRelativeUrl));
    if (linksByRoute || listedPost) found.push(document.uri);
  }
  return found;
}

/** The last segment of the route of a post of a Docusaurus blog whose routes are known (`hallo` of `/blog/2024/01/31/hallo`). */
function blogPostRouteName(index: GlossaryIndex, uri: string, document: ParsedDocument): string | undefined {
  const known = knownBlogOf(index, uri);
  if (known === undefined) return undefined;
  const segments = blogPostRoute(known.docusaurus, known.blog, uri, document.frontMatter?.fields ?? []).split('/').filter((segment) => segment !== '');
  // As written: `documentsLinkingTo` decodes it as links are read.
  return segments.length === 0 ? undefined : segments[segments.length - 1];
}

/** The Docusaurus blog whose routes are known that a document lies in, with its site. */
function knownBlogOf(index: GlossaryIndex, uri: string): { docusaurus: DocusaurusSite; blog: KnownBlog } | undefined {
  const site = index.siteFor(uri);
  if (site?.generator !== 'docusaurus') return undefined;
  const blog = site.docusaurus.blogs.find((candidate) => uri.startsWith(`${candidate.uri}/`));
  return blog === undefined ? undefined : { docusaurus: site.docusaurus, blog };
}

/** The front-matter key of Docusaurus's tags, and the route folder of their pages. */
const DOCUSAURUS_TAGS: ReadonlySet<string> = new Set(['tags']);

/** The values a page's front matter gives the taxonomies, as one string to compare. */
function taxonomyValues(document: ParsedDocument | undefined, taxonomies: ReadonlySet<string>): string {
  return JSON.stringify((document?.frontMatter?.fields ?? []).filter((field) => taxonomies.has(field.key.toLowerCase())).map((field) => [field.key, field.value]));
}

/** The modules a page imports, as one string to compare. */
function importsOf(document: ParsedDocument | undefined): string {
  return (document?.mdxModules ?? []).map((module) => module.request).join('\u0000');
}

/** What a page's anchors are made of (see `docusaurusAnchorsOf`), as one string to compare. */
function anchorSourcesOf(document: ParsedDocument): string {
  const headings = document.body.headings.map((heading) => `${heading.level} ${heading.id ?? ''} ${heading.source ?? heading.text}`);
  return [...headings, ...(document.body.otherAnchors ?? []), ...(document.mdxModules ?? []).map((module) => module.request)].join('\u0000');
}

function sameIdentity(a: GlossaryTerm | undefined, b: GlossaryTerm | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.id === b.id && a.idFromFileName === b.idFromFileName && a.title === b.title && a.aliases.join('\u0000') === b.aliases.join('\u0000') && a.notMentions.join('\u0000') === b.notMentions.join('\u0000');
}
