import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { Range } from '../../common/text';
import { uriPath } from '../../common/uris';
import type { PathKind } from '../../common/paths';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { MarkdownLink } from '../../parsing/markdown';
import type { MdxModule } from '../../parsing/mdx';
import { imageTarget, isSitePath, linkedFileTarget, linkKindOf, MODULE_EXTENSIONS, moduleTarget, namesCommonFileType } from '../../site/docusaurusAssets';
import type { Site } from '../../site/site';
import type { BrokenLinkPolicy } from '../../site/siteTypes';
import { linkedDocument } from '../termLinks';
import { compiledAsMdx, compiledByItsPlugin, judgedMdxOf } from './siteRules';
import { judgedAsNoPage } from './linkRules';

/**
 * Images and links to files (`./Preisliste.pdf`) in the pages a Docusaurus site with a
 * configuration file builds (docs, blog posts, Markdown pages), judged as its MDX loader and its broken-link check judge them:
 * - an image whose file is not there fails the build (`markdown.hooks.onBrokenMarkdownImages`,
 *   `throw` by default), and one that names a folder always does;
 * - a link to a file that is not there stays a URL that reaches no page (`onBrokenLinks`); written
 *   `@site/…` it is also a broken Markdown link;
 * - a link to an `.html` file, or by a reference (`[text][label]`), reaches only a page of that route:
 *   Docusaurus bundles no file for it;
 * - a `%` that starts no escape in the path of either stops the page compiling.
 */
export function assetDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus' || site.assumed) return [];
  // A doc the site builds, a blog post or a Markdown page.
  if (index.pageOf(document.uri)?.published !== true && !compiledByItsPlugin(index, document)) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const asMdx = compiledAsMdx(index, document);
  for (const image of document.body.images ?? []) {
    // MDX's comment is one only where the page is compiled as MDX; CommonMark's raw HTML only where it is not (MDX reads Markdown in JSX).
    if (asMdx ? image.inMdxComment : image.inRawHtml) continue;
    const problem = imageProblem(index, site, document.uri, image.target, image.targetRange);
    if (problem !== undefined) diagnostics.push(problem);
  }
  for (const link of document.body.links) {
    // MDX's comment writes no link.
    const problem = link.kind === 'inline' && !(asMdx && link.inMdxComment) ? linkProblem(index, site, document.uri, link) : undefined;
    if (problem !== undefined) diagnostics.push(problem);
  }
  // Webpack bundles a page only once MDX compiles it: with a syntax error, that error is the build's.
  const mdx = judgedMdxOf(index, document);
  if (mdx !== undefined && !mdx.problems.some((problem) => problem.kind === 'syntax')) {
    for (const module of mdx.modules) {
      const problem = moduleProblem(index, site, document.uri, module);
      if (problem !== undefined) diagnostics.push(problem);
    }
  }
  return diagnostics;
}

/** A module the page asks for that webpack cannot find: the bundle does not compile, whatever the settings. */
function moduleProblem(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, documentUri: string, module: MdxModule): GlossaryDiagnostic | undefined {
  const target = moduleTarget(site, documentUri, module.request, (uri) => index.whatIsAt(uri));
  if (target?.kind !== 'missing') return undefined;
  const message = target.near === undefined
    ? l10n.t('No module at "{0}": webpack looks for {1}, also with the extensions {2} and as a folder with an index file, and the Docusaurus build fails.', module.request, placesOf(site, target.places), MODULE_EXTENSIONS.join(', '))
    : l10n.t('No module at "{0}": webpack adds no .md or .mdx to a path, so the Docusaurus build fails. Write "{1}".', module.request, target.near);
  return { range: module.range, severity: 'error', code: 'broken-import', message, breaksBuild: true, ...(target.near === undefined ? {} : { suggestion: target.near }) };
}

function imageProblem(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, documentUri: string, target: string, range: Range): GlossaryDiagnostic | undefined {
  const policy = site.docusaurus.onBrokenMarkdownImages;
  const image = imageTarget(site, documentUri, target);
  if (image === undefined) return undefined;
  if (image.kind === 'undecodable') return undecodable(target, range);
  const broken = (message: string): GlossaryDiagnostic | undefined =>
    policy === 'ignore' ? undefined : { range, severity: 'warning', code: 'broken-image', message, ...failsBuildOn(policy === 'throw') };
  if (image.kind === 'empty') return broken(l10n.t('The image names no file.'));
  // The first place where something is decides, as Docusaurus looks at them in order.
  const found = firstFound(index, image.candidates, (kind) => kind !== 'none');
  if (found === undefined) return undefined;
  if (found === 'none') return broken(l10n.t('No image at "{0}": Docusaurus looks for it at {1}.', target, placesOf(site, image.candidates)));
  if (index.whatIsAt(found) !== 'folder') return undefined;
  return { range, severity: 'warning', code: 'broken-image', message: l10n.t('"{0}" names the folder {1}, which Docusaurus cannot make an image of: the build fails.', target, placesOf(site, [found])), breaksBuild: true };
}

