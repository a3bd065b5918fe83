/**
 * The CLI with a hostile or messy repository: `--fix` and `tags --write` never damage a file or
 * write outside the checked folders, a bad file stops nothing else, and what it prints cannot forge
 * lines. Runs the bundled `dist/cli.js`; build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { CLI_JS } from '../support/lspClient';

const TAGS = 'Begriffe:\n  label: Begriffe\n';
/** A misspelt key: the safe fixes rename it. */
const MISSPELT = (body: string) => `---\nid: Begriff\ntitel: Begriff\ntags: [Begriffe]\n---\n\n# Begriff\n\n**${body}**\n`;

/** A user the tests can run the CLI as, so that file permissions apply even when the tests run as root. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/**
 * The bundled CLI where an unprivileged user can run it: the clone may lie in a folder only root
 * may enter. The bundle and the service it loads from beside it (core.js) hold everything these
 * runs need; the l10n folder is only needed for German.
 */
function cliFor(uid: number | undefined): string {
  if (uid === undefined) return CLI_JS;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-cli-'));
  copies.push(folder);
  fs.mkdirSync(path.join(folder, 'dist'));
  for (const bundle of ['cli.js', 'core.js']) fs.copyFileSync(path.join(path.dirname(CLI_JS), bundle), path.join(folder, 'dist', bundle));
  execFileSync('chmod', ['-R', 'a+rX', folder]);
  return path.join(folder, 'dist', 'cli.js');
}

function cli(args: string[], cwd: string, options: { uid?: number } = {}) {
  const result = spawnSync(process.execPath, [cliFor(options.uid), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (result.error) throw result.error;
  return result;
}

const copies: string[] = [];
after(() => copies.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

const workspaces: Workspace[] = [];
function workspace(files: Record<string, string>): Workspace {
  const ws = createWorkspace(files);
  workspaces.push(ws);
  return ws;
}
after(() => workspaces.forEach((ws) => ws.dispose()));

describe('check --fix', () => {
  it('leaves a file that is not UTF-8 byte for byte, says so, and fails', () => {
    const ws = workspace({ 'tags.yml': TAGS });
    // Latin-1: "Größe" and "Maß" as single bytes, which UTF-8 does not allow.
    const latin1 = Buffer.from(MISSPELT('Die Größe und das Maß.'), 'latin1');
    fs.writeFileSync(ws.path('Begriff.md'), latin1);
    const run = cli(['check', '--fix', '.'], ws.root);
    assert.deepEqual(fs.readFileSync(ws.path('Begriff.md')), latin1);
    assert.match(run.stderr, /Not fixed: .*Begriff\.md is not UTF-8 text/);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /unknown-key/, 'the problem is still reported');
  });

  it('keeps a byte order mark, CRLF line ends and every byte outside the fix', () => {
    const ws = workspace({ 'tags.yml': TAGS });
    const original = '\ufeff' + MISSPELT('Größe – “typografisch” 😀 ä').replace(/\n/g, '\r\n');
    fs.writeFileSync(ws.path('Begriff.md'), original, 'utf8');
    const run = cli(['check', '--fix', '.'], ws.root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(fs.readFileSync(ws.path('Begriff.md')), Buffer.from(original.replace('titel:', 'title:'), 'utf8'));
  });

  it('goes on past a file it cannot write: every other file is fixed and reported, and the run fails', { skip: process.platform === 'win32' }, () => {
    const ws = workspace({ 'tags.yml': TAGS, 'a/Gesperrt.md': MISSPELT('Gesperrt.'), 'b/Offen.md': MISSPELT('Offen.') });
    fs.chmodSync(ws.path('a/Gesperrt.md'), 0o444);
    if (asRoot) {
      // Root may write anything: run as an unprivileged user who owns the folder but not the locked file.
      execFileSync('chmod', ['-R', 'a+rX', ws.root]);
      execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, ws.root]);
      execFileSync('chown', ['0:0', ws.path('a/Gesperrt.md')]);
    }
    const run = cli(['check', '--fix', '--format', 'json', '.'], ws.root, asRoot ? { uid: NOBODY } : {});
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /Not fixed: cannot write .*Gesperrt\.md/);
    assert.equal(fs.readFileSync(ws.path('b/Offen.md'), 'utf8'), MISSPELT('Offen.').replace('titel:', 'title:'));
    const findings = JSON.parse(run.stdout) as Array<{ file: string; code: string }>;
    assert.deepEqual(
      findings.filter((finding) => finding.code === 'unknown-key').map((finding) => finding.file),
      ['a/Gesperrt.md'],
      'the locked file keeps its problem, the other is fixed',
    );
  });

  it('does not write through a link that leads out of the checked folders', () => {
    const outside = workspace({ 'Fremd.md': MISSPELT('Fremd.') });
    const ws = workspace({ 'tags.yml': TAGS, 'glossar/Begriff.md': MISSPELT('Eigen.') });
    fs.symlinkSync(outside.path('Fremd.md'), ws.path('glossar/Fremd.md'));
    const run = cli(['check', '--fix', '.'], ws.root);
    assert.equal(fs.readFileSync(outside.path('Fremd.md'), 'utf8'), MISSPELT('Fremd.'));
    assert.equal(fs.readFileSync(ws.path('glossar/Begriff.md'), 'utf8'), MISSPELT('Eigen.').replace('titel:', 'title:'));
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});

describe('tags --write', () => {
  it('does not write through a tags.yml that links out of the repository', () => {
    const outside = workspace({ 'tags.yml': TAGS });
    const ws = workspace({ 'Begriff.md': MISSPELT('Eigen.').replace('[Begriffe]', '[Begriffe, Neu]') });
    fs.symlinkSync(outside.path('tags.yml'), ws.path('tags.yml'));
    const run = cli(['tags', '--write'], ws.root);
    assert.equal(fs.readFileSync(outside.path('tags.yml'), 'utf8'), TAGS);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /Not written/);
  });
});

describe('a tags file that does not parse', () => {
  it('is reported at the place of its error, and fails the check', () => {
    const ws = workspace({ 'tags.yml': 'Begriffe:\n  label: Begriffe\n IM: [\n', 'Begriff.md': MISSPELT('Eigen.').replace('titel:', 'title:') });
    const run = cli(['check', '--format', 'json', '.'], ws.root);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; line: number; code: string; severity: string }>;
    const inTagsFile = findings.filter((finding) => finding.file === 'tags.yml');
    assert.ok(inTagsFile.length > 0 && inTagsFile.every((finding) => finding.code === 'yaml-syntax' && finding.severity === 'error' && finding.line >= 2), run.stdout);
    assert.equal(run.status, 1);
  });

  it('gets nothing appended by tags --write, which fails with the reason', () => {
    const broken = 'Begriffe:\n  label: Begriffe\n IM: [\n';
    const ws = workspace({ 'tags.yml': broken, 'Begriff.md': MISSPELT('Eigen.').replace('[Begriffe]', '[Begriffe, Neu]') });
    const run = cli(['tags', '--write'], ws.root);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /tags\.yml: The tags file has YAML errors/);
    assert.equal(fs.readFileSync(ws.path('tags.yml'), 'utf8'), broken);
  });
});

