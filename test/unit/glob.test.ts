import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { compileGlobs, compileGoGlob } from '../../server/src/common/glob';

const PATHS = [
  'A.md', 'a.MD', '.hidden.md', 'docs/A.md', 'docs/.draft.md', 'docs/Glossar/B.mdx', 'docs/Glossar/Sub/C.md', 'docs/glossar/x/y/z/D.md',
  'docs/drafts/E.md', 'blog/2024/F.md', 'notes.txt', 'docs/tags.yml', 'a[b].md', 'abc/def.md', 'x/abc.md',
  'Docs/Glossary-1.md', 'docs/glossary-9.md', 'src/a.md/b.md', 'docs/Ärger.md',
];

const GLOBS = [
  '**', '*', '*.md', '**/*.md', '**/*.mdx', 'docs/**', 'docs/**/*.md', 'docs/*/*.md', '**/drafts/**', 'docs/Glossar/**/*.{md,mdx}',
  '*.{md,mdx}', '**/{docs,blog}/**/*.md', 'docs/?.md', 'docs/[a-c].md', 'docs/[^b].md', '**/glossary-[0-9].md', '**/[A-Z]*.md', '**/drafts/**/*', 'docs/*',
  'a\\[b].md', '**/a*/**', 'DOCS/**/*.MD', './docs/*.md', 'docs/**/z/*.md', '**/.*', 'docs/Ä*.md', '{a,b}*.md', 'docs/{Glossar/{B,Sub/C},A}.*',
  '**/*glossar*/**', 'abc/**', 'src/*.md/*.md', '*/', 'docs//A.md', '*/**',
];

