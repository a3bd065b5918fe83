/**
 * CLI tests of what a CI job or a pre-commit hook runs: a subset of the glossary, settings files
 * found from the checked folder upwards, and a bad settings file. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';
import { createWorkspace } from '../support/fixtures';
import { runCli as cli } from '../support/runCli';

const CONTENT = path.join(REPO_ROOT, 'content');
const TAGS = 'Begriffe:\n  label: Begriffe\n';
const entry = (id: string, body = '') => `---\nid: ${id}\ntags: [Begriffe]\n---\n\n# ${id}\n\n**${id} ist ein Beispiel.** ${body}\n`;

describe('check of a subset: the glossary is the workspace, the paths choose what is reported', () => {
  it('reports nothing for one note of content/ that links to entries not given (were 2 false broken links)', () => {
    const run = cli(['check', 'notizen/Projekt-Auslagerung.md'], CONTENT);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings) in 1 file checked.\n');
  });

  it('reports nothing for a folder of content/ that links to entries above it (were 4 false broken links)', () => {
    const run = cli(['check', 'glossar/vertrag'], CONTENT);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0 problems (0 errors, 0 warnings) in 3 files checked.\n');
  });

  const ws = createWorkspace({
    'tags.yml': TAGS,
    'a.md': entry('a', 'Siehe [fehlt](missing.md).'),
    'b.md': entry('b', 'Siehe [a](a.md).'),
    'drafts/c.md': entry('c', 'Siehe [fehlt](../missing.md).'),
  });
  after(() => ws.dispose());

  it('still reports what is wrong in a file given, and only there', () => {
    assert.equal(cli(['check', 'b.md'], ws.root).stdout, '0 problems (0 errors, 0 warnings) in 1 file checked.\n');
    const run = cli(['check', 'a.md', '--format', 'json'], ws.root);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as Array<{ file: string; code: string }>).map(({ file, code }) => `${file} ${code}`),
      ['a.md broken-link'],
    );
  });

  it('takes a name with glob characters that exists as that file or folder, not as a glob (was: 0 files checked, exit 0)', () => {
    ws.write('odd/Begriff [alt].md', entry('alt', 'Siehe [fehlt](Nicht-da.md).'));
    ws.write('odd/a b#c?/d.md', entry('d', 'Siehe [fehlt](Nicht-da.md).'));
    try {
      for (const given of ['odd/Begriff [alt].md', ws.path('odd/Begriff [alt].md'), 'odd/a b#c?']) {
        const run = cli(['check', given, '--format', 'json'], ws.root);
        assert.equal(run.status, 1, `${given}: ${run.stderr}`);
        assert.equal((JSON.parse(run.stdout) as Array<{ code: string }>).filter(({ code }) => code === 'broken-link').length, 1, given);
      }
      // A glob still matches as one where no file has its name.
      assert.equal(cli(['check', 'odd/*.md'], ws.root).status, 1);
    } finally {
      fs.rmSync(ws.path('odd'), { recursive: true, force: true });
    }
  });

  it('reports every file of a long list, as lint-staged passes it', () => {
    const many = createWorkspace(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`ein-ziemlich-langer-ordnername/eintrag-${i}.md`, entry(`eintrag-${i}`)])));
    try {
      const names = Array.from({ length: 150 }, (_, i) => many.path(`ein-ziemlich-langer-ordnername/eintrag-${i}.md`));
      assert.equal(cli(['check', ...names], many.root).stdout, '0 problems (0 errors, 0 warnings) in 150 files checked.\n');
    } finally {
      many.dispose();
    }
  });

  it('--fix fixes only the files given', () => {
    const twice = '---\nid: d\ntags: [Begriffe, Begriffe]\n---\n\n# D\n';
    ws.write('fix/one.md', twice.replace('id: d', 'id: one'));
    ws.write('fix/two.md', twice.replace('id: d', 'id: two'));
    try {
      const run = cli(['check', '--fix', 'fix/one.md'], ws.root);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(fs.readFileSync(ws.path('fix/one.md'), 'utf8'), '---\nid: one\ntags: [Begriffe]\n---\n\n# D\n');
      assert.equal(fs.readFileSync(ws.path('fix/two.md'), 'utf8'), twice.replace('id: d', 'id: two'));
    } finally {
      ws.remove('fix/one.md');
      ws.remove('fix/two.md');
    }
  });

  it('leaves out what a negated glob names, the last pattern that matches deciding', () => {
    const files = (args: string[]) => (JSON.parse(cli(['check', ...args, '--format', 'json'], ws.root).stdout) as Array<{ file: string }>).map(({ file }) => file);
    assert.deepEqual(files(['**/*.md']), ['a.md', 'drafts/c.md']);
    assert.deepEqual(files(['**/*.md', '!drafts/**']), ['a.md']);
    assert.deepEqual(files(['!a.md']), ['drafts/c.md']);
    assert.deepEqual(files(['.', '!drafts', 'drafts/c.md']), ['a.md', 'drafts/c.md']);
    assert.deepEqual(files(['./drafts/*.md']), ['drafts/c.md']);
    assert.deepEqual(files([`${ws.root}/drafts/*.md`]), ['drafts/c.md'], 'an absolute glob, as lint-staged passes paths');
    assert.deepEqual(files(['**/*.md', '!./drafts/**']), ['a.md']);
  });
});