describe('writes', () => {
  it('never go through a dangling link, which would create its target outside', () => {
    const outside = workspace({});
    const ws = workspace({ 'Begriff.md': MISSPELT('Eigen.').replace('[Begriffe]', '[Begriffe, Neu]') });
    fs.symlinkSync(outside.path('neu.yml'), ws.path('tags.yml'));
    const run = cli(['tags', '--write'], ws.root);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.equal(fs.existsSync(outside.path('neu.yml')), false);
  });

  it('never wait on a named pipe in place of the file', () => {
    const ws = workspace({ 'Begriff.md': MISSPELT('Eigen.') });
    execFileSync('mkfifo', [ws.path('tags.yml')]);
    const run = cli(['tags', '--write'], ws.root);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /Not written/);
  });

  it('never replace a tags file the glossary does not read, and never go through a hard link', () => {
    // A tags file past the size limit is not read, so the glossary has none: it must not be replaced by a new one.
    const large = TAGS + `# ${'x'.repeat(200)}\n`;
    const ws = workspace({ 'B.md': '---\nid: B\ntags: [Neu]\n---\n', 'tags.yml': large, '.markdown-glossary.json': '{"maxFileSize": 100}' });
    const run = cli(['tags', '--write'], ws.root);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.equal(fs.readFileSync(ws.path('tags.yml'), 'utf8'), large);

    const outside = workspace({ 'Fremd.md': MISSPELT('Fremd.') });
    const linked = workspace({ 'tags.yml': TAGS });
    fs.linkSync(outside.path('Fremd.md'), linked.path('Fremd.md'));
    const fix = cli(['check', '--fix', '.'], linked.root);
    assert.equal(fix.status, 2, fix.stdout + fix.stderr);
    assert.match(fix.stderr, /other hard links/);
    assert.equal(fs.readFileSync(outside.path('Fremd.md'), 'utf8'), MISSPELT('Fremd.'));
  });
});

