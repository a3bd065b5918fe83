import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readTextFileNow } from '../../server/src/workspace/fileReading';
import { findWorkspaceFiles, GlossaryScope, writeTextFileNow } from '../../server/src/workspace/files';

const root = mkdtempSync(path.join(tmpdir(), 'glossary-scope-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(relative: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '---\ntitle: T\n---\n');
  return file;
}

const files = [
  'docs/Glossar/A.md',
  'docs/Glossar/B.mdx',
  'docs/Glossar/Sub/C.MD',
  'docs/tags.yml',
  'docs/drafts/Entwurf.md',
  'docs/Glossar/drafts/Auch-Entwurf.md',
  'docs/notes.txt',
  'node_modules/pkg/README.md',
  '.github/ISSUE_TEMPLATE/bug.md',
  '.changeset/bright-owls.md',
  '.agents/skills/publish/SKILL.md',
  'build/Kopie.md',
  'blog/Eintrag.md',
  'inner/Tief.md',
  'inner/x/Tiefer.md',
  'Oben.md',
].map(write);
const at = (relative: string) => path.join(root, relative);
const listed = async (scope: GlossaryScope, starts?: string[]) => {
  const found = await findWorkspaceFiles(scope, () => {}, starts);
  return { markdown: found.markdown.map((file) => path.relative(root, file)), tagsFiles: found.tagsFiles.map((file) => path.relative(root, file)) };
};

describe('the glossary scope', () => {
  it('finds Markdown and tags files outside dependency, build and tools\' folders', async () => {
    const found = await listed(new GlossaryScope([root]));
    assert.deepEqual(found.markdown, [
      'Oben.md',
      'blog/Eintrag.md',
      'docs/Glossar/A.md',
      'docs/Glossar/B.mdx',
      'docs/Glossar/Sub/C.MD',
      'docs/Glossar/drafts/Auch-Entwurf.md',
      'docs/drafts/Entwurf.md',
      'inner/Tief.md',
      'inner/x/Tiefer.md',
    ]);
    assert.deepEqual(found.tagsFiles, ['docs/tags.yml']);
  });

  it("leaves out Hugo's archetypes, templates Hugo never builds, but not a folder of that name elsewhere", async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'glossary-archetypes-'));
    try {
      const files = ['hugo.toml', 'archetypes/default.md', 'themes/t/archetypes/default.md', 'content/a.md', 'docs/archetypes/Held.md'];
      for (const file of files) {
        mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
        writeFileSync(path.join(site, file), file.endsWith('.md') ? '---\ntitle: "{{ replace .Name "-" " " | title }}"\n---\n' : 'title = "T"\n');
      }
      const scope = new GlossaryScope([site]);
      const found = await findWorkspaceFiles(scope, () => {});
      assert.deepEqual(found.markdown.map((file) => path.relative(site, file)), ['content/a.md', 'docs/archetypes/Held.md']);
      // A watcher's event for an archetype is no file of the glossary either.
      assert.equal(scope.contains(path.join(site, 'archetypes/default.md')), false);
      assert.equal(scope.contains(path.join(site, 'docs/archetypes/Held.md')), true);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('reads a build, dist or out folder inside a folder a site\'s generator reads, where it is a section like any (astar-docs\' docs/build/), not elsewhere', async () => {
    const scope = new GlossaryScope([root]);
    const inside = ['docs/build/Bauen.md', 'docs/Glossar/dist/Verteilt.md', 'docs/out/Aus.md'].map(write);
    const outside = [write('dist/Kopie.md'), write('docs2/build/Nicht.md')];
    try {
      scope.readByGenerators([at('docs')]);
      const found = await listed(scope);
      for (const file of inside) assert.ok(found.markdown.includes(path.relative(root, file)) && scope.contains(file), file);
      for (const file of [...outside, at('build/Kopie.md')]) assert.ok(!found.markdown.includes(path.relative(root, file)) && !scope.contains(file), file);
      // On the way to a folder a generator reads (`contentDir = "build/content"`), such a folder is walked too.
      const content = write('build/content/Inhalt.md');
      inside.push(content);
      scope.readByGenerators([at('docs'), at('build/content')]);
      const again = await listed(scope);
      assert.ok(again.markdown.includes('build/content/Inhalt.md') && scope.contains(content));
      // The walk and a watcher's event agree on the files on the way.
      assert.equal(again.markdown.includes('build/Kopie.md'), scope.contains(at('build/Kopie.md')));
      assert.ok(!again.markdown.includes('dist/Kopie.md') && !scope.contains(at('dist/Kopie.md')));
    } finally {
      for (const file of [...inside, ...outside]) rmSync(file);
    }
  });

  it('keeps to the include globs and leaves out the exclude globs, in the walk as for single files', async () => {
    const scope = new GlossaryScope([root], ['docs/**/*.md', 'docs/**/*.mdx'], ['**/drafts/**']);
    const found = await listed(scope);
    assert.deepEqual(found.markdown, ['docs/Glossar/A.md', 'docs/Glossar/B.mdx', 'docs/Glossar/Sub/C.MD']);
    assert.deepEqual(found.tagsFiles, ['docs/tags.yml']);
    for (const file of files) {
      const relative = path.relative(root, file);
      assert.equal(scope.contains(file), found.markdown.includes(relative) || found.tagsFiles.includes(relative), relative);
    }
  });

  it('reads globs relative to the innermost root listed first, when one root lies in another', async () => {
    // "*.md" is a file directly in a root: inner/Tief.md is one in the root "inner".
    const scope = new GlossaryScope([at('inner'), root], ['*.md']);
    assert.deepEqual((await listed(scope)).markdown, ['Oben.md', 'inner/Tief.md']);
    assert.equal(scope.contains(at('inner/Tief.md')), true);
    assert.equal(scope.contains(at('inner/x/Tiefer.md')), false);
  });

  it('answers at once for a hostile exclude glob that a regular expression would backtrack on for seconds per file', () => {
    const scope = new GlossaryScope([root], ['**/*.md'], [`**/${'*a'.repeat(12)}*b.md`]);
    const started = performance.now();
    assert.equal(scope.contains(at(`docs/${'a'.repeat(30)}.md`)), true);
    assert.equal(scope.contains(at(`docs/${'a'.repeat(30)}b.md`)), false);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  });

  it('walks only below the paths it is given, files or folders, each once', async () => {
    const scope = new GlossaryScope([root]);
    const found = await listed(scope, [at('docs/Glossar'), at('docs/Glossar/Sub'), at('Oben.md'), at('node_modules/pkg/README.md')]);
    assert.deepEqual(found.markdown, ['Oben.md', 'docs/Glossar/A.md', 'docs/Glossar/B.mdx', 'docs/Glossar/Sub/C.MD', 'docs/Glossar/drafts/Auch-Entwurf.md']);
  });
});

describe('reachability of a batch of reads', () => {
  it('agrees with the scope for files, links and paths outside, and a later batch sees a root replaced by a link', { skip: process.platform === 'win32' }, () => {
    const base = path.join(root, 'batch');
    const workspace = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    mkdirSync(path.join(workspace, 'docs'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(workspace, 'docs', 'A.md'), '# A\n');
    writeFileSync(path.join(outside, 'B.md'), '# B\n');
    symlinkSync(outside, path.join(workspace, 'linked'));
    // A file that is a link, to a file of the workspace, to one outside, and to none.
    symlinkSync(path.join(workspace, 'docs', 'A.md'), path.join(workspace, 'docs', 'Same.md'));
    symlinkSync(path.join(outside, 'B.md'), path.join(workspace, 'docs', 'Out.md'));
    symlinkSync(path.join(workspace, 'docs', 'Gone.md'), path.join(workspace, 'docs', 'Dangling.md'));
    const scope = new GlossaryScope([workspace]);
    const batch = scope.reachabilityForBatch();
    const inDocs = (name: string) => path.join(workspace, 'docs', name);
    const files = [inDocs('A.md'), path.join(workspace, 'linked', 'B.md'), path.join(outside, 'B.md'), inDocs('New.md'), inDocs('Same.md'), inDocs('Out.md'), inDocs('Dangling.md'), path.join(workspace, 'nowhere', 'C.md')];
    assert.deepEqual(files.map((file) => batch.isReachable(file)), [true, false, false, true, false, false, false, true]);
    assert.deepEqual(files.map((file) => batch.isReachable(file)), files.map((file) => scope.isReachable(file)));
    // The workspace folder becomes a link to the folder outside: the next batch resolves it again.
    renameSync(workspace, path.join(base, 'ws-moved'));
    symlinkSync(outside, workspace);
    const next = scope.reachabilityForBatch();
    assert.equal(next.isReachable(path.join(workspace, 'B.md')), scope.isReachable(path.join(workspace, 'B.md')));
    assert.equal(next.isReachable(path.join(workspace, 'B.md'), path.join(outside, 'B.md')), true, 'a root that is a link is the workspace, as the walk takes it');
    assert.equal(batch.isReachable(path.join(workspace, 'B.md'), path.join(outside, 'B.md')), false, 'this batch resolved the root before it moved');
  });
});

describe('writing a file of the scope', () => {
  it('checks the file it opened: a folder swapped for a link after the scope was checked carries no write or read out of it', { skip: process.platform !== 'linux' }, () => {
    const workspace = path.join(root, 'swap', 'ws');
    const outside = path.join(root, 'swap', 'outside');
    mkdirSync(path.join(workspace), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'x.md'), 'outside\n');
    symlinkSync(outside, path.join(workspace, 'd'));
    // The check before the open passed when d was still a folder; d is a link when the file is opened.
    const scope = new (class extends GlossaryScope {
      override isReachable(filePath: string, realPath?: string): boolean {
        return realPath === undefined || super.isReachable(filePath, realPath);
      }
    })([workspace]);
    assert.throws(() => writeTextFileNow(path.join(workspace, 'd', 'x.md'), 'written\n', scope), /outside the checked folders/);
    assert.equal(readFileSync(path.join(outside, 'x.md'), 'utf8'), 'outside\n');
    // A read of a file named by the watcher is held to the same check.
    const logged: string[] = [];
    assert.equal(readTextFileNow(path.join(workspace, 'd', 'x.md'), (message) => logged.push(message), 1_000, scope), undefined);
    assert.match(logged.join('\n'), /a link took it outside the workspace/);
  });
});
