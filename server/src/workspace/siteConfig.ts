import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPathInside } from '../common/paths';
import { fileUri } from '../common/uris';
import { readCategoryFile } from '../site/docusaurusCategories';
import { readDocusaurusConfig, readDocusaurusSidebars } from '../site/docusaurusConfig';
import { builtVersionsOf, readsDocsFile, type DocusaurusInstance } from '../site/docusaurus';
import { HUGO_INNER_SHORTCODES, HUGO_SHORTCODES, hugoSiteOf, type HugoSite } from '../site/hugo';
import { HUGO_CONFIG_FILE_NAMES, readHugoConfigFiles } from '../site/hugoConfig';
import { defaultDocusaurusSite, type Site } from '../site/site';
import type { ConfigProblem, DocusaurusDocsOptions, SiteConfigProblems } from '../site/siteTypes';
import { LineIndex, type Range } from '../common/text';
import { readTextFileNow } from './fileReading';
import { type GlossaryScope, type Logger } from './files';

const DOCUSAURUS_CONFIG_FILE_NAMES = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts', 'docusaurus.config.cts'];
/** Configuration files are small; a larger one is no configuration to read. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** How many folders directly below a workspace folder are looked into for a site (`website/`). */
const MAX_FOLDERS_LOOKED_INTO = 200;
const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;

/**
 * The sites the glossary's folders belong to, read without running anything: a Docusaurus or Hugo
 * configuration in a folder the glossary starts from, in one of its ancestors inside the workspace,
 * or in the folders directly below it (`website/`, every one that has one); else the layout decides (a `content/<language>/`
 * folder is a Hugo site, anything else a Docusaurus site whose docs folder is `docs/` or the
 * folder itself), and the log says what was assumed.
 */
export function findSites(
  starts: readonly string[],
  scope: GlossaryScope,
  log: Logger,
  generator: 'auto' | 'docusaurus' | 'hugo' = 'auto',
  /** More folders whose configured site counts (the CLI's paths in a larger workspace), with none assumed for them. */
  configuredOnly: readonly string[] = [],
): { sites: Site[]; configProblems: SiteConfigProblems[] } {
  const sites = new Map<string, Site>();
  const configProblems: SiteConfigProblems[] = [];
  const lookedInto = new Map<string, Site[]>();
  for (const given of [...starts, ...configuredOnly]) {
    const start = isFolder(given) ? given : path.dirname(given);
    // Read once, however many starts lie below it: its log lines and problems once.
    const sitesIn = (folder: string) => {
      if (!lookedInto.has(folder)) lookedInto.set(folder, configuredSites(folder, scope, log, generator, configProblems));
      return lookedInto.get(folder)!;
    };
    let found: Site[] = [];
    for (const folder of foldersUpTo(start, scope)) {
      found = sitesIn(folder);
      if (found.length > 0) break;
    }
    // Below it, every site: a repository may hold several side by side (`website/`, `handbuch/`).
    if (found.length === 0) found = childFolders(start).flatMap(sitesIn);
    if (found.length === 0 && starts.includes(given)) found = [assumedSite(start, log, generator)];
    for (const site of found) if (!sites.has(site.rootUri)) sites.set(site.rootUri, site);
  }
  return { sites: [...sites.values()], configProblems };
}

/** A folder and its ancestors, nearest first, as far as the workspace folder that holds it. */
function foldersUpTo(start: string, scope: GlossaryScope): string[] {
  const root = scope.roots.filter((candidate) => isPathInside(candidate, start, true)).sort((a, b) => b.length - a.length)[0] ?? start;
  const folders = [start];
  for (let folder = start; folder !== root && path.dirname(folder) !== folder; ) {
    folder = path.dirname(folder);
    folders.push(folder);
  }
  return folders;
}

/** Whether a file (by URI or path) is one a site is configured by: its change changes every route. */
export function isSiteConfigFile(uriOrPath: string): boolean {
  const name = uriOrPath.slice(uriOrPath.lastIndexOf('/') + 1);
  // The sidebars file by its usual name (`sidebarPath: './sidebars.js'`); one named otherwise is read again with the configuration.
  return (
    DOCUSAURUS_CONFIG_FILE_NAMES.includes(name) ||
    HUGO_CONFIG_FILE_NAMES.includes(name) ||
    /^(?:[\w-]+_)?versions\.json$/.test(name) ||
    /^sidebars\.(?:[cm]?[jt]s|json)$/.test(name) ||
    /^version-.+-sidebars\.json$/.test(name) ||
    /^_category_\.(?:json|ya?ml)$/.test(name) ||
    /\/config\/(?:_default|production)\/(?:.*\/)?[^/]+\.(?:toml|ya?ml|json)$/i.test(uriOrPath.replace(/\\/g, '/')) ||
    // A Hugo shortcode's template, the site's or a theme's: the shortcodes pages may use.
    /\/layouts\/shortcodes\//.test(uriOrPath.replace(/\\/g, '/'))
  );
}