describe('the setting tagsFile', () => {
  it('naming a file outside the checked folders is a usage error, and the file is neither read nor written', () => {
    const outside = workspace({ 'tags.yml': TAGS });
    const ws = workspace({ 'Begriff.md': MISSPELT('Eigen.').replace('[Begriffe]', '[Begriffe, Neu]') });
    const tagsFile = path.relative(ws.root, outside.path('tags.yml'));
    fs.writeFileSync(ws.path('.markdown-glossary.json'), JSON.stringify({ tagsFile }));
    for (const args of [['check'], ['tags', '--write']]) {
      const run = cli(args, ws.root);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, /is not inside the checked folders/);
    }
    assert.equal(fs.readFileSync(outside.path('tags.yml'), 'utf8'), TAGS);
  });
});

describe('paths', () => {
  it('a folder given through a symbolic link is checked where the link leads', () => {
    const real = workspace({ 'tags.yml': TAGS, 'Begriff.md': MISSPELT('Eigen.') });
    const ws = workspace({});
    fs.symlinkSync(real.root, ws.path('glossar'));
    const run = cli(['check', '--format', 'json', 'glossar'], ws.root);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; code: string }>;
    assert.deepEqual(findings.map((finding) => `${finding.file} ${finding.code}`), ['glossar/Begriff.md unknown-key']);
    const fixed = cli(['check', '--fix', 'glossar'], ws.root);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(real.path('Begriff.md'), 'utf8'), MISSPELT('Eigen.').replace('titel:', 'title:'));
  });

  it('globs of a settings file past the bounded work per path are a failure with the reason, not a stall', () => {
    const ws = workspace({ 'tags.yml': TAGS, 'Begriff.md': MISSPELT('Eigen.'), '.markdown-glossary.json': JSON.stringify({ exclude: [`**/${'{*,?}'.repeat(8)}${'*?'.repeat(1000)}z`] }) });
    const run = cli(['check', '.'], ws.root);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /at most 2048 characters of globs/);
  });

  it('a file given from outside the working folder is checked and fixed', () => {
    const ws = workspace({ 'tags.yml': TAGS, 'ws/Begriff.md': MISSPELT('Eigen.'), 'other/.keep': '' });
    for (const given of ['../ws/Begriff.md', ws.path('ws/Begriff.md')]) {
      const run = cli(['check', '--format', 'json', given], ws.path('other'));
      assert.deepEqual((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code), ['unknown-key'], `${given}: ${run.stdout}${run.stderr}`);
    }
    const fixed = cli(['check', '--fix', '../ws/Begriff.md'], ws.path('other'));
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(ws.path('ws/Begriff.md'), 'utf8'), MISSPELT('Eigen.').replace('titel:', 'title:'));
  });

  it('a settings or ignore file that is a named pipe does not hang the run', () => {
    for (const name of ['.markdown-glossary.json', '.markdown-glossary-ignore']) {
      const ws = workspace({ 'tags.yml': TAGS, 'Begriff.md': MISSPELT('Eigen.') });
      execFileSync('mkfifo', [ws.path(name)]);
      const run = cli(['check', '.'], ws.root);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stderr, /not a regular file/);
      assert.match(run.stdout, /1 problem /);
    }
  });
});

describe('log lines on stderr', () => {
  it('write control characters from file names and settings as escapes', () => {
    const ws = workspace({ 'tags.yml': TAGS, '.markdown-glossary.json': '{"maxFileSize": 10}' });
    fs.writeFileSync(ws.path('x\n::error file=README.md,line=1::Forged\u001b[2J.md'), MISSPELT('Zu groß.'));
    const run = cli(['check', '--format', 'github', '.'], ws.root);
    assert.match(run.stderr, /Skipped .*x\\n::error file=README\.md,line=1::Forged\\u001b\[2J\.md/);
    assert.ok(!run.stderr.includes('\u001b'), run.stderr);
    assert.ok(run.stderr.split('\n').every((line) => !line.startsWith('::error')), run.stderr);
  });
});

describe('text output', () => {
  it('writes control characters from the workspace as escapes, so a finding is one line and cannot forge another', () => {
    const ws = workspace({ 'tags.yml': TAGS });
    // YAML escapes in a tag: a line break followed by a GitHub workflow command, and an ANSI colour.
    fs.writeFileSync(ws.path('Begriff.md'), '---\nid: Begriff\ntitle: Begriff\ntags: [Begriffe, "x\\n::error file=a::forged", "\\e[31mrot"]\n---\n\n# Begriff\n');
    for (const format of ['text', 'github']) {
      const run = cli(['check', '--format', format, '.'], ws.root);
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      assert.ok(!run.stdout.includes('\u001b'), `${format}: no raw escape character`);
      assert.ok(lines.every((line) => !line.startsWith('::error file=a')), `${format}: ${run.stdout}`);
      const unknownTags = lines.filter((line) => line.includes('unknown-tag'));
      assert.equal(unknownTags.length, 2, `${format}: ${run.stdout}`);
      assert.ok(unknownTags.some((line) => line.includes('x\\n::error file=a::forged')), `${format}: ${run.stdout}`);
    }
  });
});
