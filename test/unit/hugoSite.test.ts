import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { FrontMatterField } from '../../server/src/parsing/frontMatterFields';
import { parseDocument } from '../../server/src/parsing/document';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { affectedDocuments } from '../../server/src/features/diagnostics/dependencies';
import { resolveTermTarget } from '../../server/src/features/termLinks';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { HUGO_SHORTCODES, hugoBundleRoleOf, hugoPageOf, hugoPathsBesidePages, hugoSiteOf, linkHookFor, refParametersOfTemplate, type HugoSite } from '../../server/src/site/hugo';
import { destinationPathsSetAsideOf, destinationsSetAsideOf, lookupSuffixesTrimmedOf, looksUpWithoutFinalSlash, pageLookupsOf, withSiteParams, writesDestinationAsIs } from '../../server/src/site/hugoRenderHooks';
import { HUGO_CONFIG_FILE_NAMES, MAX_HUGO_CONFIG_LENGTH, readHugoConfig, readHugoConfigFiles } from '../../server/src/site/hugoConfig';
import { growthOf, superLinear } from './linearTime';
import { findSites } from '../../server/src/workspace/siteConfig';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { GlossaryScope } from '../../server/src/workspace/files';
import { createWorkspace } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const SITES = path.join(ROOT, 'test', 'sites');
const CORPORA = path.join(ROOT, 'test', 'corpora');
const NOW = new Date('2025-06-01T00:00:00Z');

/** The fields of a document whose front matter is these YAML lines, as the index parses them. */
function fieldsOf(...yamlLines: string[]): FrontMatterField[] {
  return parseDocument('file:///site/x.md', `---\n${yamlLines.join('\n')}\n---\n\nText.\n`).frontMatter?.fields ?? [];
}

function siteOf(config: string, fileName = 'hugo.toml'): HugoSite {
  const facts = readHugoConfig(config, fileName);
  assert.deepEqual(facts.problems, [], 'the configuration reads without problems');
  return hugoSiteOf(facts);
}

const permalinkOf = (site: HugoSite, file: string, ...yamlLines: string[]) => hugoPageOf(site, file, fieldsOf(...yamlLines), NOW)?.permalink;

describe('Hugo configuration', () => {
  it('casts a flag written as a text as Go\'s strconv.ParseBool does, as Hugo 0.111 does (hugo-config-flag-texts); not a number, nor another text', () => {
    const facts = readHugoConfig('canonifyURLs = "false"\nrelativeURLs = "true"\ndisablePathToLower = "1"\nbuildFuture = "t"\nbuildDrafts = "F"\nuglyURLs = "yes"\ndisableAliases = 1\n', 'hugo.toml');
    assert.deepEqual(
      { disablePathToLower: facts.disablePathToLower, buildFuture: facts.buildFuture, buildDrafts: facts.buildDrafts, uglyURLs: facts.uglyURLs, disableAliases: facts.disableAliases, rewritesRootLinks: facts.rewritesRootLinks },
      { disablePathToLower: true, buildFuture: true, buildDrafts: false, uglyURLs: undefined, disableAliases: undefined, rewritesRootLinks: true },
    );
    assert.deepEqual(facts.problems.map((problem) => problem.message), ['uglyURLs', 'disableAliases'].map((key) => `The Hugo setting "${key}" must be true or false; the default is assumed.`));
  });

  it('reads the route and language settings of TOML, YAML and JSON, whatever the case of the keys', () => {
    const toml = readHugoConfig(
      ['baseurl = "https://example.org/docs/"', 'ContentDir = "inhalt"', 'defaultContentLanguage = "DE"', 'defaultContentLanguageInSubdir = true', 'uglyURLs = true',
        'disablePathToLower = true', 'disableLanguages = ["fr"]', '[Permalinks]', 'Posts = "/:year/:slug/"', '[languages.de]', 'weight = 1', 'contentDir = "inhalt/de"',
        '[languages.en]', 'weight = 2', '[languages.fr]', 'weight = 3', '[languages.it]', 'disabled = true'].join('\n'),
      'hugo.toml',
    );
    assert.deepEqual(toml, {
      baseURL: 'https://example.org/docs/',
      contentDir: 'inhalt',
      defaultContentLanguage: 'de',
      defaultContentLanguageInSubdir: true,
      uglyURLs: true,
      disablePathToLower: true,
      permalinks: { posts: '/:year/:slug/' },
      languages: [{ code: 'de', contentDir: 'inhalt/de', weight: 1 }, { code: 'en', weight: 2 }, { code: 'fr', weight: 3, disabled: true }, { code: 'it', disabled: true }],
      problems: [],
    });
    const yaml = readHugoConfig('baseURL: https://example.org/\nlanguages:\n  en:\n    contentDir: content/en\n  de:\n    contentDir: content/de\n', 'config.yaml');
    assert.deepEqual(yaml.languages, [{ code: 'en', contentDir: 'content/en' }, { code: 'de', contentDir: 'content/de' }]);
    const json = readHugoConfig('{"BaseURL": "/", "uglyurls": false, "languages": {"en": {"weight": 1}}}', 'hugo.json');
    assert.deepEqual(json, { baseURL: '/', uglyURLs: false, languages: [{ code: 'en', weight: 1 }], problems: [] });
    const mounts = readHugoConfig('[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "./docs/"\ntarget = "content/docs/extra"\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n', 'hugo.toml');
    assert.deepEqual([mounts.importsModules, mounts.contentMountSources], [undefined, ['content', 'docs']], 'the folders mounted as content');
    // Mounts of content alone (fluxcd's `content/en`), or of the static folder as itself (keda's), leave the templates and static files where the site has them.
    assert.equal(readHugoConfig('module:\n  mounts:\n    - source: content/en\n      target: content\n', 'hugo.yaml').importsModules, undefined);
    const mounting = (source: string, target: string) => readHugoConfig(`[[module.mounts]]\nsource = "${source}"\ntarget = "${target}"\n`, 'hugo.toml').importsModules;
    assert.deepEqual([mounting('./static/', 'static'), mounting('layouts', 'layouts'), mounting('node_modules/bootstrap/scss', 'assets/scss'), mounting('data', 'data')], [undefined, undefined, undefined, undefined]);
    // Static files from elsewhere may be any; templates from elsewhere (Doks' `node_modules/@hyas/images/layouts`) publish none.
    assert.deepEqual([mounting('node_modules/x/img', 'static/img'), mounting('../gemeinsam/layouts', 'layouts'), mounting('static', 'layouts/partials')], [true, undefined, undefined]);
    assert.equal(readHugoConfig('[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n', 'hugo.toml').importsModules, true);
    // Templates from elsewhere: imports and mounts into layouts; static files bring none (keda's fonts), so the site's own render hooks and shortcodes are all it has.
    const mountingTemplates = (source: string, target: string) => readHugoConfig(`[[module.mounts]]\nsource = "${source}"\ntarget = "${target}"\n`, 'hugo.toml').importsTemplates;
    assert.deepEqual([mountingTemplates('node_modules/x/img', 'static/img'), mountingTemplates('../gemeinsam/layouts', 'layouts'), mountingTemplates('static', 'layouts/partials'), mountingTemplates('layouts', 'layouts')], [undefined, true, true, undefined]);
    assert.equal(readHugoConfig('[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n', 'hugo.toml').importsTemplates, true);
    // `[[module.imports.mounts]]` alone (flink-cdc's): one import without a path, the themes folder itself, bringing what its mounts find there (hugo-links-hook-theme-imports).
    const flink = '[module]\n[[module.imports.mounts]]\nsource = "content"\ntarget = "content"\n[[module.imports.mounts]]\nsource = "layouts"\ntarget = "layouts"\n';
    const pathless = (config: string, there: string[]) => {
      const [facts] = readHugoConfigFiles([{ text: config, fileName: 'hugo.toml' }], (folder, themesDir) => themesDir === 'themes' && there.includes(folder));
      return [facts.importsTemplates, facts.importsModules, 'themesFolderMounts' in facts];
    };
    assert.deepEqual(pathless(flink, []), [undefined, undefined, false]);
    assert.deepEqual(pathless(flink, ['layouts']), [true, undefined, false]);
    assert.deepEqual(pathless('[module]\n[[module.imports]]\n', ['static']), [undefined, true, false], 'without mounts, its own folders');
    assert.deepEqual(pathless('[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n[[module.imports]]\n[[module.imports.mounts]]\nsource = "layouts"\ntarget = "layouts"\n', []), [true, true, false], 'beside an import with a path');
    assert.equal(readHugoConfig(flink, 'hugo.toml').importsTemplates, true, 'where the folders cannot be looked at');
    // Mounted in place of the content folder, one per language (test/sites/hugo-mounts-lang), matched to the language exactly.
    const perLanguage = (fr: string) =>
      readHugoConfig(`[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[[module.mounts]]\nsource = "content/en"\ntarget = "content"\nlang = "en"\n[[module.mounts]]\nsource = "./content/fr/"\ntarget = "content"\nlang = "${fr}"\n`, 'hugo.toml').languages.map((language) => language.contentDir);
    assert.deepEqual(perLanguage('fr'), ['content/en', 'content/fr']);
    assert.deepEqual(perLanguage('FR'), [undefined, undefined]);
    assert.equal(readHugoConfig('[[module.mounts]]\nsource = "docs"\ntarget = "content"\n', 'hugo.toml').contentDir, 'docs');
    // A mount's keys in any case, as Hugo reads them.
    const written = readHugoConfig('[[module.mounts]]\nSource = "docs"\nTarget = "content"\nExcludeFiles = "alt/**"\n', 'hugo.toml');
    assert.deepEqual([written.contentDir, written.contentMountSources, written.contentMountFilters], ['docs', ['docs'], [{ source: 'docs', includeFiles: [], excludeFiles: ['alt/**'] }]]);
  });

  it('says where a file does not parse, in each format, and reads nothing from it', () => {
    const at = (text: string, fileName: string) => {
      const facts = readHugoConfig(text, fileName);
      assert.equal(facts.problems.length, 1, fileName);
      assert.match(facts.problems[0].message, /does not parse/);
      assert.equal(facts.baseURL, undefined);
      return facts.problems[0].range.start;
    };
    assert.deepEqual(at('baseURL = "/"\ntitle = "x\n', 'hugo.toml'), { line: 1, character: 10 });
    assert.deepEqual(at('{\n  "baseURL": "/",\n}', 'hugo.json'), { line: 2, character: 0 });
    assert.deepEqual(at('baseURL: /\nlanguages: [en\ntitle: x\n', 'hugo.yaml'), { line: 2, character: 0 });
  });

  it('names a setting of the wrong type at its place, and keeps the others', () => {
    const text = 'baseURL = "/"\n[languages.en]\nweight = 1\n[languages.de]\nweight = "two"\n';
    const facts = readHugoConfig(text, 'hugo.toml');
    assert.deepEqual(facts.problems.map((problem) => [problem.message, problem.range.start]), [
      ['The Hugo setting "languages.de.weight" must be a number; the default is assumed.', { line: 4, character: 0 }],
    ]);
    assert.equal(facts.baseURL, '/');
    assert.deepEqual(facts.languages, [{ code: 'en', weight: 1 }, { code: 'de' }]);
    assert.match(readHugoConfig('uglyURLs = "yes"', 'hugo.toml').problems[0].message, /"uglyURLs" must be true or false/);
  });

  it('serves the pages below the path of the baseURL, with a scheme or without (hugo-base-path-protocol-relative)', () => {
    const basePaths = ['https://example.org/base/', 'https://example.org/base', '//nightlies.apache.org/flink/docs-main', '//example.org', '/base/', 'https://example.org'].map((url) => siteOf(`baseURL = "${url}"\n`).basePath);
    assert.deepEqual(basePaths, ['/base/', '/base/', '/flink/docs-main/', '/', '/base/', '/']);
    assert.equal(permalinkOf(siteOf('baseURL = "//example.org/base/"\n'), 'content/docs/a.md', 'title: A'), '/base/docs/a/');
  });

  it('reads uglyURLs as a table of sections, each value cast as Hugo casts it, with no problem (hugo-ugly-urls-sections)', () => {
    const facts = readHugoConfig('[uglyURLs]\nPost = true\nnews = "true"\ndocs = false\nblog = "yes"\n', 'hugo.toml');
    assert.deepEqual(facts.problems, []);
    assert.equal(facts.uglyURLs, undefined);
    assert.deepEqual(facts.uglyURLSections, ['post', 'news']);
  });

  it('reads [frontmatter] date sources in any case, a string as a list split at blanks; another value is named (hugo-frontmatter-dates)', () => {
    const facts = readHugoConfig('[frontmatter]\nDate = [":fileName", ":default"]\npublishDate = ":filename :default"\nexpiryDate = 5\n', 'hugo.toml');
    assert.deepEqual(facts.dateSources, { date: [':filename', ':default'], publishdate: [':filename', ':default'] });
    assert.deepEqual(facts.problems.map((problem) => problem.message), ['The Hugo setting "frontmatter.expirydate" must be a list of front-matter keys; the default is assumed.']);
    const site = hugoSiteOf(facts);
    assert.deepEqual(site.dateSources.date, [':filename', 'date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified']);
    assert.equal(permalinkOf(site, 'content/posts/2020-01-02-hallo.md', 'title: Hallo'), '/posts/hallo/');
    assert.equal(permalinkOf(site, 'content/posts/2020-01-02-hallo.md', 'slug: eigen'), '/posts/eigen/');
    // The slug comes with any date `:filename` gives, lastmod's too; a name is read without what its last dot starts.
    const byLastmod = hugoSiteOf(readHugoConfig('[frontmatter]\nlastmod = [":filename"]\n', 'hugo.toml'));
    assert.equal(permalinkOf(byLastmod, 'content/posts/2020-01-02-hallo.md', 'title: Hallo'), '/posts/hallo/');
    assert.equal(permalinkOf(site, 'content/posts/2020-01-02-release-1.0.md', 'title: R'), '/posts/release-1/');
    // `:git` gives nothing without enableGitInfo: the next source decides.
    assert.deepEqual(hugoSiteOf(readHugoConfig('[frontmatter]\npublishDate = [":git", "date"]\n', 'hugo.toml')).dateSources.publishdate, ['date']);
  });

  it('says Hugo stops where a theme named as a folder of themesDir is not there; a module path or imported modules are not judged (hugo-theme-missing)', () => {
    const problemsWith = (text: string, there: string[]) =>
      readHugoConfigFiles([{ text, fileName: 'hugo.toml' }], (theme, themesDir) => there.includes(`${themesDir}/${theme}`))[1][0].map((problem) => [problem.message, problem.range.start.line]);
    assert.deepEqual(problemsWith('baseURL = "/"\ntheme = "ananke"\n', []), [['Hugo refuses to build: there is no theme "ananke" in "themes" (a submodule not checked out?).', 1]]);
    assert.deepEqual(problemsWith('theme = ["docsy", "extra"]\nthemesDir = "../themes"\n', ['../themes/docsy']), [['Hugo refuses to build: there is no theme "extra" in "../themes" (a submodule not checked out?).', 0]]);
    assert.deepEqual(problemsWith('theme = "ananke"\n', ['themes/ananke']), []);
    assert.deepEqual(problemsWith('theme = "github.com/google/docsy"\n', []), []);
    assert.deepEqual(problemsWith('theme = "docsy"\n[[module.imports]]\npath = "github.com/google/docsy"\n', ['themes/docsy', 'themes/github.com/google/docsy']), []);
  });

  it('says Hugo stops where an import is no folder of themesDir nor of its replacement, without a go.mod to download it by (hugo-module-imports-missing)', () => {
    const problemsWith = (text: string, there: string[]) =>
      readHugoConfigFiles([{ text, fileName: 'hugo.toml' }], (theme, themesDir) => there.includes(`${themesDir}/${theme}`))[1][0].map((problem) => [problem.message, problem.range.start.line]);
    // Checked by Hugo 0.111.3: 'module "github.com/google/docsy" not found; either add it as a Hugo Module or store it in "…/themes"'.
    assert.deepEqual(problemsWith('theme = "docsy"\n[[module.imports]]\npath = "github.com/google/docsy"\n', ['themes/docsy']), [['Hugo refuses to build: there is no module "github.com/google/docsy" in "themes", and no go.mod to download it by.', 1]]);
    assert.deepEqual(problemsWith('[[module.imports]]\npath = "fehlt"\n', []), [['Hugo refuses to build: there is no module "fehlt" in "themes", and no go.mod to download it by.', 0]]);
    // The replacement's folder is what Hugo looks for (its message names it), relative to themesDir.
    const replaced = '[module]\nreplacements = "github.com/x/a -> a, github.com/x/b -> ./b"\n[[module.imports]]\npath = "github.com/x/a"\n[[module.imports]]\npath = "github.com/x/b"\n';
    assert.deepEqual(problemsWith(replaced, ['themes/a', 'themes/./b']), []);
    assert.deepEqual(problemsWith(replaced, ['themes/./b']).map(([message]) => message), ['Hugo refuses to build: there is no module "a" in "themes", and no go.mod to download it by.']);
    // A disabled import is none; `go.mod` or `_vendor` may resolve any (the callback says so).
    assert.deepEqual(problemsWith('[[module.imports]]\npath = "fehlt"\ndisable = true\n', []), []);
  });

  it('reads [[module.imports]] and module.replacements: each path with its own mounts and flags, the replacements as pairs', () => {
    const facts = readHugoConfig(
      '[module]\nreplacements = "github.com/a -> a , github.com/b->../b"\n[[module.imports]]\npath = "docsy"\n[[module.imports]]\npath = "github.com/twbs/bootstrap"\nignoreConfig = true\n[[module.imports.mounts]]\nsource = "scss"\ntarget = "assets/vendor/bootstrap/scss"\n[[module.imports]]\npath = "weg"\ndisable = true\n',
      'hugo.toml',
    );
    assert.deepEqual(facts.moduleImports, [{ path: 'docsy' }, { path: 'github.com/twbs/bootstrap', mounts: [{ source: 'scss', target: 'assets/vendor/bootstrap/scss' }], ignoreConfig: true }]);
    assert.deepEqual({ ...facts.moduleReplacements }, { 'github.com/a': 'a', 'github.com/b': '../b' });
    assert.deepEqual({ ...readHugoConfig('module:\n  replacements: ["x -> y"]\n', 'hugo.yaml').moduleReplacements }, { x: 'y' });
    assert.equal(readHugoConfig('[module]\nimports = ["docsy"]\n', 'hugo.toml').moduleImportsUnread, true);
    assert.equal(readHugoConfig('[[module.mounts]]\nsource = "../x/layouts"\ntarget = "layouts"\n', 'hugo.toml').layoutsMountedFromElsewhere, true);
  });

  it('says Hugo stops on a permalink pattern it finds ill-formed: an attribute Hugo 0.111 does not know, an empty part between slashes (hugo-permalinks-unknown)', () => {
    const problemsOf = (pattern: string) => readHugoConfig(`[permalinks]\nblog = ${JSON.stringify(pattern)}\n`, 'hugo.toml').problems.map((problem) => problem.message);
    for (const pattern of ['/:sections/:filename/', '/:sections[1:]/:slug/', '/:sections[last]/:title/', '/:year/:2006-01/:Jan/', '/:section/:slugorfilename', '/blog/:monthname/:weekdayname/:yearday/']) {
      assert.deepEqual(problemsOf(pattern), [], pattern);
    }
    assert.deepEqual(problemsOf('/:section/:year/:contentbasename/'), ['Hugo refuses to build: the permalink pattern "/:section/:year/:contentbasename/" is ill-formed, as Hugo 0.111 knows no ":contentbasename".']);
    // Go formats "pm" at the reference time as itself: no date layout, and so unknown.
    assert.equal(problemsOf('/:pm/:slug/').length, 1);
    assert.equal(problemsOf('/:Slug/').length, 1, 'the names are known in lower case only');
    assert.equal(problemsOf('/:6/:slug/').length, 1, 'a 6 alone is no part of a Go layout; 06 is');
    assert.deepEqual(problemsOf('/:06/:slug/'), []);
    assert.deepEqual(problemsOf('/blog//:slug/'), ['Hugo refuses to build: the permalink pattern "/blog//:slug/" is ill-formed, as it has an empty part between two slashes.']);
    assert.equal(problemsOf('/blog/:slug//').length, 1);
  });

  it('says Hugo stops on disableKinds with "taxonomy" and no "term", unless "taxonomyTerm" or ignoreErrors say otherwise (hugo-disable-taxonomy)', () => {
    const problemsOf = (config: string) => readHugoConfig(config, 'hugo.toml').problems.length;
    assert.deepEqual(
      ['disableKinds = ["taxonomy"]', 'disableKinds = "taxonomy"', 'disableKinds = ["taxonomy", "term"]', 'disableKinds = ["Taxonomy"]', 'disableKinds = ["taxonomy", "taxonomyTerm"]', 'disableKinds = ["taxonomy"]\nignoreErrors = ["Error-Disable-Taxonomy"]'].map(problemsOf),
      [1, 1, 0, 0, 0, 0],
    );
  });

  it('says Hugo stops on output formats for "taxonomy" without "term", in the site\'s outputs or a language\'s, unless "taxonomyTerm" or ignoreErrors say otherwise (hugo-output-taxonomy)', () => {
    const problemsOf = (config: string, name = 'hugo.toml') => readHugoConfig(config, name).problems.length;
    assert.deepEqual(
      [
        '[outputs]\ntaxonomy = ["HTML"]',
        '[outputs]\nTaxonomy = ["HTML"]',
        '[outputs]\ntaxonomy = []',
        '[outputs]\ntaxonomy = ["HTML"]\nterm = ["HTML"]',
        '[outputs]\ntaxonomy = ["HTML"]\ntaxonomyTerm = ["HTML"]',
        'ignoreErrors = ["ERROR-OUTPUT-TAXONOMY"]\n[outputs]\ntaxonomy = ["HTML"]',
        '[outputs]\nhome = ["HTML"]',
        '[languages.en]\nweight = 1\n[languages.en.outputs]\ntaxonomy = ["HTML"]',
      ].map((config) => problemsOf(config)),
      [1, 1, 1, 0, 0, 0, 0, 1],
    );
    assert.equal(problemsOf('outputs:\n  taxonomy: [HTML]\n', 'hugo.yaml'), 1);
  });

  it('refuses a file longer than the bound, and never throws on hostile input', () => {
    assert.match(readHugoConfig(`a = "${'x'.repeat(MAX_HUGO_CONFIG_LENGTH)}"`, 'hugo.toml').problems[0].message, /longer than/);
    for (const text of ['a = ' + '['.repeat(10_000), '[' .repeat(10_000), '{'.repeat(10_000), 'a:\n' + '  - '.repeat(5000), '"just a string"', '[1, 2]', '']) {
      for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.json']) assert.doesNotThrow(() => readHugoConfig(text, name), `${name}: ${text.slice(0, 20)}`);
    }
    assert.match(readHugoConfig('[1, 2]', 'hugo.json').problems[0].message, /not a table/);
  });

  it('reads in time linear in the text, however many settings have the wrong type', () => {
    const languages = (count: number) => Array.from({ length: count }, (_, index) => `[languages.l${index}]\nweight = "w"\n`).join('');
    for (const [name, text] of [['hugo.toml', languages], ['hugo.json', (count: number) => `{"languages": {${Array.from({ length: count }, (_, index) => `"l${index}": {"weight": "w"}`).join(',')}}}`]] as const) {
      const growth = growthOf((size) => assert.ok(readHugoConfig(text(size), name).problems.length > 0), 8_000);
      assert.equal(superLinear(name, 8_000, growth), undefined);
    }
    // A [permalinks] key with a long run of blanks inside, trimmed at its ends.
    const key = (size: number) => `[permalinks]
"x${' '.repeat(size)}y" = "/:slug/"
`;
    const growth = growthOf((size) => assert.equal(Object.keys(hugoSiteOf({ ...readHugoConfig(key(size), 'hugo.toml'), languages: [], problems: [] }).permalinks).length, 1), 40_000);
    assert.equal(superLinear('a permalinks key', 40_000, growth), undefined);
  });
});

