// Prints, as JSON, how the real Docusaurus builds a site: for every doc file its doc id, route,
// whether it is published, its locale and version, the route of every blog post and Markdown page of the pages plugin, plus the broken links, Markdown links and images
// the build reports (a first build where they only warn), whether the build fails as the site is
// configured (a second build, run only when the first reported something broken; by default
// Docusaurus throws on broken links and images), and the pages whose MDX does not compile or whose
// render fails (in the first build).
//
// Usage: node scripts/docusaurus/routes.mjs <siteFolder> [--as-docs] [--name <name>] [--without <path>]... [--lenient-only] [--keep] [--out <file.json>]
//   <siteFolder>  a Docusaurus site (docs/, i18n/, optionally docusaurus.config.js);
//   --as-docs     <siteFolder> is a folder of docs: it is built as the docs/ of an otherwise empty site;
//   --name        the site's name in the table (default: the folder's name);
//   --without     leave this file (relative to <siteFolder>) out of the built copy; repeatable;
//   --lenient-only  skip the second build (the one as configured);
//   --keep        keep the scratch sites under .test-cache/docusaurus-sites/ for inspection;
//   --out         write the JSON there instead of stdout.
// The pinned Docusaurus is installed into .test-cache/ on first use (see site.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printHelpAndExit } from '../e2e/lib.mjs';
import { DOCUSAURUS_VERSION, buildSite, log } from './site.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.length === 0) printHelpAndExit(import.meta.url);
const flag = (name) => args.includes(name);
const VALUE_OPTIONS = ['--out', '--name', '--without'];
const valueIndexes = args.flatMap((arg, index) => (VALUE_OPTIONS.includes(arg) ? [index + 1] : []));
const left = valueIndexes.filter((index) => args[index - 1] === '--without').map((index) => args[index]);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = option('--out');
const positional = args.filter((arg, index) => !arg.startsWith('--') && !valueIndexes.includes(index));
if (positional.length !== 1) printHelpAndExit(import.meta.url);
const input = path.resolve(positional[0]);
const name = option('--name') ?? path.basename(input);

/**
 * The site to build: the folder itself, or a copy of it in a temporary folder (never written to
 * in place) when it is a folder of docs or files are left out.
 */
function siteFor(folder) {
  if (!flag('--as-docs') && left.length === 0) return { siteDir: folder, cleanup() {} };
  const parent = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'docusaurus-site-'));
  const siteDir = path.join(parent, name);
  const copy = flag('--as-docs') ? path.join(siteDir, 'docs') : siteDir;
  fs.cpSync(folder, copy, { recursive: true });
  for (const file of left) {
    if (!fs.existsSync(path.join(copy, file))) throw new Error(`--without ${file}: no such file in ${folder}`);
    fs.rmSync(path.join(copy, file), { recursive: true });
  }
  return { siteDir, cleanup: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

const start = Date.now();
const { siteDir, cleanup } = siteFor(input);
try {
  const lenient = await buildSite(siteDir, { lenient: true, keep: flag('--keep') });
  // The two builds differ only in what Docusaurus does with broken links, anchors, Markdown links
  // and images. When the lenient build reported none, the build as configured ends exactly as it
  // did, and is not run again (it would double the time of most sites).
  const asConfigured = () => (lenient.reportedBroken ? buildSite(siteDir, { lenient: false, keep: flag('--keep') }) : lenient);
  const configured = flag('--lenient-only') ? undefined : await asConfigured();
  const failedLocale = (build) => build.locales.find((locale) => locale.failed)?.locale;
  const table = {
    docusaurus: DOCUSAURUS_VERSION,
    site: name,
    ...(configured ? { fails: configured.failed } : {}),
    ...(configured?.failed ? { error: { locale: failedLocale(configured), message: configured.error } } : {}),
    ...(lenient.failed ? { failsWhenLenient: true, lenientError: { locale: failedLocale(lenient), message: lenient.error } } : {}),
    docs: lenient.locales.flatMap((locale) => locale.docs),
    contentPages: lenient.locales.flatMap((locale) => locale.contentPages),
    compileFailures: lenient.compileFailures,
    renderFailures: lenient.renderFailures,
    unresolvedModules: lenient.unresolvedModules,
    ...Object.fromEntries(
      ['brokenLinks', 'brokenAnchors', 'brokenMarkdownLinks', 'brokenMarkdownImages'].map((key) => [key, lenient.locales.flatMap((locale) => locale[key].map((row) => ({ locale: locale.locale, ...row })))]),
    ),
  };
  const json = `${JSON.stringify(table, null, 2)}\n`;
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
  const builds = `${lenient.seconds} s (lenient)${configured && configured !== lenient ? ` + ${configured.seconds} s (as configured)` : ''}`;
  log(`${name}: ${table.docs.filter((doc) => doc.published).length} published docs, ${table.brokenLinks.length} broken links; builds took ${builds}, ${((Date.now() - start) / 1000).toFixed(1)} s in all`);
} finally {
  cleanup();
}
