import { generatorOfReader } from '../../common/generator';
import { RULES, type GlossaryDiagnostic } from '../../common/diagnostic';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../../common/settings';
import type { LineIndex, Range } from '../../common/text';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { TagsFile } from '../../parsing/tagsFile';
import type { SiteConfigProblems } from '../../site/siteTypes';
import { contentPluginFolderOf, inUnmodelledContentPlugin } from '../../site/docusaurus';
import { withoutDisabled } from './disabledRules';
import { glossaryDiagnostics } from './glossaryRules';
import { categoryDiagnostics, compiledAsMdx, duplicateRouteDiagnostics, sidebarCategoryDiagnostics, sidebarDiagnostics, siteDiagnostics } from './siteRules';
import { keyDiagnostics } from './keyRules';
import { hugoRefDiagnostics } from './hugoRefRules';
import { hugoShortcodeDiagnostics } from './hugoShortcodeRules';
import { linkDiagnostics } from './linkRules';
import { anchorDiagnostics } from './anchorRules';
import { assetDiagnostics } from './assetRules';
import { hugoAssetDiagnostics } from './hugoAssetRules';
import { notMentionsDiagnostics, unlinkedMentionDiagnostics } from './mentionRules';
import { tagDiagnostics } from './tagRules';
import { translationDiagnostics } from './translationRules';
import type { HistorySnapshot } from '../translationStatus';
import { isNoSitePage } from '../termLinks';

/**
 * Every problem in one document: what parsing found and what each rule finds, with the
 * severities the settings give (a rule set to "off" reports nothing), but for those the document's
 * `markdown-glossary-disable…` comments turn off. Unlinked mentions need the
 * document's text, and are only looked for when the settings ask for them; a translation's state
 * needs the history read beforehand.
 */
export function documentDiagnostics(
  index: GlossaryIndex,
  document: ParsedDocument,
  settings: GlossarySettings = DEFAULT_SETTINGS,
  lines?: LineIndex,
  history?: HistorySnapshot,
): GlossaryDiagnostic[] {
  // js-yaml, with which Docusaurus reads front matter, refuses a key written twice; Hugo's YAML keeps the last.
  const refusesDuplicateKeys = index.siteFor(document.uri)?.generator !== 'hugo';
  const parsed = document.diagnostics.some((diagnostic) => diagnostic.code === 'misplaced-front-matter') && inContentOfHugoSiteAbove(index, document.uri) ? document.diagnostics.filter((diagnostic) => diagnostic.code !== 'misplaced-front-matter') : document.diagnostics;
  // A file the site's generator never reads (notes beside the content, a README) breaks no build with its YAML.
  const readByNoGenerator = isNoSitePage(index, document.uri);
  const found = [
    ...parsed.map((diagnostic) => {
      if (diagnostic.code === 'duplicate-key' && refusesDuplicateKeys && !readByNoGenerator) return { ...diagnostic, breaksBuild: true as const };
      if (diagnostic.code === 'yaml-syntax' && diagnostic.breaksBuild && readByNoGenerator) {
        const { breaksBuild: _none, ...warning } = diagnostic;
        return warning;
      }
      return diagnostic;
    }),
    ...tagDiagnostics(index, document),
    ...keyDiagnostics(document, settings, index.siteFor(document.uri)?.generator, needsNoTitle(index, document.uri)),
    ...glossaryDiagnostics(index, document),
    ...linkDiagnostics(index, document),
    ...anchorDiagnostics(index, document),
    ...assetDiagnostics(index, document),
    ...hugoAssetDiagnostics(index, document),
    ...hugoRefDiagnostics(index, document),
    ...hugoShortcodeDiagnostics(index, document),
    ...siteDiagnostics(index, document),
    ...duplicateRouteDiagnostics(index, document),
    ...notMentionsDiagnostics(index, document),
    ...translationDiagnostics(index, document, settings, history),
    ...(settings.unlinkedMentions && lines !== undefined ? unlinkedMentionDiagnostics(index, document, lines) : []),
  ];
  // MDX's comment is a comment where the page is compiled as MDX; elsewhere the page shows it as text.
  const directives = document.directives.some((directive) => directive.mdxComment) && !compiledAsMdx(index, document) ? document.directives.filter((directive) => !directive.mdxComment) : document.directives;
  const diagnostics = withConfiguredSeverities(withoutDisabled(oneFindingPerPlace(found), directives), settings);
  return readByComputedChoice(index, document.uri) ? diagnostics.map((diagnostic) => withoutFailedBuild(diagnostic, settings)) : diagnostics;
}

/** Whether the docs instance of a page chooses by a computed option whether its build reads the page (see `DocusaurusInstance.filesChosenBy`). */
function readByComputedChoice(index: GlossaryIndex, uri: string): boolean {
  const site = index.siteFor(uri);
  const page = index.pageOf(uri);
  if (site?.generator !== 'docusaurus' || page?.generator !== 'docusaurus') return false;
  const instance = site.docusaurus.instances.find((candidate) => candidate.id === page.instance);
  return instance?.filesChosenBy !== undefined || (instance?.versionsChosenBy !== undefined && page.version !== 'current');
}

