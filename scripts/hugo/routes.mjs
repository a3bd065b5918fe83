// Prints, as JSON, how the real Hugo builds a site: for every Markdown file under the site, whether
// Hugo built a page from it, at which permalink path, in which language, with which translation
// key, whether `hugo list` calls it a draft, future or expired, whether the build fails, and every
// link and image of a built page's content into the site (an `href` or `src` that is no other
// site's, no fragment alone) with whether the built site has something there.
//
// Usage: node scripts/hugo/routes.mjs <siteFolder> [--content <dir>] [--name <name>] [--clock <time>] [--out <file.json>]
//   <siteFolder>  a Hugo site (its configuration file and, unless --content, its content);
//   --content     build with this folder as the site's `content/` (e.g. a corpus kept outside the repository);
//   --name        the site's name in the table (default: the folder's name);
//   --clock       the time Hugo builds at (default 2025-06-01T00:00:00Z), so future and expired pages stay put;
//   --out         write the JSON there instead of stdout.
// The site is copied into a temporary folder with templates that print, on each built page, the
// file it comes from; nothing is written to <siteFolder>. Needs `hugo` on the PATH (Debian: hugo 0.111.3).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printHelpAndExit } from '../e2e/lib.mjs';

export const DEFAULT_CLOCK = '2025-06-01T00:00:00Z';
const MARKDOWN = /\.(md|markdown)$/i;
/** Folders Hugo itself writes or reads templates and assets from: their Markdown is no content. */
const NOT_CONTENT = new Set(['layouts', 'public', 'resources', 'themes', 'static', 'assets', 'node_modules', '.git']);

/**
 * Printed by the templates: one line per built page, per page Hugo knows and per Markdown resource
 * of a bundle. A page's content is rendered too, as a theme does: its shortcodes can fail the build
 * (a `ref` to a page that is not there).
 */
const PAGE_TEMPLATE = '{{ with .File }}<p>HUGO-BUILT {{ .Filename | base64Encode }} {{ $.Lang }} {{ $.RelPermalink | base64Encode }}</p>{{ end }}<div>{{ .Content }}</div>\n';
const HOME_TEMPLATE = `${PAGE_TEMPLATE}{{ range .Site.AllPages }}{{ $page := . }}{{ with .File }}<p>HUGO-KNOWN {{ .Filename | base64Encode }} {{ $page.Lang }} {{ $page.TranslationKey | base64Encode }}</p>{{ end }}{{ range .Resources.ByType "page" }}{{ with .File }}<p>HUGO-RESOURCE {{ .Filename | base64Encode }}</p>{{ end }}{{ end }}{{ end }}\n`;