describe('Hugo configuration by its older name', () => {
  it('takes config.toml, .yaml or .json for Hugo\'s beside content/ or themes/, or where it names another content folder (contentDir)', () => {
    const generatorOf = (files: Record<string, string>) => {
      const site = mkdtempSync(path.join(tmpdir(), 'hugo-config-name-'));
      try {
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
          writeFileSync(path.join(site, file), text);
        }
        return findSites([site], new GlossaryScope([site]), () => {}).sites.map((found) => found.generator);
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    };
    const page = '---\ntitle: A\n---\n';
    assert.deepEqual(generatorOf({ 'config.toml': "title = 'A'\n[languages.en]\n  contentDir = 'content.en'\n", 'content.en/a.md': page }), ['hugo']);
    assert.deepEqual(generatorOf({ 'config.yaml': 'title: A\n', 'themes/t/theme.toml': '', 'a/a.md': page }), ['hugo']);
    assert.deepEqual(generatorOf({ 'config.json': '{\n  "baseURL": "https://example.org/",\n  "ContentDir": "inhalt"\n}\n', 'inhalt/a.md': page }), ['hugo']);
    // Other tools' config files beside Markdown are no Hugo site (a docs folder is still taken for Docusaurus's):
    // Marp's and Mermaid's themes, a nested baseUrl, a theme repository's own defaults beside its layouts.
    for (const files of <Array<Record<string, string>>>[
      { 'config.yaml': 'name: werkzeug\nsettings: { title: x }\n' },
      { 'config.yaml': 'theme: gaia\nallowLocalFiles: true\n' },
      { 'config.json': '{ "theme": "neutral" }\n' },
      { 'config.json': '{ "compilerOptions": { "baseUrl": "." } }\n' },
      { 'config.yaml': 'ui:\n  baseURL: x\n' },
      { 'config.json': '{ "baseUrl": "http://localhost:3000", "port": 8080 }\n' },
      { 'config.toml': '[api]\nbaseUrl = "x"\nlanguageCode = "de"\n' },
      { 'config.toml': '[params]\n  baseURL = "x"\n[markup]\n', 'layouts/_default/single.html': '', 'archetypes/default.md': '' },
    ]) assert.deepEqual(generatorOf({ ...files, 'docs/a.md': page }), ['docusaurus'], JSON.stringify(files));
  });
});

describe('Hugo configuration folder', () => {
  it('sets each file over the ones before, a file named after a key under that key, a language\'s file under the language', () => {
    const [facts, problems] = readHugoConfigFiles([
      { text: 'baseURL = "https://example.org/a/"\nuglyURLs = true\n', fileName: 'hugo.toml' },
      { text: 'baseURL = "https://example.org/b/"\n', fileName: 'config/_default/hugo.toml', inFolder: true },
      { text: '[en]\nweight = 1\n[de]\nweight = 2\ncontentDir = "inhalt"\n', fileName: 'config/_default/languages.toml', inFolder: true },
      { text: 'glossar = "/begriffe/:filename/"\n', fileName: 'config/_default/permalinks.toml', inFolder: true },
      { text: 'uglyURLs = false\n', fileName: 'config/production/config.toml', inFolder: true },
    ]);
    assert.deepEqual(problems, [[], [], [], [], []]);
    assert.equal(facts.baseURL, 'https://example.org/b/');
    assert.equal(facts.uglyURLs, false);
    assert.deepEqual(facts.permalinks, { glossar: '/begriffe/:filename/' });
    assert.deepEqual(facts.languages, [{ code: 'en', weight: 1 }, { code: 'de', contentDir: 'inhalt', weight: 2 }]);
  });

  it('refuses a default language the languages do not define, as Hugo does: a language\'s params file defines it alone', () => {
    const [, problems] = readHugoConfigFiles([
      { text: 'baseURL = "/"\n', fileName: 'hugo.toml' },
      { text: 'x = 1\n', fileName: 'config/_default/params.de.toml', inFolder: true },
    ]);
    assert.deepEqual(problems, [[], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Hugo refuses to build: the default language "en" is none of the languages (de).' }]]);
    assert.deepEqual(readHugoConfig('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n', 'hugo.toml').problems, []);
    const someBaseURLs = readHugoConfig('[languages.en]\nweight = 1\n[languages.de]\nbaseURL = "https://example.de/"\n', 'hugo.toml').problems;
    assert.deepEqual(someBaseURLs.map((problem) => problem.message), ['Hugo refuses to build: "baseURL" must be set on all of the languages or on none.']);
  });

  it('tells a value of the wrong type in the file that sets it, where it writes it', () => {
    const languages = '[de]\nweight = "zwei"\n';
    const [, problems] = readHugoConfigFiles([
      { text: 'baseURL = "/"\ndefaultContentLanguage = "de"\n', fileName: 'hugo.toml' },
      { text: languages, fileName: 'config/_default/languages.toml', inFolder: true },
    ]);
    assert.deepEqual(problems[0], []);
    assert.deepEqual(problems[1].map((problem) => [problem.range.start.line, problem.range.start.character, problem.message]), [[1, 0, 'The Hugo setting "languages.de.weight" must be a number; the default is assumed.']]);
  });
});

describe('Hugo routes', () => {
  const twoFolders = siteOf('baseURL = "https://example.org/glossar/"\n[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.de]\ncontentDir = "content/de"\nweight = 2\n');

  it('applies Hugo defaults to an empty configuration: content/, English, lower-cased pretty URLs', () => {
    const site = siteOf('');
    assert.deepEqual(site, {
      basePath: '/',
      contentDir: 'content',
      languages: [{ code: 'en', contentDir: 'content', weight: 0, disabled: false }],
      defaultContentLanguage: 'en',
      defaultContentLanguageInSubdir: false,
      defaultRenderHooks: [],
      uglyURLs: false,
      uglySections: new Set(),
      disablePathToLower: false,
      disableAliases: false,
      configCascade: [],
      removePathAccents: false,
      buildDrafts: false,
      buildFuture: false,
      buildExpired: false,
      permalinks: {},
      // Hugo 0.111's: the date from date, else the publish date, else lastmod; the publish date from its keys, else date.
      dateSources: {
        date: ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'],
        // `:git` gives nothing without enableGitInfo.
        lastmod: ['lastmod', 'modified', 'date', 'publishdate', 'pubdate', 'published'],
        publishdate: ['publishdate', 'pubdate', 'published', 'date'],
        expirydate: ['expirydate', 'unpublishdate'],
      },
      ignoreFiles: [],
      disableKinds: new Set(),
      themes: [],
      themesDir: 'themes',
      layoutDir: 'layouts',
      staticDirs: ['static'],
      importsModules: false,
      importsTemplates: false,
      otherFormatFiles: [],
      otherFormatPaths: [],
      plainHtmlFiles: new Set(),
      contentLeftOut: false,
      contentMountSources: [],
      contentSubmounts: [],
      mountedFolderTargets: [],
      unreadPatternSections: new Set(),
      contentlessPatternSections: new Set(),
      readsContentFolder: true,
      taxonomies: new Set(['tags', 'categories']),
      mountFilters: new Map(),
      multihost: false,
      refsFailBuild: true,
      rendersRawHtml: false,
      rewritesRootLinks: false,
    });
    assert.equal(permalinkOf(site, 'content/Sub Folder/My Term.md'), '/sub-folder/my-term/');
    // canonifyURLs or relativeURLs put the base path before links from the root.
    assert.equal(hugoSiteOf(readHugoConfig('relativeURLs = true\n', 'hugo.toml')).rewritesRootLinks, true);
    assert.equal(hugoSiteOf(readHugoConfig('canonifyurls: true\n', 'hugo.yaml')).rewritesRootLinks, true);
    assert.equal(hugoSiteOf(readHugoConfig('canonifyURLs = false\n', 'hugo.toml')).rewritesRootLinks, false);
    assert.equal(hugoPageOf(site, 'docs/x.md', [], NOW), undefined, 'outside the content folder');
  });

  it('routes each language content folder under its prefix, the default language at the root', () => {
    assert.equal(permalinkOf(twoFolders, 'content/en/Term.md'), '/glossar/term/');
    assert.equal(permalinkOf(twoFolders, 'content/de/Term.md'), '/glossar/de/term/');
    assert.equal(permalinkOf(twoFolders, 'content/en/x.de.md'), '/glossar/de/x/', 'a language suffix wins over the folder');
    const de = hugoPageOf(twoFolders, 'content/de/Term.md', [], NOW);
    const en = hugoPageOf(twoFolders, 'content/en/Term.md', [], NOW);
    assert.equal(de?.locale, 'de');
    assert.equal(de?.docId, 'Term');
    assert.equal(de?.translationKey, en?.translationKey, 'the same path in each content folder is one page in two languages');
  });

  it('gives a shared content folder the language of the file name suffix, case-sensitively', () => {
    const shared = siteOf('defaultContentLanguage = "de"\ndefaultContentLanguageInSubdir = true\n[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n');
    assert.equal(permalinkOf(shared, 'content/Term.md'), '/de/term/');
    assert.equal(permalinkOf(shared, 'content/Term.en.md'), '/en/term/');
    assert.equal(hugoPageOf(shared, 'content/Term.en.md', [], NOW)?.translationKey, hugoPageOf(shared, 'content/Term.md', [], NOW)?.translationKey);
    assert.equal(permalinkOf(shared, 'content/Term.EN.md'), '/de/term.en/');
    assert.equal(permalinkOf(shared, 'content/x.fr.md'), '/de/x.fr/', 'an unknown language is part of the name');
  });

  it('routes _index.md and a leaf bundle index.md at their folder', () => {
    assert.equal(permalinkOf(twoFolders, 'content/en/_index.md'), '/glossar/');
    assert.equal(permalinkOf(twoFolders, 'content/de/_index.md'), '/glossar/de/');
    assert.equal(permalinkOf(twoFolders, 'content/en/Sec/Sub/_index.md', 'slug: ignored'), '/glossar/sec/sub/');
    assert.equal(permalinkOf(twoFolders, 'content/en/Leaf Bundle/index.md'), '/glossar/leaf-bundle/');
    assert.equal(permalinkOf(twoFolders, 'content/en/Leaf Bundle/index.md', 'slug: Other'), '/glossar/other/');
    assert.equal(permalinkOf(twoFolders, 'content/en/Index.md'), '/glossar/index/', 'only index.md is a bundle');
  });

  it('urlizes file names as Hugo does: spaces to one hyphen, punctuation dropped, letters of any script kept', () => {
    assert.equal(permalinkOf(twoFolders, 'content/en/Grüße & Co (Ärger)!.md'), '/glossar/gr%C3%BC%C3%9Fe-co-%C3%A4rger/');
    assert.equal(permalinkOf(twoFolders, 'content/en/C# Basics.md'), '/glossar/c#-basics/');
    assert.equal(permalinkOf(twoFolders, 'content/en/multi   space.md'), '/glossar/multi-space/');
    assert.equal(permalinkOf(twoFolders, 'content/en/100%.md'), '/glossar/100/');
    assert.equal(permalinkOf(twoFolders, 'content/en/emoji 😀 name.md'), '/glossar/emoji-name/');
    assert.equal(permalinkOf(twoFolders, 'content/en/a+b~c@d_e.f.md'), '/glossar/a+b~c@d_e.f/');
  });

  it('replaces the last segment with slug (urlized, always below the folder) and the whole path with url', () => {
    assert.equal(permalinkOf(twoFolders, 'content/en/sec/x.md', 'slug: My Slug'), '/glossar/sec/my-slug/');
    assert.equal(permalinkOf(twoFolders, 'content/en/sec/x.md', 'slug: /Abs/Slug'), '/glossar/sec/abs/slug/');
    assert.equal(permalinkOf(twoFolders, 'content/de/sec/x.md', 'url: /Custom/Path'), '/glossar/Custom/Path/', 'an absolute url has no language prefix and keeps its case');
    assert.equal(permalinkOf(twoFolders, 'content/de/sec/x.md', 'url: rel/Pfad'), '/glossar/de/rel/Pfad/', 'a relative url follows the language prefix');
    assert.equal(permalinkOf(twoFolders, 'content/en/x.md', 'url: /page.html'), '/glossar/page.html');
    assert.equal(permalinkOf(twoFolders, 'content/en/x.md', 'url: "/with space/Ä"'), '/glossar/with%20space/%C3%84/');
    const protocol = hugoPageOf(twoFolders, 'content/en/x.md', fieldsOf('url: https://example.org/x/'), NOW);
    assert.deepEqual(protocol?.problems.map((problem) => problem.key), ['url'], 'Hugo stops the build on a url with a protocol');
  });

  it('builds ugly URLs, keeps case with disablePathToLower, and puts the default language in a folder when asked, in a site of several languages', () => {
    const site = siteOf('uglyURLs = true\ndisablePathToLower = true\ndefaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n');
    assert.equal(permalinkOf(site, 'content/Sec/My Page.md'), '/en/Sec/My-Page.html');
    assert.equal(permalinkOf(site, 'content/Sec/_index.md'), '/en/Sec.html');
    assert.equal(permalinkOf(site, 'content/_index.md'), '/en/');
    assert.equal(permalinkOf(site, 'content/Sec/x.md', 'url: rel/x'), '/en/rel/x/', 'uglyURLs does not apply to url');
  });

  it('puts no language in front of paths in a site of one language, whatever defaultContentLanguageInSubdir says (hugo-one-language-subdir)', () => {
    for (const config of ['defaultContentLanguageInSubdir = true\n', 'defaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n', 'defaultContentLanguageInSubdir = true\ndisableLanguages = ["de"]\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n']) {
      const site = siteOf(config);
      assert.equal(permalinkOf(site, 'content/docs/p.md'), '/docs/p/', config);
      assert.equal(permalinkOf(site, 'content/_index.md'), '/', config);
    }
  });

  it('expands [permalinks] patterns for the pages of their section', () => {
    const site = siteOf('[permalinks]\nposts = "/:year/:month/:slug/"\nnotes = "/n/:filename"\n');
    assert.equal(permalinkOf(site, 'content/posts/p1.md', 'title: Post One', 'date: 2021-03-04'), '/2021/03/post-one/', ':slug is the title without a slug');
    assert.equal(permalinkOf(site, 'content/posts/p2.md', 'date: 2021-03-04T10:00:00Z', 'slug: Hello'), '/2021/03/hello/');
    assert.equal(permalinkOf(site, 'content/notes/deep/N1.md'), '/n/n1/');
    assert.equal(permalinkOf(site, 'content/notes/_index.md'), '/notes/', 'a section keeps its folder');
    assert.equal(permalinkOf(site, 'content/posts/p3.md', 'url: /p3/'), '/p3/', 'url wins over the pattern');
  });

  it('leaves out drafts, future and expired pages, headless bundles and _build render never, as of now', () => {
    const reason = (file: string, ...yamlLines: string[]) => {
      const page = hugoPageOf(twoFolders, file, fieldsOf(...yamlLines), NOW);
      return page?.published ? 'published' : page?.unpublishedReason;
    };
    assert.equal(reason('content/en/x.md', 'draft: true'), 'draft');
    assert.equal(reason('content/en/x.md', 'Draft: "true"'), 'draft');
    assert.equal(reason('content/en/x.md', 'published: false'), 'draft');
    assert.equal(reason('content/en/x.md', 'draft: false'), 'published');
    assert.equal(reason('content/en/x.md', 'date: 2999-01-01'), 'out-of-date');
    assert.equal(reason('content/en/x.md', 'date: 2000-01-01', 'publishDate: 2999-01-01T10:00:00+02:00'), 'out-of-date');
    assert.equal(reason('content/en/x.md', 'date: "Jan 2, 2999"'), 'published', 'a date Hugo does not read is no date');
    assert.equal(reason('content/en/x.md', 'expiryDate: 2000-01-01'), 'out-of-date');
    assert.equal(reason('content/en/x.md', 'expiryDate: 2999-01-01'), 'published');
    assert.equal(reason('content/en/b/index.md', 'headless: true'), 'not-rendered');
    assert.equal(reason('content/en/x.md', 'headless: true'), 'published', 'headless concerns leaf bundles only');
    assert.equal(reason('content/en/x.md', '_build:', '  render: never'), 'not-rendered');
    assert.equal(reason('content/en/x.md', '_build:', '  render: link'), 'not-rendered');
    assert.equal(reason('content/en/x.md', '_build:', '  list: never'), 'published');
    assert.equal(reason('content/en/x.md', 'build:', '  render: never'), 'published', 'Hugo 0.111 reads _build only');
    assert.equal(hugoPageOf(twoFolders, 'content/en/x.md', fieldsOf('draft: true'), NOW)?.permalink, '', 'an unpublished page has no permalink');
  });

  it('reads a TOML or JSON text as Go\'s ParseBool does, never as a YAML 1.1 word: "yes" and "on" build the page', () => {
    const reason = (text: string) => {
      const fields = parseDocument('file:///site/x.md', text, undefined, { hugo: true }).frontMatter?.fields ?? [];
      const page = hugoPageOf(twoFolders, 'content/en/x.md', fields, NOW);
      return page?.published ? 'published' : page?.unpublishedReason;
    };
    // Hugo 0.111.3 builds all three (scripts/hugo/routes.mjs).
    assert.equal(reason('+++\ntitle = "T"\ndraft = "yes"\n+++\nText.\n'), 'published');
    assert.equal(reason("+++\ntitle = 'T'\ndraft = 'on'\n+++\nText.\n"), 'published');
    assert.equal(reason('{\n"title": "J",\n"draft": "on"\n}\nText.\n'), 'published');
    assert.equal(reason('+++\ntitle = "T"\ndraft = "true"\n+++\nText.\n'), 'draft');
    assert.equal(reason('+++\ntitle = "T"\ndraft = true\n+++\nText.\n'), 'draft');
  });

  it('groups translations by front matter translationKey', () => {
    const en = hugoPageOf(twoFolders, 'content/en/hello.md', fieldsOf('translationKey: greeting'), NOW);
    const de = hugoPageOf(twoFolders, 'content/de/gruss.md', fieldsOf('translationKey: greeting'), NOW);
    assert.equal(en?.translationKey, de?.translationKey);
    assert.notEqual(en?.translationKey, hugoPageOf(twoFolders, 'content/en/hello.md', [], NOW)?.translationKey);
    assert.equal(hugoPageOf(twoFolders, 'content/en/hello.md', fieldsOf('translationKey: ""'), NOW)?.translationKey, hugoPageOf(twoFolders, 'content/de/hello.md', [], NOW)?.translationKey, 'an empty key is no key');
  });

  it('reads no file of a disabled language', () => {
    const site = siteOf('disableLanguages = ["fr"]\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n');
    assert.equal(hugoPageOf(site, 'content/x.fr.md', [], NOW)?.unpublishedReason, 'unknown-locale');
  });
});

interface TableRow {
  file: string;
  locale?: string;
  published: boolean;
  route?: string;
  translationKey?: string;
}

interface HugoTable {
  hugo: string;
  clock: string;
  fails: boolean;
  pages: TableRow[];
}

/**
 * Each row of a table the real Hugo wrote (scripts/hugo/routes.mjs) against hugoPageOf on the same
 * file: published or not, the permalink, the language and the translation key.
 */
function disagreements(siteName: string, contentRoot: string): { rows: number; differences: string[] } {
  const table = JSON.parse(readFileSync(path.join(SITES, 'expected', `${siteName}.json`), 'utf8')) as HugoTable;
  const siteDir = path.join(SITES, siteName);
  const configName = HUGO_CONFIG_FILE_NAMES.find((name) => existsSync(path.join(siteDir, name)));
  assert.ok(configName, `${siteName} has a configuration file`);
  const site = hugoSiteOf(readHugoConfig(readFileSync(path.join(siteDir, configName), 'utf8'), configName));
  const differences: string[] = [];
  for (const row of table.pages) {
    const file = path.join(contentRoot, row.file);
    const fields = parseDocument(pathToFileURL(file).href, readFileSync(file, 'utf8')).frontMatter?.fields ?? [];
    const page = hugoPageOf(site, row.file, fields, new Date(table.clock));
    const ours = { published: page?.published ?? false, route: page?.published ? page.permalink : undefined, locale: page?.locale, translationKey: page?.translationKey };
    const hugo = { published: row.published, route: row.route, locale: row.locale ?? ours.locale, translationKey: row.translationKey ?? ours.translationKey };
    if (JSON.stringify(ours) !== JSON.stringify(hugo)) differences.push(`${row.file}: Hugo ${JSON.stringify(hugo)}, ours ${JSON.stringify(ours)}`);
  }
  return { rows: table.pages.length, differences };
}

describe('Hugo routes agree with the real Hugo', () => {
  for (const siteName of ['hugo-rules', 'hugo-shared', 'hugo-dates']) {
    it(`on ${siteName}`, () => {
      const { rows, differences } = disagreements(siteName, path.join(SITES, siteName));
      assert.ok(rows > 15, 'the table has rows');
      assert.deepEqual(differences, []);
    });
  }

  const cncf = path.join(CORPORA, 'cncf-glossary');
  it('on the CNCF glossary (hugo-cncf)', { skip: existsSync(cncf) ? false : `no corpus at ${cncf}` }, () => {
    const { rows, differences } = disagreements('hugo-cncf', cncf);
    assert.equal(rows, 108);
    assert.deepEqual(differences, []);
  });
});

/** An index of a Hugo site with the default configuration at file:///site, holding these files (path below the site -> text), read in this order. */
function indexWith(files: Record<string, string>): GlossaryIndex {
  const index = new GlossaryIndex();
  index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [], problems: [] }), now: NOW }]);
  for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
  return index;
}

