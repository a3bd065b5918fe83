import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { Range } from '../../common/text';
import { uriPath, withPath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import { hugoUnreadPatternPageMayBeAt, linkHookFor } from '../../site/hugo';
import { linkedPath, type Site } from '../../site/site';
import type { SitePage } from '../../site/siteTypes';
import { linkedDocument } from '../termLinks';
import { hugoPageAt } from './linkRules';

/** A link to a file, not to a content file: its last segment has an extension other than Markdown's (`.html` too, as Hugo writes it as it is). */
const FILE_TARGET = /\.(?!(?:md|markdown)$)[a-z0-9]+$/i;
/** A URL path ending in a page's file name (`/docs/b.html`): a page's own where it is one (`uglyURLs`, `url`, an alias), else a file's. */
const HTML_FILE = /\.html?$/i;
/** How many folders up a bundle's page is looked for (`/posts/a/images/x.png` is the bundle `/posts/a/`'s `images/x.png`). */
const MAX_RESOURCE_DEPTH = 4;

/**
 * Images and links to files (`/img/logo.png`, `plan.pdf`) in the pages a Hugo site builds, where
 * Hugo writes them as they are (no render hook in the site's or its themes' templates: see
 * `HugoSite.imageRenderHook`, `linkRenderHook`): each leads, from the page's URL, to a file Hugo
 * publishes: one of a static folder (`staticDir`, each theme's `static/`), or one of a bundle's
 * files, published beside its page. Hugo checks neither, so each is a warning. Not judged where
 * modules or mounts may bring in more files, or a place cannot be looked at.
 */
export function hugoAssetDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  if (site?.generator !== 'hugo' || site.assumed || site.hugo.importsModules || page?.published !== true) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const report = (target: string, range: Range, code: 'broken-image' | 'broken-link') => {
    // A shortcode writes the URL: what it makes is not known here.
    if (target.includes('{{')) return;
    const missing = missingFile(index, site, page, target);
    if (missing !== undefined) diagnostics.push({ range, severity: 'warning', code, message: missingMessage(index, site, target, missing) });
  };
  if (site.hugo.imageRenderHook === 'none') {
    for (const image of document.body.images ?? []) if (!image.inRawHtml) report(image.target, image.targetRange, 'broken-image');
    // An image by reference (`![alt][label]`, `![label]`) shows its definition's target: judged once, on the definition.
    for (const link of document.body.links) if (link.kind === 'inline' && link.imageReferenced) report(link.target, link.targetRange, 'broken-image');
  }
  if (site.hugo.linkRenderHook !== undefined) {
    for (const link of document.body.links) {
      if (link.kind !== 'inline' || (link.defined && !link.referenced) || !FILE_TARGET.test(link.target.replace(/[?#].*$/s, ''))) continue;
      // `.GetPage` drops any extension: `b.de` may name the page `b`, and the hook writes its URL.
      if (linkHookFor(site.hugo, link.target) === 'get-page' && linkedDocument(index, document.uri, link.target, link.targetUri).document !== undefined) continue;
      report(link.target, link.targetRange, 'broken-link');
    }
  }
  return diagnostics;
}

/** The URL path a link to a file leads to where Hugo publishes nothing; undefined where something is, or it cannot be told. */
function missingFile(index: GlossaryIndex, site: Extract<Site, { generator: 'hugo' }>, page: SitePage, target: string): string | undefined {
  const url = linkedPath(site, page, target);
  const { basePath, staticDirs } = site.hugo;
  if (url === undefined || !url.startsWith(basePath) || url.endsWith('/')) return undefined;
  // What Hugo's output formats write beside pages: feeds and other formats (`/blog/index.xml`), the sitemap, robots.txt.
  if (/(?:^|\/)(?:index\.[a-z0-9]+|sitemap\.xml|robots\.txt)$/i.test(url)) return undefined;
  // A page's folder without its final slash (`/releases/2.10.0`, a version's page or alias), which the server redirects to.
  if (hugoPageAt(index, site, `${url}/`)) return undefined;
  // A page's own file (`uglyURLs`, a `url` or alias ending in `.html`); a 404 page (of any language) is written where the templates have one.
  if (HTML_FILE.test(url) && (hugoPageAt(index, site, url) || /\/404\.html?$/i.test(url) || hugoUnreadPatternPageMayBeAt(site.hugo, url))) return undefined;
  const inSite = url.slice(basePath.length);
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const candidates = staticDirs.map((folder) => `${root}/${folder}/${inSite}`);
  // A file of a content folder at its own path, a resource of the home page or of a top-level
  // section, which need no `_index.md` (thanos' `content/tip/img/a.png` at `/tip/img/a.png`);
  // in any language's folder, below its prefix or not.
  const withoutPrefix = inSite.slice(inSite.indexOf('/') + 1);
  for (const language of site.hugo.languages) candidates.push(...[inSite, withoutPrefix].map((path) => [root, language.contentDir, path].filter((part) => part !== '').join('/')));
  // A bundle's files, below the page of one of the folders above the file.
  const segments = url.split('/');
  for (let up = 1; up <= Math.min(MAX_RESOURCE_DEPTH, segments.length - 1); up++) {
    const folder = `${segments.slice(0, -up).join('/')}/`;
    for (const bundle of index.documentsAtPermalink(site, folder)) {
      if (/\/_?index\.[^/]+$/.test(bundle.uri)) candidates.push(`${uriPath(bundle.uri).replace(/\/[^/]+$/, '')}/${segments.slice(-up).join('/')}`);
    }
  }
  for (const candidate of candidates) {
    const kind = index.whatIsAt(withPath(site.rootUri, candidate));
    if (kind === undefined) return undefined;
    if (kind === 'file') return undefined;
  }
  return url;
}

/** Why nothing is at a link's URL path; for `/docs/b.html`, where the page `/docs/b/` is meant, that the page is there instead. */
function missingMessage(index: GlossaryIndex, site: Extract<Site, { generator: 'hugo' }>, target: string, missing: string): string {
  const pageFolder = missing.replace(HTML_FILE, '/');
  if (HTML_FILE.test(missing) && hugoPageAt(index, site, pageFolder)) return l10n.t('Nothing at "{0}": Hugo publishes this page at {1}, not at {2}.', target, pageFolder, missing);
  if (HTML_FILE.test(missing)) return l10n.t('Nothing at "{0}": Hugo publishes no page at {1}, nor a file of the static folders or of a bundle.', target, missing);
  return l10n.t('No file at "{0}": Hugo publishes none at {1}, of the static folders or a bundle\'s files.', target, missing);
}