describe('settings files', () => {
  const ws = createWorkspace({
    'outside/.markdown-glossary.json': '{ "rules": { "unknown-tag": "error" } }',
    'outside/repo/.git/HEAD': 'ref: refs/heads/main\n',
    'outside/repo/docs/tags.yml': TAGS,
    'outside/repo/docs/x.md': '---\nid: x\ntags: [Foo]\n---\n\n# X\n',
  });
  after(() => ws.dispose());
  const docs = ws.path('outside/repo/docs');

  it('are not looked for above the repository root', () => {
    const run = cli(['check'], docs);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^x\.md:3:8 warning Tag "Foo"/);
  });

  for (const [name, text] of [
    ['.markdown-glossary.json', '{ "rules": { "unknown-tag": "off" } }'],
    ['.markdown-glossary.jsonc', '{\n  // CI only\n  "rules": { "unknown-tag": "off", },\n}\n'],
    ['.markdown-glossary.yaml', 'rules:\n  unknown-tag: off\n'],
    ['.markdown-glossary.yml', 'rules: { unknown-tag: "off" }\n'],
    ['package.json', '{ "name": "x", "markdownGlossary": { "rules": { "unknown-tag": "off" } } }'],
  ]) {
    it(`are found from the checked folder upwards: ${name}`, () => {
      ws.write(`outside/repo/${name}`, text);
      try {
        for (const [args, cwd] of [[[], docs], [['docs/x.md'], ws.path('outside/repo')], [['repo/docs'], ws.path('outside')]] as const) {
          const run = cli(['check', ...args], cwd);
          assert.equal(run.stdout, '0 problems (0 errors, 0 warnings) in 1 file checked.\n', `${args.join(' ')} in ${cwd}: ${run.stderr}`);
        }
      } finally {
        ws.remove(`outside/repo/${name}`);
      }
    });
  }

  it('a package.json without the key is no settings file', () => {
    ws.write('outside/repo/docs/package.json', '{ "name": "docs" }');
    ws.write('outside/repo/.markdown-glossary.yaml', 'rules:\n  unknown-tag: off\n');
    try {
      assert.equal(cli(['check'], docs).status, 0);
      assert.equal(cli(['check'], docs).stdout, '0 problems (0 errors, 0 warnings) in 1 file checked.\n');
    } finally {
      ws.remove('outside/repo/docs/package.json');
      ws.remove('outside/repo/.markdown-glossary.yaml');
    }
  });

  it('several in one folder are a usage error naming them', () => {
    ws.write('outside/repo/.markdown-glossary.json', '{}');
    ws.write('outside/repo/.markdown-glossary.yaml', 'rules: {}\n');
    try {
      const run = cli(['check'], docs);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Several settings files in one folder; keep one: .*\.markdown-glossary\.json, .*\.markdown-glossary\.yaml/);
    } finally {
      ws.remove('outside/repo/.markdown-glossary.json');
      ws.remove('outside/repo/.markdown-glossary.yaml');
    }
  });

  const bad: Array<[string, string, string]> = [
    ['.markdown-glossary.json', '{\n  "rules": { "unknown-tag": "off" },\n}\n', '.markdown-glossary.json:2:36: Trailing comma: JSON allows none (a .jsonc file does).'],
    ['.markdown-glossary.json', '{ "linkstyle": "wiki" }', '.markdown-glossary.json:1:3: Unknown setting "linkstyle". Did you mean "linkStyle"?'],
    ['.markdown-glossary.json', '{ "colour": "red" }', '.markdown-glossary.json:1:3: Unknown setting "colour".'],
    ['.markdown-glossary.json', '{ "include": "**/*.md" }', '.markdown-glossary.json:1:14: "include" must be a list of strings.'],
    ['.markdown-glossary.yaml', 'rules:\n  unknown-tag: warn\n', '.markdown-glossary.yaml:2:16: Unknown severity "warn" for rule "unknown-tag": use error, warning, information, hint, off.'],
    ['.markdown-glossary.yaml', 'rules:\n  unknown-tags: off\n', '.markdown-glossary.yaml:2:3: Unknown rule "unknown-tags". Did you mean "unknown-tag"?'],
    ['.markdown-glossary.yaml', 'rules: [\n', '.markdown-glossary.yaml:2:1: '],
    ['package.json', '{ "markdownGlossary": { "maxFileSize": -1 } }', 'package.json:1:40: "maxFileSize" must be a number of bytes, at least 1.'],
  ];
  for (const [name, text, expected] of bad) {
    it(`with a mistake is exit 2 with its place: ${expected}`, () => {
      ws.write(`outside/repo/${name}`, text);
      try {
        const run = cli(['check'], ws.path('outside/repo'));
        assert.equal(run.status, 2, run.stdout);
        assert.equal(run.stdout, '');
        assert.ok(run.stderr.startsWith(expected), run.stderr);
        assert.match(run.stderr, new RegExp(`\\nmarkdown-glossary: Invalid settings file: ${name.replace(/\./g, '\\.')}\\n$`));
        const given = cli(['check', '--config', name], ws.path('outside/repo'));
        assert.equal(given.status, 2, 'even with --config');
        assert.ok(given.stderr.startsWith(expected), given.stderr);
      } finally {
        ws.remove(`outside/repo/${name}`);
      }
    });
  }

  it('tags, terms and translations refuse a bad settings file too', () => {
    ws.write('outside/repo/.markdown-glossary.json', '{ "rules": 1 }');
    try {
      for (const command of ['tags', 'terms', 'translations']) assert.equal(cli([command], docs).status, 2, command);
    } finally {
      ws.remove('outside/repo/.markdown-glossary.json');
    }
  });
});