function isFolder(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

function childFolders(root: string): string[] {
  try {
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .slice(0, MAX_FOLDERS_LOOKED_INTO)
      .map((entry) => path.join(root, entry.name));
  } catch {
    return [];
  }
}

function configuredSites(folder: string, scope: GlossaryScope, log: Logger, generator: string, configProblems: SiteConfigProblems[]): Site[] {
  const read = (name: string) => {
    const file = path.join(folder, name);
    if (!fs.existsSync(file) || !scope.isReachable(file)) return undefined;
    const text = readTextFileNow(file, log, MAX_CONFIG_BYTES);
    return text === undefined ? undefined : { file, text };
  };
  if (generator !== 'hugo') {
    for (const name of DOCUSAURUS_CONFIG_FILE_NAMES) {
      const config = read(name);
      if (config === undefined) continue;
      const facts = readDocusaurusConfig(config.text, name);
      if (facts.problems.length > 0) configProblems.push({ uri: fileUri(config.file), problems: facts.problems });
      for (const computed of facts.notLiteral) log(`${config.file}: ${computed.key} is computed, not written as a value; its default is assumed.`);
      const site = defaultDocusaurusSite(fileUri(folder));
      const docusaurus = site.docusaurus;
      docusaurus.baseUrl = normalizedBaseUrl(facts.baseUrl ?? '/');
      docusaurus.defaultLocale = facts.defaultLocale ?? 'en';
      docusaurus.locales = facts.locales ?? [docusaurus.defaultLocale];
      docusaurus.onBrokenLinks = facts.onBrokenLinks ?? 'throw';
      if (facts.onDuplicateRoutes !== undefined) docusaurus.onDuplicateRoutes = facts.onDuplicateRoutes;
      docusaurus.onBrokenMarkdownLinks = facts.onBrokenMarkdownLinks ?? 'warn';
      if (facts.onBrokenMarkdownImages !== undefined) docusaurus.onBrokenMarkdownImages = facts.onBrokenMarkdownImages;
      docusaurus.contentFolders = (facts.contentFolders ?? []).map((contentFolder) => fileUri(path.resolve(folder, contentFolder)));
      docusaurus.pagesFolders = (facts.pagesFolders ?? []).map((pages) => ({ uri: fileUri(path.resolve(folder, pages.folder)), routeBasePath: pages.routeBasePath }));
      docusaurus.staticFolders = facts.staticDirectoriesComputed ? undefined : (facts.staticDirectories ?? ['static']).map((folderPath) => fileUri(path.resolve(folder, folderPath)));
      docusaurus.trailingSlash = facts.trailingSlash;
      docusaurus.markdownFormat = facts.markdownFormat ?? 'mdx';
      docusaurus.mdx1Compat = facts.mdx1Compat !== false;
      const packageJson = read('package.json')?.text;
      const installed = read(path.join('node_modules', '@docusaurus', 'core', 'package.json'))?.text;
      const version = docusaurusVersionOf(installed, packageJson);
      // `future.v4` turns MDX 1's syntax off from Docusaurus 3.10 on, where `mdx1CompatDisabledByDefault` came.
      if (facts.mdx1CompatOffByV4 && version !== undefined && (version[0] < 3 || (version[0] === 3 && version[1] < 10))) {
        docusaurus.mdx1Compat = true;
        log(`${config.file}: future.v4 leaves MDX 1's syntax on in Docusaurus ${version.join('.')}.`);
      }
      if (hasOwnMdxComponents(folder)) {
        docusaurus.mdxComponents = undefined;
        log(`${path.join(folder, 'src', 'theme', 'MDXComponents')}: the site provides MDX components of its own; the components its pages name are not checked.`);
      }
      const olderDocusaurus = docusaurusBefore3(packageJson);
      const olderMdx = olderDocusaurus ? [`package.json (Docusaurus ${olderDocusaurus}, whose MDX 1 reads pages otherwise)`] : [];
      const contentMdxChangedBy = [...olderMdx, ...(facts.mdxSyntaxChangedBy ?? []), ...(facts.contentMdxChangedBy ?? [])][0];
      if (contentMdxChangedBy !== undefined) docusaurus.contentMdxChangedBy = contentMdxChangedBy;
      docusaurus.instances = facts.docs.map((options) => {
        const mdxSyntaxChangedBy = [...olderMdx, ...(facts.mdxSyntaxChangedBy ?? []), ...(options.mdxSyntaxChangedBy ?? [])][0];
        if (mdxSyntaxChangedBy !== undefined) log(`${config.file}: ${mdxSyntaxChangedBy} may change how MDX reads the pages of docs instance "${options.id ?? 'default'}"; whether MDX compiles them is not checked.`);
        return {
          ...withVersionOptions(instanceOf(folder, options.id ?? 'default', options.path ?? 'docs', options.routeBasePath ?? 'docs', log), options, (problem) => problemIn(configProblems, config.file, problem)),
          parsesNumberPrefixes: options.numberPrefixParser !== false,
          ...(options.include === undefined ? {} : { include: options.include }),
          ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
          ...(mdxSyntaxChangedBy === undefined ? {} : { mdxSyntaxChangedBy }),
          ...(options.onInlineTags === undefined ? {} : { onInlineTags: options.onInlineTags }),
        };
      });
      facts.docs.forEach((options, position) => checkVersions(folder, options, docusaurus.instances[position], (file, problem) => problemIn(configProblems, file ?? config.file, problem), log));
      facts.docs.forEach((options, position) => readSidebarsAndCategories(folder, config.file, options, docusaurus.instances[position], scope, configProblems, log));
      log(`Site: Docusaurus, configured by ${config.file}: ${docusaurus.instances.map((instance) => `${instance.path || '.'} at /${instance.routeBasePath}`).join(', ') || 'no docs'}; locales ${docusaurus.locales.join(', ')}.`);
      return [site];
    }
  }
  if (generator !== 'docusaurus') {
    // `config.yaml` is a common name: Hugo's beside `content/` or `themes/`, or where it names another content folder.
    const files = hugoConfigFilesIn(folder, HUGO_SITE_FOLDERS.some((name) => fs.existsSync(path.join(folder, name))), scope, log);
    if (files.length > 0) {
      const [facts, problems] = readHugoConfigFiles(files.map((file) => ({ text: file.text, fileName: file.file, ...(file.inFolder ? { inFolder: true as const } : {}) })));
      files.forEach((file, position) => {
        if (problems[position].length > 0) configProblems.push({ uri: fileUri(file.file), problems: problems[position] });
      });
      const hugo = hugoSiteOf({ ...facts, problems: [] });
      const shortcodes = hugoShortcodesIn(folder, hugo, scope, log);
      if (shortcodes !== undefined) [hugo.shortcodes, hugo.innerShortcodes] = [shortcodes.names, shortcodes.inner];
      log(`Site: Hugo, configured by ${files.map((file) => file.file).join(', ')}: languages ${hugo.languages.map((language) => `${language.code} in ${language.contentDir}`).join(', ')}.`);
      return [{ generator: 'hugo', rootUri: fileUri(folder), hugo, now: new Date() }];
    }
  }
  return [];
}

/**
 * Folders a Hugo site has beside its configuration, and no theme's repository has (which keeps its
 * defaults in a `config.toml` beside `layouts/`).
 */
const HUGO_SITE_FOLDERS = ['content', 'themes'];

/**
 * Whether a `config.*` file names the folder a Hugo site's content is in, `contentDir` (the site's,
 * or a language's: `[languages.en] contentDir = 'content.en'`): without a `content/` folder beside
 * it, a Hugo site must. Other keys say too little: an app's `config.json` has a `baseUrl`, Marp's
 * `config.yaml` a `theme`.
 */
function setsHugoOnlyKey(text: string): boolean {
  return /^[ \t]*["']?contentDir["']?[ \t]*[=:]/im.test(text);
}

/**
 * The files of a Hugo configuration in a folder, in the order Hugo sets them over each other: the
 * root file (`hugo.toml`; `config.toml` where `configNames` or it sets a key only Hugo reads), then Hugo's configuration folders,
 * the default's and then the production build's (what `hugo` builds). `config/_default/` is Hugo's
 * own name, a site of its own even without `content/` (`contentDir`).
 */
function hugoConfigFilesIn(folder: string, configNames: boolean, scope: GlossaryScope, log: Logger): Array<{ file: string; text: string; inFolder: boolean }> {
  let root: { file: string; text: string } | undefined;
  for (const name of HUGO_CONFIG_FILE_NAMES) {
    const file = path.join(folder, name);
    if (root !== undefined || !fs.existsSync(file) || !scope.isReachable(file)) continue;
    const text = readTextFileNow(file, log, MAX_CONFIG_BYTES);
    if (text !== undefined && (configNames || !name.startsWith('config.') || setsHugoOnlyKey(text))) root = { file, text };
  }
  const folderFiles = HUGO_CONFIG_FOLDERS.flatMap((configFolder) => configFilesIn(path.join(folder, configFolder), scope, log));
  return [...(root === undefined ? [] : [{ ...root, inFolder: false }]), ...folderFiles];
}

/** At most this many files below a site's or theme's `layouts/shortcodes`: past it, the shortcodes are not judged. */
const MAX_SHORTCODE_TEMPLATES = 10_000;

/**
 * The shortcodes a Hugo site has templates for: Hugo's own, the site's `layouts/shortcodes/` and its
 * themes' (`box/inner.html` and `box/inner.en.html` define `box/inner`), and of those the ones whose
 * templates read `.Inner` (see `readsInner`): all of a name's in the first folder that has it, the
 * site's before the themes', which Hugo takes. Undefined where some may lie where the workspace
 * does not show them: modules, a theme that is not on disk or that uses themes of its own, more
 * templates than are read.
 */
function hugoShortcodesIn(folder: string, hugo: HugoSite, scope: GlossaryScope, log: Logger): { names: ReadonlySet<string>; inner: ReadonlySet<string> } | undefined {
  const unknown = (why: string) => {
    log(`${folder}: ${why}; shortcodes are not checked.`);
    return undefined;
  };
  if (hugo.importsModules || fs.existsSync(path.join(folder, 'go.mod'))) return unknown('the site uses Hugo modules');
  const layouts = path.resolve(folder, hugo.layoutDir);
  if (!isPathInside(folder, layouts, true)) return unknown(`its layoutDir lies outside the site's folder`);
  const templateFolders = [path.join(layouts, 'shortcodes')];
  for (const theme of hugo.themes) {
    const themeFolder = path.resolve(folder, hugo.themesDir, theme);
    if (!isPathInside(folder, themeFolder)) return unknown(`the theme ${theme} lies outside the site's folder`);
    if (!fs.existsSync(themeFolder)) return unknown(`the theme ${theme} is not in ${path.join(folder, hugo.themesDir)}`);
    // A theme's own configuration may bring in more themes or modules, whose templates count too.
    const [themeFacts] = readHugoConfigFiles(hugoConfigFilesIn(themeFolder, true, scope, log).map((file) => ({ text: file.text, fileName: file.file, ...(file.inFolder ? { inFolder: true as const } : {}) })));
    if ((themeFacts.themes ?? []).length > 0 || themeFacts.importsModules) return unknown(`the theme ${theme} uses themes or modules of its own`);
    templateFolders.push(path.join(themeFolder, 'layouts', 'shortcodes'));
  }
  const names = new Set<string>(HUGO_SHORTCODES);
  const inner = new Set<string>(HUGO_INNER_SHORTCODES);
  const defined = new Set<string>();
  let files = 0;
  for (const templateFolder of templateFolders) {
    // A name this folder has templates for, and whether each of them reads `.Inner`.
    const readsInnerByName = new Map<string, boolean>();
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(templateFolder, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      // Hugo follows a link to a template; it skips an editor's backup (`note.html~`).
      if ((!entry.isFile() && !entry.isSymbolicLink()) || entry.name.endsWith('~')) continue;
      if (++files > MAX_SHORTCODE_TEMPLATES) return unknown(`more than ${MAX_SHORTCODE_TEMPLATES} shortcode templates`);
      const relative = path.relative(templateFolder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      // `note.html`, `note.en.html`, `note.amp.html`: the name before the first dot (Hugo allows
      // no dot in a shortcode's name but an inline one's). As written: Hugo finds `Note.html` by `Note` only.
      const firstDot = relative.indexOf('.', relative.lastIndexOf('/') + 1);
      const name = firstDot === -1 ? relative : relative.slice(0, firstDot);
      readsInnerByName.set(name, (readsInnerByName.get(name) ?? true) && readsInner(path.join(entry.parentPath, entry.name)));
    }
    for (const [name, reads] of readsInnerByName) {
      // A folder before this one had the name: Hugo takes that template.
      if (defined.has(name)) continue;
      defined.add(name);
      names.add(name);
      if (reads) inner.add(name);
      else inner.delete(name);
    }
  }
  return { names, inner };
}

/** A shortcode template larger than this is taken to read `.Inner` or not as its first part says. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/**
 * Whether a shortcode template reads `.Inner` or `.InnerDeindent` outside its comments, as Hugo's
 * parse of it says: then a use of the shortcode must be closed or close itself.
 */
function readsInner(file: string): boolean {
  let text: string;
  try {
    const handle = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES);
      text = buffer.toString('utf8', 0, fs.readSync(handle, buffer, 0, MAX_TEMPLATE_BYTES, 0));
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return false;
  }
  return /\.Inner(?:Deindent)?\b/.test(text.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, ''));
}

/** Hugo's configuration folders, from the least to the most specific: `config/_default`, then the environment's. */
const HUGO_CONFIG_FOLDERS = [path.join('config', '_default'), path.join('config', 'production')];

/** The configuration files of a Hugo configuration folder and its folders, in the order Hugo walks them (by name). */
function configFilesIn(configFolder: string, scope: GlossaryScope, log: Logger): Array<{ file: string; text: string; inFolder: true }> {
  let names: string[];
  try {
    names = (fs.readdirSync(configFolder, { recursive: true }) as string[]).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(configFolder, name);
    if (!/\.(?:toml|ya?ml|json)$/i.test(name) || !scope.isReachable(file) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return [];
    const text = readTextFileNow(file, log, MAX_CONFIG_BYTES);
    return text === undefined ? [] : [{ file, text, inFolder: true as const }];
  });
}

/** The site a workspace folder without configuration is taken to be, from its layout. */
function assumedSite(root: string, log: Logger, generator: string): Site {
  const languages = generator === 'docusaurus' ? [] : languageFolders(path.join(root, 'content'));
  if (generator === 'hugo' || languages.length > 0) {
    const defaultContentLanguage = languages.includes('en') || languages.length === 0 ? 'en' : languages[0];
    const hugo = hugoSiteOf({
      defaultContentLanguage,
      languages: languages.map((code) => ({ code, contentDir: `content/${code}` })),
      problems: [],
    });
    log(`Site: no configuration found in ${root}; assumed a Hugo site with the defaults${languages.length > 0 ? `, languages ${languages.join(', ')} in content/<language>` : ''}.`);
    return { generator: 'hugo', rootUri: fileUri(root), hugo, now: new Date(), assumed: true };
  }
  const hasDocsFolder = fs.existsSync(path.join(root, 'docs'));
  // Without a docs folder, the workspace folder is the docs folder: its site lies one folder up.
  const siteFolder = hasDocsFolder ? root : path.dirname(root);
  const docsPath = hasDocsFolder ? 'docs' : path.basename(root);
  const site = defaultDocusaurusSite(fileUri(siteFolder), docsPath);
  site.docusaurus.locales = [...new Set(['en', ...languageFolders(path.join(root, 'i18n'))])];
  site.docusaurus.instances = [instanceOf(siteFolder, 'default', docsPath, 'docs', log)];
  log(`Site: no configuration found in ${root}; assumed a Docusaurus site with the defaults, docs in ${hasDocsFolder ? path.join(root, 'docs') : root} at /docs.`);
  return { ...site, assumed: true };
}

/**
 * The sidebars and category files of each version a docs instance builds: the current version's
 * sidebars file, when the configuration names one (Docusaurus refuses to build when it is
 * missing; without `sidebarPath` its sidebar is generated from the folders), each version's
 * `versioned_sidebars/version-<v>-sidebars.json` (none: no sidebar), and every `_category_` file
 * of the version's folder. Their doc ids are checked against the docs of their version
 * (`siteConfigDiagnostics`), unless the workspace leaves out docs of that version (settings,
 * ignore files), whose ids it cannot know.
 */
function readSidebarsAndCategories(siteFolder: string, configFile: string, options: DocusaurusDocsOptions, instance: DocusaurusInstance, scope: GlossaryScope, configProblems: SiteConfigProblems[], log: Logger): void {
  const versionedPrefix = instance.id === 'default' ? '' : `${instance.id}_`;
  for (const version of builtVersionsOf(instance)) {
    const contentFolder = version === 'current' ? instance.path : path.join(`${versionedPrefix}versioned_docs`, `version-${version}`);
    let sidebarsFile: string | undefined;
    let autogenerated: string[] = [];
    // Without a file, no sidebar; the one generated from the folders is called `defaultSidebar`.
    let names: string[] | undefined = [];
    if (version !== 'current') {
      const file = path.join(siteFolder, `${versionedPrefix}versioned_sidebars`, `version-${version}-sidebars.json`);
      if (fs.existsSync(file)) sidebarsFile = file;
    } else if (options.sidebarPath === undefined) {
      autogenerated = ['.'];
      names = ['defaultSidebar'];
    } else if (options.sidebarPath.value !== false) {
      const { value, range, resolved } = options.sidebarPath;
      sidebarsFile = resolved ? resolvedModule(path.resolve(siteFolder, value)) : path.resolve(siteFolder, value);
      if (sidebarsFile === undefined || !fs.existsSync(sidebarsFile)) {
        sidebarsFile = undefined;
        names = undefined;
        problemIn(configProblems, configFile, { range, message: l10n.t('Docusaurus refuses to build: the sidebars file "{0}" does not exist.', value) });
      }
    }
    const { unseen, categoryFiles } = lookThrough(path.join(siteFolder, contentFolder), instance, scope);
    if (unseen !== undefined) log(`${path.join(siteFolder, contentFolder)}: the workspace leaves out docs the site builds (${unseen}); the doc ids sidebars and categories name are not checked.`);
    const text = sidebarsFile === undefined ? undefined : readTextFileNow(sidebarsFile, log, MAX_CONFIG_BYTES);
    if (sidebarsFile !== undefined && text !== undefined) {
      const sidebars = readDocusaurusSidebars(text, sidebarsFile);
      autogenerated = sidebars.autogenerated;
      names = sidebars.names;
      configProblems.push({ uri: fileUri(sidebarsFile), problems: sidebars.problems, sidebars: { instance: instance.id, version, references: unseen === undefined ? sidebars.references : [] } });
    }
    if (names !== undefined) instance.sidebarNames = { ...instance.sidebarNames, [version]: names };
    for (const file of categoryFiles) {
      const categoryText = readTextFileNow(file, log, MAX_CONFIG_BYTES);
      if (categoryText === undefined) continue;
      const { link, generatedIndexSlug, problems } = readCategoryFile(categoryText);
      // A folder is a category where an autogenerated item's folder holds it, below that folder.
      const folder = path.relative(path.join(siteFolder, contentFolder), path.dirname(file)).split(path.sep).join('/');
      // The generated sidebar's own folder is no category: its `_category_` file is not read for one.
      const covered = autogenerated.some((dirName) => (dirName === '.' ? folder !== '' : folder.startsWith(`${dirName.replace(/^\.\//, '')}/`)));
      if (generatedIndexSlug !== undefined && covered) instance.generatedIndexSlugs = { ...instance.generatedIndexSlugs, [version]: [...(instance.generatedIndexSlugs?.[version] ?? []), generatedIndexSlug] };
      const category = link === undefined || unseen !== undefined ? {} : { category: { instance: instance.id, version, link, autogenerated: covered } };
      if (problems.length > 0 || link !== undefined) configProblems.push({ uri: fileUri(file), problems, ...category });
    }
  }
}

/** What `require.resolve` makes of a path: the file, else with `.js`, `.json` or `.node`, else the folder's `index.js`. */
function resolvedModule(file: string): string | undefined {
  return [file, `${file}.js`, `${file}.json`, `${file}.node`, path.join(file, 'index.js')].find((candidate) => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Files of a docs folder looked at before giving up: a real one holds a few thousand. */
const MAX_DOCS_LOOKED_AT = 200_000;

/**
 * What a version's folder holds besides the docs the index reads: a doc the plugin reads that the
 * workspace does not (its path), if there is one, and its `_category_.json|yml|yaml` files.
 */
function lookThrough(contentFolder: string, instance: DocusaurusInstance, scope: GlossaryScope): { unseen: string | undefined; categoryFiles: string[] } {
  const categoryFiles: string[] = [];
  let unseen: string | undefined;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(contentFolder, { recursive: true, withFileTypes: true }).slice(0, MAX_DOCS_LOOKED_AT);
  } catch {
    return { unseen, categoryFiles };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const segments = path.relative(contentFolder, file).split(path.sep);
    if (/^_category_\.(?:json|ya?ml)$/.test(entry.name) && !segments.some((segment) => segment.startsWith('.'))) categoryFiles.push(file);
    else if (unseen === undefined && readsDocsFile(instance, segments) && !scope.contains(file)) unseen = segments.join('/');
  }
  return { unseen, categoryFiles: categoryFiles.sort() };
}

/**
 * What Docusaurus refuses in a docs instance's versions: a versions file that is no list of valid
 * names, a version without its `versioned_docs/version-<v>/` folder, `disableVersioning` without a
 * versions file, and no version to build at all. `problem` takes the file (undefined: the configuration).
 */
function checkVersions(siteFolder: string, options: DocusaurusDocsOptions, instance: DocusaurusInstance, problem: (file: string | undefined, problem: ConfigProblem) => void, log: Logger): void {
  const versionsFile = path.join(siteFolder, instance.id === 'default' ? 'versions.json' : `${instance.id}_versions.json`);
  const text = fs.existsSync(versionsFile) ? readTextFileNow(versionsFile, log, MAX_CONFIG_BYTES) : undefined;
  const refused = (file: string | undefined, range: Range, message: string) => problem(file, { range, message: l10n.t('Docusaurus refuses to build: {0}', message) });
  if (text !== undefined) {
    const lines = new LineIndex(text);
    let names: unknown;
    try {
      names = JSON.parse(text);
    } catch {
      names = undefined;
    }
    if (!Array.isArray(names)) refused(versionsFile, lines.rangeAt(0, 0), l10n.t('the versions file must be a list of version names.'));
    else {
      for (const name of names) {
        const written = JSON.stringify(name);
        const at = Math.max(0, text.indexOf(written));
        const range = lines.rangeAt(at, at + written.length);
        if (typeof name !== 'string' || !isVersionName(name)) refused(versionsFile, range, l10n.t('{0} is no valid version name.', written));
        // Only the versions built are looked for (`onlyIncludeVersions`, `disableVersioning`).
        else if (name !== 'current' && builtVersionsOf(instance).includes(name) && !isFolder(path.join(siteFolder, instance.id === 'default' ? 'versioned_docs' : `${instance.id}_versioned_docs`, `version-${name}`))) {
          refused(versionsFile, range, l10n.t('version "{0}" has no folder {1}.', name, `version-${name}`));
        }
      }
    }
  }
  const { disableVersioning, includeCurrentVersion } = options;
  if (disableVersioning?.value && text === undefined) refused(undefined, disableVersioning.range, l10n.t('"disableVersioning" on a site without versions.'));
  else if (includeCurrentVersion?.value === false && builtVersionsOf(instance).length === 0) refused(undefined, includeCurrentVersion.range, l10n.t('no version is built: "includeCurrentVersion" is false, and there are no versions.'));
}

/** Docusaurus's check of a version name. */
function isVersionName(name: string): boolean {
  return name.trim() !== '' && !/[/\\]|.{33,}|[<>:"|?*\x00-\x1F]|^\.\.?$/.test(name);
}

/** Adds a problem to a configuration file's. */
function problemIn(configProblems: SiteConfigProblems[], file: string, problem: ConfigProblem): void {
  const config = configProblems.find((known) => known.uri === fileUri(file));
  if (config !== undefined) config.problems.push(problem);
  else configProblems.push({ uri: fileUri(file), problems: [problem] });
}

/**
 * The versions a docs instance builds, as its options choose them, and what Docusaurus refuses
 * (each a problem at the option): a `lastVersion` or a name in `onlyIncludeVersions` or `versions`
 * that is no version, an empty `onlyIncludeVersions`, or one without the `lastVersion`.
 */
function withVersionOptions(instance: DocusaurusInstance, options: DocusaurusDocsOptions, problem: (problem: ConfigProblem) => void): DocusaurusInstance {
  const defaults = options.includeCurrentVersion === undefined && options.disableVersioning === undefined && options.onlyIncludeVersions === undefined && options.lastVersion === undefined && options.versions === undefined;
  if (defaults) return instance;
  const refused = (range: Range, message: string) => problem({ range, message: l10n.t('Docusaurus refuses to build: {0}', message) });
  const available = [...(options.includeCurrentVersion?.value === false ? [] : ['current']), ...(options.disableVersioning?.value ? [] : instance.versions)];
  const names = available.map((name) => `"${name}"`).join(', ');
  const { lastVersion, onlyIncludeVersions, versions } = options;
  if (lastVersion !== undefined && !available.includes(lastVersion.value)) refused(lastVersion.range, l10n.t('"lastVersion" names no version ({0}).', names));
  const unknownPaths = Object.keys(versions?.paths ?? {}).filter((name) => !available.includes(name));
  if (versions !== undefined && unknownPaths.length > 0) refused(versions.range, l10n.t('"versions" names versions there are not: {0} (versions: {1}).', unknownPaths.join(', '), names));
  if (onlyIncludeVersions !== undefined) {
    const unknown = onlyIncludeVersions.value.filter((name) => !available.includes(name));
    if (onlyIncludeVersions.value.length === 0) refused(onlyIncludeVersions.range, l10n.t('"onlyIncludeVersions" must name a version at least.'));
    else if (unknown.length > 0) refused(onlyIncludeVersions.range, l10n.t('"onlyIncludeVersions" names versions there are not: {0} (versions: {1}).', unknown.join(', '), names));
    else if (lastVersion !== undefined && !onlyIncludeVersions.value.includes(lastVersion.value)) refused(onlyIncludeVersions.range, l10n.t('"onlyIncludeVersions" must hold the "lastVersion".'));
  }
  const builtVersions = onlyIncludeVersions === undefined ? available : available.filter((name) => onlyIncludeVersions.value.includes(name));
  const versionPaths = Object.fromEntries(Object.entries(versions?.paths ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { ...instance, builtVersions, ...(lastVersion === undefined ? {} : { lastVersion: lastVersion.value }), versionPaths };
}

/**
 * The version range of Docusaurus a site's package.json asks for, when it is one before 3 (MDX 1,
 * which reads what MDX 3 refuses); undefined otherwise, or when it does not say.
 */
function docusaurusBefore3(packageJson: string | undefined): string | undefined {
  if (packageJson === undefined) return undefined;
  try {
    const manifest = JSON.parse(packageJson) as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    const range = [manifest.dependencies, manifest.devDependencies].map((dependencies) => dependencies?.['@docusaurus/core']).find((value) => typeof value === 'string') as string | undefined;
    const major = range === undefined ? undefined : /\d+/.exec(range)?.[0];
    return major !== undefined && Number(major) < 3 ? range : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The major and minor version of Docusaurus a build of the site uses: the one installed in its
 * `node_modules`, else one its package.json fixes (`3.8.1`, `~3.8.1`, `3.8.x`); undefined where
 * neither tells (a range such as `^3.8.1` may give any later 3).
 */
function docusaurusVersionOf(installed: string | undefined, packageJson: string | undefined): [number, number] | undefined {
  const versionIn = (text: string | undefined, read: (manifest: Record<string, unknown>) => unknown): string | undefined => {
    try {
      const value = text === undefined ? undefined : read(JSON.parse(text) as Record<string, unknown>);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const dependency = (manifest: Record<string, unknown>) => [manifest.dependencies, manifest.devDependencies].map((dependencies) => (dependencies as Record<string, unknown> | undefined)?.['@docusaurus/core']).find((value) => typeof value === 'string');
  const fixed = /^\s*(?:[=~]|~>)?\s*v?(\d+)\.(\d+)(?:\.(?:\d+|[xX*])\S*)?\s*$/;
  const match = /^(\d+)\.(\d+)\./.exec(versionIn(installed, (manifest) => manifest.version) ?? '') ?? fixed.exec(versionIn(packageJson, dependency) ?? '');
  return match === null ? undefined : [Number(match[1]), Number(match[2])];
}

/** Whether the site defines its MDX components (swizzled, or a file of its own), which may provide any component to every page. */
function hasOwnMdxComponents(siteFolder: string): boolean {
  try {
    return fs.readdirSync(path.join(siteFolder, 'src', 'theme')).some((name) => /^MDXComponents(?:\.[cm]?[jt]sx?)?$/.test(name));
  } catch {
    return false;
  }
}

/** A docs instance, with the versions `versions.json` (or `<id>_versions.json`) lists. */
function instanceOf(siteFolder: string, id: string, docsPath: string, routeBasePath: string, log: Logger): DocusaurusInstance {
  const versionsFile = path.join(siteFolder, id === 'default' ? 'versions.json' : `${id}_versions.json`);
  let versions: string[] = [];
  if (fs.existsSync(versionsFile)) {
    const text = readTextFileNow(versionsFile, log, MAX_CONFIG_BYTES);
    try {
      const parsed: unknown = text === undefined ? [] : JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((version) => typeof version === 'string')) versions = parsed;
      else log(`${versionsFile}: not a list of version names; versions ignored.`);
    } catch (error) {
      log(`${versionsFile}: ${(error as Error).message}; versions ignored.`);
    }
  }
  // `./docs` → `docs`, `.` → ``; `../docs` (a monorepo's `website/` reading the docs beside it) stays.
  const normalizedPath = path.posix.normalize(docsPath.replace(/\\/g, '/')).replace(/\/+$/, '');
  return { id, path: normalizedPath === '.' ? '' : normalizedPath, routeBasePath: routeBasePath.replace(/^\/+|\/+$/g, ''), versions, parsesNumberPrefixes: true };
}

/** `glossar` → `/glossar/`, as Docusaurus normalises `baseUrl`. */
function normalizedBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The folders of a folder that are named like languages (`en`, `de`, `pt-BR`). */
function languageFolders(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && LOCALE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
