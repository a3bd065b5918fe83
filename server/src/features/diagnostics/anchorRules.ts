import * as l10n from '@vscode/l10n';
import { distance } from 'fastest-levenshtein';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import { isMarkdownPath } from '../../common/uris';
import { fragmentStart, markdownDestination, type MarkdownLink } from '../../parsing/markdown';
import { docusaurusAnchorsOf, headingAnchorsBefore } from '../../site/docusaurusAnchors';
import { comparePositions } from '../../common/text';
import { blogPostRoute, contentPageTranslations, contentTranslationLocaleOf, listedPost, markdownPageUrl, type KnownBlog } from '../../site/docusaurus';
import { localeOfPath, type Site } from '../../site/site';
import type { SitePage } from '../../site/siteTypes';
import { linkedDocument, namesSourcePath } from '../termLinks';
import { compiledAsMdx, compiledByItsPlugin, mdxProblemsOf, pagesPluginPagesAt } from './siteRules';
import { markdownPartialOf } from './partials';
import { blogPostsOf, blogPostUriAt, componentLinksOf, suggestionWritableInto } from './linkRules';

type DocusaurusSite = Extract<Site, { generator: 'docusaurus' }>;

/**
 * Links from a doc to an anchor its target page does not have (`#setup` where the heading is
 * "Set-up", so its id `set-up`), which Docusaurus reports after a build as broken anchors
 * (`onBrokenAnchors`: a warning by default; `throw` fails the build). Judged between docs of one
 * locale, from a blog post or a Markdown page of `src/pages` to a doc by its route, from any of them to a post or a Markdown page
 * of `src/pages` by its route in the default locale, and where the target's anchors are known for
 * certain (see `docusaurusAnchorsOf`).
 */
export function anchorDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus' || site.docusaurus.onBrokenAnchors === 'ignore' || site.docusaurus.mdxComponents === undefined) return [];
  const page = judgedPage(index, site, document);
  const source: LinkingPage | undefined = page !== undefined ? { page, locale: page.locale } : isJudgedBlogPost(index, site, document) ? { locale: site.docusaurus.defaultLocale, ownAnchors: true } : judgedContentTranslation(index, site, document);
  if (source === undefined) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const asMdx = compiledAsMdx(index, document);
  // A doc, a blog post or a Markdown page of the default locale is also built in every locale it has no translation into, where its
  // links reach the translations of the pages they name (`/docs/b#x` is `/fr/docs/b#x` there).
  const otherLocales = page === undefined ? untranslatedContentLocalesOf(index, site, document) : untranslatedLocalesOf(index, site, document, page);
  const check = (link: MarkdownLink) => {
    // A definition no link uses, and a link in MDX's comment, write no link.
    if (link.kind !== 'inline' || (link.defined && !link.referenced) || (asMdx && link.inMdxComment)) return;
    let broken = brokenAnchor(index, site, document, source, link);
    for (const locale of otherLocales) {
      if (broken !== undefined) break;
      broken = brokenAnchor(index, site, document, page === undefined ? { locale } : { page, locale }, link, true);
    }
    if (broken === undefined && source.ownAnchors === true) broken = brokenInPostLists(index, site, document, link);
    if (broken === undefined) return;
    const suggestion = suggestionWritableInto(link, broken.suggestion);
    diagnostics.push({
      range: link.targetRange,
      severity: 'warning',
      code: 'broken-anchor',
      message: broken.message,
      ...(suggestion === undefined ? {} : { suggestion }),
      ...(site.docusaurus.onBrokenAnchors === 'throw' || broken.breaksBuild ? { breaksBuild: true as const } : {}),
    });
  };
  for (const link of document.body.links) check(link);
  for (const link of componentLinksOf(index, document)) check(link);
  return diagnostics;
}

/**
 * The page a link lies in: a doc, or a blog post or a Markdown page of `src/pages` (no page of the
 * model: their links reach the docs by route, and the posts by route or, from a post, by file; their
 * own anchors are read, as their pages show them whole).
 */
interface LinkingPage {
  page?: SitePage;
  locale: string;
  ownAnchors?: true;
  /** A translation of a post or a Markdown page: its links to its own anchors alone are judged. */
  ownAnchorsOnly?: true;
}

/**
 * A translation of a blog post or a Markdown page (`i18n/<locale>/docusaurus-plugin-content-blog/…`)
 * that its locale's build reads, compiled without a problem: its links to its own anchors are judged.
 */
