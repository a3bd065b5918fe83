/**
 * The CLI (`dist/cli.js`, build first: `node esbuild.mjs`) on the two real glossaries kept in
 * test/corpora. The corpora are read-only: every run that writes
 * (--fix, tags --write) works on a copy in a temporary folder.
 *
 * The expected findings are facts about the files, checked by hand and recomputed here from the
 * files themselves with plain text scanning (not with the project's parser):
 * - platinus-glossar (Docusaurus, no tags.yml): 67 entries write `titel:` for `title:` (65 on line
 *   3, 2 on line 4), all inside the front matter. `id: BPI` is declared in B-Glossar/BPI.md and
 *   B-Glossar/Business-Analyse.md, `id: Stakeholder ` in S-Glossar/Stakeholder.md and
 *   S-Glossar/Standards.md; no other id is declared twice. 18 entries use the tag "Begriff", 105
 *   "Begriffe". D-Glossar/Dokumente.md line 33 links /docs/Glossar/A-Glossar/Aufzeichnungen/: no
 *   entry has the id Aufzeichnungen (there is no A-Glossar folder at all). P-Glossar/Prozesssteckbrief.md
 *   links two /docs/References/BPM-OHB/... pages, which are not part of the glossary.
 *   C-Glossar/Compliance.md has `titel:` and only an H2, so no title. Four entries have no `tags`
 *   key: PM-Paradigma, Product-Backlog, Projektinformationen, Standards.
 * - cncf-glossary (Hugo, no tags.yml): en/serverless.md and en/software-as-a-service.md write
 *   `Title:` (line 2) and have no H1; 119 empty tags ("") in front-matter tag lists; the German
 *   de/blue-green-deployment.md (line 11) and de/application-programming-interface.md (line 21)
 *   link /microservices/, but there is no microservices.md (only microservices-architecture.md);
 *   en/webassembly.md tags "Application" where 15 entries tag "application" (one of them,
 *   en/stateless-apps.md, with indented front-matter keys).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { createWorkspace, type Workspace } from '../support/fixtures';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');
const CORPORA = path.join(REPO_ROOT, 'test', 'corpora');
const PLATINUS = path.join(CORPORA, 'platinus-glossar');
const CNCF = path.join(CORPORA, 'cncf-glossary');

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `check --format json`; the findings' files made absolute, and relative to the repository, so runs from other folders compare. */
function check(args: string[], cwd: string): Array<Finding & { absolute: string }> {
  const run = cli(['check', ...args, '--format', 'json'], cwd);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as Finding[]).map((finding) => ({ ...finding, file: rel(path.resolve(cwd, finding.file)), absolute: path.resolve(cwd, finding.file) }));
}

/** Every file below a folder (absolute paths), sorted. */
function filesBelow(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((item) => (item.isDirectory() ? filesBelow(path.join(folder, item.name)) : [path.join(folder, item.name)]))
    .sort();
}

const markdownBelow = (folder: string) => filesBelow(folder).filter((file) => file.endsWith('.md'));

/** The lines of a file (without line breaks) and, when it opens with `---`, the 0-based index of the closing `---`. */
function scan(file: string): { lines: string[]; closing: number | undefined } {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[0] !== '---') return { lines, closing: undefined };
  const closing = lines.findIndex((line, index) => index > 0 && line === '---');
  return { lines, closing: closing === -1 ? undefined : closing };
}

/** Front-matter lines as [1-based line number, text]. */
function frontMatter(file: string): Array<[number, string]> {
  const { lines, closing } = scan(file);
  if (closing === undefined) return [];
  return lines.slice(1, closing).map((text, index) => [index + 2, text]);
}

/** The tags of an entry, read from its `tags:` line (flow list) or the `- item` lines after it. */
function tagsOf(file: string): string[] {
  const lines = frontMatter(file);
  const at = lines.findIndex(([, text]) => /^\s*tags:/.test(text));
  if (at === -1) return [];
  const flow = lines[at][1].match(/^\s*tags:\s*\[(.*)\]\s*$/);
  const unquote = (item: string) => item.trim().replace(/^"(.*)"$/, '$1');
  if (flow) return flow[1].split(',').map(unquote);
  const items: string[] = [];
  for (const [, text] of lines.slice(at + 1)) {
    const item = text.match(/^\s+-\s+(.*)$/);
    if (!item) break;
    items.push(unquote(item[1]));
  }
  return items;
}

