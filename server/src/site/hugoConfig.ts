import * as l10n from '@vscode/l10n';
import { LineIndex, type Range } from '../common/text';
import { parseYaml, plainValue } from '../parsing/yaml';
import type { ConfigProblem, HugoConfigFacts, HugoModuleImport, HugoSubmount } from './siteTypes';
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

// smol-toml's types describe its ES module; its CommonJS build (the `require` export) is the same API.
const { parse: parseToml, TomlError } = require('smol-toml') as typeof SmolToml;

/** The names Hugo reads its configuration from in a site folder, in Hugo's order of preference. */
export const HUGO_CONFIG_FILE_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** A site configuration is a few kilobytes; a longer file is not read (the parsers' time grows with it). */
export const MAX_HUGO_CONFIG_LENGTH = 1_000_000;
/** Each problem's place is looked for in the text: a bounded number keeps that linear. */
const MAX_PROBLEMS = 100;
/** Deeper than any Hugo setting nests; bounds the parsers' recursion and ours. */
const MAX_DEPTH = 32;

type Table = Record<string, unknown>;

/**
 * What a Hugo configuration file says about routes and languages. Hugo reads its keys without
 * regard to case (`baseurl` is `baseURL`), so every key is compared lower-cased. Never throws:
 * a file that does not parse gives a problem at its place and no facts.
 */
export function readHugoConfig(text: string, fileName: string): HugoConfigFacts {
  const [facts, problems] = readHugoConfigFiles([{ text, fileName }]);
  return { ...facts, problems: problems[0] };
}

/** One file of a Hugo configuration: the root file, or one of a configuration folder (`config/_default/languages.toml`). */
export interface HugoConfigFile {
  text: string;
  /** Its name: the format, and for a file of a configuration folder the key it sets. */
  fileName: string;
  /** Set for a file of a configuration folder. */
  inFolder?: true;
}

/**
 * What a Hugo configuration in several files says: the root file (`hugo.toml`), then the files of
 * `config/_default/` and `config/<environment>/`, each setting over what the ones before set, as
 * Hugo merges them. A folder's `hugo.*` or `config.*` sets the root; another file the key of its
 * name (`params.toml`, `languages.toml`), and `<name>.<language>.<ext>` that language's
 * (`menus.de.toml`: `languages.de.menus`). The problems of each file, in the order given.
 */
export function readHugoConfigFiles(files: readonly HugoConfigFile[], themeIsThere?: (theme: string, themesDir: string) => boolean): [Omit<HugoConfigFacts, 'problems'>, ConfigProblem[][]] {
  const problems: ConfigProblem[][] = files.map(() => []);
  const parts: Array<{ table: Table; keyPath: string[]; places: KeyPlaces; problems: ConfigProblem[] }> = [];
  files.forEach((file, position) => {
    const lines = new LineIndex(file.text);
    if (file.text.length > MAX_HUGO_CONFIG_LENGTH) {
      problems[position].push({ range: lines.rangeAt(0, 0), message: l10n.t('The Hugo configuration is longer than {0} characters and is not read.', MAX_HUGO_CONFIG_LENGTH) });
      return;
    }
    const parsed = parseConfig(file.text, formatOf(file.fileName), lines);
    if ('problem' in parsed) problems[position].push(parsed.problem);
    else parts.push({ table: lowerCasedKeys(parsed.table, 0), keyPath: file.inFolder ? keyPathOf(file.fileName) : [], places: new KeyPlaces(file.text, lines), problems: problems[position] });
  });
  let merged: Table = Object.create(null) as Table;
  for (const part of parts) merged = mergedTables(merged, wrapped(part.table, part.keyPath), 0);
  const facts: HugoConfigFacts = { languages: [], problems: [] };
  // A problem is told in the last file that sets the key: the one whose value counts.
  const report = (path: readonly string[], message: string) => {
    const lower = path.map((key) => key.toLowerCase());
    const part = [...parts].reverse().find((candidate) => valueAt(wrapped(candidate.table, candidate.keyPath), lower) !== undefined) ?? parts[parts.length - 1];
    if (part === undefined || part.problems.length >= MAX_PROBLEMS) return;
    const inside = lower.slice(0, part.keyPath.length).every((key, index) => key === part.keyPath[index]) ? path.slice(part.keyPath.length) : path;
    part.problems.push({ range: part.places.rangeOf(inside), message });
  };
  readFacts(merged, facts, report);
  // The themes folder's own folders a path-less import mounts (see `readFacts`): templates or static files where one is there (or cannot be told).
  const mounted = facts.themesFolderMounts;
  if (mounted !== undefined) {
    const there = (source: string) => themeIsThere === undefined || (source !== '' && themeIsThere(source, facts.themesDir ?? 'themes'));
    // Templates of the themes folder's own folders: not the site's, nor a module's it can follow.
    if (mounted.layouts.some(there)) facts.importsTemplates = facts.layoutsMountedFromElsewhere = true;
    if (mounted.static.some(there)) facts.importsModules = true;
    delete facts.themesFolderMounts;
  }
  // A theme named as a folder of `themesDir` that is not there (a submodule not checked out): Hugo
  // finds no module of that name and stops. A path (`github.com/…`) or imports are modules' to resolve.
  if (themeIsThere !== undefined && facts.importsTemplates !== true) {
    const themesDir = facts.themesDir ?? 'themes';
    const missing = (facts.themes ?? []).filter((theme) => !theme.includes('/') && theme !== '' && !themeIsThere(theme, themesDir));
    if (missing.length > 0) report(['theme'], l10n.t('Hugo refuses to build: there is no theme "{0}" in "{1}" (a submodule not checked out?).', missing[0], themesDir));
  }
  // So does an import that is no folder of `themesDir`, nor of its replacement (`github.com/google/docsy -> docsy`), where no `go.mod` or `_vendor` may resolve it.
  if (themeIsThere !== undefined) {
    const themesDir = facts.themesDir ?? 'themes';
    const replacements = facts.moduleReplacements ?? {};
    const missing = (facts.moduleImports ?? []).map((module) => (Object.hasOwn(replacements, module.path) ? replacements[module.path] : module.path)).find((modulePath) => !themeIsThere(modulePath, themesDir));
    if (missing !== undefined) report(['module', 'imports'], l10n.t('Hugo refuses to build: there is no module "{0}" in "{1}", and no go.mod to download it by.', missing, themesDir));
  }
  const { problems: _none, ...read } = facts;
  return [read, problems];
}

/** The keys a configuration folder's file sets: none for `hugo.*` and `config.*`, else its name's (see `readHugoConfigFiles`). */
function keyPathOf(fileName: string): string[] {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '').toLowerCase();
  if (base === 'hugo' || base === 'config') return [];
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return [base];
  const [name, language] = [base.slice(0, dot), base.slice(dot + 1)];
  return ['languages', language, ...(name === 'menu' || name === 'menus' ? ['menus'] : name === 'params' ? ['params'] : [])];
}

