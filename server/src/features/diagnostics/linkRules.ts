import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { asLinkTarget, fileStem, isMarkdownPath, relativePath, resolveRelativeLink, safeDecode, uriPath, withPath, withRouteId } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { comparePositions, type Range } from '../../common/text';
import type { GlossaryTerm, ParsedDocument } from '../../parsing/document';
import type { FrontMatterField } from '../../parsing/frontMatterFields';
import { fragmentStart, markdownDestination, wikiLinkParts, type MarkdownLink } from '../../parsing/markdown';
import { inShortcodeBody } from '../../parsing/hugoShortcodes';
import { brokenLinkPolicyOf, hugoBasePathOf, linkedPath, outsideDocusaurusBuild, pagesPluginFilesAt, permalinkKey, type Site } from '../../site/site';
import { HUGO_UNREAD_CONTENT_EXTENSIONS, hugoLanguageOfSegment, hugoPageOf, hugoPathsBesidePages, hugoThemeContentFolders, hugoUnreadPatternPageMayBeAt, linkHookFor } from '../../site/hugo';
import { blogAuthorListUrl, blogListUrl, blogListUrlsByPost, blogOfFile, blogOfPostPath, blogPostDate, blogPostUrl, blogTagListUrl, builtVersionsOf, compiledByContentPlugin, contentFileReadIn, contentPageTranslations, contentTranslationSource, docsTagPagePlace, listedPost, localeBaseUrl, markdownPageUrl, type KnownBlog } from '../../site/docusaurus';
import { docusaurusPermalinkOf } from '../tagsFileGenerator';
import type { SitePage, UnpublishedReason } from '../../site/siteTypes';
import { isNoSitePage, linkedDocument, localesMissingFileLink, resolveTermLink } from '../termLinks';
import { compiledAsMdx, compiledByItsPlugin, pagesPluginPagesAt, translatedInEveryLocale } from './siteRules';
import { pagesRendering } from './partials';
import { wikiLinkTo } from '../linkCompletion';
import { namesCommonFileType } from '../../site/docusaurusAssets';
import { distance } from 'fastest-levenshtein';

/**
 * Links that lead nowhere on the built site: Markdown file links, site routes and wiki links. Where
 * the site's `onBrokenLinks` is `throw` (Docusaurus's default), the build fails on them.
 */
export function linkDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  const site = index.siteFor(document.uri);
  // A blog post or page each locale's build reads a translation of in its place, and a page no build
  // reads (a version the site does not build, a translation of no original): no build reads its links.
  if (site?.generator === 'docusaurus' && (translatedInEveryLocale(index, document.uri) || neverRead(site, index.pageOf(document.uri)))) return diagnostics;
  const ownPage = index.pageOf(document.uri)?.published === true || compiledByItsPlugin(index, document);
  // A partial renders on the pages that import it.
  const renderedOn = site?.generator === 'docusaurus' && !ownPage ? pagesRendering(index, document) : [];
  const failsBuild = site !== undefined && brokenLinkPolicyOf(site) === 'throw' && (ownPage || renderedOn.length > 0);
  const asMdx = document.body.links.some((link) => link.inMdxComment) && compiledAsMdx(index, document);
  const check = (link: MarkdownLink) => {
    // MDX's comment writes no link.
    if (asMdx && link.inMdxComment) return;
    const broken = brokenLink(index, document, link) ?? brokenWhereRendered(index, renderedOn, link) ?? brokenOnPostLists(index, document, link);
    if (broken === undefined) return;
    diagnostics.push({
      range: link.targetRange,
      severity: 'warning',
      code: 'broken-link',
      message: broken.message,
      suggestion: suggestionWritableInto(link, broken.suggestion),
      // A wiki link is no link to Docusaurus: it stays text on the page.
      ...(failsBuild && link.kind !== 'wiki' ? { breaksBuild: true as const } : {}),
    });
  };
  for (const link of document.body.links) check(link);
  for (const link of componentLinksOf(index, document)) check(link);
  return diagnostics;
}

/**
 * A partial's relative URL (`[x](andere)`, no Markdown file) resolves from the route of each page that
 * renders it, not from the partial: broken where it leads nowhere from one of them, which is named.
 */
