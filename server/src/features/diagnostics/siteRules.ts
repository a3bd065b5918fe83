import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { relativePath } from '../../common/uris';
import { PAGINATION_KEYS, type GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { MdxProblem } from '../../parsing/mdx';
import type { DocusaurusSite } from '../../site/docusaurus';
import { docusaurusFrontMatterProblems } from '../../site/docusaurusFrontMatter';
import type { SiteConfigProblems, SitePage } from '../../site/siteTypes';

/**
 * The doc ids a sidebars file names that no doc of its version has (built, or a draft, which
 * Docusaurus takes out of the sidebar): Docusaurus refuses to build.
 */
export function sidebarDiagnostics(index: GlossaryIndex, config: SiteConfigProblems): GlossaryDiagnostic[] {
  const site = index.siteFor(config.uri);
  if (config.sidebars === undefined || site?.generator !== 'docusaurus') return [];
  const { instance, version, references } = config.sidebars;
  const place = { instance, version, locale: site.docusaurus.defaultLocale };
  return references
    .filter((reference) => !index.isSidebarDocId(place, reference.id))
    .map((reference) => ({
      range: reference.range,
      severity: 'error',
      code: 'site-config',
      message: l10n.t('Docusaurus refuses to build: this sidebar names the doc id "{0}", which no document of this version has.', reference.id),
      breaksBuild: true,
    }));
}

/**
 * What the site's generator refuses to build a page for: front-matter values Docusaurus's
 * validator rejects, a slug that is no URL path, two docs with one doc id in the same instance,
 * version and locale, a `pagination_next` or `pagination_prev` naming no doc of the version, a page MDX cannot compile. Each fails the build, so each is an error unless the settings say otherwise.
 */
export function siteDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  const frontMatter = document.frontMatter;
  if (site === undefined || page === undefined || site.generator !== 'docusaurus' || page.unpublishedReason === 'underscore' || page.unpublishedReason === 'excluded') return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const fields = frontMatter?.fields ?? [];
  // Front matter that does not parse stops the build before any value is judged: its own error says so.
  const parses = !document.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  for (const problem of parses ? docusaurusFrontMatterProblems(fields) : []) {
    diagnostics.push({ range: problem.range, severity: 'error', code: 'invalid-front-matter', message: problem.message, breaksBuild: true });
  }
  for (const problem of page.problems) {
    const range = fields.find((field) => field.key === problem.key)?.valueRange ?? frontMatter?.range ?? zeroRange;
    diagnostics.push({ range, severity: 'error', code: 'invalid-front-matter', message: problem.message, breaksBuild: true });
  }
  for (const problem of parses && page.published ? mdxProblemsOf(site.docusaurus, page, document) : []) {
    const fix = problem.fix === undefined ? {} : { edit: { range: problem.fix.range, newText: problem.fix.newText }, subject: problem.fix.kind };
    diagnostics.push({ range: problem.range, severity: 'error', code: 'invalid-mdx', message: mdxMessage(problem), breaksBuild: true, ...fix });
  }
  if (page.published) {
    const others = index.documentsWithDocId(page).filter((uri) => uri !== document.uri);
    if (others.length > 0) {
      const idField = fields.find((field) => field.key === 'id');
      diagnostics.push({
        range: idField?.valueRange ?? frontMatter?.range ?? zeroRange,
        severity: 'error',
        code: 'duplicate-id',
        message: l10n.t('Docusaurus refuses to build: another document has the doc id "{0}": {1}', page.docId, others.map((other) => relativePath(document.uri, other)).join(', ')),
        related: others.map((other) => ({ uri: other, range: idRangeOf(index, other), message: l10n.t('Same id') })),
        breaksBuild: true,
      });
    }
  }
  if (page.published) {
    for (const field of fields) {
      if (!PAGINATION_KEYS.has(field.key) || typeof field.value !== 'string' || field.value === '') continue;
      if (index.isBuiltDocId(page, field.value, site.docusaurus.defaultLocale)) continue;
      diagnostics.push({
        range: field.valueRange,
        severity: 'error',
        code: 'invalid-front-matter',
        message: l10n.t('Docusaurus refuses to build: {0} names the doc id "{1}", which no built document of this version has.', field.key, field.value),
        breaksBuild: true,
      });
    }
  }
  return diagnostics;
}