function judgedContentTranslation(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument): LinkingPage | undefined {
  const locale = contentTranslationLocaleOf(site.docusaurus, site.rootUri, document.uri);
  if (locale === undefined || site.docusaurus.contentMdxChangedBy !== undefined || !compiledByItsPlugin(index, document)) return undefined;
  return mdxProblemsOf(site.docusaurus, document).length === 0 ? { locale, ownAnchors: true, ownAnchorsOnly: true } : undefined;
}

/**
 * A post's link to its own anchor, before its truncate marker, to a heading after it: the blog's
 * lists of posts show the post only up to the marker, and Docusaurus reports the anchor broken
 * there. Judged where the blog cuts at its default marker, the post is listed, and no other post
 * of the blog has the anchor (a list showing one beside it would hold it).
 */
function brokenInPostLists(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument, link: MarkdownLink): { message: string } | undefined {
  const marker = document.body.truncateMarker;
  const blog = blogOf(site, document);
  if (marker === undefined || blog === undefined || blog.ownTruncateMarker || comparePositions(link.range.end, marker.start) > 0) return undefined;
  const read = link.component ? link.target : markdownDestination(link.target);
  if (read === undefined || !read.startsWith('#') || !listedPost(document.frontMatter?.fields ?? [])) return undefined;
  const hash = read.slice(1);
  const decoded = decodedHash(hash);
  if (hash === '' || hash.includes('&') || GENERATED_ANCHOR.test(hash) || decoded === undefined) return undefined;
  const maintainCase = site.docusaurus.anchorsMaintainCase;
  const shown = headingAnchorsBefore(document, { maintainCase, mdx: compiledAsMdx(index, document) }, marker.start);
  if (shown === undefined || shown.has(hash) || shown.has(decoded)) return undefined;
  for (const uri of blogPostsOf(index, site, blog).values()) {
    const post = uri === document.uri ? undefined : index.getDocument(uri);
    if (post === undefined) continue;
    const anchors = docusaurusAnchorsOf(post, { maintainCase, mdx: compiledAsMdx(index, post) }, markdownPartialOf(index));
    if (anchors === undefined || anchors.has(hash) || anchors.has(decoded)) return undefined;
  }
  return { message: l10n.t('The blog\'s lists of posts show this post only up to its truncate marker, where no heading has the id "{0}": Docusaurus reports a broken anchor on them.', hash) };
}

/**
 * The Markdown page of a pages plugin (`src/pages/…`) at a route of the default locale's build,
 * where it is the only file there (a React page beside it may render anything).
 */
function markdownPageUriAt(index: GlossaryIndex, site: DocusaurusSite, route: string): string | undefined {
  // Another locale's route (`/fr/hilfe`) is no page of the default locale's build: a broken link there.
  if (localeOfPath(site, route) !== site.docusaurus.defaultLocale) return undefined;
  const files = pagesPluginPagesAt(index, site, route);
  return files.length === 1 && /\.mdx?$/i.test(files[0]) && index.getDocument(files[0]) !== undefined ? files[0] : undefined;
}

/** The blog whose routes are known a document is a post of. */
function blogOf(site: DocusaurusSite, document: ParsedDocument): KnownBlog | undefined {
  return site.docusaurus.blogs.find((blog) => document.uri.startsWith(`${blog.uri}/`));
}

/**
 * A post of a blog whose routes are known, or a Markdown page of a pages plugin (`src/pages/…`), in
 * the default locale, compiled without a problem: Docusaurus checks its links to the docs' anchors too.
 */
function isJudgedBlogPost(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument): boolean {
  const { docusaurus } = site;
  const inPlugin = docusaurus.blogs.some((blog) => document.uri.startsWith(`${blog.uri}/`)) || docusaurus.pagesFolders.some((pages) => document.uri.startsWith(`${pages.uri}/`));
  if (docusaurus.contentMdxChangedBy !== undefined || !inPlugin) return false;
  if (!compiledByItsPlugin(index, document)) return false;
  return mdxProblemsOf(docusaurus, document).length === 0;
}

/** A published doc of a docs instance whose headings Docusaurus's own plugin gives ids, compiled without a problem; else undefined. */
function judgedPage(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument): SitePage | undefined {
  const page = index.pageOf(document.uri);
  if (page?.generator !== 'docusaurus' || !page.published) return undefined;
  const instance = site.docusaurus.instances.find((candidate) => candidate.id === page.instance);
  if (instance === undefined || instance.mdxSyntaxChangedBy !== undefined || instance.headingIdsChangedBy !== undefined) return undefined;
  // Components the site's MDX components provide are defined.
  return mdxProblemsOf(site.docusaurus, document).length > 0 ? undefined : page;
}