function brokenWhereRendered(index: GlossaryIndex, pages: readonly ParsedDocument[], link: MarkdownLink): { message: string; suggestion?: string } | undefined {
  const path = link.target.replace(/[?#].*$/s, '');
  if (link.kind === 'wiki' || link.component || path === '' || path.startsWith('/') || path.startsWith('@site/') || /^[a-z][a-z0-9+.-]*:/i.test(path) || isMarkdownPath(path)) return undefined;
  for (const page of pages) {
    const broken = brokenLink(index, page, link);
    if (broken !== undefined) return { message: l10n.t('{0} Read from {1}, which imports this partial.', broken.message, index.pageOf(page.uri)?.permalink || uriPath(page.uri)) };
  }
  return undefined;
}

/**
 * A relative URL in the part of a post the blog's lists of posts show (up to its truncate marker;
 * all of it without one) is read there from the list's URL, not the post's: `./p01` leads from
 * `/blog/p05` to `/blog/p01`, from the list `/blog` to `/p01`, and Docusaurus reports it broken on
 * the list. So does `../docs/intro` from the list of a tag of the post, `/blog/tags/alpha`, which
 * leads to `/docs/intro` from the post and from `/blog`. Judged on the page of each list the
 * posts' dates put the post on; where they do not tell, where it leads nowhere from the first page
 * and from the later ones alike (see `blogListUrlsByPost`); in the default locale's build, and a
 * translation of a post (`i18n/fr/docusaurus-plugin-content-blog/…`) in its locale's, whose list
 * is at `/fr/blog`.
 */
function brokenOnPostLists(index: GlossaryIndex, document: ParsedDocument, link: MarkdownLink): { message: string; suggestion?: string } | undefined {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus' || !isRelativeUrl(link)) return undefined;
  const translated = contentTranslationSource(site.docusaurus, site.rootUri, document.uri);
  // A post no locale translates is on the lists of each locale's build: `../../docs/x` leads from `/blog` to `/docs/x`, from `/fr/blog` out of the French build.
  const locales = translated !== undefined ? [translated.locale] : [site.docusaurus.defaultLocale, ...untranslatedLocaleUrls(index, site, document).map(({ locale }) => locale)];
  for (const locale of locales) {
    const broken = brokenOnPostListsIn(index, site, document, link, locale);
    if (broken !== undefined) return broken;
  }
  return undefined;
}

/** `brokenOnPostLists` in one locale's build. */
function brokenOnPostListsIn(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, document: ParsedDocument, link: MarkdownLink, locale: string): { message: string; suggestion?: string } | undefined {
  const { docusaurus } = site;
  const blog = blogOfFile(docusaurus, site.rootUri, document.uri);
  const fields = document.frontMatter?.fields ?? [];
  const marker = document.body.truncateMarker;
  // A marker of the blog's own is not known here; nor what a post after it shows.
  if (blog === undefined || blog.ownTruncateMarker || !listedPost(fields)) return undefined;
  if (marker !== undefined && comparePositions(link.range.end, marker.start) > 0) return undefined;
  const lists = index.rememberedByPages(`blog lists ${blog.uri} ${locale}`, () => postListsByPost(index, site, blog, locale))?.get(document.uri);
  if (lists === undefined) return undefined;
  const pageFolder = blogListUrl(docusaurus, blog, 2, locale).replace(/[^/]+\/?$/, '');
  const listFolders = index.rememberedByPages(`blog list folders ${blog.uri} ${locale}`, () => listFoldersOf(index, site, blog, locale));
  const target = markdownDestination(link.target) ?? link.target;
  const nowhere = (path: string | undefined) => {
    if (path === undefined) return false;
    // The locale's build has no route above its base URL (`/docs/x` in the one of `/fr/`).
    if (outsideDocusaurusBuild(docusaurus, path, locale)) return true;
    // Below the folders of the lists of tags and authors only their pages are (`/blog/tags/alpha`, `/blog/tags/alpha/page/2`).
    const lower = path.toLowerCase();
    const listFolder = listFolders.find(({ folder }) => lower.startsWith(folder));
    if (listFolder !== undefined) {
      const rest = lower.slice(listFolder.folder.length).replace(/\/+$/, '');
      const later = `/${blog.listFolders[1].toLowerCase()}/`;
      return ![...listFolder.permalinks].some((permalink) => rest === permalink || (rest.startsWith(`${permalink}${later}`) && /^\d+$/.test(rest.slice(permalink.length + later.length))));
    }
    // Below the folder of the list's later pages only those pages are (`/blog/page/3`).
    if (path.startsWith(pageFolder)) return !/^\d+\/?$/.test(path.slice(pageFolder.length));
    const last = path.split('/').filter((segment) => segment !== '').pop();
    return last !== undefined && !/\.(?!mdx?$)[a-z0-9]+$/i.test(last) && index.documentsAtPermalink(site, path).length === 0 && judgedAsNoPage(index, site, path);
  };
  // A list shows the post on one of the pages named: broken where the link leads nowhere from each.
  const broken = lists
    .map((list) => ({ ...list, ledTo: list.pages.map((url) => linkedPath(site, { published: true, permalink: url, locale }, target)) }))
    .find((list) => list.ledTo.every(nowhere));
  if (broken === undefined) return undefined;
  const { tag, author, pages, ledTo } = broken;
  let message: string;
  if (author !== undefined) {
    message =
      pages.length === 1
        ? l10n.t('The list of posts by the author "{0}" ({1}) shows this part of the post too, and there "{2}" leads to {3}, where no page is: Docusaurus reports a broken link on the list.', author, pages[0], link.target, ledTo[0]!)
        : l10n.t('The list of posts by the author "{0}" shows this part of the post too, on its first page ({1}) or a later one, and from each "{2}" leads where no page is ({3}, {4}): Docusaurus reports a broken link on the list.', author, pages[0], link.target, ledTo[0]!, ledTo[1]!);
  } else if (tag === undefined) {
    message =
      pages.length === 1
        ? l10n.t('The blog\'s list of posts {0} shows this part of the post too, and there "{1}" leads to {2}, where no page is: Docusaurus reports a broken link on the list.', pages[0], link.target, ledTo[0]!)
        : l10n.t('The blog\'s list of posts shows this part of the post too, on its first page ({0}) or a later one, and from each "{1}" leads where no page is ({2}, {3}): Docusaurus reports a broken link on the list.', pages[0], link.target, ledTo[0]!, ledTo[1]!);
  } else {
    message =
      pages.length === 1
        ? l10n.t('The list of posts tagged "{0}" ({1}) shows this part of the post too, and there "{2}" leads to {3}, where no page is: Docusaurus reports a broken link on the list.', tag, pages[0], link.target, ledTo[0]!)
        : l10n.t('The list of posts tagged "{0}" shows this part of the post too, on its first page ({1}) or a later one, and from each "{2}" leads where no page is ({3}, {4}): Docusaurus reports a broken link on the list.', tag, pages[0], link.target, ledTo[0]!, ledTo[1]!);
  }
  // Where it leads from the post, written from the site's root, it leads from every page.
  const fromPost = linkedDocument(index, document.uri, link.target, link.targetUri);
  if (fromPost.kind !== 'route' || (fromPost.document === undefined && blogPostUriAt(index, site, fromPost.path!) === undefined)) return { message };
  // From the site's base URL: a locale's build puts its own before it (`/blog/x` leads to `/fr/blog/x`).
  const localeBase = localeBaseUrl(docusaurus, locale);
  const path = fromPost.path!.startsWith(localeBase) ? `${docusaurus.baseUrl}${fromPost.path!.slice(localeBase.length)}` : fromPost.path!;
  const suggestion = `${asLinkTarget(path)}${link.target.match(/[?#].*$/s)?.[0] ?? ''}`;
  return { message: l10n.t('{0} Write "{1}", which leads to the same page from both.', message, suggestion), suggestion };
}

/**
 * The other locales whose builds read a blog post or Markdown page as it is (no translation of it
 * there), with its URL in each (`/fr/blog/a`).
 */
function untranslatedLocaleUrls(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, document: ParsedDocument): Array<{ locale: string; url: string }> {
  const { docusaurus } = site;
  const fields = document.frontMatter?.fields ?? [];
  const translations = contentPageTranslations(docusaurus, site.rootUri, document.uri);
  return docusaurus.locales.flatMap((locale, at) => {
    if (locale === docusaurus.defaultLocale || translations[at] === undefined || index.whatIsAt(translations[at]) === 'file') return [];
    const url = blogPostUrl(docusaurus, document.uri, fields, locale) ?? markdownPageUrl(docusaurus, document.uri, fields, locale);
    return url === undefined ? [] : [{ locale, url }];
  });
}

/**
 * A relative URL of a post or Markdown page that leads out of a locale's build, which has no route
 * above its base URL: `../../docs/x` leads from `/blog/a` to `/docs/x`, a page of the default
 * locale's build, and from `/fr/blog/a` to `/docs/x` too, nowhere in the French build. Judged in
 * the locale of a translation, and in each locale that reads the file as it is.
 */
function outOfLocaleBuild(index: GlossaryIndex, document: ParsedDocument, link: MarkdownLink): { message: string } | undefined {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus' || !isRelativeUrl(link)) return undefined;
  const { docusaurus } = site;
  const translated = contentTranslationSource(docusaurus, site.rootUri, document.uri);
  const fields = document.frontMatter?.fields ?? [];
  const translatedUrl = translated === undefined ? undefined : (blogPostUrl(docusaurus, translated.uri, fields, translated.locale) ?? markdownPageUrl(docusaurus, translated.uri, fields, translated.locale));
  const places = translated !== undefined ? (translatedUrl === undefined ? [] : [{ locale: translated.locale, url: translatedUrl }]) : untranslatedLocaleUrls(index, site, document);
  const target = markdownDestination(link.target) ?? link.target;
  for (const { locale, url } of places) {
    const path = linkedPath(site, { published: true, permalink: url, locale }, target);
    if (path !== undefined && outsideDocusaurusBuild(docusaurus, path, locale)) {
      return { message: l10n.t('In the {0} build this page is at {1}, and there "{2}" leads to {3}, above the base URL of that build, where no page is: Docusaurus reports a broken link.', locale, url, link.target, path) };
    }
  }
  return undefined;
}

/**
 * The folders of a blog's lists of tags and of authors in a locale's build (`/blog/tags/`,
 * `/blog/authors/`, in lower case), with the permalinks below each that have a list: the tags of the
 * blog's posts (a draft's not; an unlisted post's too), its authors with a page, where the authors
 * map is known. A list's later pages are below its permalink (`alpha/page/2`).
 */
function listFoldersOf(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, blog: KnownBlog, locale: string): Array<{ folder: string; permalinks: Set<string> }> {
  const { docusaurus } = site;
  const folderOf = (url: string) => url.replace(/[^/]+\/?$/, '').toLowerCase();
  const key = (permalink: string) => permalink.replace(/^\/+|\/+$/g, '').toLowerCase();
  const tags = new Set<string>();
  for (const uri of blogPostsOf(index, site, blog, locale).values()) {
    for (const tag of blogPostTags(index, uri, index.getDocument(uri)?.frontMatter?.fields ?? [])) tags.add(key(tag.permalink));
  }
  const folders = [{ folder: folderOf(blogTagListUrl(docusaurus, blog, 'x', 1, locale)), permalinks: tags }];
  if (blog.authorPages !== undefined) folders.push({ folder: folderOf(blogAuthorListUrl(docusaurus, blog, 'x', 1, locale)), permalinks: new Set([...blog.authorPages.values()].map(key)) });
  return folders;
}

/** A list of a blog's posts that shows a post: the blog's own, a tag's or an author's, with the URLs of the pages one of which shows it. */
interface PostList {
  tag?: string;
  author?: string;
  pages: string[];
}

/**
 * For each listed post of a blog in a locale's build, the lists of posts that show it: the blog's
 * own (`/blog`), its tags' (`/blog/tags/alpha`, with the tag's label as the post writes it) and
 * those of its authors with a page (`/blog/authors/jo`), each with the URLs of the pages one of
 * which shows it (see `blogListUrlsByPost`). Undefined where the options compute how many posts a
 * page shows.
 */
function postListsByPost(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, blog: KnownBlog, locale: string): Map<string, PostList[]> | undefined {
  const { docusaurus } = site;
  const listed = [...blogPostsOf(index, site, blog, locale).values()].flatMap((uri) => {
    const fields = index.getDocument(uri)?.frontMatter?.fields ?? [];
    const inBlog = contentTranslationSource(docusaurus, site.rootUri, uri)?.uri ?? uri;
    return listedPost(fields) ? [{ uri, date: blogPostDate(blog, inBlog, fields), tags: blogPostTags(index, uri, fields), authors: blogPostAuthorKeys(fields) }] : [];
  });
  const own = blogListUrlsByPost(blog, listed, (page) => blogListUrl(docusaurus, blog, page, locale));
  if (own === undefined) return undefined;
  const lists = new Map<string, PostList[]>([...own].map(([uri, pages]) => [uri, [{ pages }]]));
  // Docusaurus makes a list of each tag's posts, the tags that share a permalink one.
  const postsByTag = new Map<string, { permalink: string; posts: Array<{ uri: string; date: number | undefined; label: string }> }>();
  for (const post of listed) {
    for (const tag of post.tags) {
      const key = routeKey(tag.permalink);
      const entry = postsByTag.get(key) ?? postsByTag.set(key, { permalink: tag.permalink, posts: [] }).get(key)!;
      entry.posts.push({ uri: post.uri, date: post.date, label: tag.label });
    }
  }
  for (const { permalink, posts } of postsByTag.values()) {
    const pages = blogListUrlsByPost(blog, posts, (page) => blogTagListUrl(docusaurus, blog, permalink, page, locale))!;
    for (const post of posts) lists.get(post.uri)!.push({ tag: post.label, pages: pages.get(post.uri)! });
  }
  // Each author of the blog's authors map with a page has a list of their posts (where the map is known).
  for (const [key, permalink] of blog.authorPages ?? []) {
    const posts = listed.filter((post) => post.authors.includes(key));
    const pages = blogListUrlsByPost(blog, posts, (page) => blogAuthorListUrl(docusaurus, blog, permalink, page, locale))!;
    for (const post of posts) lists.get(post.uri)!.push({ author: key, pages: pages.get(post.uri)! });
  }
  return lists;
}

/** The keys of a blog post's authors in the blog's authors map (`authors: jo`, `[jo, kim]`, `[{ key: jo }]`); authors written out in place have none. */
function blogPostAuthorKeys(fields: readonly FrontMatterField[]): string[] {
  const authors = fields.find((field) => field.key === 'authors')?.value;
  return (Array.isArray(authors) ? authors : [authors]).flatMap((author) => {
    const key = typeof author === 'object' && author !== null ? (author as { key?: unknown }).key : author;
    return typeof key === 'string' ? [key] : [];
  });
}

/**
 * A blog post's tags, with the permalink of each one's list below the blog's folder of tags: the
 * front matter's `permalink` of a tag written as an object; the one the tags file declares for a
 * key, else the key in kebab case. Each permalink once.
 */
function blogPostTags(index: GlossaryIndex, uri: string, fields: readonly FrontMatterField[]): Array<{ label: string; permalink: string }> {
  const tags = fields.find((field) => field.key === 'tags')?.value;
  if (!Array.isArray(tags)) return [];
  const tagsFile = index.tagsFileFor(uri);
  const found = new Map<string, { label: string; permalink: string }>();
  for (const tag of tags) {
    const written = typeof tag === 'object' && tag !== null ? (tag as { label?: unknown; permalink?: unknown }) : undefined;
    const read =
      typeof tag === 'string'
        ? { label: tag, permalink: tagsFile?.tags.get(tag)?.permalink ?? docusaurusPermalinkOf(tag) }
        : typeof written?.label === 'string' && typeof written.permalink === 'string'
          ? { label: written.label, permalink: written.permalink }
          : undefined;
    if (read === undefined) continue;
    const permalink = read.permalink.replace(/^\/+/, '');
    if (!found.has(routeKey(`/${permalink}`))) found.set(routeKey(`/${permalink}`), { label: read.label, permalink });
  }
  return [...found.values()];
}

/** Whether a link is a relative URL Docusaurus leaves as written: no Markdown file's path, no common file type (files it bundles), no absolute path or URL. */
export function isRelativeUrl(link: MarkdownLink): boolean {
  if (link.kind !== 'inline' || link.defined || link.component) return false;
  const path = (markdownDestination(link.target) ?? link.target).replace(/[?#].*$/s, '');
  return path !== '' && !path.startsWith('/') && !path.startsWith('@site/') && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !isMarkdownPath(path) && !namesCommonFileType(path);
}

/** A fix's new target where it reads as written in the link's place: into a `<Link>`'s JSX or JavaScript string, not one that holds a quote, `&` (a character reference), `\\` or `$`. */
export function suggestionWritableInto(link: MarkdownLink, suggestion: string | undefined): string | undefined {
  return link.component && suggestion !== undefined && /["'`&\\$\n]/.test(suggestion) ? undefined : suggestion;
}

/**
 * The links the page's `<Link>` elements collect (see `ComponentLink`), as links whose target is
 * the element's string: on a Docusaurus page compiled as MDX, where they render.
 */
export function componentLinksOf(index: GlossaryIndex, document: ParsedDocument): MarkdownLink[] {
  if (document.componentLinks === undefined || index.siteFor(document.uri)?.generator !== 'docusaurus' || !compiledAsMdx(index, document)) return [];
  return document.componentLinks.map(({ target, range }) => ({ kind: 'inline', text: '', target, component: true, range, textRange: range, targetRange: range }));
}

function missing(target: string, suggestion: string | undefined): { message: string; suggestion?: string } {
  return {
    message: suggestion === undefined ? l10n.t('No glossary entry at "{0}".', target) : l10n.t('No glossary entry at "{0}". Did you mean "{1}"?', target, suggestion),
    suggestion,
  };
}

/**
 * A link to a Markdown file on a page of a Hugo site whose pages have no link render hook: Hugo
 * writes it into the page as it is (Hugo 0.111, and later where its own hook is off), a URL beside
 * the page's own where no page is: `../features/lb.md` from `/docs/reference/arch/` leads to
 * `/docs/reference/features/lb.md` (linkerd, cloudwego). Link to the page's URL instead.
 */
function hugoWritesAsItIs(index: GlossaryIndex, document: ParsedDocument, link: MarkdownLink, reached: ReturnType<typeof linkedDocument>): { message: string; suggestion?: string } | undefined {
  if (reached.kind !== 'file' || reached.lookedUp || link.kind !== 'inline' || (link.defined && !link.referenced)) return undefined;
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  const hook = site?.generator === 'hugo' ? linkHookFor(site.hugo, link.target) : undefined;
  if (site?.generator !== 'hugo' || (hook !== 'none' && hook !== 'get-page') || !page?.published || inHugoShortcodeBody(index, document, link.range)) return undefined;
  const url = linkedPath(site, page, link.target);
  if (url === undefined) return undefined;
  // The page in this page's language where the file is another's (`guide/_index.md` from a German page: the German section).
  const own = reached.document === undefined ? undefined : index.translationsOf(reached.document.uri).map((uri) => index.pageOf(uri)).find((other) => other?.published && other.locale === page.locale);
  const targetPage = own ?? (reached.document === undefined ? undefined : index.pageOf(reached.document.uri));
  const fragment = fragmentStart(link.target) === -1 ? '' : link.target.slice(fragmentStart(link.target));
  const suggestion = targetPage?.published ? targetPage.permalink + fragment : undefined;
  if (hook === 'get-page') {
    // A file the hook does not find as a page of this page's language (`c.md` from a German page,
    // where only the English one is); a path where no file is at all is a broken link as any.
    if (reached.document === undefined && reached.unpublished === undefined) return undefined;
    if (suggestion === undefined) return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook finds no page of this language at that path.', link.target, url) };
    return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook finds no page of this language at that path. Link to the page\'s URL, "{2}".', link.target, url, suggestion), suggestion };
  }
  // A hook that looks up only links relative to the page, or only those from the root, writes this one as it is.
  const lookups = site.hugo.linkRenderHook === 'get-page' ? site.hugo.linkLookups : undefined;
  if (lookups === 'relative') {
    if (suggestion === undefined) return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook looks up only links relative to the page.', link.target, url) };
    return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook looks up only links relative to the page. Link to the page\'s URL, "{2}".', link.target, url, suggestion), suggestion };
  }
  if (lookups === 'absolute') {
    if (suggestion === undefined) return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook looks up only links from the site\'s root.', link.target, url) };
    return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site\'s link render hook looks up only links from the site\'s root. Link to the page\'s URL, "{2}".', link.target, url, suggestion), suggestion };
  }
  if (suggestion === undefined) return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site has no link render hook to make a page\'s URL of a Markdown file.', link.target, url) };
  return { message: l10n.t('Hugo writes "{0}" into the page as it is, a URL where nothing is ({1}): the site has no link render hook to make a page\'s URL of a Markdown file. Link to the page\'s URL, "{2}".', link.target, url, suggestion), suggestion };
}