function linkProblem(index: GlossaryIndex, site: Extract<Site, { generator: 'docusaurus' }>, documentUri: string, link: MarkdownLink): GlossaryDiagnostic | undefined {
  const { onBrokenLinks, onBrokenMarkdownLinks } = site.docusaurus;
  const kind = linkKindOf(link.target);
  if (kind === 'other' || !isSitePath(link.target)) return undefined;
  // Where the link leads as a URL: asked only of a link that is broken unless a page is there.
  let lead: ReturnType<typeof linkedDocument> | undefined;
  const reached = () => (lead ??= linkedDocument(index, documentUri, link.target, link.targetUri));
  // A route where a page of another kind may be (a blog post's `/blog/releases/10.26`), or a relative path from a page whose route
  // is not known here (a blog post's `./v0.14`, which the build leaves as a URL): only a common file type (`.pdf`) surely names a file.
  const unjudged = () => (reached().kind === 'none' || (reached().kind === 'route' && !judgedAsNoPage(index, site, reached().path!))) && !namesCommonFileType(link.target);
  const broken = (message: string, policy: BrokenLinkPolicy): GlossaryDiagnostic | undefined =>
    policy === 'ignore' || reached().document !== undefined ? undefined : { range: link.targetRange, severity: 'warning', code: 'broken-link', message, ...failsBuildOn(policy === 'throw') };
  // Of a reference's target, Docusaurus makes no file: it is a route (the definition of an image's reference is no link).
  if (link.defined) return link.referenced && !unjudged() ? broken(l10n.t('No page at "{0}": Docusaurus makes a file only of an inline link\'s target ([text](path)), not of a reference\'s.', link.target), onBrokenLinks) : undefined;
  // A link to an .html file is to a route: Docusaurus bundles no such file. The theme's 404 page is one, in each locale.
  if (kind === 'html' && reached().kind === 'route' && isNotFoundPage(site, reached().path!)) return undefined;
  if (kind === 'html') return broken(l10n.t('No page at "{0}": Docusaurus looks for a link to an .html file among its pages only.', link.target), onBrokenLinks);
  const file = linkedFileTarget(site, documentUri, link.target);
  if (file === undefined) return undefined;
  if (file.kind === 'undecodable') return undecodable(link.target, link.targetRange);
  if (file.kind !== 'file' || firstFound(index, file.candidates, (found) => found === 'file') !== 'none') return undefined;
  // Not found, an `@site/` path is a broken Markdown link, and stays a link to a URL as any other.
  const siteAlias = link.target.startsWith('@site/');
  const policy = siteAlias ? strictest(onBrokenLinks, onBrokenMarkdownLinks) : onBrokenLinks;
  if (!siteAlias && (reached().document !== undefined || unjudged())) return undefined;
  return broken(l10n.t('No file at "{0}": Docusaurus looks for it at {1}.', link.target, placesOf(site, file.candidates)), policy);
}

/** Whether a URL path is the theme's 404 page (`/404.html`, `/fr/404.html`), which every build has. */
function isNotFoundPage(site: Extract<Site, { generator: 'docusaurus' }>, path: string): boolean {
  const { baseUrl, locales, defaultLocale } = site.docusaurus;
  return [baseUrl, ...locales.filter((locale) => locale !== defaultLocale).map((locale) => `${baseUrl}${locale}/`)].some((base) => path === `${base}404.html`);
}

/**
 * Of the places a file may be at, the first where `counts` holds; `none` where it holds nowhere;
 * undefined where a place before that cannot be looked at: a file not known missing is not reported.
 */
function firstFound(index: GlossaryIndex, candidates: string[], counts: (kind: PathKind) => boolean): string | 'none' | undefined {
  for (const uri of candidates) {
    const kind = index.whatIsAt(uri);
    if (kind === undefined) return undefined;
    if (counts(kind)) return uri;
  }
  return 'none';
}

/** A path with a `%` that starts no escape: Docusaurus's loader fails to decode it, and the page does not compile. */
function undecodable(target: string, range: Range): GlossaryDiagnostic {
  return {
    range,
    severity: 'error',
    code: 'invalid-mdx',
    // The cause last, as Docusaurus gives it: "URI malformed".
    message: l10n.t('MDX cannot compile this page, so the Docusaurus build fails: a "%" in "{0}" starts no escape (write "%25" for it): URI malformed', target),
    suggestion: target.replace(/%(?![0-9a-f]{2})/gi, '%25'),
    breaksBuild: true,
  };
}

/** The places a file was looked for, relative to the site's folder: `docs/img/logo.png`, `static/img/logo.png`. */
function placesOf(site: Site, candidates: string[]): string {
  const siteFolder = uriPath(site.rootUri);
  return candidates.map((uri) => `"${uriPath(uri).slice(siteFolder.length + 1)}"`).join(l10n.t(' or '));
}

const POLICY_ORDER: readonly BrokenLinkPolicy[] = ['ignore', 'log', 'warn', 'throw'];

function strictest(a: BrokenLinkPolicy, b: BrokenLinkPolicy): BrokenLinkPolicy {
  return POLICY_ORDER.indexOf(a) > POLICY_ORDER.indexOf(b) ? a : b;
}

function failsBuildOn(fails: boolean): { breaksBuild?: true } {
  return fails ? { breaksBuild: true } : {};
}