describe('.gitignore and the ignore file', () => {
  const ws = createWorkspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': '# generated\nbuild-notes/\n/top.md\n*.draft.md\n!keep.draft.md\n',
    'top.md': entry('top'),
    'docs/top.md': entry('docstop'),
    'docs/build-notes/n.md': entry('n'),
    'docs/a.draft.md': entry('adraft'),
    'docs/keep.draft.md': entry('keep'),
    'docs/sub/.gitignore': '!local.draft.md\nsecret.md\n',
    'docs/sub/local.draft.md': entry('local'),
    'docs/sub/secret.md': entry('secret'),
    'docs/sub/other/secret.md': entry('secret2'),
  });
  after(() => ws.dispose());
  const files = (args: string[], cwd = ws.root) => {
    const run = cli(['terms', ...args, '--format', 'json'], cwd);
    assert.equal(run.status, 0, run.stderr);
    return (JSON.parse(run.stdout) as Array<{ file: string }>).map(({ file }) => file);
  };

  it('leaves out what .gitignore files leave out: nested ones, negations, anchored and folder patterns', () => {
    assert.deepEqual(files([]), ['docs/keep.draft.md', 'docs/sub/local.draft.md', 'docs/top.md']);
    assert.deepEqual(files([], ws.path('docs/sub')), ['local.draft.md'], 'the repository root .gitignore applies in a subfolder');
  });

  it('reads every file with --no-gitignore', () => {
    assert.equal(files(['--no-gitignore']).length, 8);
  });

  it('reads the ignore file in gitignore syntax, negations included', () => {
    ws.write('.markdown-glossary-ignore', 'docs/*\n!docs/top.md\n');
    try {
      assert.deepEqual(files([]), ['docs/top.md']);
      assert.deepEqual(files(['--no-gitignore']), ['docs/top.md', 'top.md']);
    } finally {
      ws.remove('.markdown-glossary-ignore');
    }
  });
});

