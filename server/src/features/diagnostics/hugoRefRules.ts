import * as l10n from '@vscode/l10n';
import { posix } from 'node:path';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { safeDecode, uriPath, withPath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { Site } from '../../site/site';
import type { SitePage, UnpublishedReason } from '../../site/siteTypes';
import { HUGO_UNREAD_CONTENT_EXTENSIONS, hugoContentPath, hugoThemeContentFolders, type HugoSite } from '../../site/hugo';
import type { HugoRef } from '../../parsing/hugoShortcodes';
import { hugoPageLookedUp } from '../termLinks';

/**
 * Hugo's `ref` and `relref` shortcodes that find no page: Hugo fails the build on one that finds
 * none (`REF_NOT_FOUND`, unless `refLinksErrorLevel` is `WARNING`), wherever Markdown keeps it (in
 * code too; not in raw HTML, which Hugo does not render unless `unsafe`). Hugo looks a name up
 * leniently (any case and extension, anywhere, sections, taxonomy pages, mounts, content files of
 * every format), among the pages of the linking page's language (a translation finds none for
 * another). So a name is reported only where no page of the site has it at all: a failed build
 * where every page Hugo may find is in the index, else (settings that leave files out, modules,
 * mounts or a theme that may bring content, taxonomies not known) a warning. Where no module, mount
 * or theme may add content, the model holds two lookups whole: a path from the content folder with
 * a final slash names a section only (see `namesNoSection`), and Hugo fails the build on `/docs/b/`
 * where `b` is a page; and a ref with a path (a slash but a single leading one: `h/a.md`,
 * `/docs/score-implementation/x`) is looked up by that path alone, from the page's folder and from
 * the content folder, as `.GetPage` looks one up (see `hugoPageLookedUp`), never by its name
 * elsewhere: where no page is at the path, the build fails (checked with Hugo 0.111.3). Not judged:
 * refs in raw HTML (unless `unsafe`), on a page Hugo does not render, and refs to a language.
 */
export function hugoRefDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  if (site?.generator !== 'hugo' || page?.published !== true) return [];
  const refs = [...(document.hugoRefs ?? []), ...refsInShortcodes(document, site.hugo.refShortcodeParameters, site.hugo.conditionalRefShortcodeParameters)];
  if (refs.length === 0) return [];
  const names = index.rememberedByPages(`hugo ref names ${site.rootUri} ${page.locale}`, () => pageNamesOf(index, site, page.locale));
  const languages = site.hugo.languages.map((language) => language.code);
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const ref of refs) {
    if (ref.lang !== undefined || (ref.inHtml && !site.hugo.rendersRawHtml)) continue;
    let finding: Pick<GlossaryDiagnostic, 'message' | 'suggestion' | 'breaksBuild'>;
    if (namesNoSection(index, site, page.locale, ref.target)) {
      const path = safeDecode(ref.target.replace(/[?#].*$/s, '').trim());
      // Without its final slash it finds the page of that path, where one is.
      const withoutSlash = index.hugoPagesAt(site, page.locale, path.replace(/\/+$/, '').toLowerCase()).filter((found) => foundByRef(index.pageOf(found.uri)));
      finding = {
        message: site.hugo.refsFailBuild
          ? l10n.t('Hugo\'s ref finds no page at "{0}": a path with a final slash names a section, and there is none. The build fails.', ref.target)
          : l10n.t('Hugo\'s ref finds no page at "{0}": a path with a final slash names a section, and there is none.', ref.target),
        ...(withoutSlash.length > 0 ? { suggestion: ref.target.replace(/\/+(?=[?#]|$)/, '') } : {}),
        ...(site.hugo.refsFailBuild ? { breaksBuild: true as const } : {}),
      };
    } else if (looksUpPathAlone(site, ref.target) && contentModelWhole(index, site)) {
      if (hugoPageLookedUp(index, site, document.uri, ref.target.replace(/[?#].*$/s, ''), { found: foundByRef, asRef: true }) !== undefined) continue;
      if (namesUnreadContentFile(index, site.rootUri, site.hugo, document.uri, ref.target)) continue;
      // A Markdown file the workspace leaves out (ignored, generated), which Hugo reads all the same.
      if (namesUnreadContentFile(index, site.rootUri, site.hugo, document.uri, ref.target, ['md', ...site.hugo.languages.map((language) => `${language.code}.md`)], (uri) => index.getDocument(uri) === undefined)) continue;
      finding = {
        message: site.hugo.refsFailBuild
          ? ref.conditional
            ? l10n.t('Hugo\'s ref finds no page at "{0}": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. Should the template hand it to ref, the build fails.', ref.target)
            : l10n.t('Hugo\'s ref finds no page at "{0}": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. The build fails.', ref.target)
          : l10n.t('Hugo\'s ref finds no page at "{0}": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere.', ref.target),
        // A shortcode's template may hand the parameter to `ref` only under a condition the page does not tell.
        ...(site.hugo.refsFailBuild && !ref.conditional ? { breaksBuild: true as const } : {}),
      };
    } else {
      // A path ending in `.` or `..` (`../_index.md`, `..`) names a folder from the page's: Hugo finds that section.
      const target = withDotFolderResolved(ref.target, site, document.uri);
      if (target === undefined || refNamesOf(target, languages).some((name) => names.has(name))) continue;
      if (namesUnreadContentFile(index, site.rootUri, site.hugo, document.uri, ref.target)) continue;
      // Where every page the ref may find is in the index, none of its name means Hugo finds none.
      const findsNone = !ref.conditional && !site.hugo.contentLeftOut && !site.hugo.taxonomies.has('*') && contentModelWhole(index, site);
      finding =
        site.hugo.refsFailBuild && findsNone ? { message: l10n.t('No page of the site is named "{0}": Hugo\'s ref finds none, and the build fails.', ref.target), breaksBuild: true }
        : site.hugo.refsFailBuild ? { message: l10n.t('No page of the site is named "{0}": should Hugo\'s ref find none, the build fails.', ref.target) }
        : { message: l10n.t('No page of the site is named "{0}": Hugo\'s ref may find none.', ref.target) };
    }
    diagnostics.push({ range: ref.range, severity: 'warning', code: 'broken-link', ...finding });
  }
  return diagnostics;
}

/**
 * A ref whose path, less an `index` or `_index` file, ends in `.` or `..` (`../_index.md`, `../`,
 * `..`) names a folder from the page's own: that folder's path from the content folder, which
 * `refName` reads by its last segment (the content folder itself: the home page's empty one);
 * undefined where it leads above the content folder (not judged). Other refs as they are.
 */
function withDotFolderResolved(target: string, site: Extract<Site, { generator: 'hugo' }>, documentUri: string): string | undefined {
  const path = safeDecode(target.replace(/[?#].*$/s, '').trim()).replace(/\/+$/, '');
  const folder = path.replace(/(?:^|\/)_?index(?:\.[^/]*)?$/i, '');
  if (path.startsWith('/') || !/(?:^|\/)\.\.?$/.test(folder)) return target;
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const file = uriPath(documentUri);
  const relative = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  const contentDir = [...new Set(site.hugo.languages.map((language) => language.contentDir))]
    .sort((a, b) => b.length - a.length)
    .find((dir) => dir === '' || relative.startsWith(`${dir}/`));
  if (contentDir === undefined) return undefined;
  const inner = contentDir === '' ? relative : relative.slice(contentDir.length + 1);
  const resolved = posix.normalize(posix.join(posix.dirname(inner), folder));
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return resolved === '.' ? '' : resolved;
}

/**
 * The parameters of a page's shortcodes whose templates hand them to `ref` or `relref` (see
 * `HugoSite.refShortcodeParameters`), as refs: of a parameter given twice, the last, which Hugo
 * takes; not a web address, which such templates link as it is (`{{ if hasPrefix (.Get "link") "http" }}`).
 */
export function refsInShortcodes(document: ParsedDocument, refParameters: HugoSite['refShortcodeParameters'], conditional?: HugoSite['conditionalRefShortcodeParameters']): HugoRef[] {
  if (refParameters === undefined || refParameters.size === 0) return [];
  return (document.hugoShortcodes ?? []).flatMap((shortcode) => {
    const keys = refParameters.get(shortcode.name);
    if (keys === undefined) return [];
    const lastByKey = new Map((shortcode.parameters ?? []).filter((parameter) => keys.has(parameter.key)).map((parameter) => [parameter.key, parameter]));
    return [...lastByKey.values()]
      .filter((parameter) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(parameter.value))
      .map((parameter): HugoRef => ({ target: parameter.value, range: parameter.range, ...(conditional?.get(shortcode.name)?.has(parameter.key) ? { conditional: true as const } : {}) }));
  });
}

/**
 * Whether a ref names a content file the workspace does not read, of a format Hugo builds pages
 * from (`b.markdown`, `about/_index.html`; not an HTML file Hugo takes for no page): from the
 * page's folder or a content folder (a name alone found elsewhere in the site is not looked for).
 * With `extensions` and `counts`, a file of those extensions that `counts` (a Markdown file the
 * index does not hold).
 */
function namesUnreadContentFile(
  index: GlossaryIndex,
  rootUri: string,
  hugo: HugoSite,
  documentUri: string,
  target: string,
  extensions: readonly string[] = HUGO_UNREAD_CONTENT_EXTENSIONS,
  counts: (uri: string) => boolean = () => true,
): boolean {
  const path = safeDecode(target.replace(/[?#].*$/s, '').trim()).replace(/\/+$/, '');
  if (path === '' || path.split('/').includes('..')) return false;
  const root = uriPath(rootUri).replace(/\/$/, '');
  const contentFolders = [...new Set(hugo.languages.map((language) => [root, language.contentDir].filter((part) => part !== '').join('/')))];
  const folders = path.startsWith('/') ? contentFolders : [uriPath(documentUri).replace(/\/[^/]*$/, ''), ...contentFolders];
  // Hugo finds a page by its path in any case and with any extension (`B.html` for `b.markdown`): the path as written and in lower case.
  // Without what looks like an extension, and whole: dots may be the name's own (`0.43.0`).
  const whole = path.replace(/^\/+/, '');
  const relatives = [whole.replace(/\.[^./]*$/, ''), whole];
  const stems = [...new Set(relatives.flatMap((relative) => [relative, relative.toLowerCase()]))].flatMap((stem) => [stem, `${stem}/index`, `${stem}/_index`]);
  const files = stems.flatMap((stem) => extensions.map((unread) => `${stem}.${unread}`));
  const isPage = (filePath: string) => !hugo.plainHtmlFiles.has(filePath.slice(root.length + 1)) && index.whatIsAt(withPath(rootUri, filePath)) === 'file' && counts(withPath(rootUri, filePath));
  return folders.some((folder) => files.some((file) => isPage(posix.normalize(`${folder}/${file}`))));
}

/**
 * Whether a ref names a path from the content folder with a final slash (`/docs/b/`, `/docs/b/#x`)
 * where no section is, in the page's language: Hugo's lookup then finds no page, not even `b.md` or
 * the leaf bundle `b/index.md` (checked with Hugo 0.111.3). A section is a folder with an `_index`
 * file Hugo knows of (built, or not rendered), in any format or left out of the workspace (looked
 * for on disk), in any language. Not judged: a top-level folder (a section wherever it holds a page), a
 * taxonomy's term (`/tags/foo/`, which Hugo finds), a path that goes up, and sites whose sections
 * may come from modules, mounts or a theme's content.
 */
function namesNoSection(index: GlossaryIndex, site: Extract<Site, { generator: 'hugo' }>, locale: string, target: string): boolean {
  const path = safeDecode(target.replace(/[?#].*$/s, '').trim());
  if (!/^\/[^/].*\/$/.test(path) || path.indexOf('/', 1) === path.length - 1 || path.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  const { hugo } = site;
  // A taxonomy's term is found with its slash too (`/tags/foo/`, checked).
  const top = path.slice(1, path.indexOf('/', 1)).toLowerCase();
  if (hugo.taxonomies.has('*') || hugo.taxonomies.has(top) || top === 'tags' || top === 'categories') return false;
  if (!contentModelWhole(index, site)) return false;
  const folder = path.replace(/\/+$/, '');
  // A section of another language counts too: whether Hugo makes one in this language of it is not modelled.
  const locales = [locale, ...hugo.languages.map((language) => language.code).filter((code) => code !== locale)];
  if (locales.some((code) => index.hugoPagesAt(site, code, `${folder.toLowerCase()}/_index`).some((document) => foundByRef(index.pageOf(document.uri))))) return false;
  // An `_index` file the index does not hold: of another format, in another case, or left out of the workspace.
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const contentFolders = [...new Set([hugo.contentDir, ...hugo.languages.map((language) => language.contentDir)])].map((dir) => [root, dir].filter((part) => part !== '').join('/'));
  const suffixes = ['', ...hugo.languages.map((language) => `.${language.code}`)];
  const names = ['md', 'markdown', ...HUGO_UNREAD_CONTENT_EXTENSIONS].flatMap((extension) => suffixes.map((suffix) => `_index${suffix}.${extension}`));
  const folders = contentFolders.flatMap((content) => [...new Set([folder, folder.toLowerCase()])].map((written) => `${content}${written}`));
  return !folders.some((candidate) => names.some((name) => index.whatIsAt(withPath(site.rootUri, `${candidate}/${name}`)) === 'file'));
}

/** Whether no module, content mount or theme's content folder may add pages the workspace does not model. */
function contentModelWhole(index: GlossaryIndex, site: Extract<Site, { generator: 'hugo' }>): boolean {
  const { hugo } = site;
  return !(hugo.importsModules || hugo.contentSubmounts.length > 0 || hugoThemeContentFolders(hugo).some((folder) => index.whatIsAt(withPath(site.rootUri, `${uriPath(site.rootUri).replace(/\/$/, '')}/${folder}`)) !== 'none'));
}

/**
 * Whether Hugo looks a ref up by its path alone: one with a slash, but a single leading one (`/b`,
 * which Hugo also looks up by its name anywhere), and not below a taxonomy's folder (`/tags/foo`,
 * which Hugo finds among the taxonomy's terms).
 */
function looksUpPathAlone(site: Extract<Site, { generator: 'hugo' }>, target: string): boolean {
  const path = safeDecode(target.replace(/[?#].*$/s, '').trim());
  if (!path.replace(/^\//, '').includes('/')) return false;
  const { taxonomies } = site.hugo;
  const top = path.replace(/^(?:\.?\/)+/, '').split('/')[0].toLowerCase();
  return !(taxonomies.has('*') || taxonomies.has(top) || top === 'tags' || top === 'categories');
}

/** Whether a ref finds a page Hugo knows of: one it builds, or does not render (see `FOUND_THOUGH_UNBUILT`). */
function foundByRef(page: SitePage | undefined): boolean {
  return page?.published === true || (page !== undefined && FOUND_THOUGH_UNBUILT.has(page.unpublishedReason));
}

/** Why a page Hugo knows of is not built, but a ref finds it: it is not rendered (`headless`, `_build`). A page dated in the future or expired Hugo leaves out, and a ref to it fails as one to a draft. */
const FOUND_THOUGH_UNBUILT: ReadonlySet<UnpublishedReason | undefined> = new Set(['not-rendered', 'outside']);

/**
 * The names a ref from a page in a language may find a page of the site by, in lower case: of the
 * pages in that language, each one's file name (an `index` or `_index` file's: its folder's), each
 * top-level folder of a content folder (a section, with an `_index.md` or not; a folder below it is
 * a section only with one, which names it), the taxonomies' pages (`tags`, `categories`, those the
 * configuration names, and the terms their pages list), and content files of other formats.
 */
function pageNamesOf(index: GlossaryIndex, site: Site, language: string): Set<string> {
  // The home page, and a ref to the page itself (`#teil`).
  const taxonomies = new Set(['tags', 'categories', ...(site.generator === 'hugo' ? site.hugo.taxonomies : [])]);
  const names = new Set(['', ...taxonomies]);
  const languages = site.generator === 'hugo' ? site.hugo.languages.map((language) => language.code) : [];
  // Content files of other formats, in any language: the index does not hold them.
  if (site.generator === 'hugo') for (const otherPath of site.hugo.otherFormatPaths) names.add(refName(hugoContentPath(site.hugo, otherPath), languages));
  // The content folders, longest first: a page's top-level folder is the one after its own.
  const contentDirs = site.generator === 'hugo' ? [...new Set(site.hugo.languages.map((language) => language.contentDir))].sort((a, b) => b.length - a.length) : [];
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  for (const document of index.documents()) {
    if (index.siteFor(document.uri) !== site) continue;
    const page = index.pageOf(document.uri);
    if (page !== undefined && !page.published && !FOUND_THOUGH_UNBUILT.has(page.unpublishedReason)) continue;
    if (page !== undefined && page.locale !== language) continue;
    const path = uriPath(document.uri);
    const inSite = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
    // A file mounted below the content goes by its place there (`go-sdk-docs/_index.md` mounted at `content/sdks/go`: `go`).
    const relative = site.generator === 'hugo' ? hugoContentPath(site.hugo, inSite) : inSite;
    const contentDir = contentDirs.find((dir) => dir === '' || relative.startsWith(`${dir}/`));
    const inner = contentDir === undefined ? [] : (contentDir === '' ? relative : relative.slice(contentDir.length + 1)).split('/');
    if (inner.length > 1) names.add(inner[0].toLowerCase());
    // An `index` or `_index` file by its folder's name (a bundle, a section).
    names.add(refName(relative, languages));
    for (const field of document.frontMatter?.fields ?? []) {
      if (!taxonomies.has(field.key.toLowerCase())) continue;
      const terms = Array.isArray(field.value) ? field.value : [field.value];
      for (const term of terms) if (typeof term === 'string') names.add(urlized(term));
    }
  }
  return names;
}

/** The name a ref or a file goes by: its last segment, decoded, trimmed, in lower case, without extension and language suffix (`both.de.md` → `both`). */
function refName(target: string, languages: readonly string[]): string {
  const path = safeDecode(target.replace(/[?#].*$/s, '').trim()).replace(/\/+$/, '');
  let name = path.slice(path.lastIndexOf('/') + 1).toLowerCase().replace(/\.[^.]*$/, '');
  const suffix = name.slice(name.lastIndexOf('.') + 1);
  if (name.includes('.') && languages.includes(suffix)) name = name.slice(0, name.lastIndexOf('.'));
  // An index file's, or a path to a folder, is the folder's.
  return name === 'index' || name === '_index' ? (path.includes('/') ? refName(path.slice(0, path.lastIndexOf('/')), languages) : '') : name;
}

/**
 * The names a ref may find a page by: its last segment less what looks like an extension, and
 * whole, since dots may be the name's own (`/releases/0.43.0` finds `0.43.0.md`).
 */
function refNamesOf(target: string, languages: readonly string[]): string[] {
  const whole = target.replace(/[?#].*$/s, '').trim().replace(/\/+$/, '');
  return whole === '' ? [refName(target, languages)] : [refName(target, languages), refName(`${whole}.md`, languages)];
}

/** A taxonomy term as Hugo writes it in its page's path: blanks to `-`, in lower case. */
function urlized(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, '-');
}