/**
 * A link from the root on a Hugo site served below a path (`baseURL = "https://example.org/base/"`)
 * that names the page's path as it is not written: Hugo writes such a link as it is, so one that
 * misses the base path leads out of the site (`/docs/x/` from a page of `/base/docs/`); where
 * `canonifyURLs` or `relativeURLs` put the base path before it, one that names it too has it twice.
 * Reported only where the other form would reach a page, with that form as the fix.
 */
function hugoLinkOutsideBasePath(index: GlossaryIndex, site: Site, page: SitePage | undefined, target: string, path: string): { message: string; suggestion: string } | undefined {
  if (site.generator !== 'hugo' || !target.startsWith('/') || !page?.published) return undefined;
  const basePath = hugoBasePathOf(site.hugo, page);
  if (basePath === '/') return undefined;
  const reachesPage = (at: string) => hugoPageAt(index, site, at);
  if (site.hugo.rewritesRootLinks) {
    const twice = path.startsWith(`${basePath}${basePath.slice(1)}`) || `${path}/` === `${basePath}${basePath.slice(1)}`;
    if (!twice || !reachesPage(path.slice(basePath.length - 1)) || reachesPage(path) || holdsPages(index, site, path)) return undefined;
    const suggestion = target.slice(basePath.length - 1) || '/';
    return { message: l10n.t('"{0}" names the base path {1} that Hugo puts before a link from the root here (canonifyURLs or relativeURLs), so it leads nowhere. Did you mean "{2}"?', target, basePath, suggestion), suggestion };
  }
  if (path.startsWith(basePath) || `${path}/` === basePath) return undefined;
  const inside = `${basePath}${path.slice(1)}`;
  if (!reachesPage(inside)) return undefined;
  const suggestion = `${basePath}${target.slice(1)}`;
  return { message: l10n.t('"{0}" leads out of the site, whose pages are below {1}: Hugo writes a link from the root as it is. Did you mean "{2}"?', target, basePath, suggestion), suggestion };
}

