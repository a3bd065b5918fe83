/**
 * The generator is the judge (issue 17): the real Docusaurus and the real Hugo build the fixture
 * sites of test/sites/, and what they built is compared, file by file, with what `markdown-glossary
 * terms` says of the same files (published or not, and the permalink), whether the build fails with
 * whether `markdown-glossary check` exits 1, and the broken links the build reports with our
 * `broken-link` findings. Build the CLI first: `node esbuild.mjs`.
 *
 * A clean clone builds every site for real (Docusaurus is installed into .test-cache/ on first use,
 * Hugo is the Debian package on the PATH). The tables are kept in .test-cache/parity/ under a hash of
 * the site's files, the generator's version and the harness, so a second run only re-runs our side.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { markdownDestination } from '../../server/src/parsing/markdown';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { CLI_JS, REPO_ROOT } from '../support/lspClient';
import type { Finding } from '../../server/src/cli/check';

const CACHE_DIR = path.join(REPO_ROOT, '.test-cache', 'parity');
const SITES = path.join(REPO_ROOT, 'test', 'sites');
const CORPORA = path.join(REPO_ROOT, 'test', 'corpora');

/** One row of `markdown-glossary terms --format json`. */
interface OurTerm {
  file: string;
  locale?: string;
  permalink: string;
  published: boolean;
  unpublishedReason?: string;
  title?: string;
}

interface DocusaurusTable {
  docusaurus: string;
  fails: boolean;
  failsWhenLenient?: boolean;
  docs: Array<{ file: string; locale: string; pluginId: string; published: boolean; route?: string; title?: string }>;
  /** Every page the blog and pages plugins built from a file (a post, a Markdown page): its file and route. */
  contentPages: Array<{ file: string; locale: string; route: string; plugin: string }>;
  brokenLinks: Array<{ locale: string; page: string; link: string }>;
  /** Links to an anchor their page does not have: the linking page's route and the link as the page writes it (a Markdown file's path resolved to its route). */
  brokenAnchors: Array<{ locale: string; page: string; link: string }>;
  /** Images the build found no file for: the file holding one, its URL as written, and the line of its `![` (1-based). */
  brokenMarkdownImages: Array<{ locale: string; file: string; link: string; line: number }>;
  /** Pages whose MDX did not compile (file and MDX's reason), and routes whose render failed (see scripts/docusaurus/site.mjs). */
  compileFailures: Array<{ file: string; cause: string }>;
  renderFailures: Array<{ route: string; cause: string }>;
  /** What webpack could not bundle (an image naming a folder): the path as written, and the folder of the file that names it. */
  unresolvedModules: Array<{ request: string; folder: string }>;
}

interface HugoTable {
  hugo: string;
  fails: boolean;
  pages: Array<{ file: string; locale?: string; published: boolean; route?: string }>;
  /** Every link (and image) of a built page's content into the site, as Hugo wrote it, and whether the built site has something there. */
  /** `written`: the destination as the Markdown wrote it, where the fixture's render hook keeps it (`data-written`). */
  links: Array<{ file: string; href: string; reaches: boolean; written?: string; image?: true }>;
}

/** What one site's comparison found: how many rows were compared, and every row that differs. */
interface Agreement {
  site: string;
  generator: string;
  compared: number;
  agreeing: number;
  differences: string[];
}

const agreements: Agreement[] = [];

// ---------------------------------------------------------------------------------------------
// The generators' side: built for real, kept by hash

