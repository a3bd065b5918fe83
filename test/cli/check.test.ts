/**
 * CLI tests: runs the bundled `dist/cli.js` as a child process. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { CLI_JS, LspClient, REPO_ROOT } from '../support/lspClient';
import { runCli as cli } from '../support/runCli';

const TAGS = 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe\n';
const X_MD = '---\nid: x\ntags: [Begriffe, Foo]\n---\n\n# X\n\n**X ist ein Beispiel.**\n';
const Y_MD = '---\nid: y\ntitle: a: b\n---\n\n# Y\n';

/** 1-based line and column of a substring, as the CLI reports them. */
function lineColumn(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.notEqual(offset, -1, needle);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const FINDING_KEYS = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'];

describe('markdown-glossary check', () => {
  let ws: Workspace;

  before(() => {
    ws = createWorkspace({
      // A settings file makes its folder the workspace: its siblings are other glossaries.
      'warn/.markdown-glossary.json': '{}',
      'warn/tags.yml': TAGS,
      'warn/x.md': X_MD,
      'error/tags.yml': TAGS,
      'error/x.md': X_MD,
      'error/y.md': Y_MD,
      'site/tags.yml': TAGS + 'Bar:\n  label: Bar\n',
      'site/docs/glossar/z.md': '---\nid: z\ntags: [Begriffe, Baz, Bar]\n---\n\n# Z\n',
    });
  });
  after(() => ws?.dispose());

  it('finds no problems in the demo content', () => {
    const run = cli(['check', 'content'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings) in 32 files checked.\n');
    assert.equal(run.stderr, '');
  });

  it('prints an undeclared tag as file:line:column severity message [code], and exits 0 for warnings', () => {
    const { line, column } = lineColumn(X_MD, 'Foo]');
    assert.deepEqual({ line, column }, { line: 3, column: 18 });
    const run = cli(['check', '.'], ws.path('warn'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      `x.md:${line}:${column} warning Tag "Foo" is not declared in tags.yml. [unknown-tag]\n` +
        '1 problem (0 errors, 1 warning) in 1 file checked.\n',
    );
  });

  it('checks the current folder when no path is given', () => {
    const run = cli(['check'], ws.path('warn'));
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^x\.md:3:18 warning Tag "Foo" is not declared in tags\.yml\. \[unknown-tag\]$/m);
  });

  it('writes JSON findings with 1-based positions', () => {
    const run = cli(['check', 'warn', '--format', 'json'], ws.root);
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(findings));
    assert.equal(findings.length, 1);
    assert.deepEqual(Object.keys(findings[0]).sort(), FINDING_KEYS);
    assert.deepEqual(findings[0], {
      file: 'warn/x.md',
      line: 3,
      column: 18,
      endLine: 3,
      endColumn: 21,
      severity: 'warning',
      code: 'unknown-tag',
      message: 'Tag "Foo" is not declared in tags.yml.',
    });
  });

  it('writes an empty JSON array for a clean glossary', () => {
    const run = cli(['check', 'content', '--format=json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });

  it('reports a YAML syntax error in front matter as an error at its place, and exits 1', () => {
    const { line, column } = lineColumn(Y_MD, 'a: b');
    const run = cli(['check', '.', '--format', 'json'], ws.path('error'));
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    // Sorted by file, then position: the warning in x.md first.
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.code]),
      [
        ['x.md', 'unknown-tag'],
        ['y.md', 'yaml-syntax'],
      ],
    );
    const yaml = findings[1];
    assert.equal(yaml.severity, 'error');
    assert.equal(yaml.line, line);
    assert.equal(yaml.column, column);
    assert.deepEqual({ line, column }, { line: 3, column: 8 });
    assert.match(String(yaml.message), /^YAML syntax error: /);
  });

  it('counts errors and warnings in the text summary', () => {
    const run = cli(['check', '.'], ws.path('error'));
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, run.stdout);
    assert.match(lines[1], /^y\.md:3:8 error YAML syntax error: .+ \[yaml-syntax\]$/);
    assert.equal(lines[2], '2 problems (1 error, 1 warning) in 2 files checked.');
  });

  it('finds the tags.yml in a parent folder when checking a subfolder or a file', () => {
    const expected = (file: string) =>
      `${file}:3:18 warning Tag "Baz" is not declared in ../../tags.yml. [unknown-tag]\n` +
      '1 problem (0 errors, 1 warning) in 1 file checked.\n';
    const folder = cli(['check', 'docs/glossar'], ws.path('site'));
    assert.equal(folder.status, 0, folder.stderr);
    assert.equal(folder.stdout, expected('docs/glossar/z.md'));
    const file = cli(['check', 'docs/glossar/z.md'], ws.path('site'));
    assert.equal(file.stdout, expected('docs/glossar/z.md'));
  });

  it('checks a folder outside the current one as from inside it: the current folder\'s terms answer no link there, the folder\'s ignore file counts', () => {
    const here = createWorkspace({ 'foo.md': '---\ntitle: Foo\n---\n# Foo\n\n**Foo ist ein Begriff.**\n' });
    const there = createWorkspace({
      'bar.md': '---\ntitle: Bar\n---\n# Bar\n\n**Bar** braucht [[Foo]].\n',
      // Its own ignore file counts, as when `check` runs in it.
      '.markdown-glossary-ignore': 'entwurf.md\n',
      'entwurf.md': '---\ntitle: Entwurf\n---\n# Entwurf\n\n[[Fehlt]]\n',
    });
    try {
      const run = cli(['check', there.root], here.root);
      assert.match(run.stdout, /bar\.md:6:\d+ warning No glossary entry at "Foo"\. \[broken-link\]/);
      assert.match(run.stdout, /in 1 file checked/);
      assert.equal(run.stdout.split('\n').filter((line) => line.includes('bar.md')).join('\n'), cli(['check', '.'], there.root).stdout.split('\n').filter((line) => line.includes('bar.md')).map((line) => `${path.relative(here.root, there.root)}/${line}`).join('\n'));
    } finally {
      here.dispose();
      there.dispose();
    }
  });

  it('checks a file once when the paths given overlap', () => {
    const run = cli(['check', '.', 'x.md'], ws.path('warn'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      'x.md:3:18 warning Tag "Foo" is not declared in tags.yml. [unknown-tag]\n' + '1 problem (0 errors, 1 warning) in 1 file checked.\n',
    );
    const content = cli(['check', 'content', 'content/glossar'], REPO_ROOT);
    assert.equal(content.stdout, '0 problems (0 errors, 0 warnings) in 32 files checked.\n');
  });

  it('speaks German with LANG=de_DE.UTF-8', () => {
    const run = cli(['check', '.'], ws.path('warn'), { LANG: 'de_DE.UTF-8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      'x.md:3:18 warning Das Tag "Foo" ist in tags.yml nicht deklariert. [unknown-tag]\n' +
        '1 Problem (0 Fehler, 1 Warnung) in 1 geprüften Datei.\n',
    );
  });

  it('lets LC_ALL win over LANG, and --locale over both', () => {
    const lcAll = cli(['check', '.'], ws.path('warn'), { LANG: 'en_US.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    assert.match(lcAll.stdout, /Das Tag "Foo" ist in tags\.yml nicht deklariert\./);
    const option = cli(['check', '.', '--locale', 'de'], ws.path('warn'));
    assert.match(option.stdout, /Das Tag "Foo" ist in tags\.yml nicht deklariert\./);
  });

  it('rejects an unknown format with exit code 2', () => {
    const run = cli(['check', 'content', '--format', 'xml'], REPO_ROOT);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Unknown format "xml"/);
    assert.equal(run.stdout, '');
  });

  it('rejects a path that does not exist with exit code 2', () => {
    const run = cli(['check', 'no-such-folder'], ws.root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No such file or folder: no-such-folder/);
  });

  it('rejects an unknown option and an unknown command with exit code 2', () => {
    assert.equal(cli(['check', '--strict'], ws.path('warn')).status, 2);
    const command = cli(['lint'], ws.root);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /Unknown command "lint"/);
  });
});

describe('markdown-glossary check: sites side by side in one repository', () => {
  let ws: Workspace;
  before(() => {
    const config = "module.exports = { title: 'S', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: {}, blog: false }]] };\n";
    ws = createWorkspace({
      '_handbuch/docusaurus.config.js': config,
      '_handbuch/docs/intro.md': '---\ntitle: Intro\n---\n# Intro\n',
      'website/docusaurus.config.js': config,
      'website/docs/intro.md': '---\ntitle: Intro\n---\n# Intro\n',
      // A monorepo's: three levels down, and a site's own example (below a site: not looked for).
      'packages/apps/wiki/docusaurus.config.js': config.replace('docs: {}', "docs: { routeBasePath: 'wiki' }"),
      'packages/apps/wiki/docs/intro.md': '---\ntitle: Wiki\n---\n# Wiki\n',
      'packages/apps/wiki/examples/docusaurus.config.js': config.replace('docs: {}', "docs: { routeBasePath: 'beispiel' }"),
      'packages/apps/wiki/examples/docs/intro.md': '---\ntitle: Beispiel\n---\n# Beispiel\n',
      'packages/hugo/hugo.toml': 'baseURL = "https://example.org/"\n',
      'packages/hugo/content/seite.md': '---\ntitle: Seite\n---\n',
    });
  });
  after(() => ws?.dispose());

  it('reads each site\'s configuration, three levels down too, and finds no doc id twice across them', () => {
    const terms = cli(['terms', '.', '--format', 'json'], ws.root);
    assert.deepEqual((JSON.parse(terms.stdout) as Array<{ file: string; permalink: string }>).map((row) => `${row.file} ${row.permalink}`), [
      '_handbuch/docs/intro.md /docs/intro',
      'packages/apps/wiki/docs/intro.md /wiki/intro',
      'packages/apps/wiki/examples/docs/intro.md ',
      'packages/hugo/content/seite.md /seite/',
      'website/docs/intro.md /docs/intro',
    ]);
    const check = cli(['check', 'website'], ws.root);
    assert.equal(check.status, 0, check.stdout);
  });
});

describe('markdown-glossary check: a site whose content lies beside its folder (a monorepo\'s website/)', () => {
  let ws: Workspace;
  before(() => {
    ws = createWorkspace({
      'website/docusaurus.config.js': "module.exports = { title: 'M', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: { path: '../docs', routeBasePath: 'doku' } }]] };\n",
      'docs/intro.md': '# Intro\n\n[a](sub/b.md) [b](/doku/sub/b) [c](/doku/sub/fehlt)\n',
      'docs/sub/b.md': '# B\n',
      // Checked from hugo/: its configuration lies in a folder directly below.
      'hugo/site/hugo.toml': 'baseURL = "https://example.org/"\ncontentDir = "../inhalt"\n',
      'hugo/inhalt/_index.md': '---\ntitle: Start\n---\n',
      'hugo/inhalt/g/_index.md': '---\ntitle: G\ncascade:\n  draft: true\n---\n',
      'hugo/inhalt/g/x.md': '---\ntitle: X\n---\n',
      'hugo/inhalt/a.md': '---\ntitle: A\n---\n',
    });
  });
  after(() => ws?.dispose());

  const routes = (folder: string) => {
    const terms = cli(['terms', '.', '--format', 'json'], ws.path(folder));
    assert.equal(terms.status, 0, terms.stderr);
    return (JSON.parse(terms.stdout) as Array<{ file: string; permalink: string; published: boolean }>).map((row) => `${row.file} ${row.published ? row.permalink : '-'}`).sort();
  };

  it('gives its files the routes the generator builds, and judges their links', () => {
    assert.deepEqual(routes('hugo'), ['inhalt/_index.md /', 'inhalt/a.md /a/', 'inhalt/g/_index.md -', 'inhalt/g/x.md -'], 'the section cascades draft: true to its page');
    assert.deepEqual(routes('.').filter((row) => row.startsWith('docs/')), ['docs/intro.md /doku/intro', 'docs/sub/b.md /doku/sub/b']);
    const check = cli(['check', 'docs'], ws.root);
    assert.equal(check.status, 1, check.stdout);
    assert.match(check.stdout, /^docs\/intro\.md:3:\d+ error No glossary entry at "\/doku\/sub\/fehlt"\. \[broken-link\]$/m);
  });
});

describe('markdown-glossary check: broken anchors as the site configures them', () => {
  const site = (options: string) =>
    createWorkspace({
      'docusaurus.config.js': `module.exports = { title: 'A', url: 'https://example.com', baseUrl: '/', ${options} presets: [['classic', { docs: { sidebarPath: false }, blog: false }]] };\n`,
      'docs/intro.md': '---\ntitle: Intro\n---\n[a](#Getting-Started)\n\n## Getting Started\n',
    });

  it('warns by default, fails under onBrokenAnchors: throw, and keeps the heading\'s case under markdown.anchors.maintainCase', () => {
    for (const [options, status, found] of [
      ['', 0, /^docs\/intro\.md:4:5 warning No heading or element on this page has the id "Getting-Started": Docusaurus reports a broken anchor\. Did you mean "getting-started"\? \[broken-anchor\]$/m],
      ["onBrokenAnchors: 'throw',", 1, /^docs\/intro\.md:4:5 error .*\[broken-anchor\]$/m],
      ["markdown: { anchors: { maintainCase: true } },", 0, /^0 problems/m],
    ] as const) {
      const ws = site(options);
      try {
        const check = cli(['check', '.'], ws.root);
        assert.equal(check.status, status, check.stdout);
        assert.match(check.stdout, found);
      } finally {
        ws.dispose();
      }
    }
  });
});

describe('markdown-glossary check: invalid-mdx as the site compiles its pages', () => {
  const PAGE = '---\nid: x\ntitle: X\n---\n\n# X\n\nIn <100ms, mit <Glossar />.\n';
  const CONFIG = (extra: string) => `export default { baseUrl: '/', ${extra} presets: [['classic', { docs: {}, blog: false }]] };\n`;
  // A TabItem no Tabs holds, and a Tabs with a paragraph among its tabs.
  const TABS = "---\nid: x\ntitle: X\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# X\n\n<TabItem value=\"a\">A</TabItem>\n\n<Tabs>\n\nText.\n\n<TabItem value=\"b\">B</TabItem>\n</Tabs>\n";
  let ws: Workspace;
  before(() => {
    ws = createWorkspace({
      'plain/docs/x.md': PAGE,
      'tabs/docusaurus.config.js': CONFIG(''),
      'tabs/docs/x.mdx': TABS,
      'tabs-3.3/docusaurus.config.js': CONFIG(''),
      'tabs-3.3/package.json': '{ "dependencies": { "@docusaurus/core": "3.3.2" } }\n',
      'tabs-3.3/docs/x.mdx': TABS,
      'tabs-swizzled/docusaurus.config.js': CONFIG(''),
      'tabs-swizzled/src/theme/Tabs/index.js': 'export { default } from "@theme-original/Tabs";\n',
      'tabs-swizzled/docs/x.mdx': TABS,
      'own-theme/docusaurus.config.js': `export default { baseUrl: '/', themes: [require.resolve('./site-theme')], presets: [['classic', { docs: {}, blog: false }]] };\n`,
      'own-theme/docs/x.mdx': TABS.replace('# X', '# X\n\n<RunnableCodeBlock />'),
      'jekyll/_config.yml': 'title: Glossar\n',
      'jekyll/x.md': PAGE,
      'jekyll/y.mdx': PAGE.replace('id: x', 'id: y'),
      'mkdocs/mkdocs.yml': 'site_name: Glossar\n',
      'mkdocs/docs/x.md': PAGE,
      'md/docusaurus.config.js': CONFIG("markdown: { format: 'md' },"),
      'md/docs/x.md': PAGE,
      'md-address/docusaurus.config.js': CONFIG("markdown: { format: 'md' },"),
      'md-address/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', 'Siehe [x](http://localhost:PORT/).'),
      'detect/docusaurus.config.js': CONFIG("markdown: { format: 'detect' },"),
      'detect/docs/x.md': PAGE,
      'detect/docs/y.mdx': PAGE.replace('id: x', 'id: y'),
      'math/docusaurus.config.js': "import math from 'remark-math';\nexport default { baseUrl: '/', presets: [['classic', { docs: { remarkPlugins: [math] } }]] };\n",
      'math/docs/x.md': PAGE,
      'v2/docusaurus.config.js': CONFIG(''),
      'v2/package.json': '{ "dependencies": { "@docusaurus/core": "^2.4.3" } }\n',
      'v2/docs/x.md': PAGE,
      'v3/docusaurus.config.js': CONFIG(''),
      'v3/package.json': '{ "dependencies": { "@docusaurus/core": "3.10.2" } }\n',
      'v3/docs/x.md': PAGE,
      'v4-3.8/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-3.8/package.json': '{ "dependencies": { "@docusaurus/core": "3.8.1" } }\n',
      'v4-3.8/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-installed/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-installed/package.json': '{ "dependencies": { "@docusaurus/core": "^3.8.1" } }\n',
      'v4-installed/node_modules/@docusaurus/core/package.json': '{ "name": "@docusaurus/core", "version": "3.10.2" }\n',
      'v4-installed/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-installed-3.9/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-installed-3.9/package.json': '{ "dependencies": { "@docusaurus/core": "^3.8.1" } }\n',
      'v4-installed-3.9/node_modules/@docusaurus/core/package.json': '{ "name": "@docusaurus/core", "version": "3.9.2" }\n',
      'v4-installed-3.9/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-yarn-3.9/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-yarn-3.9/package.json': '{ "dependencies": { "@docusaurus/core": "^3.9.2" } }\n',
      'v4-yarn-3.9/yarn.lock': '# yarn lockfile v1\n\n"@docusaurus/core@3.9.2", "@docusaurus/core@^3.9.2":\n  version "3.9.2"\n  resolved "https://registry.yarnpkg.com/x"\n',
      'v4-yarn-3.9/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-npm-3.10/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-npm-3.10/package.json': '{ "dependencies": { "@docusaurus/core": "^3.9.2" } }\n',
      'v4-npm-3.10/package-lock.json': '{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/@docusaurus/core": { "version": "3.10.0" } } }\n',
      'v4-npm-3.10/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-monorepo/pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  '@docusaurus/core@3.9.2':\n    resolution: {integrity: sha512-x}\n",
      'v4-monorepo/website/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-monorepo/website/package.json': '{ "dependencies": { "@docusaurus/core": "^3.9.2" } }\n',
      'v4-monorepo/website/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'v4-monorepo-two/yarn.lock': '"@docusaurus/core@3.9.2":\n  version "3.9.2"\n\n"@docusaurus/core@^3.10.0":\n  version "3.10.0"\n',
      'v4-monorepo-two/website/docusaurus.config.js': CONFIG('future: { v4: true },'),
      'v4-monorepo-two/website/package.json': '{ "dependencies": { "@docusaurus/core": "3.9.2" } }\n',
      'v4-monorepo-two/website/docs/x.md': PAGE.replace('In <100ms, mit <Glossar />.', '<!-- Kommentar -->'),
      'theme/docusaurus.config.js': CONFIG(''),
      'theme/src/theme/MDXComponents.js': 'export default {};\n',
      'theme/docs/x.md': PAGE.replace('In <100ms, mit', 'Mit'),
    });
  });
  after(() => ws?.dispose());

  const mdxFindings = (site: string) => {
    const run = cli(['check', '.', '--format', 'json'], ws.path(site));
    return (JSON.parse(run.stdout) as Array<{ file: string; code: string; line: number; column: number }>).filter((finding) => finding.code === 'invalid-mdx').map((finding) => `${finding.file}:${finding.line}:${finding.column}`);
  };

  it('reports a page Docusaurus 3 compiles as MDX, by default .md files too, and exits 1', () => {
    assert.deepEqual(mdxFindings('plain'), ['docs/x.md:8:5']);
    assert.equal(cli(['check', '.'], ws.path('plain')).status, 1);
    assert.deepEqual(mdxFindings('v3'), ['docs/x.md:8:5']);
  });

  it("judges the theme's Tabs as the site's Docusaurus renders them: a TabItem alone from 3.10 on; none where the site or a theme of its own provides them", () => {
    assert.deepEqual(mdxFindings('tabs'), ['docs/x.mdx:10:2', 'docs/x.mdx:14:1']);
    // streampark's 3.3.2: TabItem read no context before 3.10; a Tabs' own checks are older.
    assert.deepEqual(mdxFindings('tabs-3.3'), ['docs/x.mdx:14:1']);
    assert.deepEqual(mdxFindings('tabs-swizzled'), []);
    // apify's theme adds RunnableCodeBlock to the MDX components, and may provide Tabs.
    assert.deepEqual(mdxFindings('own-theme'), []);
  });

  it('claims no Docusaurus build of a .md page in a folder another generator\'s configuration claims', () => {
    // Jekyll's and MkDocs' Markdown: only MDX reads a .mdx page.
    assert.deepEqual(mdxFindings('jekyll'), ['y.mdx:8:5']);
    assert.equal(cli(['check', 'x.md'], ws.path('jekyll')).status, 0);
    assert.deepEqual(mdxFindings('mkdocs'), []);
  });

  it("follows markdown.format: 'md' compiles no page as MDX, 'detect' only .mdx files; an address Docusaurus cannot read stops CommonMark pages too", () => {
    assert.deepEqual(mdxFindings('md'), []);
    assert.deepEqual(mdxFindings('md-address'), ['docs/x.md:8:7']);
    assert.deepEqual(mdxFindings('detect'), ['docs/y.mdx:8:5']);
  });

  it('reads MDX 1 syntax where future.v4 leaves it on: in a Docusaurus before 3.10, as installed or fixed in package.json', () => {
    assert.deepEqual(mdxFindings('v4-3.8'), []);
    assert.deepEqual(mdxFindings('v4-installed'), ['docs/x.md:8:2']);
    assert.deepEqual(mdxFindings('v4-installed-3.9'), []);
  });

  it('takes the version a lock file resolved for a range (^3.9.2): what an install of the site gives, in its folder or a monorepo\'s above', () => {
    assert.deepEqual(mdxFindings('v4-yarn-3.9'), []);
    assert.deepEqual(mdxFindings('v4-npm-3.10'), ['docs/x.md:8:2']);
    assert.deepEqual(mdxFindings('v4-monorepo'), []);
    // A lock file of several versions tells nothing of one site: its package.json's 3.9.2 does.
    assert.deepEqual(mdxFindings('v4-monorepo-two'), []);
  });

  it('says nothing where the site reads MDX otherwise: remark plugins, Docusaurus 2; and no components where the site gives its own', () => {
    assert.deepEqual(mdxFindings('math'), []);
    assert.deepEqual(mdxFindings('v2'), []);
    assert.deepEqual(mdxFindings('theme'), []);
  });
});

describe('markdown-glossary check --fix', () => {
  it('fixes several problems in one multi-line flow list item by item, keeping its comments, and a block-scalar tag in place', () => {
    const ws = createWorkspace({
      'glossar/a.md': '---\ntitle: A\ntags: [\n  IM, # Informationsmanagement\n  " Begriffe", # gepolstert\n  IM # doppelt\n]\n---\n\n# A\n',
      'glossar/b.md': '---\r\ntags: >-\r\n  #Begriffe\r\ntitle: B\r\n---\r\n\r\n# B\r\n',
    });
    try {
      cli(['check', '--fix', '.'], ws.root);
      assert.equal(fs.readFileSync(ws.path('glossar/a.md'), 'utf8'), '---\ntitle: A\ntags: [\n  IM, # Informationsmanagement\n  "Begriffe" # gepolstert\n   # doppelt\n]\n---\n\n# A\n');
      assert.equal(fs.readFileSync(ws.path('glossar/b.md'), 'utf8'), '---\r\ntags: ["#Begriffe"]\r\ntitle: B\r\n---\r\n\r\n# B\r\n');
    } finally {
      ws.dispose();
    }
  });
});

describe('markdown-glossary check --fix reaches a fixed point', () => {
  it('fixes what its own fixes bring out: tag: IM becomes tags: [IM] in one run', () => {
    const ws = createWorkspace({ 'glossar/a.md': '---\ntitle: A\ntag: IM\n---\n\n# A\n' });
    try {
      cli(['check', '--fix', '.'], ws.root);
      assert.equal(fs.readFileSync(ws.path('glossar/a.md'), 'utf8'), '---\ntitle: A\ntags: [IM]\n---\n\n# A\n');
      assert.equal(cli(['check', '.'], ws.root).stdout.includes('tags-not-a-list'), false);
    } finally {
      ws.dispose();
    }
  });
});

describe('markdown-glossary --help, --version and no command', () => {
  it('--help prints the usage and exits 0', () => {
    const run = cli(['--help'], REPO_ROOT);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage:/);
    assert.match(run.stdout, /markdown-glossary check \[paths or globs\.\.\.\]/);
    assert.match(run.stdout, /markdown-glossary server --stdio/);
  });

  it('--help is German with LANG=de_DE.UTF-8', () => {
    const run = cli(['--help'], REPO_ROOT, { LANG: 'de_DE.UTF-8' });
    assert.match(run.stdout, /^Aufruf:/);
  });

  it('--version prints the version from package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = cli(['--version'], REPO_ROOT);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('without a command prints the usage and exits 2', () => {
    const run = cli([], REPO_ROOT);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^Usage:/);
  });

  it('a command with --help or -h prints the usage and exits 0 (was: unknown option, exit 2)', () => {
    for (const args of [['check', '--help'], ['tags', '-h'], ['terms', '--help'], ['translations', '--help']]) {
      const run = cli(args, REPO_ROOT);
      assert.deepEqual([run.status, run.stderr], [0, ''], args.join(' '));
      assert.match(run.stdout, /^Usage:/);
    }
  });

  it('stops quietly with the exit code of the check when the reader closes the pipe early (| head)', async () => {
    const child = spawn(process.execPath, [CLI_JS, 'check', '--format', 'sarif'], { cwd: path.join(REPO_ROOT, 'test/corpora/cncf-glossary') });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.destroy(); // as `| head -c 0` would, before the first write
    const status = await new Promise((resolve) => child.on('close', resolve));
    assert.deepEqual([status, stderr], [0, ''], 'the corpus has warnings only: exit 0, and no stack trace');
  });
});

describe('markdown-glossary server --stdio', () => {
  it('starts the language server, which indexes the workspace and shuts down', async () => {
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/x.md': X_MD });
    const client = await LspClient.start({ workspaceFolders: [ws.root], args: [CLI_JS, 'server', '--stdio'] });
    try {
      assert.equal(client.initializeResult?.serverInfo?.name, 'markdown-glossary');
      assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
      assert.equal(await client.waitForIndex(), 1);
      const [diagnostic] = await client.waitForDiagnostics(ws.uri('glossar/x.md'), (current) => (current ?? []).length > 0);
      assert.equal(diagnostic.message, 'Tag "Foo" is not declared in tags.yml.');
      assert.equal(await client.shutdown(), 0);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
