import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileUri } from '../../server/src/common/uris';
import { sidebarDiagnostics } from '../../server/src/features/diagnostics/siteRules';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import type { ParsedDocument } from '../../server/src/parsing/document';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { ParseCache, parseCacheFile } from '../../server/src/workspace/parseCache';
import { createWorkspace } from '../support/fixtures';

const root = mkdtempSync(path.join(tmpdir(), 'glossary-load-'));
after(() => rmSync(root, { recursive: true, force: true }));
const entry = (title: string) => `---\ntitle: ${title}\n---\n# ${title}\n`;
writeFileSync(path.join(root, 'a.md'), entry('Alpha'));
// 60,000 errors: within the 64 KB of front matter the YAML library is given.
writeFileSync(path.join(root, 'b.md'), `---\n${'}'.repeat(60_000)}\n---\n# Beta\n`);
writeFileSync(path.join(root, 'c.md'), entry('Gamma'));

describe('loading a glossary', () => {
  it('indexes every file after a file of 60,000 YAML errors, which reports the first hundred and how many more', async () => {
    const index = new GlossaryIndex();
    const logged: string[] = [];
    const indexed = await loadGlossary(index, new GlossaryScope([root]), (message) => logged.push(message));
    assert.deepEqual(indexed.map((file) => path.basename(file)), ['a.md', 'b.md', 'c.md']);
    assert.deepEqual([...index.terms()].map((term) => term.title).sort(), ['Alpha', 'Gamma']);
    const diagnostics = index.getDocument(fileUri(path.join(root, 'b.md')))!.diagnostics;
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax').length, 101);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.message === '59900 more YAML problems from here on are not reported.'), JSON.stringify(diagnostics.at(-1)));
    assert.deepEqual(logged, [`Site: no configuration found in ${root}; assumed a Docusaurus site with the defaults, docs in ${root} at /docs.`]);
  });

  it('logs a file whose indexing throws and indexes the files after it', async () => {
    const failing = fileUri(path.join(root, 'b.md'));
    const index = new (class extends GlossaryIndex {
      override setParsedDocument(document: ParsedDocument): void {
        if (document.uri === failing) throw new RangeError('Maximum call stack size exceeded');
        super.setParsedDocument(document);
      }
    })();
    const logged: string[] = [];
    const indexed = await loadGlossary(index, new GlossaryScope([root]), (message) => logged.push(message));
    assert.deepEqual(indexed.map((file) => path.basename(file)), ['a.md', 'c.md']);
    assert.deepEqual([...index.terms()].map((term) => term.title).sort(), ['Alpha', 'Gamma']);
    assert.deepEqual(logged.slice(1), [`Cannot index ${path.join(root, 'b.md')}: Maximum call stack size exceeded`]);
  });
});