export function hugoVersion() {
  return /v(\S+)/.exec(execFileSync('hugo', ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
}

/**
 * Builds `siteDir` (with `options.content` as its content folder, if given) with the real Hugo and
 * returns the table: { hugo, site, clock, fails, error?, pages: [{ file, locale?, published, route?,
 * routes? (where it is built at more than one), translationKey?, draft?, future?, expired?, resource? }] }. File paths are relative to the site root.
 */
export function hugoTable(siteDir, options = {}) {
  const clock = options.clock ?? DEFAULT_CLOCK;
  const name = options.name ?? path.basename(path.resolve(siteDir));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hugo-site-'));
  try {
    const site = path.join(scratch, name);
    fs.cpSync(siteDir, site, { recursive: true });
    if (options.content !== undefined) {
      fs.rmSync(path.join(site, 'content'), { recursive: true, force: true });
      fs.cpSync(options.content, path.join(site, 'content'), { recursive: true });
    }
    // The site's templates come before its themes': a copy of each page template the site or a
    // theme has (a theme's `layouts/posts/single.html` comes before `_default/single.html`) prints the markers.
    for (const template of new Set(['_default/single.html', '_default/list.html', 'index.html', ...pageTemplatesOf(site)])) {
      const file = path.join(site, 'layouts', ...template.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, HOME_TEMPLATES.has(template) ? HOME_TEMPLATE : PAGE_TEMPLATE);
    }

    const hugo = (args) => spawnSync('hugo', [...args, '--clock', clock, '--source', site], { cwd: site, encoding: 'utf8' });
    const listed = (kind) => {
      const result = hugo(['list', kind]);
      // `list drafts|future|expired` print no header line.
      return new Set(result.status === 0 ? csvRows(result.stdout).map((row) => row[0]) : []);
    };
    const drafts = listed('drafts');
    const future = listed('future');
    const expired = listed('expired');

    // As configured: what is published, and whether the build fails.
    const built = path.join(scratch, 'built');
    const build = hugo(['--destination', built]);
    // With drafts, future and expired pages: the language and translation key of every page Hugo reads.
    const everything = path.join(scratch, 'everything');
    hugo(['--destination', everything, '--buildDrafts', '--buildFuture', '--buildExpired']);

    const relative = (filename) => path.relative(site, filename).split(path.sep).join('/');
    const builtPages = new Map();
    // A file mounted at two places below the content is built at each: every route is kept, the last as its `route`.
    for (const [, filename, locale, route] of markers(built, 'HUGO-BUILT')) {
      const routes = [...(builtPages.get(relative(filename))?.routes ?? []), route];
      builtPages.set(relative(filename), { locale, route, routes });
    }
    const known = new Map();
    for (const [, filename, locale, translationKey] of markers(everything, 'HUGO-KNOWN')) known.set(relative(filename), { locale, translationKey });
    const resources = new Set(markers(everything, 'HUGO-RESOURCE').map(([, filename]) => relative(filename)));

    const pages = markdownFiles(site).map((file) => {
      // A page with `_build: list: never` is built but in no list of pages.
      const page = known.get(file) ?? builtPages.get(file);
      const route = builtPages.get(file)?.route;
      const routes = [...new Set(builtPages.get(file)?.routes ?? [])];
      return {
        file,
        ...(page ? { locale: page.locale } : {}),
        published: route !== undefined,
        ...(route !== undefined ? { route } : {}),
        ...(routes.length > 1 ? { routes } : {}),
        ...(page?.translationKey !== undefined ? { translationKey: page.translationKey } : {}),
        ...(drafts.has(file) ? { draft: true } : {}),
        ...(future.has(file) ? { future: true } : {}),
        ...(expired.has(file) ? { expired: true } : {}),
        ...(resources.has(file) ? { resource: true } : {}),
      };
    });
    const fails = build.status !== 0;
    const error = build.stderr.split('\n').filter((line) => /^Error/.test(line)).join('\n').split(site).join('<site>');
    return { hugo: hugoVersion(), site: name, clock, fails, ...(fails ? { error } : {}), pages, links: fails ? [] : linksOf(built, relative) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The templates Hugo renders the home page with, by their path below `layouts/`. */
const HOME_TEMPLATES = new Set(['index.html', 'home.html', '_default/home.html', '_default/index.html']);
/** Templates below `layouts/` that render no page themselves: parts, shortcodes, render hooks, base templates. */
const NOT_PAGE_TEMPLATE = /^(?:partials|shortcodes|_internal)\/|(?:^|\/)_markup\/|(?:^|\/)baseof[^/]*$/;

/** The HTML page templates of the site's `layouts/` and its themes', by their path below `layouts/`. */
function pageTemplatesOf(site) {
  const layoutFolders = [path.join(site, 'layouts')];
  const themes = path.join(site, 'themes');
  if (fs.existsSync(themes)) for (const theme of fs.readdirSync(themes)) layoutFolders.push(path.join(themes, theme, 'layouts'));
  const templates = [];
  for (const folder of layoutFolders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder, { recursive: true })) {
      const template = String(name).split(path.sep).join('/');
      if (template.endsWith('.html') && !NOT_PAGE_TEMPLATE.test(template) && fs.statSync(path.join(folder, name)).isFile()) templates.push(template);
    }
  }
  return templates;
}

/** Every Markdown file of the site outside the folders Hugo does not read content from, sorted. */
function markdownFiles(site) {
  const files = [];
  const walk = (folder, prefix) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory() && !(prefix === '' && NOT_CONTENT.has(entry.name))) walk(path.join(folder, entry.name), file);
      else if (entry.isFile() && MARKDOWN.test(entry.name)) files.push(file);
    }
  };
  walk(site, '');
  return files.sort();
}

