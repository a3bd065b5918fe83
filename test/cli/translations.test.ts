/**
 * `markdown-glossary translations` on a site whose history is made by real git commits
 * (test/support/translationRepo.ts). Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../support/runCli';
import { createTranslationRepo, type TranslationRepo } from '../support/translationRepo';

/** `translations` runs git: more time than the other commands. */
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(['translations', ...args], cwd, env, 30_000);

describe('markdown-glossary translations', () => {
  let repo: TranslationRepo;
  before(() => {
    repo = createTranslationRepo();
  });
  after(() => repo.dispose());

  it('prints missing, outdated (with commit counts and dates) and up-to-date translations and the orphans, and exits 0', () => {
    const run = cli([], repo.root);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n').map((line) => line.replace(/ +/g, ' ').trimEnd());
    assert.deepEqual(lines, [
      'Entry Locale State Since Translation',
      'content/en/changed-after.md de outdated by 2 commits translated 2026-01-02, original changed 2026-01-06 content/de/changed-after.md',
      'content/en/changed-before.md de up to date content/de/changed-before.md',
      'content/en/missing.md de missing',
      'content/en/neuer Name ä.md de outdated by 1 commit translated 2026-01-02, original changed 2026-01-06 content/de/neuer Name ä.md',
      'content/en/pinned.md de outdated by 1 commit translated 2026-01-01, original changed 2026-01-03 content/de/pinned.md',
      ' de orphan: no original content/de/orphan.md',
      '',
      'de: up to date 1, outdated 3, missing 1, unknown 0, orphans 1',
      'Judged by: Git history, commits named by translated_from.',
      '',
    ]);
  });

  it('exits 1 with --strict when a translation is outdated, and 2 for a locale or path that is not there', () => {
    assert.equal(cli(['--strict'], repo.root).status, 1);
    assert.equal(cli(['--strict', '--locale', 'DE'], repo.root).status, 1, 'a locale in any case');
    for (const [args, message] of [
      [['--strict', '--locale', 'fr'], 'No site translates into "fr"; its translations are in: de.'],
      [['--strict', '--locale', 'en'], 'No site translates into "en"; its translations are in: de.'],
      [['--strict', 'content/fr'], 'No such file or folder: content/fr'],
    ] as const) {
      const run = cli([...args], repo.root);
      assert.equal(run.status, 2, run.stdout);
      assert.equal(run.stderr.split('\n')[0], `markdown-glossary: ${message}`);
    }
  });

  it('writes JSON with the commits a diff starts from, the renamed original under its old name', () => {
    const run = cli(['--format', 'json', '--locale', 'de'], repo.root);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { originals: Array<{ file: string; translations: Array<Record<string, unknown>> }>; orphans: Array<{ file: string }> };
    const renamed = report.originals.find((original) => original.file === 'content/en/neuer Name ä.md')!;
    assert.deepEqual(renamed.translations, [
      {
        locale: 'de',
        state: 'outdated',
        basis: 'git',
        commitsBehind: 1,
        file: 'content/de/neuer Name ä.md',
        translated: '2026-01-02',
        originalChanged: '2026-01-06',
        since: { commit: repo.commits.originals, pathInRepository: 'content/en/alt name.md' },
      },
    ]);
    assert.deepEqual(report.orphans, [{ file: 'content/de/orphan.md', title: 'Waise', locale: 'de' }]);
  });

  it('adds the diff of each outdated original since its translation with --diff, and writes Markdown', () => {
    const run = cli(['--diff', '--format', 'markdown'], repo.root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\| Entry \| de \|$/m);
    assert.match(run.stdout, /^\| content\/en\/changed-after\.md \| ⚠️ outdated by 2 commits, translated 2026-01-02, original changed 2026-01-06 \|$/m);
    assert.match(run.stdout, /--- content\/en\/alt name\.md@[0-9a-f]{12}\n\+\+\+ content\/en\/neuer Name ä\.md\n@@ -2,4 \+2,4 @@\n title: Old Name\n ---\n \n-\*\*Version one\.\*\*\n\+\*\*Version two\.\*\*/);
  });

  it('reports only the entries under the paths given, knowing the originals elsewhere', () => {
    const run = cli(['content/de/changed-after.md'], repo.root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      run.stdout.split('\n').filter((line) => line.startsWith('content/')).map((line) => line.split(/ {2,}/).slice(0, 3)),
      [['content/en/changed-after.md', 'de', 'outdated by 2 commits']],
    );
  });

  it('diffs the words, not the line ends, of an original checked out with CRLF', () => {
    const file = repo.path('content/en/changed-after.md');
    const text = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, text.replace(/\n/g, '\r\n'));
      const run = cli(['--diff', 'content/de/changed-after.md'], repo.root);
      assert.equal(run.status, 0, run.stderr);
      const changed = run.stdout.split('\n').filter((line) => /^[-+][^-+]/.test(line));
      assert.deepEqual(changed, ['-**Version one.**', '+**Version three.**']);
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('speaks German', () => {
    const run = cli([], repo.root, { LANG: 'de_DE.UTF-8' });
    assert.match(run.stdout, /^content\/en\/changed-after\.md +de +veraltet um 2 Commits +übersetzt 2026-01-02, Original geändert 2026-01-06/m);
  });

  it('falls back to file times without git on the PATH, says so, and does not fail', () => {
    const folder = fs.mkdtempSync(path.join(repo.root, 'empty-path-'));
    const run = cli([], repo.root, { PATH: folder });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Judged by: file times\.$/m);
    assert.match(run.stdout, /^Git is not installed \(no git on the PATH\): file times were used\.$/m);
  });
});