/** Each file's route, or why it has none. */
function routesIn(index: GlossaryIndex, files: string[]): Array<string | undefined> {
  return files.map((file) => index.pageOf(`file:///site/${file}`)).map((page) => (page?.published ? page.route : page?.unpublishedReason));
}

describe('Hugo mounts below the content (hugo-mount-subfolder)', () => {
  const config = '[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "./mods/go/docs/"\ntarget = "content/docs/go"\n[[module.mounts]]\nsource = "notes/roadmap.md"\ntarget = "content/community/roadmap.md"\n[[module.mounts]]\nsource = "../outside"\ntarget = "content/x"\n';

  it('reads the site\'s own folders and files mounted below the content, not one outside the site', () => {
    assert.deepEqual(readHugoConfig(config, 'hugo.toml').contentSubmounts, [
      { source: 'mods/go/docs', target: 'docs/go' },
      { source: 'notes/roadmap.md', target: 'community/roadmap.md' },
    ]);
  });

  it('routes their files where they are mounted, under the sections there, and updates them when a section above changes', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf(readHugoConfig(config, 'hugo.toml')), now: NOW }]);
    const files = {
      'content/docs/_index.md': '---\ntitle: Docs\n---\n',
      'mods/go/docs/_index.md': '---\ntitle: Go\n---\n',
      'mods/go/docs/start.md': '---\ntitle: Start\n---\n',
      'mods/go/docs/buendel/index.md': '---\ntitle: Bündel\n---\n',
      'mods/go/docs/buendel/teil.md': '---\ntitle: Teil\n---\n',
      'notes/roadmap.md': '---\ntitle: Roadmap\n---\n',
      'notes/other.md': '---\ntitle: Andere\n---\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
    const names = Object.keys(files).slice(1);
    assert.deepEqual(routesIn(index, names), ['/docs/go/', '/docs/go/start/', '/docs/go/buendel/', 'bundle-resource', '/community/roadmap/', undefined]);
    // A draft cascaded from the section above the mount's place takes its pages out.
    index.setDocument('file:///site/content/docs/_index.md', '---\ntitle: Docs\ncascade:\n  draft: true\n---\n');
    assert.deepEqual(routesIn(index, names), ['draft', 'draft', 'draft', 'bundle-resource', '/community/roadmap/', undefined]);
  });

  it('reports an opening Hugo cannot read only where it reads the content: not below a section a cascade makes a draft, nor of a file another replaces (hugo-opening-unread)', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [], problems: [] }), now: NOW }]);
    const openings = (file: string, text: string) =>
      documentDiagnostics(index, index.setDocument(`file:///site/content/${file}`, text))
        .filter((diagnostic) => diagnostic.code === 'invalid-front-matter')
        .map((diagnostic) => diagnostic.severity);
    for (const text of ['- eins\n', '<p>Logo</p>\n', '<!-- c -->\nText\n']) {
      assert.deepEqual(openings('s/seite.md', text), ['error'], text);
      assert.deepEqual(openings('ersetzt.md', text), ['error'], text);
    }
    index.setDocument('file:///site/content/s/_index.md', '---\ntitle: S\ncascade:\n  draft: true\n---\n');
    index.setDocument('file:///site/content/ersetzt.en.md', '---\ntitle: E\n---\n');
    for (const text of ['- eins\n', '<p>Logo</p>\n', '<!-- c -->\nText\n']) {
      assert.deepEqual(openings('s/seite.md', text), [], text);
      assert.deepEqual(openings('ersetzt.md', text), [], text);
    }
    // A bundle's resource goes with its bundle: read where the bundle is, not where it is a draft.
    index.setDocument('file:///site/content/b/index.md', '---\ntitle: B\n---\n');
    assert.deepEqual(openings('b/teil/liste.md', '- eins\n'), ['error']);
    index.setDocument('file:///site/content/b/index.md', '---\ntitle: B\ndraft: true\n---\n');
    assert.deepEqual(openings('b/teil/liste.md', '- eins\n'), []);
  });

  it('reads no content folder where mounts below the content leave it out: Hugo mounts its default one only where no mount targets the content (hugo-mount-replaces-content)', () => {
    const onlyBelow = '[[module.mounts]]\nsource = "docs"\ntarget = "content/docs"\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n';
    const files = { 'content/blog/post.md': '---\ntitle: Post\n---\n', 'docs/a.md': '---\ntitle: A\n---\n' };
    const routes = (hugoToml: string) => {
      const index = new GlossaryIndex();
      index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf(readHugoConfig(hugoToml, 'hugo.toml')), now: NOW }]);
      for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
      return routesIn(index, Object.keys(files));
    };
    assert.deepEqual(routes(onlyBelow), [undefined, '/docs/a/']);
    assert.deepEqual(routes(`[[module.mounts]]\nsource = "content"\ntarget = "content"\n${onlyBelow}`), ['/blog/post/', '/docs/a/']);
    assert.deepEqual(routes('[[module.mounts]]\nsource = "static"\ntarget = "static"\n'), ['/blog/post/', undefined]);
  });
});

describe('Hugo cascade and sections that are not built', () => {
  const ROOT_URI = 'file:///site';
  const SECTION = '---\ntitle: Glossar\ncascade:\n  - _target:\n      kind: page\n    draft: true\n    slug: fest\n---\n';
  const PAGES: Record<string, string> = {
    'content/glossar/a.md': '---\ntitle: A\n---\n',
    'content/glossar/b.md': '---\ntitle: B\nDRAFT: false\n---\n',
    'content/glossar/tief/c.md': '---\ntitle: C\n---\n',
  };

  const routes = (index: GlossaryIndex) => routesIn(index, Object.keys(PAGES));

  it('gives the pages below a section what it cascades, but for what they set themselves, whichever file is read first', () => {
    const expected = ['draft', '/glossar/fest/', 'draft'];
    assert.deepEqual(routes(indexWith({ 'content/glossar/_index.md': SECTION, ...PAGES })), expected);
    assert.deepEqual(routes(indexWith({ ...PAGES, 'content/glossar/_index.md': SECTION })), expected);
  });

  it('takes the pages below a draft section out, and gives them back when the section changes or goes', () => {
    const index = indexWith({ ...PAGES, 'content/glossar/_index.md': '---\ntitle: Glossar\ndraft: true\n---\n' });
    assert.deepEqual(routes(index), ['unbuilt-section', 'unbuilt-section', 'unbuilt-section']);
    index.setDocument(`${ROOT_URI}/content/glossar/_index.md`, SECTION);
    assert.deepEqual(routes(index), ['draft', '/glossar/fest/', 'draft']);
    index.removeDocument(`${ROOT_URI}/content/glossar/_index.md`);
    assert.deepEqual(routes(index), ['/glossar/a/', '/glossar/b/', '/glossar/tief/c/']);
  });

  it('with :sections in a permalink pattern, a nested section file added or removed moves the pages below it (hugo-permalinks-sections)', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: ROOT_URI, hugo: hugoSiteOf({ ...readHugoConfig('[permalinks]\nglossar = "/:sections[1:]/:filename/"\n', 'hugo.toml'), languages: [], problems: [] }), now: NOW }]);
    for (const [file, text] of Object.entries(PAGES)) index.setDocument(`${ROOT_URI}/${file}`, text);
    assert.deepEqual(routes(index), ['/a/', '/b/', '/c/']);
    index.setDocument(`${ROOT_URI}/content/glossar/tief/_index.md`, '---\ntitle: Tief\n---\n');
    assert.deepEqual(routes(index), ['/a/', '/b/', '/tief/c/']);
    index.removeDocument(`${ROOT_URI}/content/glossar/tief/_index.md`);
    assert.deepEqual(routes(index), ['/a/', '/b/', '/c/']);
  });

  it('reads a cascaded date from a table in any case, from a list entry only when its key is in lower case, as Hugo 0.111 does', () => {
    const first = (cascade: string) => routes(indexWith({ ...PAGES, 'content/glossar/_index.md': `---\ntitle: Glossar\ncascade:\n${cascade}\n---\n` }))[0];
    assert.equal(first('  expiryDate: 2001-01-01'), 'out-of-date', 'the table expires every page below, whatever the case of its key');
    assert.equal(first('  - _target:\n      kind: page\n    expiryDate: 2001-01-01'), '/glossar/a/');
    assert.equal(first('  - _target:\n      kind: page\n    expirydate: 2001-01-01'), 'out-of-date');
  });
});

describe('Hugo: a file beside the same file with its language\'s suffix (hugo-language-twins)', () => {
  const FILES: Record<string, string> = {
    'content/docs/_index.md': '---\ntitle: Docs (alt)\n---\n',
    'content/docs/_index.en.md': '---\ntitle: Docs\n---\n',
    'content/docs/a.md': '---\ntitle: A (alt)\n---\n[weg](/docs/weg/)\n',
    'content/docs/a.en.md': '---\ntitle: A\n---\n',
    'content/docs/b.md': '---\ntitle: B\n---\n',
    'content/docs/b.de.md': '---\ntitle: B.de\n---\n',
  };
  // `de` is no language of the site: `b.de.md` is the page `b.de`, and `b.md` stays.
  const TWINS = ['replaced', '/docs/', 'replaced', '/docs/a/', '/docs/b/', '/docs/b.de/'];

  it('is replaced by it, whichever is read first, and its links are not judged', () => {
    assert.deepEqual(routesIn(indexWith(FILES), Object.keys(FILES)), TWINS);
    const reversed = indexWith(Object.fromEntries(Object.entries(FILES).reverse()));
    assert.deepEqual(routesIn(reversed, Object.keys(FILES)), TWINS);
    assert.deepEqual(documentDiagnostics(reversed, reversed.getDocument('file:///site/content/docs/a.md')!).filter((diagnostic) => diagnostic.code === 'broken-link'), []);
  });

  it('until the file with the suffix goes', () => {
    const index = indexWith(FILES);
    index.removeDocument('file:///site/content/docs/a.en.md');
    assert.deepEqual(routesIn(index, Object.keys(FILES)), ['replaced', '/docs/', '/docs/a/', undefined, '/docs/b/', '/docs/b.de/']);
    index.setDocument('file:///site/content/docs/a.en.md', FILES['content/docs/a.en.md']);
    assert.deepEqual(routesIn(index, Object.keys(FILES)), TWINS);
  });
});

describe('Hugo: files named index.… or _index.… whose suffix names no language head their folder\'s bundle (hugo-bundle-odd-headers)', () => {
  const FILES: Record<string, string> = {
    'content/docs/_index.md': '---\ntitle: Docs\n---\n',
    'content/docs/_index.zh-CN.md': '---\ntitle: Docs zh-CN\n---\n',
    'content/nur/_index.zh-CN.md': '---\ntitle: Nur\n---\n',
    'content/nur/p.md': '---\ntitle: P\n---\n',
    'content/alt/index.alt.md': '---\ntitle: Alt\n---\n',
    'content/alt/r.md': '---\ntitle: R\n---\n',
    'content/erst/index.aaa.md': '---\ntitle: Aaa\n---\n',
    'content/erst/index.md': '---\ntitle: Index\n---\n',
    'content/zwei/_index.aa.md': '---\ntitle: Aa\n---\n',
    'content/zwei/_index.md': '---\ntitle: Zwei\n---\n',
    'content/zwei/_index.zh-cn.md': '---\ntitle: Zwei zh-cn\n---\n',
  };
  // As Hugo 0.111.3 builds them: the first of a language's headers by name heads the bundle, the others are its resources.
  const BUILT = ['/docs/', 'bundle-resource', '/nur/', '/nur/p/', '/alt/', 'bundle-resource', '/erst/', 'bundle-resource', '/zwei/', 'bundle-resource', '/zh-cn/zwei/'];
  const indexOf = (files: Record<string, string>) => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [{ code: 'en', weight: 1 }, { code: 'zh-cn', weight: 2 }], problems: [] }), now: NOW }]);
    for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
    return index;
  };

  it('whichever file is read first', () => {
    assert.deepEqual(routesIn(indexOf(FILES), Object.keys(FILES)), BUILT);
    assert.deepEqual(routesIn(indexOf(Object.fromEntries(Object.entries(FILES).reverse())), Object.keys(FILES)), BUILT);
  });

  it('until the one before goes', () => {
    const index = indexOf(FILES);
    index.removeDocument('file:///site/content/erst/index.aaa.md');
    assert.deepEqual(routesIn(index, ['content/erst/index.md']), ['/erst/']);
    index.setDocument('file:///site/content/erst/index.aaa.md', FILES['content/erst/index.aaa.md']);
    assert.deepEqual(routesIn(index, Object.keys(FILES)), BUILT);
  });
});

