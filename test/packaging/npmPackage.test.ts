/**
 * The npm package as a user gets it: `npm pack` of a copy of the repository without dist/ (as a
 * clean checkout is), installed globally into an empty prefix with no network, and run from there:
 * `check`, `tags`, `server --stdio`, `require('markdown-glossary')` and TypeScript against its types.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, REPO_ROOT } from '../support/lspClient';

const NOT_COPIED = new Set(['.git', 'node_modules', '.test-cache', 'dist', 'out']);
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    // Not the npm_* variables of an outer `npm test`: they would point npm at the repository.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_'))), LC_ALL: '', LANG: 'C.UTF-8' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', { timeout: 240_000 }, () => {
  let scratch: string;
  let packed: PackResult;
  let installed: string;
  let bin: string;

  before(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-npm-')));
    const checkout = path.join(scratch, 'checkout');
    for (const name of fs.readdirSync(REPO_ROOT)) {
      if (NOT_COPIED.has(name) || name.endsWith('.vsix') || name.endsWith('.tgz')) continue;
      fs.cpSync(path.join(REPO_ROOT, name), path.join(checkout, name), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    const pack = run('npm', ['pack', '--json', '--pack-destination', scratch], checkout);
    assert.equal(pack.status, 0, pack.stderr);
    [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
    const prefix = path.join(scratch, 'prefix');
    // --offline: the package needs nothing from the registry, so no dependency at all.
    const install = run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], scratch);
    assert.equal(install.status, 0, install.stdout + install.stderr);
    installed = path.join(prefix, 'lib', 'node_modules', MANIFEST.name);
    bin = path.join(prefix, 'bin', 'markdown-glossary');
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('holds only what runs outside VS Code, built by prepack, under 1 MB', () => {
    const files = packed.files.map((file) => file.path).sort();
    const schemas = files.filter((file) => file.startsWith('schemas/'));
    assert.deepEqual(
      files.filter((file) => !schemas.includes(file)),
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/babel.js', 'dist/cli.js', 'dist/core.js', 'dist/headingSlugs.js', 'dist/htmlEntities.js', 'dist/jsYaml.js', 'dist/lib.js', 'dist/mdx.js', 'dist/parseWorker.js', 'dist/re2.js', 'dist/server.js', 'dist/tagPermalinks.js', 'l10n/bundle.l10n.de.json', 'package.json', 'types/markdown-glossary.d.ts'],
    );
    assert.ok(schemas.every((file) => file.endsWith('.json')), schemas.join());
    assert.ok(packed.size < 1024 * 1024, `tarball ${packed.size} bytes`);
    // The production bundle: minified, no source map comment pointing at a file not shipped.
    assert.doesNotMatch(fs.readFileSync(path.join(installed, 'dist', 'cli.js'), 'utf8'), /sourceMappingURL/);
  });

  it('installs no dependency: the bundles hold them', () => {
    assert.deepEqual(fs.readdirSync(path.join(installed)).filter((name) => name === 'node_modules'), []);
    assert.equal(MANIFEST.dependencies, undefined);
  });

  it('runs check and tags from the global install', () => {
    const site = path.join(scratch, 'site');
    fs.mkdirSync(path.join(site, 'glossar'), { recursive: true });
    fs.writeFileSync(path.join(site, 'glossar', 'tags.yml'), 'Begriffe:\n  label: Begriffe\n');
    fs.writeFileSync(path.join(site, 'glossar', 'x.md'), '---\nid: x\ntitle: X\ntags: [Begriffe, Neu]\n---\n\n# X\n\n**X ist ein Beispiel.**\n');
    const check = run(bin, ['check', '--format', 'json'], site, 30_000);
    assert.equal(check.status, 0, check.stderr);
    assert.deepEqual(
      JSON.parse(check.stdout).map((finding: { file: string; code: string }) => `${finding.file} ${finding.code}`),
      ['glossar/x.md unknown-tag'],
    );
    const tags = run(bin, ['tags'], site, 30_000);
    assert.equal(tags.status, 0, tags.stderr);
    assert.match(tags.stdout, /^Neu:$/m);
    assert.equal(run(bin, ['--version'], site).stdout, `${MANIFEST.version}\n`);
  });

  it('reads MDX with the parser bundled apart (dist/mdx.js), from the CLI and from a script', () => {
    const site = path.join(scratch, 'mdx-site');
    fs.mkdirSync(path.join(site, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(site, 'docs', 'x.md'), '---\nid: x\ntitle: X\n---\n\n# X\n\nIn <100ms.\n');
    const check = run(bin, ['check', '--format', 'json'], site, 30_000);
    assert.equal(check.status, 1, check.stderr);
    assert.deepEqual(JSON.parse(check.stdout).map((finding: { file: string; code: string; line: number }) => `${finding.file}:${finding.line} ${finding.code}`), ['docs/x.md:8 invalid-mdx']);
    fs.mkdirSync(path.join(site, 'node_modules'));
    fs.symlinkSync(installed, path.join(site, 'node_modules', MANIFEST.name), 'dir');
    const script = `require('markdown-glossary').check(['docs']).then((result) => console.log(result.findings.map((finding) => finding.code).join()));`;
    assert.equal(run(process.execPath, ['-e', script], site, 30_000).stdout.trim(), 'invalid-mdx');
  });

  it('runs the language server from the global install', async () => {
    const folder = fs.mkdtempSync(path.join(scratch, 'server-'));
    const client = await LspClient.start({ workspaceFolders: [folder], args: [path.join(installed, 'dist', 'cli.js'), 'server', '--stdio'] });
    assert.equal(client.initializeResult?.serverInfo?.name, 'markdown-glossary');
    assert.equal(await client.shutdown(), 0);
  });

  it('checks from a script as the CLI does: the settings file found, and one with a mistake refused', () => {
    const site = path.join(scratch, 'library-site');
    fs.mkdirSync(path.join(site, 'glossar'), { recursive: true });
    fs.writeFileSync(path.join(site, 'glossar', 'tags.yml'), 'Begriffe:\n  label: Begriffe\n');
    fs.writeFileSync(path.join(site, 'glossar', 'x.md'), '---\nid: x\ntitle: X\ntags: [Begriffe, Neu]\n---\n\n# X\n\n**X ist ein Beispiel.**\n');
    const script = `
      require('markdown-glossary').check(['glossar/x.md']).then(
        (result) => console.log(JSON.stringify(result.findings.map((finding) => finding.severity + ' ' + finding.code))),
        (error) => console.log(JSON.stringify({ message: error.message, problems: error.problems })),
      );`;
    fs.mkdirSync(path.join(site, 'node_modules'));
    fs.symlinkSync(installed, path.join(site, 'node_modules', MANIFEST.name), 'dir');
    const checkFromScript = () => JSON.parse(run(process.execPath, ['-e', script], site, 30_000).stdout);
    fs.writeFileSync(path.join(site, '.markdown-glossary.json'), '{ "rules": { "unknown-tag": "error" } }\n');
    assert.deepEqual(checkFromScript(), ['error unknown-tag']);
    fs.writeFileSync(path.join(site, '.markdown-glossary.json'), '{ "rules": { "unknown-tag": "error", } }\n');
    assert.deepEqual(checkFromScript(), {
      message: 'Invalid settings file: .markdown-glossary.json',
      problems: [".markdown-glossary.json:1:36: Trailing comma: JSON allows none (a .jsonc file does)."],
    });
  });

  it('is a library for require, import and TypeScript, and still an extension for VS Code', () => {
    const consumer = path.join(scratch, 'consumer');
    fs.mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
    fs.symlinkSync(installed, path.join(consumer, 'node_modules', MANIFEST.name), 'dir');
    fs.writeFileSync(path.join(consumer, 'x.md'), '---\ntitle: Outtasking\ntags: [IM]\n---\n\n**Outtasking ist eine Form des Outsourcings.**\n');
    const script = `
      const glossary = require('markdown-glossary');
      glossary.check(['.'], { locale: 'de' }).then((result) => console.log(JSON.stringify({
        resolved: require.resolve('markdown-glossary'),
        version: glossary.version,
        entry: glossary.parseEntry(require('node:fs').readFileSync('x.md', 'utf8'), 'x.md'),
        codes: result.findings.map((finding) => finding.code),
        manifest: require('markdown-glossary/package.json').main,
      })));`;
    const required = run(process.execPath, ['-e', script], consumer, 30_000);
    assert.equal(required.status, 0, required.stderr);
    assert.deepEqual(JSON.parse(required.stdout), {
      resolved: fs.realpathSync(path.join(installed, 'dist', 'lib.js')),
      version: MANIFEST.version,
      entry: { id: 'x', title: 'Outtasking', aliases: [], tags: ['IM'], notMentions: [], definition: 'Outtasking ist eine Form des Outsourcings.' },
      codes: [],
      // VS Code reads `main`, never `exports`: the extension's client.
      manifest: './dist/client.js',
    });
    const imported = run(process.execPath, ['--input-type=module', '-e', "import { parseEntry, version } from 'markdown-glossary'; console.log(typeof parseEntry, version)"], consumer);
    assert.equal(imported.stdout, `function ${MANIFEST.version}\n`, imported.stderr);

    fs.writeFileSync(
      path.join(consumer, 'index.ts'),
      [
        "import { check, parseEntry, type Finding } from 'markdown-glossary';",
        "const findings: Promise<Finding[]> = check(['docs'], { settings: { rules: { 'unknown-tag': 'off' } } }).then((result) => result.findings);",
        "const title: string | undefined = parseEntry('---\\ntitle: A\\n---\\n')?.title;",
        'export { findings, title };',
        '',
      ].join('\n'),
    );
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = ['--strict', '--noEmit', '--module', 'node16', '--moduleResolution', 'node16', '--lib', 'es2022'];
    const compiled = run(process.execPath, [tsc, ...options, 'index.ts'], consumer, 60_000);
    assert.equal(compiled.status, 0, compiled.stdout);
    // The types are read, not taken as any: a wrong call does not compile.
    fs.writeFileSync(path.join(consumer, 'wrong.ts'), "import { check } from 'markdown-glossary';\ncheck('docs');\n");
    const wrong = run(process.execPath, [tsc, ...options, 'wrong.ts'], consumer, 60_000);
    assert.match(wrong.stdout, /wrong\.ts\(2,7\): error TS2345/);
  });
});