describe('loading a glossary: MDX', () => {
  it('reads a file as MDX only in a Docusaurus site, and again once its site is one, though the cache holds it from before', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'glossary-mdx-'));
    try {
      mkdirSync(path.join(site, 'content'));
      writeFileSync(path.join(site, 'content', 'x.md'), '---\ntitle: X\n---\n\n# X\n\nIn <100ms, mit {{< shortcode >}}.\n');
      // Written an hour ago: not too recent to cache.
      utimesSync(path.join(site, 'content', 'x.md'), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
      writeFileSync(path.join(site, 'hugo.toml'), "baseURL = 'https://example.com/'\n");
      const cacheFile = parseCacheFile([site], path.join(site, '.cache'));
      let cache: ParseCache;
      const load = async () => {
        const index = new GlossaryIndex();
        const log = () => {};
        cache = await ParseCache.open(cacheFile, [site], log);
        await loadGlossary(index, new GlossaryScope([site]), log, { cache: Promise.resolve(cache) });
        await cache.save();
        return index.getDocument(fileUri(path.join(site, 'content', 'x.md')))!;
      };
      const hugo = await load();
      assert.equal(hugo.mdxUnread, true);
      assert.equal(hugo.mdxProblems, undefined);
      rmSync(path.join(site, 'hugo.toml'));
      writeFileSync(path.join(site, 'docusaurus.config.js'), "export default { baseUrl: '/', presets: [['classic', { docs: { path: 'content' } }]] };\n");
      const docusaurus = await load();
      // Read again, not taken from the cache: the log's count of files from the cache says so.
      assert.deepEqual([cache!.reused, cache!.parsed], [0, 1]);
      assert.equal(docusaurus.mdxUnread, undefined);
      assert.deepEqual(docusaurus.mdxProblems?.map((problem) => problem.range.start.line), [6]);
      // What MDX made of it took the place of the cached entry: the next start takes it from the cache.
      assert.deepStrictEqual(await load(), docusaurus);
      assert.equal(cache!.parsed, 0);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('loading a glossary: the versions of a Docusaurus site', () => {
  it('builds the versions the options choose, at their paths, and reports options Docusaurus refuses where they are written', async () => {
    const config = "module.exports = { baseUrl: '/', presets: [['classic', { docs: { lastVersion: 'current', onlyIncludeVersions: ['current', '2.0', '3.0'], versions: { '2.0': { path: 'zwei' } } } }]] };\n";
    const entry = '---\ntitle: A\n---\n\n# A\n';
    const site = createWorkspace({ 'docusaurus.config.js': config, 'versions.json': '["2.0", "1.0"]', 'docs/A.md': entry, 'versioned_docs/version-2.0/A.md': entry, 'versioned_docs/version-1.0/A.md': entry });
    try {
      const index = new GlossaryIndex();
      await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
      const routeOf = (file: string) => index.pageOf(site.uri(file))?.route || 'not built';
      assert.deepEqual(['docs/A.md', 'versioned_docs/version-2.0/A.md', 'versioned_docs/version-1.0/A.md'].map(routeOf), ['/docs/A', '/docs/zwei/A', 'not built']);
      const [problems] = index.siteConfigProblems();
      assert.deepEqual(
        problems.problems.map((problem) => [problem.range.start.character, problem.message]),
        [[config.indexOf("['current', '2.0', '3.0']"), 'Docusaurus refuses to build: "onlyIncludeVersions" names versions there are not: 3.0 (versions: "current", "2.0", "1.0").']],
      );
    } finally {
      site.dispose();
    }
  });
});

describe('loading a glossary: the sidebars of a Docusaurus site', () => {
  it('finds a sidebars file as require.resolve does, and checks no id where the workspace leaves docs out', async () => {
    const site = createWorkspace({
      'docusaurus.config.js': "module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: require.resolve('./sidebars') } }]] };\n",
      'sidebars.js': "module.exports = { s: ['intro', 'glossar/Alpha', 'glossar/Fehlt'] };\n",
      'docs/intro.md': '# Intro\n',
      'docs/glossar/Alpha.md': '---\ntitle: Alpha\n---\n\n# Alpha\n',
    });
    try {
      const problemsWith = async (scope: GlossaryScope) => {
        const index = new GlossaryIndex();
        const logged: string[] = [];
        await loadGlossary(index, scope, (message) => logged.push(message));
        const sidebars = index.siteConfigProblems().find((config) => config.sidebars !== undefined);
        return { ids: sidebars?.sidebars?.references.map((reference) => reference.id), problems: index.siteConfigProblems().flatMap((config) => config.problems), logged };
      };
      const whole = await problemsWith(new GlossaryScope([site.root]));
      assert.deepEqual(whole.problems, [], 'require.resolve finds ./sidebars.js');
      assert.deepEqual(whole.ids, ['intro', 'glossar/Alpha', 'glossar/Fehlt']);
      const part = await problemsWith(new GlossaryScope([site.root], ['docs/glossar/**']));
      assert.deepEqual(part.ids, [], 'intro.md is a doc the workspace does not read: no id is judged');
      assert.ok(part.logged.some((message) => message.includes('the doc ids sidebars and categories name are not checked')), part.logged.join('\n'));
    } finally {
      site.dispose();
    }
  });
});

describe('loading a glossary: require.resolve of a sidebars file, as jiti runs the configuration', () => {
  // Each case as jiti 1.21, which loads Docusaurus 3's configuration, resolves it: a CommonJS file
  // natively, one with `export` compiled by jiti, TypeScript compiled by jiti as TypeScript.
  const cases: Array<[config: string, call: string, files: string[], found: string | undefined]> = [
    ['docusaurus.config.ts', './sidebars.js', ['sidebars.ts'], 'sidebars.ts'],
    ['docusaurus.config.ts', './sidebars.mjs', ['sidebars.mts'], 'sidebars.mts'],
    ['docusaurus.config.ts', './navigation', ['navigation/index.ts'], 'navigation/index.ts'],
    ['docusaurus.config.ts', './sidebars', ['sidebars.json', 'sidebars.ts'], 'sidebars.json'],
    ['docusaurus.config.js', './sidebars', ['sidebars.ts'], undefined],
    ['docusaurus.config.js', './sidebars', ['sidebars/index.json'], 'sidebars/index.json'],
    ['esm:docusaurus.config.js', './sidebars', ['sidebars.mjs'], 'sidebars.mjs'],
    ['esm:docusaurus.config.js', './sidebars.js', ['sidebars.ts'], undefined],
  ];
  for (const [config, call, files, found] of cases) {
    const esm = config.startsWith('esm:');
    const configFile = config.replace(/^esm:/, '');
    it(`${esm ? 'an ESM ' : ''}${configFile}: require.resolve('${call}') among ${files.join(', ')} finds ${found ?? 'nothing'}`, async () => {
      const options = `{ baseUrl: '/', presets: [['classic', { docs: { sidebarPath: require.resolve('${call}') } }]] }`;
      const site = createWorkspace({
        [configFile]: esm ? `export default ${options};\n` : `module.exports = ${options};\n`,
        // Each file names another doc id: the one found is the one whose id is checked.
        ...Object.fromEntries(files.map((file) => [file, file.endsWith('.json') ? `{ "s": ["${file}"] }\n` : `module.exports = { s: ['${file}'] };\n`])),
        'docs/intro.md': '# Intro\n',
      });
      try {
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        const problems = index.siteConfigProblems().flatMap((config) => config.problems.map((problem) => problem.message));
        const read = index.siteConfigProblems().find((config) => config.sidebars !== undefined);
        assert.deepEqual(problems, found === undefined ? [`Docusaurus refuses to build: the sidebars file "${call}" does not exist.`] : []);
        assert.deepEqual(read?.sidebars?.references.map((reference) => reference.id), found === undefined ? undefined : [found], 'the sidebar read is the file found');
      } finally {
        site.dispose();
      }
    });
  }
});

describe('loading a glossary: what Docusaurus refuses in the versions', () => {
  it('a versions file that is no list of names, a version without its folder, disableVersioning without versions, no version at all', async () => {
    // Version 2.0's sidebar names docs its missing folder would hold: the missing folder is the one error (pnpm.io before its copy step).
    const site = createWorkspace({ 'docs/a.md': '# A\n', 'versioned_docs/version-1.0/a.md': '# A\n', 'versioned_sidebars/version-2.0-sidebars.json': '{ "s": ["a", "b"] }\n' });
    try {
      const problems = async (docsOptions: string, versions: string | undefined) => {
        site.write('docusaurus.config.js', `module.exports = { baseUrl: '/', presets: [['classic', { docs: ${docsOptions} }]] };\n`);
        rmSync(path.join(site.root, 'versions.json'), { force: true });
        if (versions !== undefined) site.write('versions.json', versions);
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        const sidebars = index.siteConfigProblems().flatMap((config) => sidebarDiagnostics(index, config));
        return [...index.siteConfigProblems().flatMap((config) => config.problems.map((problem) => `${path.basename(new URL(config.uri).pathname)} ${problem.range.start.character}: ${problem.message}`)), ...sidebars.map((diagnostic) => diagnostic.message)];
      };
      assert.deepEqual(await problems('{}', '["1.0"]'), []);
      assert.deepEqual(await problems('{}', '["1.0", "2.0"]'), ['versions.json 8: Docusaurus refuses to build: version "2.0" has no folder version-2.0.']);
      assert.deepEqual(await problems('{}', '["1.0", "a/b", 3]'), [
        'versions.json 8: Docusaurus refuses to build: "a/b" is no valid version name.',
        'versions.json 15: Docusaurus refuses to build: 3 is no valid version name.',
      ]);
      assert.deepEqual(await problems('{}', '{"1.0": true}'), ['versions.json 0: Docusaurus refuses to build: the versions file must be a list of version names.']);
      assert.deepEqual(await problems("{ onlyIncludeVersions: ['current'] }", '["1.0", "2.0"]'), [], 'a version not built is not looked for');
      assert.deepEqual(await problems('{ disableVersioning: true }', undefined), ['docusaurus.config.js 84: Docusaurus refuses to build: "disableVersioning" on a site without versions.']);
      assert.deepEqual(await problems('{ includeCurrentVersion: false }', undefined), ['docusaurus.config.js 88: Docusaurus refuses to build: no version is built: "includeCurrentVersion" is false, and there are no versions.']);
    } finally {
      site.dispose();
    }
  });
});

describe('loading a glossary: a Hugo configuration folder', () => {
  it('makes a Hugo site without a root configuration file or a content folder, its contentDir read from the folder', async () => {
    const site = createWorkspace({ 'config/_default/hugo.toml': 'contentDir = "docs"\n', 'docs/term.md': '---\ntitle: Term\n---\n' });
    try {
      const index = new GlossaryIndex();
      await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
      assert.equal(index.pageOf(site.uri('docs/term.md'))?.route, '/term/');
    } finally {
      site.dispose();
    }
  });
});