/** The marker lines in the HTML files Hugo wrote, their base64 fields decoded. */
function markers(folder, marker) {
  const found = [];
  if (!fs.existsSync(folder)) return found;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = fs.readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const match of html.matchAll(new RegExp(`<p>${marker} ([^<]*)</p>`, 'g'))) {
      // html/template writes the `+` of base64 as `&#43;`.
      const fields = match[1].replaceAll('&#43;', '+').split(' ');
      found.push([marker, ...fields.map((field, index) => (index === 1 && marker !== 'HUGO-RESOURCE' ? field : Buffer.from(field, 'base64').toString('utf8')))]);
    }
  }
  return found;
}

/**
 * The links and images of every built page's content into the site: `{ file, href, reaches, written?, image? }`,
 * the `href` (an image's `src`) as Hugo wrote it (HTML entities decoded), the destination as the
 * Markdown wrote it where a fixture's render hook keeps it, and whether the built site
 * has a page or file at the path it leads to, from the page's URL. The site's base path (`/glossar/` of its baseURL) is where the
 * published folder starts.
 */
function linksOf(built, relative) {
  const links = [];
  const pages = [];
  for (const entry of fs.readdirSync(built, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const html = fs.readFileSync(file, 'utf8');
    const marker = /<p>HUGO-BUILT (\S+) \S+ (\S+)<\/p><div>/.exec(html);
    if (marker === null) continue;
    const [source, route] = [marker[1], marker[2]].map((field) => Buffer.from(field.replaceAll('&#43;', '+'), 'base64').toString('utf8'));
    // The content, up to the home page's list of the pages Hugo knows.
    const rest = html.slice(marker.index + marker[0].length);
    const known = rest.indexOf('<p>HUGO-KNOWN');
    pages.push({ file: relative(source), route, output: path.relative(built, file).split(path.sep).join('/'), content: known === -1 ? rest : rest.slice(0, known) });
  }
  // The base path: a page's route less the place of its output (`/glossar/a/` written to `a/index.html`).
  const basePaths = pages.map(({ route, output }) => {
    const place = `/${output.replace(/(?:^|\/)index\.html$/, '')}`.replace(/\/?$/, '/');
    return route.endsWith(place) ? route.slice(0, route.length - place.length + 1) : '/';
  });
  const basePath = basePaths.sort((a, b) => a.length - b.length)[0] ?? '/';
  const exists = (pathname) => {
    const decoded = decodeURIComponent(pathname);
    if (!decoded.startsWith(basePath)) return false;
    const inBuilt = path.join(built, ...decoded.slice(basePath.length).split('/'));
    return (fs.existsSync(inBuilt) && fs.statSync(inBuilt).isFile()) || fs.existsSync(path.join(inBuilt, 'index.html'));
  };
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#43;': '+' };
  for (const { file, route, content } of pages) {
    for (const match of content.matchAll(/<(a|img)\s[^>]*?(?:href|src)="([^"]*)"[^>]*>/g)) {
      const href = match[2].replace(/&(?:amp|lt|gt|quot|#39|#43);/g, (entity) => entities[entity]);
      // A fixture's render hook may keep the destination as written (`data-written`), where it writes another `href`.
      const written = /\sdata-written="([^"]*)"/.exec(match[0])?.[1].replace(/&(?:amp|lt|gt|quot|#39|#43);/g, (entity) => entities[entity]);
      if (href === '' || href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      let reaches;
      try {
        reaches = exists(new URL(href, `https://site${route}`).pathname);
      } catch {
        reaches = false;
      }
      links.push({ file, href, reaches, ...(written === undefined ? {} : { written }), ...(match[1] === 'img' ? { image: true } : {}) });
    }
  }
  return links.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Rows of Hugo's CSV (quoted fields may hold commas and doubled quotes). */
function csvRows(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const row = [];
    for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) row.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]);
    rows.push(row);
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const VALUE_OPTIONS = ['--out', '--name', '--content', '--clock'];
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const positional = args.filter((arg, index) => !arg.startsWith('--') && !VALUE_OPTIONS.includes(args[index - 1]));
  if (args.includes('--help') || positional.length !== 1) printHelpAndExit(import.meta.url);
  const table = hugoTable(positional[0], { content: option('--content'), name: option('--name'), clock: option('--clock') });
  const json = `${JSON.stringify(table, null, 2)}\n`;
  const out = option('--out');
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
  process.stderr.write(`${table.site}: ${table.pages.filter((page) => page.published).length} of ${table.pages.length} Markdown files built by Hugo ${table.hugo}${table.fails ? '; the build fails' : ''}\n`);
}