/** The relative paths and contents of every file under `dirs`, hashed with `extra` (versions, harness sources). */
function hashOf(dirs: string[], extra: string[]): string {
  const hash = createHash('sha256');
  for (const text of extra) hash.update(`${text}\0`);
  for (const dir of dirs) {
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort();
    for (const name of files) hash.update(`${name.split(path.sep).join('/')}\0`).update(fs.readFileSync(path.join(dir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The table kept under `key`, or the one `build` makes (then kept). */
async function cached<T>(name: string, key: string, build: () => T | Promise<T>): Promise<T> {
  const file = path.join(CACHE_DIR, `${name}-${key}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  const table = await build();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
  return table;
}

/** The harness's files, its pinned installation among them: a change to any builds the tables again. */
const harnessSources = (folder: string): string[] =>
  (fs.readdirSync(path.join(REPO_ROOT, 'scripts', folder), { recursive: true }) as string[])
    .sort()
    .map((name) => path.join(REPO_ROOT, 'scripts', folder, name))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'utf8'));

/**
 * The table scripts/docusaurus/routes.mjs writes for the site (a lenient build for routes and broken
 * links, one as configured for `fails`). The build's log goes to a file, not a pipe: it must not
 * wait while another site's test runs our CLI (`spawnSync`).
 */
async function docusaurusTable(name: string, siteDir: string, asDocs: boolean, without: string[] = []): Promise<DocusaurusTable> {
  const site = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'docusaurus', 'site.mjs')).href);
  const key = hashOf([siteDir], [site.DOCUSAURUS_VERSION as string, String(asDocs), ...without, ...harnessSources('docusaurus')]);
  return cached(name, key, async () => {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const out = path.join(CACHE_DIR, `${name}.building.json`);
    const logFile = path.join(CACHE_DIR, `${name}.building.log`);
    const args = [path.join(REPO_ROOT, 'scripts', 'docusaurus', 'routes.mjs'), siteDir, ...(asDocs ? ['--as-docs'] : []), ...without.flatMap((file) => ['--without', file]), '--name', name, '--out', out];
    const log = fs.openSync(logFile, 'w');
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', log, log], timeout: 900_000 });
      child.on('error', reject);
      child.on('close', resolve);
    }).finally(() => fs.closeSync(log));
    const output = fs.readFileSync(logFile, 'utf8');
    fs.rmSync(logFile);
    assert.equal(status, 0, `routes.mjs ${name} failed:\n${output}`);
    process.stderr.write(output);
    const table = JSON.parse(fs.readFileSync(out, 'utf8')) as DocusaurusTable;
    fs.rmSync(out);
    return table;
  });
}

async function hugoTableOf(name: string, siteDir: string, content?: string): Promise<HugoTable> {
  const hugo = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'hugo', 'routes.mjs')).href);
  // Hugo builds at a clock; ours reads the real time, so both use today (the fixtures' dates are years away).
  const today = new Date().toISOString().slice(0, 10);
  const key = hashOf(content === undefined ? [siteDir] : [siteDir, content], [hugo.hugoVersion() as string, today, ...harnessSources('hugo')]);
  return cached(name, key, () => hugo.hugoTable(siteDir, { name, clock: `${today}T00:00:00Z`, ...(content === undefined ? {} : { content }) }) as HugoTable);
}

// ---------------------------------------------------------------------------------------------
// Our side

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function ourTerms(cwd: string): OurTerm[] {
  const run = cli(['terms', '.', '--format', 'json'], cwd);
  assert.equal(run.status, 0, `terms failed in ${cwd}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as OurTerm[];
}

function ourCheck(cwd: string): { status: number | null; findings: Finding[] } {
  const run = cli(['check', '.', '--format', 'json'], cwd);
  assert.ok(run.status === 0 || run.status === 1, `check crashed in ${cwd} (exit ${run.status}):\n${run.stderr}`);
  return { status: run.status, findings: JSON.parse(run.stdout) as Finding[] };
}

/** The text a finding's range covers (1-based lines and columns, the end exclusive), as written in the file. */
function textAt(cwd: string, finding: Finding): string {
  const lines = fs.readFileSync(path.join(cwd, finding.file), 'utf8').split(/\r?\n/);
  if (finding.line === finding.endLine) return lines[finding.line - 1].slice(finding.column - 1, finding.endColumn - 1);
  return [lines[finding.line - 1].slice(finding.column - 1), ...lines.slice(finding.line, finding.endLine - 1), lines[finding.endLine - 1].slice(0, finding.endColumn - 1)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Comparing

/** A row of a generator's table: the file (relative to the site root), its locale, and what the build made of it. */
interface BuiltRow {
  file: string;
  locale?: string;
  published: boolean;
  route?: string;
  /** Every route the file is built at, where more than one (Hugo: a file mounted at two places below the content). */
  routes?: string[];
  /** The page's title, where the generator's table gives it (Docusaurus's docs). */
  title?: string;
}

/**
 * Compares the rows of one build with ours. A row is compared when we have a row for its file in
 * the same locale: the generator also lists a default-locale file once per other locale it renders
 * it in (Docusaurus: untranslated, under /de/...); ours is one row per file, in the file's own locale.
 * Hugo builds a file in one language only (`oneLocalePerFile`): there a row in another language
 * than ours is a difference. A file the build lists but we do not is a difference only where the
 * build published it; a file we publish that the build has no row for is a difference.
 */
function comparePages(built: BuiltRow[], ours: OurTerm[], ourFileOf: (file: string) => string, defaultLocale: string | undefined, agreement: Agreement, oneLocalePerFile = false): void {
  const byFile = new Map(ours.map((term) => [term.file, term]));
  const matched = new Set<string>();
  for (const row of built) {
    const ourFile = ourFileOf(row.file);
    const term = byFile.get(ourFile);
    const builtAs = row.published ? `published at ${row.route}` : 'not published';
    if (term === undefined) {
      agreement.compared++;
      if (row.published) agreement.differences.push(`${row.file} (${row.locale ?? '-'}): the build has it ${builtAs}; terms has no row for it`);
      else agreement.agreeing++;
      continue;
    }
    const ourLocale = term.locale ?? defaultLocale;
    if (row.locale !== undefined && ourLocale !== undefined && row.locale !== ourLocale) {
      if (!oneLocalePerFile) continue;
      agreement.compared++;
      matched.add(ourFile);
      agreement.differences.push(`${row.file}: the build has it in ${row.locale}; we have it in ${ourLocale}`);
      continue;
    }
    matched.add(ourFile);
    agreement.compared++;
    // A file built at several routes is one page to us, at one of them.
    const same = term.published === row.published && (!row.published || term.permalink === row.route || (row.routes?.includes(term.permalink) ?? false));
    // A page's title as the build gives it, for an entry (we title only those: a file with front matter).
    const sameTitle = !row.published || row.title === undefined || term.title === undefined || term.title === row.title;
    if (same && sameTitle) agreement.agreeing++;
    else if (!same) {
      const oursAs = term.published ? `published at ${term.permalink}` : `not published (${term.unpublishedReason ?? 'no reason'})`;
      agreement.differences.push(`${row.file} (${row.locale ?? '-'}): the build has it ${builtAs}; we have it ${oursAs}`);
    } else agreement.differences.push(`${row.file} (${row.locale ?? '-'}): the build titles it ${JSON.stringify(row.title)}; we title it ${JSON.stringify(term.title)}`);
  }
  for (const term of ours) {
    if (matched.has(term.file) || !term.published) continue;
    if (built.some((row) => ourFileOf(row.file) === term.file)) continue;
    agreement.compared++;
    agreement.differences.push(`${term.file} (${term.locale ?? '-'}): we have it published at ${term.permalink}; the build has no page for it`);
  }
}

function compareFails(fails: boolean, check: { status: number | null; findings: Finding[] }, agreement: Agreement): void {
  agreement.compared++;
  if (fails === (check.status === 1)) agreement.agreeing++;
  else {
    const errors = check.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line}:${finding.column} [${finding.code}] ${finding.message}`);
    agreement.differences.push(`the build ${fails ? 'fails' : 'succeeds'}; check exits ${check.status}${errors.length > 0 ? ` with errors:\n    ${errors.join('\n    ')}` : ''}`);
  }
}

function report(agreement: Agreement): void {
  agreements.push(agreement);
  console.log(`${agreement.site} (${agreement.generator}): ${agreement.agreeing}/${agreement.compared} agree`);
  for (const difference of agreement.differences) console.log(`  differs: ${difference}`);
  assert.deepEqual(agreement.differences, [], `${agreement.site}: ${agreement.differences.length} of ${agreement.compared} rows differ from ${agreement.generator}`);
}

// ---------------------------------------------------------------------------------------------

const DOCUSAURUS_SITES: Array<{ name: string; dir: string; asDocs: boolean; without?: string[] }> = [
  { name: 'docusaurus-rules', dir: path.join(SITES, 'docusaurus-rules'), asDocs: false },
  { name: 'docusaurus-duplicate-id', dir: path.join(SITES, 'docusaurus-duplicate-id'), asDocs: false },
  { name: 'docusaurus-pagination', dir: path.join(SITES, 'docusaurus-pagination'), asDocs: false },
  { name: 'docusaurus-pagination-missing', dir: path.join(SITES, 'docusaurus-pagination-missing'), asDocs: false },
  { name: 'docusaurus-mdx', dir: path.join(SITES, 'docusaurus-mdx'), asDocs: false },
  { name: 'docusaurus-mdx-render', dir: path.join(SITES, 'docusaurus-mdx-render'), asDocs: false },
  { name: 'docusaurus-mdx-detect', dir: path.join(SITES, 'docusaurus-mdx-detect'), asDocs: false },
  { name: 'docusaurus-mdx-v4', dir: path.join(SITES, 'docusaurus-mdx-v4'), asDocs: false },
  { name: 'docusaurus-include-exclude', dir: path.join(SITES, 'docusaurus-include-exclude'), asDocs: false },
  { name: 'docusaurus-sidebars', dir: path.join(SITES, 'docusaurus-sidebars'), asDocs: false },
  { name: 'docusaurus-sidebars-missing', dir: path.join(SITES, 'docusaurus-sidebars-missing'), asDocs: false },
  { name: 'docusaurus-sidebars-ts', dir: path.join(SITES, 'docusaurus-sidebars-ts'), asDocs: false },
  { name: 'docusaurus-sidebars-version-missing', dir: path.join(SITES, 'docusaurus-sidebars-version-missing'), asDocs: false },
  { name: 'docusaurus-versions', dir: path.join(SITES, 'docusaurus-versions'), asDocs: false },
  { name: 'docusaurus-categories', dir: path.join(SITES, 'docusaurus-categories'), asDocs: false },
  { name: 'docusaurus-categories-missing', dir: path.join(SITES, 'docusaurus-categories-missing'), asDocs: false },
  { name: 'docusaurus-categories-i18n', dir: path.join(SITES, 'docusaurus-categories-i18n'), asDocs: false },
  { name: 'docusaurus-categories-i18n-keys', dir: path.join(SITES, 'docusaurus-categories-i18n-keys'), asDocs: false },
  { name: 'docusaurus-versions-invalid', dir: path.join(SITES, 'docusaurus-versions-invalid'), asDocs: false },
  { name: 'docusaurus-docs-only', dir: path.join(SITES, 'docusaurus-docs-only'), asDocs: false },
  { name: 'docusaurus-inline-tags', dir: path.join(SITES, 'docusaurus-inline-tags'), asDocs: false },
  { name: 'docusaurus-inline-tags-partial', dir: path.join(SITES, 'docusaurus-inline-tags-partial'), asDocs: false },
  { name: 'docusaurus-inline-tags-padded', dir: path.join(SITES, 'docusaurus-inline-tags-padded'), asDocs: false },
  { name: 'docusaurus-inline-tags-object', dir: path.join(SITES, 'docusaurus-inline-tags-object'), asDocs: false },
  { name: 'docusaurus-duplicate-routes', dir: path.join(SITES, 'docusaurus-duplicate-routes'), asDocs: false },
  { name: 'docusaurus-markdown-links', dir: path.join(SITES, 'docusaurus-markdown-links'), asDocs: false },
  { name: 'docusaurus-anchors', dir: path.join(SITES, 'docusaurus-anchors'), asDocs: false },
  { name: 'docusaurus-anchors-undecodable', dir: path.join(SITES, 'docusaurus-anchors-undecodable'), asDocs: false },
  { name: 'docusaurus-site-alias-i18n', dir: path.join(SITES, 'docusaurus-site-alias-i18n'), asDocs: false },
  { name: 'docusaurus-assets', dir: path.join(SITES, 'docusaurus-assets'), asDocs: false },
  { name: 'docusaurus-assets-warn', dir: path.join(SITES, 'docusaurus-assets-warn'), asDocs: false },
  { name: 'docusaurus-assets-undecodable', dir: path.join(SITES, 'docusaurus-assets-undecodable'), asDocs: false },
  { name: 'docusaurus-assets-folder', dir: path.join(SITES, 'docusaurus-assets-folder'), asDocs: false },
  { name: 'docusaurus-assets-blog', dir: path.join(SITES, 'docusaurus-assets-blog'), asDocs: false },
  { name: 'docusaurus-blog-mdx', dir: path.join(SITES, 'docusaurus-blog-mdx'), asDocs: false },
  { name: 'docusaurus-blog-links', dir: path.join(SITES, 'docusaurus-blog-links'), asDocs: false },
  { name: 'docusaurus-imports', dir: path.join(SITES, 'docusaurus-imports'), asDocs: false },
  { name: 'docusaurus-imports-translation', dir: path.join(SITES, 'docusaurus-imports-translation'), asDocs: false },
  { name: 'docusaurus-pages-routes', dir: path.join(SITES, 'docusaurus-pages-routes'), asDocs: false },
  { name: 'docusaurus-trailing-slash', dir: path.join(SITES, 'docusaurus-trailing-slash'), asDocs: false },
  { name: 'docusaurus-trailing-slash-base', dir: path.join(SITES, 'docusaurus-trailing-slash-base'), asDocs: false },
  { name: 'docusaurus-trailing-slash-links', dir: path.join(SITES, 'docusaurus-trailing-slash-links'), asDocs: false },
  { name: 'docusaurus-titles', dir: path.join(SITES, 'docusaurus-titles'), asDocs: false },
  { name: 'docusaurus-build-folder', dir: path.join(SITES, 'docusaurus-build-folder'), asDocs: false },
  { name: 'docusaurus-locale-links', dir: path.join(SITES, 'docusaurus-locale-links'), asDocs: false },
  { name: 'docusaurus-docs-at-root', dir: path.join(SITES, 'docusaurus-docs-at-root'), asDocs: false },
  { name: 'docusaurus-generated-index', dir: path.join(SITES, 'docusaurus-generated-index'), asDocs: false },
  { name: 'docusaurus-mdx-indented', dir: path.join(SITES, 'docusaurus-mdx-indented'), asDocs: false },
  { name: 'docusaurus-mdx-code', dir: path.join(SITES, 'docusaurus-mdx-code'), asDocs: false },
  { name: 'docusaurus-top-level-routes', dir: path.join(SITES, 'docusaurus-top-level-routes'), asDocs: false },
  { name: 'docusaurus-plugin-functions', dir: path.join(SITES, 'docusaurus-plugin-functions'), asDocs: false },
  { name: 'docusaurus-anchors-texts', dir: path.join(SITES, 'docusaurus-anchors-texts'), asDocs: false },
  { name: 'docusaurus-anchors-partials', dir: path.join(SITES, 'docusaurus-anchors-partials'), asDocs: false },
  { name: 'docusaurus-anchors-partials-root', dir: path.join(SITES, 'docusaurus-anchors-partials-root'), asDocs: false },
  { name: 'docusaurus-links-partials', dir: path.join(SITES, 'docusaurus-links-partials'), asDocs: false },
  { name: 'docusaurus-anchors-locales', dir: path.join(SITES, 'docusaurus-anchors-locales'), asDocs: false },
  { name: 'docusaurus-anchors-blog', dir: path.join(SITES, 'docusaurus-anchors-blog'), asDocs: false },
  { name: 'docusaurus-anchors-html', dir: path.join(SITES, 'docusaurus-anchors-html'), asDocs: false },
  { name: 'docusaurus-anchors-commonmark', dir: path.join(SITES, 'docusaurus-anchors-commonmark'), asDocs: false },
  { name: 'docusaurus-anchors-mdx-code-block', dir: path.join(SITES, 'docusaurus-anchors-mdx-code-block'), asDocs: false },
  { name: 'docusaurus-blog-anchors', dir: path.join(SITES, 'docusaurus-blog-anchors'), asDocs: false },
  { name: 'docusaurus-blog-routes', dir: path.join(SITES, 'docusaurus-blog-routes'), asDocs: false },
  { name: 'docusaurus-blog-only', dir: path.join(SITES, 'docusaurus-blog-only'), asDocs: false },
  { name: 'docusaurus-tag-pages', dir: path.join(SITES, 'docusaurus-tag-pages'), asDocs: false },
  { name: 'docusaurus-jsx-links', dir: path.join(SITES, 'docusaurus-jsx-links'), asDocs: false },
  { name: 'docusaurus-default-locale-i18n', dir: path.join(SITES, 'docusaurus-default-locale-i18n'), asDocs: false },
  { name: 'docusaurus-backslash-links', dir: path.join(SITES, 'docusaurus-backslash-links'), asDocs: false },
  { name: 'docusaurus-sidebars-legacy-names', dir: path.join(SITES, 'docusaurus-sidebars-legacy-names'), asDocs: false },
  { name: 'docusaurus-mdx-components', dir: path.join(SITES, 'docusaurus-mdx-components'), asDocs: false },
  { name: 'docusaurus-mdx-components-tsx', dir: path.join(SITES, 'docusaurus-mdx-components-tsx'), asDocs: false },
  { name: 'docusaurus-mdx-components-folder', dir: path.join(SITES, 'docusaurus-mdx-components-folder'), asDocs: false },
  { name: 'docusaurus-base-url-links', dir: path.join(SITES, 'docusaurus-base-url-links'), asDocs: false },
  { name: 'docusaurus-tabs', dir: path.join(SITES, 'docusaurus-tabs'), asDocs: false },
  { name: 'docusaurus-blog-relative-dots', dir: path.join(SITES, 'docusaurus-blog-relative-dots'), asDocs: false },
  { name: 'docusaurus-blog-list-links', dir: path.join(SITES, 'docusaurus-blog-list-links'), asDocs: false },
  { name: 'docusaurus-page-relative-links', dir: path.join(SITES, 'docusaurus-page-relative-links'), asDocs: false },
  { name: 'docusaurus-blog-locale-links', dir: path.join(SITES, 'docusaurus-blog-locale-links'), asDocs: false },
  { name: 'docusaurus-fence-list-end', dir: path.join(SITES, 'docusaurus-fence-list-end'), asDocs: false },
  { name: 'docusaurus-anchors-locales-paths', dir: path.join(SITES, 'docusaurus-anchors-locales-paths'), asDocs: false },
  { name: 'docusaurus-locale-relative-urls', dir: path.join(SITES, 'docusaurus-locale-relative-urls'), asDocs: false },
  { name: 'docusaurus-blog-tag-list-links', dir: path.join(SITES, 'docusaurus-blog-tag-list-links'), asDocs: false },
  { name: 'docusaurus-blog-lists-variants', dir: path.join(SITES, 'docusaurus-blog-lists-variants'), asDocs: false },
  { name: 'docusaurus-blog-lists-base-slash', dir: path.join(SITES, 'docusaurus-blog-lists-base-slash'), asDocs: false },
  { name: 'docusaurus-blog-lists-tag-pages', dir: path.join(SITES, 'docusaurus-blog-lists-tag-pages'), asDocs: false },
  { name: 'docusaurus-locale-lists-climb', dir: path.join(SITES, 'docusaurus-locale-lists-climb'), asDocs: false },
  { name: 'docusaurus-blog-lists-tags-option', dir: path.join(SITES, 'docusaurus-blog-lists-tags-option'), asDocs: false },
  { name: 'docusaurus-tags-option-missing', dir: path.join(SITES, 'docusaurus-tags-option-missing'), asDocs: false },
  { name: 'docusaurus-blog-inline-tags-throw', dir: path.join(SITES, 'docusaurus-blog-inline-tags-throw'), asDocs: false },
  { name: 'docusaurus-blog-inline-tags-draft', dir: path.join(SITES, 'docusaurus-blog-inline-tags-draft'), asDocs: false },
  { name: 'docusaurus-anchors-lazy-underline', dir: path.join(SITES, 'docusaurus-anchors-lazy-underline'), asDocs: false },
  { name: 'docusaurus-anchors-setext-lines', dir: path.join(SITES, 'docusaurus-anchors-setext-lines'), asDocs: false },
  { name: 'docusaurus-anchors-pages', dir: path.join(SITES, 'docusaurus-anchors-pages'), asDocs: false },
  { name: 'docusaurus-tags-default-locale-folder', dir: path.join(SITES, 'docusaurus-tags-default-locale-folder'), asDocs: false },
  // A folder of Markdown files with no configuration: Docusaurus builds it as docs/ of an empty site, we assume the same.
  { name: 'content', dir: path.join(REPO_ROOT, 'content'), asDocs: true },
  // A real glossary written for Docusaurus 2 (MDX 1): built without the second file of each pair
  // that shares a doc id, so that the build gets to compile every page's MDX.
  {
    name: 'platinus',
    dir: path.join(CORPORA, 'platinus-glossar', 'docs'),
    asDocs: true,
    without: ['10-Glossar/B-Glossar/Business-Analyse.md', '10-Glossar/S-Glossar/Standards.md'],
  },
];

const HUGO_SITES = [
  { name: 'hugo-rules', dir: path.join(SITES, 'hugo-rules') },
  { name: 'hugo-shared', dir: path.join(SITES, 'hugo-shared') },
  { name: 'hugo-one-language-subdir', dir: path.join(SITES, 'hugo-one-language-subdir') },
  { name: 'hugo-language-twins', dir: path.join(SITES, 'hugo-language-twins') },
  { name: 'hugo-build-options', dir: path.join(SITES, 'hugo-build-options') },
  { name: 'hugo-frontmatter-dates', dir: path.join(SITES, 'hugo-frontmatter-dates') },
  { name: 'hugo-theme-missing', dir: path.join(SITES, 'hugo-theme-missing') },
  { name: 'hugo-module-imports', dir: path.join(SITES, 'hugo-module-imports') },
  { name: 'hugo-module-imports-missing', dir: path.join(SITES, 'hugo-module-imports-missing') },
  { name: 'hugo-aliases-other-formats', dir: path.join(SITES, 'hugo-aliases-other-formats') },
  { name: 'hugo-cascade', dir: path.join(SITES, 'hugo-cascade') },
  { name: 'hugo-config-folder', dir: path.join(SITES, 'hugo-config-folder') },
  { name: 'hugo-bundles', dir: path.join(SITES, 'hugo-bundles') },
  { name: 'hugo-bundle-odd-headers', dir: path.join(SITES, 'hugo-bundle-odd-headers') },
  { name: 'hugo-dates', dir: path.join(SITES, 'hugo-dates') },
  { name: 'hugo-url-protocol', dir: path.join(SITES, 'hugo-url-protocol') },
  { name: 'hugo-duplicate-key', dir: path.join(SITES, 'hugo-duplicate-key') },
  { name: 'hugo-config-options', dir: path.join(SITES, 'hugo-config-options') },
  { name: 'hugo-config-flag-texts', dir: path.join(SITES, 'hugo-config-flag-texts') },
  { name: 'hugo-multihost', dir: path.join(SITES, 'hugo-multihost') },
  { name: 'hugo-refs', dir: path.join(SITES, 'hugo-refs') },
  { name: 'hugo-refs-lenient', dir: path.join(SITES, 'hugo-refs-lenient') },
  { name: 'hugo-refs-dot-folders', dir: path.join(SITES, 'hugo-refs-dot-folders') },
  { name: 'hugo-refs-mounted', dir: path.join(SITES, 'hugo-refs-mounted') },
  { name: 'hugo-refs-final-slash', dir: path.join(SITES, 'hugo-refs-final-slash') },
  { name: 'hugo-refs-final-slash-sections', dir: path.join(SITES, 'hugo-refs-final-slash-sections') },
  { name: 'hugo-refs-missing', dir: path.join(SITES, 'hugo-refs-missing') },
  { name: 'hugo-refs-taxonomies', dir: path.join(SITES, 'hugo-refs-taxonomies') },
  { name: 'hugo-refs-plain-html', dir: path.join(SITES, 'hugo-refs-plain-html') },
  { name: 'hugo-refs-shortcode-conditional', dir: path.join(SITES, 'hugo-refs-shortcode-conditional') },
  { name: 'hugo-plain-html-page', dir: path.join(SITES, 'hugo-plain-html-page') },
  { name: 'hugo-opening-html-comment', dir: path.join(SITES, 'hugo-opening-html-comment') },
  { name: 'hugo-opening-html-comment-closed', dir: path.join(SITES, 'hugo-opening-html-comment-closed') },
  { name: 'hugo-opening-html-comment-unread', dir: path.join(SITES, 'hugo-opening-html-comment-unread') },
  { name: 'hugo-opening-unread', dir: path.join(SITES, 'hugo-opening-unread') },
  { name: 'hugo-shortcodes-closed-tag', dir: path.join(SITES, 'hugo-shortcodes-closed-tag') },
  { name: 'hugo-shortcodes-closed-self', dir: path.join(SITES, 'hugo-shortcodes-closed-self') },
  { name: 'hugo-param', dir: path.join(SITES, 'hugo-param') },
  { name: 'hugo-param-found', dir: path.join(SITES, 'hugo-param-found') },
  { name: 'hugo-refs-paths', dir: path.join(SITES, 'hugo-refs-paths') },
  { name: 'hugo-refs-paths-missing', dir: path.join(SITES, 'hugo-refs-paths-missing') },
  { name: 'hugo-shortcodes-closed-template-call', dir: path.join(SITES, 'hugo-shortcodes-closed-template-call') },
  { name: 'hugo-draft-words', dir: path.join(SITES, 'hugo-draft-words') },
  { name: 'hugo-shortcodes', dir: path.join(SITES, 'hugo-shortcodes') },
  { name: 'hugo-shortcodes-unknown', dir: path.join(SITES, 'hugo-shortcodes-unknown') },
  { name: 'hugo-shortcodes-case', dir: path.join(SITES, 'hugo-shortcodes-case') },
  { name: 'hugo-shortcodes-unclosed', dir: path.join(SITES, 'hugo-shortcodes-unclosed') },
  { name: 'hugo-shortcodes-closed-by-another', dir: path.join(SITES, 'hugo-shortcodes-closed-by-another') },
  { name: 'hugo-shortcodes-nameless', dir: path.join(SITES, 'hugo-shortcodes-nameless') },
  { name: 'hugo-mounts-twice', dir: path.join(SITES, 'hugo-mounts-twice') },
  { name: 'hugo-links-escaped', dir: path.join(SITES, 'hugo-links-escaped') },
  { name: 'hugo-links-nested-lists', dir: path.join(SITES, 'hugo-links-nested-lists') },
  { name: 'hugo-url-protocol-case', dir: path.join(SITES, 'hugo-url-protocol-case') },
  { name: 'hugo-shortcodes-inner-in-template', dir: path.join(SITES, 'hugo-shortcodes-inner-in-template') },
  { name: 'hugo-config-cascade', dir: path.join(SITES, 'hugo-config-cascade') },
  { name: 'hugo-config-cascade-language', dir: path.join(SITES, 'hugo-config-cascade-language') },
  { name: 'hugo-links-hook-partial', dir: path.join(SITES, 'hugo-links-hook-partial') },
  { name: 'hugo-links-definition-shortcode', dir: path.join(SITES, 'hugo-links-definition-shortcode') },
  { name: 'hugo-theme-layouts', dir: path.join(SITES, 'hugo-theme-layouts') },
  { name: 'hugo-front-matter-openings', dir: path.join(SITES, 'hugo-front-matter-openings') },
  { name: 'hugo-opening-list', dir: path.join(SITES, 'hugo-opening-list') },
  { name: 'hugo-opening-shortcode', dir: path.join(SITES, 'hugo-opening-shortcode') },
  { name: 'hugo-mounts-lang', dir: path.join(SITES, 'hugo-mounts-lang') },
  { name: 'hugo-mount-folder', dir: path.join(SITES, 'hugo-mount-folder') },
  { name: 'hugo-mount-subfolder', dir: path.join(SITES, 'hugo-mount-subfolder') },
  { name: 'hugo-mount-target-folders', dir: path.join(SITES, 'hugo-mount-target-folders') },
  { name: 'hugo-links', dir: path.join(SITES, 'hugo-links') },
  { name: 'hugo-links-hook', dir: path.join(SITES, 'hugo-links-hook') },
  { name: 'hugo-links-hook-i18n', dir: path.join(SITES, 'hugo-links-hook-i18n') },
  { name: 'hugo-links-hook-set-aside', dir: path.join(SITES, 'hugo-links-hook-set-aside') },
  { name: 'hugo-links-hook-static-mount', dir: path.join(SITES, 'hugo-links-hook-static-mount') },
  { name: 'hugo-links-hook-relative', dir: path.join(SITES, 'hugo-links-hook-relative') },
  { name: 'hugo-links-hook-absolute', dir: path.join(SITES, 'hugo-links-hook-absolute') },
  { name: 'hugo-links-hook-module', dir: path.join(SITES, 'hugo-links-hook-module') },
  { name: 'hugo-links-hook-sections', dir: path.join(SITES, 'hugo-links-hook-sections') },
  { name: 'hugo-links-hook-book', dir: path.join(SITES, 'hugo-links-hook-book') },
  { name: 'hugo-links-hook-book-off', dir: path.join(SITES, 'hugo-links-hook-book-off') },
  { name: 'hugo-links-hook-book-current', dir: path.join(SITES, 'hugo-links-hook-book-current') },
  { name: 'hugo-links-hook-theme-imports', dir: path.join(SITES, 'hugo-links-hook-theme-imports') },
  { name: 'hugo-images-by-reference', dir: path.join(SITES, 'hugo-images-by-reference') },
  { name: 'hugo-links-destination-lines', dir: path.join(SITES, 'hugo-links-destination-lines') },
  { name: 'hugo-hooks-unused-variable', dir: path.join(SITES, 'hugo-hooks-unused-variable') },
  { name: 'hugo-permalinks-sections', dir: path.join(SITES, 'hugo-permalinks-sections') },
  { name: 'hugo-permalinks-unknown', dir: path.join(SITES, 'hugo-permalinks-unknown') },
  { name: 'hugo-permalinks-title-blanks', dir: path.join(SITES, 'hugo-permalinks-title-blanks') },
  { name: 'hugo-permalinks-section-links', dir: path.join(SITES, 'hugo-permalinks-section-links') },
  { name: 'hugo-permalinks-plus', dir: path.join(SITES, 'hugo-permalinks-plus') },
  { name: 'hugo-ugly-urls-sections', dir: path.join(SITES, 'hugo-ugly-urls-sections') },
  { name: 'hugo-permalinks-date-folders', dir: path.join(SITES, 'hugo-permalinks-date-folders') },
  { name: 'hugo-permalinks-unread-content', dir: path.join(SITES, 'hugo-permalinks-unread-content') },
  { name: 'hugo-permalinks-contentless-section', dir: path.join(SITES, 'hugo-permalinks-contentless-section') },
  { name: 'hugo-build-folder', dir: path.join(SITES, 'hugo-build-folder') },
  { name: 'hugo-disable-taxonomy', dir: path.join(SITES, 'hugo-disable-taxonomy') },
  { name: 'hugo-output-taxonomy', dir: path.join(SITES, 'hugo-output-taxonomy') },
  { name: 'hugo-links-html', dir: path.join(SITES, 'hugo-links-html') },
  { name: 'hugo-links-empty-sections', dir: path.join(SITES, 'hugo-links-empty-sections') },
  { name: 'hugo-links-html-ugly', dir: path.join(SITES, 'hugo-links-html-ugly') },
  { name: 'hugo-hooks-as-is', dir: path.join(SITES, 'hugo-hooks-as-is') },
  { name: 'hugo-module-mounts', dir: path.join(SITES, 'hugo-module-mounts') },
  { name: 'hugo-mount-layouts-elsewhere', dir: path.join(SITES, 'hugo-mount-layouts-elsewhere') },
  { name: 'hugo-go-mod-tool', dir: path.join(SITES, 'hugo-go-mod-tool') },
  { name: 'hugo-go-mod-unimported', dir: path.join(SITES, 'hugo-go-mod-unimported') },
  { name: 'hugo-mount-replaces-content', dir: path.join(SITES, 'hugo-mount-replaces-content') },
  { name: 'hugo-base-path', dir: path.join(SITES, 'hugo-base-path') },
  { name: 'hugo-base-path-relative', dir: path.join(SITES, 'hugo-base-path-relative') },
  { name: 'hugo-base-path-protocol-relative', dir: path.join(SITES, 'hugo-base-path-protocol-relative') },
  { name: 'hugo-cncf', dir: path.join(SITES, 'hugo-cncf'), content: path.join(CORPORA, 'cncf-glossary', 'content') },
];

/**
 * Sites are compared two at a time: each build has a scratch copy of its own, and a Docusaurus
 * build keeps about one and a half cores busy. On two cores, six sites side by side took 124 s
 * where one after another took 180 s.
 */
const SITES_AT_ONCE = 2;

describe('the site as the real generators build it', { concurrency: SITES_AT_ONCE }, () => {
  after(() => {
    if (agreements.length === 0) return;
    const order = [...DOCUSAURUS_SITES, ...HUGO_SITES].map((site) => site.name);
    agreements.sort((a, b) => order.indexOf(a.site) - order.indexOf(b.site));
    const rows = [['site', 'generator', 'compared', 'agreeing'], ...agreements.map(({ site, generator, compared, agreeing }) => [site, generator, String(compared), String(agreeing)])];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    console.log('\nSite parity with the real generators:');
    for (const row of rows) console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | '));
  });

  for (const site of DOCUSAURUS_SITES) {
    it(`${site.name}: Docusaurus publishes the files we say at the permalinks we say, fails when check exits 1, and reports the broken links we report`, async (t) => {
      if (!fs.existsSync(site.dir)) {
        t.skip(`${path.relative(REPO_ROOT, site.dir)} is missing (test/corpora)`);
        return;
      }
      const table = await docusaurusTable(site.name, site.dir, site.asDocs, site.without);
      const agreement: Agreement = { site: site.name, generator: `Docusaurus ${table.docusaurus}`, compared: 0, agreeing: 0, differences: [] };
      // Ours: a folder of docs (no configuration) is checked from inside; its files are the table's docs/<file>.
      const ourFileOf = site.asDocs ? (file: string) => file.replace(/^docs\//, '') : (file: string) => file;
      const check = ourCheck(site.dir);
      compareFails(table.fails, check, agreement);
      compareMdx(table, check.findings, ourFileOf, agreement);
      // A build that fails before it publishes anything (e.g. two docs with one id) has no routes to compare.
      if (table.failsWhenLenient) console.log(`${site.name}: the build fails before it publishes a page; only its failure is compared`);
      else {
        const terms = ourTerms(site.dir);
        comparePages(table.docs, terms, ourFileOf, table.docs[0]?.locale, agreement);
        compareBrokenLinks(site.dir, table, check.findings, ourFileOf, agreement);
        compareBrokenAnchors(site.dir, table, check.findings, ourFileOf, agreement);
      }
      // A folder of docs built in an empty site misses the images of the site it comes from; we judge no images without a configuration.
      if (!site.asDocs) {
        compareBrokenImages(site.dir, table, check.findings, ourFileOf, agreement);
        compareBrokenImports(site.dir, table, check.findings, agreement);
      }
      report(agreement);
    });
  }

  for (const site of HUGO_SITES) {
    it(`${site.name}: Hugo publishes the files we say at the permalinks we say, and fails when check exits 1`, async (t) => {
      if (site.content !== undefined && !fs.existsSync(site.content)) {
        t.skip(`${path.relative(REPO_ROOT, site.content)} is missing (test/corpora)`);
        return;
      }
      const table = await hugoTableOf(site.name, site.dir, site.content);
      const agreement: Agreement = { site: site.name, generator: `Hugo ${table.hugo}`, compared: 0, agreeing: 0, differences: [] };
      // A site whose content lives elsewhere is checked as Hugo built it: a copy with that content as content/.
      const scratch = site.content === undefined ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'parity-hugo-'));
      try {
        let siteDir = site.dir;
        if (scratch !== undefined) {
          siteDir = path.join(scratch, site.name);
          fs.cpSync(site.dir, siteDir, { recursive: true });
          fs.rmSync(path.join(siteDir, 'content'), { recursive: true, force: true });
          fs.cpSync(site.content!, path.join(siteDir, 'content'), { recursive: true });
        }
        const check = ourCheck(siteDir);
        compareFails(table.fails, check, agreement);
        // A build that fails writes no page: there are no routes to compare.
        if (table.fails) console.log(`${site.name}: the build fails; only its failure is compared`);
        else {
          comparePages(table.pages, ourTerms(siteDir), (file) => file, undefined, agreement, true);
          compareHugoLinks(table, check.findings, siteDir, agreement);
        }
      } finally {
        if (scratch !== undefined) fs.rmSync(scratch, { recursive: true, force: true });
      }
      report(agreement);
    });
  }
});

/**
 * Link by link, on the pages Hugo built: every link of a page's content that leads nowhere in the
 * built site is a `broken-link` finding of that file over that very link (as written, or as Hugo
 * encodes it), and every `broken-link` finding over a link Hugo wrote is one that leads nowhere;
 * images alike, with `broken-image` findings. Where a fixture's render hook keeps the destination as
 * written, a link is known by it, whatever `href` the hook made of it.
 */
function compareHugoLinks(table: HugoTable, findings: Finding[], siteDir: string, agreement: Agreement): void {
  const decoded = (text: string) => {
    try {
      return decodeURI(text);
    } catch {
      return text;
    }
  };
  const ours = findings.filter((finding) => finding.code === 'broken-link' || finding.code === 'broken-image').map((finding) => ({ file: finding.file, image: finding.code === 'broken-image', target: decoded(textAt(siteDir, finding)) }));
  const sources = new Map<string, string>();
  const sourceOf = (file: string) => sources.get(file) ?? sources.set(file, fs.readFileSync(path.join(siteDir, file), 'utf8')).get(file)!;
  const matched = new Set<(typeof ours)[number]>();
  for (const link of table.links) {
    const href = decoded(link.written ?? link.href);
    const found = ours.filter((finding) => finding.file === link.file && finding.image === (link.image === true) && finding.target === href);
    found.forEach((finding) => matched.add(finding));
    // A link that leads nowhere and is no Markdown link or image of the file is a shortcode's (`{{< figure src="…" >}}`): not ours to judge.
    const source = sourceOf(link.file);
    const written = [link.written ?? link.href, href];
    if (!link.reaches && !written.some((text) => source.includes(`](${text}`) || source.includes(`](<${text}>`) || source.includes(`]: ${text}`))) continue;
    agreement.compared++;
    if ((found.length > 0) !== link.reaches) agreement.agreeing++;
    else if (found.length > 0) agreement.differences.push(`${link.file}: check reports a broken ${link.image ? 'image' : 'link'} "${href}", which the built page reaches as "${link.href}"`);
    else agreement.differences.push(`${link.file}: the built page ${link.image ? 'shows the image' : 'links to'} "${link.href}", where nothing is; check has no ${link.image ? 'broken-image' : 'broken-link'} finding for it`);
  }
  // The other way round: a finding on a built page is over a link Hugo wrote.
  const built = new Set(table.pages.filter((page) => page.published).map((page) => page.file));
  for (const finding of ours) {
    if (matched.has(finding) || !built.has(finding.file)) continue;
    agreement.compared++;
    agreement.differences.push(`${finding.file}: check reports a broken ${finding.image ? 'image' : 'link'} "${finding.target}", which the built page does not write as ${finding.image ? 'an image' : 'a link'} into the site`);
  }
}

/**
 * Page by page, whether MDX stops the build: every published doc whose MDX did not compile has an
 * `invalid-mdx` error with MDX's reason, every doc whose render failed has one, and no other doc
 * has any. When the bundle did not compile, nothing was rendered: a doc that compiled is compared
 * only where we find no render problem in it either.
 */
function compareMdx(table: DocusaurusTable, findings: Finding[], ourFileOf: (file: string) => string, agreement: Agreement): void {
  const rendered = table.compileFailures.length === 0;
  const files = [...new Set(table.docs.filter((row) => row.published).map((row) => row.file))];
  for (const file of files) {
    const ours = findings.filter((finding) => finding.code === 'invalid-mdx' && finding.severity === 'error' && finding.file === ourFileOf(file));
    const compile = table.compileFailures.find((failure) => failure.file === file);
    const routes = new Set(table.docs.filter((row) => row.file === file && row.published).map((row) => row.route));
    const render = table.renderFailures.find((failure) => routes.has(failure.route));
    if (!rendered && compile === undefined && ours.length > 0 && !ours.some((finding) => finding.message.includes('MDX cannot compile'))) continue;
    agreement.compared++;
    const builtAs = compile ? `does not compile (${compile.cause})` : render ? `does not render (${render.cause})` : 'compiles and renders';
    const same = compile ? ours.some((finding) => finding.message.endsWith(compile.cause)) : render ? ours.length > 0 : ours.length === 0;
    if (same) agreement.agreeing++;
    else agreement.differences.push(`${file}: its MDX ${builtAs}; check has ${ours.length === 0 ? 'no invalid-mdx error' : ours.map((finding) => `${finding.line}:${finding.column} ${finding.message}`).join('; ')}`);
  }
}

/**
 * Every image the build found no file for (once per file, whatever the locales that compiled it)
 * is a `broken-image` finding on that line of that file, over that very URL; and every `broken-image`
 * finding is one the build reports, as a broken image or as a path webpack could not bundle.
 */
function compareBrokenImages(siteDir: string, table: DocusaurusTable, findings: Finding[], ourFileOf: (file: string) => string, agreement: Agreement): void {
  const reportedImages = [...new Map(table.brokenMarkdownImages.map((row) => [`${row.file}:${row.line}:${row.link}`, row])).values()];
  // Docusaurus names the URL as Markdown reads it: escapes and character references resolved.
  const images = findings.filter((finding) => finding.code === 'broken-image').map((finding) => ({ finding, text: markdownDestination(textAt(siteDir, finding)) }));
  for (const reported of reportedImages) {
    agreement.compared++;
    if (images.some(({ finding, text }) => finding.file === ourFileOf(reported.file) && finding.line === reported.line && text === reported.link)) agreement.agreeing++;
    else agreement.differences.push(`${reported.file}:${reported.line}: the build finds no file for the image "${reported.link}"; check has no broken-image finding for it`);
  }
  for (const { finding, text } of images) {
    agreement.compared++;
    const unbundled = table.unresolvedModules.some((row) => row.request === text && ourFileOf(`${row.folder}/x`) === path.posix.join(path.posix.dirname(finding.file), 'x'));
    if (unbundled || reportedImages.some((row) => ourFileOf(row.file) === finding.file && row.line === finding.line && row.link === text)) agreement.agreeing++;
    else agreement.differences.push(`${finding.file}:${finding.line}:${finding.column}: check reports a broken image "${text}" the build does not report`);
  }
}

/**
 * Every module webpack could not resolve (a request and the folder it was asked from), but an image
 * naming a folder, is a `broken-import` finding of a file in that folder over that very request; and
 * every `broken-import` finding is one webpack reports.
 */
function compareBrokenImports(siteDir: string, table: DocusaurusTable, findings: Finding[], agreement: Agreement): void {
  const imports = findings.filter((finding) => finding.code === 'broken-import').map((finding) => ({ finding, text: textAt(siteDir, finding) }));
  const images = findings.filter((finding) => finding.code === 'broken-image').map((finding) => ({ finding, text: markdownDestination(textAt(siteDir, finding)) }));
  const asked = (row: { request: string; folder: string }, found: { finding: Finding; text: string | undefined }) => found.text === row.request && path.posix.dirname(found.finding.file) === row.folder;
  for (const row of table.unresolvedModules) {
    if (images.some((image) => asked(row, image))) continue;
    agreement.compared++;
    if (imports.some((found) => asked(row, found))) agreement.agreeing++;
    else agreement.differences.push(`${row.folder}: webpack cannot resolve "${row.request}"; check has no broken-import finding for it`);
  }
  for (const found of imports) {
    agreement.compared++;
    if (table.unresolvedModules.some((row) => asked(row, found))) agreement.agreeing++;
    else agreement.differences.push(`${found.finding.file}:${found.finding.line}:${found.finding.column}: check reports a broken import "${found.text}" webpack resolves`);
  }
}

/**
 * Every broken anchor the build reports on a page built from a file is a `broken-anchor` finding
 * in that file over a link with that very anchor (the build names a Markdown file's link by the
 * route it resolves to, so the anchor is what both write alike, percent-encoded in the build's report where
 * it is not ASCII); and every `broken-anchor` finding is one the build reports, in some locale it builds
 * the file in, or, for a blog post, on a page built from no file (its blog's lists of posts, which show it
 * up to its truncate marker).
 */
function compareBrokenAnchors(siteDir: string, table: DocusaurusTable, findings: Finding[], ourFileOf: (file: string) => string, agreement: Agreement): void {
  const fileAt = (locale: string, route: string): string | undefined =>
    table.docs.find((row) => row.published && row.locale === locale && row.route === route)?.file ?? table.contentPages.find((row) => row.locale === locale && row.route === route)?.file;
  const anchorOf = (link: string) => link.slice(link.indexOf('#'));
  const ours = findings.filter((finding) => finding.code === 'broken-anchor').map((finding) => ({ finding, anchor: anchorOf(textAt(siteDir, finding)) }));
  for (const reported of table.brokenAnchors) {
    const file = fileAt(reported.locale, reported.page);
    if (file === undefined) continue;
    agreement.compared++;
    if (ours.some(({ finding, anchor }) => finding.file === ourFileOf(file) && sameLink(anchor, anchorOf(reported.link)))) agreement.agreeing++;
    else agreement.differences.push(`broken anchor on ${reported.page} (${reported.locale}, ${file}) to "${reported.link}": check has no broken-anchor finding for it`);
  }
  for (const { finding, anchor } of ours) {
    agreement.compared++;
    const post = table.contentPages.some((row) => row.plugin === 'blog' && ourFileOf(row.file) === finding.file);
    const reported = table.brokenAnchors.some((row) => {
      const file = fileAt(row.locale, row.page);
      return (file !== undefined ? ourFileOf(file) === finding.file : post) && sameLink(anchor, anchorOf(row.link));
    });
    if (reported) agreement.agreeing++;
    else agreement.differences.push(`${finding.file}:${finding.line}:${finding.column}: check reports a broken anchor "${anchor}" the build does not report`);
  }
}

/**
 * Every broken link the build reports (a page route and the link as written) is a `broken-link`
 * finding in the file published at that route (a doc, a blog post, a page), over that very link text; and
 * every `broken-link` error (one that breaks the build) is a link the build reports: never a false
 * broken link. A link of a partial a page renders (see `renderedFiles`) is reported on the page. A page built from no file of its own, as a blog's list of posts, repeats the links
 * of the posts it shows: a link reported on a post's page as well is compared there; one reported on
 * such a page only (a relative URL the list reads from its own) is a finding over that link text in a post.
 */
/** A link as written (`/docs/tags/zwei-wörter`) and as the build reports it, percent-encoded where the page's `href` is. */
function sameLink(written: string, reported: string): boolean {
  return written === reported || encodeURI(written) === reported;
}

/**
 * The same for a broken link, which the build reports as its `<Link>` renders it: under `trailingSlash`
 * with a final slash added to its path (`true`, mittwald's) or taken off (`false`), `/` left alone.
 */
function sameBrokenLink(written: string, reported: string): boolean {
  const pathname = written.split(/[#?]/)[0];
  const slashed = written.startsWith('#') || pathname === '/' ? [] : [pathname.endsWith('/') ? pathname.replace(/\/+$/, '') : `${pathname}/`].map((other) => written.replace(pathname, other));
  return [written, ...slashed].some((variant) => sameLink(variant, reported));
}

/**
 * A page's file (as our findings name it) and the Markdown partials it imports and renders, itself or
 * through another partial (`import Teil from './_teil.mdx'`, `@site/…`): the build reports their links on the page.
 */
function renderedFiles(siteDir: string, file: string): string[] {
  const files = [file];
  for (let at = 0; at < files.length && files.length < 20; at++) {
    const text = fs.existsSync(path.join(siteDir, files[at])) ? fs.readFileSync(path.join(siteDir, files[at]), 'utf8') : '';
    for (const [, request] of text.matchAll(/^import\s+\w+\s+from\s+['"]([^'"]+\/_[^'"/]*)['"];?$/gm)) {
      const base = request.startsWith('@site/') ? request.slice('@site/'.length) : path.posix.join(path.posix.dirname(files[at]), request);
      const partial = [base, `${base}.md`, `${base}.mdx`].find((candidate) => /\.mdx?$/.test(candidate) && fs.existsSync(path.join(siteDir, candidate)));
      if (partial !== undefined && !files.includes(partial)) files.push(partial);
    }
  }
  return files;
}

function compareBrokenLinks(siteDir: string, table: DocusaurusTable, findings: Finding[], ourFileOf: (file: string) => string, agreement: Agreement): void {
  const fileAt = (locale: string, route: string): string | undefined =>
    table.docs.find((row) => row.published && row.locale === locale && row.route === route)?.file ?? table.contentPages.find((row) => row.locale === locale && row.route === route)?.file;
  const onPageOfFile = (row: { locale: string; page: string; link: string }) => fileAt(row.locale, row.page) !== undefined;
  const rendersFinding = (file: string, finding: Finding) => renderedFiles(siteDir, ourFileOf(file)).includes(finding.file);
  // A list of posts shows posts of a blog.
  const inBlogPost = (finding: Finding) => table.contentPages.some((row) => row.plugin === 'blog' && ourFileOf(row.file) === finding.file);
  const brokenLinks = findings.filter((finding) => finding.code === 'broken-link').map((finding) => ({ finding, text: textAt(siteDir, finding) }));
  for (const reported of table.brokenLinks) {
    const file = fileAt(reported.locale, reported.page);
    if (file === undefined && table.brokenLinks.some((other) => other.locale === reported.locale && other.link === reported.link && onPageOfFile(other))) continue;
    agreement.compared++;
    // An absolute link of a page built in another locale is reported with the locale put in front
    // (`/docs/x` written, `/de/docs/x` reported; the fixtures' base URL is `/`); one written with
    // other than ASCII, percent-encoded as the page's `href` has it.
    const asWritten = (text: string) => sameBrokenLink(text, reported.link) || (text.startsWith('/') && sameBrokenLink(`/${reported.locale}${text}`, reported.link));
    const ours = brokenLinks.find(({ finding, text }) => (file === undefined ? inBlogPost(finding) : rendersFinding(file, finding)) && asWritten(text));
    if (ours !== undefined) agreement.agreeing++;
    else agreement.differences.push(`broken link on ${reported.page} (${reported.locale}, ${file ?? 'no doc at that route'}) to "${reported.link}": check has no broken-link finding for it`);
  }
  for (const { finding, text } of brokenLinks) {
    if (finding.severity !== 'error') continue;
    agreement.compared++;
    // As above: an absolute link of a page built in another locale is reported with the locale put in front (a translated post's `/blog/nope`, `/fr/blog/nope`).
    const reported = table.brokenLinks.some((row) => {
      const file = fileAt(row.locale, row.page);
      return (sameBrokenLink(text, row.link) || (text.startsWith('/') && sameBrokenLink(`/${row.locale}${text}`, row.link))) && (file === undefined ? inBlogPost(finding) : rendersFinding(file, finding));
    });
    if (reported) agreement.agreeing++;
    else agreement.differences.push(`${finding.file}:${finding.line}:${finding.column}: check reports a build-breaking broken link to "${text}" the build does not report`);
  }
}
