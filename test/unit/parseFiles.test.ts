import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileUri } from '../../server/src/common/uris';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { ParseCache, parseCacheFile } from '../../server/src/workspace/parseCache';
import type { ParsingThread } from '../../server/src/workspace/parseFiles';
import { useBundle } from '../../server/src/workspace/translations';
import { userVisibleAnswers } from '../support/indexSnapshot';

const REPO = path.resolve(__dirname, '..', '..');
/** The bundled thread, as the server starts it (`npm test` builds dist/ first). */
const WORKER_FILE = path.join(REPO, 'dist', 'parseWorker.js');
const temporary = mkdtempSync(path.join(tmpdir(), 'glossary-parse-thread-'));
const root = path.join(temporary, 'ws');
after(() => rmSync(temporary, { recursive: true, force: true }));

/** In a thread of its own whatever the number of files. */
const IN_THREAD: ParsingThread = { workerFile: WORKER_FILE, minFiles: 0 };
/** A thread that cannot start: every file is parsed in the main thread. */
const NO_THREAD: ParsingThread = { workerFile: path.join(temporary, 'missing.js') };

function markdownFiles(): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.mdx?$/.test(file)).map((file) => path.join(root, file)).sort();
}

async function indexed(parsingThread: ParsingThread, cache?: ParseCache): Promise<{ index: GlossaryIndex; logged: string[]; files: string[] }> {
  const index = new GlossaryIndex();
  const logged: string[] = [];
  const files = await loadGlossary(index, new GlossaryScope([root]), (message) => logged.push(message), { parsingThread, cache: cache && Promise.resolve(cache) });
  return { index, logged, files };
}