/** Whether Hugo writes a page at a URL path: a built page's own, a section's list page or an alias's redirect. */
export function hugoPageAt(index: GlossaryIndex, site: Site, path: string): boolean {
  return index.documentsAtPermalink(site, path).some((document) => index.pageOf(document.uri)?.published) || hugoWritesPageAt(index, site, path);
}

/** Whether a path is a folder of built pages (`/docs/docs/` of `/docs/docs/intro/`), which a section's list page may stand at. A scan: only links that name a base path twice ask. */
function holdsPages(index: GlossaryIndex, site: Site, path: string): boolean {
  const folder = path.endsWith('/') ? path : `${path}/`;
  for (const document of index.documents()) {
    const page = index.pageOf(document.uri);
    if (page?.published && index.siteFor(document.uri) === site && page.permalink.startsWith(folder)) return true;
  }
  return false;
}

/**
 * The other locale whose pages a route from a built page of the default locale lies among
 * (`/fr/docs/b` from an English page): Docusaurus builds each locale apart, with its own routes
 * only, and a route of another locale's is a broken link in this one's. (From another locale, a
 * route without its locale gets it put in front: see `linkedPath`.)
 */
function localeBuildOtherThan(index: GlossaryIndex, fromUri: string, path: string): string | undefined {
  const site = index.siteFor(fromUri);
  const from = index.pageOf(fromUri);
  if (site?.generator !== 'docusaurus' || !from?.published || from.locale !== site.docusaurus.defaultLocale) return undefined;
  const { baseUrl, locales, defaultLocale } = site.docusaurus;
  const locale = locales.find((other) => other !== defaultLocale && (path === `${baseUrl}${other}` || path.startsWith(`${baseUrl}${other}/`)));
  // A page of this locale's own there (a doc of `docs/fr/` with the docs at the root) is this build's.
  const ownAt = (uri: string) => {
    const page = index.pageOf(uri);
    return page?.published === true && page.locale === from.locale && permalinkKey(page.permalink) === permalinkKey(path);
  };
  if (locale === undefined || index.documentsAtPermalink(site, path).some((document) => ownAt(document.uri))) return undefined;
  return locale;
}

