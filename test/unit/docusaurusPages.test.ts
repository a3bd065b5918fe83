/**
 * Which files Docusaurus's docs plugin reads, as its `include` and `exclude` select them
 * (test/sites/docusaurus-include-exclude holds the same rules against the real build).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docusaurusPageOf, type DocusaurusInstance } from '../../server/src/site/docusaurus';
import { defaultDocusaurusSite } from '../../server/src/site/site';

function siteWith(options: Partial<DocusaurusInstance>) {
  const site = defaultDocusaurusSite('file:///site').docusaurus;
  site.instances = [{ ...site.instances[0], ...options }];
  return site;
}

const built = (site: ReturnType<typeof siteWith>, file: string) => docusaurusPageOf(site, `docs/${file}`, [])?.published;

describe('the files the docs plugin reads', () => {
  it('by default: Markdown and MDX files, with case, but no hidden, `_` or test files and folders', () => {
    const site = siteWith({});
    assert.deepEqual(
      ['A.md', 'B.mdx', 'C.MD', '.d.md', '.e/F.md', '_g.md', '_h/I.md', '__tests__/J.md', 'k/l.md'].map((file) => built(site, file)),
      [true, true, false, false, false, false, false, false, true],
    );
    assert.equal(docusaurusPageOf(site, 'docs/_g.md', [])?.unpublishedReason, 'underscore');
  });

  it('with its own `include` and `exclude`, which replace the defaults', () => {
    const site = siteWith({ include: ['glossar/**/*.md', '*.md'], exclude: ['**/entwurf/**', '**/{archiv,alt}', '**/_*.md'] });
    const files = ['Intro.md', 'Andere.mdx', 'notizen/A.md', 'glossar/B.md', 'glossar/entwurf/C.md', 'glossar/Entwurf/D.md', 'glossar/archiv/E.md', 'glossar/archiv.md', 'glossar/alt/x/F.md', 'glossar/_G.md', 'glossar/_h/I.md', 'glossar/.h/J.md'];
    assert.deepEqual(files.map((file) => built(site, file)), [true, false, false, true, false, true, false, true, false, false, true, false]);
    // Not the default `exclude`: a file it leaves out is not said to be left out for its "_".
    assert.equal(docusaurusPageOf(site, 'docs/glossar/_G.md', [])?.unpublishedReason, 'excluded');
  });

  it('takes a bare folder in `include` with its files, as Globby does, and globs in a syntax it does not read as no selection (never a page too few)', () => {
    const folder = siteWith({ include: ['glossar', '*.md'] });
    assert.deepEqual(['glossar/a.md', 'b.md', 'notizen/c.md'].map((file) => built(folder, file)), [true, true, false]);
    const extglob = siteWith({ include: ['@(glossar)/*.md'], exclude: ['**/+(x|y).md'] });
    assert.deepEqual(['glossar/a.md', 'notizen/c.md', 'glossar/x.md'].map((file) => built(extglob, file)), [true, true, true]);
  });

  it('names a folder by an `exclude` glob without wildcards in its last name only where fast-glob skips it', () => {
    // `**/archiv/*.md` names files, not the folder: what lies deeper is read.
    const site = siteWith({ exclude: ['**/archiv/*.md'] });
    assert.deepEqual(['archiv/A.md', 'archiv/alt/B.md'].map((file) => built(site, file)), [false, true]);
  });
});

describe('the versions the docs plugin builds, and where', () => {
  const route = (site: ReturnType<typeof siteWith>, file: string) => {
    const page = docusaurusPageOf(site, file, []);
    return page?.published ? page.route : 'not built';
  };

  it('by default: the newest version of versions.json without a version in its path, the current one at next/', () => {
    const site = siteWith({});
    site.instances[0].versions = ['2.0', '1.0'];
    assert.deepEqual(['docs/A.md', 'versioned_docs/version-2.0/A.md', 'versioned_docs/version-1.0/A.md', 'versioned_docs/version-0.9/A.md'].map((file) => route(site, file)), ['/docs/next/A', '/docs/A', '/docs/1.0/A', 'not built']);
  });

  it('as lastVersion, onlyIncludeVersions and a version\'s own path choose', () => {
    const site = siteWith({});
    site.instances = [{ ...site.instances[0], versions: ['2.0', '1.0'], builtVersions: ['current', '2.0'], lastVersion: 'current', versionPaths: { '2.0': 'zwei' } }];
    assert.deepEqual(['docs/A.md', 'versioned_docs/version-2.0/A.md', 'versioned_docs/version-1.0/A.md'].map((file) => route(site, file)), ['/docs/A', '/docs/zwei/A', 'not built']);
  });
});
