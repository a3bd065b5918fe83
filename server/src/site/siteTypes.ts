import type { Range } from '../common/text';

/**
 * The shapes of the site model: what a generator's configuration says (read without running it)
 * and what the site makes of each file. Pure data; `site/*.ts` compute them, the index keeps them.
 */

export type Generator = 'docusaurus' | 'hugo';

/** What Docusaurus does when the build finds a broken link: `throw` fails the build. */
export type BrokenLinkPolicy = 'throw' | 'warn' | 'log' | 'ignore';

/** A problem in a configuration file, at its exact place. */
export interface ConfigProblem {
  range: Range;
  message: string;
}

/** A site configuration file's problems, reported at their place like a document's. */
export interface SiteConfigProblems {
  uri: string;
  problems: ConfigProblem[];
  /** For a Docusaurus sidebars file: the doc ids its sidebars name, which the docs of a version must have. */
  sidebars?: { instance: string; version: string; references: SidebarDocReference[] };
}

/** A doc id a sidebar names (a doc item or a category's doc link), where the sidebars file writes it. */
export interface SidebarDocReference {
  id: string;
  range: Range;
  /** The quote of the string literal the range is exactly, which a rename writes the new id in; absent for a name (`const intro = 'intro'`). */
  quote?: '"' | "'" | '`';
}

/** What a Docusaurus configuration file says, as far as literal values show it; absent = not said. */
export interface DocusaurusConfigFacts {
  baseUrl?: string;
  trailingSlash?: boolean;
  onBrokenLinks?: BrokenLinkPolicy;
  onBrokenMarkdownLinks?: BrokenLinkPolicy;
  markdownFormat?: 'mdx' | 'md' | 'detect';
  /** Settings of the whole site that may change how MDX reads a page (`markdown.preprocessor`, `mdx1Compat` flags that differ). */
  mdxSyntaxChangedBy?: string[];
  /** `false` where MDX 1's syntax is no longer read (`future.v4`, or every `markdown.mdx1Compat` flag false); absent: read. */
  mdx1Compat?: false;
  defaultLocale?: string;
  locales?: string[];
  /**
   * The docs plugin instances: the classic preset's `docs` (unless `docs: false`) and every
   * `@docusaurus/plugin-content-docs` in `plugins`. Empty when the file names none.
   */
  docs: DocusaurusDocsOptions[];
  /** Values the file computes (a call, a variable from elsewhere): the defaults are assumed for them. */
  notLiteral: Array<{ key: string; range: Range }>;
  problems: ConfigProblem[];
}

export interface DocusaurusDocsOptions {
  /** Plugin id; `default` when not given. */
  id?: string;
  /** The docs folder, relative to the site folder; `docs` when not given. */
  path?: string;
  /** `docs` when not given; `''` or `/` serves docs at the site root. */
  routeBasePath?: string;
  /** The extra `exclude` globs; Docusaurus's defaults when not given. */
  exclude?: string[];
  include?: string[];
  /** `false` turns number prefixes off; a function of the configuration is computed, and not read. */
  numberPrefixParser?: boolean;
  /** The sidebars file, relative to the site folder, or false for none; where the configuration says so. Absent: sidebars generated from the folders. */
  sidebarPath?: { value: string | false; range: Range; resolved?: true };
  /** The versions built and their paths: `includeCurrentVersion`, `disableVersioning`, `onlyIncludeVersions`, `lastVersion`, `versions.<name>.path`. */
  includeCurrentVersion?: boolean;
  disableVersioning?: boolean;
  onlyIncludeVersions?: { value: string[]; range: Range };
  lastVersion?: { value: string; range: Range };
  versions?: { paths: Record<string, string | undefined>; range: Range };
  /** Options of the instance that may change how MDX reads a page: remark plugins, admonitions. */
  mdxSyntaxChangedBy?: string[];
}

/** What a Hugo configuration file (`hugo.toml|yaml|json`, `config.*`) says. */
export interface HugoConfigFacts {
  baseURL?: string;
  contentDir?: string;
  defaultContentLanguage?: string;
  defaultContentLanguageInSubdir?: boolean;
  uglyURLs?: boolean;
  disablePathToLower?: boolean;
  /** Strip accents from the paths of pages (`Übersicht` → `ubersicht`). */
  removePathAccents?: boolean;
  /** Build drafts, pages dated in the future, pages past their expiry date. */
  buildDrafts?: boolean;
  buildFuture?: boolean;
  buildExpired?: boolean;
  /** `[permalinks]`: a pattern per section (`posts = '/:year/:slug/'`). */
  permalinks?: Record<string, string>;
  languages: Array<{ code: string; contentDir?: string; weight?: number; disabled?: boolean }>;
  problems: ConfigProblem[];
}

/** Why a file has no page on the built site. */
export type UnpublishedReason =
  /** `draft: true` (production builds leave drafts out). */
  | 'draft'
  /** A file or folder whose name starts with `_` (Docusaurus excludes them; Hugo's `_index.md` is a section page, not this). */
  | 'underscore'
  /** Matched by the docs plugin's `exclude`, or not Markdown the generator reads. */
  | 'excluded'
  /** Outside every docs folder or content folder of the site. */
  | 'outside'
  /** Hugo: `publishDate` in the future, `expiryDate` in the past, `build.render: never`, `headless`. */
  | 'not-rendered'
  /** A translation folder whose locale the configuration does not list. */
  | 'unknown-locale'
  /** Docusaurus: a translation of no file in the docs folder (the plugin reads the docs folder, then its translations). */
  | 'no-original'
  /** Hugo: below a section that is not built (a draft, future or expired `_index.md`), which takes its pages with it. */
  | 'unbuilt-section';

/** What the site makes of one file. */
export interface SitePage {
  generator: Generator;
  /** The site's locale of the page (a translation's own locale). */
  locale: string;
  /** Docusaurus: the docs plugin id; Hugo: `default`. */
  instance: string;
  /** Docusaurus: `current` or a version name; Hugo: `current`. */
  version: string;
  /**
   * The generator's id of the page: the Docusaurus doc id (`Glossar/Dokument`: folders without
   * number prefixes, then front matter `id` or the file name); Hugo: the path in the content folder
   * without extension.
   */
  docId: string;
  /** The same for a page and its translations in other locales: instance, version and doc id. */
  translationKey: string;
  /** Set when the page has a route; otherwise why not. */
  published: boolean;
  unpublishedReason?: UnpublishedReason;
  /** Docusaurus `unlisted: true`: built, but left out of sidebars, search and the sitemap. */
  unlisted: boolean;
  /**
   * The URL path the page is built at, with base URL and locale prefix: `/de/docs/Glossar/Dokument`.
   * Empty when unpublished.
   */
  permalink: string;
  /**
   * What a link in a page of the same locale writes to reach it: Docusaurus adds the base URL and
   * locale to absolute links itself, so `/docs/Glossar/Dokument`; Hugo writes the permalink.
   */
  route: string;
  /** Problems the generator would stop the build for (a slug that is no URL path), by front-matter key. */
  problems: Array<{ key: string; message: string }>;
}