/**
 * Whether a site's build never reads a page's file: left out by `exclude` or with a version the site
 * does not build, in a locale it does not have, a translation of no original, an original its
 * translation replaces in the one locale the site has (another locale's build reads it in its place),
 * a Hugo file replaced by the one that names its language (`term.md` beside `term.en.md`).
 */
function neverRead(site: Site, page: SitePage | undefined): boolean {
  if (page === undefined || page.published) return false;
  const replacedUnread = site.generator === 'hugo' || site.docusaurus.locales.length <= 1;
  return page.unpublishedReason === 'excluded' || page.unpublishedReason === 'unknown-locale' || page.unpublishedReason === 'no-original' || (page.unpublishedReason === 'replaced' && replacedUnread);
}

/** Whether a site's build leaves a reference definition that no link uses out of every check: all of Hugo's, Docusaurus's but a Markdown file's path. */
function rendersNoUnusedDefinition(index: GlossaryIndex, uri: string, target: string): boolean {
  const site = index.siteFor(uri);
  if (site?.generator === 'hugo') return index.pageOf(uri) !== undefined;
  return site?.generator === 'docusaurus' && !/\.mdx?$/i.test(target.replace(/[?#].*$/s, ''));
}

/** Undefined when the link is fine or not a link to a page (a URL, an image, an anchor, a page elsewhere on the site). */
function brokenLink(index: GlossaryIndex, document: ParsedDocument, link: MarkdownLink): { message: string; suggestion?: string } | undefined {
  if (link.kind === 'wiki') {
    if (resolveTermLink(index, document.uri, link) !== undefined || inHugoShortcodeBody(index, document, link.range)) return undefined;
    // Hugo writes `[[x]]` as text, and no extension of its Markdown reads wiki links: on its pages one that names no term is no link (a TOML table's `[[order]]`).
    if (index.siteFor(document.uri)?.generator === 'hugo' && index.pageOf(document.uri) !== undefined) return undefined;
    const { name, fragment } = wikiLinkParts(link.target);
    const match = nearestTerm(index, 'name', name, (term) => [term.title, ...term.aliases]);
    // The name as a wiki link's target holds it (no `#` or `|` in it; in MDX escaped), else no suggestion.
    const suggested = match === undefined ? undefined : wikiLinkTo(index, document, match.name)?.slice(2, -2);
    return missing(link.target, suggested === undefined ? undefined : suggested + fragment);
  }
  // A destination the site's link render hook sets aside is written its own way: no link to judge.
  const site = index.siteFor(document.uri);
  const setAside = site?.generator === 'hugo' && (site.hugo.linkSetAside?.includes(link.target) || site.hugo.linkPathsSetAside?.includes(link.target.replace(/[?#].*$/, '')));
  if (link.kind === 'inline' && setAside === true && index.pageOf(document.uri) !== undefined) return undefined;
  // A definition no link uses writes no link: Hugo renders nothing of it; Docusaurus resolves only its Markdown file's path.
  if (link.kind === 'inline' && link.defined && !link.referenced && rendersNoUnusedDefinition(index, document.uri, link.target)) return undefined;
  const reached = linkedDocument(index, document.uri, link.target, link.targetUri, link.component);
  const asWritten = hugoWritesAsItIs(index, document, link, reached);
  if (asWritten !== undefined) return asWritten;
  if (reached.kind === 'file' && reached.document !== undefined) {
    // Where `@site/…` finds no doc (another locale's build), Docusaurus takes the file for an asset: no broken link.
    if (link.target.startsWith('@site/')) return undefined;
    const locales = localesMissingFileLink(index, document.uri, link.target, reached.document);
    if (locales.length === 0) return undefined;
    return { message: l10n.t('"{0}" leads nowhere in the {1} build: this page is built from this file there, and the file it names is replaced by its translation, which Docusaurus looks for beside this file only. Link by the path from the docs folder or by the route.', link.target, locales.join(', ')) };
  }
  if (reached.kind === 'route' && reached.document !== undefined) {
    const locale = localeBuildOtherThan(index, document.uri, reached.path!);
    if (locale !== undefined) {
      return { message: l10n.t('"{0}" is a page of the {1} build: Docusaurus builds each locale apart, and the build of this page has none there. Link to it by its full URL.', link.target, locale) };
    }
    const out = outOfLocaleBuild(index, document, link);
    if (out !== undefined) return out;
  }
  if (reached.kind === 'none' || reached.document !== undefined) return undefined;
  // From a file no plugin builds (the repository's README), a link to a file is read where the file is: it is there.
  const otherPlugin = reached.kind === 'file' && !isNoSitePage(index, document.uri) ? pageOfAnotherPlugin(index, document.uri, reached.unpublished ?? (link.targetUri === undefined ? undefined : index.documentAtLink(link.targetUri))) : undefined;
  if (otherPlugin !== undefined) {
    const page = index.pageOf(otherPlugin.uri);
    const suffix = link.target.match(/[?#].*$/s)?.[0] ?? '';
    return {
      message: l10n.t('"{0}" is a page of another plugin: Docusaurus resolves links to Markdown files only among the pages of the plugin that builds this one, and leaves this link as written, leading nowhere. Link to the page\'s route instead.', link.target),
      suggestion: page?.published ? page.route + suffix : undefined,
    };
  }
  if (reached.unpublished !== undefined) {
    // From a file Hugo makes no page of (a README), a link to a file is read where the file is: it
    // is there. A file the model gives no page that Hugo may read through a mount or a theme may well be one.
    const site = index.siteFor(reached.unpublished.uri);
    const modelledPage = index.pageOf(reached.unpublished.uri) !== undefined;
    if (isNoSitePage(index, document.uri) || (site?.generator === 'hugo' && !modelledPage && !isNoSitePage(index, reached.unpublished.uri))) return undefined;
    // A docs instance the configuration computes may build a file no instance we know reads.
    if (site?.generator === 'docusaurus' && site.docusaurus.instancesComputed && !modelledPage) return undefined;
    const target = index.pageOf(reached.unpublished.uri);
    const reason = target?.unpublishedReason;
    // Both in a version of the docs the site does not build: the build reads neither, and where it
    // builds the version it reads both. (Not so for two drafts, `_` files a page may import, or pages out of date, which change apart.)
    if (inSameUnbuiltVersion(site, index.pageOf(document.uri), target)) return undefined;
    return { message: l10n.t('"{0}" is not built into the site ({1}): the link leads nowhere.', link.target, unpublishedReasonText(reason, site?.generator)) };
  }
  if (reached.kind === 'route') {
    // From a file no generator makes a page of, a URL path leads wherever the file is read; nor does
    // a build check the links of a file it never reads (a version or translation the site does not have).
    const site = index.siteFor(document.uri) ?? index.onlySite()!;
    if (isNoSitePage(index, document.uri) || neverRead(site, index.pageOf(document.uri))) return undefined;
    const outside = hugoLinkOutsideBasePath(index, site, index.pageOf(document.uri), link.target, reached.path!);
    if (outside !== undefined) return outside;
    const last = reached.path!.split('/').filter((segment) => segment !== '').pop();
    // Links to files (`/img/x.png`, `x.html`) are `assetRules.ts`'s to judge; pages of other plugins are not ours.
    if (last === undefined || /\.(?!mdx?$)[a-z0-9]+$/i.test(last)) return undefined;
    if (!judgedAsNoPage(index, site, reached.path!)) return outOfLocaleBuild(index, document, link);
    // Of routes as near, the one that shares most with this page's: its version, locale or section (`/docs/2.0/scalers/` from `/docs/2.0/concepts/`).
    const from = index.pageOf(document.uri)?.route ?? '';
    const matches = nearestTerms(index, 'route', last, (term) => [lastSegment(index.routeOf(term) ?? '')]);
    const match = maxBy(matches, (candidate) => sharedSegments(index.routeOf(index.termOf(candidate.uri)!) ?? '', from));
    return missing(link.target, match === undefined ? undefined : routeReaching(index, document.uri, link.target, match.uri));
  }
  const targetUri = link.targetUri;
  if (targetUri === undefined) return missing(link.target, undefined);
  // A file the glossary leaves out (`.github/CONTRIBUTING.md`) is still there where the linking
  // file is read as a file (no site's page: a README, a plain glossary). On a page of a site, a link
  // to it leads nowhere.
  const readAsFile = index.siteFor(document.uri) === undefined || isNoSitePage(index, document.uri);
  if (readAsFile && index.whatIsAt(targetUri) === 'file') return undefined;
  // A Markdown file the site builds that the glossary does not hold (larger than `maxFileSize`, or left out by the settings): the build has its page.
  if (isMarkdownPath(targetUri) && index.siteFor(targetUri) !== undefined && index.pageFor(targetUri, [])?.published && index.whatIsAt(targetUri) === 'file') return undefined;
  if (!/\.mdx?$/i.test(targetUri)) {
    // `C#.md` and `Was ist das?.md` end in `.md` as written, but name the file `C` with the anchor
    // `.md`: broken, and the fix is the file the whole target names, its `#` or `?` encoded.
    const whole = resolveRelativeLink(document.uri, link.target.replace(/[#?]/g, encodeURIComponent));
    const meant = whole === undefined ? undefined : index.documentAtLink(whole);
    return missing(link.target, meant === undefined ? undefined : inStyleOf(link.target, asLinkTarget(relativePath(document.uri, meant.uri))));
  }
  const match = nearestTerm(index, 'file', fileStem(targetUri), (term) => [fileStem(term.uri)]);
  const queryAndFragment = link.target.match(/[?#].*$/)?.[0] ?? '';
  return missing(link.target, match === undefined ? undefined : inStyleOf(link.target, asLinkTarget(relativePath(document.uri, match.uri))) + queryAndFragment);
}

/** A relative path written as the broken one was: with its `./` where it had one (`./Servce.md` → `./Service.md`), as a move writes it. */
function inStyleOf(written: string, path: string): string {
  return written.startsWith('./') && !path.startsWith('.') ? `./${path}` : path;
}

/** A Markdown file a link names that Docusaurus builds, but by another plugin (or docs instance) than the linking file's, whose links do not reach it. */
function pageOfAnotherPlugin(index: GlossaryIndex, fromUri: string, named: ParsedDocument | undefined): ParsedDocument | undefined {
  const site = index.siteFor(fromUri);
  if (named === undefined || site?.generator !== 'docusaurus') return undefined;
  const built = index.pageOf(named.uri)?.published === true || compiledByContentPlugin(site.docusaurus, named.uri, named.frontMatter?.fields ?? []);
  return built ? named : undefined;
}

/**
 * Whether no page is at a URL path where no doc is, for certain: it lies where the index judges
 * links (`judgesLinksTo`), and no page of another kind is there (a page of the pages plugin, a blog
 * post, what Hugo writes beside pages or from content the model does not read, a static folder).
 */
export function judgedAsNoPage(index: GlossaryIndex, site: Site, path: string): boolean {
  return index.judgesLinksTo(site, path) && !mayBePagesPluginPage(index, site, path) && !blogPostAt(index, site, path) && !docsTagPageAt(index, site, path) && !hugoWritesPageAt(index, site, path) && !hugoContentOfOtherFormatAt(index, site, path) && !hugoStaticFolderAt(index, site, path) && !hugoMountedContentAt(index, site, path) && !(site.generator === 'hugo' && hugoUnreadPatternPageMayBeAt(site.hugo, path));
}

/**
 * Whether a file or folder mounted below the content (`[[module.mounts]]`) lies where Hugo builds
 * the page at a URL path by its path alone. Hugo builds a file mounted at two places (or read where
 * it is and mounted elsewhere too) at each; the site model gives each file one page, at the first.
 */
function hugoMountedContentAt(index: GlossaryIndex, site: Site, path: string): boolean {
  if (site.generator !== 'hugo' || site.hugo.contentSubmounts.length === 0 || !path.startsWith(site.hugo.basePath)) return false;
  const { hugo } = site;
  const segments = path.slice(hugo.basePath.length).split('/').filter((segment) => segment !== '');
  if (hugoLanguageOfSegment(hugo, segments[0]) !== undefined) segments.shift();
  const below = segments.join('/');
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const isFile = (relative: string) => index.whatIsAt(withPath(site.rootUri, `${root}/${relative}`)) === 'file';
  return hugo.contentSubmounts.some(({ source, target }) => {
    const extension = /\.(?:md|markdown)$/i.exec(target)?.[0];
    if (extension !== undefined) return (target.slice(0, -extension.length) === below || target.slice(0, -extension.length) === `${below}/index` || target.slice(0, -extension.length) === `${below}/_index`) && isFile(source);
    if (below !== target && !below.startsWith(`${target}/`)) return false;
    const rest = below.slice(target.length);
    return [`${rest}.md`, `${rest}/index.md`, `${rest}/_index.md`].some((stem) => isFile(`${source}${stem}`));
  });
}

/** Whether a page of the pages plugin is at a URL path (`src/pages/kennisbank/tools.tsx` at `/kennisbank/tools`, below the docs), or may be: not a Markdown draft. */
function mayBePagesPluginPage(index: GlossaryIndex, site: Site, path: string): boolean {
  return pagesPluginFilesAt(site, path) === undefined || pagesPluginPagesAt(index, site, path).length > 0;
}

/**
 * Whether a content file lies where Hugo builds the page at a URL path by its path alone, that the
 * site model does not read: of another format in a content folder (`content/about/_index.html`
 * at `/about/`), or of any in a theme's content folder, whose pages Hugo builds too.
 */
function hugoContentOfOtherFormatAt(index: GlossaryIndex, site: Site, path: string): boolean {
  if (site.generator !== 'hugo' || !path.startsWith(site.hugo.basePath)) return false;
  const { hugo } = site;
  const segments = path.slice(hugo.basePath.length).split('/').filter((segment) => segment !== '');
  const prefixed = hugoLanguageOfSegment(hugo, segments[0]);
  if (prefixed !== undefined) segments.shift();
  const language = prefixed ?? hugo.languages.find((candidate) => candidate.code === hugo.defaultContentLanguage);
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const below = segments.join('/');
  const stems = below === '' ? ['_index'] : [below, `${below}/index`, `${below}/_index`];
  const lookIn = (folder: string, extensions: string[]) =>
    stems.some((stem) => extensions.some((extension) => index.whatIsAt(withPath(site.rootUri, `${[root, folder].filter((part) => part !== '').join('/')}/${stem}.${extension}`)) === 'file'));
  return lookIn(language?.contentDir ?? hugo.contentDir, HUGO_UNREAD_CONTENT_EXTENSIONS) || hugoThemeContentFolders(hugo).some((folder) => lookIn(folder, ['md', ...HUGO_UNREAD_CONTENT_EXTENSIONS]));
}

function blogPostAt(index: GlossaryIndex, site: Site, path: string): boolean {
  return blogPostUriAt(index, site, path) !== undefined;
}

/** The file of the post of a Docusaurus blog whose routes are known at a URL path (see `blogPostsOf`). */
export function blogPostUriAt(index: GlossaryIndex, site: Site, path: string): string | undefined {
  if (site.generator !== 'docusaurus') return undefined;
  const place = blogOfPostPath(site.docusaurus, path);
  return place === undefined ? undefined : blogPostsOf(index, site, place.blog, place.locale).get(routeKey(path));
}

/**
 * The posts of a blog whose routes are known in a locale's build (the default locale's unless
 * named), by URL as Docusaurus's check of links compares it, each with the file that build reads
 * for it: a post of the blog's folder, or its translation into the locale where there is one
 * (`i18n/fr/docusaurus-plugin-content-blog/…`), whose front matter gives its slug. The files the
 * plugin compiles, no drafts.
 */
export function blogPostsOf(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, blog: KnownBlog, locale = site.docusaurus.defaultLocale): ReadonlyMap<string, string> {
  const { docusaurus } = site;
  return index.rememberedByPages(`blog posts ${blog.uri} ${locale}`, () => {
    const posts = new Map<string, string>();
    for (const document of index.documents()) {
      if (!document.uri.startsWith(`${blog.uri}/`)) continue;
      const read = contentFileReadIn(docusaurus, site.rootUri, document.uri, locale, (uri) => index.getDocument(uri) !== undefined);
      const url = blogPostUrl(docusaurus, document.uri, index.getDocument(read)?.frontMatter?.fields ?? [], locale);
      if (url !== undefined) posts.set(routeKey(url), read);
    }
    return posts;
  });
}

/**
 * Whether a tag's page of a docs version is at a URL path: a published doc of the version gives the
 * tag, whose permalink its tags file writes (else the `kebabCase` of its key or label); or whether
 * that cannot be told (a tag the front matter computes or writes otherwise).
 */
function docsTagPageAt(index: GlossaryIndex, site: Site, path: string): boolean {
  if (site.generator !== 'docusaurus') return false;
  const place = docsTagPagePlace(site.docusaurus, path);
  if (place === undefined) return false;
  const permalinks = index.rememberedByPages(`docs tag pages ${site.rootUri} ${place.instance.id} ${place.version}`, () => {
    const found = new Set<string>();
    for (const document of index.documents()) {
      const page = index.pageOf(document.uri);
      if (page?.generator !== 'docusaurus' || !page.published || page.instance !== place.instance.id || page.version !== place.version || page.locale !== site.docusaurus.defaultLocale) continue;
      const tags = document.frontMatter?.fields.find((field) => field.key === 'tags')?.value;
      if (tags === undefined) continue;
      if (!Array.isArray(tags)) return undefined;
      const tagsFile = index.tagsFileFor(document.uri);
      for (const tag of tags) {
        const declared = typeof tag === 'string' ? tagsFile?.tags.get(tag) : undefined;
        const permalink = typeof tag === 'string' ? (declared?.permalink ?? docusaurusPermalinkOf(tag)) : typeof tag === 'object' && tag !== null && typeof (tag as { permalink?: unknown }).permalink === 'string' ? (tag as { permalink: string }).permalink : undefined;
        if (permalink === undefined) return undefined;
        found.add(routeKey(`/${permalink.replace(/^\/+/, '')}`));
      }
    }
    return found;
  });
  return permalinks === undefined || permalinks.has(routeKey(place.permalink));
}

/** A route as Docusaurus's check of links compares it: decoded, without its final slash. */
function routeKey(path: string): string {
  return permalinkKey(safeDecode(path));
}

/** Whether a static folder holds a file or folder at a URL path (`static/tools/demo/` with its `index.html`), which Hugo publishes as it is. */
function hugoStaticFolderAt(index: GlossaryIndex, site: Site, path: string): boolean {
  if (site.generator !== 'hugo' || !path.startsWith(site.hugo.basePath)) return false;
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const inSite = path.slice(site.hugo.basePath.length).replace(/\/+$/, '');
  return site.hugo.staticDirs.some((folder) => ['file', 'folder'].includes(index.whatIsAt(withPath(site.rootUri, `${root}/${folder}/${inSite}`)) ?? 'none'));
}

/** Whether Hugo writes a page at a URL path that is no page's own: a section's list page, an alias's redirect (see `hugoPathsBesidePages`). */
function hugoWritesPageAt(index: GlossaryIndex, site: Site, path: string): boolean {
  if (site.generator !== 'hugo') return false;
  const paths = index.rememberedByPages(`hugo paths beside pages ${site.rootUri}`, () => {
    const root = uriPath(site.rootUri).replace(/\/$/, '');
    const documents = [...index.documents()].filter((document) => index.siteFor(document.uri)?.rootUri === site.rootUri);
    const relativePath = (uri: string) => uriPath(uri).slice(root.length + 1);
    const pages = documents.flatMap((document) => {
      const page = index.pageOf(document.uri);
      if (page === undefined || (!page.published && !page.contentRead)) return [];
      const fields = document.frontMatter?.fields ?? [];
      const texts = (value: unknown) => (Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : typeof value === 'string' ? [value] : []);
      const aliases = texts(fields.find((field) => field.key.toLowerCase() === 'aliases')?.value);
      const terms = new Map(fields.filter((field) => site.hugo.taxonomies.has(field.key.toLowerCase())).map((field) => [field.key.toLowerCase(), texts(field.value)]));
      return [{ relativePath: relativePath(document.uri), page, aliases, terms }];
    });
    // Content files of other formats (`_index.html`, `.adoc`): Hugo builds their pages as it builds
    // Markdown ones, at their own path (or `url`) and their `aliases` (jx-docs' `/docs/getting-started/`).
    const ownPaths: string[] = [];
    for (const { relativePath: otherPath, fields } of site.hugo.otherFormatFiles) {
      const page = hugoPageOf(site.hugo, otherPath.replace(/\.[^./]+$/, '.md'), fields, site.now);
      if (page === undefined || !page.published) continue;
      const texts = (value: unknown) => (Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : typeof value === 'string' ? [value] : []);
      const aliases = texts(fields.find((field) => field.key.toLowerCase() === 'aliases')?.value);
      pages.push({ relativePath: otherPath, page, aliases, terms: new Map() });
      ownPaths.push(page.permalink);
    }
    const paths = hugoPathsBesidePages(site.hugo, documents.map((document) => relativePath(document.uri)), pages);
    for (const own of ownPaths) paths.add(permalinkKey(own));
    return paths;
  });
  return paths.has(permalinkKey(path));
}

/**
 * A link to the page of `termUri` in the style of `target`: its folder with the page's last segment
 * (`/docs/Glossar/x/` → `/docs/Glossar/y/`, which may reach its translation in the link's own
 * locale), else the page's own route; only one that reaches a page and is not `target` itself.
 */
function routeReaching(index: GlossaryIndex, documentUri: string, target: string, termUri: string): string | undefined {
  const route = index.routeOf({ uri: termUri });
  if (route === undefined) return undefined;
  const suffix = target.match(/[?#].*$/s)?.[0] ?? '';
  for (const candidate of [withRouteId(target, lastSegment(route)), route + suffix]) {
    if (candidate !== target && linkedDocument(index, documentUri, candidate, undefined).document !== undefined) return candidate;
  }
  return undefined;
}

/** Whether a place lies in the text a Hugo shortcode gives its template as it is (`{{< highlight toml >}}[[module.mounts]]{{< /highlight >}}`). */
function inHugoShortcodeBody(index: GlossaryIndex, document: ParsedDocument, range: Range): boolean {
  return index.siteFor(document.uri)?.generator === 'hugo' && inShortcodeBody(document.hugoShortcodes, range);
}

function lastSegment(route: string): string {
  return route.split('/').filter((segment) => segment !== '').pop() ?? '';
}

function inSameUnbuiltVersion(site: Site | undefined, linking: SitePage | undefined, target: SitePage | undefined): boolean {
  if (site?.generator !== 'docusaurus' || linking === undefined || target === undefined || linking.generator !== 'docusaurus') return false;
  const instance = site.docusaurus.instances.find((candidate) => candidate.id === linking.instance);
  return instance !== undefined && linking.instance === target.instance && linking.version === target.version && linking.locale === target.locale && !builtVersionsOf(instance).includes(linking.version);
}

function unpublishedReasonText(reason: UnpublishedReason | undefined, generator: 'docusaurus' | 'hugo' | undefined): string {
  switch (reason) {
    case 'draft':
      return l10n.t('a draft');
    case 'underscore':
      return l10n.t('its name or a folder\'s starts with "_"');
    case 'outside':
      return l10n.t('outside the docs folders');
    case 'unknown-locale':
      return l10n.t('a locale the site does not have');
    case 'no-original':
      return l10n.t('a translation of no file in the docs folder');
    case 'replaced':
      return l10n.t('replaced by its translation into the default locale, which the build reads in its place');
    case 'not-rendered':
      return l10n.t('not rendered');
    case 'out-of-date':
      return l10n.t('dated in the future, or expired');
    case 'unbuilt-section':
      return l10n.t('in a section that is not built');
    case 'bundle-resource':
      return l10n.t('a resource of the leaf bundle whose index.md is in its folder or above it');
    default:
      return generator === 'hugo' ? l10n.t('not a page Hugo reads') : l10n.t('not a page the docs plugin reads');
  }
}

/**
 * The term with the name nearest to a misspelt one, by the names `namesOf` gives (of the kind
 * `kind`): a scan of the glossary, remembered by the index until a name changes, since a broken
 * link is checked again on every keystroke in its document.
 */
function nearestTerm(index: GlossaryIndex, kind: string, name: string, namesOf: (term: GlossaryTerm) => string[]): { name: string; uri: string } | undefined {
  return nearestTerms(index, kind, name, namesOf)[0];
}

/** The terms whose names are all as near as any to a misspelt one (see `nearestTerm`), by the path of their files. */
function nearestTerms(index: GlossaryIndex, kind: string, name: string, namesOf: (term: GlossaryTerm) => string[]): Array<{ name: string; uri: string }> {
  return index.rememberedByNames(`${kind}:${name}`, () => {
    // The names of this kind, lower-cased once until a name changes, not on every scan.
    const candidates = index.rememberedByNames(`${kind} names`, () =>
      [...index.terms()].flatMap((term) => namesOf(term).map((candidate) => ({ name: candidate, lower: candidate.toLowerCase(), uri: term.uri }))),
    );
    return nearestOf(candidates, name);
  });
}

function nearestOf(candidates: Array<{ name: string; lower: string; uri: string }>, name: string): Array<{ name: string; uri: string }> {
  // A third of the name may be wrong, at least one letter, two from six letters on; a name of one or
  // two letters is too short to guess from ("a" is not a typo of "SLA").
  if (name.length < 3) return [];
  const maxDistance = Math.max(Math.floor(name.length / 3), name.length >= 6 ? 2 : 1);
  const lowerName = name.toLowerCase();
  let best: Array<{ name: string; uri: string }> = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Names whose lengths differ by more than the allowed distance cannot be near: skip them cheaply.
    if (Math.abs(candidate.lower.length - lowerName.length) > maxDistance) continue;
    const candidateDistance = distance(lowerName, candidate.lower);
    if (candidateDistance > maxDistance || candidateDistance > bestDistance) continue;
    if (candidateDistance < bestDistance) [best, bestDistance] = [[], candidateDistance];
    best.push({ name: candidate.name, uri: candidate.uri });
  }
  // By the path of their files, so the suggestion does not depend on the order files were read in.
  return best.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** How many leading segments two URL paths share: `/docs/2.0/scalers/` and `/docs/2.0/concepts/` two. */
function sharedSegments(a: string, b: string): number {
  const [first, second] = [a.split('/').filter(Boolean), b.split('/').filter(Boolean)];
  let shared = 0;
  while (shared < first.length && shared < second.length && first[shared] === second[shared]) shared++;
  return shared;
}

/** The first of the items with the highest score. */
function maxBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const itemScore = score(item);
    if (itemScore > bestScore) [best, bestScore] = [item, itemScore];
  }
  return best;
}
