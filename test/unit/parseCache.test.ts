import assert from 'node:assert/strict';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { fileUri } from '../../server/src/common/uris';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { MAX_FILE_BYTES } from '../../server/src/workspace/fileReading';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { ParseCache, parseCacheFile } from '../../server/src/workspace/parseCache';
import { useBundle } from '../../server/src/workspace/translations';
import { userVisibleAnswers } from '../support/indexSnapshot';

const REPO = path.resolve(__dirname, '..', '..');
const temporary = mkdtempSync(path.join(tmpdir(), 'glossary-cache-'));
const root = path.join(temporary, 'ws');
const cacheFolder = path.join(temporary, 'cache');
const cacheFile = parseCacheFile([root], cacheFolder);
after(() => rmSync(temporary, { recursive: true, force: true }));

/** An hour ago: older than the window in which a file may change without its time changing. */
const past = (seconds = 0) => new Date(Date.now() - 3600_000 + seconds * 1000);

/** The glossaries of content/ and test/corpora, untouched for an hour. */
function freshWorkspace(): void {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheFolder, { recursive: true, force: true });
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(REPO, 'test', 'corpora'), path.join(root, 'corpora'), { recursive: true });
  for (const file of markdownFiles()) utimesSync(file, past(), past());
}

function markdownFiles(): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.mdx?$/.test(file)).map((file) => path.join(root, file)).sort();
}

interface Indexed {
  index: GlossaryIndex;
  logged: string[];
  cache: ParseCache | undefined;
}

/** Indexes the workspace, with the cache (then written) or without. */
async function indexWorkspace(withCache: boolean): Promise<Indexed> {
  const index = new GlossaryIndex();
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  const cache = withCache ? await ParseCache.open(cacheFile, [root], log) : undefined;
  await loadGlossary(index, new GlossaryScope([root]), log, { cache: cache && Promise.resolve(cache) });
  await cache?.save();
  return { index, logged, cache };
}

/**
 * What a start without the cache answers on the fresh workspace: the same for every test that
 * compares with it before changing a file, so worked out once.
 */
let freshAnswers: ReturnType<typeof userVisibleAnswers> | undefined;
async function coldAnswersOfFreshWorkspace(): Promise<ReturnType<typeof userVisibleAnswers>> {
  freshAnswers ??= userVisibleAnswers((await indexWorkspace(false)).index, markdownFiles());
  return freshAnswers;
}

function rewriteCache(change: (header: Record<string, unknown>, lines: string[]) => void, keepChecksum = false): void {
  const [headerLine, ...lines] = readFileSync(cacheFile, 'utf8').split('\n');
  const header = JSON.parse(headerLine) as Record<string, unknown>;
  change(header, lines);
  const body = lines.join('\n');
  if (!keepChecksum) Object.assign(header, { bytes: Buffer.byteLength(body), sha256: createHash('sha256').update(body).digest('hex') });
  writeFileSync(cacheFile, `${JSON.stringify(header)}\n${body}`);
}