/** Anchors other parts of a page than its text give it: the footnotes' (`user-content-fn-1`, `footnote-label`). */
const GENERATED_ANCHOR = /^(?:user-content-|footnote-label$)/;

/** The locales other than its own a default-locale doc is built in: those it has no translation into. */
function untranslatedLocalesOf(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument, page: SitePage): string[] {
  const { defaultLocale, locales } = site.docusaurus;
  if (page.locale !== defaultLocale || locales.length < 2) return [];
  const translated = new Set(index.translationsOf(document.uri).map((uri) => index.pageOf(uri)?.locale));
  return locales.filter((locale) => locale !== defaultLocale && !translated.has(locale));
}

/** The same for a blog post or a Markdown page of `src/pages`: the locales with no file at its translation's place (`i18n/<locale>/docusaurus-plugin-content-blog/…`). */
function untranslatedContentLocalesOf(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument): string[] {
  const { defaultLocale, locales } = site.docusaurus;
  if (locales.length < 2) return [];
  const translations = contentPageTranslations(site.docusaurus, site.rootUri, document.uri);
  if (translations.length !== locales.length) return [];
  return locales.filter((locale, at) => locale !== defaultLocale && index.whatIsAt(translations[at]) !== 'file');
}

/**
 * The link's broken anchor, read in the locale of `source`. With `onlyTranslated`, the link of a
 * default-locale doc read in another locale, where it builds untranslated: judged only where the
 * page it names is replaced by its translation there (elsewhere the default locale's judgement
 * holds).
 */