describe('a file Git tracks is read, whatever .gitignore says, as Git ignores no tracked file', () => {
  const ws = createWorkspace({
    '.gitignore': 'resources/\nerzeugt/\n',
    'resources/liste.md': '---\ntitle: Ressourcen\n---\n',
    'resources/buch.md': '---\ntitle: Buch\n---\n',
    'erzeugt/a.md': '---\ntitle: Erzeugt\n---\n',
    'erzeugt/vorgemerkt.md': '---\ntitle: Vorgemerkt\n---\n',
    'seite.md': '---\ntitle: Seite\n---\n[r](resources/buch.md)\n',
  });
  after(() => ws.dispose());
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ws.root, stdio: 'pipe' });

  it('in every version of the index Git writes (2, 3 with an entry of extended flags, 4 with its names compressed), and not an ignored file it does not track', () => {
    git('init', '-q');
    git('add', '.');
    git('add', '-f', 'resources');
    // Intent to add: an entry of version 3's extended flags.
    git('add', '-f', '-N', 'erzeugt/vorgemerkt.md');
    for (const version of ['2', '3', '4']) {
      if (version !== '3') git('update-index', '--index-version', version);
      else assert.equal(fs.readFileSync(ws.path('.git/index')).readUInt32BE(4), 3, 'Git writes version 3 for the extended entry');
      const run = cli(['terms', '--format', 'json'], ws.root);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as Array<{ file: string }>).map(({ file }) => file), ['erzeugt/vorgemerkt.md', 'resources/buch.md', 'resources/liste.md', 'seite.md'], `index version ${version}`);
    }
    const check = cli(['check'], ws.root);
    assert.equal(check.status, 0, check.stdout);
  });

  it('reads no index it does not know: .gitignore then leaves the files out, as without Git', () => {
    fs.writeFileSync(ws.path('.git/index'), 'DIRC kaputt');
    const run = cli(['terms', '--format', 'json'], ws.root);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ file: string }>).map(({ file }) => file), ['seite.md']);
  });
});

describe('.gitignore leaves out nothing a site\'s generator reads: it builds what is there (pnpm.io: a version copied into versioned_docs/ at build time, ignored by Git)', () => {
  const ws = createWorkspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'versioned_docs/version-2.x\ndocs/generated/\nnotizen/\n',
    'docusaurus.config.js': "module.exports = { title: 'S', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: {}, blog: false }]] };\n",
    'versions.json': '["2.x"]\n',
    'versioned_docs/version-2.x/intro.md': '---\ntitle: Intro\n---\n',
    'versioned_sidebars/version-2.x-sidebars.json': '{}\n',
    // Generated: a page and a link target, but its problems are not reported (CI, without it, reports none either).
    'docs/generated/a.md': '# Erzeugt\n\n[fehlt](./fehlt.md)\n',
    'docs/links.md': '---\ntitle: Links\n---\nSiehe [die erzeugte Seite](./generated/a.md).\n',
    'notizen/n.md': '# Notiz\n',
  });
  after(() => ws.dispose());

  it('reads the ignored docs, their versions\' too, and leaves out an ignored folder no generator reads', () => {
    const run = cli(['terms', '--format', 'json'], ws.root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ file: string }>).map(({ file }) => file), ['docs/generated/a.md', 'docs/links.md', 'versioned_docs/version-2.x/intro.md']);
    const check = cli(['check', '--format', 'json'], ws.root);
    assert.equal(check.status, 0, check.stdout);
    assert.deepEqual(JSON.parse(check.stdout), []);
  });

  it('does not take a docs folder above the site for a folder of content as a whole (`path: \'..\'` with `include`)', () => {
    const repo = createWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'vendor/\n',
      'website/docusaurus.config.js': "module.exports = { title: 'S', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: { path: '..', include: ['docs/**/*.md'] }, blog: false }]] };\n",
      'docs/a.md': '---\ntitle: A\n---\n',
      'vendor/pkg/README.md': '# Paket\n\n[fehlt](./fehlt.md)\n',
    });
    try {
      const run = cli(['terms', '--format', 'json'], repo.root);
      assert.deepEqual((JSON.parse(run.stdout) as Array<{ file: string }>).map(({ file }) => file), ['docs/a.md']);
    } finally {
      repo.dispose();
    }
  });
});