describe('Hugo bundles: the Markdown files of a leaf bundle are its resources, not pages', () => {
  const ROOT_URI = 'file:///site';
  const FILES: Record<string, string> = {
    'content/glossar/_index.md': '---\ntitle: Glossar\n---\n',
    'content/glossar/api.md': '---\ntitle: API\n---\n',
    'content/glossar/blatt/anhang.md': '---\ntitle: Anhang\n---\n',
    'content/glossar/blatt/index.md': '---\ntitle: Blatt\n---\n',
    'content/glossar/blatt/tief/_index.md': '---\ntitle: Tief\n---\n',
    'content/glossar/blatt/tief/x.md': '---\ntitle: X\n---\n',
  };
  const BUNDLED = ['/glossar/', '/glossar/api/', 'bundle-resource', '/glossar/blatt/', 'bundle-resource', 'bundle-resource'];

  const routes = (index: GlossaryIndex) => routesIn(index, Object.keys(FILES));

  it('whichever file is read first', () => {
    assert.deepEqual(routes(indexWith(FILES)), BUNDLED);
    assert.deepEqual(routes(indexWith(Object.fromEntries(Object.entries(FILES).reverse()))), BUNDLED);
  });

  it('until the index.md goes, or an _index.md beside it makes the folder a section', () => {
    const index = indexWith(FILES);
    index.removeDocument(`${ROOT_URI}/content/glossar/blatt/index.md`);
    const pages = ['/glossar/', '/glossar/api/', '/glossar/blatt/anhang/', undefined, '/glossar/blatt/tief/', '/glossar/blatt/tief/x/'];
    assert.deepEqual(routes(index), pages);
    index.setDocument(`${ROOT_URI}/content/glossar/blatt/index.md`, FILES['content/glossar/blatt/index.md']);
    assert.deepEqual(routes(index), BUNDLED);
    index.setDocument(`${ROOT_URI}/content/glossar/blatt/_index.md`, '---\ntitle: Abschnitt\n---\n');
    assert.deepEqual(routes(index), ['/glossar/', '/glossar/api/', '/glossar/blatt/anhang/', '/glossar/blatt/', '/glossar/blatt/tief/', '/glossar/blatt/tief/x/'], 'the index.md beside the _index.md is a page at the section\'s URL');
    assert.deepEqual(routes(indexWith({ ...FILES, 'content/glossar/blatt/_index.md': '---\ntitle: Abschnitt\n---\n' })), routes(index), 'as when read at the start');
  });

  it('checks again the pages linking to a taxonomy once a page gives or takes a term, and judges those links by the terms given', () => {
    const index = indexWith({
      'content/docs/a.md': '---\ntitle: A\ntags: [foo]\n---\n',
      'content/docs/b.md': '---\ntitle: B\n---\n[foo](/tags/foo/) [bar](/tags/bar/)\n',
      'content/docs/c.md': '---\ntitle: C\n---\n[a](/docs/a/)\n',
    });
    index.setScope(() => true);
    const broken = () => documentDiagnostics(index, index.getDocument(`${ROOT_URI}/content/docs/b.md`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken(), ['No glossary entry at "/tags/bar/".']);
    const before = index.getDocument(`${ROOT_URI}/content/docs/a.md`);
    const after = index.setDocument(`${ROOT_URI}/content/docs/a.md`, '---\ntitle: A\ntags: [foo, bar]\n---\n');
    assert.deepEqual([...affectedDocuments(index, after.uri, before, after)].filter((uri) => uri.includes('/docs/')).sort(), [`${ROOT_URI}/content/docs/b.md`]);
    assert.deepEqual(broken(), []);
  });

  it('checks again the files below an index.md that comes or goes, and the pages linking to them', () => {
    const { 'content/glossar/blatt/index.md': header, ...rest } = FILES;
    const index = indexWith({ ...rest, 'content/notiz.md': '---\ntitle: Notiz\n---\n[Anhang](glossar/blatt/anhang.md)\n' });
    const created = index.setDocument(`${ROOT_URI}/content/glossar/blatt/index.md`, header);
    const affected = affectedDocuments(index, created.uri, undefined, created);
    for (const file of ['content/glossar/blatt/anhang.md', 'content/glossar/blatt/tief/x.md', 'content/notiz.md']) assert.ok(affected.has(`${ROOT_URI}/${file}`), file);
  });

  it('reads an index file with any suffix, a language\'s or not, and no other file, as a bundle\'s', () => {
    const site = hugoSiteOf({ languages: [{ code: 'en' }, { code: 'de' }], problems: [] });
    const roleOf = (file: string, names: string[]) => hugoBundleRoleOf(site, file, (folder) => (folder === 'content/g' ? names : []));
    assert.equal(roleOf('content/g/a.md', ['index.de.md']), 'resource');
    // Hugo 0.111 tests the name's start only (test/sites/hugo-bundle-odd-headers).
    assert.equal(roleOf('content/g/a.md', ['index.fr.md']), 'resource', 'fr is no language of the site, and the file heads the bundle in the folder\'s');
    assert.equal(roleOf('content/g/a.md', ['index.MD']), undefined, 'not Markdown to Hugo');
    assert.equal(roleOf('content/g/a.md', ['index.md', '_index.de.md']), undefined, 'a section');
    assert.equal(roleOf('content/g/index.en.md', ['index.en.md', 'index.de.md']), undefined, 'the bundle\'s own page');
  });

  it('takes the home page for a leaf bundle when the content folder has an index.md and no _index.md', () => {
    const index = indexWith({ 'content/index.md': '---\ntitle: Start\n---\n', 'content/a/x.md': '---\ntitle: X\n---\n' });
    assert.equal(index.pageOf(`${ROOT_URI}/content/index.md`)?.route, '/');
    assert.equal(index.pageOf(`${ROOT_URI}/content/a/x.md`)?.unpublishedReason, 'bundle-resource');
  });
});

describe('broken links in a Hugo site', () => {
  it('suggest a page that is there, in the link\'s folder or at its own route, never the link itself', () => {
    const index = indexWith({
      'content/functions/sitemap.md': '---\ntitle: Sitemap\n---\n',
      'content/templates/base.md': '---\ntitle: Base\n---\n',
      'content/templates/basis.md': '---\ntitle: Basis\n---\n',
      'content/news.md': '---\ntitle: News\n---\n[a](/templates/sitemap) [b](/templates/bases/) [c](/templates/xyz/)\n',
    });
    const broken = documentDiagnostics(index, index.getDocument('file:///site/content/news.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    assert.deepEqual(broken.map((diagnostic) => diagnostic.suggestion), ['/functions/sitemap/', '/templates/base/', undefined]);
  });

  it('are not judged where a shortcode writes the URL (otel\'s and hugoDocs\' [source]: <{{% eturl x %}}>)', () => {
    const index = indexWith({
      'content/docs/a.md': '---\ntitle: A\n---\nSee the [source code], [it](<{{< eturl y >}}>), ![Bild](<{{% eturl bild.png %}}>) and [gone](fehlt.md).\n\n[source code]: <{{% eturl details %}}>\n',
      'content/docs/b.md': '---\ntitle: B\n---\n',
    });
    const broken = documentDiagnostics(index, index.getDocument('file:///site/content/docs/a.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    assert.deepEqual(broken.map((diagnostic) => diagnostic.message), ['No glossary entry at "fehlt.md".']);
    // A shortcode with blanks inside a destination ends none, as Hugo replaces it first (Kubernetes' docs): no prose, and
    // no link of ours to judge or rewrite, as Hugo's shortcode writes it; the link after it is one.
    const text = '---\ntitle: C\n---\nSee [the API](/docs/{{< param "version" >}}/api/) and [that](/docs/{{% v %}}/x/ "T"), then [gone](/docs/fehlt/).\n';
    const inside = indexWith({ 'content/docs/c.md': text });
    const document = inside.getDocument('file:///site/content/docs/c.md')!;
    assert.deepEqual(document.body.links.map((link) => link.target), ['/docs/fehlt/']);
    const api = text.indexOf('api/)');
    assert.ok(document.body.nonProse.some(([from, to]) => from <= api && api < to), 'the destination is no prose');
    assert.equal(parseDocument('file:///site/content/docs/d.md', '![x]({{< param "u" >}}/a.png)\n', undefined, { hugo: true }).body.images, undefined, 'nor an image path to judge or rewrite');
    // Elsewhere CommonMark's reading: the blanks end the destination, and a shortcode's text is no label.
    assert.deepEqual(parseDocument('file:///w/docs/e.md', '[a](x{{<y) [b](/docs/{{< p >}}/b/)\n').body.links.map((link) => link.target), ['x{{<y']);
    assert.deepEqual(documentDiagnostics(inside, document).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/fehlt/".']);
  });

  it('are none to a top-level folder\'s list page, with or without _index.md, nor to an alias\'s redirect, unless disableAliases', () => {
    const files = {
      'content/commands/hugo.md': '---\ntitle: Hugo\n---\n',
      'content/templates/lists.md': '---\ntitle: Lists\naliases: [/templates/list/, alt]\n---\n',
      'content/tools/sub/deep.md': '---\ntitle: Deep\n---\n',
      'content/usage.md': '---\ntitle: Usage\n---\n[a](/commands/) [b](/templates/list/) [c](/templates/alt/) [d](/tools/sub/) [e](/templates/fehlt/)\n',
    };
    const brokenIn = (index: GlossaryIndex) => documentDiagnostics(index, index.getDocument('file:///site/content/usage.md')!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    // A folder below the top level is no section without an _index.md: no page at /tools/sub/.
    assert.deepEqual(brokenIn(indexWith(files)), ['No glossary entry at "/tools/sub/".', 'No glossary entry at "/templates/fehlt/".']);
    const noAliases = new GlossaryIndex();
    noAliases.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [], problems: [], disableAliases: true }), now: NOW }]);
    for (const [file, text] of Object.entries(files)) noAliases.setDocument(`file:///site/${file}`, text);
    assert.equal(brokenIn(noAliases).length, 4);
  });

  it('of refs naming no page are only warned of once the reading of the workspace left a content file out (too large): Hugo may find it', async () => {
    const site = createWorkspace({
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/docs/gross.md': `---\ntitle: Gross\n---\n${'Text. '.repeat(100)}\n`,
      'content/docs/a.md': '---\ntitle: A\n---\n[G]({{< ref "gross" >}}) [F]({{< ref "fehlt" >}})\n',
    });
    try {
      const findings = async (maxFileBytes: number) => {
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root], undefined, undefined, maxFileBytes), () => undefined);
        return documentDiagnostics(index, index.getDocument(site.uri('content/docs/a.md'))!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => `${diagnostic.severity} ${diagnostic.message}`);
      };
      assert.deepEqual(await findings(1024 * 1024), ['error No page of the site is named "fehlt": Hugo\'s ref finds none, and the build fails.']);
      assert.deepEqual(await findings(300), [
        'warning No page of the site is named "gross": should Hugo\'s ref find none, the build fails.',
        'warning No page of the site is named "fehlt": should Hugo\'s ref find none, the build fails.',
      ]);
    } finally {
      site.dispose();
    }
  });

  it('are none to the aliases and the pages of content files of other formats, read with the workspace from its content folders only (hugo-aliases-other-formats, jx-docs)', async () => {
    const site = createWorkspace({
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/docs/_index.html': '+++\ntitle = "Docs"\naliases = ["/docs/getting-started/"]\n+++\n<p>Docs</p>\n',
      'content/notizen/liste.org': '---\ntitle: Notizen\naliases: [alt, /notes/]\nurl: /listen/notizen/\n---\n* Org\n',
      'content/notizen/entwurf.html': '---\ntitle: Entwurf\ndraft: true\naliases: ["/entwurf-alias/"]\n---\n',
      'content/ohne.html': '<p>No front matter.</p>\n',
      // Not content: a template and a static file are not read.
      'layouts/partials/kopf.html': '---\naliases: ["/layouts-alias/"]\n---\n',
      'static/seite.html': '---\naliases: ["/static-alias/"]\n---\n',
      'content/start.md': '---\ntitle: Start\n---\n[a](/docs/getting-started/) [b](/notes/) [c](/listen/alt/) [d](/listen/notizen/) [e](/entwurf-alias/) [f](/layouts-alias/) [g](/static-alias/)\n',
    });
    try {
      const index = new GlossaryIndex();
      await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
      const found = index.siteFor(site.uri('content/start.md'));
      assert.ok(found?.generator === 'hugo');
      assert.deepEqual(found.hugo.otherFormatFiles.map((file) => file.relativePath).sort(), ['content/docs/_index.html', 'content/notizen/entwurf.html', 'content/notizen/liste.org']);
      const broken = documentDiagnostics(index, index.getDocument(site.uri('content/start.md'))!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
      // A relative alias is below the page's own URL's folder (its `url` here); a draft's is not written.
      assert.deepEqual(broken, ['No glossary entry at "/entwurf-alias/".', 'No glossary entry at "/layouts-alias/".', 'No glossary entry at "/static-alias/".']);
    } finally {
      site.dispose();
    }
  });

  it('reach a page whose URL Hugo writes percent-encoded (a slug of umlauts or CJK), written as it is or encoded, absolute or relative (cloudwego)', () => {
    const index = indexWith({
      'content/blog/a.md': '---\ntitle: Über\nslug: über-uns\n---\n[zurück](../字节跳动-实践/) [fehlt](../fehlt/)\n',
      'content/blog/b.md': '---\ntitle: Zh\nslug: 字节跳动-实践\n---\nText.\n',
      'content/c.md': '---\ntitle: C\n---\n[de](/blog/über-uns/) [raw](/blog/字节跳动-实践/) [enc](/blog/%E5%AD%97%E8%8A%82%E8%B7%B3%E5%8A%A8-%E5%AE%9E%E8%B7%B5/) [enc2](/blog/%C3%BCber-uns/) [nein](/blog/%C3%BCber-alles/)\n',
    });
    assert.deepEqual(routesIn(index, ['content/blog/a.md']), ['/blog/%C3%BCber-uns/']);
    const brokenIn = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(brokenIn('content/c.md'), ['No glossary entry at "/blog/%C3%BCber-alles/".']);
    assert.deepEqual(brokenIn('content/blog/a.md'), ['No glossary entry at "../fehlt/".']);
    // The links count as links to the pages (references, the ranking by links).
    assert.deepEqual([...index.documentsLinkingTo(index.termOf('file:///site/content/blog/b.md')!)].sort(), ['file:///site/content/blog/a.md', 'file:///site/content/c.md']);
  });

  it('are looked up as pages where a render hook does so (.Page.GetPage): from the page\'s section (a leaf bundle\'s is the folder above it), then from the content folder', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'get-page' }, now: NOW }]);
    index.setDocument('file:///site/content/docs/features/lb.md', '---\ntitle: LB\n---\n');
    index.setDocument('file:///site/content/docs/other.md', '---\ntitle: Other\n---\n');
    index.setDocument('file:///site/content/blog/post.md', '---\ntitle: Post\n---\n[a](docs/features/lb.md) [b](../docs/features/lb/) [c](fehlt.md)\n');
    index.setDocument('file:///site/content/docs/b/index.md', '---\ntitle: B\n---\n[a](other.md) [b](features/lb/) [c](fehlt/)\n');
    const broken = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken('content/blog/post.md'), ['No glossary entry at "fehlt.md".']);
    assert.deepEqual(broken('content/docs/b/index.md'), ['No glossary entry at "fehlt/".']);
  });

  it('are looked up among the pages of the linking page\'s language; a file the hook does not find is written as it is, with the URL of the page in that language as the fix (hugo-links-hook-i18n)', () => {
    const index = new GlossaryIndex();
    const hugo = { ...hugoSiteOf(readHugoConfig('defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n', 'hugo.toml')), linkRenderHook: 'get-page' as const };
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    index.setDocument('file:///site/content/docs/b.md', '---\ntitle: B\n---\n');
    index.setDocument('file:///site/content/docs/b.de.md', '---\ntitle: B de\n---\n');
    index.setDocument('file:///site/content/docs/c.md', '---\ntitle: C\n---\n');
    index.setDocument('file:///site/content/docs/a.md', '---\ntitle: A\n---\n[1](b.md) [2](b.en.md) [3](b.de) [4](b.de.md)\n');
    index.setDocument('file:///site/content/docs/a.de.md', '---\ntitle: A de\n---\n[1](b.md) [2](b.de.md) [3](/docs/b) [4](c.md)\n');
    const found = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(found('content/docs/a.md'), ['Hugo writes "b.de.md" into the page as it is, a URL where nothing is (/docs/a/b.de.md): the site\'s link render hook finds no page of this language at that path. Link to the page\'s URL, "/docs/b/".']);
    assert.deepEqual(found('content/docs/a.de.md'), ['Hugo writes "c.md" into the page as it is, a URL where nothing is (/de/docs/a/c.md): the site\'s link render hook finds no page of this language at that path. Link to the page\'s URL, "/docs/c/".']);
    assert.equal(resolveTermTarget(index, 'file:///site/content/docs/a.de.md', 'b.md')?.uri, 'file:///site/content/docs/b.de.md');
    // A German page for c comes: the hook finds it, and the page linking to c.md is checked again.
    const cDe = index.setDocument('file:///site/content/docs/c.de.md', '---\ntitle: C de\n---\n');
    assert.deepEqual(found('content/docs/a.de.md'), []);
    assert.ok(affectedDocuments(index, cDe.uri, undefined, cDe).has('file:///site/content/docs/a.de.md'));
  });

  it('are looked up as pages in any case, as Hugo keeps its pages by their paths in lower case, as files come and go (hugo-links-hook)', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'get-page' }, now: NOW }]);
    index.setDocument('file:///site/content/docs/features/lb.md', '---\ntitle: LB\n---\n');
    index.setDocument('file:///site/content/docs/case.md', '---\ntitle: Case\n---\n[a](features/LB.md) [b](/DOCS/Features/lb/) [c](upper/page.md)\n');
    const broken = () => documentDiagnostics(index, index.getDocument('file:///site/content/docs/case.md')!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken(), ['No glossary entry at "upper/page.md".']);
    index.setDocument('file:///site/content/docs/Upper/Page.md', '---\ntitle: Up\n---\n');
    assert.deepEqual(broken(), []);
    assert.equal(resolveTermTarget(index, 'file:///site/content/docs/case.md', 'upper/page.md')?.uri, 'file:///site/content/docs/Upper/Page.md');
    index.removeDocument('file:///site/content/docs/features/lb.md');
    // A URL path whose first segment names no section is not judged: `/DOCS/` is none.
    assert.deepEqual(broken(), ['No glossary entry at "features/LB.md".']);
  });

  it('to files and images lead to a file of a static folder or a bundle, from the page\'s URL, where Hugo writes them as they are (hugo-links)', () => {
    const index = new GlossaryIndex();
    const hugo = { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'none' as const, imageRenderHook: 'none' as const };
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    index.setDocument('file:///site/content/b/index.md', '---\ntitle: B\n---\n![a](bild.png) ![b](images/tief.png) ![c](/img/logo.png) ![d](/img/fehlt.png) [e](/files/preise.pdf)\n');
    index.setDocument('file:///site/content/seite.md', '---\ntitle: S\n---\n![a](bild.png) ![b](../b/bild.png) [c](https://example.org/x.png)\n');
    const onDisk = new Set(['/site/content/b/bild.png', '/site/content/b/images/tief.png', '/site/static/img/logo.png']);
    index.setPathProbe((uri) => (onDisk.has(new URL(uri).pathname) ? 'file' : 'none'));
    const found = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-image' || diagnostic.code === 'broken-link').map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
    assert.deepEqual(found('content/b/index.md'), [
      'broken-image No file at "/img/fehlt.png": Hugo publishes none at /img/fehlt.png, of the static folders or a bundle\'s files.',
      'broken-link No file at "/files/preise.pdf": Hugo publishes none at /files/preise.pdf, of the static folders or a bundle\'s files.',
    ]);
    assert.deepEqual(found('content/seite.md'), ['broken-image No file at "bild.png": Hugo publishes none at /seite/bild.png, of the static folders or a bundle\'s files.']);
    // A top-level section's files at their own paths, with no _index.md (thanos' content/tip/).
    index.setDocument('file:///site/content/tip/sub/seite.md', '---\ntitle: T\n---\n![a](../../img/a.png) ![b](../bilder/c.png) ![c](../../img/fehlt.png)\n');
    onDisk.add('/site/content/tip/img/a.png').add('/site/content/tip/sub/bilder/c.png');
    assert.deepEqual(found('content/tip/sub/seite.md'), ['broken-image No file at "../../img/fehlt.png": Hugo publishes none at /tip/img/fehlt.png, of the static folders or a bundle\'s files.']);
    // Where a render hook may write them otherwise, or the disk cannot be looked at, they are not judged.
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: { ...hugo, imageRenderHook: undefined, linkRenderHook: undefined }, now: NOW }]);
    assert.deepEqual(found('content/b/index.md'), []);
  });

  it('to .html files lead to a page\'s own file (uglyURLs, url, an alias) or a static file; a page at /b/ is not at /b.html (hugo-links-html)', () => {
    const index = new GlossaryIndex();
    const hugo = { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'none' as const, imageRenderHook: 'none' as const };
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    index.setPathProbe((uri) => (new URL(uri).pathname === '/site/static/files/da.html' ? 'file' : 'none'));
    index.setDocument('file:///site/content/docs/b.md', '---\ntitle: B\naliases: [/alt/b.html]\n---\n');
    index.setDocument('file:///site/content/docs/eigen.md', '---\ntitle: E\nurl: /seiten/eigen.html\n---\n');
    index.setDocument('file:///site/content/docs/a.md', '---\ntitle: A\n---\n[1](/files/da.html) [2](/seiten/eigen.html) [3](/alt/b.html) [4](/404.html) [5](/docs/b/index.html) [6](../b.html) [7](fehlt.htm#x) [8](b.html)\n');
    const found = () => documentDiagnostics(index, index.getDocument('file:///site/content/docs/a.md')!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(found(), [
      'Nothing at "../b.html": Hugo publishes this page at /docs/b/, not at /docs/b.html.',
      'Nothing at "fehlt.htm#x": Hugo publishes no page at /docs/a/fehlt.htm, nor a file of the static folders or of a bundle.',
      'Nothing at "b.html": Hugo publishes no page at /docs/a/b.html, nor a file of the static folders or of a bundle.',
    ]);
    // With uglyURLs, /docs/b.html is B's own file, and links are read from /docs/a.html.
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: { ...hugo, uglyURLs: true }, now: NOW }]);
    assert.deepEqual(found(), [
      'Nothing at "../b.html": Hugo publishes no page at /b.html, nor a file of the static folders or of a bundle.',
      'Nothing at "fehlt.htm#x": Hugo publishes no page at /docs/fehlt.htm, nor a file of the static folders or of a bundle.',
    ]);
  });

  it('are not judged by URL path from a file Hugo makes no page of (a theme\'s docs, a README), and name Hugo where a file is no page', () => {
    const index = indexWith({
      'content/docs/start.md': '---\ntitle: Start\n---\n[a](/docs/fehlt/) [b](../../README.md)\n',
      'themes/docsy/userguide/content/en/docs/intro.md': '---\ntitle: Intro\n---\n[a](/docs/adding-content/) [b](/docs/fehlt/) [c](./gibt-es-nicht.md)\n',
      'README.md': '# Site\n\n[a](/docs/fehlt/) [b](CHANGELOG.md) [c](FEHLT.md) [d](.github/CONTRIBUTING.md)\n',
      'CHANGELOG.md': '# Changes\n',
    });
    // On disk, in a folder the glossary leaves out.
    index.setPathProbe((uri) => (uri === 'file:///site/.github/CONTRIBUTING.md' ? 'file' : 'none'));
    const brokenIn = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(brokenIn('content/docs/start.md'), ['No glossary entry at "/docs/fehlt/".', '"../../README.md" is not built into the site (not a page Hugo reads): the link leads nowhere.']);
    assert.deepEqual(brokenIn('themes/docsy/userguide/content/en/docs/intro.md'), ['No glossary entry at "./gibt-es-nicht.md".'], 'a file link is still a file');
    assert.deepEqual(brokenIn('README.md'), ['No glossary entry at "FEHLT.md".'], 'a file link to a file that is there is fine where neither is a page');
  });

  it('read /x.md in a file Hugo makes no page of from the root of its repository, as GitHub shows it: a theme that is a submodule', () => {
    const index = indexWith({
      'themes/t/docs/analytics.md': '# Analytics\n\n[Matomo](/docs/analytics/matomo.md), [Fehlt](/docs/fehlt.md), [Bild](/images/logo.md)\n',
      'themes/t/docs/analytics/matomo.md': '# Matomo\n',
      'content/seite.md': '---\ntitle: Seite\n---\n[Fehlt](/docs/analytics/matomo.md)\n',
    });
    // The theme's submodule holds a .git file; a file the glossary does not read is on disk there.
    index.setPathProbe((uri) => (uri === 'file:///site/themes/t/.git' || uri === 'file:///site/themes/t/images/logo.md' ? 'file' : 'none'));
    const brokenIn = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(brokenIn('themes/t/docs/analytics.md'), ['No glossary entry at "/docs/fehlt.md".']);
    // A page of the site is judged as Hugo builds it, not as its repository shows it.
    assert.equal(brokenIn('content/seite.md').length, 1);
  });

  it('misplaced-front-matter is not told in the content of a Hugo site of its own below the site (a theme\'s user guide), which reads it', () => {
    const file = 'themes/t/userguide/content/en/docs/_index.md';
    const misplaced = (configOnDisk: boolean) => {
      const index = indexWith({ [file]: '\n---\ntitle: Docs\n---\nText.\n' });
      index.setPathProbe((uri) => (configOnDisk && uri === 'file:///site/themes/t/userguide/hugo.yaml' ? 'file' : 'none'));
      return documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'misplaced-front-matter').length;
    };
    assert.deepEqual([misplaced(true), misplaced(false)], [0, 1]);
  });

  it('are none to a page Hugo builds from content of another format, found where its path puts it', () => {
    const index = indexWith({ 'content/docs/start.md': '---\ntitle: Start\n---\n[a](/about/) [b](/docs/contact/) [c](/docs/fehlt/) [d](/docs/guide/)\n' });
    const onDisk = new Set(['content/about/_index.html', 'content/docs/contact.html', 'content/docs/guide/index.adoc'].map((file) => `file:///site/${file}`));
    index.setPathProbe((uri) => (onDisk.has(uri) ? 'file' : 'none'));
    const broken = documentDiagnostics(index, index.getDocument('file:///site/content/docs/start.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    assert.deepEqual(broken.map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/fehlt/".']);
  });

  it('are judged from and to a theme\'s content folder and a folder mounted as content, which Hugo reads as content', () => {
    const files: Record<string, string> = {
      'content/docs/start.md': '---\ntitle: Start\n---\n[a](../../themes/t/content/docs/from-theme.md) [b](../../docs/mounted.md) [c](/docs/from-theme/)\n',
      'themes/t/content/docs/from-theme.md': '---\ntitle: Aus dem Theme\n---\n[a](/docs/fehlt-theme/)\n',
      'docs/mounted.md': '---\ntitle: Eingehängt\n---\n[a](/docs/fehlt-mounted/)\n',
      'README.md': '# Site\n\n[a](/docs/fehlt-readme/)\n',
    };
    const brokenIn = (index: GlossaryIndex, file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    for (const mounted of [false, true]) {
      const index = new GlossaryIndex();
      // Modules imported say nothing of the site's own files: only a content mount does.
      index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [], problems: [], themes: ['t'], importsModules: true, ...(mounted ? { contentMountSources: ['docs'] } : {}) }), now: NOW }]);
      for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
      index.setPathProbe((uri) => (uri === 'file:///site/themes/t/content/docs/from-theme.md' ? 'file' : 'none'));
      assert.deepEqual(brokenIn(index, 'themes/t/content/docs/from-theme.md'), ['No glossary entry at "/docs/fehlt-theme/".'], 'a theme\'s content');
      assert.deepEqual(brokenIn(index, 'docs/mounted.md'), mounted ? ['No glossary entry at "/docs/fehlt-mounted/".'] : [], 'a folder mounted as content');
      assert.deepEqual(brokenIn(index, 'README.md'), [], 'a README, mounts or not');
      assert.deepEqual(brokenIn(index, 'content/docs/start.md'), mounted ? [] : ['"../../docs/mounted.md" is not built into the site (not a page Hugo reads): the link leads nowhere.'], 'the theme\'s page is one');
    }
  });

  it('are no duplicate titles between a page and a file Hugo makes no page of', () => {
    const index = indexWith({
      'content/docs/intro.md': '---\ntitle: Intro\n---\n',
      'content/blog/intro.md': '---\ntitle: Intro\n---\n',
      'themes/docsy/userguide/content/en/docs/intro.md': '---\ntitle: Intro\n---\n',
    });
    const duplicatesOf = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'duplicate-title').map((diagnostic) => diagnostic.message);
    assert.deepEqual(duplicatesOf('content/docs/intro.md'), ['Another entry has the title "Intro": ../blog/intro.md']);
    assert.deepEqual(duplicatesOf('themes/docsy/userguide/content/en/docs/intro.md'), []);
  });

  it('take no "# line" in a shortcode\'s body for a heading, where Hugo gives the body to the template as it is', () => {
    const index = indexWith({
      'content/versioning.md': '---\ntitle: Doc Versioning\n---\n{{< tab header="hugo.toml" >}}\n# Add your release versions here\n{{< /tab >}}\n',
      'content/markdown.md': '---\ntitle: Doc Versioning\n---\n{{% note %}}\n# A heading\n{{% /note %}}\n',
    });
    const hintsOf = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'title-differs-from-heading').map((diagnostic) => diagnostic.message);
    assert.deepEqual(hintsOf('content/versioning.md'), []);
    index.setDocument('file:///site/content/later.md', '---\ntitle: Alpha\n---\n{{< note >}}\n# Hinweis\n{{< /note >}}\n\n# Beta\n');
    assert.deepEqual(hintsOf('content/later.md'), ['The title "Alpha" differs from the heading "Beta".'], 'the first heading outside a shortcode');
    assert.deepEqual(hintsOf('content/markdown.md'), ['The title "Doc Versioning" differs from the heading "A heading".'], '{{% %}} renders its body as Markdown');
  });

  it('are no wiki links in the text a shortcode gives its template as it is: TOML\'s [[tables]] in {{< highlight >}}', () => {
    const index = indexWith({
      'content/config.md': '---\ntitle: Config\n---\n{{< highlight toml >}}\n[[module.mounts]]\nsource = "x"\n{{< /highlight >}}\n\n{{% notiz %}}[[fehlt]]{{% /notiz %}} [[auch-fehlt]]\n',
    });
    const shortcodes = index.getDocument('file:///site/content/config.md')!.hugoShortcodes!;
    assert.deepEqual(shortcodes.map((shortcode) => [shortcode.name, shortcode.body?.start.line, shortcode.body?.end.line]), [['highlight', 3, 6], ['notiz', undefined, undefined]]);
    // A shortcode that closes itself has no text: a later pair's closing is not its.
    const selfClosing = indexWith({ 'content/p.md': '---\ntitle: P\n---\n{{< note />}}\n\n[[Fehlt]]\n\n{{< note >}}x{{< /note >}}\n' });
    assert.deepEqual(selfClosing.getDocument('file:///site/content/p.md')!.hugoShortcodes!.map((shortcode) => [shortcode.name, shortcode.body?.start.line]), [['note', undefined], ['note', 7]]);
    // Hugo writes `[[x]]` as text: on its pages one that names no term is no broken link, in a shortcode or not (OpenFunction's `**[[buildpacks]]**`).
    const broken = documentDiagnostics(index, index.getDocument('file:///site/content/config.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    assert.deepEqual(broken, []);
  });

  it('take the section and alias paths as Hugo writes them: urlized and lower-cased, cleaned, with .html where URLs are ugly, no language put in front', () => {
    const paths = (config: string, files: Record<string, string>) => {
      const hugo = hugoSiteOf(readHugoConfig(config, 'hugo.toml'));
      const index = new GlossaryIndex();
      index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
      for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
      const pages = Object.keys(files).flatMap((file) => {
        const page = index.pageOf(`file:///site/${file}`);
        const fields = index.getDocument(`file:///site/${file}`)?.frontMatter?.fields ?? [];
        const aliases = fields.find((field) => field.key === 'aliases')?.value as string[] | undefined;
        const terms = new Map(fields.filter((field) => hugo.taxonomies.has(field.key.toLowerCase())).map((field) => [field.key.toLowerCase(), field.value as string[]]));
        return page?.published || page?.contentRead ? [{ relativePath: file, page, aliases: aliases ?? [], terms }] : [];
      });
      return [...hugoPathsBesidePages(hugo, Object.keys(files), pages)].sort();
    };
    const page = (aliases = '[]') => `---\ntitle: P\naliases: ${aliases}\n---\n`;
    assert.deepEqual(paths('', {
      'content/Q&A/frage.md': page(),
      'content/My-Docs/Page.md': page(),
      'content/moved/_index.md': '---\ntitle: M\nurl: /news/\n---\n',
      'content/moved/x.md': page(),
      'content/docs/other.md': page('[../up-alias/, ./dot/, /docs/old/index.html]'),
    }), ['/categories', '/docs', '/docs/dot', '/docs/old', '/my-docs', '/qa', '/tags', '/up-alias']);
    assert.deepEqual(paths('uglyURLs = true\n', { 'content/blog/post.md': page('[/old/]') }), ['/blog.html', '/categories.html', '/old.html', '/tags.html']);
    // A top-level folder's own leaf bundle is no section: where its url moves it, Hugo writes nothing at the folder's path; a bundle below it makes the folder a section.
    assert.deepEqual(paths('', { 'content/about/index.md': '---\ntitle: A\nurl: /elsewhere/\n---\n', 'content/posts/p1/index.md': page() }), ['/categories', '/posts', '/tags']);
    // A section of pages Hugo reads and renders none of (headless, render: never) is written; in the page's language, whatever its url.
    assert.deepEqual(paths('defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.de]\ncontentDir = "content/de"\nweight = 2\n', {
      'content/en/nie/p.md': '---\ntitle: P\n_build:\n  render: never\n---\n',
      'content/de/werkzeug/w.md': '---\ntitle: W\nurl: /eigen/\n---\n',
      'content/de/entwurf/e.md': '---\ntitle: E\ndraft: true\n---\n',
    }), ['/categories', '/de/categories', '/de/tags', '/de/werkzeug', '/nie', '/tags']);
    assert.deepEqual(paths('baseURL = "https://example.org/docs/"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\ncontentDir = "content/de"\n', { 'content/de/blog/post.md': page('[/alt/]') }), ['/docs/alt', '/docs/categories', '/docs/de/blog', '/docs/de/categories', '/docs/de/tags', '/docs/tags']);
    // The taxonomies' pages: the list of each, and a page per term a built page gives it, urlized; none of a draft's terms.
    assert.deepEqual(paths('disablePathToLower = true\n[taxonomies]\nthema = "themen"\n', {
      'content/a.md': '---\ntitle: A\nThemen: [Foo Bar, C++, a/b]\ntags: [nicht]\n---\n',
      'content/b.md': '---\ntitle: B\ndraft: true\nthemen: [Entwurf]\n---\n',
    }), ['/themen', '/themen/C++', '/themen/Foo-Bar', '/themen/a/b']);
  });
});