function brokenAnchor(index: GlossaryIndex, site: DocusaurusSite, document: ParsedDocument, source: LinkingPage, link: MarkdownLink, onlyTranslated = false): { message: string; suggestion?: string; breaksBuild?: true } | undefined {
  // As the link's URL holds it: Markdown's escapes (`#a\_b`) and character references (`O&#95;ut.md`) resolved; a `&` left is not judged.
  const read = link.component ? link.target : markdownDestination(link.target);
  const hashAt = read === undefined ? -1 : read.indexOf('#');
  if (read === undefined || hashAt === -1) return undefined;
  const hash = read.slice(hashAt + 1);
  if (hash === '' || hash.includes('&') || GENERATED_ANCHOR.test(hash)) return undefined;
  const path = read.slice(0, hashAt).replace(/\?.*$/s, '');
  // A relative URL path of a blog post or Markdown page is not followed; its links to Markdown files lead to its own plugin's pages only (see `pageOfAnotherPlugin`).
  if (source.page === undefined && !path.startsWith('/') && path !== '' && !isMarkdownPath(path)) return undefined;
  if (source.ownAnchorsOnly && path !== '') return undefined;
  const found = path === '' ? { document, kind: 'file' as const } : linkedDocument(index, document.uri, link.target, link.targetUri, link.component);
  const route = found.kind === 'route' ? found.path : undefined;
  // A route the docs have no page at may be a post's, or a Markdown page's of `src/pages` (yunikorn's `/community/release_procedure#…`).
  const postUri = found.document === undefined && route !== undefined ? blogPostUriAt(index, site, route) : undefined;
  const markdownPageUri = found.document === undefined && postUri === undefined && route !== undefined ? markdownPageUriAt(index, site, route) : undefined;
  const contentUri = postUri ?? markdownPageUri;
  const linked = found.document ?? (contentUri === undefined ? undefined : index.getDocument(contentUri));
  if (linked === undefined || index.siteFor(linked.uri) !== site) return undefined;
  let target = linked;
  if (onlyTranslated) {
    // A Markdown file's path is looked for beside this file there (see `linkRules`), unless it names the file by its path below
    // the version's folder, which the locale's translations are searched for first: routes and such paths lead to the translation.
    const linkedPage = index.pageOf(linked.uri);
    if (linked === document || (/\.mdx?$/i.test(path) && (linkedPage === undefined || !namesSourcePath(link.target, linkedPage)))) return undefined;
    const translation = index.translationsOf(linked.uri).find((uri) => index.pageOf(uri)?.locale === source.locale);
    const translated = translation === undefined ? undefined : index.documentAtLink(translation);
    if (translated === undefined) return undefined;
    target = translated;
  }
  const targetPage = target === document ? source.page : judgedPage(index, site, target);
  // The post or Markdown page a link lies in is judged in its own locale; another post in the default locale, where its page is built from its file.
  const postBlog = target === document ? undefined : blogOf(site, target);
  const markdownPage = target !== document && target.uri === markdownPageUri;
  const judgedContentPage = targetPage === undefined && !onlyTranslated && (target === document ? source.ownAnchors === true : source.locale === site.docusaurus.defaultLocale && (postBlog !== undefined || markdownPage) && isJudgedBlogPost(index, site, target));
  if (!judgedContentPage && (targetPage === undefined || !builtInLocaleFrom(index, target, targetPage, source.locale))) return undefined;
  const mdx = compiledAsMdx(index, target);
  // On a page compiled as CommonMark, an element the site's own MDX components render (`span: Span`) may collect its id.
  if (!mdx && (target.body.otherAnchors ?? []).some((element) => site.docusaurus.mdxComponents!.includes(element.slice(0, element.indexOf(':')).toLowerCase()))) return undefined;
  const anchors = docusaurusAnchorsOf(target, { maintainCase: site.docusaurus.anchorsMaintainCase, mdx }, markdownPartialOf(index));
  if (anchors?.has(hash)) return undefined;
  const decoded = decodedHash(hash);
  // Docusaurus decodes an anchor it does not find as written, and stops where that fails (`#caf%E9`, no UTF-8).
  if (decoded === undefined) return { message: l10n.t('Docusaurus cannot decode the anchor "{0}" (its percent-encoding is no UTF-8), and the build fails.', hash), breaksBuild: true };
  if (anchors === undefined || anchors.has(decoded)) return undefined;
  const nearest = nearestAnchor(anchors, decoded);
  const suggestion = nearest === undefined ? undefined : `${link.target.slice(0, link.component ? hashAt : fragmentStart(link.target))}#${nearest}`;
  const where = target === document ? l10n.t('this page') : (targetPage?.route ?? (markdownPage ? markdownPageUrl(site.docusaurus, target.uri, target.frontMatter?.fields ?? [])! : blogPostRoute(site.docusaurus, postBlog!, target.uri, target.frontMatter?.fields ?? [])));
  if (onlyTranslated) {
    return {
      message: suggestion === undefined
        ? l10n.t('In the {0} build, where this page is built from this file, no heading or element of the translation at {1} has the id "{2}": Docusaurus reports a broken anchor.', source.locale, where, hash)
        : l10n.t('In the {0} build, where this page is built from this file, no heading or element of the translation at {1} has the id "{2}": Docusaurus reports a broken anchor. Did you mean "{3}"?', source.locale, where, hash, nearest!),
    };
  }
  return {
    message: suggestion === undefined
      ? l10n.t('No heading or element on {0} has the id "{1}": Docusaurus reports a broken anchor.', where, hash)
      : l10n.t('No heading or element on {0} has the id "{1}": Docusaurus reports a broken anchor. Did you mean "{2}"?', where, hash, nearest!),
    suggestion,
  };
}

function decodedHash(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash);
  } catch {
    return undefined;
  }
}

/**
 * Whether the locale a link is read in builds the target page from this file: its own, or, where
 * the target has no translation into the linking page's locale, the original Docusaurus builds
 * there in its place.
 */
function builtInLocaleFrom(index: GlossaryIndex, target: ParsedDocument, targetPage: SitePage, locale: string): boolean {
  if (targetPage.locale === locale) return true;
  const site = index.siteFor(target.uri);
  if (site?.generator !== 'docusaurus' || targetPage.locale !== site.docusaurus.defaultLocale) return false;
  return !index.translationsOf(target.uri).some((uri) => index.pageOf(uri)?.locale === locale);
}

/** The page's anchor nearest to a misspelt one: a third of it may be wrong, at least one character; ties go to the first in the page. */
function nearestAnchor(anchors: ReadonlyMap<string, string>, hash: string): string | undefined {
  const most = Math.max(1, Math.floor(hash.length / 3));
  let best: { anchor: string; distance: number } | undefined;
  for (const anchor of anchors.keys()) {
    if (Math.abs(anchor.length - hash.length) > most) continue;
    const apart = distance(anchor.toLowerCase(), hash.toLowerCase());
    if (apart <= most && (best === undefined || apart < best.distance)) best = { anchor, distance: apart };
  }
  return best?.anchor;
}
