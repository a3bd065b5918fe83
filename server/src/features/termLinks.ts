import { posix } from 'node:path';
import { isMarkdownPath, resolveRelativeLink, safeDecode, uriPath, withPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import { markdownDestination, type MarkdownLink } from '../parsing/markdown';
import { linkedPath, localeOfPath, markdownLinkFolders, pathInSite, type Site } from '../site/site';
import type { SitePage } from '../site/siteTypes';
import { hugoMayReadAsContent, linkHookFor } from '../site/hugo';
import { blogPostUrl, compiledByContentPlugin, contentTranslationSource, markdownPageUrl, contentPluginFolderOf, inUnmodelledContentPlugin } from '../site/docusaurus';

type LinkLike = Pick<MarkdownLink, 'kind' | 'target' | 'targetUri'>;

/** The term a link points to, if it points to a glossary entry whose page the site builds. */
export function resolveTermLink(index: GlossaryIndex, fromUri: string, link: LinkLike): GlossaryTerm | undefined {
  if (link.kind === 'wiki') return pickOne(termsForPage(index, fromUri, index.termsNamed(link.target.replace(/#.*$/, ''))));
  return termOf(index, linkedDocument(index, fromUri, link.target, link.targetUri ?? resolveRelativeLink(fromUri, link.target)));
}

/** Resolves the target of an inline link, a relative file path or a site route, to a term. */
export function resolveTermTarget(index: GlossaryIndex, fromUri: string, target: string): GlossaryTerm | undefined {
  return termOf(index, linkedDocument(index, fromUri, target, resolveRelativeLink(fromUri, target)));
}

function termOf(index: GlossaryIndex, reached: LinkedDocument): GlossaryTerm | undefined {
  return reached.document === undefined ? undefined : index.linkableTermOf(reached.document.uri);
}

/** Where a link leads: the document it reaches (if any), and how it was read. */
export interface LinkedDocument {
  /** The document whose built page the link reaches, or whose file it names. */
  document?: ParsedDocument;
  /** `file`: a path to a Markdown file; `route`: a URL path on the site (`path` is set). */
  kind: 'file' | 'route' | 'none';
  /** For a route: the URL path the built site resolves it to. */
  path?: string;
  /** For a file link to a file the site does not build (a draft, an `_` file). */
  unpublished?: ParsedDocument;
  /** Found by the site's link render hook (`.Page.GetPage`), which writes the page's URL. */
  lookedUp?: true;
}

/**
 * Which document an inline link reaches, as the generator resolves it. A link to a Markdown file
 * names the file, relative to the linking file (Docusaurus also tries the docs folders and the
 * site folder); it reaches the file's page only when the site builds it. Any other path is a URL
 * on the site (absolute, or relative to the linking page's URL) and reaches the page built there;
 * so is every path `asUrl` (a `<Link>` element's, which no Markdown plugin resolves).
 */
export function linkedDocument(index: GlossaryIndex, fromUri: string, written: string, targetUri: string | undefined, asUrl = false): LinkedDocument {
  const site = index.siteFor(fromUri);
  // As Markdown reads the destination: escapes and character references resolved (a `<Link>`'s
  // string has none); on a Hugo site as written, as its link render hooks see it (`O\_ut.md`, which `.GetPage` does not find).
  const target = asUrl || site?.generator === 'hugo' ? written : (markdownDestination(written) ?? written);
  const path = target.replace(/[?#].*$/, '');
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return { kind: 'none' };
  // A shortcode writes the URL (`[source]: <{{% eturl details %}}>`): what it makes is not known here.
  if (site?.generator === 'hugo' && path.includes('{{')) return { kind: 'none' };
  // A link render hook that looks the link up as a page finds it before the URL is taken as written.
  const lookedUp =
    site?.generator === 'hugo' && linkHookFor(site.hugo, path) === 'get-page'
      ? (hugoPageLookedUp(index, site, fromUri, path) ?? (site.hugo.linkLookupsTrimSlash && /.\/$/.test(path) ? hugoPageLookedUp(index, site, fromUri, path.replace(/(?<=.)\/+$/, '')) : undefined))
      : undefined;
  // A section page Hugo makes of a top-level folder without an `_index` file: the hook writes its URL, which is there.
  if (lookedUp === SECTION_WITHOUT_FILE) return { kind: 'none' };
  if (lookedUp !== undefined) return { kind: 'file', document: lookedUp, lookedUp: true };
  // `C#.md` ends in `.md` as written: a file link, to the file `C` with the anchor `.md`.
  if (!asUrl && (isMarkdownPath(path) || isMarkdownPath(target))) {
    if (site?.generator === 'docusaurus' && inUnmodelledContentPlugin(site.docusaurus, site.rootUri, fromUri)) return { kind: 'none' };
    // Docusaurus reads a backslash in a Markdown file's path as a slash (`sub\c.md`).
    const filePath = site?.generator === 'docusaurus' && target.includes('\\') ? target.replace(/\\/g, '/') : target;
    const pluginFolder = site?.generator === 'docusaurus' ? contentPluginFolderOf(site.docusaurus, fromUri) : undefined;
    if (site?.generator === 'docusaurus' && pluginFolder !== undefined) {
      const page = contentPluginPageAt(index, site, pluginFolder, fromUri, filePath);
      if (page !== undefined) return { kind: 'file', document: page };
      // Unresolved, `@site/…` naming a file is a module Docusaurus bundles as a file to link to (a
      // broken Markdown link only); any other path stays as written, as below.
      return filePath.startsWith(SITE_ALIAS) && siteAliasFileExists(index, site, filePath) ? { kind: 'none' } : { kind: 'file' };
    }
    const file = markdownFileAt(index, site, fromUri, filePath, filePath === target ? targetUri : resolveRelativeLink(fromUri, filePath));
    // A file no generator makes a page of (a theme's docs, a README) is read where its repository is
    // shown: GitHub and GitLab take `/docs/x.md` from the root of the repository that holds it.
    if (file === undefined && path.startsWith('/') && (site === undefined || isNoSitePage(index, fromUri))) {
      const inRepository = repositoryFileAt(index, fromUri, path);
      if (inRepository !== undefined) return inRepository;
    }
    // Docusaurus resolves a page's Markdown links among its plugin's files: not to one outside the site (Detox's `../../ARCHITECTURE.md`).
    const outsideSite = file !== undefined && site?.generator === 'docusaurus' && site.assumed !== true && index.pageOf(fromUri) !== undefined && index.siteFor(file.uri) !== site;
    if (file === undefined || !index.isBuilt(file.uri) || outsideSite) {
      // Unresolved, Docusaurus leaves the link as it is, a URL that reaches nothing.
      return { kind: 'file', unpublished: file };
    }
    return { kind: 'file', document: file };
  }
  const routeSite = site ?? index.onlySite();
  if (routeSite === undefined) return { kind: 'none' };
  const fromPage = index.pageOf(fromUri) ?? contentPageOf(index, routeSite, fromUri);
  // Hugo makes no page of a file outside its content folders (a theme's own docs, a README): its
  // URL paths lead wherever the file is read, not into this site. (A Docusaurus site's README
  // still finds its docs by their routes, to go to; they are not judged: `linkRules.ts`.)
  if (routeSite.generator === 'hugo' && isNoSitePage(index, fromUri)) return { kind: 'none' };
  const reached = linkedPath(routeSite, fromPage, target);
  if (reached === undefined) return { kind: 'none' };
  return { kind: 'route', path: reached, document: pageAt(index, routeSite, reached) };
}

/**
 * A post of a blog whose routes are known, or a Markdown page of a pages plugin, as the page its
 * links are read from: at its URL, in the default locale's build; a translation of one
 * (`i18n/fr/docusaurus-plugin-content-blog/…`) at its URL in its locale's build, where the file it
 * translates is there (a locale builds no other).
 */
function contentPageOf(index: GlossaryIndex, site: Site, uri: string): Pick<SitePage, 'published' | 'permalink' | 'locale'> | undefined {
  if (site.generator !== 'docusaurus') return undefined;
  const { docusaurus } = site;
  const translated = contentTranslationSource(docusaurus, site.rootUri, uri);
  if (translated !== undefined && index.getDocument(translated.uri) === undefined) return undefined;
  const source = translated?.uri ?? uri;
  const locale = translated?.locale ?? docusaurus.defaultLocale;
  const fields = index.getDocument(uri)?.frontMatter?.fields ?? [];
  const url = blogPostUrl(docusaurus, source, fields, locale) ?? markdownPageUrl(docusaurus, source, fields, locale);
  return url === undefined ? undefined : { published: true, permalink: url, locale };
}

/**
 * What `/docs/x.md` reaches from the root of the git repository holding the file `fromUri` (the
 * nearest folder with `.git`, a folder or a submodule's file): the document there, or nothing to
 * judge where a file is there the glossary does not read; undefined without such a root or file.
 */
function repositoryFileAt(index: GlossaryIndex, fromUri: string, path: string): LinkedDocument | undefined {
  for (let folder = fromUri.slice(0, fromUri.lastIndexOf('/')); folder.includes('/') && !folder.endsWith(':/'); folder = folder.slice(0, folder.lastIndexOf('/'))) {
    const git = index.whatIsAt(`${folder}/.git`);
    if (git !== 'file' && git !== 'folder') continue;
    const uri = resolveRelativeLink(`${folder}/_`, `.${path}`);
    if (uri === undefined) return undefined;
    const document = index.documentAtLink(uri);
    if (document !== undefined) return { kind: 'file', document };
    return index.whatIsAt(uri) === 'file' ? { kind: 'none' } : undefined;
  }
  return undefined;
}

/**
 * The page a link render hook finds with `.Page.GetPage` (fluxcd's, or Hugo's own), as Hugo 0.111
 * looks a path up among the pages of the linking page's language, every path in lower case: a
 * relative path from the page's folder (a leaf bundle's is the folder above it, unless the path goes
 * up), cleaned, then the path as written from the content folder; an absolute path as written. In
 * a path's nearest section, its last extension and its language dropped, `x/index` naming `x`
 * (`../get-started/index.md` finds `get-started.md`, `b.md` in German `b.de.md`); a final slash
 * left on names a section only (`/docs/b/` is no page, `b/` is). A page counts where `found` says
 * so: by default one the site builds; Hugo's ref finds the pages it does not render too (see
 * hugoRefRules), and looks the path up as written, without the suffixes a link hook trims (`asRef`).
 */
export function hugoPageLookedUp(
  index: GlossaryIndex,
  site: Extract<Site, { generator: 'hugo' }>,
  fromUri: string,
  path: string,
  options: { found?: (page: SitePage | undefined) => boolean; asRef?: boolean } = {},
): ParsedDocument | typeof SECTION_WITHOUT_FILE | undefined {
  const fromPage = index.pageOf(fromUri);
  if (fromPage?.generator !== 'hugo' || !fromPage.published) return undefined;
  // The ends the hook trims off first (hugo-book's `.md`, `/_index`), as written: `_index.md` looks up `_index`, no page.
  const suffixes = options.asRef === true ? [] : (site.hugo.linkLookupSuffixesTrimmed ?? []);
  const ref = suffixes.reduce((trimmed, suffix) => (trimmed.endsWith(suffix) ? trimmed.slice(0, -suffix.length) : trimmed), safeDecode(path)).trim().toLowerCase();
  const lookUp = (key: string) => hugoSectionOrPage(index, site, fromPage.locale, key, options.found);
  if (ref.startsWith('/')) return lookUp(ref);
  const docId = `/${fromPage.docId}`;
  const folder = posix.dirname(docId).toLowerCase();
  // A leaf bundle's `index.md`, in lower case (`Index.md` is a page of its own).
  const base = docId.endsWith('/index') && !ref.startsWith('..') ? posix.dirname(folder) : folder;
  // Cleaned as Go cleans a path: no final slash.
  return lookUp(posix.join(base, ref).replace(/(?<=.)\/+$/, '')) ?? lookUp(`/${ref}`);
}

/** A page Hugo's lookup finds that no file makes: the section page of a top-level folder without an `_index` file. */
const SECTION_WITHOUT_FILE = Symbol('section without file');

/**
 * The page at a content path of a language in lower case (`/docs/features/lb.md`), as Hugo's page
 * lookup finds it (see `hugoPageLookedUp`): `SECTION_WITHOUT_FILE` for a top-level folder without
 * an `_index` file that holds a page the site builds, of which Hugo makes a section page (antrea's
 * `docs/` from `/docs/main/readme/` finds `/docs/`).
 */
function hugoSectionOrPage(
  index: GlossaryIndex,
  site: Extract<Site, { generator: 'hugo' }>,
  locale: string,
  ref: string,
  found: (page: SitePage | undefined) => boolean = (page) => page?.published === true,
): ParsedDocument | typeof SECTION_WITHOUT_FILE | undefined {
  const published = (key: string) => index.hugoPagesAt(site, locale, key).find((document) => found(index.pageOf(document.uri)));
  const withSlash = ref.endsWith('/') ? ref : `${ref}/`;
  // Sections are the top-level folders and the folders with an `_index` file.
  const isSection = (folder: string) => folder === '/' || (folder.indexOf('/', 1) === folder.length - 1 ? index.hasHugoTopSection(site, locale, folder) : index.hugoPagesAt(site, locale, `${folder}_index`).length > 0);
  let section = withSlash;
  while (!isSection(section)) section = section.slice(0, section.lastIndexOf('/', section.length - 2) + 1);
  const sectionPage = published(`${section}_index`);
  if (section === withSlash) {
    const topLevel = section !== '/' && section.indexOf('/', 1) === section.length - 1;
    return sectionPage ?? (topLevel && !site.hugo.disableKinds.has('section') && index.hugoTopSectionBuilt(site, locale, section) ? SECTION_WITHOUT_FILE : undefined);
  }
  // Below the section, one slash more is dropped (`/docs//b.md` finds `/docs/b`), as Hugo trims it.
  const fileName = ref.slice(section.length).replace(/^\//, '');
  // The section's own file, by its name (`../_index.md`).
  if (sectionPage !== undefined && uriPath(sectionPage.uri).toLowerCase().endsWith(`/${fileName}`) && !fileName.includes('/')) return sectionPage;
  const languageSuffix = `.${locale.toLowerCase()}`;
  const nameOf = (written: string) => (written.endsWith(languageSuffix) ? written.slice(0, -languageSuffix.length) : written).replace(/\/index$/, '').replace(/\/_index$/, '');
  // Without what looks like an extension, and whole: dots may be the name's own (`/releases/0.43.0` finds `0.43.0.md`).
  const names = [...new Set([nameOf(fileName.replace(/\.[^./]*$/, '')), nameOf(fileName)])];
  // A section is found by its folder, not by its file's name in another section.
  for (const name of names) {
    const page = /(?:^|\/)_index$/.test(name) ? undefined : published(section + name);
    if (page !== undefined) return page;
  }
  return undefined;
}

/**
 * Whether a file lies in a site's folder where its generator reads no content (a theme's own docs, a
 * README, an archive of old docs): the model gives it no page, and nothing it does not see may make
 * one of it (in Hugo no module, mount or theme; in Docusaurus no plugin the configuration computes,
 * the blog or the pages). It is read where it lies, as GitHub shows it.
 */
export function isNoSitePage(index: GlossaryIndex, uri: string): boolean {
  const site = index.siteFor(uri);
  if (site?.generator === 'hugo') return index.pageOf(uri) === undefined && !hugoMayReadAsContent(site.hugo, pathInSite(site, uri));
  // A site assumed from the layout is a guess: its notes outside the docs folder are judged as before.
  if (site?.generator !== 'docusaurus' || site.assumed === true || site.docusaurus.instancesComputed) return false;
  return index.pageOf(uri) === undefined && contentPluginFolderOf(site.docusaurus, uri) === undefined && !inUnmodelledContentPlugin(site.docusaurus, site.rootUri, uri);
}

/**
 * The locales in which Docusaurus finds no page at a Markdown file link that our resolution takes
 * to `linked`. A default-locale page without a translation is built in every other locale from its
 * own file, and a path is looked up among the files of that locale's pages, where a translated
 * file is replaced by its translation under `i18n/`: a path starting with `./` or `../` is looked
 * for beside the file only and misses it; a bare or absolute path is also looked for below the
 * locale's translation folder, and reaches the translation when it names the file from the docs
 * folder (`01-Intro.md`).
 */
export function localesMissingFileLink(index: GlossaryIndex, fromUri: string, target: string, linked: ParsedDocument): string[] {
  const site = index.siteFor(fromUri);
  const page = index.pageOf(fromUri);
  const linkedPage = index.pageOf(linked.uri);
  if (site?.generator !== 'docusaurus' || page === undefined || linkedPage === undefined) return [];
  const { defaultLocale, locales } = site.docusaurus;
  if (page.locale !== defaultLocale || linkedPage.locale !== defaultLocale) return [];
  const namesSource = namesSourcePath(target, linkedPage);
  const translatedIn = (uri: string, locale: string) => index.translationsOf(uri).some((other) => index.pageOf(other)?.locale === locale);
  return locales.filter((locale) => locale !== defaultLocale && !translatedIn(fromUri, locale) && translatedIn(linked.uri, locale) && !namesSource);
}

/**
 * Whether a Markdown file link names the doc by its path below its version's folder (`glossar/a.md`,
 * `/glossar/a.md`; not `./` or `../`): Docusaurus looks for that path among the locale's translations
 * first, so another locale's build reaches the doc's translation there.
 */
export function namesSourcePath(target: string, linkedPage: SitePage): boolean {
  const path = safeDecode(target.replace(/[?#].*$/, '')).replace(/^\/+/, '');
  return !target.startsWith('./') && !target.startsWith('../') && path === sourceOf(linkedPage.translationKey);
}

/** The path of a Docusaurus page's file below its version's folder, from its translation key (`<instance>@<version>:<path>`). */
function sourceOf(translationKey: string): string {
  return translationKey.slice(translationKey.indexOf(':', translationKey.indexOf('@')) + 1);
}

/** The document built at a URL path; of a page and its translation, the one in the path's locale. */
function pageAt(index: GlossaryIndex, site: Site, path: string): ParsedDocument | undefined {
  const candidates = index.documentsAtPermalink(site, path);
  if (candidates.length <= 1) return candidates[0];
  const locale = localeOfPath(site, path);
  const inLocale = candidates.filter((document) => index.pageOf(document.uri)?.locale === locale);
  return (inLocale.length > 0 ? inLocale : candidates).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))[0];
}

/**
 * The Markdown file a file link names: beside the linking file, else (Docusaurus) in a docs folder
 * or the site folder; a path starting with `./` or `../` only beside it, as Docusaurus resolves it.
 */
function markdownFileAt(index: GlossaryIndex, site: Site | undefined, fromUri: string, target: string, targetUri: string | undefined): ParsedDocument | undefined {
  // Docusaurus reads `@site/docs/x.md` from the site's folder, and from nowhere else.
  if (site?.generator === 'docusaurus' && target.startsWith(SITE_ALIAS)) {
    const uri = siteAliasUri(site, target);
    return uri === undefined ? undefined : index.documentAtLink(uri);
  }
  // A doc's Markdown links reach no doc of another docs plugin instance.
  const fromPage = site?.generator === 'docusaurus' ? index.pageOf(fromUri) : undefined;
  const reachable = (document: ParsedDocument | undefined) => {
    const instance = document === undefined ? undefined : index.pageOf(document.uri)?.instance;
    return fromPage === undefined || instance === undefined || instance === fromPage.instance ? document : undefined;
  };
  const beside = reachable(targetUri === undefined ? undefined : index.documentAtLink(targetUri));
  if (beside !== undefined || site === undefined || target.startsWith('./') || target.startsWith('../')) return beside;
  const path = target.replace(/[?#].*$/, '').replace(/^\/+/, '');
  for (const folder of markdownLinkFolders(site, fromPage)) {
    const uri = resolveRelativeLink(withPath(fromUri, `${folder}/_`), path);
    const document = reachable(uri === undefined ? undefined : index.documentAtLink(uri));
    if (document !== undefined) return document;
  }
  return undefined;
}

const SITE_ALIAS = '@site/';

/** The URI an `@site/…` path names: Docusaurus reads it from the site's folder. */
function siteAliasUri(site: Site, target: string): string | undefined {
  return resolveRelativeLink(withPath(site.rootUri, `${uriPath(site.rootUri).replace(/\/$/, '')}/_`), target.slice(SITE_ALIAS.length).replace(/[?#].*$/, ''));
}

/** Whether an `@site/…` path names a Markdown file of the workspace, or a file on disk. */
function siteAliasFileExists(index: GlossaryIndex, site: Site, target: string): boolean {
  const uri = siteAliasUri(site, target);
  return uri !== undefined && (index.documentAtLink(uri) !== undefined || index.whatIsAt(uri) === 'file');
}

/**
 * The page a link to a Markdown file reaches from a file of the blog or pages plugin: Docusaurus
 * looks for the file beside the linking file (for `./` and `../` there only), then in the plugin's
 * folder and the site's folder (for `/x.md` there only), and takes it only where the same plugin
 * builds it: a blog post reaches other posts, not the docs.
 */
function contentPluginPageAt(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, pluginFolder: string, fromUri: string, target: string): ParsedDocument | undefined {
  const path = target.replace(/[?#].*$/, '');
  const fromPath = uriPath(fromUri);
  const besideFile = fromPath.slice(0, fromPath.lastIndexOf('/'));
  const siteFolder = uriPath(site.rootUri).replace(/\/$/, '');
  const folders = path.startsWith('/') ? [uriPath(pluginFolder), siteFolder] : path.startsWith('./') || path.startsWith('../') ? [besideFile] : [besideFile, uriPath(pluginFolder), siteFolder];
  const candidates = path.startsWith(SITE_ALIAS) ? [siteAliasUri(site, target)] : folders.map((folder) => resolveRelativeLink(withPath(fromUri, `${folder}/_`), path.replace(/^\/+/, '')));
  for (const uri of candidates) {
    const document = uri === undefined ? undefined : index.documentAtLink(uri);
    if (document !== undefined && contentPluginFolderOf(site.docusaurus, document.uri) === pluginFolder && compiledByContentPlugin(site.docusaurus, document.uri, document.frontMatter?.fields ?? [])) return document;
  }
  return undefined;
}

/** Of terms with one name, those a page means in its locale, where its site has several (`termsForLocale`), as a mention there means them. */
function termsForPage(index: GlossaryIndex, fromUri: string, terms: GlossaryTerm[]): GlossaryTerm[] {
  const locale = index.multilingualLocaleOf(fromUri);
  if (locale === undefined || terms.length === 0) return terms;
  return index.termsForLocale(terms.map((term) => term.uri), locale).map((uri) => index.termOf(uri)!);
}

/** Of several terms with one name, the first by file path, so the answer does not depend on load order. */
function pickOne(terms: GlossaryTerm[]): GlossaryTerm | undefined {
  return terms.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))[0];
}