describe('the cache of parsed files', () => {
  beforeEach(freshWorkspace);

  it('never changes an answer: a warm index equals a cold one, documents, diagnostics, names, links and hovers', async () => {
    const cold = await coldAnswersOfFreshWorkspace();
    const writing = await indexWorkspace(true);
    const files = markdownFiles().length;
    assert.ok(files > 250);
    assert.equal(writing.cache!.reused, 0);
    assert.ok(writing.logged.includes(`Wrote the cache of parsed files: ${files} files, ${statSync(cacheFile).size - readFileSync(cacheFile, 'utf8').indexOf('\n') - 1} bytes.`), writing.logged.join('\n'));
    const warm = await indexWorkspace(true);
    assert.equal(warm.cache!.reused, files);
    assert.equal(warm.cache!.parsed, 0);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), cold);
    // Nothing changed: the cache is not written again.
    assert.ok(!warm.logged.some((message) => message.startsWith('Wrote')));
    assert.equal(statSync(cacheFile).mode & 0o777, 0o600);
  });

  it('parses at every start a file whose document it does not hold, and is not written again for it', async () => {
    // YAML's aliases write this out to two million characters: past what the cache holds.
    const bomb = path.join(root, 'content', 'Bombe.md');
    writeFileSync(bomb, `---\ntitle: Bombe\nx: &a "${'ä'.repeat(20_000)}"\nb: &b [${Array(10).fill('*a').join(',')}]\nc: [${Array(10).fill('*b').join(',')}]\n---\n# Bombe\n`);
    utimesSync(bomb, past(), past());
    const cold = await indexWorkspace(false);
    const writing = await indexWorkspace(true);
    assert.ok(writing.logged.some((message) => message.startsWith('Wrote the cache of parsed files')), writing.logged.join('\n'));
    const warm = await indexWorkspace(true);
    assert.equal(warm.cache!.reused, markdownFiles().length - 1);
    assert.equal(warm.cache!.parsed, 1);
    assert.ok(!warm.logged.some((message) => message.startsWith('Wrote')), warm.logged.join('\n'));
    assert.equal(warm.index.termOf(fileUri(bomb))?.title, 'Bombe');
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers(cold.index, markdownFiles()));
  });

  it('reads again a file changed since, also one of the same size, and forgets a deleted one', async () => {
    await indexWorkspace(true);
    const [first, second, third] = markdownFiles();
    // Same size, another modification time.
    const text = readFileSync(first, 'utf8');
    writeFileSync(first, text.replace(/[a-z]/, (letter) => (letter === 'x' ? 'y' : 'x')));
    utimesSync(first, past(10), past(10));
    writeFileSync(second, readFileSync(second, 'utf8') + '\nMehr.\n');
    utimesSync(second, past(), past());
    unlinkSync(third);
    const warm = await indexWorkspace(true);
    assert.equal(warm.cache!.parsed, 2);
    assert.equal(warm.cache!.reused, markdownFiles().length - 2);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers((await indexWorkspace(false)).index, markdownFiles()));
    assert.equal(warm.index.getDocument(fileUri(third)), undefined);
    assert.ok(warm.logged.includes(`Wrote the cache of parsed files: ${markdownFiles().length} files, ${statSync(cacheFile).size - readFileSync(cacheFile, 'utf8').indexOf('\n') - 1} bytes.`));
  });

  it("parses again a file whose opening Hugo reads otherwise once its site is Hugo's, and a file read as MDX once its site is no longer Docusaurus's", async () => {
    const site = path.join(root, 'hugo-site');
    const blanks = path.join(site, 'content', 'glossar', 'leer.md');
    mkdirSync(path.dirname(blanks), { recursive: true });
    writeFileSync(blanks, '\n\n---\ntitle: Nach Leerzeilen\nslug: leer\n---\nText.\n');
    writeFileSync(path.join(site, 'content', 'glossar', 'voll.md'), '---\ntitle: Voll\n---\nText.\n');
    for (const file of markdownFiles()) utimesSync(file, past(), past());
    const before = await indexWorkspace(true);
    assert.equal(before.index.termOf(fileUri(blanks)), undefined);
    writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const warm = await indexWorkspace(true);
    // The workspace's other files were taken for a Docusaurus site's while it had none, and read as MDX: now they are not.
    assert.equal(warm.index.termOf(fileUri(blanks))?.title, 'Nach Leerzeilen');
    assert.equal(warm.index.pageOf(fileUri(blanks))?.permalink, '/glossar/leer/');
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers((await indexWorkspace(false)).index, markdownFiles()));
  });

  it("parses again a page whose body Docusaurus reads otherwise once the site's markdown.format changes", async () => {
    const site = path.join(root, 'mdx-site');
    const page = path.join(site, 'docs', 'seite.md');
    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, '---\ntitle: Seite\n---\n\n# Seite\n\n<details>\n\n    Siehe [fehlt](./fehlt.md).\n\n</details>\n');
    const config = (format: string) => writeFileSync(path.join(site, 'docusaurus.config.js'), `module.exports = { title: 'S', url: 'https://example.com', baseUrl: '/', markdown: { format: '${format}' } };\n`);
    config('mdx');
    for (const file of markdownFiles()) utimesSync(file, past(), past());
    const links = (indexed: Indexed) => indexed.index.getDocument(fileUri(page))?.body.links.map((link) => link.target);
    assert.deepEqual(links(await indexWorkspace(true)), ['./fehlt.md']);
    config('md');
    const warm = await indexWorkspace(true);
    // Compiled as CommonMark, the indented line is code.
    assert.deepEqual(links(warm), []);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers((await indexWorkspace(false)).index, markdownFiles()));
  });

  it('forgets the files that are gone, also when no file is left to cache', async () => {
    await indexWorkspace(true);
    const [kept, ...gone] = markdownFiles();
    for (const file of gone) unlinkSync(file);
    // Past the size read: skipped, so nothing of this start is cached.
    writeFileSync(kept, `---\ntitle: Groß\n---\n${'x'.repeat(MAX_FILE_BYTES)}\n`);
    utimesSync(kept, past(), past());
    const warm = await indexWorkspace(true);
    assert.deepEqual([warm.cache!.reused, warm.cache!.parsed], [0, 0]);
    assert.ok(warm.logged.includes('Wrote the cache of parsed files: 0 files, 0 bytes.'), warm.logged.join('\n'));
    assert.ok(!readFileSync(cacheFile, 'utf8').includes(path.basename(gone[0])));
    // And then nothing to write.
    assert.ok(!(await indexWorkspace(true)).logged.some((message) => message.startsWith('Wrote')));
  });

  it('costs no file when looking one up throws: the file is read as without a cache', async () => {
    const cold = await coldAnswersOfFreshWorkspace();
    await indexWorkspace(true);
    const [broken] = markdownFiles();
    const index = new GlossaryIndex();
    const logged: string[] = [];
    const cache = await ParseCache.open(cacheFile, [root], (message) => logged.push(message));
    const lookUp = cache.lookUp.bind(cache);
    cache.lookUp = (filePath, ...rest) => {
      if (filePath === broken) throw new Error('kaputt');
      return lookUp(filePath, ...rest);
    };
    await loadGlossary(index, new GlossaryScope([root]), (message) => logged.push(message), { cache: Promise.resolve(cache) });
    assert.deepEqual(logged.filter((message) => !message.startsWith('Site:')), [`Parsing ${broken} again: kaputt`]);
    assert.deepStrictEqual(userVisibleAnswers(index, markdownFiles()), cold);
  });

  it('does not cache a file changed just before it was read, which may change again within the same modification time', async () => {
    const [racy] = markdownFiles();
    const original = readFileSync(racy, 'utf8');
    writeFileSync(racy, original);
    const modified = statSync(racy).mtime;
    const writing = await indexWorkspace(true);
    assert.equal(writing.cache!.parsed, markdownFiles().length);
    // Changed within the same tick of the clock: same size, same time.
    writeFileSync(racy, original.replace(/[a-z]/, (letter) => (letter === 'x' ? 'y' : 'x')));
    utimesSync(racy, modified, modified);
    const warm = await indexWorkspace(true);
    assert.equal(warm.cache!.parsed, 1);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), userVisibleAnswers((await indexWorkspace(false)).index, markdownFiles()));
  });

  const discarded: Array<[string, () => void, RegExp]> = [
    ['truncated', () => writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, statSync(cacheFile).size >> 1)), /checksum does not match/],
    ['random bytes', () => writeFileSync(cacheFile, Buffer.from(Array.from({ length: 5000 }, (_, n) => (n * 7919) % 251))), /no header|not a cache/],
    ['empty', () => writeFileSync(cacheFile, ''), /no header/],
    ['changed without its checksum', () => rewriteCache((_, lines) => (lines[0] = lines[0].replace(/\d(?=\D*$)/, (digit) => String((Number(digit) + 1) % 10))), true), /checksum does not match/],
    ['from another version', () => rewriteCache((header) => (header.parser = '0.0.1+1')), /another version/],
    ['of another format', () => rewriteCache((header) => (header.format = 99)), /not a cache of this format/],
    ['for other folders', () => rewriteCache((header) => (header.roots = ['/elsewhere'])), /other workspace folders/],
    ['writable by the group', () => chmodSync(cacheFile, 0o660), /other users may write/],
    ['writable by everyone', () => chmodSync(cacheFile, 0o606), /other users may write/],
    [
      'a link',
      () => {
        const target = `${cacheFile}.target`;
        cpSync(cacheFile, target);
        unlinkSync(cacheFile);
        symlinkSync(target, cacheFile);
      },
      /ELOOP|symbolic link/,
    ],
  ];
  if (process.getuid?.() === 0) discarded.push(['owned by another user', () => chownSync(cacheFile, 4321, 4321), /another user \(uid 4321\)/]);
  for (const [what, spoil, why] of discarded) {
    it(`discards a cache ${what}, logs why, and parses every file`, async () => {
      const cold = await coldAnswersOfFreshWorkspace();
      await indexWorkspace(true);
      spoil();
      const warm = await indexWorkspace(true);
      assert.equal(warm.cache!.reused, 0);
      const message = warm.logged.find((line) => line.startsWith('Discarded the cache of parsed files'));
      assert.match(message ?? warm.logged.join('\n'), why);
      assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), cold);
      // The next start has a cache again, its own.
      const again = await indexWorkspace(true);
      assert.equal(again.cache!.reused, markdownFiles().length);
    });
  }

  it('parses a file whose entry does not decode, and trusts the rest', async () => {
    const cold = await coldAnswersOfFreshWorkspace();
    await indexWorkspace(true);
    rewriteCache((_, lines) => {
      const tab = lines[0].indexOf('\t');
      const entry = JSON.parse(lines[0].slice(tab + 1)) as unknown[];
      (entry[4] as unknown[])[1] = ['not', 'headings'];
      lines[0] = `${lines[0].slice(0, tab)}\t${JSON.stringify(entry)}`;
      lines[1] = `${lines[1].slice(0, lines[1].indexOf('\t'))}\t{"not":"an entry"}`;
    });
    const warm = await indexWorkspace(true);
    assert.equal(warm.cache!.parsed, 2);
    assert.equal(warm.logged.filter((line) => line.startsWith('Discarded the cached parse of')).length, 2);
    assert.deepStrictEqual(userVisibleAnswers(warm.index, markdownFiles()), cold);
  });

  it('is not used in another language, whose diagnostics read otherwise', async () => {
    await indexWorkspace(true);
    try {
      useBundle(JSON.parse(readFileSync(path.join(REPO, 'l10n', 'bundle.l10n.de.json'), 'utf8')));
      const warm = await indexWorkspace(true);
      assert.equal(warm.cache!.reused, 0);
      assert.match(warm.logged.join('\n'), /written in another language/);
    } finally {
      useBundle({});
    }
  });

  it('goes to the folder given, else the system cache folder, one file per set of workspace folders', () => {
    assert.equal(path.dirname(parseCacheFile(['/a'], '/given')), '/given');
    assert.notEqual(parseCacheFile(['/a'], '/given'), parseCacheFile(['/b'], '/given'));
    const home = process.env.XDG_CACHE_HOME;
    try {
      process.env.XDG_CACHE_HOME = '/xdg';
      if (process.platform === 'linux') assert.equal(path.dirname(parseCacheFile(['/a'], undefined)), '/xdg/markdown-glossary');
    } finally {
      if (home === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = home;
    }
    mkdirSync(cacheFolder, { recursive: true });
  });
});