describe('parsing in a thread of its own', () => {
  before(() => {
    assert.ok(existsSync(WORKER_FILE), `${WORKER_FILE} is missing: run node esbuild.mjs`);
    // The glossaries of content/ and test/corpora, a Docusaurus site whose pages stop MDX, and a file too large to read.
    cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
    cpSync(path.join(REPO, 'test', 'corpora'), path.join(root, 'corpora'), { recursive: true });
    cpSync(path.join(REPO, 'test', 'sites', 'docusaurus-mdx'), path.join(root, 'site'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'Zu-gross.md'), `---\ntitle: Zu groß\n---\n${'x'.repeat(2 * 1024 * 1024)}\n`);
    writeFileSync(path.join(root, 'content', 'Kaputt.md'), '---\ntitle: [Kaputt\n---\n# Kaputt\n');
  });
  afterEach(() => useBundle({}));

  it('gives the index what parsing in the main thread gives: documents, diagnostics, names, links, hovers and the log', async () => {
    const inThread = await indexed(IN_THREAD);
    const here = await indexed(NO_THREAD);
    assert.ok(inThread.files.length > 300, String(inThread.files.length));
    assert.deepEqual(inThread.files, here.files);
    assert.deepStrictEqual(userVisibleAnswers(inThread.index, markdownFiles()), userVisibleAnswers(here.index, markdownFiles()));
    assert.deepEqual(inThread.logged, here.logged);
    // What could not be read is logged, by either thread alike.
    assert.ok(inThread.logged.some((message) => message.startsWith(`Skipped ${path.join(root, 'content', 'Zu-gross.md')}: `)), inThread.logged.join('\n'));
    // The pages that stop MDX were read as MDX in the thread too.
    assert.ok([...inThread.index.documents()].some((document) => (document.mdxProblems ?? []).length > 0));
  });

  it("writes the parser's messages in the main thread's language", async () => {
    useBundle(JSON.parse(readFileSync(path.join(REPO, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>);
    const inThread = await indexed(IN_THREAD);
    const here = await indexed(NO_THREAD);
    const broken = (index: GlossaryIndex) => index.getDocument(fileUri(path.join(root, 'content', 'Kaputt.md')))!.diagnostics.map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken(inThread.index), broken(here.index));
    useBundle({});
    const english = broken((await indexed(IN_THREAD)).index);
    assert.ok(english.length > 0);
    assert.notDeepEqual(broken(inThread.index), english);
  });

  it('parses the rest in the main thread when the thread stops, and says so', async () => {
    const failing = path.join(temporary, 'failing.js');
    writeFileSync(failing, "throw new Error('no parser here');\n");
    const stopped = await indexed({ workerFile: failing, minFiles: 0 });
    assert.ok(stopped.logged.includes('Parsing the rest of the files in this thread: the parsing thread stopped (no parser here).'), stopped.logged.join('\n'));
    const here = await indexed(NO_THREAD);
    assert.deepStrictEqual(userVisibleAnswers(stopped.index, markdownFiles()), userVisibleAnswers(here.index, markdownFiles()));
  });

  it('gives the same on hostile files: aliases written out to megabytes, JSON nested past any stack, dates', async () => {
    const hostile = path.join(temporary, 'hostile');
    const site = path.join(hostile, 'site');
    mkdirSync(path.join(site, 'docs'), { recursive: true });
    writeFileSync(path.join(site, 'docusaurus.config.js'), "export default { title: 'x', url: 'https://x.org', baseUrl: '/', presets: [['classic', { docs: {} }]] };\n");
    // Two in one batch: their values, written out, are some 40 MB each.
    let aliases = `---\ntitle: Bombe\nx: &a "${'ä'.repeat(20_000)}"\n`;
    for (const [name, inner] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) aliases += `${name}: &${name} [${Array(10).fill(`*${inner}`).join(',')}]\n`;
    for (const name of ['Bombe-1', 'Bombe-2']) writeFileSync(path.join(site, 'docs', `${name}.md`), `${aliases}e: [${Array(7).fill('*d').join(',')}]\n---\n# Bombe\n`);
    writeFileSync(path.join(site, 'docs', 'Tief.md'), `{\n"title": "Tief",\n"x": ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}\n`);
    // A Hugo section whose cascaded expiry date is a YAML timestamp: its pages are not built.
    cpSync(path.join(REPO, 'test', 'sites', 'hugo-cascade'), path.join(hostile, 'hugo'), { recursive: true });
    writeFileSync(path.join(hostile, 'hugo', 'content', 'ablauf', '_index.md'), '---\ntitle: Ablauf\ncascade:\n  expirydate: !!timestamp 2001-01-01\n---\n\nText.\n');
    writeFileSync(path.join(hostile, 'hugo', 'content', 'verweis.md'), '---\ntitle: Verweis\n---\n\n[P](ablauf/p.md)\n');
    const load = async (parsingThread: ParsingThread) => {
      const index = new GlossaryIndex();
      const logged: string[] = [];
      await loadGlossary(index, new GlossaryScope([hostile]), (message) => logged.push(message), { parsingThread });
      return { index, logged };
    };
    const inThread = await load(IN_THREAD);
    const here = await load(NO_THREAD);
    const files = (readdirSync(hostile, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.mdx?$/.test(file)).map((file) => path.join(hostile, file)).sort();
    assert.deepStrictEqual(userVisibleAnswers(inThread.index, files), userVisibleAnswers(here.index, files));
    assert.deepEqual(inThread.logged, here.logged);
    assert.equal(inThread.index.termOf(fileUri(path.join(site, 'docs', 'Tief.md')))?.title, 'Tief');
    assert.equal(inThread.index.termOf(fileUri(path.join(site, 'docs', 'Bombe-2.md')))?.title, 'Bombe');
    assert.equal(inThread.index.isBuilt(fileUri(path.join(hostile, 'hugo', 'content', 'ablauf', 'p.md'))), false);
  });

  it('parses in the main thread where the runtime has no SharedArrayBuffer, and ends', () => {
    // In a process of its own, started without it (bundled: tsx's loader needs it too).
    const script = path.join(temporary, 'no-shared-memory.ts');
    writeFileSync(
      script,
      `import { GlossaryIndex } from ${JSON.stringify(path.join(REPO, 'server/src/index/glossaryIndex'))};
import { GlossaryScope } from ${JSON.stringify(path.join(REPO, 'server/src/workspace/files'))};
import { loadGlossary } from ${JSON.stringify(path.join(REPO, 'server/src/workspace/loadGlossary'))};
const index = new GlossaryIndex();
const logged: string[] = [];
void loadGlossary(index, new GlossaryScope([${JSON.stringify(path.join(root, 'content'))}]), (message) => logged.push(message), { parsingThread: { workerFile: ${JSON.stringify(WORKER_FILE)}, minFiles: 0 } })
  .then((files) => console.log(JSON.stringify({ files: files.length, terms: index.termCount, logged })));
`,
    );
    // ES modules first, as esbuild.mjs bundles them (jsonc-parser's UMD build requires what no bundler follows).
    buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: `${script}.js`, external: ['./mdxParser'], logLevel: 'error' });
    const run = spawnSync(process.execPath, ['--no-harmony-sharedarraybuffer', `${script}.js`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { files: number; terms: number; logged: string[] };
    assert.ok(result.files > 20 && result.terms > 20, run.stdout);
    assert.ok(result.logged.includes('Parsing files in this thread: SharedArrayBuffer is not defined'), run.stdout);
  });

  it("fills the cache of parsed files with each file's stamp as it was read, for a warm start that answers alike", async () => {
    for (const file of markdownFiles()) utimesSync(file, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    const cacheFile = parseCacheFile([root], path.join(temporary, 'cache'));
    const writing = await ParseCache.open(cacheFile, [root], () => undefined);
    const cold = await indexed(IN_THREAD, writing);
    await writing.save();
    const reading = await ParseCache.open(cacheFile, [root], () => undefined);
    const warm = await indexed(IN_THREAD, reading);
    assert.equal(reading.reused, cold.files.length);
    assert.equal(reading.parsed, 0);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers(cold.index, markdownFiles()));
  });
});