describe('globs', () => {
  it('answer as picomatch (dot files, any case) on ordinary globs', () => {
    for (const glob of GLOBS) {
      const ours = compileGlobs([glob]);
      const theirs = picomatch(glob, { dot: true, nocase: true });
      for (const path of PATHS) assert.equal(ours(path), theirs(path), `${glob} on ${path}`);
    }
  });

  it('answer as picomatch with case and without dot files, as fast-glob reads a generator\'s globs', () => {
    for (const glob of [...GLOBS, '**/.*/**', '.hidden.md', 'docs/.*.md', '**/_*/**', '**/_*.{md,mdx}']) {
      const ours = compileGlobs([glob], undefined, { caseSensitive: true, dot: false });
      const theirs = picomatch(glob);
      for (const path of [...PATHS, 'docs/.hidden/A.md', '_partial.md', 'docs/_teil/A.md']) assert.equal(ours(path), theirs(path), `${glob} on ${path}`);
    }
  });

  it('let a later "!glob" take out what an earlier one took in, and a later glob take it in again', () => {
    const matches = compileGlobs(['docs/**/*.md', '!**/drafts/**', 'docs/drafts/keep.md']);
    assert.deepEqual(['docs/A.md', 'docs/drafts/E.md', 'docs/drafts/keep.md', 'blog/F.md'].map((path) => matches(path)), [true, false, true, false]);
    assert.equal(compileGlobs([])('docs/A.md'), false);
    assert.equal(compileGlobs(['!docs/**'])('docs/A.md'), false);
  });

  it('take "[!…]" as a negated class, and a folder as matched by a glob of everything below it', () => {
    assert.deepEqual(['docs/a.md', 'docs/B.md', 'docs/z.md'].map((path) => compileGlobs(['docs/[!a-c].md'])(path)), [false, false, true]);
    const drafts = compileGlobs(['**/drafts/**', '**/a*/**']);
    assert.deepEqual([drafts('docs/drafts', true), drafts('abc', true), drafts('drafts'), drafts('abc.md'), drafts('abc/x.md')], [true, true, false, false, true]);
  });

  it('match a hostile glob against a long name at once, where a regular expression backtracks', () => {
    // picomatch: 9 s for the first against 30 "a"s, 49 s for "*a" 15 times against 32.
    const hostile = [`${'*a'.repeat(12)}*b`, `**/${'*a'.repeat(15)}*b`, `${'*a'.repeat(30)}*b`, `${'**/'.repeat(30)}b`, `{${'a,'.repeat(1000)}b}${'{x,y}'.repeat(30)}`];
    const name = 'a'.repeat(40);
    const started = performance.now();
    for (const glob of hostile) {
      const matches = compileGlobs([glob]);
      for (let file = 0; file < 100; file++) assert.equal(matches(`${'a/'.repeat(30)}${name}`), false, glob);
    }
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  });

  it('hold a list to a bounded work per path: globs past it are left out and named, and the rest still match', () => {
    const names = Array.from({ length: 100 }, (_, n) => `${'a'.repeat(240)}${n}.md`);
    // 2 KB of braces and "*?" that expand to 256 spellings of 2,000 characters each.
    const hostile = `**/${'{*,?}'.repeat(8)}${'*?'.repeat(1_000)}z`;
    const refused: string[] = [];
    const started = performance.now();
    const matches = compileGlobs(['**/*9.md', hostile, `**/${'{a,b}'.repeat(8)}${'*?'.repeat(40)}z`], (glob) => refused.push(glob));
    const matched = names.filter((name) => matches(name));
    assert.ok(performance.now() - started < 1_000, `${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(refused.length, 2);
    assert.equal(refused[0], hostile);
    assert.deepEqual(matched, names.filter((name) => name.endsWith('9.md')));
  });

  it('match a path against hundreds of "**" in time their number times its depth', () => {
    const paths = Array.from({ length: 1_000 }, (_, n) => `${Array.from({ length: 24 }, (_, depth) => `d${depth}`).join('/')}/f${n}.md`);
    const started = performance.now();
    const included = compileGlobs([`${'**/'.repeat(680)}*.md`]);
    const excluded = compileGlobs([`${'**/'.repeat(680)}zz`]);
    const alternating = compileGlobs([`${'**/d3/'.repeat(340)}*.md`]);
    assert.equal(paths.filter((file) => included(file) && !excluded(file)).length, 1_000);
    assert.equal(paths.filter((file) => alternating(file)).length, 0);
    assert.ok(performance.now() - started < 2_000, `${Math.round(performance.now() - started)} ms`);
  });

  it('compile hostile globs at once, without throwing: unclosed classes and braces, thousands of braces', () => {
    const started = performance.now();
    const globs = ['['.repeat(50_000), `${'[a'.repeat(20_000)}]`, '{a,'.repeat(20_000), `${'{a,'.repeat(10_000)}b${'}'.repeat(10_000)}`, '{a,b}'.repeat(10_000), '\\'.repeat(10_000)];
    for (const glob of globs) assert.equal(compileGlobs([glob])('b'), false, glob.slice(0, 20));
    assert.equal(compileGlobs(['[a'])('[a'), true);
    assert.equal(compileGlobs(['{a,b}{c,d}.md'])('bd.md'), true);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  });
});

describe('Go globs (gobwas, as Hugo matches a cascade\'s _target)', () => {
  it('take * and ? within a segment and ** across, without ** standing for nothing', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/blog/**', '/blog/a.md', true], ['/blog/**', '/blog', false], ['{/articles,/articles/**}', '/articles', true], ['/x/*', '/x/a/b', false], ['/x/*', '/x/a', true],
      ['**.md', '/a/b.md', true], ['/g3**', '/g3/x/y.md', true], ['/g1/**/*.md', '/g1/x.md', false], ['/g1/**/*.md', '/g1/a/x.md', true], ['/[a-c]*', '/b1', true], ['/[a-c]*', '/d1', false], ['/?', '/a', true], ['/?', '//', false],
    ];
    for (const [pattern, text, matches] of cases) assert.equal(compileGoGlob(pattern)(text), matches, `${pattern} on ${text}`);
  });

  it('let a prefix and a suffix around ** overlap, as gobwas compiles that shape', () => {
    assert.equal(compileGoGlob('/g4/**/x.md')('/g4/x.md'), true);
    assert.equal(compileGoGlob('/g4/**/x.md')('/g4/a/x.md'), true);
    assert.equal(compileGoGlob('/g4/**/x.md')('/g5/x.md'), false);
  });

  it('match a hostile pattern against a long text at once', () => {
    const started = performance.now();
    assert.equal(compileGoGlob(`${'*a'.repeat(40)}b`)('a'.repeat(5_000)), false);
    assert.ok(performance.now() - started < 1_000);
  });
});