/** A finding that predicts no failed build, the build may not read its page: a warning, unless the settings make its rule an error. */
function withoutFailedBuild(diagnostic: GlossaryDiagnostic, settings: GlossarySettings): GlossaryDiagnostic {
  if (diagnostic.severity !== 'error' || settings.rules[diagnostic.code] !== undefined) return diagnostic;
  const { breaksBuild: _unknown, ...rest } = diagnostic;
  return { ...rest, severity: 'warning' };
}

/** A Hugo site's configuration, by its names Hugo looks for in a site's folder. */
const HUGO_CONFIG_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/**
 * Whether a file no site of the workspace reads lies in the `content/` folder of a Hugo site of its
 * own (a theme's user guide: `themes/docsy/userguide/`), which reads front matter after blank lines
 * as Hugo does. Looked for on disk, only for a file whose front matter follows blank lines.
 */
function inContentOfHugoSiteAbove(index: GlossaryIndex, uri: string): boolean {
  if (generatorOfReader(index.readerOf(uri)) === 'hugo') return false;
  const segments = uri.split('/');
  for (let at = segments.length - 2; at > 3; at--) {
    if (segments[at] !== 'content') continue;
    const siteFolder = segments.slice(0, at).join('/');
    if (HUGO_CONFIG_NAMES.some((name) => index.whatIsAt(`${siteFolder}/${name}`) === 'file')) return true;
  }
  return false;
}

/** The problems of a site's configuration file (`docusaurus.config.*`, `hugo.toml`, a sidebars or category file): the site model reads what it can. */
export function siteConfigDiagnostics(index: GlossaryIndex, problems: SiteConfigProblems, settings: GlossarySettings = DEFAULT_SETTINGS): GlossaryDiagnostic[] {
  return withConfiguredSeverities(
    [...problems.problems.map((problem): GlossaryDiagnostic => ({ range: problem.range, severity: 'error', code: 'site-config', message: problem.message })), ...sidebarDiagnostics(index, problems), ...categoryDiagnostics(index, problems), ...sidebarCategoryDiagnostics(index, problems)],
    settings,
  );
}

/** Rules that find, at the same place, what the site's generator also refuses. */
const ALSO_REFUSED_BY_THE_GENERATOR = new Set(['empty-tag', 'tags-not-a-list', 'invalid-id']);

/**
 * One finding per place: where a lint rule and the generator's check find the same value wrong,
 * the lint rule's finding stays, with its fixes, and the generator's verdict makes it an error.
 */
function oneFindingPerPlace(found: GlossaryDiagnostic[]): GlossaryDiagnostic[] {
  const refused = found.filter((diagnostic) => diagnostic.code === 'invalid-front-matter');
  if (refused.length === 0) return found;
  const sameAsRefused = (diagnostic: GlossaryDiagnostic) => ALSO_REFUSED_BY_THE_GENERATOR.has(diagnostic.code) && refused.some((other) => sameRange(other.range, diagnostic.range));
  const covered = (diagnostic: GlossaryDiagnostic) => diagnostic.code === 'invalid-front-matter' && found.some((other) => ALSO_REFUSED_BY_THE_GENERATOR.has(other.code) && sameRange(other.range, diagnostic.range));
  return found.filter((diagnostic) => !covered(diagnostic)).map((diagnostic) => (sameAsRefused(diagnostic) ? { ...diagnostic, breaksBuild: true as const } : diagnostic));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The problems of a tags file (YAML that does not parse, duplicate keys), as a document's are reported. */
export function tagsFileDiagnostics(tagsFile: TagsFile, settings: GlossarySettings = DEFAULT_SETTINGS): GlossaryDiagnostic[] {
  // Docusaurus reads tags.yml with js-yaml, which refuses a key written twice.
  return withConfiguredSeverities(tagsFile.diagnostics.map((diagnostic) => (diagnostic.code === 'duplicate-key' ? { ...diagnostic, breaksBuild: true as const } : diagnostic)), settings);
}

function withConfiguredSeverities(found: GlossaryDiagnostic[], settings: GlossarySettings): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const diagnostic of found) {
    const severity = settings.rules[diagnostic.code] ?? (diagnostic.breaksBuild ? 'error' : RULES[diagnostic.code]);
    if (severity !== 'off') diagnostics.push({ ...diagnostic, severity });
  }
  return diagnostics;
}

/**
 * Whether a page needs no title of its own: a Hugo section's `_index` file (titled by its folder), a
 * page Hugo does not render, a Docusaurus blog post or Markdown page of `src/pages` or a translation
 * of one (titled by its file name or its site), none of them a glossary entry.
 */
function needsNoTitle(index: GlossaryIndex, uri: string): boolean {
  const site = index.siteFor(uri);
  if (site?.generator === 'docusaurus') return contentPluginFolderOf(site.docusaurus, uri) !== undefined || inUnmodelledContentPlugin(site.docusaurus, site.rootUri, uri);
  return index.isHugoSectionFile(uri) || index.pageOf(uri)?.unpublishedReason === 'not-rendered';
}