function wrapped(table: Table, keyPath: readonly string[]): Table {
  return keyPath.reduceRight<Table>((inner, key) => ({ [key]: inner }), table);
}

function valueAt(table: Table, path: readonly string[]): unknown {
  let value: unknown = table;
  for (const key of path) value = isTable(value) ? value[key] : undefined;
  return value;
}

/** `over` set over `under`, tables merged key by key, as Hugo sets a file's settings over the ones before. */
function mergedTables(under: Table, over: Table, depth: number): Table {
  const merged: Table = Object.create(null) as Table;
  Object.assign(merged, under);
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isTable(value) && isTable(below) && depth < MAX_DEPTH ? mergedTables(below, value, depth + 1) : value;
  }
  return merged;
}

type Format = 'toml' | 'yaml' | 'json';

function formatOf(fileName: string): Format {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return extension === 'json' ? 'json' : extension === 'yaml' || extension === 'yml' ? 'yaml' : 'toml';
}

function parseConfig(text: string, format: Format, lines: LineIndex): { table: Table } | { problem: ConfigProblem } {
  const syntaxProblem = (offset: number, detail: string): { problem: ConfigProblem } => ({
    problem: { range: lines.rangeAt(offset, Math.min(offset + 1, text.length)), message: l10n.t('The Hugo configuration does not parse: {0}', detail) },
  });
  const notATable = (): { problem: ConfigProblem } => ({
    problem: { range: lines.rangeAt(0, 0), message: l10n.t('The Hugo configuration is not a table of settings.') },
  });
  if (format === 'toml') {
    try {
      return { table: parseToml(text, { maxDepth: MAX_DEPTH, unsafeKeyBehaviour: 'drop' }) };
    } catch (error) {
      if (!(error instanceof TomlError)) return syntaxProblem(0, String(error));
      const offset = lines.offsetAt({ line: error.line - 1, character: error.column - 1 });
      return syntaxProblem(offset, error.message.split('\n')[0].replace(/^Invalid TOML document: /, ''));
    }
  }
  if (format === 'json') {
    try {
      const value: unknown = JSON.parse(text);
      return isTable(value) ? { table: value } : notATable();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /at position (\d+)/.exec(message);
      return syntaxProblem(at ? Number(at[1]) : text.length, message.replace(/ in JSON at position \d+.*$/, ''));
    }
  }
  const document = parseYaml(text, MAX_HUGO_CONFIG_LENGTH);
  const error = document.errors[0];
  if (error !== undefined) return syntaxProblem(error.pos[0], error.message.split('\n')[0]);
  const value = plainValue(document.contents, document);
  return isTable(value) ? { table: value } : value === undefined ? { table: {} } : notATable();
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A copy with every table key lower-cased, as Hugo compares them; deeper than any setting is left out. */
function lowerCasedKeys(table: Table, depth: number): Table {
  const copy: Table = Object.create(null) as Table;
  if (depth > MAX_DEPTH) return copy;
  for (const [key, value] of Object.entries(table)) copy[key.toLowerCase()] = isTable(value) ? lowerCasedKeys(value, depth + 1) : value;
  return copy;
}

/**
 * Where a key is written, for a problem about its value: the parsers of TOML and of JSON give no
 * places, so it is where the text names the key (`key =`, `key:`, `"key":`, `[table.key]`), else the start.
 */
class KeyPlaces {
  private readonly lower: string;

  constructor(
    text: string,
    private readonly lines: LineIndex,
  ) {
    this.lower = text.toLowerCase();
  }

  /** Each key of the path is looked for after the one before it, so `weight` is found in its own `[languages.de]`. */
  rangeOf(path: readonly string[]): Range {
    let found: { start: number; end: number } | undefined;
    for (const segment of path) {
      const key = segment.toLowerCase();
      const from = found?.end ?? 0;
      found = undefined;
      for (let at = this.lower.indexOf(key, from); at !== -1 && found === undefined; at = this.lower.indexOf(key, at + 1)) {
        if (this.isKeyAt(at, key.length)) found = { start: at, end: at + key.length };
      }
      if (found === undefined) return this.lines.rangeAt(0, 0);
    }
    return found === undefined ? this.lines.rangeAt(0, 0) : this.lines.rangeAt(found.start, found.end);
  }

  /** A key, not part of a longer word or a value: what follows it (after blanks) is `=`, `:`, `]`, `.` or a quote. */
  private isKeyAt(at: number, length: number): boolean {
    if (at > 0 && /[\w-]/.test(this.lower[at - 1])) return false;
    let next = at + length;
    while (this.lower[next] === ' ' || this.lower[next] === '\t') next++;
    return ['=', ':', ']', '.', '"', "'"].includes(this.lower[next]);
  }
}

/** The texts Go's `strconv.ParseBool` reads as true, and as false. */
const PARSE_BOOL_TRUE: ReadonlySet<string> = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const PARSE_BOOL_FALSE: ReadonlySet<string> = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function readFacts(table: Table, facts: HugoConfigFacts, report: (path: readonly string[], message: string) => void): void {
  const wrongType = (path: readonly string[], expected: string) => report(path, l10n.t('The Hugo setting "{0}" must be {1}; the default is assumed.', path.join('.'), expected));
  const text = (source: Table, path: readonly string[]): string | undefined => {
    const value = source[path[path.length - 1].toLowerCase()];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    wrongType(path, l10n.t('a text'));
    return undefined;
  };
  // A text is cast as Hugo 0.111's `GetBool` casts it (Go's `strconv.ParseBool`: `canonifyURLs = "false"`, porter's); a number it does not cast.
  const flag = (source: Table, path: readonly string[]): boolean | undefined => {
    const value = source[path[path.length - 1].toLowerCase()];
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && PARSE_BOOL_TRUE.has(value)) return true;
    if (typeof value === 'string' && PARSE_BOOL_FALSE.has(value)) return false;
    wrongType(path, l10n.t('true or false'));
    return undefined;
  };
  const assign = <K extends keyof HugoConfigFacts>(key: K, value: HugoConfigFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  assign('baseURL', text(table, ['baseURL']));
  assign('contentDir', text(table, ['contentDir']));
  assign('defaultContentLanguage', text(table, ['defaultContentLanguage'])?.toLowerCase());
  assign('defaultContentLanguageInSubdir', flag(table, ['defaultContentLanguageInSubdir']));
  // A table of sections (`[uglyURLs] post = true`) as well as a flag: each value cast as Hugo's `cast.ToBool` does.
  const uglyTable = table.uglyurls;
  if (isTable(uglyTable)) {
    const ugly = (value: unknown) => value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value));
    facts.uglyURLSections = Object.entries(uglyTable).filter(([, value]) => ugly(value)).map(([section]) => section.toLowerCase());
  } else assign('uglyURLs', flag(table, ['uglyURLs']));
  if (flag(table, ['canonifyURLs']) === true || flag(table, ['relativeURLs']) === true) facts.rewritesRootLinks = true;
  assign('disablePathToLower', flag(table, ['disablePathToLower']));
  assign('disableAliases', flag(table, ['disableAliases']));
  if (table.cascade !== undefined) facts.cascade = table.cascade;
  assign('removePathAccents', flag(table, ['removePathAccents']));
  assign('buildDrafts', flag(table, ['buildDrafts']));
  assign('buildFuture', flag(table, ['buildFuture']));
  assign('buildExpired', flag(table, ['buildExpired']));

  const permalinksIn = (source: Table, path: readonly string[]): Record<string, string> | undefined => {
    const permalinks = source.permalinks;
    if (permalinks === undefined) return undefined;
    if (!isTable(permalinks)) {
      wrongType([...path, 'permalinks'], l10n.t('a table'));
      return undefined;
    }
    const patterns: Record<string, string> = {};
    for (const section of Object.keys(permalinks)) {
      const pattern = text(permalinks, [...path, 'permalinks', section]);
      if (pattern === undefined) continue;
      patterns[section] = pattern;
      const unknown = unknownPermalinkAttribute(pattern);
      if (unknown !== undefined) report([...path, 'permalinks', section], l10n.t('Hugo refuses to build: the permalink pattern "{0}" is ill-formed, as Hugo 0.111 knows no ":{1}".', pattern, unknown));
      else if (pattern.slice(1).split('/').slice(0, -1).includes('')) report([...path, 'permalinks', section], l10n.t('Hugo refuses to build: the permalink pattern "{0}" is ill-formed, as it has an empty part between two slashes.', pattern));
    }
    return patterns;
  };
  assign('permalinks', permalinksIn(table, []));
  // `[taxonomies]` replaces Hugo's two, in the site's and each language's settings.
  const settings = [table, ...(isTable(table.languages) ? Object.values(table.languages).filter(isTable) : [])].filter((source) => source.taxonomies !== undefined);
  if (settings.length > 0) facts.taxonomies = settings.flatMap((source) => (isTable(source.taxonomies) ? Object.values(source.taxonomies).map(String) : ['*']));

  const texts = (key: string, expected: string): string[] | undefined => {
    const value = table[key.toLowerCase()];
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value as string[];
    // Hugo reads a single string as a list of one (cast.ToStringSlice).
    if (typeof value === 'string') return [value];
    wrongType([key], expected);
    return undefined;
  };
  assign('ignoreFiles', texts('ignoreFiles', l10n.t('a list of regular expressions')));
  assign('refLinksErrorLevel', text(table, ['refLinksErrorLevel']));
  const markup = table.markup;
  const goldmark = isTable(markup) ? markup.goldmark : undefined;
  const renderer = isTable(goldmark) ? goldmark.renderer : undefined;
  // Read as Hugo casts it (`"true"`, `1`), and never refused: what it changes is only what a ref rule judges.
  const unsafe = isTable(renderer) ? renderer.unsafe : undefined;
  if (typeof unsafe === 'boolean' || typeof unsafe === 'number') assign('rendersRawHtml', unsafe !== false && unsafe !== 0);
  else if (typeof unsafe === 'string' && /^(?:true|false|1|0|t|f)$/i.test(unsafe.trim())) assign('rendersRawHtml', /^(?:true|1|t)$/i.test(unsafe.trim()));
  const disableKinds = texts('disableKinds', l10n.t('a list of kinds of pages'));
  assign('disableKinds', disableKinds);
  // Hugo 0.111 stops on `taxonomy` without `term` (whose meaning changed in 0.73), unless the old
  // `taxonomyTerm` says which was meant or `ignoreErrors` names the message; the kinds as written.
  const ignored = (texts('ignoreErrors', l10n.t('a list of texts')) ?? []).map((id) => id.toLowerCase());
  if (disableKinds?.includes('taxonomy') && !disableKinds.includes('term') && !disableKinds.includes('taxonomyTerm') && !ignored.includes('error-disable-taxonomy')) {
    report(['disableKinds'], l10n.t('Hugo refuses to build: "disableKinds" holds "taxonomy" without "term", whose meaning Hugo 0.73 changed; add "term", or "error-disable-taxonomy" to "ignoreErrors".'));
  }
  // So it does on output formats for `taxonomy` without `term` (or the old `taxonomyTerm`), in the
  // site's `outputs` or a language's, unless `ignoreErrors` names the message.
  const languageTables = isTable(table.languages) ? Object.entries(table.languages).filter((entry): entry is [string, Table] => isTable(entry[1])) : [];
  const namesTerms = (outputs: unknown) => isTable(outputs) && (outputs.term !== undefined || outputs.taxonomyterm !== undefined);
  for (const [outputs, path] of [[table.outputs, []], ...languageTables.map(([code, settings]) => [settings.outputs, ['languages', code]] as const)] as const) {
    if (isTable(outputs) && outputs.taxonomy !== undefined && !namesTerms(outputs) && !namesTerms(table.outputs) && !ignored.includes('error-output-taxonomy')) {
      report([...path, 'outputs', 'taxonomy'], l10n.t('Hugo refuses to build: "outputs" names output formats for "taxonomy" without "term", whose meaning Hugo 0.73 changed; add "term", or "error-output-taxonomy" to "ignoreErrors".'));
    }
  }
  assign('enableGitInfo', flag(table, ['enableGitInfo']));
  // `[frontmatter]`: where each date comes from, a list of front-matter keys and handlers (`:filename`), in any case.
  const dateSources = table.frontmatter;
  if (isTable(dateSources)) {
    for (const [key, value] of Object.entries(dateSources)) {
      const field = key.toLowerCase();
      if (field !== 'date' && field !== 'publishdate' && field !== 'expirydate' && field !== 'lastmod') continue;
      // As cast.ToStringSlice reads it: a list, or a string split at blanks.
      const list = typeof value === 'string' ? value.split(/\s+/).filter((entry) => entry !== '') : Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
      if (list === undefined) wrongType(['frontmatter', key], l10n.t('a list of front-matter keys'));
      else (facts.dateSources ??= {})[field] = list.map((entry) => entry.toLowerCase());
    }
  }
  assign('themes', texts('theme', l10n.t('a theme or a list of themes')));
  assign('themesDir', text(table, ['themesDir']));
  assign('layoutDir', text(table, ['layoutDir']));
  if (isTable(table.params)) facts.params = table.params;
  assign('staticDirs', texts('staticDir', l10n.t('a folder or a list of folders')));
  const renderHooks = ['markup', 'goldmark', 'renderhooks'].reduce<unknown>((at, key) => (isTable(at) ? at[key] : undefined), table);
  const defaultHooks = (['link', 'image'] as const).filter((kind) => {
    const hook = isTable(renderHooks) ? renderHooks[kind] : undefined;
    return isTable(hook) && flag(hook, ['markup', 'goldmark', 'renderHooks', kind, 'enableDefault']) === true;
  });
  if (defaultHooks.length > 0) facts.defaultRenderHooks = defaultHooks;
  // Imports bring templates and files from elsewhere, and so do mounts into the templates or the
  // static files of anything but their own folder (`source = "static"`, `target = "static"`, as
  // keda's): its own folders mounted as content, assets or data leave both where they are.
  const module = isTable(table.module) ? table.module : undefined;
  const mounts = Array.isArray(module?.mounts) ? module.mounts : [];
  const mountsFromElsewhere = (into: RegExp) =>
    mounts.some((mount) => {
      const [source, target] = [mountSetting(mount, 'source'), mountSetting(mount, 'target')].map((setting) => (typeof setting === 'string' ? setting.replace(/^\.\/|\/+$/g, '') : undefined));
      return target === undefined || (into.test(target) && source !== target);
    });
  // `[[module.imports.mounts]]` with no `[[module.imports]]` (flink-cdc's) makes `imports` one table, which Hugo reads as a list of
  // one import without a path: the themes folder itself, whose mounts are its own folders (`themes/layouts`), most often not there.
  const imports = Array.isArray(module?.imports) ? module.imports : isTable(module?.imports) ? [module.imports] : [];
  const pathless = imports.filter((entry) => isTable(entry) && (mountSetting(entry, 'path') ?? '') === '');
  const themesFolderMounts = (into: RegExp) =>
    pathless.flatMap((entry) => {
      const written = mountSetting(entry, 'mounts');
      // Without mounts, a module's own folders: `layouts`, `static`, … of the themes folder.
      const mounts = Array.isArray(written) ? written : written === undefined ? [{ source: 'layouts', target: 'layouts' }, { source: 'static', target: 'static' }] : [];
      return mounts.flatMap((mount) => {
        const [source, target] = [mountSetting(mount, 'source'), mountSetting(mount, 'target')].map((setting) => (typeof setting === 'string' ? setting.replace(/^\.\/|\/+$/g, '') : undefined));
        return target !== undefined && into.test(target) ? [source ?? ''] : [];
      });
    });
  const importsWithPath = imports.length > pathless.length;
  // Static files from elsewhere (keda's fonts from `node_modules`) bring no template: the site's shortcodes and render hooks are still all it has.
  const layoutsFromElsewhere = mountsFromElsewhere(/^layouts(?:\/|$)/);
  const importsTemplates = module !== undefined && (importsWithPath || layoutsFromElsewhere);
  if (importsTemplates) facts.importsTemplates = true;
  // Which imports and replacements they are: the site's reading (see `siteConfig.ts`) finds those in its folders.
  if (layoutsFromElsewhere) facts.layoutsMountedFromElsewhere = true;
  readModuleImports(module, facts);
  // Templates mounted from elsewhere (Doks' `node_modules/@hyas/images/layouts`) publish no file and make no page: only imports and static files do.
  if (importsWithPath || mountsFromElsewhere(/^static(?:\/|$)/)) facts.importsModules = true;
  const [themesLayouts, themesStatic] = [themesFolderMounts(/^layouts(?:\/|$)/), themesFolderMounts(/^static(?:\/|$)/)];
  if (themesLayouts.length > 0 || themesStatic.length > 0) facts.themesFolderMounts = { layouts: themesLayouts, static: themesStatic };
  // The site's own folders mounted as content (`source = "docs"`, `target = "content/docs/extra"`).
  const contentMounts = mounts.flatMap((mount) => {
    const [source, target] = [mountSetting(mount, 'source'), mountSetting(mount, 'target')];
    return typeof source === 'string' && typeof target === 'string' && /^content(?:\/|$)/.test(target.replace(/^\.\//, '')) ? [source.replace(/^\.\/|\/+$/g, '')] : [];
  });
  if (contentMounts.length > 0) facts.contentMountSources = contentMounts;
  const submounts = contentSubmountsOf(mounts);
  if (submounts.length > 0) facts.contentSubmounts = submounts;
  // Hugo mounts its default content folder only where no mount targets the content: mounts below it alone leave `content/` unread.
  const contentTargets = mounts.map((mount) => mountSetting(mount, 'target')).flatMap((target) => (typeof target === 'string' ? [target.replace(/^\.\//, '').replace(/\/+$/, '')] : [])).filter((target) => /^content(?:\/|$)/.test(target));
  if (contentTargets.length > 0 && !contentTargets.includes('content')) facts.contentFolderUnmounted = true;

  const disabled = new Set<string>();
  const disableLanguages = table.disablelanguages;
  if (Array.isArray(disableLanguages) && disableLanguages.every((code) => typeof code === 'string')) {
    for (const code of disableLanguages as string[]) disabled.add(code.toLowerCase());
  } else if (disableLanguages !== undefined) wrongType(['disableLanguages'], l10n.t('a list of language codes'));

  const languages = table.languages;
  if (isTable(languages)) {
    for (const [code, settings] of Object.entries(languages)) {
      if (!isTable(settings)) {
        wrongType(['languages', code], l10n.t('a table'));
        continue;
      }
      const weight = settings.weight;
      if (weight !== undefined && typeof weight !== 'number') wrongType(['languages', code, 'weight'], l10n.t('a number'));
      const language: HugoConfigFacts['languages'][number] = { code };
      const contentDir = text(settings, ['languages', code, 'contentDir']);
      if (contentDir !== undefined) language.contentDir = contentDir;
      const baseURL = text(settings, ['languages', code, 'baseURL']);
      if (baseURL !== undefined) language.baseURL = baseURL;
      const permalinks = permalinksIn(settings, ['languages', code]);
      if (permalinks !== undefined) language.permalinks = permalinks;
      if (settings.cascade !== undefined) language.cascade = settings.cascade;
      if (isTable(settings.params)) language.params = settings.params;
      if (typeof weight === 'number') language.weight = weight;
      const isDisabled = flag(settings, ['languages', code, 'disabled']) === true || disabled.has(code);
      if (isDisabled) language.disabled = true;
      facts.languages.push(language);
    }
    // Hugo serves each language from its own base URL, or all from the site's: not some.
    const withBaseURL = facts.languages.filter((language) => language.baseURL !== undefined).length;
    if (withBaseURL > 0 && withBaseURL < facts.languages.length) report(['languages'], l10n.t('Hugo refuses to build: "baseURL" must be set on all of the languages or on none.'));
    // Hugo refuses a default language the languages do not define (`params.de.toml` alone defines `de`).
    const defaultLanguage = facts.defaultContentLanguage ?? 'en';
    if (facts.languages.length > 0 && !facts.languages.some((language) => language.code.toLowerCase() === defaultLanguage)) {
      report(facts.defaultContentLanguage === undefined ? ['languages'] : ['defaultContentLanguage'], l10n.t('Hugo refuses to build: the default language "{0}" is none of the languages ({1}).', defaultLanguage, facts.languages.map((language) => language.code).join(', ')));
    }
  } else if (languages !== undefined) wrongType(['languages'], l10n.t('a table'));
  contentFoldersOfMounts(mounts, facts);
}

/**
 * `[[module.imports]]` and `module.replacements` (see `HugoConfigFacts.moduleImports`): an import
 * with `disable = true` is none, as Hugo skips it; one that is not a table with a `path` is unread.
 * Replacements are a text of `from -> to` pairs split at commas, or a list of such texts.
 */
function readModuleImports(module: Table | undefined, facts: HugoConfigFacts): void {
  const imports = module?.imports;
  const entries = imports === undefined ? [] : Array.isArray(imports) ? imports : [imports];
  const read: HugoModuleImport[] = [];
  for (const entry of entries) {
    const modulePath = mountSetting(entry, 'path');
    // An import without a path is the themes folder itself, whose mounts `readFacts` reads (`themesFolderMounts`).
    if (isTable(entry) && (modulePath === undefined || modulePath === '')) continue;
    if (typeof modulePath !== 'string' || modulePath.trim() === '') {
      facts.moduleImportsUnread = true;
      continue;
    }
    if (mountSetting(entry, 'disable') === true) continue;
    const one: HugoModuleImport = { path: modulePath.trim() };
    const mounts = mountSetting(entry, 'mounts');
    if (Array.isArray(mounts) && mounts.length > 0) {
      one.mounts = mounts.map((mount) => {
        const [source, target] = [mountSetting(mount, 'source'), mountSetting(mount, 'target')];
        return { ...(typeof source === 'string' ? { source } : {}), ...(typeof target === 'string' ? { target } : {}) };
      });
    } else if (mounts !== undefined && !Array.isArray(mounts)) facts.moduleImportsUnread = true;
    if (mountSetting(entry, 'ignoreconfig') === true) one.ignoreConfig = true;
    if (mountSetting(entry, 'ignoreimports') === true) one.ignoreImports = true;
    read.push(one);
  }
  if (read.length > 0) facts.moduleImports = read;
  const replacements = module?.replacements;
  const pairs = typeof replacements === 'string' ? [replacements] : Array.isArray(replacements) ? replacements.filter((pair): pair is string => typeof pair === 'string') : [];
  for (const pair of pairs.flatMap((text) => text.split(','))) {
    const [from, to, more] = pair.split('->').map((part) => part.trim());
    if (from && to && more === undefined) (facts.moduleReplacements ??= Object.create(null) as Record<string, string>)[from] = to;
  }
}

/**
 * Mounts of the site's own folders and files to a place below the content (`target =
 * "content/docs/go"`, or a file's: `content/community/roadmap.md`). Not a source outside the site
 * (`..`, absolute, a module's path): those files are not the workspace's to place.
 */
function contentSubmountsOf(mounts: unknown[]): HugoSubmount[] {
  const relative = (value: unknown) => (typeof value === 'string' ? value.replace(/^\.\//, '').replace(/\/+$/, '') : undefined);
  return mounts.flatMap((mount) => {
    const [source, target, lang] = [relative(mountSetting(mount, 'source')), relative(mountSetting(mount, 'target')), mountSetting(mount, 'lang')];
    if (source === undefined || target === undefined || !target.startsWith('content/') || !/^[^/.][^:]*$/.test(source) || source.split('/').includes('..')) return [];
    return [{ source, target: target.slice('content/'.length), ...(typeof lang === 'string' && lang !== '' ? { lang } : {}) }];
  });
}

/** A setting of a mount, its key in any case as Hugo reads it (a list's tables keep their keys as written). */
function mountSetting(mount: unknown, key: string): unknown {
  return isTable(mount) ? Object.entries(mount).find(([written]) => written.toLowerCase() === key)?.[1] : undefined;
}

/**
 * Mounts that replace the content folder (`target = "content"`), as Hugo takes them in place of its
 * default one: one per language (`lang = "fr"`), each the language's content folder, where every
 * language has one; or one for all, the site's content folder. Every mount to content stays a
 * folder Hugo may read as content (`contentMountSources`).
 */
function contentFoldersOfMounts(mounts: unknown[], facts: HugoConfigFacts): void {
  const folder = (value: unknown) => (typeof value === 'string' ? value.replace(/^\.\//, '').replace(/\/+$/, '') : undefined);
  const whole = mounts.filter((mount) => {
    const source = folder(mountSetting(mount, 'source'));
    return folder(mountSetting(mount, 'target')) === 'content' && source !== undefined && /^[^/.][^:]*$/.test(source) && !source.split('/').includes('..');
  });
  const byLanguage = new Map<string, string>();
  // As written: Hugo lower-cases a language's key, and matches a mount's `lang` to it exactly (`FR` mounts nothing).
  for (const mount of whole) {
    const lang = mountSetting(mount, 'lang');
    if (typeof lang === 'string') byLanguage.set(lang, folder(mountSetting(mount, 'source'))!);
  }
  const languages = facts.languages ?? [];
  if (byLanguage.size > 0 && byLanguage.size === whole.length && languages.length > 0 && languages.every((language) => byLanguage.has(language.code.toLowerCase()) && language.contentDir === undefined)) {
    for (const language of languages) language.contentDir = byLanguage.get(language.code.toLowerCase());
  } else if (whole.length === 1 && byLanguage.size === 0 && facts.contentDir === undefined && languages.every((language) => language.contentDir === undefined)) {
    facts.contentDir = folder(mountSetting(whole[0], 'source'));
  } else return;
  // Hugo reads of each such folder only the files its globs let in.
  const globs = (value: unknown) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((glob): glob is string => typeof glob === 'string') : []);
  const filters = whole.map((mount) => ({ source: folder(mountSetting(mount, 'source'))!, includeFiles: globs(mountSetting(mount, 'includefiles')), excludeFiles: globs(mountSetting(mount, 'excludefiles')) }));
  const filtering = filters.filter((filter) => filter.includeFiles.length > 0 || filter.excludeFiles.length > 0);
  if (filtering.length > 0) facts.contentMountFilters = filtering;
}

/** An attribute of a `[permalinks]` pattern as Hugo 0.111 finds them (`:\w+(\[.+?\])?`): `:year`, `:sections[1:]`. */
export const PERMALINK_ATTRIBUTE = /:(\w+)(\[.+?\])?/g;

/** The attributes Hugo 0.111 knows by name. */
const PERMALINK_ATTRIBUTES = new Set(['year', 'month', 'monthname', 'day', 'weekday', 'weekdayname', 'yearday', 'section', 'sections', 'title', 'slug', 'slugorfilename', 'filename']);

/**
 * Parts of Go's date layouts that format Hugo's reference time (2019-11-09 23:01:42 UTC) as
 * something else: an attribute holding one is a layout (`:2006`, `:Jan`); `pm` alone formats as itself.
 */
const GO_LAYOUT_PART = /January|Jan|Monday|Mon|MST|Z07|06|[1-5]/;

/**
 * The first attribute of a permalink pattern that Hugo 0.111 does not know (`contentbasename`,
 * Hugo 0.144's), which makes the pattern ill-formed and stops the build: not one of its names, a
 * cut of `sections`, or a Go date layout.
 */
function unknownPermalinkAttribute(pattern: string): string | undefined {
  for (const [, name, cut] of pattern.matchAll(PERMALINK_ATTRIBUTE)) {
    const attribute = name + (cut ?? '');
    if (!PERMALINK_ATTRIBUTES.has(attribute) && !attribute.startsWith('sections[') && !GO_LAYOUT_PART.test(attribute)) return attribute;
  }
  return undefined;
}