/** The 1-based column of the n-th occurrence of `needle` in a line. */
function columnOf(line: string, needle: string, occurrence = 0): number {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) index = line.indexOf(needle, index + 1);
  assert.notEqual(index, -1, `"${needle}" in "${line}"`);
  return index + 1;
}

const rel = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');
const ofCode = <T extends Finding>(findings: T[], code: string): T[] => findings.filter((finding) => finding.code === code);
const positionsOf = (findings: Finding[]) =>
  findings.map(({ file, line, column, endLine, endColumn, severity, code, message }) => ({ file, line, column, endLine, endColumn, severity, code, message }));
const byPlace = (a: Finding, b: Finding) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

function requireCorpus(root: string): void {
  assert.ok(fs.existsSync(root), `corpus missing: ${root} (test/corpora, copied from ../shared/corpora)`);
}

describe('check on the platinus glossary (read-only)', () => {
  const G = path.join(PLATINUS, 'docs', '10-Glossar');
  let findings: Array<Finding & { absolute: string }>;

  before(() => {
    requireCorpus(PLATINUS);
    // Run in the corpus, as its CI would: the repository around it holds other glossaries.
    findings = check([], PLATINUS);
  });

  it('reports every `titel:` key as unknown-key suggesting "title", on the key', () => {
    const expected = markdownBelow(PLATINUS).flatMap((file) =>
      frontMatter(file)
        .filter(([, text]) => /^titel:/.test(text))
        .map(([line]) => ({
          file: rel(file),
          line,
          column: 1,
          endLine: line,
          endColumn: 6,
          severity: 'warning',
          code: 'unknown-key',
          message: 'Unknown front-matter key "titel". Did you mean "title"?',
        })),
    );
    assert.equal(expected.length, 67, 'the corpus has 67 `titel:` keys');
    // Every `titel:` of the corpus is one of these: none sits outside the front matter.
    const anywhere = markdownBelow(PLATINUS).reduce((count, file) => count + scan(file).lines.filter((line) => /^titel:/.test(line)).length, 0);
    assert.equal(anywhere, 67);
    assert.deepEqual(positionsOf(ofCode(findings, 'unknown-key')), expected.sort(byPlace));
  });

  it('reports the two ids declared twice, on each declaration, naming the other file', () => {
    // Independently: every declared id, and the files declaring it.
    const declared = new Map<string, string[]>();
    for (const file of markdownBelow(PLATINUS)) {
      for (const [, text] of frontMatter(file)) {
        const id = text.match(/^id:\s*(.*?)\s*$/)?.[1];
        if (id) declared.set(id, [...(declared.get(id) ?? []), file]);
      }
    }
    const twice = [...declared].filter(([, files]) => files.length > 1).map(([id, files]) => [id, files.map(rel)]);
    assert.deepEqual(twice.sort(), [
      ['BPI', [rel(path.join(G, 'B-Glossar', 'BPI.md')), rel(path.join(G, 'B-Glossar', 'Business-Analyse.md'))]],
      ['Stakeholder', [rel(path.join(G, 'S-Glossar', 'Stakeholder.md')), rel(path.join(G, 'S-Glossar', 'Standards.md'))]],
    ]);
    const finding = (letter: string, file: string, id: string, other: string) => ({
      file: rel(path.join(G, letter, file)),
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 5 + id.length,
      // Same folder, same id: one Docusaurus doc id twice, which stops the build.
      severity: 'error',
      code: 'duplicate-id',
      message: `Docusaurus refuses to build: another document has the doc id "Glossar/${letter}/${id}": ${other}`,
    });
    assert.deepEqual(positionsOf(ofCode(findings, 'duplicate-id')), [
      finding('B-Glossar', 'BPI.md', 'BPI', 'Business-Analyse.md'),
      finding('B-Glossar', 'Business-Analyse.md', 'BPI', 'BPI.md'),
      finding('S-Glossar', 'Stakeholder.md', 'Stakeholder', 'Standards.md'),
      finding('S-Glossar', 'Standards.md', 'Stakeholder', 'Stakeholder.md'),
    ]);
  });

  it('reports the tag "Begriff" as a variant of "Begriffe" in each of its entries, with both counts', () => {
    const using = (tag: string) => markdownBelow(PLATINUS).filter((file) => tagsOf(file).includes(tag));
    const rare = using('Begriff');
    assert.equal(rare.length, 18);
    assert.equal(using('Begriffe').length, 105);
    const expected = rare.map((file) => {
      const [line, text] = frontMatter(file).find(([, candidate]) => /^tags:/.test(candidate))!;
      const column = text.search(/\bBegriff(?=[,\]])/) + 1;
      return {
        file: rel(file),
        line,
        column,
        endLine: line,
        endColumn: column + 'Begriff'.length,
        severity: 'warning',
        code: 'tag-variant',
        message: 'Tag "Begriff" (18 entries) looks like a variant of "Begriffe" (105 entries).',
      };
    });
    assert.deepEqual(positionsOf(ofCode(findings, 'tag-variant')), expected.sort(byPlace));
  });

  it('reports Compliance.md as the one entry without a title (`titel:` and only an H2)', () => {
    const withoutTitle = markdownBelow(PLATINUS).filter((file) => {
      const { lines, closing } = scan(file);
      if (closing === undefined) return false;
      const hasTitle = lines.slice(1, closing).some((line) => /^\s*title:/.test(line));
      const hasH1 = lines.slice(closing + 1).some((line) => /^# \S/.test(line));
      return !hasTitle && !hasH1;
    });
    assert.deepEqual(withoutTitle.map(rel), [rel(path.join(G, 'C-Glossar', 'Compliance.md'))]);
    assert.deepEqual(positionsOf(ofCode(findings, 'missing-key')), [
      {
        file: rel(path.join(G, 'C-Glossar', 'Compliance.md')),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 4,
        severity: 'warning',
        code: 'missing-key',
        message: 'The entry has no title: add "title:" or a "# Heading".',
      },
    ]);
  });

  it('leaves the routes into /docs/References/ (not glossary pages) and /img/ alone', () => {
    const prozesssteckbrief = path.join(G, 'P-Glossar', 'Prozesssteckbrief.md');
    assert.match(fs.readFileSync(prozesssteckbrief, 'utf8'), /\]\(\/docs\/References\/BPM-OHB\/Einleitung\/Begriffe\/Prozesssteckbrief\/\)/);
    const broken = ofCode(findings, 'broken-link');
    assert.deepEqual(broken.filter((finding) => /\/docs\/References\/|\/img\//.test(finding.message)), []);
    assert.deepEqual(broken.filter((finding) => finding.file === rel(prozesssteckbrief)), []);
  });

  it('reports the broken route /docs/Glossar/A-Glossar/Aufzeichnungen/ in D-Glossar/Dokumente.md', () => {
    const file = path.join(G, 'D-Glossar', 'Dokumente.md');
    const target = '/docs/Glossar/A-Glossar/Aufzeichnungen/';
    const { lines } = scan(file);
    const line = lines.findIndex((text) => text.includes(`](${target})`)) + 1;
    assert.equal(line, 33);
    // No entry has that id, in any folder.
    const ids = markdownBelow(PLATINUS).map((entry) => frontMatter(entry).find(([, text]) => /^id:/.test(text))?.[1].replace(/^id:\s*/, '').trim() ?? path.basename(entry, '.md'));
    assert.ok(!ids.includes('Aufzeichnungen'));
    const column = columnOf(lines[line - 1], target);
    assert.deepEqual(
      positionsOf(ofCode(findings, 'broken-link').filter((finding) => finding.file === rel(file))),
      [
        {
          file: rel(file),
          line,
          column,
          endLine: line,
          endColumn: column + target.length,
          // Docusaurus's default onBrokenLinks is throw: the build fails on it.
          severity: 'error',
          code: 'broken-link',
          message: `No glossary entry at "${target}".`,
        },
      ],
    );
  });
});

describe('check on the CNCF glossary (read-only)', () => {
  const EN = path.join(CNCF, 'content', 'en');
  const DE = path.join(CNCF, 'content', 'de');
  let findings: Array<Finding & { absolute: string }>;

  before(() => {
    requireCorpus(CNCF);
    findings = check([], CNCF);
  });

  it('takes its `Title:` keys for titles, as Hugo reads keys in any case: no unknown-key', () => {
    const withTitle = markdownBelow(CNCF).filter((file) => frontMatter(file).some(([, text]) => /^\s*Title:/.test(text)));
    assert.deepEqual(withTitle, [path.join(EN, 'serverless.md'), path.join(EN, 'software-as-a-service.md')]);
    assert.deepEqual(ofCode(findings, 'unknown-key'), []);
  });

  it('reports every empty tag, on its quotes', () => {
    const expected = markdownBelow(CNCF).flatMap((file) =>
      frontMatter(file)
        .filter(([, text]) => /^\s*tags:/.test(text))
        .flatMap(([line, text]) =>
          [...text.matchAll(/""/g)].map((match) => ({
            file: rel(file),
            line,
            column: match.index + 1,
            endLine: line,
            endColumn: match.index + 3,
            severity: 'warning',
            code: 'empty-tag',
            message: 'Empty tag.',
          })),
        ),
    );
    assert.equal(expected.length, 119);
    assert.deepEqual(positionsOf(ofCode(findings, 'empty-tag')), expected.sort(byPlace));
  });

  it('reports the links to /microservices/, which no entry answers', () => {
    assert.ok(!fs.existsSync(path.join(EN, 'microservices.md')) && !fs.existsSync(path.join(DE, 'microservices.md')));
    const target = '/microservices/';
    const expected = markdownBelow(CNCF).flatMap((file) =>
      scan(file).lines.flatMap((text, index) =>
        text.includes(`](${target})`)
          ? [{
              file: rel(file),
              line: index + 1,
              column: columnOf(text, `](${target})`) + 2,
              endLine: index + 1,
              endColumn: columnOf(text, `](${target})`) + 2 + target.length,
              severity: 'warning',
              code: 'broken-link',
              message: `No glossary entry at "${target}".`,
            }]
          : [],
      ),
    );
    assert.deepEqual(
      expected.map((finding) => [finding.file, finding.line]),
      [
        [rel(path.join(DE, 'application-programming-interface.md')), 21],
        [rel(path.join(DE, 'blue-green-deployment.md')), 11],
      ],
    );
    assert.deepEqual(positionsOf(ofCode(findings, 'broken-link').filter((finding) => finding.message.includes(`"${target}"`))), expected);
  });

  it('reports the tag "Application" as a variant of "application", with both counts', () => {
    const using = (tag: string) => markdownBelow(CNCF).filter((file) => tagsOf(file).includes(tag));
    assert.deepEqual(using('Application'), [path.join(EN, 'webassembly.md')]);
    assert.equal(using('application').length, 15);
    assert.ok(using('application').includes(path.join(EN, 'stateless-apps.md')));
    const variants = ofCode(findings, 'tag-variant').filter((finding) => finding.message.includes('"Application"'));
    assert.deepEqual(positionsOf(variants), [
      {
        file: rel(path.join(EN, 'webassembly.md')),
        line: 5,
        column: 8,
        endLine: 5,
        endColumn: 21,
        severity: 'warning',
        code: 'tag-variant',
        message: 'Tag "Application" (1 entry) looks like a variant of "application" (15 entries).',
      },
    ]);
  });
});

describe('check on the shipped glossary', () => {
  it('finds no problems in content/', () => {
    const run = cli(['check', 'content', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});

describe('check --fix on a copy of the platinus glossary', () => {
  let ws: Workspace;
  let copy: string;
  const original = new Map<string, Buffer>();

  before(() => {
    requireCorpus(PLATINUS);
    ws = createWorkspace({});
    copy = path.join(ws.root, 'platinus-glossar');
    fs.cpSync(PLATINUS, copy, { recursive: true });
    for (const file of filesBelow(PLATINUS)) original.set(path.relative(PLATINUS, file), fs.readFileSync(file));
  });
  after(() => ws?.dispose());

  const snapshot = () => new Map(filesBelow(copy).map((file) => [path.relative(copy, file), fs.readFileSync(file)] as const));

  it('rewrites every `titel:` to `title:` and leaves every other byte alone; a second run changes nothing', () => {
    const run = cli(['check', '.', '--fix'], copy);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.match(run.stdout, /^Fixed 67 files\.$/m);
    const fixed = snapshot();
    assert.deepEqual([...fixed.keys()].sort(), [...original.keys()].sort(), 'no file created or deleted');
    let changed = 0;
    for (const [file, bytes] of original) {
      const text = bytes.toString('utf8');
      const lines = text.split('\n');
      const closing = lines[0] === '---' ? lines.findIndex((line, index) => index > 0 && line === '---') : -1;
      const expected = lines.map((line, index) => (index > 0 && index < closing && line.startsWith('titel:') ? 'title:' + line.slice('titel:'.length) : line)).join('\n');
      if (expected !== text) changed++;
      assert.ok(fixed.get(file)!.equals(Buffer.from(expected, 'utf8')), file);
    }
    assert.equal(changed, 67);

    const again = cli(['check', '.', '--fix', '--format', 'json'], copy);
    assert.ok(again.status === 0 || again.status === 1, again.stderr);
    const afterSecond = snapshot();
    for (const [file, bytes] of fixed) assert.ok(afterSecond.get(file)!.equals(bytes), file);
    const remaining = JSON.parse(again.stdout) as Finding[];
    assert.deepEqual(ofCode(remaining, 'unknown-key'), []);
  });
});

describe('markdown-glossary tags', () => {
  let ws: Workspace;
  const A = '---\nid: A\ntitle: A\ntags: [Begriffe, IM]\n---\n\n# A\n';
  const B = '---\nid: B\ntitle: B\ntags:\n  - Begriffe\n  - Qualität\n  - "Neue Rolle"\n---\n\n# B\n';
  const DECLARATIONS =
    'Begriffe:\n  label: Begriffe\n  permalink: /begriffe\n' +
    'IM:\n  label: IM\n  permalink: /im\n' +
    'Neue Rolle:\n  label: Neue Rolle\n  permalink: /neue-rolle\n' +
    'Qualität:\n  label: Qualität\n  permalink: /qualitaet\n';

  before(() => {
    ws = createWorkspace({ 'new/glossar/A.md': A, 'new/glossar/B.md': B, 'existing/glossar/A.md': A, 'existing/glossar/B.md': B, 'existing/tags.yml': 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe\n' });
  });
  after(() => ws?.dispose());

  it('prints YAML declaring every tag of the glossary, and writes nothing', () => {
    const run = cli(['tags', 'glossar'], ws.path('new'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, DECLARATIONS);
    assert.deepEqual(Object.keys(parseYaml(run.stdout)), ['Begriffe', 'IM', 'Neue Rolle', 'Qualität']);
    assert.equal(fs.existsSync(ws.path('new/tags.yml')), false);
  });

  it('--write creates tags.yml, after which check finds no undeclared tag', () => {
    const run = cli(['tags', 'glossar', '--write'], ws.path('new'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(ws.path('new/tags.yml'), 'utf8'), DECLARATIONS);
    assert.deepEqual(check(['.'], ws.path('new')), []);
  });

  it('--write appends only the missing tags to an existing tags.yml', () => {
    const before = fs.readFileSync(ws.path('existing/tags.yml'), 'utf8');
    assert.equal(cli(['check', '.'], ws.path('existing')).stdout.match(/\[unknown-tag\]/g)?.length, 3);
    const printed = cli(['tags', 'glossar'], ws.path('existing'));
    assert.equal(printed.stdout, DECLARATIONS.replace('Begriffe:\n  label: Begriffe\n  permalink: /begriffe\n', ''));
    const run = cli(['tags', 'glossar', '--write'], ws.path('existing'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(ws.path('existing/tags.yml'), 'utf8'), before + printed.stdout);
    assert.deepEqual(check(['.'], ws.path('existing')), []);
  });

  it('--write keeps a byte order mark and places the tags after it as the index read the file: in a flow map on the first line too', () => {
    ws.write('bom/glossar/A.md', A);
    ws.write('bom/tags.yml', '\ufeff{Begriffe: {label: Begriffe}}\n');
    const run = cli(['tags', '--write'], ws.path('bom'));
    assert.equal(run.status, 0, run.stderr);
    const written = fs.readFileSync(ws.path('bom/tags.yml'), 'utf8');
    assert.ok(written.startsWith('\ufeff{Begriffe: {label: Begriffe}, '), written);
    assert.deepEqual(check(['.'], ws.path('bom')), []);
    assert.equal(cli(['tags', '--write'], ws.path('bom')).stderr, 'Every tag is declared in the tags file that governs its document.\n');
  });

  it('says when every tag is declared, and writes nothing (the shipped content/, its tags file in glossar/)', () => {
    const content = path.join(REPO_ROOT, 'content');
    for (const args of [['tags'], ['tags', '--write']]) {
      const run = cli(args, content);
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', 'Every tag is declared in the tags file that governs its document.\n']);
    }
    assert.equal(fs.existsSync(path.join(content, 'tags.yml')), false);
  });

  it('adds each missing tag to the tags file that governs its document, one YAML comment naming each file', () => {
    ws.write('split/glossar/tags.yml', 'Begriffe:\n  label: Grundbegriffe\n');
    ws.write('split/glossar/A.md', A);
    ws.write('split/wissen/C.md', '---\nid: C\ntitle: C\ntags: [Wissen]\n---\n\n**C ist ein Beispiel.**\n');
    const printed = cli(['tags'], ws.path('split'));
    assert.equal(printed.stdout.split('\n').filter((line) => line.startsWith('#')).join('\n'), '# glossar/tags.yml\n# tags.yml');
    const run = cli(['tags', '--write'], ws.path('split'));
    assert.equal(run.status, 0, run.stderr);
    assert.match(fs.readFileSync(ws.path('split/glossar/tags.yml'), 'utf8'), /^Begriffe:\n  label: Grundbegriffe\n\S/);
    assert.equal(fs.readFileSync(ws.path('split/tags.yml'), 'utf8'), 'Wissen:\n  label: Wissen\n  permalink: /wissen\n');
    assert.deepEqual(check(['.'], ws.path('split')), []);
  });
});

describe('settings from .markdown-glossary.json and --config', () => {
  const SETTINGS = { rules: { 'unknown-key': 'off' }, requiredKeys: ['title', 'tags'] };
  let ws: Workspace;
  let baseline: Array<Finding & { absolute: string }>;

  before(() => {
    requireCorpus(PLATINUS);
    assert.equal(fs.existsSync(path.join(REPO_ROOT, '.markdown-glossary.json')), false, 'the repository root has no settings file');
    ws = createWorkspace({ 'cwd/.markdown-glossary.json': JSON.stringify(SETTINGS), 'elsewhere/glossary-settings.json': JSON.stringify(SETTINGS) });
    baseline = check([], PLATINUS);
  });
  after(() => ws?.dispose());

  /** Entries (files with front matter) that have no `tags` key, by plain scanning. */
  const withoutTags = () =>
    markdownBelow(PLATINUS).filter((file) => scan(file).closing !== undefined && !frontMatter(file).some(([, text]) => /^\s*tags:/.test(text)));

  function expectSettingsApplied(findings: Array<Finding & { absolute: string }>) {
    assert.deepEqual(ofCode(findings, 'unknown-key'), [], 'unknown-key is off');
    const G = path.join(PLATINUS, 'docs', '10-Glossar');
    assert.deepEqual(
      withoutTags().map((file) => path.relative(G, file)),
      [path.join('P-Glossar', 'PM-Paradigma.md'), path.join('P-Glossar', 'Product-Backlog.md'), path.join('P-Glossar', 'Projektinformationen.md'), path.join('S-Glossar', 'Standards.md')],
    );
    const missing = ofCode(findings, 'missing-key').map((finding) => [finding.absolute, finding.line, finding.column, finding.message]);
    assert.deepEqual(missing.sort(), [
      [path.join(G, 'C-Glossar', 'Compliance.md'), 1, 1, 'The entry has no title: add "title:" or a "# Heading".'],
      ...withoutTags().map((file) => [file, 1, 1, 'The front matter has no "tags".']),
    ].sort());
    // Everything else is as without settings.
    const rest = (list: Array<Finding & { absolute: string }>) =>
      list.filter((finding) => finding.code !== 'unknown-key' && finding.code !== 'missing-key').map((finding) => [finding.absolute, finding.line, finding.column, finding.code, finding.severity, finding.message]);
    assert.deepEqual(rest(findings), rest(baseline));
  }

  it('reads .markdown-glossary.json from the current folder', () => {
    expectSettingsApplied(check([PLATINUS], ws.path('cwd')));
  });

  it('reads the file given with --config', () => {
    expectSettingsApplied(check(['--config', ws.path('elsewhere/glossary-settings.json')], PLATINUS));
  });
});