describe("Hugo's ref and relref", () => {
  it('are read in the body, in every form Hugo reads, and not where a comment holds them', () => {
    const text = '---\ntitle: T\n---\n{{< ref "a.md" >}} {{% relref "/g/b#x" %}} {{< ref lang="en" path="c d.md" >}} {{< ref `e.md` >}} {{< ref f >}} {{</* ref "nicht.md" */>}}\n```\n{{< ref "im-code.md" >}}\n```\n';
    const refs = parseDocument('file:///site/content/x.md', text).hugoRefs ?? [];
    assert.deepEqual(refs.map((ref) => ref.target), ['a.md', '/g/b#x', 'c d.md', 'e.md', 'f', 'im-code.md']);
    assert.equal(refs[2].lang, 'en');
    const other = parseDocument('file:///site/content/y.md', '---\ntitle: Y\n---\n{{< note "{{< ref x >}}" >}} <!-- {{< ref "k" >}} --> <a href="{{< ref "t" >}}">t</a>\n\n<div>\n{{< ref "b" >}}\n</div>\n\nText {{< ref "p" >}}\n').hugoRefs ?? [];
    assert.deepEqual(other.map((ref) => [ref.target, ref.inHtml ?? false]), [['k', true], ['t', true], ['b', true], ['p', false]], 'not in another shortcode\'s parameter; in raw HTML, marked');
    const lines = text.split('\n');
    assert.equal(lines[refs[0].range.start.line].slice(refs[0].range.start.character, refs[0].range.end.character), 'a.md');
  });

  it("with a path from the content folder and a final slash find a section only: the build fails on a page's, a bundle's or a plain folder's (hugo-refs-final-slash)", () => {
    const refs = ['/docs/b/#teil', '/docs/c/', '/docs/ohne/', '/docs/h/', '/docs/s/', '/DOCS/S/', '/docs/', '/docs/b', '../b/', '/tags/foo/', '/categories/bar-baz/'].map((target) => `{{< ref "${target}" >}}`).join(' ');
    const index = indexWith({
      'content/docs/b.md': '---\ntitle: B\ntags: [foo]\ncategories: [Bar Baz]\n---\n',
      'content/docs/c/index.md': '---\ntitle: C\n---\n',
      'content/docs/s/_index.md': '---\ntitle: S\n---\n',
      'content/docs/ohne/n.md': '---\ntitle: N\n---\n',
      'content/docs/h/h1.md': '---\ntitle: H1\n---\n',
      'content/docs/a.md': `---\ntitle: A\n---\n${refs}\n`,
    });
    // `/docs/h/` has its `_index` file in a format the glossary does not read: a section all the same.
    index.setPathProbe((uri) => (uri === 'file:///site/content/docs/h/_index.html' ? 'file' : 'none'));
    const found = documentDiagnostics(index, index.getDocument('file:///site/content/docs/a.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    // The fix drops the slash where a page is at the path.
    assert.deepEqual(found.map((diagnostic) => [diagnostic.message.match(/"([^"]+)"/)![1], diagnostic.suggestion, diagnostic.breaksBuild]), [
      ['/docs/b/#teil', '/docs/b#teil', true],
      ['/docs/c/', '/docs/c', true],
      ['/docs/ohne/', undefined, true],
      // A relative path is looked up by its path too: `../b/` from `docs/` is `/b`, where nothing is.
      ['../b/', undefined, true],
    ]);
    assert.equal(found[0].message, 'Hugo\'s ref finds no page at "/docs/b/#teil": a path with a final slash names a section, and there is none. The build fails.');
  });

  it('that find no page of their name fail the build where every page is in the index; a page not built renders none, and raw HTML runs none unless rendered', () => {
    const index = indexWith({
      'content/g/a.md': '---\ntitle: A\n---\n',
      'content/g/entwurf.md': '---\ntitle: E\ndraft: true\n---\n',
      'content/g/spaeter.md': '---\ntitle: S\ndate: 2999-01-01\n---\n',
      'content/g/abgelaufen.md': '---\ntitle: A\nexpiryDate: 2000-01-01\n---\n',
      // A name with dots of its own (vector's release notes, `/releases/0.43.0`).
      'content/g/0.43.0.md': '---\ntitle: V\n---\n',
      'content/g/b.md': '---\ntitle: B\n---\n{{< ref "A.md" >}} {{< ref "/g/a" >}} {{< ref "g/a.md" >}} {{< ref "fehlt.md" >}} {{< ref "entwurf.md" >}} {{< ref "h/a.md" >}} {{< ref "/g/0.43.0" >}} {{< ref "0.43.0.md" >}}\n',
      'content/g/d.md': '---\ntitle: D\n---\n{{< ref "spaeter.md" >}} {{< ref "abgelaufen" >}}\n',
      'content/g/tief/x.md': '---\ntitle: X\n---\n',
      'content/g/e.md': '---\ntitle: E\n---\n{{< ref "/g" >}} {{< ref "g" >}} {{< ref "/g/tief" >}} {{< relref "tief" >}}\n',
      'content/g/c.md': '---\ntitle: C\ndraft: true\n---\n{{< ref "fehlt.md" >}}\n',
    });
    const broken = (uri: string) => documentDiagnostics(index, index.getDocument(uri)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => [diagnostic.message, diagnostic.severity]);
    // `h/a.md` has a path, which Hugo looks up alone (from `g/` and from the content folder), not the page named `a` elsewhere: the build fails.
    assert.deepEqual(broken('file:///site/content/g/b.md'), [
      ...['fehlt.md', 'entwurf.md'].map((target) => [`No page of the site is named "${target}": Hugo's ref finds none, and the build fails.`, 'error']),
      ['Hugo\'s ref finds no page at "h/a.md": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. The build fails.', 'error'],
    ]);
    // A page dated in the future or expired is left out as a draft is: Hugo's ref finds none (REF_NOT_FOUND).
    assert.equal(broken('file:///site/content/g/d.md').length, 2);
    // A top-level folder is a section, without an _index.md too; a folder below it is none without one.
    assert.deepEqual(broken('file:///site/content/g/e.md').map(([message]) => message), [
      'Hugo\'s ref finds no page at "/g/tief": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. The build fails.',
      'No page of the site is named "tief": Hugo\'s ref finds none, and the build fails.',
    ]);
    assert.deepEqual(broken('file:///site/content/g/c.md'), []);
    const created = index.setDocument('file:///site/content/g/fehlt.md', '---\ntitle: F\n---\n');
    assert.equal(broken('file:///site/content/g/b.md').length, 2, 'a page that comes is found');
    index.setDocument('file:///site/content/g/entwurf.md', '---\ntitle: E\n---\n');
    assert.equal(broken('file:///site/content/g/b.md').length, 1, 'and one that is no draft any more');
    index.setDocument('file:///site/content/g/entwurf.md', '---\ntitle: E\ndraft: true\n---\nText.\n');
    assert.equal(broken('file:///site/content/g/b.md').length, 2, 'and one that is a draft again');
    assert.ok(affectedDocuments(index, created.uri, undefined, created).has('file:///site/content/g/b.md'), 'and the page holding the ref is checked again');
    const atPath = index.setDocument('file:///site/content/g/h/a.md', '---\ntitle: A\n---\n');
    assert.equal(broken('file:///site/content/g/b.md').length, 1, 'a page that comes at the path is found');
    assert.ok(affectedDocuments(index, atPath.uri, undefined, atPath).has('file:///site/content/g/b.md'), 'and the page holding the ref is checked again');
  });

  it('that find no page of their name are only warned of where pages may be missing from the index: settings that leave files out, taxonomies not known, a theme with content', () => {
    const text = '---\ntitle: B\n---\n{{< ref "fehlt.md" >}} {{< ref "serie" >}}\n';
    const findings = (change: (hugo: HugoSite) => void, probe?: (uri: string) => 'file' | 'folder' | 'none') => {
      const index = new GlossaryIndex();
      const hugo = hugoSiteOf(readHugoConfig('[taxonomies]\nserie = "serie"\n', 'hugo.toml'));
      change(hugo);
      index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
      if (probe !== undefined) index.setPathProbe(probe);
      index.setDocument('file:///site/content/b.md', text);
      return documentDiagnostics(index, index.getDocument('file:///site/content/b.md')!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => `${diagnostic.severity} ${diagnostic.message}`);
    };
    // A taxonomy the configuration names is a page of its name.
    assert.deepEqual(findings(() => undefined), ['error No page of the site is named "fehlt.md": Hugo\'s ref finds none, and the build fails.']);
    const warned = ['warning No page of the site is named "fehlt.md": should Hugo\'s ref find none, the build fails.'];
    assert.deepEqual(findings((hugo) => (hugo.contentLeftOut = true)), warned);
    assert.deepEqual(findings((hugo) => (hugo.themes = ['thema']), () => 'none'), ['error No page of the site is named "fehlt.md": Hugo\'s ref finds none, and the build fails.'], 'a theme without content brings none');
    assert.deepEqual(findings((hugo) => (hugo.themes = ['thema']), (uri) => (uri === 'file:///site/themes/thema/content' ? 'folder' : 'none')), warned);
  });

  it('find a content file the workspace does not read (b.markdown, _index.html) by its path from the page or a content folder, in any case and with any extension', () => {
    const index = indexWith({ 'content/g/a.md': '---\ntitle: A\n---\n{{< ref "b" >}} {{< ref "B.html" >}} {{< ref "/g/b" >}} {{< relref "/ueber" >}} {{< ref "fehlt" >}} {{< ref "/fehlt/b" >}} {{< ref "/g/aus/c" >}}\n' });
    // `g/aus/c.md` is a Markdown file the workspace leaves out: Hugo reads it all the same.
    const onDisk = new Set(['file:///site/content/g/b.markdown', 'file:///site/content/ueber/_index.html', 'file:///site/content/g/aus/c.md']);
    index.setPathProbe((uri) => (onDisk.has(uri) ? 'file' : 'none'));
    const broken = documentDiagnostics(index, index.getDocument('file:///site/content/g/a.md')!).filter((diagnostic) => diagnostic.code === 'broken-link');
    assert.deepEqual(broken.map((diagnostic) => diagnostic.message), [
      'No page of the site is named "fehlt": Hugo\'s ref finds none, and the build fails.',
      'Hugo\'s ref finds no page at "/fehlt/b": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. The build fails.',
    ]);
  });

  it('find the pages of the linking page\'s language only: a translation of a page left out finds none', () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf(readHugoConfig('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n', 'hugo.toml'));
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    const files: Record<string, string> = {
      'content/beta.md': '---\ntitle: Beta\nexpiryDate: 2020-01-01\n---\n',
      'content/beta.en.md': '---\ntitle: Beta\n---\n',
      'content/nur.en.md': '---\ntitle: Nur englisch\n---\n',
      'content/alpha.md': '---\ntitle: Alpha\n---\n{{< ref "beta" >}} {{< ref "nur" >}} {{< ref lang="en" path="nur" >}}\n',
      'content/alpha.en.md': '---\ntitle: Alpha\n---\n{{< ref "beta" >}} {{< ref "nur.en.md" >}} {{< ref "alpha" >}}\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
    const broken = (file: string) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken('content/alpha.md'), ['beta', 'nur'].map((target) => `No page of the site is named "${target}": Hugo's ref finds none, and the build fails.`));
    assert.deepEqual(broken('content/alpha.en.md'), []);
  });

  it('in raw HTML are run only where Hugo renders raw HTML (markup.goldmark.renderer.unsafe)', () => {
    const text = '---\ntitle: B\n---\n<!-- {{< ref "fehlt.md" >}} -->\n';
    for (const unsafe of [false, true]) {
      const index = new GlossaryIndex();
      const config = readHugoConfig(`[markup.goldmark.renderer]\nunsafe = "${unsafe}"\n`, 'hugo.toml');
      assert.deepEqual(config.problems, [], 'a string is cast, as Hugo casts it');
      const hugo = hugoSiteOf(config);
      index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
      const document = index.setDocument('file:///site/content/b.md', text);
      assert.equal(documentDiagnostics(index, document).filter((diagnostic) => diagnostic.code === 'broken-link').length, unsafe ? 1 : 0, `unsafe = ${unsafe}`);
    }
  });
});

describe('Hugo shortcodes without a template', () => {
  it('are read by name, in folders too, wherever Hugo reads them: in code and HTML, not commented out, not closing', () => {
    const text = '---\ntitle: T\n---\n{{< youtube x >}} {{% kasten/innen %}}a{{% /kasten/innen %}} {{</* nicht */>}} {{< ref "a.md" >}} {{< größe "x" >}}\n```\n{{< imCode >}}\n```\n<!-- {{< Kommentar >}} -->\n';
    const shortcodes = parseDocument('file:///site/content/x.md', text).hugoShortcodes ?? [];
    assert.deepEqual(shortcodes.map((shortcode) => shortcode.name), ['youtube', 'kasten/innen', 'größe', 'imCode', 'Kommentar']);
    const lines = text.split('\n');
    assert.equal(lines[shortcodes[1].range.start.line].slice(shortcodes[1].range.start.character, shortcodes[1].range.end.character), 'kasten/innen');
    assert.equal(parseDocument('file:///site/content/y.md', '---\ntitle: Y\n---\nKein Kurzcode.\n').hugoShortcodes, undefined);
  });

  it('are errors in every file Hugo reads, built or not, by their exact name; not in drafts or pages out of date, and not where the templates are not all seen', () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf({ languages: [], problems: [] });
    hugo.shortcodes = new Set(['hinweis', 'kasten/innen', 'youtube']);
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    const body = '{{< hinweis >}}x{{< /hinweis >}} {{< kasten/innen >}} {{< Hinweis >}} {{< fehlt >}} {{< code.inline >}}x{{< /code.inline >}}\n';
    const files: Record<string, string> = {
      'content/g/seite.md': `---\ntitle: S\n---\n${body}`,
      'content/g/kopflos/index.md': `---\ntitle: K\nheadless: true\n---\n${body}`,
      'content/g/nie.md': `---\ntitle: N\n_build:\n  render: never\n---\n${body}`,
      'content/g/entwurf.md': `---\ntitle: E\ndraft: true\n---\n${body}`,
      'content/g/zukunft.md': `---\ntitle: Z\ndate: 2099-01-01\n---\n${body}`,
      'content/e/_index.md': '---\ntitle: Bereich\ndraft: true\n---\n',
      'content/e/unten.md': `---\ntitle: U\n---\n${body}`,
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
    const unknown = (file: string) =>
      documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!)
        .filter((diagnostic) => diagnostic.code === 'unknown-shortcode')
        .map((diagnostic) => `${diagnostic.severity} ${diagnostic.range.start.character}-${diagnostic.range.end.character} ${diagnostic.message}`);
    const expected = [
      'error 58-65 Hugo has no shortcode "Hinweis": no template layouts/shortcodes/Hinweis.html in the site or its themes, so the build fails.',
      'error 74-79 Hugo has no shortcode "fehlt": no template layouts/shortcodes/fehlt.html in the site or its themes, so the build fails.',
    ];
    for (const file of ['content/g/seite.md', 'content/g/kopflos/index.md', 'content/g/nie.md']) assert.deepEqual(unknown(file), expected, file);
    for (const file of ['content/g/entwurf.md', 'content/g/zukunft.md', 'content/e/unten.md']) assert.deepEqual(unknown(file), [], file);
    hugo.shortcodes = undefined;
    assert.deepEqual(unknown('content/g/seite.md'), [], 'templates not all seen: not judged');
  });

  it("Hugo's own param, naming a parameter with no value on the page, in its cascade or in the site's, a language's or a theme's params, stops the build (hugo-param, -found)", () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf(readHugoConfig('[params]\nVersion = "1.0"\nleer = ""\n[params.tief]\nwert = 1\n[languages.de]\nweight = 1\n[languages.de.params]\nsprache = "Deutsch"\n', 'hugo.toml'));
    hugo.shortcodes = new Set(['param']);
    hugo.innerShortcodes = new Set();
    hugo.paramShortcodeIsHugos = true;
    hugo.params = { site: { Version: '1.0', leer: '', tief: { wert: 1 } }, languages: { de: { sprache: 'Deutsch' } }, modules: [{ thema: 'ja' }] };
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    index.setDocument('file:///site/content/teil/_index.md', '---\ntitle: Teil\ncascade:\n  abschnitt: x\n---\n');
    const missing = (body: string, frontMatter = '') =>
      documentDiagnostics(index, index.setDocument('file:///site/content/teil/a.md', `---\ntitle: A\n${frontMatter}---\n${body}\n`))
        .filter((diagnostic) => diagnostic.code === 'missing-param')
        .map((diagnostic) => `${diagnostic.severity} ${diagnostic.message}`);
    for (const body of ['{{< param "version" >}}', '{{< param VERSION >}}', '{{< param "tief.wert" >}}', '{{< param "sprache" >}}', '{{< param "thema" >}}', '{{< param "abschnitt" >}}', '{{< param "title" >}}', '{{< param name="fehlt" >}}']) {
      assert.deepEqual(missing(body), [], body);
    }
    assert.deepEqual(missing('{{< param "Farbe" >}}', 'farbe: rot\n'), []);
    const notFound = (key: string) => `error Neither the page nor the site gives the parameter "${key}" a value: Hugo's param shortcode stops the build.`;
    assert.deepEqual(missing('{{< param "fehlt" >}} {{< param "leer" >}} {{< param "tief.nicht" >}}'), [notFound('fehlt'), notFound('leer'), notFound('tief.nicht')]);
    // The page's value comes first, even where it is no value (0, false) and the site has one.
    assert.deepEqual(missing('{{< param "version" >}}', 'version: 0\n'), [notFound('version')]);
    assert.deepEqual(missing('{{< param >}}'), ["error Hugo's param shortcode names no parameter: its template stops the build."]);
    // A draft renders nothing; a template of the site's own, or configurations not all read, are not judged.
    assert.deepEqual(missing('{{< param "fehlt" >}}', 'draft: true\n'), []);
    hugo.paramShortcodeIsHugos = undefined;
    assert.deepEqual(missing('{{< param "fehlt" >}}'), []);
    hugo.paramShortcodeIsHugos = true;
    hugo.params = undefined;
    assert.deepEqual(missing('{{< param "fehlt" >}}'), []);
  });

  it('closed, by a closing of their name in either form or by themselves, are errors where no template of the name reads .Inner (hugo-shortcodes-closed-tag, -self)', () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf({ languages: [], problems: [] });
    hugo.shortcodes = new Set(['kasten', 'marke', 'figure', 'highlight']);
    hugo.innerShortcodes = new Set(['kasten', 'highlight']);
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    const closed = (body: string) =>
      documentDiagnostics(index, index.setDocument('file:///site/content/a.md', `---\ntitle: A\n---\n${body}`))
        .filter((diagnostic) => diagnostic.code === 'closed-shortcode')
        .map((diagnostic) => `${diagnostic.severity} ${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}`);
    const byTag = 'error 3:4 The template of shortcode "marke" reads no .Inner: Hugo refuses to build on its closing ({{< /marke >}}). Leave the closing out, and what stands between it and the shortcode outside.';
    for (const body of ['{{< marke "x" >}}Text{{< /marke >}}\n', '{{% marke "x" %}}Text{{% /marke %}}\n', '{{< marke "x" >}}Text{{% /marke %}}\n']) assert.deepEqual(closed(body), [byTag], body);
    assert.deepEqual(closed('{{< figure src="a.png" />}}\n'), ['error 3:4 The template of shortcode "figure" reads no .Inner: Hugo refuses to build on a shortcode of it closing itself (/>}}). Leave the slash out.']);
    // Left open, or a template that reads .Inner, or written as text, or a closing without a name (which only the templates give to one): no finding.
    for (const body of ['{{< marke "x" >}}\n', '{{< figure src="a.png" >}}\n', '{{< kasten />}}\n', '{{< kasten >}}x{{< /kasten >}}\n', '{{< highlight go >}}x{{< /highlight >}}\n', '{{</* marke "x" */>}}{{</* /marke */>}}\n', '{{< kasten >}}{{< marke "x" >}}{{< / >}}\n']) {
      assert.deepEqual(closed(body), [], body);
    }
    hugo.innerUnknownShortcodes = new Set(['marke']);
    assert.deepEqual(closed('{{< marke "x" >}}Text{{< /marke >}}\n'), [], 'a template calling one it does not define: not judged');
    hugo.innerShortcodes = undefined;
    assert.deepEqual(closed('{{< marke "x" >}}Text{{< /marke >}}\n'), [], 'templates not all seen: not judged');
  });

  it('left open, are errors where the template reads .Inner, closed in either form or closing themselves not', () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf({ languages: [], problems: [] });
    hugo.shortcodes = new Set(['kasten', 'hinweis', 'highlight']);
    hugo.innerShortcodes = new Set(['kasten', 'highlight']);
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    const unclosed = (body: string) =>
      documentDiagnostics(index, index.setDocument('file:///site/content/a.md', `---\ntitle: A\n---\n${body}`))
        .filter((diagnostic) => diagnostic.code === 'unclosed-shortcode')
        .map((diagnostic) => `${diagnostic.severity} ${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}`);
    assert.deepEqual(unclosed('{{< kasten >}}\nText\n'), ['error 3:4 The template of shortcode "kasten" reads .Inner: Hugo refuses to build until it is closed ({{< /kasten >}}) or closes itself ({{< kasten />}}).']);
    assert.deepEqual(unclosed('{{% highlight go %}}\nx := 1\n'), ['error 3:4 The template of shortcode "highlight" reads .Inner: Hugo refuses to build until it is closed ({{< /highlight >}}) or closes itself ({{< highlight />}}).']);
    for (const body of ['{{< kasten >}}x{{< /kasten >}}\n', '{{< kasten >}}x{{% /kasten %}}\n', '{{% kasten %}}x{{% /kasten %}}\n', '{{< kasten />}}\n', '{{< kasten title="a/b" / >}}\n', '{{< hinweis >}}\n', '{{</* kasten */>}}\n']) {
      assert.deepEqual(unclosed(body), [], body);
    }
    // Of two, the one no closing follows is open, and a closing closes the nearest opening before it.
    assert.deepEqual(unclosed('{{< kasten >}}a{{< /kasten >}} {{< kasten >}}\n').length, 1);
    assert.deepEqual(unclosed('{{< kasten >}}\n\n{{< kasten >}}b{{< /kasten >}}\n'), ['error 3:4 The template of shortcode "kasten" reads .Inner: Hugo refuses to build until it is closed ({{< /kasten >}}) or closes itself ({{< kasten />}}).']);
    assert.deepEqual(unclosed('{{< kasten >}}a {{< kasten >}}b{{< /kasten >}} c{{< /kasten >}}\n'), [], 'nested');
    // A closing of another name opened before closes it, as Hugo reads it (hugo-shortcodes-closed-by-another);
    // one of a name not opened before closes nothing (Hugo's lexer stops on it).
    assert.deepEqual(unclosed('{{< hinweis />}} {{< kasten >}}a{{< /hinweis >}}\n'), []);
    assert.deepEqual(unclosed('{{< kasten >}}a{{< /hinweis >}} {{< hinweis />}}\n').length, 1);
    // A closing without a name closes the innermost one still open (hugo-shortcodes-nameless, buildpacks).
    for (const body of ['{{< kasten >}}a{{</>}}\n', '{{< kasten >}}a{{< / >}}\n', '{{% kasten %}}a{{%/%}}\n', '{{< kasten >}}1 {{< highlight >}}2{{</>}} 3{{</ >}}\n']) assert.deepEqual(unclosed(body), [], body);
    // Hugo gives it to the innermost one whose template reads .Inner, which the text alone does not tell:
    // an opening before it is not called unclosed (`hinweis` reads none, and `kasten` is closed).
    assert.deepEqual(unclosed('{{< kasten >}}1 {{< hinweis >}}2{{</>}} 3\n'), []);
    assert.deepEqual(unclosed('{{</>}} {{< kasten >}}1\n').length, 1, 'a closing before it closes nothing');
    hugo.shortcodes = undefined;
    assert.deepEqual(unclosed('{{< kasten >}}\n'), [], 'templates not all seen: not judged');
  });

  it('knows which templates read .Inner in their actions: Hugo keeps the site\'s before a theme\'s of the same path, and may take any variant', () => {
    const site = createWorkspace({
      'content/a.md': '---\ntitle: A\n---\n',
      'hugo.toml': 'theme = "t"\n',
      'layouts/shortcodes/kasten.html': '<div>{{ .Inner }}</div>\n',
      'layouts/shortcodes/eingerueckt.html': '<div>{{- .InnerDeindent -}}</div>\n',
      'layouts/shortcodes/kommentar.html': '{{/* not .Inner */}}<hr>\n',
      'layouts/shortcodes/html.html': '<!-- .Inner is not read here --><style>.Inner { color: red }</style>{{ $text := "no .Inner" }}{{ $text }}\n',
      'layouts/shortcodes/variante.en.html': '<hr>\n',
      'themes/t/layouts/shortcodes/variante.html': '{{ .Inner | markdownify }}\n',
      'layouts/shortcodes/sprachen.html': '<div>{{ .Inner }}</div>\n',
      'layouts/shortcodes/sprachen.en.html': '<div></div>\n',
      'layouts/shortcodes/ueberschrieben.html': '<hr>\n',
      'themes/t/layouts/shortcodes/ueberschrieben.html': '{{ .Inner }}\n',
      'themes/t/layouts/shortcodes/thema.html': '{{ .Inner }}\n',
      'layouts/shortcodes/highlight.html': '<pre></pre>\n',
      // Hugo's walk follows a call into a template defined elsewhere (a partial), which may read .Inner
      // (hugo-shortcodes-closed-template-call); one the file defines itself, it can see.
      'layouts/shortcodes/gerufen.html': '{{ template "gerufen-inhalt" . }}\n',
      'layouts/partials/gerufen-inhalt.html': '{{ define "gerufen-inhalt" }}{{ .Inner }}{{ end }}\n',
      'layouts/shortcodes/selbst.html': '{{ define "selbst-inhalt" }}<hr>{{ end }}{{ template "selbst-inhalt" . }}\n',
    });
    try {
      const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
      assert.ok(found?.generator === 'hugo');
      assert.deepEqual([...found.hugo.innerShortcodes!].sort(), ['eingerueckt', 'kasten', 'sprachen', 'thema', 'variante']);
      assert.deepEqual([...found.hugo.innerUnknownShortcodes!].sort(), ['gerufen']);
    } finally {
      site.dispose();
    }
  });

  it('tell the [permalinks] sections no content folder has (coredns.io\'s page), counting folders mounted into the content, and none where a module is imported (hugo-permalinks-contentless-section)', () => {
    const contentless = (config: string, files: Record<string, string> = {}) => {
      const site = createWorkspace({ 'hugo.toml': config, 'content/blog/a.md': '---\ntitle: A\n---\n', 'handbuch/b.md': '---\ntitle: B\n---\n', ...files });
      try {
        const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
        assert.ok(found?.generator === 'hugo');
        return [...found.hugo.contentlessPatternSections].sort();
      } finally {
        site.dispose();
      }
    };
    const permalinks = '[permalinks]\npage = "/:title/"\nBlog = "/:year/:title/"\nhandbuch = "/h/:title/"\n';
    assert.deepEqual(contentless(permalinks), ['handbuch', 'page']);
    const mounts = '[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "handbuch"\ntarget = "content/handbuch"\n';
    assert.deepEqual(contentless(`${permalinks}${mounts}`), ['page']);
    assert.deepEqual(contentless(`${permalinks}[[module.imports]]\npath = "github.com/x/inhalt"\n`), []);
  });

  it('are known through imports that are folders of themesDir or of a replacement, and their own imports and themes, as a theme\'s; imports of files only bring none (hugo-module-imports, dexidp\'s docsy)', () => {
    const found = (files: Record<string, string>) => {
      const site = createWorkspace({ 'content/a.md': '---\ntitle: A\n---\n', 'layouts/shortcodes/eigen.html': '<hr>\n', ...files });
      try {
        const [hugoSite] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
        assert.ok(hugoSite?.generator === 'hugo');
        return { shortcodes: hugoSite.hugo.shortcodes === undefined ? undefined : [...hugoSite.hugo.shortcodes].filter((name) => !HUGO_SHORTCODES.includes(name)).sort(), linkRenderHook: hugoSite.hugo.linkRenderHook };
      } finally {
        site.dispose();
      }
    };
    const theme = {
      'themes/basis/layouts/shortcodes/hinweis.html': '{{ .Inner }}\n',
      'themes/basis/hugo.toml': '[[module.imports]]\npath = "github.com/x/symbole"\n[[module.imports.mounts]]\nsource = "scss"\ntarget = "assets/symbole"\n[[module.imports.mounts]]\nsource = "webfonts"\ntarget = "static/webfonts"\n',
      'themes/kurz/layouts/shortcodes/kurz.html': '<abbr></abbr>\n',
      'themes/symbole/layouts/shortcodes/symbol.html': '<span></span>\n',
    };
    const imports = '[module]\nreplacements = "github.com/x/kurz -> ./kurz, github.com/x/symbole -> symbole"\n[[module.imports]]\npath = "basis"\n[[module.imports]]\npath = "github.com/x/kurz"\n';
    assert.deepEqual(found({ ...theme, 'hugo.toml': imports }), { shortcodes: ['eigen', 'hinweis', 'kurz'], linkRenderHook: 'none' });
    // A theme's own `theme` is used too (checked by Hugo 0.111.3), and so is an import of files where it names no mounts.
    assert.deepEqual(found({ ...theme, 'hugo.toml': 'theme = "basis"\n', 'themes/basis/hugo.toml': 'theme = "kurz"\n' }).shortcodes, ['eigen', 'hinweis', 'kurz']);
    assert.deepEqual(found({ ...theme, 'hugo.toml': imports, 'themes/basis/hugo.toml': '[[module.imports]]\npath = "symbole"\n' }).shortcodes, ['eigen', 'hinweis', 'kurz', 'symbol']);
    // A render hook of an imported theme counts.
    assert.equal(found({ ...theme, 'hugo.toml': imports, 'themes/basis/layouts/_default/_markup/render-link.html': '{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ end }}\n' }).linkRenderHook, 'get-page');
    // Not known: an import to download (a go.mod), one not there, one that takes templates from elsewhere, imports not read.
    const unknown = { shortcodes: undefined, linkRenderHook: undefined };
    assert.deepEqual(found({ ...theme, 'hugo.toml': `${imports}[[module.imports]]\npath = "github.com/google/docsy"\n`, 'go.mod': 'module example.org/site\n\ngo 1.19\n' }), unknown);
    assert.deepEqual(found({ ...theme, 'hugo.toml': `${imports}[[module.imports]]\npath = "fehlt"\n` }), unknown);
    assert.deepEqual(found({ ...theme, 'hugo.toml': imports, 'themes/kurz/hugo.toml': '[[module.mounts]]\nsource = "../../node_modules/x/layouts"\ntarget = "layouts"\n' }), unknown);
    assert.deepEqual(found({ ...theme, 'hugo.toml': '[module]\nimports = ["basis"]\n' }), unknown);
    assert.deepEqual(found({ ...theme, 'hugo.toml': '[module]\nreplacements = "github.com/x/kurz -> ../../kurz"\n[[module.imports]]\npath = "github.com/x/kurz"\n' }), unknown);
    // With a go.mod, a path that is no Go module's is still a folder of themesDir; an import of files only may be downloaded.
    assert.deepEqual(found({ ...theme, 'hugo.toml': imports, 'go.mod': 'module example.org/site\n\ngo 1.19\n\nrequire github.com/x/symbole v1.0.0\n', 'themes/basis/hugo.toml': '[[module.imports]]\npath = "github.com/y/symbole"\n[[module.imports.mounts]]\nsource = "scss"\ntarget = "assets/symbole"\n' }).shortcodes, ['eigen', 'hinweis', 'kurz']);
  });

  it('are not judged where the site keeps templates in Hugo 0.146\'s _shortcodes folders, which Hugo 0.111 does not read; its render hooks still are (linkerd\'s, jaeger\'s)', () => {
    for (const place of ['layouts/_shortcodes/note.html', 'layouts/docs/_shortcodes/section-toc.html', 'themes/t/layouts/_shortcodes/note.html']) {
      const site = createWorkspace({
        'hugo.toml': 'theme = "t"\n',
        'content/a.md': '---\ntitle: A\n---\n',
        'layouts/shortcodes/alt.html': '<hr>\n',
        'layouts/_markup/render-link.html': '{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ end }}\n',
        'themes/t/layouts/shortcodes/thema.html': '<hr>\n',
        [place]: '{{ .Inner }}\n',
      });
      try {
        const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
        assert.ok(found?.generator === 'hugo');
        assert.equal(found.hugo.shortcodes, undefined, place);
        assert.equal(found.hugo.linkRenderHook, 'get-page', place);
      } finally {
        site.dispose();
      }
    }
  });

  it('tell how links are written: as they are without a link render hook, looked up as pages where every hook or Hugo\'s own does so (hugo-links, hugo-links-hook)', () => {
    const hookOf = (files: Record<string, string>) => {
      const site = createWorkspace({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/a.md': '---\ntitle: A\n---\n', ...files });
      try {
        const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
        return found?.generator === 'hugo' ? found.hugo.linkRenderHook : 'no Hugo site';
      } finally {
        site.dispose();
      }
    };
    const getPage = '{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ end }}';
    assert.equal(hookOf({}), 'none');
    assert.equal(hookOf({ 'layouts/_default/_markup/render-link.html': getPage }), 'get-page');
    assert.equal(hookOf({ 'themes/t/layouts/docs/_markup/render-link.html': getPage, 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "t"\n' }), 'get-page');
    assert.equal(hookOf({ 'layouts/_default/_markup/render-link.html': '<a href="{{ .Destination | relURL }}" target="_blank">{{ .Text }}</a>' }), undefined, 'a hook that writes links its own way');
    assert.equal(hookOf({ 'layouts/_default/_markup/render-link.html': '<a href="{{ .Destination | safeURL }}" target="_blank">{{ .Text }}</a>' }), 'none', 'a hook that writes the destination as it is (hugo-hooks-as-is)');
    assert.equal(hookOf({ 'layouts/_markup/render-link.html': '<a href="{{ .Destination | relURL }}">' }), undefined, "Hugo 0.146's place counts too");
    // Hugo's own hook where the configuration turns it on (Hugo 0.123 and later); not where it turns it off, nor the image hook's.
    assert.equal(hookOf({ 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nenableDefault = true\n' }), 'get-page');
    assert.equal(hookOf({ 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.goldmark.renderHooks.link]\nenableDefault = false\n[markup.goldmark.renderHooks.image]\nenableDefault = true\n' }), 'none');
    // Hugo 0.111.3, the judge, has no hook of its own in a site of several languages either (later versions turn theirs on there).
    assert.equal(hookOf({ 'hugo.toml': 'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n' }), 'none');
    // Templates not all on disk: not known.
    assert.equal(hookOf({ 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "fehlt"\n' }), undefined);
    // Modules the configuration imports may bring templates; a go.mod's requirements alone bring none, as Hugo 0.111 reads them
    // (kind's site requires Hugo itself: hugo-go-mod-tool, hugo-go-mod-unimported), nor does mounting the static folder as itself (keda's).
    const requiresDocsy = 'module example.org/site\n\ngo 1.19\n\nrequire github.com/google/docsy v0.7.1 // indirect\n';
    assert.equal(hookOf({ 'go.mod': requiresDocsy, 'hugo.toml': 'baseURL = "https://example.org/"\n[[module.imports]]\npath = "github.com/google/docsy"\n' }), undefined);
    assert.equal(hookOf({ 'go.mod': requiresDocsy }), 'none');
    assert.equal(hookOf({ 'go.mod': 'module example.org/site\n\ngo 1.19\n' }), 'none');
    assert.equal(hookOf({ 'layouts/_default/_markup/render-link.html': getPage, 'hugo.toml': 'baseURL = "https://example.org/"\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n' }), 'get-page');
  });

  it('know which parameters a template hands to ref or relref, in the forms themes write it; the site\'s template before a theme\'s', () => {
    const cases: Array<[string, string[]]> = [
      // hugo-book's button.
      ['{{ $ref := "" }}\n{{ with .Get "href" }}\n  {{ $ref = . }}\n{{ end }}\n{{ with .Get "relref" }}\n  {{ $ref = relref $ . }}\n{{ end }}\n<a href="{{ $ref }}">{{ .Inner }}</a>\n', ['relref']],
      ['<a href="{{ relref . (.Get "seite") }}">{{ .Inner }}</a>', ['seite']],
      ['{{- .Get 0 | relref .Page -}}', ['0']],
      ['{{ (.Get `ziel`) | ref $ }}', ['ziel']],
      ['{{ $p := .Get "pfad" }}{{ ref . $p }}', ['pfad']],
      ['{{ with .Get "a" }}{{ if true }}{{ relref $ . }}{{ end }}{{ end }}', ['a']],
      ['{{ with .Get "a" }}{{ else with .Get "b" }}{{ relref $ . }}{{ end }}', ['b']],
      ['{{ with .Get "a" }}x{{ else }}{{ relref $ . }}{{ end }}', []],
      ['{{ range .Params }}{{ relref $ . }}{{ end }}', []],
      ['{{/* {{ relref . (.Get "x") }} */}}{{ relref . "fest" }}', []],
      ['{{ relref . (dict "path" (.Get "p")) }}', []],
      ['{{ with $p := .Get "to" }}{{ relref $ $p }}{{ end }}', ['to']],
      ['{{ $u := .Get "u" }}{{ if not (hasPrefix $u "http") }}{{ $u = relref . $u }}{{ end }}<a href="{{ $u }}">', ['u']],
      ['{{ $t := .Get "titel" | upper }}{{ relref . $t }}', []],
    ];
    for (const [template, parameters] of cases) assert.deepEqual([...refParametersOfTemplate(template)].sort(), parameters, template);
    // Those it hands to ref whenever they are given: not only under a condition on something else, which Hugo 0.111.3
    // builds past where the condition fails (hugo-refs-shortcode-conditional); a test of the parameter itself, or of
    // whether it is a web address (either branch), counts as none.
    const unconditional: Array<[string, string[]]> = [
      [cases[0][0], ['relref']],
      ['{{ $p := .Get "pfad" }}{{ ref . $p }}', ['pfad']],
      ['{{ if .Get "extern" }}{{ .Get "p" }}{{ else }}{{ ref .Page (.Get "p") }}{{ end }}', []],
      ['{{ if eq (.Get "art") "intern" }}{{ ref .Page (.Get "p") }}{{ end }}', []],
      ['{{ with .Get "a" }}{{ if true }}{{ relref $ . }}{{ end }}{{ end }}', []],
      ['{{ $u := .Get "u" }}{{ if not (hasPrefix $u "http") }}{{ $u = relref . $u }}{{ end }}', ['u']],
      ['{{ $p := .Get "p" }}{{ if strings.HasPrefix $p "http" }}{{ $p }}{{ else }}{{ ref .Page $p }}{{ end }}', ['p']],
      ['{{ if .Get "p" }}{{ relref . (.Get "p") }}{{ end }}{{ relref . (.Get "q") }}', ['p', 'q']],
    ];
    for (const [template, parameters] of unconditional) {
      const found = new Set<string>();
      refParametersOfTemplate(template, found);
      assert.deepEqual([...found].sort(), parameters, template);
    }
    const site = createWorkspace({
      'content/a.md': '---\ntitle: A\n---\n',
      'hugo.toml': 'theme = "t"\n',
      'themes/t/layouts/shortcodes/knopf.html': '<a href="{{ relref . (.Get "ziel") }}">{{ .Inner }}</a>\n',
      'themes/t/layouts/shortcodes/ueberschrieben.html': '{{ relref . (.Get 0) }}\n',
      'layouts/shortcodes/ueberschrieben.html': '<hr>\n',
      'layouts/shortcodes/sprache.de.html': '{{ ref . (.Get "de") }}\n',
      'layouts/shortcodes/sprache.html': '{{ ref . (.Get "en") }}\n',
    });
    try {
      const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
      assert.ok(found?.generator === 'hugo');
      assert.deepEqual([...found.hugo.refShortcodeParameters!].map(([name, keys]) => `${name}: ${[...keys].sort().join(', ')}`).sort(), ['knopf: ziel', 'sprache: de, en']);
    } finally {
      site.dispose();
    }
  });

  it('need no title in a section\'s _index file, which Hugo titles by its folder, nor in a page Hugo does not render', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf({ languages: [], problems: [] }), now: NOW }]);
    const files: Record<string, string> = {
      'content/g/_index.md': '---\nweight: 20\n---\n',
      'content/_index.md': '---\nweight: 1\n---\n',
      'content/menu/index.md': '---\nheadless: true\n---\n- [A](/g/a/)\n',
      'content/g/a.md': '---\nweight: 2\n---\nText.\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`file:///site/${file}`, text);
    const missing = Object.keys(files).filter((file) => documentDiagnostics(index, index.getDocument(`file:///site/${file}`)!).some((diagnostic) => diagnostic.code === 'missing-key'));
    assert.deepEqual(missing, ['content/g/a.md']);
  });

  it('are read in linear time however hostile the template: long runs of blanks, open actions and comments', () => {
    const templates: Record<string, (size: number) => string> = {
      'blanks after else with': (size) => `{{ with .Get "a" }}{{ else with ${' '.repeat(size)}x }}`,
      'blanks before .Gex': (size) => `{{ ( ${' '.repeat(size)}.Gex }}`,
      'blanks after relref': (size) => `{{ relref ${' '.repeat(size)}x }}`,
      'blanks before a pipe': (size) => `{{ .${' '.repeat(size)}| relref $ }}`,
      'open actions': (size) => '{{'.repeat(size),
      'open comments': (size) => '{{/*'.repeat(size),
      'short actions of blanks': (size) => `{{ with ${' '.repeat(290)}x }}{{ end }}`.repeat(Math.ceil(size / 300)),
    };
    for (const [name, template] of Object.entries(templates)) {
      const growth = growthOf((size) => refParametersOfTemplate(template(size)), 40_000);
      assert.equal(superLinear(name, 40_000, growth), undefined);
    }
  });

  it('that hand a parameter to ref are judged as refs: a failed build where no page of the site has its name', () => {
    const index = new GlossaryIndex();
    const hugo = hugoSiteOf({ languages: [], problems: [] });
    hugo.shortcodes = new Set(['knopf']);
    hugo.refShortcodeParameters = new Map([['knopf', new Set(['ziel', '0'])]]);
    index.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo, now: NOW }]);
    index.setDocument('file:///site/content/docs/da.md', '---\ntitle: Da\n---\n');
    const page = index.setDocument('file:///site/content/docs/a.md', '---\ntitle: A\n---\n{{< knopf ziel="/docs/fehlt" >}}Los{{< /knopf >}} {{< knopf ziel="/docs/da" >}}x{{< /knopf >}} {{< knopf "fehlt2" >}} {{< knopf klasse="fehlt3" >}}\n{{< knopf ziel="/docs/fehlt4" ziel="/docs/da" >}} {{< knopf ziel="https://example.com/x" >}} {{< knopf ziel="//cdn.example.com/y" >}}\n');
    const refs = documentDiagnostics(index, page)
      .filter((diagnostic) => diagnostic.code === 'broken-link')
      .map((diagnostic) => `${diagnostic.severity} ${diagnostic.range.start.character}-${diagnostic.range.end.character} ${diagnostic.message}`);
    assert.deepEqual(refs, [
      'error 16-27 Hugo\'s ref finds no page at "/docs/fehlt": it looks a path up from the page\'s folder and from the content folder, not by the name elsewhere. The build fails.',
      'error 106-112 No page of the site is named "fehlt2": Hugo\'s ref finds none, and the build fails.',
    ]);
    assert.ok(index.documentsWithHugoRefs().has('file:///site/content/docs/a.md'));
  });

  it('with templates found where Hugo looks: the site\'s and its themes\' layouts/shortcodes; not judged with modules or a theme not on disk', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'hugo-shortcodes-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
        writeFileSync(path.join(site, file), text);
      };
      write('content/a.md', '---\ntitle: A\n---\n');
      for (const file of ['layouts/shortcodes/hinweis.html', 'layouts/shortcodes/kasten/innen.html', 'layouts/shortcodes/nur.en.html', 'layouts/shortcodes/Gross.html', 'themes/t/layouts/shortcodes/abk.html']) write(file, '<p></p>\n');
      const shortcodesOf = (config: string) => {
        write('hugo.toml', config);
        const [found] = findSites([site], new GlossaryScope([site]), () => {}).sites;
        return found?.generator === 'hugo' ? found.hugo.shortcodes : 'no Hugo site';
      };
      write('layouts/shortcodes/mein.code.html', '<p></p>\n');
      write('layouts/shortcodes/alt.html~', '<p></p>\n');
      write('shared/verknuepft.html', '<p></p>\n');
      symlinkSync(path.join(site, 'shared/verknuepft.html'), path.join(site, 'layouts/shortcodes/verknuepft.html'));
      write('themes/t/config.toml', '[params]\ntheme = "dunkel"\n');
      const names = shortcodesOf('theme = "t"\n');
      assert.ok(names instanceof Set);
      for (const name of ['hinweis', 'kasten/innen', 'nur', 'Gross', 'abk', 'youtube', 'highlight', 'mein', 'verknuepft']) assert.ok(names.has(name), name);
      // By the exact name; a name with a dot is an inline shortcode's only; an editor's backup is no template.
      for (const name of ['gross', 'Hinweis', 'kasten', 'mein.code', 'alt']) assert.ok(!names.has(name), name);
      assert.equal(shortcodesOf('theme = "fehlt"\n'), undefined, 'a theme not on disk');
      assert.equal(shortcodesOf('[module]\n[[module.imports]]\npath = "github.com/x/y"\n'), undefined, 'modules');
      write('templates/shortcodes/eigen.html', '<p></p>\n');
      const withLayoutDir = shortcodesOf('layoutDir = "templates"\n');
      assert.ok(withLayoutDir instanceof Set && withLayoutDir.has('eigen') && !withLayoutDir.has('hinweis'), 'layoutDir');
      write('themes/t/config/_default/hugo.toml', 'theme = "komponente"\n');
      assert.equal(shortcodesOf('theme = ["t"]\n'), undefined, 'a theme with themes of its own, in its configuration folder');
      rmSync(path.join(site, 'themes/t/config'), { recursive: true });
      write('themes/t/config.toml', '[module]\n[[module.imports]]\npath = "innen"\n');
      assert.equal(shortcodesOf('theme = ["t"]\n'), undefined, 'a theme importing modules');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('Hugo configuration: ignoreFiles and disableKinds', () => {
  const site = (config: string) => hugoSiteOf(readHugoConfig(config, 'hugo.toml'));
  const reasonOf = (hugo: HugoSite, file: string) => {
    const page = hugoPageOf(hugo, file, [], NOW, { absolutePath: `/site/${file}` });
    return page?.published ? page.permalink : page?.unpublishedReason;
  };

  it('reads no file whose absolute path an ignoreFiles pattern matches, in Go\'s syntax, in time linear in the path', () => {
    const hugo = site('ignoreFiles = ["(?i)\\\\.ENTWURF\\\\.md$", "^content/", "(?<=x)y", "/site/content/alt/", "/[[:upper:]]{3}\\\\.md\\\\z", "(a+)+$"]');
    assert.equal(hugo.ignoreFiles.length, 5, 'a lookbehind is no RE2: left out');
    const started = performance.now();
    assert.equal(reasonOf(hugo, `content/${'a'.repeat(5000)}b.md`), `/${'a'.repeat(5000)}b/`);
    assert.ok(performance.now() - started < 1000, 'a pattern that backtracks in JavaScript takes linear time');
    assert.deepEqual(['content/ABC.md', 'content/xABC.md'].map((file) => reasonOf(hugo, file)), ['excluded', '/xabc/'], 'POSIX classes and \\z, as Go reads them');
    assert.deepEqual(['content/a.entwurf.md', 'content/a.md', 'content/alt/b.md'].map((file) => reasonOf(hugo, file)), ['excluded', '/a/', 'excluded']);
  });

  it('builds no page of a disabled kind: regular pages and leaf bundles, sections, the home page', () => {
    const pages = site('disableKinds = ["page"]');
    assert.deepEqual(['content/g/a.md', 'content/g/b/index.md', 'content/g/_index.md'].map((file) => reasonOf(pages, file)), ['not-rendered', 'not-rendered', '/g/']);
    const page = site('disableKinds = "page"\nignoreFiles = "x\\\\.md$"');
    assert.deepEqual(['content/g/a.md', 'content/g/x.md'].map((file) => reasonOf(page, file)), ['not-rendered', 'excluded'], 'a single string is a list of one, as Hugo reads it');
    const home = site('disableKinds = ["home"]');
    assert.deepEqual(['content/_index.md', 'content/index.md', 'content/g/_index.md'].map((file) => reasonOf(home, file)), ['not-rendered', 'not-rendered', '/g/']);
  });
});

describe('duplicate-route', () => {
  it('warns on each page built at the URL of another, in Hugo and Docusaurus, but not on a doc id twice (duplicate-id\'s)', () => {
    const hugo = indexWith({
      'content/g/a.md': '---\ntitle: A\nslug: fest\n---\n',
      'content/g/b.md': '---\ntitle: B\nslug: fest\n---\n',
      'content/g/c.md': '---\ntitle: C\n---\n',
    });
    const routeWarnings = (index: GlossaryIndex, uri: string) => documentDiagnostics(index, index.getDocument(uri)!).filter((diagnostic) => diagnostic.code === 'duplicate-route').map((diagnostic) => diagnostic.message);
    assert.deepEqual(routeWarnings(hugo, 'file:///site/content/g/a.md'), ['Hugo builds another page at this URL too (/g/fest/): b.md. It writes only one of them.']);
    assert.deepEqual(routeWarnings(hugo, 'file:///site/content/g/c.md'), []);

    const docusaurus = new GlossaryIndex();
    docusaurus.setSites([defaultDocusaurusSite('file:///site')]);
    docusaurus.setDocument('file:///site/docs/a.md', '---\ntitle: A\nslug: /fest\n---\n');
    docusaurus.setDocument('file:///site/docs/b.md', '---\ntitle: B\nslug: /fest\n---\n');
    docusaurus.setDocument('file:///site/docs/x/c.md', '---\ntitle: C\nid: same\n---\n');
    docusaurus.setDocument('file:///site/docs/x/d.md', '---\ntitle: D\nid: same\n---\n');
    assert.deepEqual(routeWarnings(docusaurus, 'file:///site/docs/a.md'), ['Docusaurus builds another page at this URL too (/docs/fest): b.md. It writes only one of them.']);
    assert.deepEqual(routeWarnings(docusaurus, 'file:///site/docs/x/c.md'), [], 'one doc id twice is duplicate-id\'s');
  });

  it('warns on a Hugo page built where Hugo writes the list page of a top-level folder without an _index file, or of a taxonomy (hello-friend-ng\'s about.md beside about/me.md); not on a top-level leaf bundle, nor on a taxonomy\'s own _index.md', () => {
    const index = indexWith({
      'content/about.md': '---\ntitle: About\n---\n',
      'content/about/me.md': '---\ntitle: Me\n---\n',
      'content/categories.md': '---\ntitle: Categories\n---\n',
      'content/tags/_index.md': '---\ntitle: Tags\n---\n',
      'content/team/index.md': '---\ntitle: Team\n---\n',
      'content/posts/p1/index.md': '---\ntitle: P1\nurl: /posts/\n---\n',
      'content/drafts.md': '---\ntitle: Drafts\n---\n',
      'content/drafts/d.md': '---\ntitle: D\ndraft: true\n---\n',
    });
    const routeWarnings = (uri: string) => documentDiagnostics(index, index.getDocument(uri)!).filter((diagnostic) => diagnostic.code === 'duplicate-route').map((diagnostic) => diagnostic.message);
    const listPage = (path: string) => `Hugo builds the list page of a section or a taxonomy at this URL too (${path}). It writes only one of them.`;
    assert.deepEqual(
      ['about.md', 'about/me.md', 'categories.md', 'tags/_index.md', 'team/index.md', 'posts/p1/index.md', 'drafts.md'].map((file) => routeWarnings(`file:///site/content/${file}`)),
      [[listPage('/about/')], [], [listPage('/categories/')], [], [], [listPage('/posts/')], []],
    );
    // The section's first page comes: the page at its URL is checked again.
    const created = index.setDocument('file:///site/content/drafts/e.md', '---\ntitle: E\n---\n');
    assert.ok(affectedDocuments(index, created.uri, undefined, created).has('file:///site/content/drafts.md'));
    assert.deepEqual(routeWarnings('file:///site/content/drafts.md'), [listPage('/drafts/')]);
    // Without the taxonomies' lists (`disableKinds = ["taxonomy"]`), nothing else is at `/categories/`.
    const withoutLists = new GlossaryIndex();
    withoutLists.setSites([{ generator: 'hugo', rootUri: 'file:///site', hugo: hugoSiteOf(readHugoConfig('disableKinds = ["taxonomy"]\nignoreErrors = ["error-disable-taxonomy"]\n', 'hugo.toml')), now: NOW }]);
    const categories = withoutLists.setDocument('file:///site/content/categories.md', '---\ntitle: Categories\n---\n');
    assert.deepEqual(documentDiagnostics(withoutLists, categories).filter((diagnostic) => diagnostic.code === 'duplicate-route'), []);
  });
});

describe('which links a link render hook looks up as pages', () => {
  it('reads the branches around each .GetPage: all, only relative links (linkerd), only links from the root (hextra); not what an "or" decides (hugo-links-hook-relative, -absolute)', () => {
    const relative = '{{- $u := urls.Parse .Destination }}{{- $h := $u.String }}{{- if strings.HasPrefix $h "#" }}{{ $h = printf "#%s" $u.Fragment }}{{- else if and $h (not $u.IsAbs) (not (strings.HasPrefix $h "/")) }}{{- with or ($.PageInner.GetPage $u.Path) ($.PageInner.Resources.Get $u.Path) }}{{ $h = .RelPermalink }}{{ end }}{{ end }}<a href="{{ $h }}">{{ .Text }}</a>';
    const absolute = '{{- $dest := .Destination -}}{{- if and $dest (hasPrefix $dest "/") -}}{{- with .PageInner.GetPage $dest -}}{{ $dest = .RelPermalink }}{{- end -}}{{- end -}}<a href="{{ $dest }}">{{ .Text }}</a>';
    const all = '{{ $link := .Destination }}{{ if not (strings.HasPrefix $link "http") }}{{ with .Page.GetPage $link }}{{ $link = .RelPermalink }}{{ end }}{{ end }}<a href="{{ $link }}">{{ .Text }}</a>';
    // In the else branch of a test for "/": relative links.
    const otherwise = '{{ if hasPrefix .Destination "/" }}<a href="{{ .Destination }}">{{ else }}{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ end }}{{ end }}';
    const either = '{{ if or (hasPrefix .Destination "/") .Title }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}';
    const commented = '{{/* if hasPrefix .Destination "/" */}}{{ with .Page.GetPage .Destination }}{{ end }}';
    assert.deepEqual([relative, absolute, all, otherwise, either, commented, '<a href="{{ .Destination }}">{{ .Text }}</a>'].map(pageLookupsOf), ['relative', 'absolute', 'all', 'relative', 'all', 'all', undefined]);
  });

  it('tells the destinations a hook sets aside before every lookup of its own (Hugo\'s documentation: [term](g)); not those a partial it defines looks up, nor a test that decides nothing alone (hugo-links-hook-set-aside)', () => {
    const glossary = '{{- $u := urls.Parse .Destination }}{{- if eq $u.String "g" }}{{ partial "inline/g.html" . }}{{- else if $u.IsAbs }}<a href="{{ $u }}">{{- else }}{{- with $u.Path }}{{- with $p := or ($.PageInner.GetPage .) ($.PageInner.GetPage (strings.TrimRight "/" .)) }}<a href="{{ .RelPermalink }}">{{ end }}{{ end }}{{ end }}{{- define "_partials/inline/g.html" }}{{ with site.GetPage "/glossary" }}{{ end }}{{ end }}';
    const reversed = '{{ if eq "g" .Destination }}x{{ else if (eq $.Destination "glossar") }}y{{ else }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}';
    // Tested with another test, or in the branch of the lookup itself, or of another text than the destination: nothing set aside.
    const withAnd = '{{ if and (eq .Destination "g") .Title }}x{{ else }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}';
    const inBranch = '{{ if eq .Destination "g" }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}';
    const otherText = '{{ if eq .Title "g" }}x{{ else }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}';
    // A second lookup outside the branch: the word reaches it.
    const twice = '{{ if eq .Destination "g" }}x{{ else }}{{ with .Page.GetPage .Destination }}{{ end }}{{ end }}{{ with .Page.GetPage .Destination }}{{ end }}';
    assert.deepEqual([glossary, reversed, withAnd, inBranch, otherText, twice].map(destinationsSetAsideOf), [['g'], ['g', 'glossar'], [], [], [], []]);
    // Hugo's documentation's hook looks a link up again without its final slash, which Hugo 0.111's lookup keeps.
    assert.deepEqual([glossary, reversed, '{{ with or (.Page.GetPage .Destination) (.Page.GetPage (strings.TrimSuffix "/" .Destination)) }}{{ end }}', '{{ with .Page.GetPage .Destination }}{{ end }}{{- /* before: {{ with .Page.GetPage (strings.TrimRight "/" .Destination) }} */ -}}'].map(looksUpWithoutFinalSlash), [true, false, true, false]);
  });

  it('sets aside a destination with any fragment or query where the hook tests its path (eq $u.Path "g"), as Hugo 0.111.3 does; not where it tests the whole destination', () => {
    const hook = (tested: string) => `{{ $u := urls.Parse .Destination }}{{ if eq ${tested} "g" }}<span>{{ .Text }}</span>{{ else }}{{ with .Page.GetPage $u.Path }}<a href="{{ .RelPermalink }}">{{ end }}{{ end }}`;
    assert.deepEqual(['$u.Path', '$u.String', '.Destination'].map((tested) => [destinationsSetAsideOf(hook(tested)), destinationPathsSetAsideOf(hook(tested))]), [[['g'], ['g']], [['g'], []], [['g'], []]]);
    const site = createWorkspace({
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'layouts/_default/_markup/render-link.html': hook('$u.Path'),
      'content/docs/a.md': '---\ntitle: A\n---\nLinks [a](g), [b](g#x), [c](g?q=1), [d](gg#x).\n',
    });
    try {
      const [found] = findSites([site.root], new GlossaryScope([site.root]), () => {}).sites;
      const index = new GlossaryIndex();
      index.setSites([found!]);
      const uri = pathToFileURL(path.join(site.root, 'content/docs/a.md')).href;
      index.setDocument(uri, readFileSync(path.join(site.root, 'content/docs/a.md'), 'utf8'));
      const broken = documentDiagnostics(index, index.getDocument(uri)!).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
      assert.deepEqual(broken, ['No glossary entry at "gg#x".']);
    } finally {
      site.dispose();
    }
  });

  it('tells a hook that writes the destination as it is, with tests of its text around it (grpc.io, falco, hugo-geekdoc; hugo-hooks-as-is)', () => {
    const grpc = '{{ $isExternal := or (hasPrefix .Destination "http") (findRE "^(|../)(api)(\\\\?.*)?$" .Destination) -}}\n<a href="{{ .Destination | safeURL }}"{{ if $isExternal }} target="_blank"{{ end }}>{{ .Text | safeHTML }}</a>';
    const falco = '<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}" loading="lazy" />';
    const geekdoc = '<img\n  src="{{ .Destination | safeURL }}"\n  alt="{{ .Text }}"\n/>';
    // velero's and carvel's image hook: it computes `$link` from the destination, tests it, and writes the destination itself.
    const velero =
      '{{ $link := .Destination }}\n{{ if not (strings.HasPrefix $link "http") }}\n    {{ if strings.HasSuffix .Page.Parent.RelPermalink "docs/" }}\n        {{ $link = printf "%s%s" .Page.RelPermalink .Destination }}\n    {{ else }}\n        {{- $link = printf "%s%s" .Page.Parent.RelPermalink .Destination -}}\n    {{ end }}\n{{ end }}\n<p>\n    <img src="{{ .Destination | safeURL }}" alt="{{ .Text }}" {{ with .Title}} title="{{ . }}"{{ end }} />\n</p>';
    assert.deepEqual([writesDestinationAsIs(grpc, 'link'), writesDestinationAsIs(falco, 'image'), writesDestinationAsIs(geekdoc, 'image'), writesDestinationAsIs(velero, 'image')], [true, true, true, true]);
    assert.equal(writesDestinationAsIs('{{ $d := .Destination }}<a href="{{ .Destination }}">{{ .Text }}</a>', 'link'), true, 'a variable never written');
    // Not where the destination is changed, looked up, or written elsewhere too, itself or by a variable holding it; nor a link hook's `src`.
    const changed = [
      '<a href="{{ .Destination | relURL }}">{{ .Text }}</a>',
      '<a href="/docs/{{ .Destination }}">{{ .Text }}</a>',
      '{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ else }}<a href="{{ .Destination }}">{{ end }}',
      '<a href="{{ .Destination }}" data-alt="{{ .Destination }}">{{ .Text }}</a>',
      '{{ $d := .Destination }}<a href="{{ .Destination }}" data-alt="{{ $d }}">{{ .Text }}</a>',
      '{{ $d := .Destination }}<a href="{{ .Destination }}">{{ partial "x" $d }}</a>',
      '{{ $d := .Destination }}{{ $e := $d }}<a href="{{ .Destination }}">{{ $e }}</a>',
      '{{ with .Destination }}<a href="{{ $.Destination }}">{{ . }}</a>{{ end }}',
    ];
    assert.deepEqual(changed.map((template) => writesDestinationAsIs(template, 'link')), [false, false, false, false, false, false, false, false]);
    assert.equal(writesDestinationAsIs(falco, 'link'), false);
  });

  // hugo-book's link hook as flink-cdc vendors it (a486adf), and as the theme has it now (with its partial).
  const BOOK_HOOK =
    '{{- if .Page.Site.Params.BookPortableLinks -}}\n  {{- template "portable-link" . -}}\n{{- else -}}\n  <a href="{{ .Destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>\n{{- end -}}\n\n' +
    '{{- define "portable-link" -}}\n  {{- $destination := .Destination }}\n  {{- $isRemote := or (in .Destination ":") (strings.HasPrefix .Destination "//") }}\n  {{- if not $isRemote }}\n    {{- $url := urls.Parse .Destination }}\n' +
    '    {{- $path := strings.TrimSuffix "/_index.md" $url.Path }}\n    {{- $path = strings.TrimSuffix "/_index" $path }}\n    {{- $path = strings.TrimSuffix ".md" $path }}\n    {{- $page := .Page.GetPage $path }}\n' +
    '    {{- if $page }}\n      {{- $destination = $page.RelPermalink }}\n    {{- end }}\n  {{- end }}\n  <a href="{{ $destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>\n{{- end -}}\n';
  const BOOK_HOOK_NOW =
    '{{- $destination := .Destination -}}\n{{- if .Page.Site.Params.BookPortableLinks -}}\n  {{- $destination = partial "docs/links/portable-link" . -}}\n{{- end -}}\n<a href="{{ $destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>\n{{- /**/ -}}';

  it("takes a hook's branches on a site parameter as the configuration sets them (hugo-book's BookPortableLinks; hugo-links-hook-book, -off, -current)", () => {
    const on = (name: string) => (name === 'bookportablelinks' ? true : name === 'other' ? undefined : false);
    const off = (name: string) => (name === 'other' ? undefined : false);
    // On: the portable link, looked up as a page, its path trimmed first; off: the destination as it is, the unused `define` gone.
    assert.equal(withSiteParams(BOOK_HOOK, on).includes('.GetPage'), true);
    assert.equal(writesDestinationAsIs(withSiteParams(BOOK_HOOK, on), 'link'), false);
    assert.deepEqual(lookupSuffixesTrimmedOf(withSiteParams(BOOK_HOOK, on)), ['/_index.md', '/_index', '.md']);
    assert.equal(withSiteParams(BOOK_HOOK, off).trim(), '<a href="{{ .Destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>');
    assert.equal(writesDestinationAsIs(withSiteParams(BOOK_HOOK, off), 'link'), true);
    assert.equal(writesDestinationAsIs(BOOK_HOOK, 'link'), false, 'both branches: not as it is');
    // The theme's hook now: a variable given the destination, and set again only in the branch the parameter takes.
    assert.equal(withSiteParams(BOOK_HOOK_NOW, on).includes('partial "docs/links/portable-link"'), true);
    assert.equal(writesDestinationAsIs(withSiteParams(BOOK_HOOK_NOW, off), 'link'), true);
    assert.equal(writesDestinationAsIs(BOOK_HOOK_NOW, 'link'), false);
    // A parameter that is not one thing in every language, and tests of anything else, leave every branch.
    const other = BOOK_HOOK.replace('BookPortableLinks', 'Other');
    assert.equal(withSiteParams(other, on), other);
    const title = '{{ if .Title }}a{{ else }}b{{ end }}';
    assert.equal(withSiteParams(title, on), title);
    // `not`, `site.Params`, `else if` chains, nested branches.
    assert.equal(withSiteParams('{{ if not site.Params.bookPortableLinks }}a{{ else }}b{{ end }}', on), 'b');
    assert.equal(withSiteParams('{{ if .Site.Params.x }}a{{ else if .Title }}b{{ else }}c{{ end }}', off), '{{ if .Title }}b{{ else }}c{{ end }}');
    assert.equal(withSiteParams('{{ if .Title }}{{ if $.Page.Site.Params.BookPortableLinks }}a{{ else }}b{{ end }}{{ end }}', on), '{{ if .Title }}a{{ end }}');
    assert.equal(withSiteParams('{{ if .Site.Params.x }}{{ if .Title }}a{{ end }}{{ else if .Site.Params.BookPortableLinks }}b{{ else }}c{{ end }}', on), 'b');
  });

  it("reads the site's parameters, and each language's over them, for the hook's branches", () => {
    const site = (config: string) => {
      const workspace = createWorkspace({ 'hugo.toml': config, 'content/docs/a.md': '---\ntitle: A\n---\n', 'layouts/_default/_markup/render-link.html': BOOK_HOOK });
      try {
        const [found] = findSites([workspace.root], new GlossaryScope([workspace.root]), () => {}).sites;
        return found?.generator === 'hugo' ? [found.hugo.linkRenderHook, found.hugo.linkLookupSuffixesTrimmed] : undefined;
      } finally {
        workspace.dispose();
      }
    };
    const trims = ['/_index.md', '/_index', '.md'];
    assert.deepEqual(site('[params]\nBookPortableLinks = true\n'), ['get-page', trims]);
    assert.deepEqual(site('[params]\nbookportablelinks = "false"\n'), ['get-page', trims], 'a text, true to a template');
    assert.deepEqual(site('[params]\nBookPortableLinks = false\n'), ['none', undefined]);
    assert.deepEqual(site('title = "x"\n'), ['none', undefined]);
    assert.deepEqual(site('[params]\nBookPortableLinks = true\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n[languages.de.params]\nbookPortableLinks = 0\n'), ['get-page', trims], 'languages that differ: both branches, as before');
    assert.deepEqual(site('[languages.en]\n[languages.en.params]\nBookPortableLinks = true\n'), ['get-page', trims]);
  });

  it('writes the links a hook does not look up as they are', () => {
    const hugo = { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'get-page' as const, linkLookups: 'relative' as const };
    assert.deepEqual(['sib.md', '/docs/sib.md'].map((target) => linkHookFor(hugo, target)), ['get-page', 'none']);
    assert.deepEqual(['sib.md', '/docs/sib.md'].map((target) => linkHookFor({ ...hugo, linkLookups: 'absolute' }, target)), ['none', 'get-page']);
    assert.deepEqual(['sib.md', '/docs/sib.md'].map((target) => linkHookFor({ ...hugo, linkLookups: undefined }, target)), ['get-page', 'get-page']);
  });
});

describe('Hugo definitions as the page\'s readers see them', () => {
  const definitionOf = (body: string, hugo = true) => parseDocument('file:///site/content/x.md', `---\ntitle: X\n---\n\n${body}\n`, undefined, { hugo }).term?.definition;

  it('start after the notices shortcodes write: a paragraph of calls alone, one a paired shortcode wraps, every paragraph between an opening and its closing', () => {
    assert.equal(definitionOf('{{< feature-state for_k8s_version="v1.26" state="alpha" >}}\n\nA Pod runs containers.'), 'A Pod runs containers.');
    assert.equal(definitionOf('{{% alert title="Note" color="warning" %}}\nThis feature is in alpha.\n{{% /alert %}}\n\nKatib tunes models.'), 'Katib tunes models.');
    assert.equal(definitionOf('{{< note >}}\n\nA notice.\n\nMore notice.\n\n{{< /note >}}\n\nNotes are notes.'), 'Notes are notes.');
    // Indented, or with blanks after the closing: wrapped all the same.
    assert.equal(definitionOf('  {{% alert %}}\n  This feature is in alpha.\n  {{% /alert %}}  \n\nKatib tunes models.'), 'Katib tunes models.');
    assert.equal(definitionOf('{{< warning >}}\n\n{{< section-toc >}}\n\nThe reference.'), 'The reference.');
    // An opening never closed takes nothing after it (Hugo fails on one whose template reads .Inner).
    assert.equal(definitionOf('{{< note >}}\n\nA note never closed.'), 'A note never closed.');
    // Prose that opens with an inline pair is prose.
    assert.equal(definitionOf('{{< gloss >}}Pods{{< /gloss >}} are the smallest units.'), 'Pods are the smallest units.');
    assert.equal(definitionOf('{{< gloss >}}Pods{{< /gloss >}} are the {{< em >}}smallest{{< /em >}}\n\nMore.'), 'Pods are the smallest');
    assert.equal(definitionOf('{{< gloss >}}Pods{{< /gloss >}} run on a {{< glossary_tooltip text="node" term_id="node" >}}\n\nMore.'), 'Pods run on a node');
    // A notice with words is what the page says where it says nothing else; calls alone say nothing.
    assert.equal(definitionOf('{{% alert title="Note" %}}\nOnly this notice.\n{{% /alert %}}'), 'Only this notice.');
    assert.equal(definitionOf('{{< cli-description "install" >}}'), '');
    // A page no Hugo site reads keeps its text as written.
    assert.equal(definitionOf('{{< warning >}}\n\nThe reference.', false), '{{< warning >}}');
  });

  it('show a paired shortcode\'s content, a call\'s text, a link a shortcode writes as its text, and other calls as code, as written', () => {
    assert.equal(
      definitionOf('A set of running {{< glossary_tooltip text="containers" term_id="container" >}} on a {{<glossary_tooltip term_id="node">}}.'),
      'A set of running containers on a `{{<glossary_tooltip term_id="node">}}`.',
    );
    assert.equal(definitionOf('In [Kubernetes mode]({{< ref kubernetes >}}) or [self-hosted]({{% relref "self-hosted.md" %}}), Dapr ![logo]({{< param logo >}}/d.png) runs.'), 'In Kubernetes mode or self-hosted, Dapr runs.');
    assert.equal(definitionOf('Kubernetes {{< skew currentVersion >}} with {{% gloss %}}**bold** words{{% /gloss %}} and `{{< code >}}` in code.'), 'Kubernetes `{{< skew currentVersion >}}` with **bold** words and `{{< code >}}` in code.');
    // Hugo's escaped call shows as written; marks of ours in the page's text change nothing.
    assert.equal(definitionOf('Write {{</* note */>}} for a note, \u0000 0\u0000 {{< x >}}.'), 'Write {{</* note */>}} for a note,  0 `{{< x >}}`.');
  });

  it('are read in linear time however many calls a page holds', () => {
    const pages: Record<string, (size: number) => string> = {
      'openings never closed, a paragraph each': (size) => '{{< a >}}\n\n'.repeat(size / 10),
      'openings closed at the end': (size) => `${'{{< a >}}\n\n'.repeat(size / 10)}{{< /a >}}\n\nText.`,
      'calls in the first paragraph': (size) => `${'{{< a >}}x{{< b text="y" >}}'.repeat(size / 30)}`,
      'pairs in the first paragraph': (size) => `${'{{< a >}}'.repeat(size / 20)}${'{{< /a >}}'.repeat(size / 20)}`,
      // Paragraphs of a notice whose braces start no call, or whose call's closer is far below.
      'braces in the paragraphs of a notice': (size) => `{{< n >}}\n\n${'a {{ b\n\n'.repeat(size / 8)}{{< /n >}}\n\nText.`,
      'calls closed far below in the paragraphs of a notice': (size) => `{{< n >}}\n\n${'a {{% b\n\n'.repeat(size / 9)}%}}\n\n{{< /n >}}\n\nText.`,
    };
    for (const [name, page] of Object.entries(pages)) {
      const growth = growthOf((size) => definitionOf(page(size)), 40_000);
      assert.equal(superLinear(name, 40_000, growth), undefined);
    }
  });
});
