import * as l10n from '@vscode/l10n';
import type { RE2JS } from 're2js';
import type * as GoRegExp from './goRegExp';
import { compileGoGlob } from '../common/glob';
import { PERMALINK_ATTRIBUTE } from './hugoConfig';
import { hugoDateOf, type HugoDate } from './hugoDates';
import { posix } from 'node:path';
import { composed } from '../common/text';
import type { FrontMatterField } from '../parsing/frontMatterFields';
import type { HugoConfigFacts, HugoSubmount, SitePage, UnpublishedReason } from './siteTypes';

/**
 * Where Hugo builds each content file, as Hugo 0.111 computes it (proven by
 * test/unit/hugoSite.test.ts against tables the real Hugo wrote, test/sites/expected/hugo-*.json).
 */

export interface HugoLanguage {
  /** Lower-cased, as Hugo reads it. */
  code: string;
  /** Relative to the site root, without `./` or a trailing slash. */
  contentDir: string;
  weight: number;
  /** `disabled = true` or listed in `disableLanguages`: Hugo reads none of its files. */
  disabled: boolean;
  /** The path of the language's own `baseURL` (a multihost site), as `HugoSite.basePath`. */
  basePath?: string;
  /** The language's own `[permalinks]`, which replace the site's for its pages; keyed lower-cased. */
  permalinks?: Record<string, string>;
  /** The language's own `cascade` (`[languages.en.cascade]`), which replaces `HugoSite.configCascade` for its pages. */
  cascade?: readonly FrontMatterField[];
}

