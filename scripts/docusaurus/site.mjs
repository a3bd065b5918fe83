// The real Docusaurus, asked how it builds a site: which route each doc file gets, which files it
// publishes, in which locale and version, whether the build fails and which broken links it reports.
//
// Docusaurus is not a dependency of the project: a pinned version goes into
// .test-cache/docusaurus-VERSION/ on first use (like code-server for the end-to-end tests). Fixture
// sites are copied into a scratch folder under .test-cache/docusaurus-sites/ before they are built,
// so nothing is written into the fixture.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, ROOT, elapsed, npmEnv, readMarker, runLogged } from '../e2e/lib.mjs';

/**
 * Exact versions: the newest Docusaurus 3 (Node >= 20) and the React it supports, with every
 * package below them pinned by the lock file beside them in pinned/ (installed with `npm ci`): a
 * dependency range resolved afresh named a version the registry did not have yet.
 */
const PINNED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pinned');
export const VERSIONS = JSON.parse(fs.readFileSync(path.join(PINNED, 'package.json'), 'utf8')).dependencies;
export const DOCUSAURUS_VERSION = VERSIONS['@docusaurus/core'];
export const DOCUSAURUS_DIR = path.join(CACHE, `docusaurus-${DOCUSAURUS_VERSION}`);
const DOCUSAURUS_BIN = path.join(DOCUSAURUS_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const SITES_DIR = path.join(CACHE, 'docusaurus-sites');

export function log(message) {
  process.stderr.write(`[docusaurus] ${message}\n`);
}

/**
 * Docusaurus from npm into .test-cache/docusaurus-VERSION, once; later calls only check the marker.
 * Test files run in parallel processes and several of them ask for it: one installs, the others wait.
 */
export function ensureDocusaurus() {
  const lock = fs.readFileSync(path.join(PINNED, 'package-lock.json'));
  const specs = [...Object.entries(VERSIONS).map(([name, version]) => `${name}@${version}`), `lock ${createHash('sha256').update(lock).digest('hex').slice(0, 16)}`];
  const marker = path.join(DOCUSAURUS_DIR, '.installed.json');
  const installed = () => JSON.stringify(readMarker(marker)?.specs) === JSON.stringify(specs) && fs.existsSync(DOCUSAURUS_BIN);
  if (installed()) return;
  withInstallLock(() => {
    if (!installed()) install(specs, marker);
  });
}

/** Runs `task` holding .test-cache/docusaurus-VERSION.lock (a folder naming its owner's pid); a dead owner's lock is taken over. */
function withInstallLock(task) {
  const lock = `${DOCUSAURUS_DIR}.lock`;
  const owner = path.join(lock, 'pid');
  fs.mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    // No pid yet: its owner is between mkdir and write, or died there (then the lock grows old).
    const pid = fs.existsSync(owner) ? Number(fs.readFileSync(owner, 'utf8')) : undefined;
    const stale = pid === undefined ? Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 60_000 : !isAlive(pid);
    if (stale) fs.rmSync(lock, { recursive: true, force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  try {
    task();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function install(specs, marker) {
  const start = Date.now();
  log(`installing ${specs.join(', ')} into ${path.relative(ROOT, DOCUSAURUS_DIR)} (a minute or two)`);
  fs.rmSync(DOCUSAURUS_DIR, { recursive: true, force: true });
  fs.mkdirSync(DOCUSAURUS_DIR, { recursive: true });
  // The manifest declines core-js's only install script (an advertisement), which keeps npm 11 from warning.
  for (const name of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(PINNED, name), path.join(DOCUSAURUS_DIR, name));
  runLogged('npm', ['ci', '--no-audit', '--no-fund'], path.join(CACHE, 'logs', 'install-docusaurus.log'), {
    cwd: DOCUSAURUS_DIR,
    env: npmEnv(),
  });
  if (!fs.existsSync(DOCUSAURUS_BIN)) throw new Error(`${DOCUSAURUS_BIN} missing after npm install`);
  fs.writeFileSync(marker, `${JSON.stringify({ specs, seconds: Math.round((Date.now() - start) / 1000) }, null, 2)}\n`);
  log(`Docusaurus installed in ${elapsed(start)}`);
}

// ---------------------------------------------------------------------------------------------
// Building a site

const CONFIG_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `docusaurus.config.${ext}`);
const HARNESS_CONFIG = 'docusaurus.harness.config.mjs';
/** Where the harness plugin keeps each built locale's docs metadata, inside the scratch site. */
const SNAPSHOT_DIR = '.harness';
/** Written when the configuration is loaded (in the build's folder): whether the site's own broken-link settings are valid. */
const POLICIES_FILE = 'policies.json';
/** Beside each locale's snapshot, the paths of the routes its build made (`postBuild`'s `routesPaths`). */
const ROUTES_SUFFIX = '.routes.json';
/** Beside each locale's snapshot, the metadata of the blog and pages plugins: each page's file and route. */
const PAGES_SUFFIX = '.pages';
const PAGE_PLUGINS = ['docusaurus-plugin-content-blog', 'docusaurus-plugin-content-pages'];
/** Folders of a site that are not its content: never copied into the scratch site. */
const NOT_CONTENT = new Set(['node_modules', '.docusaurus', 'build', '.git']);

/** The configuration the harness writes for a site without one: docs/ and the locales under i18n/. */
function defaultConfig(siteDir) {
  const i18nDir = path.join(siteDir, 'i18n');
  const translated = fs.existsSync(i18nDir) ? fs.readdirSync(i18nDir).filter((name) => name !== 'en').sort() : [];
  const config = {
    title: path.basename(siteDir),
    url: 'https://example.com',
    baseUrl: '/',
    i18n: { defaultLocale: 'en', locales: ['en', ...translated] },
    presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
  };
  return `// Written by scripts/docusaurus/site.mjs: the site had no configuration of its own.\nexport default ${JSON.stringify(config, null, 2)};\n`;
}

/**
 * The site's own configuration with the harness's choices on top: when `lenient`, every broken
 * link, anchor, Markdown link and image only warns (so the build runs to its end and reports them
 * all; otherwise the site's own settings, by default Docusaurus's, hold), and always a plugin that
 * keeps each locale's generated doc metadata. `docusaurus build` builds
 * the locales one after another into the same .docusaurus/ folder, so after each locale the plugin
 * moves the docs plugins' metadata to .harness/<locale>/. (Building one locale per process is no
 * way out: with a single --locale, Docusaurus drops the /<locale>/ prefix from every route.)
 */
const LENIENT = {
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  onBrokenMarkdownLinks: undefined, // deprecated spelling; it would win over markdown.hooks
};
const LENIENT_MARKDOWN_HOOKS = { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' };

function harnessConfig(configName, lenient, scratch) {
  const overrides = lenient
    ? `...${JSON.stringify(LENIENT)}, markdown: { ...config.markdown, hooks: { ...config.markdown?.hooks, ...${JSON.stringify(LENIENT_MARKDOWN_HOOKS)} } },`
    : '';
  return `import * as fs from 'node:fs';
import * as path from 'node:path';
import base from './${configName}';

function keepDocsMetadata(context) {
  return {
    name: 'harness-keep-docs-metadata',
    async postBuild({ routesPaths }) {
      const snapshot = path.join(context.siteDir, ${JSON.stringify(SNAPSHOT_DIR)});
      fs.writeFileSync(path.join(snapshot, context.i18n.currentLocale + ${JSON.stringify(ROUTES_SUFFIX)}), JSON.stringify(routesPaths));
      for (const plugin of ${JSON.stringify(PAGE_PLUGINS)}) {
        const pages = path.join(context.generatedFilesDir, plugin);
        if (!fs.existsSync(pages)) continue;
        fs.cpSync(pages, path.join(snapshot, context.i18n.currentLocale + ${JSON.stringify(PAGES_SUFFIX)}, plugin), { recursive: true });
        fs.rmSync(pages, { recursive: true, force: true });
      }
      const generated = path.join(context.generatedFilesDir, 'docusaurus-plugin-content-docs');
      if (!fs.existsSync(generated)) return;
      fs.cpSync(generated, path.join(snapshot, context.i18n.currentLocale), { recursive: true });
      fs.rmSync(generated, { recursive: true, force: true });
    },
  };
}

// Whether the site's own broken-link settings are ones Docusaurus takes: the lenient build replaces
// them, so it cannot tell a build as configured that fails on them (\`onBrokenLinks: 'error'\`).
function takenPolicies(config) {
  const policy = (value, hook) => value === undefined || ['ignore', 'log', 'warn', 'throw'].includes(value) || (hook && typeof value === 'function');
  const markdown = config.markdown;
  const hooks = markdown?.hooks;
  return policy(config.onBrokenLinks) && policy(config.onBrokenAnchors) && policy(config.onBrokenMarkdownLinks) &&
    (markdown === undefined || (typeof markdown === 'object' && markdown !== null && (hooks === undefined || (typeof hooks === 'object' && hooks !== null && policy(hooks.onBrokenMarkdownLinks, true) && policy(hooks.onBrokenMarkdownImages, true)))));
}

export default async function harnessConfig() {
  const config = typeof base === 'function' ? await base() : await base;
  fs.mkdirSync(${JSON.stringify(path.join(scratch, SNAPSHOT_DIR))}, { recursive: true });
  fs.writeFileSync(${JSON.stringify(path.join(scratch, SNAPSHOT_DIR, POLICIES_FILE))}, JSON.stringify({ taken: takenPolicies(config) }));
  return { ...config, ${overrides} plugins: [...(config.plugins ?? []), keepDocsMetadata] };
}
`;
}

/**
 * A scratch copy of the site under .test-cache/docusaurus-sites/, with the cached Docusaurus as its
 * node_modules, a configuration if it has none, and a home page if it has none (the navbar of every
 * page links to /, which would otherwise be a broken link on every page).
 */
function prepareSite(siteDir, lenient) {
  const scratch = path.join(SITES_DIR, `${path.basename(siteDir)}-${process.pid}-${lenient ? 'lenient' : 'as-configured'}`);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  for (const name of fs.readdirSync(siteDir)) {
    if (!NOT_CONTENT.has(name)) fs.cpSync(path.join(siteDir, name), path.join(scratch, name), { recursive: true });
  }
  fs.symlinkSync(path.join(DOCUSAURUS_DIR, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  if (!fs.existsSync(path.join(scratch, 'package.json'))) fs.writeFileSync(path.join(scratch, 'package.json'), '{ "private": true }\n');
  let configName = CONFIG_NAMES.find((name) => fs.existsSync(path.join(scratch, name)));
  if (!configName) {
    configName = 'docusaurus.config.mjs';
    fs.writeFileSync(path.join(scratch, configName), defaultConfig(siteDir));
  }
  fs.writeFileSync(path.join(scratch, HARNESS_CONFIG), harnessConfig(configName, lenient, scratch));
  if (!fs.existsSync(path.join(scratch, 'src', 'pages'))) {
    fs.mkdirSync(path.join(scratch, 'src', 'pages'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'src', 'pages', 'index.md'), '# Home\n');
  }
  return scratch;
}

/** The site's locales, from its configuration as Docusaurus loads it. */
async function siteLocales(scratch) {
  const { loadFreshModule } = createRequire(path.join(DOCUSAURUS_DIR, 'package.json'))('@docusaurus/utils');
  const exported = await loadFreshModule(path.join(scratch, HARNESS_CONFIG));
  const config = await (typeof exported === 'function' ? exported() : exported);
  const defaultLocale = config.i18n?.defaultLocale ?? 'en';
  const locales = config.i18n?.locales ?? [defaultLocale];
  return [defaultLocale, ...locales.filter((locale) => locale !== defaultLocale)];
}

/** Runs the Docusaurus CLI in its own process group; on timeout the whole group is killed. */
function runDocusaurus(scratch, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    // Without webpack's persistent cache: the scratch sites share the cached node_modules, where one
    // site's cache would be read by the next (missing generated files, false rendering errors).
    const env = npmEnv({ NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1', FORCE_COLOR: '0', BROWSERSLIST_IGNORE_OLD_DATA: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: '1' });
    const child = spawn(process.execPath, [DOCUSAURUS_BIN, ...args], { cwd: scratch, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`docusaurus ${args.join(' ')} timed out after ${timeoutMs / 1000} s\n${output.slice(-4000)}`));
      else resolve({ code: code ?? signal, output });
    });
  });
}

/**
 * Parses the onBrokenLinks report (kind 'link'), or the onBrokenAnchors one (kind 'anchor'):
 *   - Broken link on source page path = /docs/Intro:
 *      -> linking to /docs/x
 *      -> linking to x.md (resolved as: /docs/x.md)
 * into { page, link, resolved } rows (resolved only when Docusaurus printed one).
 */
export function parseBrokenLinks(output, kind = 'link') {
  const rows = [];
  let page;
  for (const line of output.split('\n')) {
    const source = new RegExp(`^- Broken ${kind} on source page path = (.*):$`).exec(line);
    if (source) {
      page = source[1];
      continue;
    }
    const target = /^\s+-> linking to (.*?)(?: \(resolved as: (.*)\))?$/.exec(line);
    if (target && page !== undefined) rows.push({ page, link: target[1], ...(target[2] ? { resolved: target[2] } : {}) });
    else if (!/^\s*$/.test(line)) page = undefined;
  }
  return rows;
}

/**
 * Parses "Markdown link with URL `x.md` in source file "docs/a.md" (6:1) couldn't be resolved."
 * (kind 'link') or "Markdown image with URL ..." (kind 'image'), and "Markdown image with empty URL
 * found in source file "docs/a.md" (3:6)." (a row with the link ''); printed once per compiler.
 */
export function parseBrokenMarkdownLinks(output, kind = 'link') {
  const pattern = new RegExp(`Markdown ${kind} with (?:URL \`(.*?)\`|empty URL found) in source file "(.*?)" \\((\\d+):(\\d+)\\)`, 'g');
  const seen = new Map();
  for (const match of output.matchAll(pattern)) {
    const row = { file: match[2], link: match[1] ?? '', line: Number(match[3]), column: Number(match[4]) };
    seen.set(JSON.stringify(row), row);
  }
  return [...seen.values()];
}

/**
 * Parses the pages a build could not make from their MDX, into { file, cause } rows (the file
 * relative to the site) for "MDX compilation failed for file "<file>"\nCause: <cause>",
 * { route, cause } rows for "Can't render static file for pathname "<route>"" and the first
 * "[cause]: " after it, and { request, folder } rows for what webpack could not resolve. A bundle that does not compile renders nothing: render failures are only
 * known of a build whose MDX compiled.
 */
export function parseMdxFailures(output, scratch) {
  const compile = new Map();
  for (const match of output.matchAll(/MDX compilation failed for file "(.*?)"\r?\nCause: (.*)/g)) {
    const file = path.relative(scratch, match[1]).split(path.sep).join('/');
    compile.set(file, { file, cause: match[2] });
  }
  const render = new Map();
  for (const match of output.matchAll(/Can't render static file for pathname "(.*?)"[\s\S]*?\[cause\]: (.*)/g)) {
    if (!render.has(match[1])) render.set(match[1], { route: match[1], cause: match[2] });
  }
  // What webpack could not bundle: "Module not found: Error: Can't resolve './img' in '<site>/docs'" (an image naming a folder).
  const unresolved = new Map();
  for (const match of output.matchAll(/Module not found: Error: Can't resolve '(.*?)' in '(.*?)'/g)) {
    const folder = path.relative(scratch, match[2]).split(path.sep).join('/');
    unresolved.set(`${folder}\0${match[1]}`, { request: match[1], folder });
  }
  return {
    compileFailures: [...compile.values()].sort((a, b) => a.file.localeCompare(b.file)),
    renderFailures: [...render.values()].sort((a, b) => a.route.localeCompare(b.route)),
    unresolvedModules: [...unresolved.values()],
  };
}

function listMarkdown(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => path.join(dir, name));
}

/**
 * A page's route as the build made it: a `permalink` in the plugins' metadata is written before
 * `trailingSlash` is applied, so the route is the one of the built routes with or without its final slash.
 */
function builtRoute(routesPaths) {
  const routes = new Set(routesPaths);
  return (permalink) => [permalink, `${permalink}/`, permalink.replace(/\/$/, '')].find((candidate) => routes.has(candidate)) ?? permalink;
}

/**
 * The doc metadata Docusaurus wrote for this locale: one JSON per published doc under
 * .docusaurus/docusaurus-plugin-content-docs/<pluginId>/, next to __plugin.json (name, id),
 * __mdx-loader-dependency.json (the plugin's options) and p/ (version data).
 * Every Markdown file the plugin could have read (its folder, and the locale's translations
 * under i18n/) gets a row; those without metadata were not published.
 */
function readDocs(scratch, generated, locale, routesPaths) {
  const routeOf = builtRoute(routesPaths);
  if (!fs.existsSync(generated)) return [];
  const rows = [];
  for (const pluginId of fs.readdirSync(generated).sort()) {
    const dir = path.join(generated, pluginId);
    const options = readMarker(path.join(dir, '__mdx-loader-dependency.json'))?.options ?? {};
    const metadata = new Map();
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('__') || !name.endsWith('.json')) continue;
      const doc = readMarker(path.join(dir, name));
      if (doc?.source?.startsWith('@site/')) metadata.set(doc.source.slice('@site/'.length), doc);
    }
    const pluginFolder = pluginId === 'default' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${pluginId}`;
    const candidates = [
      ...listMarkdown(path.join(scratch, options.path ?? 'docs')),
      ...listMarkdown(path.join(scratch, 'i18n', locale, pluginFolder)),
    ].map((file) => path.relative(scratch, file).split(path.sep).join('/'));
    for (const file of [...new Set([...candidates, ...metadata.keys()])].sort()) {
      const doc = metadata.get(file);
      rows.push({
        file,
        locale,
        pluginId,
        published: Boolean(doc),
        ...(doc ? { id: doc.id, route: routeOf(doc.permalink), version: doc.version, unlisted: doc.unlisted, slug: doc.slug, title: doc.title } : {}),
      });
    }
  }
  return rows;
}

/**
 * The pages the blog and pages plugins built for this locale from files: one JSON of metadata per
 * post or page under .docusaurus/<plugin>/<pluginId>/ (its `source` and `permalink`), beside the
 * plugins' other data (`__plugin.json`, a blog's list and archive props under p/, `blogMetadata-*`).
 */
function readContentPages(kept, locale, routesPaths) {
  const routeOf = builtRoute(routesPaths);
  const rows = [];
  for (const plugin of PAGE_PLUGINS) {
    const pluginDir = path.join(kept, plugin);
    if (!fs.existsSync(pluginDir)) continue;
    for (const pluginId of fs.readdirSync(pluginDir).sort()) {
      const dir = path.join(pluginDir, pluginId);
      for (const name of fs.readdirSync(dir).sort()) {
        if (name.startsWith('__') || !name.endsWith('.json')) continue;
        const page = readMarker(path.join(dir, name));
        if (typeof page?.permalink !== 'string' || !page.source?.startsWith('@site/')) continue;
        rows.push({ file: page.source.slice('@site/'.length), locale, plugin: plugin.replace('docusaurus-plugin-content-', ''), pluginId, route: routeOf(page.permalink) });
      }
    }
  }
  return rows;
}

/**
 * Builds `siteDir` with the cached Docusaurus, all its locales in one `docusaurus build` as a user
 * would, and returns
 *   { version, lenient, failed, exitCode, seconds, reportedBroken, error?, compileFailures, renderFailures (see parseMdxFailures),
 *     locales: [{ locale, failed, docs, brokenLinks, brokenAnchors, brokenMarkdownLinks, brokenMarkdownImages }] }.
 * `lenient` (the default) lets every broken link only warn, see harnessConfig.
 * Docusaurus stops at the first locale that fails; the locales after it are not listed.
 */
export async function buildSite(siteDir, { lenient = true, timeoutMs = 600_000, keep = false } = {}) {
  ensureDocusaurus();
  const scratch = prepareSite(path.resolve(siteDir), lenient);
  try {
    const locales = await siteLocales(scratch);
    const start = Date.now();
    const { code, output } = await runDocusaurus(scratch, ['build', '--config', HARNESS_CONFIG, '--no-minify'], timeoutMs);
    const seconds = Math.round((Date.now() - start) / 100) / 10;
    const failed = code !== 0;
    log(`${path.basename(siteDir)} ${lenient ? 'lenient' : 'as configured'}: ${failed ? `failed (exit ${code})` : 'built'} in ${seconds} s (${locales.join(', ')})`);
    // Any mention of something broken (a link, an anchor, a Markdown link or image, in whatever
    // words) counts, and so do broken-link settings the lenient build replaced and Docusaurus refuses.
    const reportedBroken = /broken|Markdown (?:link|image) with/i.test(output) || readMarker(path.join(scratch, SNAPSHOT_DIR, POLICIES_FILE))?.taken !== true;
    const result = { version: DOCUSAURUS_VERSION, lenient, failed, exitCode: code, seconds, reportedBroken, ...(failed ? { error: buildError(output, scratch) } : {}), ...parseMdxFailures(output, scratch), locales: [] };
    // The build log has one section per locale, each opened by "[INFO] [<locale>] Creating an optimized production build...".
    const sections = output.split(/^(?=\[INFO\] \[[^\]]+\] Creating an optimized production build)/m);
    // Docusaurus names the locale it stopped at; the locales after it were not built.
    const failedLocale = failed ? /Unable to build website for locale (\S+?)\./.exec(output)?.[1] ?? locales[0] : undefined;
    for (const locale of locales) {
      // postBuild may run before a check fails, so a failed locale can have kept metadata too.
      const kept = path.join(scratch, SNAPSHOT_DIR, locale);
      const generated = fs.existsSync(kept) ? kept : path.join(scratch, '.docusaurus', 'docusaurus-plugin-content-docs');
      if (!fs.existsSync(kept) && !fs.existsSync(`${kept}${ROUTES_SUFFIX}`) && !failed) throw new Error(`docusaurus build succeeded but left no metadata for locale ${locale}`);
      const section = sections.find((text) => text.startsWith(`[INFO] [${locale}] `)) ?? '';
      result.locales.push({
        locale,
        failed: locale === failedLocale,
        docs: readDocs(scratch, generated, locale, readMarker(`${kept}${ROUTES_SUFFIX}`) ?? []),
        contentPages: readContentPages(`${kept}${PAGES_SUFFIX}`, locale, readMarker(`${kept}${ROUTES_SUFFIX}`) ?? []),
        brokenLinks: parseBrokenLinks(section),
        brokenAnchors: parseBrokenLinks(section, 'anchor'),
        brokenMarkdownLinks: parseBrokenMarkdownLinks(section),
        brokenMarkdownImages: parseBrokenMarkdownLinks(section, 'image'),
      });
      if (locale === failedLocale) break;
    }
    return result;
  } finally {
    if (!keep) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The part of a failed build's output that says why: from its first [ERROR] line on, without stack frames. */
function buildError(output, scratch) {
  const start = output.indexOf('[ERROR]');
  const text = start >= 0 ? output.slice(start) : output.slice(-4000);
  return text
    .split('\n')
    .filter((line) => !/^\s+at |^\s+\.\.\. \d+ lines matching cause stack trace|^\[INFO\] Docusaurus version:|^Node version:/.test(line))
    .join('\n')
    .replaceAll(scratch, '<site>')
    .trim();
}
