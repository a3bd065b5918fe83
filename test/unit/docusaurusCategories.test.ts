/**
 * Docusaurus `_category_` files and `displayed_sidebar`: what its validator refuses in them, and the doc a category links
 * to, checked where the generated sidebar makes the folder a category
 * (test/sites/docusaurus-categories* hold the same rules against the real build).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentDiagnostics, siteConfigDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { readCategoryFile } from '../../server/src/site/docusaurusCategories';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { createWorkspace } from '../support/fixtures';

describe('a category file', () => {
  it('names the doc its category links to, where it is written, in JSON and YAML', () => {
    const json = '{ "label": "Glossar", "position": "2", "link": { "type": "doc", "id": "intro" } }';
    const read = readCategoryFile(json);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.link, { id: 'intro', range: { start: { line: 0, character: json.indexOf('"intro"') }, end: { line: 0, character: json.indexOf('"intro"') + 7 } } });
    assert.equal(readCategoryFile('label: Teil\nlink:\n  type: doc\n  id: glossar/Alpha\n').link?.id, 'glossar/Alpha');
    assert.equal(readCategoryFile('{ "link": { "type": "generated-index" } }').link, undefined);
    assert.equal(readCategoryFile('{ "link": { "type": "generated-index", "slug": "/glossar/alle" }, "label": "Alle" }').generatedIndexSlug, '/glossar/alle');
  });

  it('reports what Docusaurus refuses: no YAML, keys it does not take, values of the wrong type, a link without id or of another type', () => {
    const messages = (text: string) => readCategoryFile(text).problems.map((problem) => problem.message);
    assert.match(messages('{ "label": "A"')[0], /^Docusaurus refuses to build: the category file does not parse/);
    assert.deepEqual(messages('{ "label": "A", }'), [], 'read as YAML, as Docusaurus reads it: a trailing comma is fine');
    assert.deepEqual(messages('{ "titel": "A", "collapsed": 3, "link": { "type": "doc" } }'), [
      'Docusaurus refuses to build: a category file does not take "titel".',
      'Docusaurus refuses to build: "collapsed" of a category file has the wrong type.',
      'Docusaurus refuses to build: a category link to a doc needs its "id".',
    ]);
    assert.deepEqual(messages('link:\n  type: page\n'), ['Docusaurus refuses to build: a category link is of type "doc" or "generated-index".']);
    assert.deepEqual(messages(''), [], 'an empty file is no category settings, and no problem');
    assert.deepEqual(messages('{ "link": { "id": "alpha" } }'), [], 'a link without a type is not validated');
    assert.deepEqual(messages('{ "link": { "type": "generated-index", "slug": 5 } }'), ['Docusaurus refuses to build: "slug" of a category link has the wrong type.']);
  });
});

describe('the doc a category links to', () => {
  it('must exist where the generated sidebar makes the folder a category, and is found again as docs come', async () => {
    const site = createWorkspace({
      'docusaurus.config.js': "module.exports = { baseUrl: '/', presets: [['classic', { docs: {} }]] };\n",
      'docs/glossar/a.md': '# A\n',
      'docs/glossar/_category_.json': '{ "link": { "type": "doc", "id": "uebersicht" } }\n',
      'docs/leer/_category_.json': '{ "link": { "type": "doc", "id": "fehlt" } }\n',
      // The generated sidebar's own folder makes no category.
      'docs/_category_.json': '{ "link": { "type": "doc", "id": "fehlt" } }\n',
    });
    try {
      const index = new GlossaryIndex();
      await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
      const problems = () => index.siteConfigProblems().flatMap((config) => siteConfigDiagnostics(index, config).map((diagnostic) => `${path.basename(path.dirname(new URL(config.uri).pathname))}: ${diagnostic.message}`));
      assert.deepEqual(problems(), ['glossar: Docusaurus refuses to build: this category links to the doc id "uebersicht", which no document of this version has.'], 'a folder without docs makes no category');
      index.setDocument(site.uri('docs/glossar/uebersicht.md'), '# Übersicht\n');
      assert.deepEqual(problems(), [], 'the last segment of the id of a doc in the folder');
    } finally {
      site.dispose();
    }
  });
});

describe('the translation keys of the categories a sidebar makes from folders', () => {
  const refusal = (folders: string, key: string) =>
    `Docusaurus refuses to build the locales it translates (en): the categories ${folders} of sidebar "defaultSidebar" share the translation key "category.${key}". Give each a "key" of its own in its _category_.json.`;
  const config = (i18n: string) => `module.exports = { baseUrl: '/', i18n: { defaultLocale: 'de', locales: ['de', 'en']${i18n} }, presets: [['classic', { docs: {} }]] };\n`;

  it('must differ in a locale Docusaurus translates: by key, else label, else folder name without its number prefix', async () => {
    const site = createWorkspace({
      'docusaurus.config.js': config(''),
      // Translated: its folder exists.
      'i18n/en/code.json': '{}\n',
      'docs/installieren/kubernetes/helm.md': '# Helm\n',
      'docs/betrieb/02-kubernetes/daemonset.md': '# DaemonSet\n',
      'docs/a/allgemein/x.md': '# X\n',
      // Keys are compared as written: "Allgemein" would be another.
      'docs/b/sonstiges/_category_.json': '{ "label": "allgemein" }\n',
      'docs/b/sonstiges/y.md': '# Y\n',
      // An index doc alone in its folder is a doc of the sidebar, no category.
      'docs/c/teil/index.md': '---\ntitle: Überblick\n---\n',
      'docs/d/rest/README.md': '---\nsidebar_label: Überblick\n---\n',
      'docs/e/anders/_category_.json': '{ "label": "Überblick", "key": "e-ueberblick" }\n',
      'docs/e/anders/z.md': '# Z\n',
      'docs/f/teil/index.md': '---\nsidebar_key: f-teil\n---\n',
      // A category with an index doc and more is labelled by the doc's title: "Apps für Video" and "Apps", no clash.
      'docs/g/apps/README.md': '# Apps für Video\n',
      'docs/g/apps/x.md': '# X\n',
      'docs/h/apps/README.md': '# Apps\n',
      'docs/h/apps/y.md': '# Y\n',
      'docs/entwurf/kubernetes/e.md': '---\ntitle: E\ndraft: true\n---\n',
    });
    try {
      const index = new GlossaryIndex();
      await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
      const problems = () => index.siteConfigProblems().flatMap((problems) => siteConfigDiagnostics(index, problems).map((diagnostic) => `${path.basename(new URL(problems.uri).pathname)} ${diagnostic.severity} ${diagnostic.message}`)).sort();
      assert.deepEqual(problems(), [`docusaurus.config.js error ${refusal('a/allgemein, b/sonstiges', 'allgemein')}`, `docusaurus.config.js error ${refusal('betrieb/02-kubernetes, installieren/kubernetes', 'kubernetes')}`]);
      index.setDocument(site.uri('docs/installieren/kubernetes/helm.md'), '---\ntitle: Helm\ndraft: true\n---\n');
      assert.equal(problems().length, 1, 'a folder of drafts makes no category');
    } finally {
      site.dispose();
    }
  });

  it('are not compared where no locale is translated, where the configuration places the translations, or before Docusaurus 3.9', async () => {
    const cases: Array<Record<string, string>> = [
      { 'docusaurus.config.js': config('') },
      { 'docusaurus.config.js': config(", localeConfigs: { en: { translate: false } }"), 'i18n/en/code.json': '{}\n' },
      { 'docusaurus.config.js': config(''), 'i18n/en/code.json': '{}\n', 'package.json': '{ "dependencies": { "@docusaurus/core": "3.8.1" } }\n' },
    ];
    for (const files of cases) {
      const site = createWorkspace({ ...files, 'docs/a/kubernetes/x.md': '# X\n', 'docs/b/kubernetes/y.md': '# Y\n' });
      try {
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        assert.deepEqual(index.siteConfigProblems().flatMap((problems) => siteConfigDiagnostics(index, problems)), [], JSON.stringify(files));
      } finally {
        site.dispose();
      }
    }
  });
});

describe('displayed_sidebar', () => {
  it('must name a sidebar of the doc\'s version: those of its sidebars file, defaultSidebar without one', async () => {
    const site = createWorkspace({ 'docs/a.md': '---\ntitle: A\ndisplayed_sidebar: main\n---\n\n# A\n', 'sidebars.js': "module.exports = { main: ['a'], zweite: ['a'] };\n" });
    try {
      const load = async (docsOptions: string) => {
        site.write('docusaurus.config.js', `module.exports = { baseUrl: '/', presets: [['classic', { docs: ${docsOptions} }]] };\n`);
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        const document = index.getDocument(site.uri('docs/a.md'))!;
        return documentDiagnostics(index, document).filter((diagnostic) => diagnostic.code === 'invalid-front-matter').map((diagnostic) => diagnostic.message);
      };
      assert.deepEqual(await load("{ sidebarPath: './sidebars.js' }"), []);
      assert.deepEqual(await load('{}'), ['Docusaurus refuses to build: no sidebar of this version is called "main" ("defaultSidebar").']);
      assert.deepEqual(await load('{ sidebarPath: false }'), ['Docusaurus refuses to build: no sidebar of this version is called "main" (it has none).']);
      site.write('docs/a.md', '---\ntitle: A\ndisplayed_sidebar: ""\n---\n\n# A\n');
      assert.deepEqual((await load('{}')).length, 1, 'an empty name: the front-matter validator\'s one error');
      site.write('docs/a.md', '---\ntitle: A\ndisplayed_sidebar: main\n---\n\n# A\n');
      site.write('sidebars.js', "module.exports = { ...generated, zweite: ['a'] };\n");
      assert.deepEqual(await load("{ sidebarPath: './sidebars.js' }"), [], 'the names of a file that computes some are not known');
    } finally {
      site.dispose();
    }
  });
});