/**
 * The page's MDX problems where Docusaurus compiles it as MDX: by the `mdx.format` of its front
 * matter, else the site's `markdown.format` (`mdx` by default; `detect`: `.mdx` files only), read
 * with or without MDX 1's syntax as the site says, and only where no setting may change how MDX
 * reads it; compiled as CommonMark, only on its addresses. A component the site's MDX components
 * provide is defined on every page; a site with MDX components of its own may provide any.
 */
function mdxProblemsOf(site: DocusaurusSite, page: SitePage, document: ParsedDocument): MdxProblem[] {
  if (site.instances.find((instance) => instance.id === page.instance)?.mdxSyntaxChangedBy !== undefined) return [];
  // Compiled as CommonMark, only Docusaurus's link plugins can stop it.
  if (!compilesAsMdx(site, document)) return document.commonMarkProblems ?? [];
  const problems = site.mdx1Compat ? document.mdxProblems : (document.mdxStrictProblems ?? document.mdxProblems);
  if (problems === undefined) return [];
  const provided = site.mdxComponents;
  return problems.filter((problem) => problem.kind !== 'undefined-component' || (provided !== undefined && !provided.includes(problem.name)));
}

/** Whether Docusaurus compiles the page as MDX: by the `mdx.format` of its front matter, else the site's `markdown.format`. */
function compilesAsMdx(site: DocusaurusSite, document: ParsedDocument): boolean {
  const mdx = document.frontMatter?.fields.find((field) => field.key === 'mdx')?.value as { format?: unknown } | null | undefined;
  const format = typeof mdx === 'object' && mdx !== null && mdx.format !== undefined ? mdx.format : site.markdownFormat;
  return format === 'mdx' || (format === 'detect' && /\.mdx$/i.test(document.uri));
}

/** Whether the site of a file reads MDX 1's syntax (`markdown.mdx1Compat`): all but a Docusaurus site with `future.v4`. */
export function siteReadsMdx1Syntax(index: GlossaryIndex, uri: string): boolean {
  const site = index.siteFor(uri);
  return site?.generator !== 'docusaurus' || site.docusaurus.mdx1Compat;
}

/** Whether a page is compiled as MDX: a `.mdx` file, or a page Docusaurus compiles as MDX (`markdown.format`, `mdx.format`). */
export function compiledAsMdx(index: GlossaryIndex, document: ParsedDocument): boolean {
  if (/\.mdx$/i.test(document.uri)) return true;
  const site = index.siteFor(document.uri);
  return site?.generator === 'docusaurus' && compilesAsMdx(site.docusaurus, document);
}

/** Whether a page's comments must be MDX's: in `.mdx` files, and where Docusaurus compiles it as MDX and reads no HTML comments (`future.v4`). */
export function takesMdxCommentsOnly(index: GlossaryIndex, document: ParsedDocument): boolean {
  return compiledAsMdx(index, document) && (/\.mdx$/i.test(document.uri) || !siteReadsMdx1Syntax(index, document.uri));
}

function mdxMessage(problem: MdxProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return l10n.t('MDX cannot compile this page, so the Docusaurus build fails: {0}', problem.message);
    case 'undefined-name':
      return l10n.t('Docusaurus cannot render this page, so the build fails: "{0}" is not defined. MDX reads what is between braces as JavaScript; write \\{ for a brace.', problem.name);
    case 'undefined-component':
      return l10n.t('Docusaurus cannot render this page, so the build fails: the component <{0}> is not defined. Import it, or write \\< for an angle bracket.', problem.name);
    case 'read-only-export':
      return l10n.t('Docusaurus cannot render this page, so the build fails: it sets every export of a page on the page\'s component, whose "{0}" cannot be changed. Give the export another name.', problem.name);
    case 'object-child':
      return l10n.t('Docusaurus cannot render this page, so the build fails: React cannot show an object ({0}) as text. Show one of its values, or write \\{ for a brace.', problem.name);
    case 'style-text':
      return l10n.t('Docusaurus cannot render this page, so the build fails: React takes the style of <{0}> as an object ({1}), not as text.', problem.name, 'style={{ color: "red" }}');
    case 'void-children':
      return l10n.t('Docusaurus cannot render this page, so the build fails: <{0}> has no content in HTML, and React refuses any. Close it where it opens: <{0} />.', problem.name);
  }
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function idRangeOf(index: GlossaryIndex, uri: string) {
  const frontMatter = index.getDocument(uri)?.frontMatter;
  return frontMatter?.fields.find((field) => field.key === 'id')?.valueRange ?? frontMatter?.range ?? zeroRange;
}
