/**
 * The .vsix as `npm run package` makes it: the stock `vsce package`, no flags, no warning, no
 * question asked (stdin closed); the extension alone, with a Marketplace README whose images and
 * links are absolute and lead to files of this repository, and a CHANGELOG of released versions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

// yauzl reads zip files for vsce, in node_modules with it (untyped there).
interface ZipEntry {
  fileName: string;
}
interface ZipFile {
  readEntry(): void;
  on(event: 'entry', listener: (entry: ZipEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  openReadStream(entry: ZipEntry, callback: (error: Error | null, stream: NodeJS.ReadableStream) => void): void;
}
const yauzl = require('yauzl') as { open(file: string, options: { lazyEntries: boolean }, callback: (error: Error | null, zip: ZipFile) => void): void };

/** Every file of a zip, by name, as text. */
function unzip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, string>();
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry) =>
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const REPOSITORY = MANIFEST.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

describe('the .vsix', { timeout: 180_000 }, () => {
  let scratch: string;
  let output: string;
  let files: Map<string, string>;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-vsix-'));
    const vsix = path.join(scratch, 'markdown-glossary.vsix');
    const packaged = spawnSync(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 });
    output = packaged.stdout + packaged.stderr;
    assert.equal(packaged.status, 0, output);
    files = await unzip(vsix);
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is packed by the stock vsce package without a warning', () => {
    assert.equal(MANIFEST.scripts.package, 'node scripts/package.mjs');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'package.mjs'), 'utf8'), /\['package', '--out', [^\]]*\]/);
    assert.match(output, /DONE\s+Packaged/);
    assert.doesNotMatch(output, /WARNING|ERROR/);
  });

  it('holds the extension alone: no CLI, no source maps, no sources; the demo glossary and the walkthrough\'s pictures', () => {
    // The demo glossary the walkthrough opens: content/ without the settings file, whose $schema points into this repository.
    const demo = fs
      .readdirSync(path.join(REPO_ROOT, 'content'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== '.markdown-glossary.json')
      .map((entry) => `extension/${path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
    assert.ok(demo.includes('extension/content/glossar/Outtasking.md') && demo.includes('extension/content/glossar/tags.yml'));
    const walkthroughImages = MANIFEST.contributes.walkthroughs.flatMap((walkthrough: { steps: Array<{ media: { image: string } }> }) => walkthrough.steps.map((step) => `extension/${step.media.image}`));
    assert.deepEqual([...files.keys()].filter((name) => name.startsWith('extension/content/') || name.startsWith('extension/docs/')).sort(), [...new Set([...demo, ...walkthroughImages])].sort());
    assert.deepEqual([...files.keys()].filter((name) => !name.startsWith('extension/content/') && !name.startsWith('extension/docs/')).sort(), [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/babel.js',
      'extension/dist/client.js',
      'extension/dist/headingSlugs.js',
      'extension/dist/htmlEntities.js',
      'extension/dist/jsYaml.js',
      'extension/dist/mdx.js',
      'extension/dist/parseWorker.js',
      'extension/dist/re2.js',
      'extension/dist/server.js',
      'extension/dist/tagPermalinks.js',
      'extension/images/glossary-view.svg',
      'extension/images/icon.png',
      'extension/l10n/bundle.l10n.de.json',
      'extension/media/preview.css',
      'extension/package.json',
      'extension/package.nls.de.json',
      'extension/package.nls.json',
      'extension/readme.md',
      'extension/schemas/markdown-glossary.schema.json',
      'extension/schemas/package-json.schema.json',
      'extension/syntaxes/markdown-glossary.injection.tmLanguage.json',
    ]);
    const manifest = JSON.parse(files.get('extension/package.json')!);
    assert.equal(manifest.main, './dist/client.js');
    // VS Code validates settings files with the schemas the package holds.
    for (const { url } of manifest.contributes.jsonValidation) assert.ok(files.has(`extension/${url.replace(/^\.\//, '')}`), url);
    // Not in every repository that has a README: Markdown opened, or a glossary's tags file.
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onLanguage:mdx', 'workspaceContains:**/tags.yml']);
  });

  it("has a README whose images and links are absolute and lead to this repository's files", () => {
    const readme = files.get('extension/readme.md')!;
    const targets = [...readme.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, bang, target]) => ({ image: bang === '!', target }));
    assert.ok(targets.filter((target) => target.image).length >= 4, 'the screenshots');
    for (const { image, target } of targets) {
      if (target.startsWith('#')) continue;
      assert.match(target, /^https:\/\//, target);
      if (!target.startsWith(REPOSITORY)) continue;
      const [, kind, file] = target.slice(REPOSITORY.length).match(/^\/(blob|raw)\/HEAD\/([^#?]+)/) ?? [];
      assert.equal(kind, image ? 'raw' : 'blob', target);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, decodeURIComponent(file))), `${target}: no ${file} in the repository`);
    }
  });

  it('has a CHANGELOG of released versions, the newest the version packed', () => {
    const versions = [...files.get('extension/changelog.md')!.matchAll(/^## (.*)$/gm)].map(([, heading]) => heading);
    assert.match(versions[0], new RegExp(`^\\[?${MANIFEST.version.replace(/\./g, '\\.')}\\]? - \\d{4}-\\d{2}-\\d{2}$`));
    for (const version of versions) assert.match(version, /^\[?\d+\.\d+\.\d+\]? - \d{4}-\d{2}-\d{2}$/);
  });
});