/** The `params` tables of a Hugo site's configuration and of its themes' and modules' (see `HugoSite.params`). */
export interface HugoSiteParams {
  site: Readonly<Record<string, unknown>> | undefined;
  languages: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  modules: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

export interface HugoSite {
  /** The path of `baseURL`, starting and ending with `/`: `/` or `/docs/`. */
  basePath: string;
  /** The site's `contentDir`, the content folder of every language that names none. */
  contentDir: string;
  /** By weight, then code. */
  languages: HugoLanguage[];
  defaultContentLanguage: string;
  defaultContentLanguageInSubdir: boolean;
  uglyURLs: boolean;
  /**
   * `uglyURLs` as a table of sections (`[uglyURLs] post = true`, letsencrypt.org's): the pages and list pages
   * of those top-level sections are written as files (`/post.html`, `/2024/01/a-post.html`), their aliases not.
   * Keyed lower-cased, compared with the section's name as written.
   */
  uglySections: ReadonlySet<string>;
  /** `canonifyURLs` or `relativeURLs`: root-relative links in pages are rewritten into the site, below its base path. */
  rewritesRootLinks: boolean;
  disablePathToLower: boolean;
  /** `disableAliases`: no redirect page is written at a page's `aliases`. */
  disableAliases: boolean;
  /** The configuration's `cascade` as a section's front matter would hold it (none: empty), below every section's in weight. */
  configCascade: readonly FrontMatterField[];
  /** Accents are stripped from the paths of pages (`Übersicht` → `ubersicht`). */
  removePathAccents: boolean;
  /** The configuration's `buildDrafts`, `buildFuture`, `buildExpired`: such pages are built too. */
  buildDrafts: boolean;
  buildFuture: boolean;
  buildExpired: boolean;
  /** `[permalinks]`: a pattern per top-level section, keyed lower-cased. */
  permalinks: Record<string, string>;
  /**
   * The URL folders of taxonomies' pages, lower-cased: Hugo's `tags` and `categories`, or those
   * `[taxonomies]` names; `*` where they cannot be told. None where no term's page is built.
   */
  taxonomies: ReadonlySet<string>;
  /** Where a page's date, publish date and expiry date come from, in order (see `dateSourcesOf`). */
  dateSources: Record<DateName, readonly string[]>;
  /** Some language has a `baseURL` of its own: each is served from its own, without a language in its paths. */
  multihost: boolean;
  /** A `ref` or `relref` that finds no page fails the build (`refLinksErrorLevel` other than `WARNING`). */
  refsFailBuild: boolean;
  /** Raw HTML is rendered (`markup.goldmark.renderer.unsafe`), and so are the shortcodes in it. */
  rendersRawHtml: boolean;
  /** `ignoreFiles`, Go's (RE2) regular expressions: a file whose absolute path one matches is not read. One RE2 does not read is left out. */
  ignoreFiles: RE2JS[];
  /** `disableKinds`: `page`, `section`, `home` pages are not built (written so: `HOME` disables nothing in Hugo 0.111). */
  disableKinds: ReadonlySet<string>;
  /** `theme`: the themes' folders in `themesDir`, whose templates the site uses too. */
  themes: string[];
  themesDir: string;
  /** `layoutDir`: the folder of the site's own templates (`layouts`). */
  layoutDir: string;
  /** The folders whose files Hugo publishes as they are, from the site's folder: `staticDir` (`static`), then each theme's `static/`. */
  staticDirs: string[];
  /**
   * The shortcodes the site's templates and its themes' define (`layouts/shortcodes/box/inner.html`
   * defines `box/inner`), with Hugo's own; undefined where they cannot all be seen (modules, a theme
   * not on disk), or have not been looked for.
   */
  shortcodes?: ReadonlySet<string>;
  /**
   * Of those, the ones whose template reads `.Inner` (Hugo's own `highlight`): Hugo stops at one that
   * is neither closed nor closes itself. Known where `shortcodes` is.
   */
  innerShortcodes?: ReadonlySet<string>;
  /**
   * Of those, the ones no template of which reads `.Inner` itself, but one calls a template it does not
   * define (`{{ template "inhalt" . }}`, defined in a partial), which Hugo's walk follows and which may
   * read it: a closing of one is not judged.
   */
  innerUnknownShortcodes?: ReadonlySet<string>;
  /**
   * Of those, the ones whose template hands a parameter to `ref` or `relref` (hugo-book's
   * `{{< button relref="/docs/x" >}}`), with the parameters' names, or positions as `0`, `1`: Hugo
   * fails the build where such a ref finds no page, as for its own `ref`. Known where `shortcodes` is.
   */
  refShortcodeParameters?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The site's `params` where `.Page.Param` looks after a page's own, where all are known: a
   * language's (`[languages.de.params]`) over the configuration's, then its themes' and modules'
   * configurations', in their order. Undefined where a theme's or module's configuration is not read.
   */
  params?: HugoSiteParams;
  /** Set where the `param` shortcode is Hugo's own: no template of the site or its themes replaces it. Known where `shortcodes` is. */
  paramShortcodeIsHugos?: true;
  /**
   * Of those, the parameters a template of the shortcode hands to `ref` only under a condition on
   * something else (`{{ if .Get "extern" }}…{{ else }}{{ ref . (.Get "p") }}{{ end }}`): a ref found
   * none fails the build only where the condition holds, which the page does not tell.
   */
  conditionalRefShortcodeParameters?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * How the links of its pages are written, where every template could be seen: `none`, no link
   * render hook, so Hugo writes a link as it is (`x.md` stays `x.md`); `get-page`, a hook that looks
   * the destination up as a page (`.Page.GetPage`), as Hugo's own does where it is on.
   */
  linkRenderHook?: 'none' | 'get-page';
  /**
   * Where the `get-page` hook looks up only the links relative to the page (linkerd's) or only those
   * from the root (hextra's): it writes the others as they are. Undefined: it looks up all.
   */
  linkLookups?: 'relative' | 'absolute';
  /**
   * Destinations every `get-page` hook tests for one by one before it looks links up (`[term](g)`,
   * which Hugo's documentation links to its glossary by): the hook writes them its own way, so
   * such a link is not judged.
   */
  linkSetAside?: readonly string[];
  /** Paths every `get-page` hook tests the destination's path for (`eq $u.Path "g"`): set aside with any fragment or query too. */
  linkPathsSetAside?: readonly string[];
  /** Set where every `get-page` hook looks a link up again without its final slash (see `looksUpWithoutFinalSlash`). */
  linkLookupsTrimSlash?: true;
  /** The ends every `get-page` hook trims off a link's path before it looks it up, in order (hugo-book's `/_index.md`, `/_index`, `.md`; see `lookupSuffixesTrimmedOf`). */
  linkLookupSuffixesTrimmed?: readonly string[];
  /** Whether an image is written as it is (`none`: no image render hook, Hugo's own off), where every template could be seen. */
  imageRenderHook?: 'none';
  /** The kinds of Hugo's own render hooks the configuration turns on (`enableDefault`, Hugo 0.123 and later). */
  defaultRenderHooks: ReadonlyArray<'link' | 'image'>;
  /** Set where `[module]` imports modules or mounts static files from elsewhere: its static files are not all where the site's folder has them. */
  importsModules: boolean;
  /** Set where `[module]` imports modules or mounts templates from elsewhere: its templates are not all where the site's folder has them. */
  importsTemplates: boolean;
  /**
   * The content files of other formats that have front matter (`_index.html`, `.adoc`, `.org`,
   * `.pandoc`, `.rst`), which the workspace does not read as documents, with their fields: Hugo
   * builds pages of them and writes their `aliases`. Read with the configuration (see `siteConfig.ts`).
   */
  otherFormatFiles: ReadonlyArray<{ relativePath: string; fields: readonly FrontMatterField[] }>;
  /** The paths (relative to the site) of the content files of other formats the workspace's walk found in the content folders, read or not, that may be pages: not an HTML file that opens with an element and no front matter (see `plainHtmlStart`). */
  otherFormatPaths: readonly string[];
  /** The HTML content files (paths relative to the site) that open with an element and no front matter: no pages to Hugo. */
  plainHtmlFiles: ReadonlySet<string>;
  /** Whether the glossary's include and exclude settings may leave pages of the content folders out of the index, or its reading left one out (too large, unreadable). */
  contentLeftOut: boolean;
  /** The site's folders mounted as content (`[[module.mounts]]` with a `content` target), from the site's folder. */
  contentMountSources: string[];
  /** Folders and files of the site mounted below the content (see `hugoContentPath`). */
  contentSubmounts: readonly HugoSubmount[];
  /**
   * The places below the content (`docs/go`) where a folder of the site is mounted: Hugo (0.111)
   * reads each subfolder of one from such mounts only, and skips the content folders' own ("File
   * \"docs/go/intern\" not found, skipping"), in every language; the files right in it it reads
   * from both. Only mounts whose folder is there (one that is not mounts nothing).
   */
  mountedFolderTargets: readonly string[];
  /**
   * The sections a `[permalinks]` pattern places whose content folder (in some language) holds pages of
   * a format the workspace does not read (`content/post/2015-11-9-why-90-days.markdown`, letsencrypt.org's):
   * Hugo builds them where the pattern says, which only their front matter tells. Looked for when the
   * configuration is read.
   */
  unreadPatternSections: ReadonlySet<string>;
  /**
   * The sections a `[permalinks]` pattern places that have no folder in any content folder, the
   * site's or its themes' (`page = "/:title/"` where there is no `content/page/`, coredns.io's):
   * the pattern writes no page. Looked for when the configuration is read.
   */
  contentlessPatternSections: ReadonlySet<string>;
  /** Whether the content folder itself is read: not where mounts into the content leave it out (Hugo adds a default mount only for a kind of folder no mount names). */
  readsContentFolder: boolean;
  /** By content folder: whether Hugo reads a file at a path in it, as its mount's `includeFiles` and `excludeFiles` say. */
  mountFilters: ReadonlyMap<string, (pathInFolder: string) => boolean>;
}

/**
 * The parameters a shortcode template hands to `ref` or `relref` as the page to find: `relref .
 * (.Get "relref")`, `.Get 0 | relref .Page`, `{{ with .Get "relref" }}{{ relref $ . }}{{ end }}`,
 * `{{ $p := .Get "path" }}…{{ ref . $p }}`. Names as written, positions as `0`, `1`. Read from the
 * template's actions (not its comments), block by block; what it computes otherwise is not followed.
 */
export function refParametersOfTemplate(template: string, unconditional?: Set<string>): Set<string> {
  const parameters = new Set<string>();
  // For each open block, the parameter its condition tests (`if .Get "p"`, `with .Get "p"`), where a
  // call of `ref` with it runs whenever it is given, or whether it is a web address (`if hasPrefix $p
  // "http"`, either branch: web addresses are no refs); null for any other condition, an `else`, a loop
  // or a definition. `unconditional` receives the parameters some call hands to `ref` in no block but such.
  const guards: Array<{ parameter: string; webAddress: boolean } | null> = [];
  const GET = /\.Get\s+(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`|(\d+))/;
  const parameterOf = (match: RegExpExecArray | null) => (match === null ? undefined : (match[1] ?? match[2] ?? match[3]));
  // The parameter `.` stands for in each open block (`with .Get "p"`), innermost last.
  const dots: Array<string | undefined> = [];
  const variables = new Map<string, string>();
  for (const action of templateActions(template)) {
    // Without its braces and trim markers (`{{- … -}}`); sliced, as a pattern anchored at the end would try every blank.
    const inner = action.slice(2, -2);
    const body = inner.slice(inner.startsWith('-') ? 1 : 0, inner.endsWith('-') ? -1 : undefined).trim();
    const keyword = /^(if|with|range|block|define|else|end)\b/.exec(body)?.[1];
    if (keyword === 'end') {
      dots.pop();
      guards.pop();
      continue;
    }
    // A longer action is no call of `ref` a template writes; its blocks still count.
    const readable = body.length <= MAX_READ_ACTION_LENGTH;
    if (keyword === 'else') {
      // `{{ else }}`: `.` is the outer one again; `{{ else with .Get "q" }}`: the new subject.
      if (dots.length === 0) continue;
      if (guards.at(-1)?.webAddress !== true) guards[guards.length - 1] = null;
      dots[dots.length - 1] = !readable ? undefined : /^else\s+with\s+\(?\s*\.Get\b/.test(body) ? parameterOf(GET.exec(body)) : /^else\s+with\b/.test(body) ? undefined : dots.at(-2);
      continue;
    }
    if (!readable) {
      if (keyword !== undefined) {
        dots.push(undefined);
        guards.push(null);
      }
      continue;
    }
    // What the action hands to `ref` is read before what it assigns: `{{ $u = relref . $u }}`.
    const path = refPathOf(body);
    if (path !== undefined) {
      const parameter = path === '.' ? dots.at(-1) : path.startsWith('$') ? variables.get(path) : parameterOf(GET.exec(path));
      if (parameter !== undefined) parameters.add(parameter);
      if (parameter !== undefined && guards.every((guard) => guard?.parameter === parameter)) unconditional?.add(parameter);
    }
    // `{{ $p := .Get "p" }}`, `{{ $p = … }}`, `{{ with $p := .Get "p" }}`.
    const assigned = /^(?:(?:if|with|range)\s+)?(\$\w+)\s*:?=\s*(.*)$/s.exec(body);
    if (assigned !== null) {
      const parameter = parameterOf(GET.exec(assigned[2]));
      if (parameter !== undefined && /^\(?\s*\.Get\b[^|]*$/.test(assigned[2])) variables.set(assigned[1], parameter);
      else variables.delete(assigned[1]);
    }
    // `with` sets `.`, `if` keeps it, `range`, `define` and `block` set it to something else.
    if (keyword === 'if' || keyword === 'with') {
      const tested = /^(?:if|with)\s+(?:\$\w+\s*:=\s*)?(?:\(\s*\.Get\s+(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|\d+)\s*\)|\.Get\s+(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|\d+))\s*$/.test(body)
        ? parameterOf(GET.exec(body))
        : /^(?:if|with)\s+\$\w+\s*$/.test(body) ? variables.get(body.split(/\s+/)[1]) : undefined;
      // A test of whether one parameter is a web address: `.Get "p"` or a variable holding it, and "http" or "://".
      const named = [...body.matchAll(/\$\w+/g)].map((match) => variables.get(match[0])).filter((name) => name !== undefined);
      const got = parameterOf(GET.exec(body));
      const addressOf = keyword === 'if' && /"(?:https?:?|[^"]*:\/\/[^"]*)"/.test(body) ? [...new Set([...named, ...(got === undefined ? [] : [got])])] : [];
      guards.push(tested !== undefined ? { parameter: tested, webAddress: false } : addressOf.length === 1 ? { parameter: addressOf[0], webAddress: true } : null);
    } else if (keyword !== undefined && keyword !== 'else') guards.push(null);
    if (keyword === 'with') dots.push(/^with\s+(?:\$\w+\s*:=\s*)?\(?\s*\.Get\b[^|]*$/.test(body) ? parameterOf(GET.exec(body)) : undefined);
    else if (keyword === 'if') dots.push(dots.at(-1));
    else if (keyword !== undefined) dots.push(undefined);
  }
  return parameters;
}

/** Actions longer than this are not read for `ref` calls, so no pattern runs long on a hostile template. */
const MAX_READ_ACTION_LENGTH = 300;

/**
 * The actions of a Go template (`{{ … }}`), without its comments (which open with `{{/*`), found in one
 * pass: where an action or a comment is left open, Hugo cannot parse the template, and the rest is
 * not read.
 */
export function templateActions(template: string): string[] {
  return templateActionSpans(template).map(({ start, end }) => template.slice(start, end));
}

/** Where each action of a template starts and ends (see `templateActions`), comments left out. */
export function templateActionSpans(template: string): Array<{ start: number; end: number }> {
  const actions: Array<{ start: number; end: number }> = [];
  for (let at = template.indexOf('{{'); at !== -1; ) {
    const comment = /^\{\{-?\s{0,8}\/\*/.exec(template.slice(at, at + 14));
    const commentEnd = comment === null ? at : template.indexOf('*/', at + comment[0].length);
    const close = commentEnd === -1 ? -1 : template.indexOf('}}', comment === null ? at + 2 : commentEnd + 2);
    if (close === -1) break;
    if (comment === null) actions.push({ start: at, end: close + 2 });
    at = template.indexOf('{{', close + 2);
  }
  return actions;
}

/** The page argument of a `ref` or `relref` call in an action, as written: `(.Get "p")`, `.Get 0`, `.`, `$p`. */
function refPathOf(action: string): string | undefined {
  const argument = /(?:^|[\s(=])(?:rel)?ref\s+(?:\$\.Page|\.Page|\$|\.)\s+(\(\s*\.Get\s+[^)]*\)|\.(?![\w.])|\$\w+)/.exec(action);
  if (argument !== null) return argument[1];
  const piped = /(\(\s*\.Get\s+(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|\d+)\s*\)|\.Get\s+(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|\d+)|\.(?![\w.])|\$\w+)\s*\|\s*(?:rel)?ref\b/.exec(action);
  return piped === null ? undefined : piped[1].trim();
}

/** Of Hugo's own shortcodes, those whose template reads `.Inner`. */
export const HUGO_INNER_SHORTCODES: readonly string[] = ['highlight'];

/** The shortcodes Hugo 0.111 has templates for itself. */
export const HUGO_SHORTCODES: readonly string[] = ['figure', 'gist', 'highlight', 'instagram', 'instagram_simple', 'param', 'ref', 'relref', 'tweet', 'twitter', 'twitter_simple', 'vimeo', 'vimeo_simple', 'youtube'];

/**
 * The language a URL path's first segment names, where the site writes languages in front of paths:
 * only a site of several languages does (see `defaultContentLanguageInSubdir`); in one of one, `/en/` is a folder like any.
 */
export function hugoLanguageOfSegment(site: Pick<HugoSite, 'languages'>, segment: string | undefined): HugoLanguage | undefined {
  if (segment === undefined || site.languages.filter((language) => !language.disabled).length < 2) return undefined;
  const code = segment.toLowerCase();
  return site.languages.find((language) => language.code === code);
}

export function hugoSiteOf(facts: HugoConfigFacts): HugoSite {
  const contentDir = folderOf(facts.contentDir ?? 'content');
  const defaultContentLanguage = (facts.defaultContentLanguage ?? 'en').toLowerCase();
  const configured = facts.languages.map((language) => ({
    code: language.code.toLowerCase(),
    contentDir: language.contentDir === undefined ? contentDir : folderOf(language.contentDir),
    weight: language.weight ?? 0,
    disabled: language.disabled === true,
    ...(language.baseURL === undefined ? {} : { basePath: basePathOf(language.baseURL) }),
    ...(language.permalinks === undefined ? {} : { permalinks: lowerCasedKeys(language.permalinks) }),
    ...(language.cascade === undefined ? {} : { cascade: cascadeFieldsOf(language.cascade) }),
  }));
  const languages = configured.length > 0 ? configured : [{ code: defaultContentLanguage, contentDir, weight: 0, disabled: false }];
  languages.sort((a, b) => a.weight - b.weight || a.code.localeCompare(b.code));
  return {
    basePath: basePathOf(facts.baseURL ?? '/'),
    contentDir,
    languages,
    defaultContentLanguage,
    // Hugo 0.111 puts a language in front of paths only in a site of several languages (submariner's
    // one `[languages.en]`, or a second one disabled): with one, none, whatever this says.
    defaultContentLanguageInSubdir: (facts.defaultContentLanguageInSubdir ?? false) && languages.filter((language) => !language.disabled).length > 1,
    uglyURLs: facts.uglyURLs ?? false,
    uglySections: new Set(facts.uglyURLSections ?? []),
    rewritesRootLinks: facts.rewritesRootLinks ?? false,
    disablePathToLower: facts.disablePathToLower ?? false,
    disableAliases: facts.disableAliases ?? false,
    configCascade: facts.cascade === undefined ? [] : cascadeFieldsOf(facts.cascade),
    removePathAccents: facts.removePathAccents ?? false,
    buildDrafts: facts.buildDrafts ?? false,
    buildFuture: facts.buildFuture ?? false,
    buildExpired: facts.buildExpired ?? false,
    permalinks: lowerCasedKeys(facts.permalinks ?? {}),
    taxonomies: new Set(facts.disableKinds?.includes('term') ? [] : (facts.taxonomies ?? ['tags', 'categories']).map((name) => name.toLowerCase())),
    dateSources: dateSourcesOf(facts),
    multihost: facts.languages.some((language) => language.baseURL !== undefined),
    refsFailBuild: facts.refLinksErrorLevel?.toUpperCase() !== 'WARNING',
    rendersRawHtml: facts.rendersRawHtml ?? false,
    ignoreFiles: (facts.ignoreFiles ?? []).flatMap((pattern) => goRegExp(pattern) ?? []),
    disableKinds: new Set(facts.disableKinds ?? []),
    themes: facts.themes ?? [],
    themesDir: facts.themesDir ?? 'themes',
    layoutDir: facts.layoutDir ?? 'layouts',
    defaultRenderHooks: facts.defaultRenderHooks ?? [],
    staticDirs: [...(facts.staticDirs ?? ['static']), ...(facts.themes ?? []).map((theme) => `${facts.themesDir ?? 'themes'}/${theme}/static`)],
    importsModules: facts.importsModules === true,
    importsTemplates: facts.importsTemplates === true,
    otherFormatFiles: [],
    otherFormatPaths: [],
    plainHtmlFiles: new Set(),
    contentLeftOut: false,
    contentMountSources: facts.contentMountSources ?? [],
    contentSubmounts: facts.contentSubmounts ?? [],
    mountedFolderTargets: [],
    unreadPatternSections: new Set(),
    contentlessPatternSections: new Set(),
    readsContentFolder: facts.contentFolderUnmounted !== true,
    mountFilters: new Map((facts.contentMountFilters ?? []).map((filter) => [filter.source, mountFilter(filter.includeFiles, filter.excludeFiles)])),
  };
}

/**
 * Whether Hugo reads a file of a mounted folder, by its path in the folder: as its filename filter
 * does, globs matched in lower case against `/` and the path, a file an inclusion matches read
 * whatever an exclusion says, a file or a folder above it an exclusion matches left out, and
 * without inclusions every other file read.
 */
function mountFilter(includeFiles: readonly string[], excludeFiles: readonly string[]): (pathInFolder: string) => boolean {
  const compiled = (globs: readonly string[]) => globs.map((glob) => compileGoGlob(`/${glob.replace(/^\//, '')}`.toLowerCase()));
  const [inclusions, exclusions] = [compiled(includeFiles), compiled(excludeFiles)];
  return (pathInFolder) => {
    const path = `/${pathInFolder}`.toLowerCase();
    if (inclusions.some((matches) => matches(path))) return true;
    const segments = path.split('/').slice(1);
    const excluded = segments.some((_, at) => exclusions.some((matches) => matches(`/${segments.slice(0, at + 1).join('/')}`)));
    return !excluded && inclusions.length === 0;
  };
}

/**
 * A Go regular expression, read by RE2 as Go reads it: the same syntax (`(?i)`, `\\z`,
 * `[[:alpha:]]`), and time linear in the path, whatever the pattern (a JavaScript RegExp of
 * `(a+)+$` would hang the server on a long path). Undefined where RE2 does not read it.
 */
function goRegExp(pattern: string): RE2JS | undefined {
  // Loaded on first use: in the bundles, `./goRegExp` is dist/re2.js (esbuild.mjs).
  re2 ??= require('./goRegExp') as typeof GoRegExp;
  try {
    return re2.RE2JS.compile(pattern);
  } catch {
    return undefined;
  }
}

let re2: typeof GoRegExp | undefined;

/** `[permalinks]` keyed as Hugo reads configuration keys: lower-cased. */
function lowerCasedKeys(patterns: Record<string, string>): Record<string, string> {
  // Blanks and slashes around a key are trimmed: `/` names the pages of the content folder itself.
  return Object.fromEntries(Object.entries(patterns).map(([section, pattern]) => [trimmedOf(section.toLowerCase(), ' /'), pattern]));
}

/** A text without the given characters at its ends (Go's `strings.Trim`), in time linear in its length. */
function trimmedOf(text: string, characters: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && characters.includes(text[start])) start++;
  while (end > start && characters.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

/** `./content/` → `content`; `.` → `` (the site root). */
function folderOf(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** The path of a `baseURL`, with a final slash: of `https://example.org/base`, and of one without a scheme (`//example.org/base/`, Apache Flink's docs), `/base/`. */
function basePathOf(baseURL: string): string {
  const withHost = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*(\/.*)?$/i.exec(baseURL);
  const path = withHost !== null ? (withHost[1] ?? '/') : baseURL.startsWith('/') ? baseURL : '/';
  const withoutQuery = path.replace(/[?#].*$/, '');
  return withoutQuery.endsWith('/') ? withoutQuery : `${withoutQuery}/`;
}

/** The endings of content files Hugo builds pages from that the workspace does not read (it reads `.md` and `.mdx`). */
export const HUGO_UNREAD_CONTENT_EXTENSIONS = ['markdown', 'mdown', 'mkd', 'mkdn', 'html', 'htm', 'adoc', 'asciidoc', 'ad', 'org', 'pandoc', 'pdc', 'rst'];

/** The file types Hugo renders as pages that this project reads. */
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);

type PageKind = 'home' | 'section' | 'page';

/** A section's `_index` file above a page, in the page's language: its path relative to the site root, and its front matter. */
export interface HugoSectionFile {
  relativePath: string;
  fields: readonly FrontMatterField[];
}

/**
 * What Hugo makes of the file at `relativePath` (posix, relative to the site root) with these
 * front-matter fields, at time `now`; undefined when the file is in no language's content folder.
 * `sections` are the `_index` files of the sections above it in its language, nearest first: their
 * `cascade` gives it the front matter it does not set itself, and a section Hugo does not build
 * (a draft, dated in the future, expired) takes every page below it out of the build.
 */
/** Hugo reads no file, and no folder, whose name starts with "." or "#" or ends with "~" (hidden files, editors' backups). */
function isHiddenFromHugo(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.') || segment.startsWith('#') || segment.endsWith('~'));
}

/**
 * Where Hugo reads a file of the site (`relativePath`, from its folder) as content: a file of a
 * folder or a file mounted below the content (`mods/go/docs/start.md` with `source = "mods/go/docs"`,
 * `target = "content/docs/go"`) at its place there (`content/docs/go/start.md`, in the content folder
 * of the mount's language, else of the default language); any other file where it is.
 */
export function hugoContentPath(site: HugoSite, relativePath: string): string {
  if (site.contentSubmounts.length === 0) return relativePath;
  const path = folderOf(relativePath);
  for (const mount of site.contentSubmounts) {
    const rest = path === mount.source ? '' : path.startsWith(`${mount.source}/`) ? path.slice(mount.source.length) : undefined;
    // A folder of the content mounted elsewhere too: Hugo builds its pages at both places, the model at
    // the first; but for a hidden one (`content/.common`) and one below the place of a mounted folder
    // (`content/docs/v1` at `content/docs`), which Hugo reads only where they are mounted.
    if (rest === undefined || (languagesReading(site, mount.source) !== undefined && !isHiddenFromHugo(relativePath) && !belowMountedFolder(site, path))) continue;
    // In the mount's language, else in the one the file's name gives (`b.de.md`), else the default language.
    const suffix = /\.([^./]+)\.[^./]+$/.exec(path)?.[1];
    const language =
      site.languages.find((candidate) => candidate.code === (mount.lang ?? suffix)) ?? site.languages.find((candidate) => candidate.code === site.defaultContentLanguage) ?? site.languages[0];
    return [language.contentDir, `${mount.target}${rest}`].filter((part) => part !== '').join('/');
  }
  return relativePath;
}

/**
 * Whether a file of a content folder (`content/en/docs/go/intern/a.md`) lies in a subfolder of a
 * place where a folder is mounted (`docs/go`, see `HugoSite.mountedFolderTargets`): Hugo does not
 * read it there.
 */
function belowMountedFolder(site: HugoSite, relativePath: string): boolean {
  if (site.mountedFolderTargets.length === 0) return false;
  const reading = languagesReading(site, relativePath);
  if (reading === undefined) return false;
  const inner = reading.contentDir === '' ? relativePath : relativePath.slice(reading.contentDir.length + 1);
  return site.mountedFolderTargets.some((target) => inner.startsWith(`${target}/`) && inner.slice(target.length + 1).includes('/'));
}

/** The folders of the site (from its folder) whose files Hugo reads at a folder of the content (`content/docs/go`): itself, and the mounted ones there. */
export function hugoFoldersAt(site: HugoSite, contentFolder: string): string[] {
  const folders = [contentFolder];
  if (site.contentSubmounts.length === 0) return folders;
  for (const mount of site.contentSubmounts) {
    for (const language of site.languages) {
      const target = [language.contentDir, mount.target].filter((part) => part !== '').join('/');
      if (contentFolder === target) folders.push(mount.source);
      else if (contentFolder.startsWith(`${target}/`)) folders.push(`${mount.source}${contentFolder.slice(target.length)}`);
    }
  }
  return [...new Set(folders)];
}

/**
 * Whether Hugo may read a file of the site folder that the site model gives no page (`relativePath`,
 * from the site's folder) as content: in a theme's own content folder (`themes/<theme>/content/`)
 * or a folder mounted as content, neither of which the model reads.
 */
export function hugoMayReadAsContent(site: HugoSite, relativePath: string): boolean {
  return [...hugoThemeContentFolders(site), ...site.contentMountSources].some((folder) => relativePath.startsWith(`${folder}/`));
}

/** Whether Hugo reads the file at `relativePath` (from the site's folder) as content: in a language's content folder, a theme's, or one mounted. */
export function hugoReadsAsContent(site: HugoSite, relativePath: string): boolean {
  return (readAtItsPlace(site, relativePath) && languagesReading(site, folderOf(hugoContentPath(site, relativePath))) !== undefined) || hugoMayReadAsContent(site, relativePath);
}

/** Whether the content at a file's place is read: mounted there, or in a content folder Hugo mounts. */
function readAtItsPlace(site: HugoSite, relativePath: string): boolean {
  return site.readsContentFolder || hugoContentPath(site, relativePath) !== relativePath;
}

/** The content folders of the site's themes, from the site's folder (`themes/<theme>/content`), whose pages Hugo builds too. */
export function hugoThemeContentFolders(site: HugoSite): string[] {
  const themesDir = site.themesDir.replace(/^\.\/|\/$/g, '');
  return site.themes.map((theme) => `${themesDir}/${theme}/content`);
}

export function hugoPageOf(
  site: HugoSite,
  relativePath: string,
  fields: readonly FrontMatterField[],
  now: Date,
  around: { sections?: readonly HugoSectionFile[]; bundleRole?: HugoBundleRole; absolutePath?: string; hasLanguageTwin?: (code: string) => boolean } = {},
): SitePage | undefined {
  const { bundleRole, absolutePath, hasLanguageTwin } = around;
  // Files and sections mounted below the content are read where they are mounted.
  const sections = (around.sections ?? []).map((section) => ({ ...section, relativePath: hugoContentPath(site, section.relativePath) }));
  const contentPath = hugoContentPath(site, relativePath);
  const path = folderOf(contentPath);
  const folderLanguages = readAtItsPlace(site, relativePath) && !(contentPath === relativePath && belowMountedFolder(site, relativePath)) ? languagesReading(site, path) : undefined;
  if (folderLanguages === undefined) return undefined;
  const inner = path.slice(folderLanguages.contentDir === '' ? 0 : folderLanguages.contentDir.length + 1);
  const slash = inner.lastIndexOf('/');
  const folder = slash === -1 ? '' : inner.slice(0, slash);
  const fileName = inner.slice(slash + 1);
  const dot = fileName.lastIndexOf('.');
  // As written: `term.MD` is no content file to Hugo.
  const extension = dot <= 0 ? '' : fileName.slice(dot + 1);
  const stem = dot <= 0 ? fileName : fileName.slice(0, dot);
  // `term.de.md` is the `de` page of `term`, whichever language's folder it is in (`term.DE.md` is not).
  const suffixDot = stem.lastIndexOf('.');
  const suffix = suffixDot > 0 ? stem.slice(suffixDot + 1) : '';
  const suffixLanguage = site.languages.find((language) => language.code === suffix);
  const name = suffixLanguage ? stem.slice(0, suffixDot) : stem;
  const language = suffixLanguage ?? folderLanguages.language;
  const docId = folder === '' ? name : `${folder}/${name}`;
  // Hugo 0.111 heads a bundle with any `index.…` or `_index.…` file: one whose suffix names no language
  // (`_index.zh-CN.md` where the language is `zh-cn`) heads its folder's in the folder's language.
  const oddHeader = suffixLanguage === undefined && /^_?index\./.test(stem);
  const kind: PageKind = name === '_index' || (oddHeader && stem.startsWith('_')) ? (folder === '' ? 'home' : 'section') : 'page';
  const isBundle = name === 'index' || (oddHeader && !stem.startsWith('_'));
  // The name Hugo's `:filename` date source reads: a leaf bundle's folder's.
  const baseFileName = isBundle ? folder.slice(folder.lastIndexOf('/') + 1) : name;
  const target: CascadeTarget = { path: `/${inner}`.toLowerCase(), kind, lang: language.code };
  const cascaded = cascadedFields(kind === 'page' ? [] : [fields], [...sections.map((section) => section.fields), language.cascade ?? site.configCascade], target);
  const frontMatter = new HugoFrontMatter([...lastOfEachKey(fields), ...cascaded]);

  const ownKey = frontMatter.text('translationkey') || undefined;
  // Such a file keeps its name in its translation key, as a page's (`page/docs/_index.zh-CN`).
  const keyKind = oddHeader ? 'page' : kind;
  const defaultKey = keyKind === 'page' ? docId : folder;
  const translationKey = keyKind === 'home' && ownKey === undefined ? 'home' : `${keyKind}/${ownKey ?? defaultKey}`;
  const page: SitePage = {
    generator: 'hugo',
    locale: language.code,
    instance: 'default',
    version: 'current',
    docId,
    translationKey,
    published: false,
    unlisted: false,
    permalink: '',
    route: '',
    problems: [],
    ...(cascaded.length === 0 ? {} : { cascaded }),
  };
  const url = frontMatter.text('url');
  // Hugo tests the scheme as written: `HTTP://…` is a path to it.
  if (url !== undefined && /^https?:\/\//.test(url)) {
    page.problems.push({ key: 'url', message: l10n.t('Hugo refuses a "url" with a protocol ({0}): the build fails.', url) });
  }
  const isContent =
    MARKDOWN_EXTENSIONS.has(extension) &&
    !isHiddenFromHugo(inner) &&
    (site.mountFilters.get(folderLanguages.contentDir)?.(inner) ?? true) && !site.ignoreFiles.some((ignored) => ignored.test(absolutePath ?? `/${path}`));
  const sectionNodes = sectionNodesAbove(sections, folderLanguages.contentDir, inner, kind, language.code);
  // `term.md` beside `term.en.md`, in its folder's language `en`: Hugo 0.111 builds the page of the file that names its language only.
  const replaced = suffixLanguage === undefined && hasLanguageTwin?.(language.code) === true;
  const reason = !isContent
    ? 'excluded'
    : replaced
      ? 'replaced'
      : bundleRole === 'resource'
      ? 'bundle-resource'
      : site.disableKinds.has(kind === 'page' && isBundle && folder === '' ? 'home' : kind)
        ? 'not-rendered'
        : (unpublishedReasonOf(site, language, frontMatter, isBundle, baseFileName, now) ?? (inUnbuiltSection(site, sectionNodes, now) ? 'unbuilt-section' : undefined));
  // Hugo reads the content, and its shortcodes, of every file it loads, built or not (headless, `_build`, `disableKinds`):
  // not a draft or a page out of date, nor one below such a section. A bundle's resource goes with its bundle, not told here.
  if (isContent && !replaced && bundleRole !== 'resource' && !language.disabled && unbuiltReasonOf(site, frontMatter, now, baseFileName) === undefined && !inUnbuiltSection(site, sectionNodes, now)) page.contentRead = true;
  if (reason !== undefined) return { ...page, unpublishedReason: reason };

  // A multihost site serves each language from its own base URL, without the language in its paths.
  const languagePrefix = site.multihost || (language.code === site.defaultContentLanguage && !site.defaultContentLanguageInSubdir) ? '' : `/${language.code}`;
  const sectionEntries = currentSectionEntries(sections, folderLanguages.contentDir, folder);
  const pagePath = url !== undefined && url !== '' ? urlPath(url, languagePrefix) : builtPath(site, language.permalinks ?? site.permalinks, languagePrefix, folder, name, kind, isBundle, frontMatter, baseFileName, sectionEntries);
  const basePath = site.multihost ? (language.basePath ?? site.basePath) : site.basePath;
  const permalink = goEscapedPath(basePath + pagePath.slice(1));
  return { ...page, published: true, permalink, route: permalink };
}

/**
 * What Hugo's bundles make of a file that is no page of its own: a `resource` of a leaf bundle
 * (any file in the folder of an `index.md` without an `_index.md`, or in a folder below it, is one
 * of that page's resources). An `index.md` beside an `_index.md` is a page at the section's path,
 * which Hugo writes over the section's or not, as it happens (`duplicate-route` warns).
 */
export type HugoBundleRole = 'resource';

/**
 * The role of the file at `relativePath` in Hugo's bundles, from the names of the Markdown files
 * that head bundles (`index.md`, `_index.md`, `index.de.md`, ...) in each folder from its own up
 * to its content folder; `headerNamesIn` gives them for a folder (relative to the site root).
 */
export function hugoBundleRoleOf(site: HugoSite, relativePath: string, headerNamesIn: (folder: string) => Iterable<string>): HugoBundleRole | undefined {
  const path = folderOf(hugoContentPath(site, relativePath));
  const reading = languagesReading(site, path);
  if (reading === undefined) return undefined;
  const inner = path.slice(reading.contentDir === '' ? 0 : reading.contentDir.length + 1);
  const segments = inner.split('/');
  // A file that heads its own folder's bundle is that bundle's page, unless another heads it in its
  // language before it (by name: `_index.foo.md` before `_index.md`), which makes it a resource: only the folders above it count.
  const ownName = segments[segments.length - 1];
  const ownKind = bundleHeaderKind(ownName);
  if (ownKind !== undefined) {
    const ownFolder = [reading.contentDir, ...segments.slice(0, -1)].filter((segment) => segment !== '').join('/');
    const names = new Set(hugoFoldersAt(site, ownFolder).flatMap((physical) => [...headerNamesIn(physical)]));
    const languageOf = (name: string) => headerLanguage(site, name) ?? reading.language.code;
    const contends = (name: string) => bundleHeaderKind(name) === ownKind && languageOf(name) === languageOf(ownName) && !replacedByTwin(site, name, languageOf(name), names);
    if ([...names].some((name) => name < ownName && contends(name))) return 'resource';
  }
  const nearest = ownKind === undefined ? segments.length - 1 : segments.length - 2;
  for (let depth = nearest; depth >= 0; depth--) {
    const folder = [reading.contentDir, ...segments.slice(0, depth)].filter((segment) => segment !== '').join('/');
    let leaf = false;
    let branch = false;
    for (const name of hugoFoldersAt(site, folder).flatMap((physical) => [...headerNamesIn(physical)])) {
      const kind = bundleHeaderKind(name);
      if (kind === 'leaf') leaf = true;
      else if (kind === 'branch') branch = true;
    }
    if (leaf && !branch) return 'resource';
  }
  return undefined;
}

/** Whether a file name heads a bundle: `index` (a leaf bundle) or `_index` (a branch bundle), with a suffix or none (Hugo 0.111 tests the name's start only), as Markdown Hugo reads. */
function bundleHeaderKind(fileName: string): 'leaf' | 'branch' | undefined {
  const match = /^(_?index)(?:\.([^./]+))?\.([^./]+)$/.exec(fileName);
  if (match === null || !MARKDOWN_EXTENSIONS.has(match[3])) return undefined;
  return match[1] === 'index' ? 'leaf' : 'branch';
}

/** The language a bundle header's suffix names (`_index.de.md`), if it names one of the site's. */
function headerLanguage(site: HugoSite, fileName: string): string | undefined {
  const suffix = /^_?index\.([^./]+)\.[^./]+$/.exec(fileName)?.[1];
  return site.languages.some((language) => language.code === suffix) ? suffix : undefined;
}

/** Whether a header without a language's suffix (`_index.md`) has its twin with its language's among `names` (`_index.en.md`): Hugo builds that in its place. */
function replacedByTwin(site: HugoSite, fileName: string, language: string, names: ReadonlySet<string>): boolean {
  const match = /^(_?index)\.([^./]+)$/.exec(fileName);
  return match !== null && headerLanguage(site, fileName) === undefined && names.has(`${match[1]}.${language}.${match[2]}`);
}

/**
 * The URL paths Hugo writes a page at besides the pages' own, as keys (see `permalinkKey`):
 * - the list page of each top-level folder of a content folder that holds a page Hugo reads (built,
 *   or headless, or not rendered; not a draft; not the folder's own leaf bundle, `about/index.md`, which
 *   makes it no section) and no `_index` file of its own (whose page is a page
 *   of the index), unless `disableKinds` has `section`: in the page's language, its name urlized
 *   and lower-cased whatever `disablePathToLower` says, `.html` with `uglyURLs`;
 * - a redirect at each `aliases` path of a built page, unless `disableAliases`: below the base URL's
 *   path as written (Hugo 0.111 puts no language in front of it), or relative to the page's
 *   folder, cleaned as Go cleans a path, a final `index.html` dropped, `.html` with `uglyURLs`;
 * - the pages of the taxonomies (`site.taxonomies`) in each language: the list of each (`/tags/`),
 *   and a page for each term a built page of the language gives it (`tags: [Foo Bar]`: `/tags/foo-bar/`),
 *   urlized as a folder is, lower-cased unless `disablePathToLower`.
 * `files` are the paths of every document of the site relative to it; `pages` the pages Hugo reads,
 * with the terms of the taxonomies their front matter gives (by the taxonomy's plural, lower-cased).
 */
export function hugoPathsBesidePages(site: HugoSite, files: Iterable<string>, pages: Iterable<{ relativePath: string; page: SitePage; aliases: readonly string[]; terms: ReadonlyMap<string, readonly string[]> }>): Set<string> {
  const paths = new Set<string>();
  // As written and as Hugo escapes it (`/straße/`, `/stra%C3%9Fe/`): a link may have either.
  const add = (path: string, ugly = site.uglyURLs) => {
    const clean = posix.normalize(path).replace(/\/index\.html$/, '/');
    const written = (ugly && !clean.endsWith('.html') ? `${clean.replace(/\/+$/, '')}.html` : clean).replace(/\/+$/, '');
    for (const form of [written, goEscapedPath(written)]) paths.add(composed(form));
  };
  const topFolderOf = (relativePath: string): { contentDir: string; folder: string; rest: string[] } | undefined => {
    const contentPath = hugoContentPath(site, relativePath);
    const reading = languagesReading(site, contentPath);
    if (reading === undefined) return undefined;
    const inner = contentPath.slice(reading.contentDir === '' ? 0 : reading.contentDir.length + 1).split('/');
    return inner.length < 2 ? undefined : { contentDir: reading.contentDir, folder: inner[0], rest: inner.slice(1) };
  };
  const headed = new Set<string>();
  for (const file of files) {
    const top = topFolderOf(file);
    if (top !== undefined && top.rest.length === 1 && bundleHeaderKind(top.rest[0]) === 'branch') headed.add(`${top.contentDir}/${top.folder}`);
  }
  const languagePrefix = (locale: string) => (site.multihost || (locale === site.defaultContentLanguage && !site.defaultContentLanguageInSubdir) ? '' : `${locale}/`);
  const urlized = (text: string) => {
    const unaccented = site.removePathAccents ? text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC') : text;
    return site.disablePathToLower ? unicodeSanitize(unaccented) : unicodeSanitize(unaccented).toLowerCase();
  };
  for (const language of site.languages.length > 0 ? site.languages : [{ code: site.defaultContentLanguage, disabled: false }]) {
    if (language.disabled) continue;
    for (const plural of site.taxonomies) add(`${site.basePath}${languagePrefix(language.code)}${urlized(plural)}/`);
  }
  for (const { relativePath, page, aliases, terms } of pages) {
    if (page.published) {
      for (const [plural, values] of terms) {
        if (site.taxonomies.has(plural)) for (const term of values) add(`${site.basePath}${languagePrefix(page.locale)}${urlized(plural)}/${urlized(term)}/`);
      }
    }
    const top = topFolderOf(relativePath);
    // A top-level folder's own leaf bundle (`about/index.md`) is a page, and no section: its other files are its resources.
    const ownBundle = top !== undefined && top.rest.length === 1 && bundleHeaderKind(top.rest[0]) === 'leaf';
    if (page.contentRead && top !== undefined && !ownBundle && !headed.has(`${top.contentDir}/${top.folder}`) && !site.disableKinds.has('section')) {
      // As a page's own path has it (see `hugoPageOf`), whatever its `url` says.
      const prefix = languagePrefix(page.locale);
      const unaccented = site.removePathAccents ? top.folder.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC') : top.folder;
      add(`${site.basePath}${prefix}${unicodeSanitize(unaccented).toLowerCase()}/`, site.uglyURLs || site.uglySections.has(top.folder));
    }
    if (site.disableAliases || !page.published) continue;
    const folder = page.permalink.replace(/[^/]*\/?$/, '');
    for (const alias of aliases) add(alias.startsWith('/') ? `${site.basePath}${alias.slice(1)}` : `${folder}${alias}`);
  }
  return paths;
}

/**
 * Whether a URL path may be a page a `[permalinks]` pattern makes of a file the workspace does not
 * read (see `HugoSite.unreadPatternSections`): below the base path and a language's prefix, it has the
 * pattern's shape, each attribute standing for a part of a folder (`:sections`, for any folders), and
 * ends in `.html` where the section's `uglyURLs` writes files.
 */
export function hugoUnreadPatternPageMayBeAt(site: HugoSite, path: string): boolean {
  if (site.unreadPatternSections.size === 0 || !path.startsWith(site.basePath)) return false;
  const segments = path.slice(site.basePath.length).split('/').filter((segment) => segment !== '');
  if (hugoLanguageOfSegment(site, segments[0]) !== undefined) segments.shift();
  const asFile = /\.html$/i.test(path);
  const below = segments.join('/').replace(/\.html$/i, '');
  const patterns = [site.permalinks, ...site.languages.map((language) => language.permalinks ?? {})].flatMap((permalinks) => Object.entries(permalinks));
  return patterns.some(([section, pattern]) => {
    // Written as a file where `uglyURLs` says so, else as a folder.
    if (!site.unreadPatternSections.has(section) || asFile !== (site.uglyURLs || site.uglySections.has(section))) return false;
    const shape = pattern
      .replace(/^\/+|\/+$/g, '')
      .split(PERMALINK_ATTRIBUTE_SPLIT)
      .map((part, index) => (index % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : part.startsWith(':sections') ? '.*' : '[^/]*'))
      .join('');
    return new RegExp(`^${shape}$`, 'iu').test(safeDecodeURI(below));
  });
}

/** A pattern split at its attributes, which the odd entries are. */
const PERMALINK_ATTRIBUTE_SPLIT = /(:\w+(?:\[.+?\])?)/;

function safeDecodeURI(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Whether a file name may head a Hugo bundle (`index.md`, `_index.de.md`, ...), whatever the site's languages. */
export function mayHeadHugoBundle(fileName: string): boolean {
  return /^_?index(?:\.[^./]+)?\.(?:md|markdown)$/.test(fileName);
}

/** Of a key written twice, the value Hugo's YAML keeps: the last. */
function lastOfEachKey(fields: readonly FrontMatterField[]): readonly FrontMatterField[] {
  const last = new Map(fields.map((field) => [field.key, field]));
  return last.size === fields.length ? fields : fields.filter((field) => last.get(field.key) === field);
}

/** What a `cascade` entry's `_target` is matched against: the page's path below its content folder (with a leading `/`, lower case), kind and language. */
interface CascadeTarget {
  path: string;
  kind: PageKind;
  lang: string;
}

/** One entry of a `cascade`: the front matter it gives, to the pages its `_target` matches (all, without one). */
interface CascadeEntry {
  matches: (target: CascadeTarget) => boolean;
  values: Record<string, unknown>;
}

/** The keys of dates, which Hugo 0.111 looks up as written in lower case: a cascaded `expiryDate` is not read as one. */
const DATE_KEYS = new Set(['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified', 'expirydate', 'unpublishdate']);

/**
 * The front matter a page takes from the `cascade` of its own `_index` file (`own`, for a section
 * or the home page) and of the sections above it (nearest first), for the keys it does not set:
 * the nearest section's value wins. As Hugo 0.111 reads `cascade`: a table applies to every page
 * (its `_target` is one more value), a list's entries to the pages their `_target` matches (`path`,
 * `kind`, `lang` globs as Go's glob reads them; `environment` against `production`, what `hugo` builds).
 */
function cascadedFields(own: ReadonlyArray<readonly FrontMatterField[]>, above: ReadonlyArray<readonly FrontMatterField[]>, target: CascadeTarget): FrontMatterField[] {
  const given = new Set<string>();
  const cascaded: FrontMatterField[] = [];
  for (const fields of [...own, ...above]) {
    for (const entry of cascadeOf(fields)) {
      if (!entry.matches(target)) continue;
      for (const [key, value] of Object.entries(entry.values)) {
        const lower = key.toLowerCase();
        if (given.has(lower) || (DATE_KEYS.has(lower) && key !== lower)) continue;
        given.add(lower);
        cascaded.push({ key, value, keyRange: NO_RANGE, valueRange: NO_RANGE });
      }
    }
  }
  return cascaded;
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A configuration's `cascade` as the front matter of a section that holds it. */
function cascadeFieldsOf(cascade: unknown): FrontMatterField[] {
  return [{ key: 'cascade', value: cascade as FrontMatterField['value'], keyRange: NO_RANGE, valueRange: NO_RANGE }];
}

/** The cascade of each section file's fields, read once: every page below it asks. */
const cascades = new WeakMap<readonly FrontMatterField[], CascadeEntry[]>();

function cascadeOf(fields: readonly FrontMatterField[]): CascadeEntry[] {
  let entries = cascades.get(fields);
  if (entries === undefined) cascades.set(fields, (entries = readCascade(fields)));
  return entries;
}

function readCascade(fields: readonly FrontMatterField[]): CascadeEntry[] {
  const value = fields.find((field) => field.key.toLowerCase() === 'cascade')?.value;
  // Hugo lower-cases the keys of a table, not those of a list's entries (which matters for dates, see DATE_KEYS).
  if (isTable(value)) return [{ matches: () => true, values: Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.toLowerCase(), entry])) }];
  if (!Array.isArray(value)) return [];
  return value.filter(isTable).map((entry) => {
    const { _target: targetValue, ...values } = entry;
    const targetTable = isTable(targetValue) ? targetValue : {};
    const glob = (key: string) => {
      const pattern = Object.entries(targetTable).find(([name]) => name.toLowerCase() === key)?.[1];
      return typeof pattern === 'string' && pattern !== '' ? compileGoGlob(pattern.toLowerCase()) : undefined;
    };
    const [path, kind, lang, environment] = ['path', 'kind', 'lang', 'environment'].map(glob);
    return {
      matches: (page: CascadeTarget) => (path?.(page.path) ?? true) && (kind?.(page.kind) ?? true) && (lang?.(page.lang) ?? true) && (environment?.('production') ?? true),
      values,
    };
  });
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A section above a page, with what a cascade's `_target` is matched against: its `_index` file, or none for a top-level folder without one. */
interface SectionNode {
  fields: readonly FrontMatterField[];
  target: CascadeTarget;
}

/**
 * The sections above a page, nearest first, from their `_index` files; a top-level folder is a
 * section without one (and takes what the home page cascades), a deeper folder only with one.
 */
function sectionNodesAbove(sections: readonly HugoSectionFile[], contentDir: string, inner: string, kind: PageKind, lang: string): SectionNode[] {
  const innerOf = (relativePath: string) => (contentDir === '' ? relativePath : relativePath.slice(contentDir.length + 1));
  const nodes: SectionNode[] = sections.map((section) => {
    const path = innerOf(section.relativePath);
    return { fields: section.fields, target: { path: `/${path}`.toLowerCase(), kind: path.includes('/') ? 'section' : 'home', lang } };
  });
  const top = inner.split('/')[0];
  const inTopFolder = inner.includes('/') && !(kind === 'section' && inner.split('/').length === 2);
  const isTopSectionFile = (path: string) => {
    const segments = path.split('/');
    return segments.length === 3 && segments[1] === top.toLowerCase() && segments[2].startsWith('_index.');
  };
  if (inTopFolder && !nodes.some((node) => isTopSectionFile(node.target.path))) {
    const home = nodes.findIndex((node) => node.target.kind === 'home');
    nodes.splice(home < 0 ? nodes.length : home, 0, { fields: [], target: { path: `/${top}`.toLowerCase(), kind: 'section', lang } });
  }
  return nodes;
}

/** Whether a section above the page is one Hugo does not build (a draft, future or expired), which removes every page below it. */
function inUnbuiltSection(site: HugoSite, sections: readonly SectionNode[], now: Date): boolean {
  return sections.some((section, position) => {
    const configCascade = site.languages.find((language) => language.code === section.target.lang)?.cascade ?? site.configCascade;
    const above = [...sections.slice(position + 1).map((other) => other.fields), configCascade];
    const frontMatter = new HugoFrontMatter([...section.fields, ...cascadedFields([section.fields], above, section.target)]);
    return unbuiltReasonOf(site, frontMatter, now) !== undefined;
  });
}

/**
 * Why Hugo's `shouldBuild` leaves a page out: a draft, dated in the future, expired (unless the
 * configuration builds such pages). `baseFileName`: see `pageDate`.
 */
function unbuiltReasonOf(site: HugoSite, frontMatter: HugoFrontMatter, now: Date, baseFileName = ''): 'draft' | 'out-of-date' | undefined {
  // `published: false` is Hugo's other way to write `draft: true`.
  if (!site.buildDrafts && (frontMatter.flag('draft') === true || frontMatter.flag('published') === false)) return 'draft';
  const publishDate = pageDate(site, 'publishdate', frontMatter, baseFileName).date?.instant;
  if (!site.buildFuture && publishDate !== undefined && publishDate.getTime() > now.getTime()) return 'out-of-date';
  const expiryDate = pageDate(site, 'expirydate', frontMatter, baseFileName).date?.instant;
  if (!site.buildExpired && expiryDate !== undefined && expiryDate.getTime() <= now.getTime()) return 'out-of-date';
  return undefined;
}

/** The dates of a page that decide its route and whether it is built; `lastmod` only by the slug its `:filename` gives. */
type DateName = 'date' | 'lastmod' | 'publishdate' | 'expirydate';

/** Hugo 0.111's sources of each date where `[frontmatter]` names none, or at `:default`. */
const DEFAULT_DATE_SOURCES: Record<DateName, readonly string[]> = { date: ['date', 'publishdate', 'lastmod'], lastmod: [':git', 'lastmod', 'date', 'publishdate'], publishdate: ['publishdate', 'date'], expirydate: ['expirydate'] };
/** The front-matter keys Hugo also reads for a date named by its key. */
const DATE_KEY_ALIASES: Record<string, readonly string[]> = { publishdate: ['pubdate', 'published'], lastmod: ['modified'], expirydate: ['unpublishdate'] };

/** Each date's sources as Hugo expands `[frontmatter]`: `:default` replaced by the defaults, each key followed by its aliases, once each. */
function dateSourcesOf(facts: HugoConfigFacts): Record<DateName, readonly string[]> {
  const expanded = (name: DateName) => {
    const written = facts.dateSources?.[name] ?? [':default'];
    const sources = written.flatMap((source) => (source === ':default' ? DEFAULT_DATE_SOURCES[name] : [source])).flatMap((source) => [source, ...(DATE_KEY_ALIASES[source] ?? [])]);
    // `:git` gives no date without `enableGitInfo`: Hugo goes on to the next source.
    return [...new Set(sources)].filter((source) => source !== ':git' || facts.enableGitInfo === true);
  };
  return { date: expanded('date'), lastmod: expanded('lastmod'), publishdate: expanded('publishdate'), expirydate: expanded('expirydate') };
}

/**
 * A date of a page from the first of its sources that gives one: a front-matter key, or
 * `:filename`, the `2024-01-31` opening the base file name (`baseFileName`: the file's name without
 * its extension and language, a leaf bundle's folder's), whose rest then becomes the page's slug
 * where its front matter has none (`slug`). A source this model cannot read (`:fileModTime`,
 * `:git`) ends the search without a date: the page is taken for built, dated Go's zero time.
 */
function pageDate(site: HugoSite, name: DateName, frontMatter: HugoFrontMatter, baseFileName: string): { date?: HugoDate; slug?: string } {
  for (const source of site.dateSources[name]) {
    if (source === ':filename') {
      // Hugo reads the name without what its last dot starts, as if an extension (`release-1.0` → `release-1`).
      const dot = baseFileName.lastIndexOf('.');
      const name = dot < 0 ? baseFileName : baseFileName.slice(0, dot);
      const date = name.length >= 10 ? hugoDateOf(name.slice(0, 10)) : undefined;
      if (date === undefined) continue;
      return { date, ...(frontMatter.has('slug') ? {} : { slug: name.slice(10).replace(/^[ \-_]+|[ \-_]+$/g, '') }) };
    }
    if (source.startsWith(':')) return {};
    const date = frontMatter.firstDate([source]);
    if (date !== undefined) return { date };
  }
  return {};
}

/** The languages reading the content folder that holds `path` (the innermost folder when they nest). */
function languagesReading(site: HugoSite, path: string): { contentDir: string; language: HugoLanguage } | undefined {
  let best: HugoLanguage[] = [];
  for (const language of site.languages) {
    const dir = language.contentDir;
    if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
    if (best.length === 0 || dir.length > best[0].contentDir.length) best = [language];
    else if (dir.length === best[0].contentDir.length) best.push(language);
  }
  if (best.length === 0) return undefined;
  // Hugo gives a file without a language suffix in a shared folder to the default language.
  const language = best.find((candidate) => candidate.code === site.defaultContentLanguage) ?? best[0];
  return { contentDir: best[0].contentDir, language };
}

function unpublishedReasonOf(site: HugoSite, language: HugoLanguage, frontMatter: HugoFrontMatter, isBundle: boolean, baseFileName: string, now: Date): UnpublishedReason | undefined {
  if (language.disabled) return 'unknown-locale';
  const unbuilt = unbuiltReasonOf(site, frontMatter, now, baseFileName);
  if (unbuilt !== undefined) return unbuilt;
  // `headless` only concerns leaf bundles (`index.md`); a regular page or a section is built.
  if (isBundle && frontMatter.flag('headless') === true) return 'not-rendered';
  // Hugo 0.111 reads `_build` (later versions also `build`); `render: link` keeps a permalink but writes no page.
  const render = frontMatter.nested('_build', 'render');
  if (render === false || (typeof render === 'string' && ['never', 'link', 'false'].includes(render.toLowerCase()))) return 'not-rendered';
  // `outputs` without HTML (linkerd's `[JSON]`): Hugo writes the page in those formats only, no HTML page at its URL.
  const outputs = frontMatter.texts('outputs');
  if (outputs !== undefined && outputs.length > 0 && !outputs.some((format) => format.toLowerCase() === 'html')) return 'not-rendered';
  return undefined;
}

/**
 * `url` replaces the whole path: one starting with `/` is taken from the site root (no language
 * prefix), any other follows the language prefix. Hugo keeps its case and characters (slashes in a row but one), and adds a
 * trailing slash unless its last segment has an extension (`/x.html`); `uglyURLs` does not apply.
 */
function urlPath(url: string, languagePrefix: string): string {
  // Slashes in a row are one (`HTTP://x/` is written to `/HTTP:/x/`).
  const path = (url.startsWith('/') ? url : `${languagePrefix}/${url}`).replace(/\/{2,}/g, '/');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return path.endsWith('/') || last.includes('.') ? path : `${path}/`;
}

/**
 * The folders of a page's own section from the content folder, Hugo's `.CurrentSection.SectionsEntries`
 * (`blog/news` for `blog/news/item.md`): the nearest folder above it with an `_index` file below the
 * top level, else its top-level folder, with an empty entry after it where that has no `_index`
 * file (Hugo 0.111 makes such a section so: `[last]` is empty); none for a page of the content folder itself.
 */
function currentSectionEntries(sections: readonly HugoSectionFile[], contentDir: string, folder: string): string[] {
  if (folder === '') return [];
  const top = folder.split('/')[0];
  for (const section of sections) {
    const inner = contentDir === '' ? section.relativePath : section.relativePath.slice(contentDir.length + 1);
    const sectionFolder = inner.slice(0, Math.max(0, inner.lastIndexOf('/')));
    // Nearest first: the first below the top level is the page's own; then the top level's own, or the home page's.
    if (sectionFolder.includes('/') && (folder === sectionFolder || folder.startsWith(`${sectionFolder}/`))) return sectionFolder.split('/');
    if (sectionFolder === top) return [top];
    if (sectionFolder === '') break;
  }
  return [top, ''];
}

function builtPath(site: HugoSite, permalinks: Record<string, string>, languagePrefix: string, folder: string, name: string, kind: PageKind, isBundle: boolean, frontMatter: HugoFrontMatter, baseFileName: string, sectionEntries: readonly string[]): string {
  // The content folder's own `index.md` (without an `_index.md`) makes the home page a leaf bundle.
  if (kind === 'home' || (isBundle && folder === '')) return `${languagePrefix}/`;
  // A leaf bundle is its folder's page; `slug` replaces the folder's name, as it replaces a page's file name.
  const segments = folder === '' ? [] : folder.split('/');
  const pageName = isBundle ? segments.pop() ?? name : name;
  // A date taken from the file name (`:filename`) gives the page the rest of the name as its slug: only asked where a date's sources name it.
  const slug =
    frontMatter.text('slug') ??
    (['date', 'lastmod', 'publishdate', 'expirydate'] as const)
      .filter((date) => site.dateSources[date].includes(':filename'))
      .map((date) => pageDate(site, date, frontMatter, baseFileName).slug)
      .find((fromName) => fromName !== undefined);
  const section = segments[0] ?? '';
  // Hugo lower-cases the configuration's keys and compares them with the section's name as written: `Glossar/` takes no pattern.
  const pattern = kind === 'page' && Object.hasOwn(permalinks, section) ? permalinks[section] : undefined;
  let path: string;
  // Hugo 0.111 query-unescapes the expanded pattern (`url.QueryUnescape`): a `+` of a title, slug or
  // file name is a blank there, which the path's sanitizing below makes a hyphen (`cdCon + GitOpsCon` → `cdcon--gitopscon`).
  if (pattern !== undefined) path = queryUnescaped(expandPermalink(pattern, frontMatter, pageDate(site, 'date', frontMatter, baseFileName).date, section, sectionEntries, pageName, slug));
  else if (kind === 'section') path = folder;
  // A slug is always relative to the page's folder, even when it starts with `/`.
  else path = [...segments, slug !== undefined && slug !== '' ? slug.replace(/^\/+/, '') : pageName].join('/');
  // As Hugo removes them: decomposed, the non-spacing marks dropped, composed again.
  const unaccented = site.removePathAccents ? path.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC') : path;
  const sanitized = unicodeSanitize(`/${unaccented}/`.replace(/\/{2,}/g, '/'));
  const cased = site.disablePathToLower ? sanitized : sanitized.toLowerCase();
  const built = `${languagePrefix}${cased}`;
  return site.uglyURLs || site.uglySections.has(section) ? `${built.slice(0, -1)}.html` : built;
}

/** Go's zero time, 0001-01-01 UTC: the date of a page without one (`Date.UTC` would read year 1 as 1901). */
function goZeroTime(): Date {
  const date = new Date(0);
  date.setUTCFullYear(1, 0, 1);
  return date;
}

/** Go's `url.QueryUnescape`: `+` a blank, `%XX` its byte; the text as it is where an escape is ill-formed (Hugo then keeps no expanded path: not modelled). */
function queryUnescaped(text: string): string {
  if (!text.includes('+') && !text.includes('%')) return text;
  if (/%(?![0-9a-f]{2})/i.test(text)) return text;
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '%') {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (character === '+') bytes.push(0x20);
    else bytes.push(...new TextEncoder().encode(character));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The tokens of a `[permalinks]` pattern that a page's own front matter and path decide. */
function expandPermalink(pattern: string, frontMatter: HugoFrontMatter, pageDate: HugoDate | undefined, section: string, sectionEntries: readonly string[], fileName: string, slug: string | undefined): string {
  const date = pageDate?.wallClock ?? goZeroTime();
  const title = frontMatter.text('title') ?? '';
  const two = (value: number) => String(value).padStart(2, '0');
  const tokens: Record<string, () => string> = {
    year: () => String(date.getUTCFullYear()),
    month: () => two(date.getUTCMonth() + 1),
    monthname: () => MONTHS[date.getUTCMonth()],
    day: () => two(date.getUTCDate()),
    weekday: () => String(date.getUTCDay()),
    weekdayname: () => WEEKDAYS[date.getUTCDay()],
    yearday: () => String(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1),
    section: () => section,
    // Joined as Go's `path.Join`, which drops empty entries.
    sections: () => sectionEntries.filter((entry) => entry !== '').join('/'),
    // Each urlized on its own, as Hugo's permalink expander does: blanks at either end are dropped, not made a hyphen before the next `/`.
    title: () => unicodeSanitize(title),
    slug: () => unicodeSanitize(slug !== undefined && slug !== '' ? slug : title),
    filename: () => unicodeSanitize(fileName),
    slugorfilename: () => unicodeSanitize(slug !== undefined && slug !== '' ? slug : fileName),
  };
  return pattern.replace(PERMALINK_ATTRIBUTE, (token, name: string, cut: string | undefined) => {
    if (cut === undefined) return tokens[name]?.() ?? token;
    return name === 'sections' ? sectionsCut(sectionEntries, cut).filter((entry) => entry !== '').join('/') : token;
  });
}

/**
 * Hugo's slice of a page's sections (`:sections[1:]`, `[last]`, `[0]`): `[low:high]` bounded by the
 * count, one index alone, `last` for the last; nothing for a cut it cannot read.
 */
function sectionsCut(entries: readonly string[], written: string): readonly string[] {
  const cut = written.trim().toLowerCase();
  if (cut.length < 3 || !cut.startsWith('[') || !cut.endsWith(']') || entries.length === 0) return [];
  const bound = (text: string, fallback: number) => {
    if (text === '') return fallback;
    if (text === 'last') return entries.length - 1;
    // Go's Atoi: a number, else 0.
    const number = /^[+-]?\d+$/.test(text) ? Number(text) : 0;
    return Math.min(Math.max(number, 0), entries.length);
  };
  const inside = cut.slice(1, -1);
  const colon = inside.indexOf(':');
  if (colon === -1) {
    const entry = entries[bound(inside, 0)];
    return entry === undefined || entry === '' ? [] : [entry];
  }
  return entries.slice(bound(inside.slice(0, colon), 0), bound(inside.slice(colon + 1).split(':')[0], entries.length));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Hugo's `UnicodeSanitize`: letters, digits, marks and `. / \ _ # + ~ - @` are kept, and `%` before
 * two hex digits; a run of white space becomes one hyphen (none after a hyphen); everything else
 * is dropped. `Grüße & Co.` → `Grüße-Co.`.
 */
function unicodeSanitize(text: string): string {
  let target = '';
  let prependHyphen = false;
  let wasHyphen = false;
  const characters = [...text];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index];
    const allowed =
      KEPT_CHARACTERS.has(character) ||
      /[\p{L}\p{Nd}\p{M}]/u.test(character) ||
      (character === '%' && /^[0-9a-f]{2}$/i.test((characters[index + 1] ?? '') + (characters[index + 2] ?? '')));
    if (allowed) {
      wasHyphen = character === '-';
      if (prependHyphen && !wasHyphen) target += '-';
      prependHyphen = false;
      target += character;
    } else if (target !== '' && !wasHyphen && /\s/u.test(character)) {
      prependHyphen = true;
    }
  }
  return target;
}

const KEPT_CHARACTERS = new Set(['.', '/', '\\', '_', '#', '+', '~', '-', '@']);

/**
 * The path as Hugo writes it in a link (Go's URL escaping of a path): unreserved characters and
 * `$&+,/:;=@`, `#`, `?` and existing `%XX` escapes stay, every other byte of its UTF-8 is `%XX`.
 */
function goEscapedPath(path: string): string {
  let escaped = '';
  for (let index = 0; index < path.length; index++) {
    const character = path[index];
    if (/[A-Za-z0-9\-_.~$&+,/:;=@#?]/.test(character) || (character === '%' && /^[0-9a-fA-F]{2}$/.test(path.slice(index + 1, index + 3)))) {
      escaped += character;
      continue;
    }
    const codePoint = path.codePointAt(index) ?? 0;
    const whole = String.fromCodePoint(codePoint);
    if (whole.length === 2) index++;
    for (const byte of new TextEncoder().encode(whole)) escaped += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/** Front matter as Hugo reads it: keys without regard to case, booleans and dates as Hugo casts them. */
class HugoFrontMatter {
  private readonly values = new Map<string, unknown>();
  /** The keys whose YAML values are quoted: a text, never one of YAML 1.1's booleans (`"yes"`). */
  private readonly quoted = new Set<string>();

  constructor(fields: readonly FrontMatterField[]) {
    for (const field of fields) {
      const key = field.key.toLowerCase();
      if (this.values.has(key)) continue;
      this.values.set(key, field.value);
      if (field.valueQuote !== undefined) this.quoted.add(key);
    }
  }

  text(key: string): string | undefined {
    const value = this.values.get(key);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** Hugo's YAML is YAML 1.1 (`yes`, `on` are true) and its cast reads `"true"` and numbers too. */
  flag(key: string): boolean | undefined {
    return booleanOf(this.values.get(key), this.quoted.has(key));
  }

  nested(key: string, inner: string): unknown {
    const table = this.values.get(key);
    if (typeof table !== 'object' || table === null || Array.isArray(table)) return undefined;
    const entry = Object.entries(table).find(([candidate]) => candidate.toLowerCase() === inner);
    return entry === undefined ? undefined : (booleanOf(entry[1]) ?? entry[1]);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** A list of texts (a text alone is a list of one, as Hugo casts it); undefined for anything else. */
  texts(key: string): string[] | undefined {
    const value = this.values.get(key);
    if (typeof value === 'string') return [value];
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  }

  firstDate(keys: readonly string[]): HugoDate | undefined {
    for (const key of keys) {
      const date = dateOf(this.values.get(key));
      if (date !== undefined) return date;
    }
    return undefined;
  }
}

const YAML_1_1_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML_1_1_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const PARSE_BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * A value as Hugo casts it to a boolean: a plain YAML word YAML 1.1 reads as one (`yes`, `On`, `N`),
 * else a text as Go's `strconv.ParseBool` reads it, exactly (`t`, `True`, `0`; not `"yes"` nor `yEs`,
 * which are false).
 */
function booleanOf(value: unknown, quoted = false): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  if (!quoted && YAML_1_1_TRUE.has(value)) return true;
  if (!quoted && YAML_1_1_FALSE.has(value)) return false;
  return PARSE_BOOL_TRUE.has(value) ? true : PARSE_BOOL_FALSE.has(value) ? false : undefined;
}

function dateOf(value: unknown): HugoDate | undefined {
  // A TOML date-time: its offset is not kept, so its wall clock is taken in UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { instant: value, wallClock: value };
  // cast reads an integer as Unix seconds (`date: 1900000000`); not a fraction.
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? undefined : { instant: date, wallClock: date };
  }
  return typeof value === 'string' ? hugoDateOf(value) : undefined;
}

/** How Hugo writes a link to `target` on the site's pages (see `HugoSite.linkRenderHook` and `linkLookups`). */
export function linkHookFor(hugo: HugoSite, target: string): HugoSite['linkRenderHook'] {
  if (hugo.linkRenderHook !== 'get-page' || hugo.linkLookups === undefined) return hugo.linkRenderHook;
  return (hugo.linkLookups === 'absolute') === target.startsWith('/') ? 'get-page' : 'none';
}
