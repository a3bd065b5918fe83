/**
 * One describe per lint rule (server/src/common/diagnostic.ts RULES), on small in-memory German
 * glossaries: what a user sees in the problem list — code, severity, message and the exact place
 * (zero-based line:character) — and what must not be reported. The YAML parse rules (yaml-syntax,
 * duplicate-key, unclosed-front-matter, misplaced-front-matter, front-matter-language, front-matter-not-a-map) are covered
 * in parsing.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES, type DiagnosticCode, type GlossaryDiagnostic } from '../../server/src/common/diagnostic';
import { canonicalUri, uriPath } from '../../server/src/common/uris';
import { DEFAULT_SETTINGS, normalizeSettings, type GlossarySettings } from '../../server/src/common/settings';
import type { Range } from '../../server/src/common/text';
import { affectedDocuments } from '../../server/src/features/diagnostics/dependencies';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { fixedText } from '../../server/src/features/codeActions';
import { hugoSiteOf } from '../../server/src/site/hugo';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { headingText } from '../../server/src/site/docusaurusAnchors';
import { entry, glossaryOf, ROOT } from './glossary';
import { createWorkspace } from '../support/fixtures';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { GlossaryScope } from '../../server/src/workspace/files';
import { closedDocument } from '../../server/src/parsing/document';
import { decodeClosedDocument, encodeClosedDocument } from '../../server/src/parsing/documentCodec';

const uri = (relative: string) => `${ROOT}/${relative}`;

/** A range as `line:character-line:character`, zero-based like the LSP. */
const span = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

interface Seen {
  code: DiagnosticCode;
  severity: string;
  message: string;
  range: string;
}

const seen = (diagnostic: GlossaryDiagnostic): Seen => ({
  code: diagnostic.code,
  severity: diagnostic.severity,
  message: diagnostic.message,
  range: span(diagnostic.range),
});

function diagnosticsOf(index: GlossaryIndex, relative: string, settings: GlossarySettings = DEFAULT_SETTINGS): GlossaryDiagnostic[] {
  const document = index.getDocument(uri(relative));
  assert.ok(document, `${relative} is in the glossary`);
  return documentDiagnostics(index, document, settings);
}

/** What the problem list shows for a document, optionally only for some rules. */
function problems(index: GlossaryIndex, relative: string, codes?: DiagnosticCode[], settings?: GlossarySettings): Seen[] {
  return diagnosticsOf(index, relative, settings)
    .filter((diagnostic) => codes === undefined || codes.includes(diagnostic.code))
    .map(seen);
}

const TAGS_YML = 'Begriffe:\n  label: Begriffe\nStrategie:\n  label: Strategie\nIM:\n  label: Informationsmanagement\n';

/** An entry with the given front-matter lines and body. */
const doc = (frontMatter: string[], body = '') => `---\n${frontMatter.join('\n')}\n---\n${body}`;

/** The rules this file covers, with their default severities (the YAML rules: parsing.test.ts). */
const COVERED = {
  'unknown-tag': 'warning',
  'duplicate-tag': 'warning',
  'tags-not-a-list': 'warning',
  'empty-tag': 'warning',
  'padded-tag': 'warning',
  'tag-variant': 'warning',
  'unknown-key': 'warning',
  'missing-key': 'warning',
  'invalid-id': 'warning',
  'id-differs-from-file-name': 'hint',
  'title-differs-from-heading': 'hint',
  'duplicate-id': 'warning',
  'duplicate-title': 'warning',
  'broken-link': 'warning',
  'broken-anchor': 'warning',
  'broken-image': 'warning',
  'broken-import': 'error',
} as const;

const YAML_RULES = {
  'yaml-syntax': 'warning',
  'duplicate-key': 'warning',
  'unclosed-front-matter': 'error',
  'misplaced-front-matter': 'warning',
  'front-matter-language': 'error',
  'front-matter-not-a-map': 'error',
} as const;

const defaultsOf = (codes: object) => Object.fromEntries(Object.keys(codes).map((code) => [code, RULES[code as DiagnosticCode]]));

describe('RULES', () => {
  it('gives every rule covered here its documented default severity', () => {
    assert.deepEqual(defaultsOf(COVERED), COVERED);
    assert.deepEqual(defaultsOf(YAML_RULES), YAML_RULES);
  });
});

describe('a clean entry', () => {
  it('reports nothing for a clean entry under a tags file', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS_YML,
      'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Das Outtasking ist eine besondere Form des Outsourcings.', '[Begriffe, IM]'),
    });
    assert.deepEqual(problems(index, 'docs/Outtasking.md'), []);
  });
});

describe('unknown-tag', () => {
  it('in a configured Docusaurus site, judges a doc by its version\'s tags.yml only, the one the docs plugin reads: not one above or below that folder', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'fr'];
    index.setSites([site]);
    index.setTagsFile(`${ROOT}/tags.yml`, 'Wurzel:\n  label: Wurzel\n');
    index.setTagsFile(`${ROOT}/docs/glossar/tags.yml`, 'Unten:\n  label: Unten\n');
    const entryWith = (tag: string) => `---\ntitle: A\ntags: [${tag}]\n---\n\n# A\n`;
    index.setDocument(`${ROOT}/docs/glossar/a.md`, entryWith('Neu'));
    const unknown = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'unknown-tag').length;
    // No docs/tags.yml: Docusaurus declares nothing, and checks no tag.
    assert.equal(unknown('docs/glossar/a.md'), 0);
    index.setTagsFile(`${ROOT}/docs/tags.yml`, 'Begriffe:\n  label: Begriffe\n');
    assert.equal(unknown('docs/glossar/a.md'), 1);
    assert.equal(index.tagsFileFor(`${ROOT}/docs/glossar/a.md`)?.uri, `${ROOT}/docs/tags.yml`);
    // A translation: the locale's folder first, then the docs folder.
    assert.equal(index.tagsFileFor(`${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/glossar/a.md`)?.uri, `${ROOT}/docs/tags.yml`);
    index.setTagsFile(`${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/tags.yml`, 'Begriffe:\n  label: Begriffe\n');
    assert.equal(index.tagsFileFor(`${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/glossar/a.md`)?.uri, `${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/tags.yml`);
    // An untranslated doc: the default locale's translated folder first, where the build of that locale looks first (docusaurus-tags-default-locale-folder).
    index.setTagsFile(`${ROOT}/i18n/en/docusaurus-plugin-content-docs/current/tags.yml`, 'Neu:\n  label: Neu\n');
    assert.equal(index.tagsFileFor(`${ROOT}/docs/glossar/a.md`)?.uri, `${ROOT}/i18n/en/docusaurus-plugin-content-docs/current/tags.yml`);
    assert.equal(unknown('docs/glossar/a.md'), 0);
  });

  it("in a configured Docusaurus site, judges a doc or a post by the tags file its plugin's `tags` option names, and by none where it reads none", () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'fr'];
    site.docusaurus.instances[0].tagsFile = 'meta/themen.yml';
    site.docusaurus.blogs = [{ uri: `${ROOT}/blog`, routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'], translations: 'docusaurus-plugin-content-blog', tagsFile: 'schlagworte.yml' }];
    index.setSites([site]);
    for (const file of ['tags.yml', 'docs/tags.yml', 'blog/tags.yml']) index.setTagsFile(`${ROOT}/${file}`, 'Falsch:\n  label: Falsch\n');
    const entryWith = (tag: string) => `---\ntitle: A\ntags: [${tag}]\n---\n\n# A\n`;
    index.setDocument(`${ROOT}/docs/glossar/a.md`, entryWith('Begriffe'));
    index.setDocument(`${ROOT}/blog/2024-01-01-a.md`, entryWith('Neu'));
    index.setDocument(`${ROOT}/i18n/fr/docusaurus-plugin-content-blog/2024-01-01-a.md`, entryWith('Neu'));
    const unknown = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'unknown-tag').map((diagnostic) => diagnostic.message);
    // Neither file is there: the plugins declare nothing and check no tag; the tags.yml files are not theirs.
    assert.deepEqual(unknown('docs/glossar/a.md'), []);
    assert.deepEqual(unknown('blog/2024-01-01-a.md'), []);
    assert.deepEqual([...index.namedTagsFiles()].sort(), [
      `${ROOT}/blog/schlagworte.yml`,
      `${ROOT}/docs/meta/themen.yml`,
      `${ROOT}/i18n/en/docusaurus-plugin-content-blog/schlagworte.yml`,
      `${ROOT}/i18n/en/docusaurus-plugin-content-docs/current/meta/themen.yml`,
      `${ROOT}/i18n/fr/docusaurus-plugin-content-blog/schlagworte.yml`,
      `${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/meta/themen.yml`,
    ]);
    assert.ok(index.isTagsFile(`${ROOT}/blog/schlagworte.yml`) && index.isTagsFile(`${ROOT}/docs/tags.yml`) && !index.isTagsFile(`${ROOT}/blog/authors.yml`));
    index.setTagsFile(`${ROOT}/docs/meta/themen.yml`, 'Begriffe:\n  label: Begriffe\n');
    index.setTagsFile(`${ROOT}/blog/schlagworte.yml`, 'Alt:\n  label: Alt\n');
    assert.deepEqual(unknown('docs/glossar/a.md'), []);
    assert.deepEqual(unknown('blog/2024-01-01-a.md'), ['Tag "Neu" is not declared in schlagworte.yml.']);
    // A translated post: the locale's file first, then the blog's.
    assert.equal(index.tagsFileFor(`${ROOT}/i18n/fr/docusaurus-plugin-content-blog/2024-01-01-a.md`)?.uri, `${ROOT}/blog/schlagworte.yml`);
    index.setTagsFile(`${ROOT}/i18n/fr/docusaurus-plugin-content-blog/schlagworte.yml`, 'Neu:\n  label: Neu\n');
    assert.deepEqual(unknown('i18n/fr/docusaurus-plugin-content-blog/2024-01-01-a.md'), []);
    // An untranslated post: the default locale's translated folder first.
    index.setTagsFile(`${ROOT}/i18n/en/docusaurus-plugin-content-blog/schlagworte.yml`, 'Neu:\n  label: Neu\n');
    assert.deepEqual(unknown('blog/2024-01-01-a.md'), []);
    // `tags: false` (or null): no tags file at all.
    site.docusaurus.blogs[0].tagsFile = false;
    index.setSites([site]);
    assert.equal(index.tagsFileFor(`${ROOT}/blog/2024-01-01-a.md`), undefined);
    assert.deepEqual(unknown('blog/2024-01-01-a.md'), []);
  });

  it("in a configured Docusaurus site, is an error in a post the blog builds where its onInlineTags is 'throw', not in a draft or an _ file (docusaurus-blog-inline-tags-throw, -draft)", () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.blogs = [{ uri: `${ROOT}/blog`, routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'], onInlineTags: 'throw' }];
    site.docusaurus.contentFolders = [`${ROOT}/blog`];
    index.setSites([site]);
    index.setTagsFile(`${ROOT}/blog/tags.yml`, 'alpha:\n  label: Alpha\n');
    const post = (extra: string) => `---\ntitle: P\n${extra}tags: [alpha, beta]\n---\n\nText.\n`;
    index.setDocument(`${ROOT}/blog/2024-01-01-p.md`, post(''));
    index.setDocument(`${ROOT}/blog/2024-01-02-e.md`, post('draft: true\n'));
    index.setDocument(`${ROOT}/blog/_teil.md`, post(''));
    const unknown = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'unknown-tag').map((diagnostic) => diagnostic.severity);
    assert.deepEqual(unknown('blog/2024-01-01-p.md'), ['error']);
    assert.deepEqual(unknown('blog/2024-01-02-e.md'), ['warning']);
    assert.deepEqual(unknown('blog/_teil.md'), ['warning']);
  });

  const glossary = () =>
    glossaryOf({
      'docs/tags.yml': TAGS_YML,
      // line 3: tags: [begriffe, Begriff, Stratgie, Outsourcing, IM, PM]
      'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Das Outtasking ist eine Form des Outsourcings.', '[begriffe, Begriff, Stratgie, Outsourcing, IM, PM]'),
      'docs/vertrag/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein SLA regelt die Dienstgüte.', '[Vertrag]'),
      'docs/Block.md': doc(['id: Block', 'title: Block', 'tags:', '  - Begriffe', '  - Begrife'], '\n# Block\n'),
      'docs/Sauber.md': entry('Sauber', 'Sauber', 'Alles deklariert.', '[Begriffe, Strategie, IM]'),
    });

  it('suggests the declared tag that differs in case, in number or by a typo, and nothing for unrelated or short tags', () => {
    const index = glossary();
    const diagnostics = diagnosticsOf(index, 'docs/Outtasking.md');
    assert.deepEqual(diagnostics.map(seen), [
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "begriffe" is not declared in tags.yml. Did you mean "Begriffe"?', range: '3:7-3:15' },
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Begriff" is not declared in tags.yml. Did you mean "Begriffe"?', range: '3:17-3:24' },
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Stratgie" is not declared in tags.yml. Did you mean "Strategie"?', range: '3:26-3:34' },
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Outsourcing" is not declared in tags.yml.', range: '3:36-3:47' },
      // "PM" is not a typo of the declared "IM": short tags must match by case or number.
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "PM" is not declared in tags.yml.', range: '3:53-3:55' },
    ]);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.suggestion),
      ['Begriffe', 'Begriffe', 'Strategie', undefined, undefined],
    );
  });

  it('names the tags file relative to the document, and places block-list tags exactly', () => {
    const index = glossary();
    assert.deepEqual(problems(index, 'docs/vertrag/SLA.md'), [
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Vertrag" is not declared in ../tags.yml.', range: '3:7-3:14' },
    ]);
    assert.deepEqual(problems(index, 'docs/Block.md'), [
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Begrife" is not declared in tags.yml. Did you mean "Begriffe"?', range: '5:4-5:11' },
    ]);
  });

  it('reports nothing for declared tags, nor for any tag without a tags file', () => {
    const index = glossary();
    assert.deepEqual(problems(index, 'docs/Sauber.md'), []);
    const noTagsFile = glossaryOf({ 'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'D.', '[Irgendwas, Outsourcing]') });
    assert.deepEqual(problems(noTagsFile, 'docs/Outtasking.md'), []);
  });
});

describe('duplicate-tag', () => {
  it('reports the second occurrence of a tag in a flow list and in a block list', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS_YML,
      'docs/A.md': entry('A', 'A', 'D.', '[IM, Begriffe, IM]'),
      'docs/B.md': doc(['id: B', 'title: B', 'tags:', '  - IM', '  - Begriffe', '  - IM'], '\n# B\n'),
    });
    assert.deepEqual(problems(index, 'docs/A.md'), [
      { code: 'duplicate-tag', severity: 'warning', message: 'Tag "IM" is listed twice.', range: '3:21-3:23' },
    ]);
    assert.deepEqual(problems(index, 'docs/B.md'), [
      { code: 'duplicate-tag', severity: 'warning', message: 'Tag "IM" is listed twice.', range: '6:4-6:6' },
    ]);
  });

  it('counts a padded repetition as the same tag, but not one in another case', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS_YML,
      'docs/A.md': entry('A', 'A', 'D.', '[IM, " IM"]'),
      'docs/B.md': entry('B', 'B', 'D.', '[Begriffe, begriffe]'),
    });
    assert.deepEqual(problems(index, 'docs/A.md'), [
      { code: 'padded-tag', severity: 'warning', message: 'Tag " IM" has blanks around it.', range: '3:11-3:16' },
      { code: 'duplicate-tag', severity: 'warning', message: 'Tag "IM" is listed twice.', range: '3:11-3:16' },
    ]);
    assert.deepEqual(
      problems(index, 'docs/B.md').map((problem) => problem.code),
      ['unknown-tag'],
    );
  });

  it('in a Hugo site, compares tags as its YAML 1.1 and its taxonomy read them: a plain "on" is "true", no copy of a quoted "on"', () => {
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
    const tagsOf = (list: string) => {
      index.setDocument(uri('content/a.md'), `---\ntitle: A\ntags: ${list}\n---\n`);
      return diagnosticsOf(index, 'content/a.md').filter((diagnostic) => diagnostic.code === 'duplicate-tag').length;
    };
    assert.equal(tagsOf('[on, "on", \'yes\', 1_000, "1_000", Off]'), 0);
    assert.equal(tagsOf('[on, yes]'), 1, 'both are true');
    // Hugo's terms of the review: 1000, 1_000, on, true, yes.
    assert.equal(tagsOf('[1000, "1000", on, "true", yes, true, 1_000, "1_000", "on", "yes"]'), 5);
    assert.equal(tagsOf('[on, on]'), 1);
    // Docusaurus's YAML reads them all as strings: the quoted and the plain are one tag.
    const docusaurus = glossaryOf({ 'docs/B.md': entry('B', 'B', 'D.', '[on, "on"]') });
    assert.deepEqual(problems(docusaurus, 'docs/B.md').map((problem) => `${problem.code} ${problem.range}`), ['duplicate-tag 3:11-3:15']);
  });
});

describe('tags-not-a-list', () => {
  const index = glossaryOf({
    'docs/tags.yml': TAGS_YML,
    'docs/A.md': entry('A', 'A', 'D.', 'Begriffe'),
    'docs/B.md': entry('B', 'B', 'D.', 'Begriffe, IM'),
    'docs/C.md': entry('C', 'C', 'D.', '42'),
    'docs/Leer.md': entry('Leer', 'Leer', 'D.', '[]'),
    'docs/Ohne.md': entry('Ohne', 'Ohne', 'D.', ''),
  });

  it('reports a single string at its value and suggests wrapping it in brackets', () => {
    const [a] = diagnosticsOf(index, 'docs/A.md');
    // Docusaurus refuses to build with tags that are no list: an error.
    assert.deepEqual(seen(a), { code: 'tags-not-a-list', severity: 'error', message: 'Tags must be a list, such as "tags: [A, B]".', range: '3:6-3:14' });
    assert.equal(a.suggestion, '[Begriffe]');
    const b = diagnosticsOf(index, 'docs/B.md');
    assert.deepEqual(b.map(seen), [{ code: 'tags-not-a-list', severity: 'error', message: 'Tags must be a list, such as "tags: [A, B]".', range: '3:6-3:18' }]);
    assert.equal(b[0].suggestion, '[Begriffe, IM]');
  });

  it('suggests no list for a string with a bracket left at its start or end, a list written wrong whose tags are not certain', () => {
    const brackets = glossaryOf({ 'docs/tags.yml': TAGS_YML, 'docs/D.md': entry('D', 'D', 'D.', 'egriffe, IM]'), 'docs/E.md': entry('E', 'E', 'D.', '\\[Begriffe, IM]') });
    for (const file of ['docs/D.md', 'docs/E.md']) {
      const [problem] = diagnosticsOf(brackets, file).filter((diagnostic) => diagnostic.code === 'tags-not-a-list');
      assert.equal(problem?.suggestion, undefined, file);
    }
  });

  it('reports a number without a suggestion', () => {
    const c = diagnosticsOf(index, 'docs/C.md');
    assert.deepEqual(c.map(seen), [{ code: 'tags-not-a-list', severity: 'error', message: 'Tags must be a list, such as "tags: [A, B]".', range: '3:6-3:8' }]);
    assert.equal(c[0].suggestion, undefined);
  });

  it('accepts an empty list; an empty value is no list to Docusaurus, which refuses to build', () => {
    assert.deepEqual(problems(index, 'docs/Leer.md'), []);
    assert.deepEqual(problems(index, 'docs/Ohne.md'), [
      { code: 'invalid-front-matter', severity: 'error', message: 'Docusaurus refuses to build: "tags" must be a list of tags.', range: '3:5-3:5' },
    ]);
  });
});

describe('empty-tag', () => {
  it('reports empty and blank strings in the list, not as padded tags', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS_YML,
      'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, "", IM, "  "]'),
    });
    assert.deepEqual(problems(index, 'docs/A.md'), [
      // Docusaurus refuses an empty tag, and builds one of blanks.
      { code: 'empty-tag', severity: 'error', message: 'Empty tag.', range: '3:17-3:19' },
      { code: 'empty-tag', severity: 'warning', message: 'Empty tag.', range: '3:25-3:29' },
    ]);
  });

  it('reports each empty string of a template list, with or without a tags file', () => {
    const index = glossaryOf({ 'en/serverless.md': doc(['title: Serverless', 'tags: ["architecture", "", ""]'], '\n# Serverless\n') });
    assert.deepEqual(problems(index, 'en/serverless.md'), [
      { code: 'empty-tag', severity: 'warning', message: 'Empty tag.', range: '2:23-2:25' },
      { code: 'empty-tag', severity: 'warning', message: 'Empty tag.', range: '2:27-2:29' },
    ]);
  });
});

describe('padded-tag', () => {
  it('reports quoted tags with blanks around them and suggests the trimmed tag', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS_YML,
      'docs/A.md': entry('A', 'A', 'D.', '[" Begriffe", "IM "]'),
      'docs/B.md': entry('B', 'B', 'D.', '[" Qualität "]'),
    });
    const a = diagnosticsOf(index, 'docs/A.md');
    assert.deepEqual(a.map(seen), [
      { code: 'padded-tag', severity: 'warning', message: 'Tag " Begriffe" has blanks around it.', range: '3:7-3:18' },
      { code: 'padded-tag', severity: 'warning', message: 'Tag "IM " has blanks around it.', range: '3:20-3:25' },
    ]);
    assert.deepEqual(a.map((diagnostic) => diagnostic.suggestion), ['Begriffe', 'IM']);
    // Trimmed, the tag is still undeclared.
    assert.deepEqual(problems(index, 'docs/B.md'), [
      { code: 'padded-tag', severity: 'warning', message: 'Tag " Qualität " has blanks around it.', range: '3:7-3:19' },
      { code: 'unknown-tag', severity: 'warning', message: 'Tag "Qualität" is not declared in tags.yml.', range: '3:7-3:19' },
    ]);
  });

  it('leaves blanks inside a tag alone', () => {
    const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '["Technische Dokumentation"]') });
    assert.deepEqual(problems(index, 'docs/A.md'), []);
  });
});

describe('tag-variant (no tags file)', () => {
  const many = (prefix: string, count: number, tags: string) =>
    Object.fromEntries(Array.from({ length: count }, (_, n) => [`docs/${prefix}${n}.md`, entry(`${prefix}${n}`, `${prefix}${n}`, 'D.', tags)]));

  it('reports a rarer singular, plural or case variant of a tag at least twice as common, with both counts', () => {
    const index = glossaryOf({ ...many('Begriff', 4, '[Begriffe]'), 'docs/Fehler.md': entry('Fehler', 'Fehler', 'D.', '[Begriff, IM]') });
    const diagnostics = diagnosticsOf(index, 'docs/Fehler.md');
    assert.deepEqual(diagnostics.map(seen), [
      { code: 'tag-variant', severity: 'warning', message: 'Tag "Begriff" (1 entry) looks like a variant of "Begriffe" (4 entries).', range: '3:7-3:14' },
    ]);
    assert.equal(diagnostics[0].suggestion, 'Begriffe');
    assert.deepEqual(problems(index, 'docs/Begriff0.md'), [], 'the common spelling is fine');
  });

  it('reports a likely typo at exactly twice as common', () => {
    const index = glossaryOf({ ...many('S', 2, '[Strategie]'), 'docs/T.md': entry('T', 'T', 'D.', '[Stratgie]') });
    assert.deepEqual(problems(index, 'docs/T.md'), [
      { code: 'tag-variant', severity: 'warning', message: 'Tag "Stratgie" (1 entry) looks like a variant of "Strategie" (2 entries).', range: '3:7-3:15' },
    ]);
  });

  it('prefers another case or number of the word to a typo, whichever file was read first', () => {
    const files = { ...many('B', 2, '[Begriffe2]'), ...many('C', 2, '[Begriffe]'), 'docs/T.md': entry('T', 'T', 'D.', '[begriffe]') };
    for (const index of [glossaryOf(files), glossaryOf(Object.fromEntries(Object.entries(files).reverse()))]) {
      assert.deepEqual(problems(index, 'docs/T.md'), [
        { code: 'tag-variant', severity: 'warning', message: 'Tag "begriffe" (1 entry) looks like a variant of "Begriffe" (2 entries).', range: '3:7-3:15' },
      ]);
    }
  });

  it('reports nothing for variants about as common as each other', () => {
    const index = glossaryOf({ ...many('P', 3, '[Prozesse]'), ...many('Q', 2, '[Prozess]') });
    assert.deepEqual(problems(index, 'docs/Q0.md'), []);
    assert.deepEqual(problems(index, 'docs/P0.md'), []);
  });

  it('keeps short tags apart: IM and PM, BPM and BOM are different tags, but im is IM', () => {
    const index = glossaryOf({
      ...many('I', 5, '[IM, BPM]'),
      'docs/P.md': entry('P', 'P', 'D.', '[PM, BOM]'),
      'docs/K.md': entry('K', 'K', 'D.', '[im]'),
    });
    assert.deepEqual(problems(index, 'docs/P.md'), []);
    assert.deepEqual(problems(index, 'docs/K.md'), [
      { code: 'tag-variant', severity: 'warning', message: 'Tag "im" (1 entry) looks like a variant of "IM" (5 entries).', range: '3:7-3:9' },
    ]);
  });

  it('is not used when a tags file governs the entry: unknown-tag is', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML, ...many('B', 4, '[Begriffe]'), 'docs/F.md': entry('F', 'F', 'D.', '[Begriff]') });
    assert.deepEqual(
      problems(index, 'docs/F.md').map((problem) => problem.code),
      ['unknown-tag'],
    );
  });
});

describe('unknown-key', () => {
  const index = glossaryOf({
    'docs/Outtasking.md': doc(['id: Outtasking', 'titel: Outtasking', 'tag: [Begriffe]', 'status: Entwurf', 'category: IM'], '\n# Outtasking\n'),
    'docs/Serverless.md': doc(['Title: Serverless', 'Status: Completed', 'Category: Technology', 'tags: [architecture]'], '\n# Serverless\n'),
    'docs/Andere.md': doc(
      ['id: Andere', 'title: Andere', 'author: Chris', 'autor: Chris', 'date: 2022-06-28', 'weight: 10', 'type: docs', 'lang: de', 'layout: glossar', 'summary: Kurz', 'quelle: ISO', 'version: 2', 'menu: main', 'sidebar_position: 3', 'aliases: [Sonstige]'],
      '\n# Andere\n',
    ),
  });

  it('reports near misses of known keys on the key, suggesting the known key', () => {
    const diagnostics = diagnosticsOf(index, 'docs/Outtasking.md');
    assert.deepEqual(diagnostics.map(seen), [
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "titel". Did you mean "title"?', range: '2:0-2:5' },
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "tag". Did you mean "tags"?', range: '3:0-3:3' },
    ]);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.suggestion), ['title', 'tags']);
  });

  it('reports a key in another case (Hugo style Title:)', () => {
    assert.deepEqual(problems(index, 'docs/Serverless.md'), [
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "Title". Did you mean "title"?', range: '1:0-1:5' },
    ]);
  });

  it('leaves keys of other tools alone (status, category, author, date, ...)', () => {
    assert.deepEqual(problems(index, 'docs/Andere.md'), []);
  });

  it('accepts the keys of the extraKeys setting', () => {
    assert.deepEqual(problems(index, 'docs/Outtasking.md', undefined, { ...DEFAULT_SETTINGS, extraKeys: ['titel'] }), [
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "tag". Did you mean "tags"?', range: '3:0-3:3' },
    ]);
  });

  it('renames without asking (check --fix, fix all) only a slip of the keyboard whose value suits the key meant', () => {
    const fixedKeys = (keys: string[]) => {
      const text = doc(['id: Schluessel', ...keys], '\n# Schlüssel\n');
      const fixed = fixedText(glossaryOf({ 'docs/Schluessel.md': text }), `${ROOT}/docs/Schluessel.md`, text, DEFAULT_SETTINGS);
      return fixed.split('\n').slice(2, 2 + keys.length);
    };
    // Another case, two neighbouring letters swapped, a letter missing, extra or (in a long key) wrong.
    assert.deepEqual(fixedKeys(['titel: A', 'Tags: [B]', 'descripton: C', 'sidebar_lable: D', 'sidebar_posiiton: 2']), ['title: A', 'tags: [B]', 'description: C', 'sidebar_label: D', 'sidebar_position: 2']);
    // Keys of their own, or a value Docusaurus would refuse under the key meant: offered as a quick fix only.
    const own = ['listed: true', 'uid: OT-1', 'keyword: Vertrag', 'slugs: [a, b]', 'drafts: yes', 'drift: 3', 'pages: 12', 'stage: beta', 'Image: /img/Übersicht.png', 'sidebar_postion: oben'];
    assert.deepEqual(fixedKeys(own), own);
    const text = doc(['id: Schluessel', ...own], '\n# Schlüssel\n');
    const reported = diagnosticsOf(glossaryOf({ 'docs/Schluessel.md': text }), 'docs/Schluessel.md').filter((diagnostic) => diagnostic.code === 'unknown-key');
    assert.deepEqual(reported.map((diagnostic) => [diagnostic.suggestion, diagnostic.askFirst]), [
      ['unlisted', true], [undefined, true], ['keywords', true], ['slug', true], ['draft', true], [undefined, true], ['tags', true], [undefined, true], ['image', true], ['sidebar_position', true],
    ], 'no fix where the key meant is there already (id) or another key is renamed to it first');
    // A key that decides which page the file is, where or whether it is built: `ID:` made `id:` moves the page away from the sidebars and links that name it.
    const deciding = (key: string) => {
      const entry = `---\n${key}: Outtasking-Begriff\ntitle: Outtasking\n---\n# Outtasking\n`;
      return diagnosticsOf(glossaryOf({ 'docs/outtasking.md': entry }), 'docs/outtasking.md').find((diagnostic) => diagnostic.code === 'unknown-key');
    };
    assert.deepEqual(['ID', 'Slug', 'Draft', 'Unlisted'].map((key) => [deciding(key)?.suggestion, deciding(key)?.askFirst]), [['id', true], ['slug', true], ['draft', true], ['unlisted', true]]);
  });

  it('in a Hugo site, knows Hugo\'s keys in any case, as Hugo reads them, and takes only a slip of the keyboard for a typo', () => {
    const hugo = new GlossaryIndex();
    hugo.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date('2025-06-01T00:00:00Z') }]);
    const text = doc(['Title: Schlüssel', 'images: [a.png]', 'expirydate: 2030-01-01', 'LinkTitle: S', 'weight: 3', 'titel: X', 'linktitel: Y', 'summery: Z', 'uid: 1', 'stats: [a]', 'serie: [b]', 'image: c.png'], '\n# Schlüssel\n');
    hugo.setDocument(`${ROOT}/content/Schluessel.md`, text);
    // Any other key is a parameter the site's templates or taxonomies may read (regisphilibert.com's `stats`, no misspelt `tags`; `serie`, `image`).
    assert.deepEqual(problems(hugo, 'content/Schluessel.md'), [
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "titel". Did you mean "title"?', range: '6:0-6:5' },
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "linktitel". Did you mean "linkTitle"?', range: '7:0-7:9' },
      { code: 'unknown-key', severity: 'warning', message: 'Unknown front-matter key "summery". Did you mean "summary"?', range: '8:0-8:7' },
    ]);
  });
});

describe('missing-key', () => {
  const index = glossaryOf({
    'docs/Ohne.md': doc(['id: Ohne', 'tags: [Begriffe]'], '\nDas Outtasking ist eine Form des Outsourcings.\n'),
    'docs/H1.md': doc(['id: H1', 'tags: [Begriffe]'], '\n# Outtasking\n\nText.\n'),
    'docs/H2.md': doc(['id: H2', 'tags: [Begriffe]'], '\n## Outtasking\n\nText.\n'),
    'docs/notiz.md': '# Notiz\n\nKeine Front Matter, kein Eintrag.\n',
  });

  it('reports an entry without title nor H1 on the opening ---', () => {
    assert.deepEqual(problems(index, 'docs/Ohne.md'), [
      { code: 'missing-key', severity: 'warning', message: 'The entry has no title: add "title:" or a "# Heading".', range: '0:0-0:3' },
    ]);
    assert.deepEqual(problems(index, 'docs/H2.md'), [
      { code: 'missing-key', severity: 'warning', message: 'The entry has no title: add "title:" or a "# Heading".', range: '0:0-0:3' },
    ]);
  });

  it('takes an H1 as the title, and ignores files without front matter', () => {
    assert.deepEqual(problems(index, 'docs/H1.md'), []);
    assert.deepEqual(problems(index, 'docs/notiz.md'), []);
  });

  it('takes the keys a merge key brings in, as js-yaml and go-yaml read them: no title asked where the merged map has one', () => {
    const index = glossaryOf({
      'docs/A.md': doc(['<<: {title: Merged}', 'id: A'], '\nText.\n'),
      'docs/B.md': doc(['base: &b {tags: Begriffe}', '<<: *b', 'id: B', 'title: B'], '\nText.\n'),
      'docs/C.md': doc(['"<<": {title: Quoted}', 'id: C'], '\nText.\n'),
    });
    assert.equal(index.termOf(uri('docs/A.md'))?.title, 'Merged');
    assert.deepEqual(problems(index, 'docs/A.md'), []);
    assert.deepEqual(problems(index, 'docs/B.md', ['tags-not-a-list']).length, 1, 'the merged tags are one string');
    // Quoted, "<<" is a key like any other.
    assert.deepEqual(problems(index, 'docs/C.md', ['missing-key']).length, 1);
  });

  it('asks no title of a Docusaurus blog post or Markdown page, which the site titles by its file name or its own', () => {
    const index = glossaryOf({});
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
    index.setSites([site]);
    const files = ['blog/2016-03-11-leistung.md', 'src/pages/hilfe.md', 'i18n/fr/docusaurus-plugin-content-blog/2016-03-11-leistung.md', 'docs/Ohne.md'];
    for (const relative of files) index.setDocument(uri(relative), doc(['tags: [Begriffe]'], '\nText.\n'));
    assert.deepEqual(files.map((relative) => problems(index, relative, ['missing-key']).length), [0, 0, 0, 1]);
  });

  it('in a Docusaurus site, says so of an H1 that does not title the page, not opening its content (docusaurus-titles)', () => {
    const index = glossaryOf({});
    index.setSites([defaultDocusaurusSite(ROOT)]);
    index.setDocument(uri('docs/Spaet.md'), doc(['id: spaet'], 'Ein Absatz vorweg.\n\n# Später\n'));
    index.setDocument(uri('docs/Oben.md'), doc(['id: oben'], '\n# Oben\n\nText.\n'));
    const [problem] = diagnosticsOf(index, 'docs/Spaet.md').filter((diagnostic) => diagnostic.code === 'missing-key');
    assert.deepEqual(seen(problem), {
      code: 'missing-key',
      severity: 'warning',
      message: 'Docusaurus titles this page "spaet", not by its heading: an H1 titles a page only where it opens the content. Add "title:" or move the heading to the top.',
      range: '0:0-0:3',
    });
    assert.deepEqual(problem.related?.map((related) => span(related.range)), ['5:2-5:8']);
    assert.deepEqual(problems(index, 'docs/Oben.md', ['missing-key']), []);
    // Titled by its id without its number prefix, as Docusaurus takes it from the file name; an H1 after an H2 is told of too.
    index.setDocument(uri('docs/04-Begriff.md'), doc(['tags: [x]'], '## Zuerst\n\n# Begriff mit Titel\n'));
    assert.deepEqual(diagnosticsOf(index, 'docs/04-Begriff.md').filter((diagnostic) => diagnostic.code === 'missing-key').map((diagnostic) => diagnostic.message), [
      'Docusaurus titles this page "Begriff", not by its heading: an H1 titles a page only where it opens the content. Add "title:" or move the heading to the top.',
    ]);
  });

  it('in a Hugo site, takes a key in any case, as Hugo reads it: "Title:" is the title', () => {
    const hugo = new GlossaryIndex();
    hugo.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date('2025-06-01T00:00:00Z') }]);
    hugo.setDocument(`${ROOT}/content/Gross.md`, doc(['Title: Groß', 'Description: D'], '\nText.\n'));
    assert.deepEqual(problems(hugo, 'content/Gross.md', undefined, { ...DEFAULT_SETTINGS, requiredKeys: ['title', 'description'] }), []);
    assert.equal(hugo.termOf(`${ROOT}/content/Gross.md`)?.title, 'Groß');
  });

  it('in a Hugo site, tells JSON front matter that does not parse at its first mistake, which fails the build', () => {
    const hugo = new GlossaryIndex();
    hugo.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date('2025-06-01T00:00:00Z') }]);
    hugo.setDocument(`${ROOT}/content/Json.md`, '{\n  "title": "Json",\n  "tags": ["a"],\n}\nText.\n');
    hugo.setDocument(`${ROOT}/content/Ohne.md`, '{\n  "title": "Json"\n  "tags": ["a"]\n}\nText.\n');
    assert.deepEqual(problems(hugo, 'content/Json.md', ['invalid-front-matter']), [
      { code: 'invalid-front-matter', severity: 'error', message: 'Hugo refuses to build: it reads a page that starts with "{" as JSON front matter, and it does not parse here: Trailing comma: JSON allows none.', range: '2:15-2:16' },
    ]);
    assert.deepEqual(problems(hugo, 'content/Ohne.md', ['invalid-front-matter']).map((problem) => [problem.message, problem.range]), [
      ['Hugo refuses to build: it reads a page that starts with "{" as JSON front matter, and it does not parse here: Invalid JSON: CommaExpected', '2:2-2:8'],
    ]);
  });

  it('follows the requiredKeys setting', () => {
    const settings = { ...DEFAULT_SETTINGS, requiredKeys: ['title', 'tags', 'description'] };
    assert.deepEqual(problems(index, 'docs/H1.md', undefined, settings), [
      { code: 'missing-key', severity: 'warning', message: 'The front matter has no "description".', range: '0:0-0:3' },
    ]);
    assert.deepEqual(problems(index, 'docs/Ohne.md', undefined, { ...DEFAULT_SETTINGS, requiredKeys: [] }), []);
  });
});

describe('invalid-id', () => {
  const index = glossaryOf({
    'docs/Outtasking.md': entry('IM/Outtasking', 'Outtasking', 'D.'),
    'docs/Leer.md': entry('""', 'Leer', 'D.'),
    'docs/Blank.md': entry('"  "', 'Blank', 'D.'),
    'docs/42.md': entry('42', 'Zweiundvierzig', 'D.'),
    'docs/Null.md': doc(['id:', 'title: Nichts'], '\n# Nichts\n'),
  });

  it('reports an id with a slash as an error on its value', () => {
    assert.deepEqual(problems(index, 'docs/Outtasking.md'), [
      { code: 'invalid-id', severity: 'error', message: 'Docusaurus rejects this id: it must not be empty or contain "/".', range: '1:4-1:17' },
    ]);
  });

  it('reports an empty or blank id', () => {
    assert.deepEqual(problems(index, 'docs/Leer.md'), [
      { code: 'invalid-id', severity: 'error', message: 'Docusaurus rejects this id: it must not be empty or contain "/".', range: '1:4-1:6' },
    ]);
    // Docusaurus's validator takes a blank id, then finds no valid route for it ("/  ") and stops.
    assert.deepEqual(problems(index, 'docs/Blank.md'), [
      { code: 'invalid-id', severity: 'error', message: 'Docusaurus rejects this id: it must not be empty or contain "/".', range: '1:4-1:8' },
    ]);
    // No value at all: an empty range right after "id:".
    assert.deepEqual(problems(index, 'docs/Null.md'), [
      { code: 'invalid-id', severity: 'error', message: 'Docusaurus rejects this id: it must not be empty or contain "/".', range: '1:3-1:3' },
    ]);
  });

  it('accepts a number as id', () => {
    assert.deepEqual(problems(index, 'docs/42.md'), []);
  });
});

describe('id-differs-from-file-name', () => {
  const index = glossaryOf({
    'docs/Service-Level-Agreement.md': entry('SLA', 'Service Level Agreement', 'D.'),
    'docs/Wertschöpfung.md': entry('Wertschöpfung', 'Wertschöpfung', 'D.'),
    'docs/Ohne-Id.md': doc(['title: Ohne Id'], '\n# Ohne Id\n'),
  });

  it('hints at an id that is not the file name', () => {
    assert.deepEqual(problems(index, 'docs/Service-Level-Agreement.md'), [
      {
        code: 'id-differs-from-file-name',
        severity: 'hint',
        message: 'The id "SLA" differs from the file name "Service-Level-Agreement": links by route use the id.',
        range: '1:4-1:7',
      },
    ]);
  });

  it('compares with the decoded file name, and says nothing without an id', () => {
    assert.deepEqual(problems(index, 'docs/Wertschöpfung.md'), []);
    assert.deepEqual(problems(index, 'docs/Ohne-Id.md'), []);
  });
});

describe('title-differs-from-heading', () => {
  const text = doc(['id: Dienstguete', 'title: Dienstgüte', 'tags: [Begriffe]'], '\n# Dienstgüte - Quality of Service\n\n**Dienstgüte** ist die Qualität eines Dienstes.\n');
  const index = glossaryOf({
    'docs/Dienstguete.md': text,
    'docs/Gleich.md': doc(['id: Gleich', 'title: "Gleich "'], '\n# Gleich\n'),
  });

  it('hints at the title value and relates the heading', () => {
    const diagnostics = diagnosticsOf(index, 'docs/Dienstguete.md');
    assert.deepEqual(diagnostics.map(seen), [
      {
        code: 'title-differs-from-heading',
        severity: 'hint',
        message: 'The title "Dienstgüte" differs from the heading "Dienstgüte - Quality of Service".',
        range: '2:7-2:17',
      },
    ]);
    assert.deepEqual(
      diagnostics[0].related?.map((related) => ({ uri: related.uri, range: span(related.range), message: related.message })),
      [{ uri: uri('docs/Dienstguete.md'), range: '6:2-6:33', message: 'The heading' }],
    );
  });

  it('ignores blanks around either', () => {
    assert.deepEqual(problems(index, 'docs/Gleich.md'), []);
  });
});

describe('duplicate-id', () => {
  const related = (diagnostic: GlossaryDiagnostic | undefined) =>
    diagnostic?.related?.map((location) => ({ uri: location.uri, range: span(location.range), message: location.message }));

  const stakeholders = () =>
    glossaryOf({
      'docs/S-Glossar/Stakeholder.md': entry('Stakeholder', 'Stakeholder', 'D.'),
      'docs/S-Glossar/Standards.md': entry('Stakeholder', 'Standards', 'D.'),
      'docs/archiv/Stakeholder.md': entry('Stakeholder', 'Anspruchsgruppen', 'D.'),
    });

  it('reports two docs with one doc id (same folder, same id) as the build error it is, with every other file', () => {
    const index = stakeholders();
    const found = diagnosticsOf(index, 'docs/S-Glossar/Stakeholder.md').filter((diagnostic) => diagnostic.code === 'duplicate-id');
    assert.deepEqual(found.map(seen), [
      {
        code: 'duplicate-id',
        severity: 'error',
        message: 'Docusaurus refuses to build: another document has the doc id "S-Glossar/Stakeholder": Standards.md',
        range: '1:4-1:15',
      },
    ]);
    assert.deepEqual(
      found[0].related?.map((location) => [location.uri, location.message]),
      [[uri('docs/S-Glossar/Standards.md'), 'Same id']],
    );
    assert.deepEqual(problems(index, 'docs/S-Glossar/Standards.md', ['duplicate-id']), [
      { code: 'duplicate-id', severity: 'error', message: 'Docusaurus refuses to build: another document has the doc id "S-Glossar/Stakeholder": Stakeholder.md', range: '1:4-1:15' },
    ]);
    // The same declared id in another folder is another doc id (`archiv/Stakeholder`): the site builds.
    assert.deepEqual(problems(index, 'docs/archiv/Stakeholder.md', ['duplicate-id']), []);
  });

  it('points each related location ("Same id") at the other entry\'s id, not at its title', () => {
    const [diagnostic] = diagnosticsOf(stakeholders(), 'docs/S-Glossar/Stakeholder.md').filter((found) => found.code === 'duplicate-id');
    assert.deepEqual(related(diagnostic), [{ uri: uri('docs/S-Glossar/Standards.md'), range: '1:4-1:15', message: 'Same id' }]);
  });

  it('does not count ids taken from file names', () => {
    const index = glossaryOf({
      'docs/a/Begriff.md': doc(['title: Begriff A'], '\n# Begriff A\n'),
      'docs/b/Begriff.md': doc(['title: Begriff B'], '\n# Begriff B\n'),
      'docs/c/X.md': entry('X', 'X in c', 'D.'),
      'docs/d/X.md': doc(['title: X in d'], '\n# X in d\n'),
    });
    for (const file of ['docs/a/Begriff.md', 'docs/b/Begriff.md', 'docs/c/X.md', 'docs/d/X.md']) {
      assert.deepEqual(problems(index, file, ['duplicate-id']), [], file);
    }
  });

  it('does not count translations in locale folders', () => {
    const index = glossaryOf({
      'en/cluster.md': entry('cluster', 'Cluster', 'A group of machines.'),
      'de/cluster.md': entry('cluster', 'Cluster', 'Eine Gruppe von Rechnern.'),
    });
    assert.deepEqual(problems(index, 'en/cluster.md'), []);
    assert.deepEqual(problems(index, 'de/cluster.md'), []);
  });
});

describe('duplicate-title', () => {
  it('names at most ten other files, and "and N more": a problem of bounded size however many entries share the title', () => {
    const files: Record<string, string> = {};
    for (let n = 10; n < 26; n++) files[`docs/t${n}.md`] = entry(`t${n}`, 'Gleich', 'D.');
    const index = glossaryOf(files);
    const [diagnostic] = diagnosticsOf(index, 'docs/t10.md').filter((found) => found.code === 'duplicate-title');
    assert.equal(diagnostic.message, 'Another entry has the title "Gleich": t11.md, t12.md, t13.md, t14.md, t15.md, t16.md, t17.md, t18.md, t19.md, t20.md and 5 more');
    assert.equal(diagnostic.related?.length, 10);
  });

  it('reports a title other entries have, ignoring case and umlaut spelling, with every other file', () => {
    const index = glossaryOf({
      'docs/Stakeholder.md': entry('Stakeholder', 'Stakeholder', 'D.'),
      'docs/Standards.md': entry('Standards', 'Stakeholder', 'D.'),
      'docs/archiv/Anspruchsgruppen.md': entry('Anspruchsgruppen', 'stakeholder', 'D.'),
      'docs/Qualitaet.md': entry('Qualitaet', 'Qualitaet', 'D.'),
      'docs/Güte.md': doc(['id: Güte', 'tags: [Begriffe]'], '\n# Qualität\n'),
    });
    const [diagnostic] = diagnosticsOf(index, 'docs/Stakeholder.md');
    assert.deepEqual(seen(diagnostic), {
      code: 'duplicate-title',
      severity: 'warning',
      message: 'Another entry has the title "Stakeholder": Standards.md, archiv/Anspruchsgruppen.md',
      range: '2:7-2:18',
    });
    assert.deepEqual(
      diagnostic.related?.map((location) => ({ uri: location.uri, range: span(location.range), message: location.message })),
      [
        { uri: uri('docs/Standards.md'), range: '2:7-2:18', message: 'Same title' },
        { uri: uri('docs/archiv/Anspruchsgruppen.md'), range: '2:7-2:18', message: 'Same title' },
      ],
    );
    // A title from the H1 is reported on the heading.
    assert.deepEqual(problems(index, 'docs/Güte.md'), [
      { code: 'duplicate-title', severity: 'warning', message: 'Another entry has the title "Qualität": Qualitaet.md', range: '5:2-5:10' },
    ]);
    assert.deepEqual(problems(index, 'docs/Qualitaet.md'), [
      { code: 'duplicate-title', severity: 'warning', message: 'Another entry has the title "Qualitaet": Güte.md', range: '2:7-2:16' },
    ]);
  });

  it('does not count the same page in another version folder where the generator knows no versions (a Hugo site\'s docs/2.10/, docs/2-edge/: linkerd, tikv), but one twice in one version', () => {
    const hugo = new GlossaryIndex();
    hugo.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date('2025-06-01T00:00:00Z') }]);
    const files = ['content/docs/2.10/faq.md', 'content/docs/2-edge/faq.md', 'content/docs/v1.x/faq.md', 'content/docs/dev/faq.md', 'content/docs/2.10/tasks/faq.md', 'content/docs/neu/faq.md'];
    for (const file of files) hugo.setDocument(uri(file), '---\ntitle: FAQ\n---\nText.\n');
    const titles = (file: string) => problems(hugo, file, ['duplicate-title']).map((problem) => problem.message);
    assert.deepEqual(titles('content/docs/2.10/faq.md'), ['Another entry has the title "FAQ": tasks/faq.md, ../neu/faq.md']);
    assert.deepEqual(titles('content/docs/2-edge/faq.md'), ['Another entry has the title "FAQ": ../2.10/tasks/faq.md, ../neu/faq.md']);
    assert.deepEqual(titles('content/docs/neu/faq.md').length, 1, 'a folder that is no version: every other is another entry');
  });

  it('does not count aliases, other titles or translations', () => {
    const index = glossaryOf({
      'docs/Stakeholder.md': entry('Stakeholder', 'Stakeholder', 'D.'),
      'docs/Anspruchsgruppe.md': entry('Anspruchsgruppe', 'Anspruchsgruppe', 'D.', '[Begriffe]', 'aliases: [Stakeholder]\n'),
      'i18n/en/Cluster.md': entry('Cluster', 'Cluster', 'D.'),
      'i18n/de/Cluster.md': entry('Cluster', 'Cluster', 'D.'),
    });
    for (const file of ['docs/Stakeholder.md', 'docs/Anspruchsgruppe.md', 'i18n/en/Cluster.md', 'i18n/de/Cluster.md']) {
      assert.deepEqual(problems(index, file), [], file);
    }
  });
});

describe('files no Docusaurus plugin reads (a README, an archive of old docs: pnpm.io, helm)', () => {
  it('are read as GitHub shows them: links to files beside them are there, URL paths are not judged; the same id or title as a page is no duplicate', () => {
    const index = new GlossaryIndex();
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const files: Record<string, string> = {
      'docs/intro.md': doc(['id: intro', 'title: Intro'], '\n[B](b.md)\n'),
      'docs/b.md': doc(['title: B'], '\nB.\n'),
      'versioned_docs_archived/version-1/intro.md': doc(['id: intro', 'title: Intro'], '\n[Fehlt](c.md), [URL](/docs/nichts), [B](b.md)\n'),
      'versioned_docs_archived/version-1/b.md': doc(['title: B'], '\nB.\n'),
      // Versions of one page, in Docusaurus's folders of versions: no duplicates either.
      'versioned_docs_archived/version-2.x/b.md': doc(['title: B'], '\nB.\n'),
      'README.md': '# Readme\n\n[Mitmachen](CONTRIBUTING.md), [Fehlt](FEHLT.md), [Doku](docs/intro.md)\n',
      'CONTRIBUTING.md': '# Mitmachen\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(uri(file), text);
    const found = (file: string) => diagnosticsOf(index, file).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
    assert.deepEqual(found('versioned_docs_archived/version-1/intro.md'), ['broken-link: No glossary entry at "c.md".']);
    assert.deepEqual(found('README.md'), ['broken-link: No glossary entry at "FEHLT.md".']);
    assert.deepEqual(found('docs/intro.md'), []);
    // Where the configuration computes its plugins, one may read the folder: judged as before.
    const computed = defaultDocusaurusSite(ROOT);
    computed.docusaurus.instancesComputed = true;
    index.setSites([computed]);
    assert.ok(found('versioned_docs_archived/version-1/intro.md').some((finding) => finding.startsWith('duplicate-id')));
  });
});

describe('broken-link in a Docusaurus site', () => {
  it('reads @site/ links from the site\'s folder, and leaves the top level of docs served at the root to the blog and src/pages', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.instances[0].routeBasePath = '';
    index.setSites([site]);
    const files: Record<string, string> = {
      'docs/intro.md': '# Start\n\n[Blog](/blog), [Über](/about), [Andere](@site/docs/other.md), [Fehlt](/Glossar/fehlt), [Kaputt](@site/docs/kaputt.md)\n',
      'docs/other.md': '# Andere\n',
      'docs/Glossar/alpha.md': '# Alpha\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`${ROOT}/${file}`, text);
    assert.deepEqual(
      diagnosticsOf(index, 'docs/intro.md').map((diagnostic) => diagnostic.message),
      ['No glossary entry at "/Glossar/fehlt".', 'No glossary entry at "@site/docs/kaputt.md".'],
    );
  });

  it('fails the build on a broken link of a partial that a built page renders, itself or through another partial, a relative URL judged from each such page; a partial no built page imports only warns (docusaurus-links-partials)', () => {
    const partial = '## Verweise\n\n[Da](../ziel.md) [Fehlt](../fehlt.md) [Route](/docs/nirgends)\n';
    const severities = (texts: Record<string, string>) => {
      const { index } = siteWithFiles([], { 'docs/teile/_links.mdx': partial, 'docs/ziel.md': '# Ziel\n', ...texts });
      return diagnosticsOf(index, 'docs/teile/_links.mdx').map((diagnostic) => `${diagnostic.severity} ${diagnostic.message}`);
    };
    const page = (front: string, imports: string) => `---\ntitle: Seite${front}\n---\n${imports}\n\n# Seite\n\n<Teil />\n`;
    const rendered = ['error No glossary entry at "../fehlt.md".', 'error No glossary entry at "/docs/nirgends".'];
    const warned = rendered.map((line) => line.replace('error', 'warning'));
    assert.deepEqual(severities({ 'docs/seite.mdx': page('', "import Teil from './teile/_links.mdx';") }), rendered);
    assert.deepEqual(severities({ 'docs/seite.mdx': page('', "import Teil from '@site/docs/teile/_links';") }), rendered);
    // Through a partial a page imports.
    assert.deepEqual(severities({ 'docs/seite.mdx': page('', "import Teil from './teile/_mitte.mdx';"), 'docs/teile/_mitte.mdx': "import Links from './_links.mdx';\n\n<Links />\n" }), rendered);
    // A relative URL resolves from each page that renders the partial: from /docs/sub/tief, `ziel` is
    // /docs/sub/ziel, none, and `../nirgends` /docs/nirgends (from /docs/seite, /nirgends: the top level is not judged).
    const relative = siteWithFiles([], {
      'docs/teile/_rel.mdx': '[Z](ziel) [N](../nirgends)\n',
      'docs/ziel.md': '# Ziel\n',
      'docs/seite.mdx': page('', "import Teil from './teile/_rel.mdx';"),
      'docs/sub/tief.mdx': page('', "import Teil from '../teile/_rel.mdx';"),
    }).index;
    assert.deepEqual(
      diagnosticsOf(relative, 'docs/teile/_rel.mdx').map((diagnostic) => `${diagnostic.severity} ${diagnostic.message}`),
      ['error No glossary entry at "ziel". Read from /docs/sub/tief, which imports this partial.', 'error No glossary entry at "../nirgends". Read from /docs/sub/tief, which imports this partial.'],
    );
    // No page imports it, a draft does, a page in CommonMark writes the import as text, or it imports another file of that name.
    assert.deepEqual(severities({}), warned);
    assert.deepEqual(severities({ 'docs/seite.mdx': page('\ndraft: true', "import Teil from './teile/_links.mdx';") }), warned);
    assert.deepEqual(severities({ 'docs/seite.md': page('\nmdx:\n  format: md', "import Teil from './teile/_links.mdx';") }), warned);
    assert.deepEqual(severities({ 'docs/seite.mdx': page('', "import Teil from './andere/_links.mdx';") }), warned);
  });

  it('reports a route of another locale\'s build from a page of the default locale, but not one of its own there (docs at the root, docs/fr/) (docusaurus-locale-links)', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'fr'];
    site.docusaurus.instances[0].routeBasePath = '';
    index.setSites([site]);
    index.setDocument(`${ROOT}/docs/intro.md`, '# Start\n\n[x](/fr/x), [x too](/fr/x/) and [b](/fr/b)\n');
    index.setDocument(`${ROOT}/docs/fr/x.md`, '# X\n');
    index.setDocument(`${ROOT}/docs/b.md`, '# B\n');
    index.setDocument(`${ROOT}/i18n/fr/docusaurus-plugin-content-docs/current/b.md`, '# B (fr)\n');
    assert.deepEqual(
      diagnosticsOf(index, 'docs/intro.md').map((diagnostic) => diagnostic.message),
      ['"/fr/b" is a page of the fr build: Docusaurus builds each locale apart, and the build of this page has none there. Link to it by its full URL.'],
    );
  });

  it('judges the anchors of a link naming a doc by its path below the docs folder against its translation, in the locale the linking page is built in untranslated (docusaurus-anchors-locales-paths)', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'ja'];
    index.setSites([site]);
    index.setDocument(`${ROOT}/docs/a.md`, '# A\n\n[Literals](sub/b.md#literals), [both](/sub/b.md#both) and [route](/docs/sub/b#expressions).\n');
    index.setDocument(`${ROOT}/docs/sub/b.md`, '# B\n\n## Literals\n\n## Expressions\n\n## Both\n');
    index.setDocument(`${ROOT}/i18n/ja/docusaurus-plugin-content-docs/current/sub/b.md`, '# B\n\n## リテラル\n\n## 式\n\n## 両方 {#both}\n');
    assert.deepEqual(
      diagnosticsOf(index, 'docs/a.md').filter((diagnostic) => diagnostic.code === 'broken-anchor').map((diagnostic) => diagnostic.message.match(/id "([^"]+)"/)![1]),
      ['literals', 'expressions'],
    );
  });

  it('fails the build from a locale\'s translation of a page or a blog post, as from the original (repro of a real review)', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'fr'];
    site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
    site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: '' }];
    index.setSites([site]);
    const link = '# Changelog\n\n[Fehlt](/docs/absent)\n';
    index.setDocument(`${ROOT}/docs/intro.md`, '# Intro\n');
    for (const file of ['src/pages/changelog.md', 'i18n/fr/docusaurus-plugin-content-pages/changelog.md', 'i18n/fr/docusaurus-plugin-content-blog/2020-01-01-post.md', 'i18n/it/docusaurus-plugin-content-pages/changelog.md']) index.setDocument(`${ROOT}/${file}`, link);
    const severity = (file: string) => diagnosticsOf(index, file).find((diagnostic) => diagnostic.code === 'broken-link')?.severity;
    assert.deepEqual(['src/pages/changelog.md', 'i18n/fr/docusaurus-plugin-content-pages/changelog.md', 'i18n/fr/docusaurus-plugin-content-blog/2020-01-01-post.md'].map(severity), ['error', 'error', 'error']);
    // A locale the site does not have builds nothing.
    assert.notEqual(severity('i18n/it/docusaurus-plugin-content-pages/changelog.md'), 'error');
  });

  it('leaves out a reference definition no link uses, but for the Markdown file Docusaurus resolves in it; a plain glossary reports it', () => {
    const text = '# Start\n\n[Benutzt][a]\n\n[a]: /docs/fehlt-a\n[b]: /docs/fehlt-b\n[c]: fehlt.md\n';
    const index = new GlossaryIndex();
    index.setSites([defaultDocusaurusSite(ROOT)]);
    index.setDocument(`${ROOT}/docs/intro.md`, text);
    assert.deepEqual(diagnosticsOf(index, 'docs/intro.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/fehlt-a".', 'No glossary entry at "fehlt.md".']);
    const plain = new GlossaryIndex();
    plain.setDocument(`${ROOT}/intro.md`, text);
    // Without a site, routes are not judged; the file is, used or not.
    assert.deepEqual(diagnosticsOf(plain, 'intro.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message.match(/"([^"]+)"/)![1]), ['fehlt.md']);
  });
});

describe('broken-link of a relative URL in a blog post (docusaurus-blog-list-links)', () => {
  // The routes outside the docs known, and the blog in the glossary's view: where no page is, is known.
  const blogOf = (postsPerPage: number | 'ALL' | undefined) => (site: ReturnType<typeof defaultDocusaurusSite>) => {
    site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
    site.docusaurus.blogs = [{ uri: uri('blog'), routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'], ...(postsPerPage === undefined ? {} : { postsPerPage }) }];
    site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: '' }];
    site.docusaurus.routeFoldersOutsideDocs = ['blog'];
  };
  const siteOf = (onDisk: string[], texts: Record<string, string>, postsPerPage: number | 'ALL' | undefined) => {
    const { index } = siteWithFiles(onDisk, texts, blogOf(postsPerPage));
    index.setScope(() => true);
    return index;
  };
  const post = (slug: string, body: string, extra = '') => `---\nslug: ${slug}\ntitle: ${slug}\n${extra}---\n\n${body}\n`;
  const broken = (index: GlossaryIndex, file: string) =>
    diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}${diagnostic.suggestion === undefined ? '' : ` -> ${diagnostic.suggestion}`}${diagnostic.breaksBuild ? ' (fails)' : ''}`);
  const files = {
    'blog/2024-01-01-eins.md': post('eins', 'Erst [selbst](./eins).\n\n<!-- truncate -->\n\nDann [fehlt](./fehlt) [zwei](./zwei).'),
    'blog/2024-01-02-zwei.md': post('zwei', 'Siehe [eins](./eins), [oben](../blog/eins) und [Bild](./bild.png).'),
    'blog/2024-01-03-drei.md': post('drei', '[eins](./eins)', 'unlisted: true\n'),
  };

  it("reads it from the post's URL, and where the list of posts shows it, from the list's", () => {
    const index = siteOf(['blog/bild.png'], files, 10);
    // From /blog/eins, "./eins" is the post itself; from the list /blog, /eins is nowhere. After the truncate marker only the post's own URL counts.
    assert.deepEqual(broken(index, 'blog/2024-01-01-eins.md'), [
      '5:14 The blog\'s list of posts /blog shows this part of the post too, and there "./eins" leads to /eins, where no page is: Docusaurus reports a broken link on the list. Write "/blog/eins", which leads to the same page from both. -> /blog/eins (fails)',
      '9:13 No glossary entry at "./fehlt". (fails)',
    ]);
    // "../blog/eins" leads to the post from both; a file beside the post (bundled) and a common file type are not URLs.
    assert.deepEqual(broken(index, 'blog/2024-01-02-zwei.md').map((finding) => finding.slice(0, 4)), ['5:13']);
    // An unlisted post is on no list.
    assert.deepEqual(broken(index, 'blog/2024-01-03-drei.md'), []);
    // The fix is a link's target, encoded where the path has a blank.
    const blank = siteOf([], { ...files, 'blog/2024-01-05-mit-blank.md': post('mein beitrag', 'Text.'), 'blog/2024-01-06-verweis.md': post('verweis', '[b](./mein%20beitrag)') }, 10);
    assert.deepEqual(diagnosticsOf(blank, 'blog/2024-01-06-verweis.md').map((diagnostic) => diagnostic.suggestion), ['/blog/mein%20beitrag']);
  });

  it('judges it on the page of the list its date puts the post on, on the first page and a later one where dates are not known, and not where a page shows how many posts is computed', () => {
    const two = siteOf(['blog/bild.png'], files, 1);
    // Newest first, one to a page: zwei on /blog, eins on /blog/page/2, where "./eins" leads to /blog/page/eins and "../blog/eins" to /blog/blog/eins.
    assert.deepEqual(broken(two, 'blog/2024-01-02-zwei.md').map((finding) => finding.replace(/ Docusaurus.*$/, '')), [
      '5:13 The blog\'s list of posts /blog shows this part of the post too, and there "./eins" leads to /eins, where no page is:',
    ]);
    assert.ok(broken(two, 'blog/2024-01-01-eins.md')[0].startsWith('5:14 The blog\'s list of posts /blog/page/2 shows this part of the post too, and there "./eins" leads to /blog/page/eins'));
    const undated = siteOf(['blog/bild.png'], { ...files, 'blog/ohne-datum.md': post('ohne', 'Text.') }, 1);
    assert.ok(broken(undated, 'blog/2024-01-02-zwei.md')[0].startsWith('5:13 The blog\'s list of posts shows this part of the post too, on its first page (/blog) or a later one, and from each "./eins" leads where no page is (/eins, /blog/page/eins)'));
    assert.equal(broken(undated, 'blog/2024-01-02-zwei.md').length, 1, '"../blog/eins" leads to the post from /blog');
    assert.deepEqual(broken(siteOf(['blog/bild.png'], files, undefined), 'blog/2024-01-02-zwei.md'), []);
  });

  it("reads a translated post's from its locale's pages, and a translation of no post's not at all (docusaurus-locale-relative-urls)", () => {
    const inEnglish = (site: ReturnType<typeof defaultDocusaurusSite>) => {
      blogOf(1)(site);
      site.docusaurus.blogs[0].translations = 'docusaurus-plugin-content-blog';
      site.docusaurus.defaultLocale = 'de';
      site.docusaurus.locales = ['de', 'en'];
    };
    const translation = 'i18n/en/docusaurus-plugin-content-blog/2024-01-02-zwei.md';
    const { index } = siteWithFiles(['blog/bild.png', translation], { ...files, [translation]: post('two', 'See [one](./eins), [two](./two) and [none](./none).'), 'i18n/en/docusaurus-plugin-content-blog/2024-01-09-nur.md': post('only', '[x](./nowhere)') }, inEnglish);
    index.setScope(() => true);
    // One to a page, newest first: "two" on the English list's first page, /en/blog, where "./eins" leads to /en/eins; from the
    // post, /en/blog/two, "./none" leads to no post. The fix is written from the site's base URL, as the locale's build puts its own before it.
    assert.deepEqual(broken(index, translation).map((finding) => finding.replace(/ where no page is: Docusaurus.*?->/, ' … ->')), [
      '5:10 The blog\'s list of posts /en/blog shows this part of the post too, and there "./eins" leads to /en/eins, … -> /blog/eins (fails)',
      '5:25 The blog\'s list of posts /en/blog shows this part of the post too, and there "./two" leads to /en/two, … -> /blog/two (fails)',
      '5:43 No glossary entry at "./none". (fails)',
    ]);
    // No build reads a translation of no post of the blog.
    assert.deepEqual(broken(index, 'i18n/en/docusaurus-plugin-content-blog/2024-01-09-nur.md'), []);
    // A post that comes moves the translations down their lists too.
    const newer = 'blog/2024-02-01-neu.md';
    index.setDocument(uri(newer), post('neu', 'Neu.'));
    assert.ok(affectedDocuments(index, uri(newer), undefined, index.getDocument(uri(newer))).has(uri(translation)));
    assert.ok(broken(index, translation)[0].startsWith('5:10 The blog\'s list of posts /en/blog/page/2 shows'), broken(index, translation)[0]);
  });

  it('judges where it climbs above the base URL of a build: no route is there (docusaurus-blog-lists-base-slash, docusaurus-blog-lists-variants)', () => {
    const texts = { 'docs/intro.md': '# Intro\n', 'blog/2024-01-01-eins.md': post('eins', 'Zur [Intro](../../docs/intro).\n\n<!-- truncate -->\n\nUnd [noch](../../docs/intro).') };
    // Below /base/: from /base/blog/eins, "../../docs/intro" leads to /docs/intro, above the base URL.
    const below = siteWithFiles([], texts, (site) => {
      blogOf(10)(site);
      site.docusaurus.baseUrl = '/base/';
    }).index;
    below.setScope(() => true);
    assert.deepEqual(broken(below, 'blog/2024-01-01-eins.md').map((finding) => finding.slice(0, 4)), ['5:12', '9:11']);
    // In a site of two locales the English build reads the post at /en/blog/eins, where it leads to /docs/intro, out of that build; from /blog/eins in the German one it is a page.
    const inLocales = (site: ReturnType<typeof defaultDocusaurusSite>) => {
      blogOf(10)(site);
      site.docusaurus.blogs[0].translations = 'docusaurus-plugin-content-blog';
      site.docusaurus.defaultLocale = 'de';
      site.docusaurus.locales = ['de', 'en'];
    };
    const twoLocales = siteWithFiles([], texts, inLocales).index;
    twoLocales.setScope(() => true);
    assert.deepEqual(broken(twoLocales, 'blog/2024-01-01-eins.md'), [
      '5:12 In the en build this page is at /en/blog/eins, and there "../../docs/intro" leads to /docs/intro, above the base URL of that build, where no page is: Docusaurus reports a broken link. (fails)',
      '9:11 In the en build this page is at /en/blog/eins, and there "../../docs/intro" leads to /docs/intro, above the base URL of that build, where no page is: Docusaurus reports a broken link. (fails)',
    ]);
    // Where the English build reads a translation in its place, the translation's links are judged there, the post's are not.
    const translation = 'i18n/en/docusaurus-plugin-content-blog/2024-01-01-eins.md';
    const translated = siteWithFiles([translation], { ...texts, [translation]: post('one', 'To [intro](../docs/intro) and [out](../../docs/intro).') }, inLocales).index;
    translated.setScope(() => true);
    assert.deepEqual(broken(translated, 'blog/2024-01-01-eins.md'), []);
    // From the English list, /en/blog, "../docs/intro" climbs out of the English build too.
    assert.deepEqual(broken(translated, translation).map((finding) => finding.slice(0, 40)), ["5:11 The blog's list of posts /en/blog s", '5:36 In the en build this page is at /en']);
  });

  it("judges it on the lists of the post's tags too, a folder deeper than the blog's own (docusaurus-blog-tag-list-links)", () => {
    const index = siteOf([], {
      'docs/intro.md': '# Intro\n',
      'blog/2024-01-02-themen.md': post('themen', 'Zur [Intro](../docs/intro).', 'tags: [Alpha, { label: Beta, permalink: /b }]\n'),
      'blog/2024-01-01-ohne.md': post('ohne', 'Zur [Intro](../docs/intro).'),
    }, 10);
    // From the post /blog/themen and the list /blog it leads to /docs/intro; from /blog/tags/alpha and /blog/tags/b to /blog/docs/intro.
    assert.deepEqual(broken(index, 'blog/2024-01-02-themen.md'), [
      '6:12 The list of posts tagged "Alpha" (/blog/tags/alpha) shows this part of the post too, and there "../docs/intro" leads to /blog/docs/intro, where no page is: Docusaurus reports a broken link on the list. Write "/docs/intro", which leads to the same page from both. -> /docs/intro (fails)',
    ]);
    assert.deepEqual(broken(index, 'blog/2024-01-01-ohne.md'), []);
  });

  it("judges it on a tag list's later pages, below the folder of tags, where only the lists of the posts' tags are (docusaurus-blog-lists-tag-pages)", () => {
    const index = siteOf([], {
      'docs/intro.md': '# Intro\n',
      'blog/2024-01-02-neu.md': post('neu', 'Text.', 'tags: [alpha]\n'),
      'blog/2024-01-01-alt.md': post('alt', 'Zur [Intro](../../docs/intro).', 'tags: [alpha]\n'),
    }, 1);
    // One to a page: "alt" on /blog/tags/alpha/page/2, where "../../docs/intro" leads to /blog/tags/docs/intro, a tag's list no post has.
    assert.deepEqual(broken(index, 'blog/2024-01-01-alt.md').map((finding) => finding.replace(/, where no page is.*$/, '')), [
      '6:12 The list of posts tagged "alpha" (/blog/tags/alpha/page/2) shows this part of the post too, and there "../../docs/intro" leads to /blog/tags/docs/intro',
    ]);
    // Where a post has the tag "docs/intro" (its permalink), that list is there.
    index.setDocument(uri('blog/2024-01-03-docs.md'), post('docs', 'Text.', 'tags: [{ label: D, permalink: /docs/intro }]\n'));
    assert.deepEqual(broken(index, 'blog/2024-01-01-alt.md'), []);
  });

  it('judges it on the lists of its authors with a page too, as the authors map gives them', async () => {
    const config = `module.exports = { baseUrl: '/', presets: [['classic', { docs: {}, blog: {} }]] };\n`;
    const findings = async (authors: string) => {
      const site = createWorkspace({ 'docusaurus.config.js': config, 'blog/authors.yml': authors, 'docs/intro.md': '# Intro\n', 'blog/2024-01-01-jo.md': post('jo', 'Zur [Intro](../docs/intro).', 'authors: [jo, { name: Gast }]\n') });
      try {
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        return documentDiagnostics(index, index.getDocument(site.uri('blog/2024-01-01-jo.md'))!, DEFAULT_SETTINGS).map((diagnostic) => diagnostic.message.replace(/ shows this part.*$/, ''));
      } finally {
        site.dispose();
      }
    };
    assert.deepEqual(await findings('jo:\n  name: Jo\n  page: true\n'), ['The list of posts by the author "jo" (/blog/authors/jo)']);
    assert.deepEqual(await findings('jo:\n  name: Jo\n  page: { permalink: /johanna }\n'), ['The list of posts by the author "jo" (/blog/authors/johanna)']);
    // An author without a page has no list; a map that does not read is not judged.
    assert.deepEqual(await findings('jo:\n  name: Jo\n'), []);
    assert.deepEqual(await findings('jo: [\n'), []);
  });

  it('leaves translations alone where the configuration places them elsewhere (i18n.path)', async () => {
    const config = (i18n: string) => `module.exports = { baseUrl: '/', i18n: { defaultLocale: 'de', locales: ['de', 'en']${i18n} }, presets: [['classic', { docs: false, blog: { postsPerPage: 1 } }]] };\n`;
    const translation = 'i18n/en/docusaurus-plugin-content-blog/2024-01-01-eins.md';
    const findings = async (i18n: string) => {
      const site = createWorkspace({ 'docusaurus.config.js': config(i18n), 'blog/2024-01-01-eins.md': post('eins', 'Eins.'), [translation]: post('one', '[two](./zwei)') });
      try {
        const index = new GlossaryIndex();
        await loadGlossary(index, new GlossaryScope([site.root]), () => undefined);
        return documentDiagnostics(index, index.getDocument(site.uri(translation))!, DEFAULT_SETTINGS).map((diagnostic) => diagnostic.message);
      } finally {
        site.dispose();
      }
    };
    assert.equal((await findings('')).length, 1, 'from the English list, /en/blog, "./zwei" leads to /en/zwei');
    assert.deepEqual(await findings(", path: 'uebersetzt'"), [], 'no build reads the file');
  });

  it('checks the posts again when another comes, as it moves them down the list', () => {
    const index = siteOf(['blog/bild.png'], files, 1);
    const newer = 'blog/2024-02-01-neu.md';
    index.setDocument(uri(newer), post('neu', 'Neu.'));
    assert.ok(affectedDocuments(index, uri(newer), undefined, index.getDocument(uri(newer))).has(uri('blog/2024-01-02-zwei.md')));
    assert.ok(broken(index, 'blog/2024-01-02-zwei.md')[0].startsWith('5:13 The blog\'s list of posts /blog/page/2 shows'));
  });
});

describe('broken-link of a relative URL in a Markdown page of src/pages (docusaurus-page-relative-links)', () => {
  it("reads it from the page's URL: its file's path, a folder's for its index, its slug's", () => {
    const { index } = siteWithFiles([], {
      'src/pages/hilfe/index.md': '# Hilfe\n\n[FAQ](./faq) [Kontakt](kontakt) [Intro](../docs/intro)\n',
      'src/pages/hilfe/faq.md': '# FAQ\n\n[Kontakt](./kontakt) [Übersicht](./) [Test](trial.example.org)\n',
      'src/pages/hilfe/kontakt.md': '---\nslug: /kontakt\n---\n\n[FAQ](./hilfe/faq) [alt](./kontakt-alt)\n',
      'docs/intro.md': '# Intro\n',
    }, (site) => {
      site.docusaurus.contentFolders = [uri('src/pages')];
      site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: '' }];
      site.docusaurus.routeFoldersOutsideDocs = [];
    });
    index.setScope(() => true);
    const broken = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    // `/hilfe/` reads "kontakt" as /hilfe/kontakt: the slug put the page at /kontakt.
    assert.deepEqual(broken('src/pages/hilfe/index.md'), ['No glossary entry at "kontakt".']);
    assert.deepEqual(broken('src/pages/hilfe/faq.md'), ['No glossary entry at "./kontakt".', 'No file at "trial.example.org": Docusaurus looks for it at "src/pages/hilfe/trial.example.org".']);
    assert.deepEqual(broken('src/pages/hilfe/kontakt.md'), ['No glossary entry at "./kontakt-alt".']);
  });
});

describe('broken-link and broken-anchor from a <Link> element of Docusaurus (docusaurus-jsx-links)', () => {
  const PAGE = [
    /* 0 */ "import Link from '@docusaurus/Link';",
    /* 1 */ "import { default as Weiter } from '@docusaurus/Link';",
    /* 2 */ '',
    /* 3 */ '# Seite',
    /* 4 */ '',
    /* 5 */ '<Link to="/docs/fehlt">a</Link> <Link href="/docs/auch-fehlt">b</Link> <Weiter to={\'/docs/dritte\'}>c</Weiter> <Link to="./ziel.md">d</Link>',
    /* 6 */ '',
    /* 7 */ '<Link to="/docs/ziel">ok</Link> <Link to="ziel">ok</Link> <Link to="/docs/ziel#teil">ok</Link> <Link to="/docs/ziel#tei">e</Link> <Link to="#nirgends">f</Link>',
    /* 8 */ '',
    /* 9 */ '<Link to="/docs/x" data-noBrokenLinkCheck>no</Link> <Link to="/docs/y" target="_blank">no</Link> <Link to={frontMatter.ziel}>no</Link> <Link {...props} to="/docs/z">no</Link> <a href="/docs/html">no</a>',
    /* 10 */ '',
    /* 11 */ '<Link to="/docs/fehlt&amp;und">g</Link> {/* <Link to="/docs/kommentar">no</Link> */}',
    /* 12 */ '',
    /* 13 */ '```',
    /* 14 */ '<Link to="/docs/code">no</Link>',
    /* 15 */ '```',
  ].join('\n');
  const texts = { 'docs/seite.mdx': PAGE, 'docs/ziel.md': '# Ziel\n\n## Teil\n', 'docs/ohne.mdx': '# Ohne Import\n\n<Link to="/docs/fehlt">x</Link>\n' };
  const found = (index: GlossaryIndex, file = 'docs/seite.mdx') =>
    diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-link' || diagnostic.code === 'broken-anchor').map((diagnostic) => [diagnostic.code, span(diagnostic.range), diagnostic.severity, diagnostic.suggestion ?? null]);

  it("reports the link each renders as Docusaurus's Link collects it: to, else href, a URL never read as a Markdown file; anchors too", () => {
    assert.deepEqual(found(siteWithFiles([], texts).index), [
      ['broken-link', '5:10-5:21', 'error', null],
      ['broken-link', '5:44-5:60', 'error', null],
      ['broken-link', '5:84-5:96', 'error', null],
      ['broken-link', '5:120-5:129', 'error', null],
      // A character reference is read as JSX reads it.
      ['broken-link', '11:10-11:29', 'error', null],
      ['broken-anchor', '7:105-7:119', 'warning', '/docs/ziel#teil'],
      ['broken-anchor', '7:140-7:149', 'warning', null],
    ]);
  });

  it('reports none where the page is compiled as CommonMark, or where no import names Link', () => {
    const commonMark = siteWithFiles([], texts, (site) => (site.docusaurus.markdownFormat = 'md')).index;
    assert.deepEqual(found(commonMark), []);
    assert.deepEqual(found(siteWithFiles([], texts).index, 'docs/ohne.mdx'), []);
  });

  it('are checked again when a page they name comes, goes or changes its anchors', () => {
    const { index } = siteWithFiles([], texts);
    const before = index.getDocument(uri('docs/ziel.md'));
    index.setDocument(uri('docs/ziel.md'), '# Ziel\n\n## Teil\n\n## Neu\n');
    assert.ok(affectedDocuments(index, uri('docs/ziel.md'), before, index.getDocument(uri('docs/ziel.md'))).has(uri('docs/seite.mdx')), 'anchors changed');
    index.setDocument(uri('docs/fehlt.md'), '# Fehlt\n');
    assert.ok(affectedDocuments(index, uri('docs/fehlt.md'), undefined, index.getDocument(uri('docs/fehlt.md'))).has(uri('docs/seite.mdx')), 'a page came');
    assert.ok(!found(index).some(([code, range]) => code === 'broken-link' && range === '5:10-5:21'), 'its link now reaches it');
  });

  it('reports none on a page the build never reads (a version versions.json does not list)', () => {
    const { index } = siteWithFiles([], { 'versioned_docs/version-v1/alt.mdx': `${PAGE}\n\n[Nichts](./nichts.md)\n` });
    assert.equal(index.pageOf(uri('versioned_docs/version-v1/alt.mdx'))?.published, false);
    assert.deepEqual(found(index, 'versioned_docs/version-v1/alt.mdx'), []);
  });

  it('gives the same links back from the cache of parsed files', () => {
    const parsed = closedDocument(uri('docs/seite.mdx'), PAGE, 'docusaurus');
    assert.deepEqual(parsed.componentLinks?.map((link) => link.target), ['/docs/fehlt', '/docs/auch-fehlt', '/docs/dritte', './ziel.md', '/docs/ziel', 'ziel', '/docs/ziel#teil', '/docs/ziel#tei', '#nirgends', '/docs/fehlt&und']);
    assert.deepStrictEqual(decodeClosedDocument(parsed.uri, JSON.parse(JSON.stringify(encodeClosedDocument(parsed)))), parsed);
  });
});

describe('translations into the default locale (docusaurus-default-locale-i18n)', () => {
  it("replace their originals, which are not built nor checked, as they come and go; a translation of no original is not read", () => {
    const index = new GlossaryIndex();
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const translation = 'i18n/en/docusaurus-plugin-content-docs/current/a.md';
    index.setDocument(uri('docs/a.md'), '---\ntitle: A original\n---\n\n[kaputt](/docs/nope)\n');
    index.setDocument(uri('docs/b.md'), '---\ntitle: B\n---\n\n[A](./a.md) [A](/docs/a)\n');
    const state = () => [index.pageOf(uri('docs/a.md'))?.unpublishedReason ?? 'published', index.pageOf(uri(translation))?.unpublishedReason ?? (index.pageOf(uri(translation)) ? 'published' : 'none')];
    const errors = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code);
    assert.deepEqual(state(), ['published', 'none']);
    index.setDocument(uri(translation), '---\ntitle: A en\n---\n\nEnglish.\n');
    assert.deepEqual(state(), ['replaced', 'published']);
    assert.deepEqual(errors('docs/a.md'), [], 'no duplicate id, no broken link of a page no build reads');
    assert.deepEqual(errors('docs/b.md'), ['broken-link'], 'the replaced file has no page');
    index.removeDocument(uri('docs/a.md'));
    assert.equal(index.pageOf(uri(translation))?.unpublishedReason, 'no-original');
    index.setDocument(uri('docs/a.md'), '---\ntitle: A original\n---\n');
    assert.deepEqual(state(), ['replaced', 'published']);
    index.removeDocument(uri(translation));
    assert.deepEqual(state(), ['published', 'none']);
  });
});

describe('a docs instance whose options the configuration computes (koordinator, streampark)', () => {
  it('predicts no failed build where it chooses by them which docs or versions the build reads: the findings are warnings', () => {
    const files = { 'docs/drafts/bad.md': '---\ntitle: Bad\n---\n\nLatency <100ms here.\n', 'versioned_docs/version-v1/bad.md': '---\ntitle: Bad\n---\n\nLatency <100ms here.\n' };
    const severities = (configure: (site: ReturnType<typeof defaultDocusaurusSite>) => void) => {
      const { index } = siteWithFiles([], files, (site) => {
        site.docusaurus.instances[0].versions = ['v1'];
        configure(site);
      });
      return Object.keys(files).map((file) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'invalid-mdx').map((diagnostic) => diagnostic.severity)[0]);
    };
    assert.deepEqual(severities(() => {}), ['error', 'error']);
    assert.deepEqual(severities((site) => (site.docusaurus.instances[0].filesChosenBy = 'presets[0].docs.exclude')), ['warning', 'warning']);
    // Computed versions leave the current one read.
    assert.deepEqual(severities((site) => (site.docusaurus.instances[0].versionsChosenBy = 'presets[0].docs.onlyIncludeVersions')), ['error', 'warning']);
  });
});

describe('broken-link to the pages Docusaurus generates in each version', () => {
  it('leaves links to tag and category pages unjudged, in every version, and judges the docs beside them', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.instances[0].versions = ['1.0'];
    index.setSites([site]);
    const files: Record<string, string> = {
      'docs/guide/setup.md': '# Setup\n\n[Index](../category/guide), [Next](/docs/next/category/guide), [Alt](/docs/category/guide), [Tags](/docs/next/tags/cli), [Fehlt](/docs/next/guide/fehlt)\n',
      'versioned_docs/version-1.0/guide/setup.md': '# Setup\n\n[Index](../category/guide), [Fehlt](/docs/guide/fehlt)\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`${ROOT}/${file}`, text);
    assert.deepEqual(diagnosticsOf(index, 'docs/guide/setup.md').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/next/guide/fehlt".']);
    assert.deepEqual(diagnosticsOf(index, 'versioned_docs/version-1.0/guide/setup.md').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/guide/fehlt".']);
    // A version's own path, written with slashes.
    site.docusaurus.instances[0].versionPaths = { current: '/dev/' };
    index.setSites([site]);
    index.setDocument(`${ROOT}/docs/guide/setup.md`, '# Setup\n\n[Index](/docs/dev/category/guide), [Fehlt](/docs/dev/guide/fehlt)\n');
    assert.deepEqual(diagnosticsOf(index, 'docs/guide/setup.md').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/dev/guide/fehlt".']);
  });
});

describe('broken-link to a file no docs instance we know reads', () => {
  it('is reported for a Markdown file outside the site, which Docusaurus never resolves a link to (Detox\'s ../../ARCHITECTURE.md)', () => {
    const index = new GlossaryIndex();
    index.setSites([defaultDocusaurusSite(`${ROOT}/website`)]);
    index.setDocument(`${ROOT}/website/docs/arch/artifacts.md`, '# Artifacts\n\n[Architektur](../../../ARCHITECTURE.md)\n');
    index.setDocument(`${ROOT}/ARCHITECTURE.md`, '# Architecture\n');
    assert.deepEqual(diagnosticsOf(index, 'website/docs/arch/artifacts.md').map((diagnostic) => [diagnostic.severity, diagnostic.message]), [
      ['error', '"../../../ARCHITECTURE.md" is not built into the site (not a page the docs plugin reads): the link leads nowhere.'],
    ]);
  });

  it('is reported, unless the configuration computes its plugins, whose instances may read it', () => {
    for (const instancesComputed of [false, true]) {
      const index = new GlossaryIndex();
      const site = defaultDocusaurusSite(ROOT);
      if (instancesComputed) site.docusaurus.instancesComputed = true;
      index.setSites([site]);
      index.setDocument(`${ROOT}/docs/intro.md`, '# Intro\n\n[Verhaltenskodex](../community/code-of-conduct.md)\n');
      index.setDocument(`${ROOT}/community/code-of-conduct.md`, '# Verhaltenskodex\n');
      assert.deepEqual(
        diagnosticsOf(index, 'docs/intro.md').map((diagnostic) => diagnostic.message),
        instancesComputed ? [] : ['"../community/code-of-conduct.md" is not built into the site (not a page the docs plugin reads): the link leads nowhere.'],
      );
    }
  });
});

describe('broken-link between files the build leaves out for one reason', () => {
  it('is not reported in a version the site does not build; from a built page, and between drafts, it is', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.instances[0].versions = ['1.0'];
    // onlyIncludeVersions: ['1.0'] (a real site's: the docs folder is the next version, not built yet).
    site.docusaurus.instances[0].builtVersions = ['1.0'];
    index.setSites([site]);
    const files: Record<string, string> = {
      'docs/a.md': '# A\n\n[B](./b.md), [Entwurf](./entwurf.md)\n',
      'docs/b.md': '# B\n',
      'docs/entwurf.md': '---\ndraft: true\n---\n# Entwurf\n',
      'versioned_docs/version-1.0/a.md': '# A\n\n[Nächste](../../docs/b.md), [Entwurf](./entwurf.md)\n',
      'versioned_docs/version-1.0/entwurf.md': '---\ndraft: true\n---\n# Entwurf\n\n[Anderer Entwurf](./entwurf2.md), [Nächste](../../docs/b.md)\n',
      'versioned_docs/version-1.0/entwurf2.md': '---\ndraft: true\n---\n# Entwurf 2\n',
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`${ROOT}/${file}`, text);
    const messages = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages('docs/a.md'), []);
    assert.deepEqual(messages('versioned_docs/version-1.0/a.md'), [
      '"../../docs/b.md" is not built into the site (not a page the docs plugin reads): the link leads nowhere.',
      '"./entwurf.md" is not built into the site (a draft): the link leads nowhere.',
    ]);
    // Two drafts change apart (one is published first), and `_` files are imported by pages: told.
    assert.deepEqual(messages('versioned_docs/version-1.0/entwurf.md'), [
      '"./entwurf2.md" is not built into the site (a draft): the link leads nowhere.',
      '"../../docs/b.md" is not built into the site (not a page the docs plugin reads): the link leads nowhere.',
    ]);
  });

  it('judges no URL path in a file the build never reads: a version the site does not have, its translation (kubevela, wails)', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.locales = ['en', 'fr'];
    index.setSites([site]);
    const links = '[Fehlt](/docs/absent), [Nächste](/docs/next/install)\n';
    const files: Record<string, string> = {
      'docs/install.md': `# Install\n\n${links}`,
      'versioned_docs/version-0.9/install.md': `# Old\n\n${links}`,
      'i18n/fr/docusaurus-plugin-content-docs/version-1.0/install.md': `# Installer\n\n${links}`,
    };
    for (const [file, text] of Object.entries(files)) index.setDocument(`${ROOT}/${file}`, text);
    const messages = (file: string) => diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message.match(/"([^"]+)"/)![1]);
    assert.deepEqual(messages('docs/install.md'), ['/docs/absent']);
    assert.deepEqual(messages('versioned_docs/version-0.9/install.md'), []);
    assert.deepEqual(messages('i18n/fr/docusaurus-plugin-content-docs/version-1.0/install.md'), []);
  });
});

describe('broken-anchor', () => {
  const INTRO = [
    /* 0 */ '---',
    /* 1 */ 'title: Intro',
    /* 2 */ '---',
    /* 3 */ '# Intro',
    /* 4 */ '[a](#getting-started) [b](#Getting-Started) [c](#intro) [d](#options-1) [e](#options-2) [f](#custom) [g](#explicit-heading)',
    /* 5 */ '[h](#the-run-command) [i](#bold-and-italic) [j](#see-the-guide) [k](#a_b-and-c) [l](#%C3%BCber-uns) [m](#mehr) [n](#nur-a) [o](#)',
    /* 6 */ '[p](./other.md#usage) [q](./other.md#usag) [r](/docs/other#details) [s](/docs/other/#nothing) [t](./html.md#anything) [u](./fehlt.md#x)',
    /* 7 */ '',
    /* 8 */ '## Getting Started',
    /* 9 */ '## Options',
    /* 10 */ '## Options',
    /* 11 */ '## Explicit heading {#custom}',
    /* 12 */ '## The `run` command',
    /* 13 */ '## **Bold** and *italic*',
    /* 14 */ '## See [the guide](./other.md)',
    /* 15 */ '## a\\_b and c',
    /* 16 */ '## Über uns',
    /* 17 */ '<details id="mehr"><summary>Mehr</summary>x</details>',
    /* 18 */ '<a id="nur-a"></a>',
  ].join('\n');
  const OTHER = '---\ntitle: Other\n---\n## Usage\n### Details\n';
  const HTML = '---\ntitle: HTML\n---\n## <span title={titel}>Whatever</span>\n';
  const texts = { 'docs/intro.md': INTRO, 'docs/other.md': OTHER, 'docs/html.md': HTML };
  const found = (index: GlossaryIndex, file = 'docs/intro.md') =>
    diagnosticsOf(index, file).filter((diagnostic) => diagnostic.code === 'broken-anchor').map((diagnostic) => [span(diagnostic.range), diagnostic.severity, diagnostic.suggestion, diagnostic.message]);

  it('reports a link to an anchor its doc does not have, as Docusaurus collects anchors: headings but the H1, numbered repeats, explicit ids, <details id>', () => {
    const { index } = siteWithFiles([], texts);
    assert.deepEqual(found(index), [
      ['4:26-4:42', 'warning', '#getting-started', 'No heading or element on this page has the id "Getting-Started": Docusaurus reports a broken anchor. Did you mean "getting-started"?'],
      ['4:48-4:54', 'warning', undefined, 'No heading or element on this page has the id "intro": Docusaurus reports a broken anchor.'],
      // Two headings "Options": options and options-1.
      ['4:76-4:86', 'warning', '#options-1', 'No heading or element on this page has the id "options-2": Docusaurus reports a broken anchor. Did you mean "options-1"?'],
      ['4:105-4:122', 'warning', undefined, 'No heading or element on this page has the id "explicit-heading": Docusaurus reports a broken anchor.'],
      ['5:115-5:121', 'warning', undefined, 'No heading or element on this page has the id "nur-a": Docusaurus reports a broken anchor.'],
      ['6:26-6:41', 'warning', './other.md#usage', 'No heading or element on /docs/other has the id "usag": Docusaurus reports a broken anchor. Did you mean "usage"?'],
      ['6:72-6:92', 'warning', undefined, 'No heading or element on /docs/other has the id "nothing": Docusaurus reports a broken anchor.'],
    ]);
  });

  it('reads a destination as Markdown does: a character reference is no fragment, an escaped "#" is one', () => {
    const { index } = siteWithFiles([], { 'docs/O_ut.md': '---\ntitle: O ut\n---\n## Da\n', 'docs/b.md': '---\ntitle: B\n---\n[x](O&#95;ut.md#da) [y](O&#x5F;ut.md#da) [z](O&#95;ut.md#dd) [w](O\\_ut.md\\#db)\n' });
    assert.deepEqual(found(index, 'docs/b.md').map(([range, , suggestion, message]) => [range, suggestion, message]), [
      ['3:45-3:59', 'O&#95;ut.md#da', 'No heading or element on /docs/O_ut has the id "dd": Docusaurus reports a broken anchor. Did you mean "da"?'],
      ['3:65-3:77', 'O\\_ut.md#da', 'No heading or element on /docs/O_ut has the id "db": Docusaurus reports a broken anchor. Did you mean "da"?'],
    ]);
  });

  it('fails the build under onBrokenAnchors: throw, and reports nothing under ignore', () => {
    const throwing = siteWithFiles([], texts, (site) => (site.docusaurus.onBrokenAnchors = 'throw')).index;
    assert.ok(found(throwing).length === 7 && diagnosticsOf(throwing, 'docs/intro.md').filter((diagnostic) => diagnostic.code === 'broken-anchor').every((diagnostic) => diagnostic.breaksBuild === true));
    assert.deepEqual(found(siteWithFiles([], texts, (site) => (site.docusaurus.onBrokenAnchors = 'ignore')).index), []);
  });

  it('keeps a heading\'s case under markdown.anchors.maintainCase', () => {
    const { index } = siteWithFiles([], texts, (site) => (site.docusaurus.anchorsMaintainCase = true));
    const ranges = found(index).map(([range]) => range);
    assert.ok(ranges.includes('4:4-4:20') && !ranges.includes('4:26-4:42'), ranges.join(' '));
  });

  it('judges no link to a page whose anchors are not known for certain: a heading of HTML, an imported partial, a heading in a quote, an id from an expression, a rehype plugin', () => {
    const unknown = (text: string, configure?: (site: ReturnType<typeof defaultDocusaurusSite>) => void) =>
      found(siteWithFiles(['docs/_teil.md'], { 'docs/a.md': `---\ntitle: A\n---\n[x](#nirgends)\n\n${text}\n` }, configure).index, 'docs/a.md').length;
    assert.equal(unknown('## Da'), 1);
    // An image or a stylesheet imported adds no anchor; nor does an `id` in a fenced code block (yew's, wails's).
    assert.equal(unknown("import logo from '@site/static/img/logo.webp';\nimport './stil.css';\n\n## Da"), 1);
    assert.equal(unknown('## Da\n\n```rust\nhtml! { <div id={props.id.clone()}></div> }\n```'), 1);
    assert.equal(unknown('## <span title={titel}>Da</span>'), 0);
    // An element's tags with text and attributes written as strings: its text is the heading's (test/sites/docusaurus-anchors-html).
    assert.equal(unknown('## <span class="neu">Da</span>'), 1);
    assert.equal(unknown("import Teil from './_teil.md';\n\n<Teil />"), 0);
    assert.equal(unknown('> ## Zitiert'), 0);
    assert.equal(unknown('- ## Aufgezählt'), 0);
    assert.equal(unknown('```mdx-code-block\n## Entpackt\n```'), 0);
    // An `mdx-code-block` fence that holds no heading and no id adds no anchor (wails's images in a `<div>`), one that does may
    // (test/sites/docusaurus-anchors-mdx-code-block).
    assert.equal(unknown('## Da\n\n```mdx-code-block\n<div class="text--center">\n  <img src={require("@site/static/img/a.webp").default} />\n</div>\n```'), 1);
    assert.equal(unknown('import Tabs from \'@theme/Tabs\';\nimport TabItem from \'@theme/TabItem\';\n\n## Da\n\n````mdx-code-block\n<Tabs>\n<TabItem value="a">\n\n```bash\n# install\nnpm i\n```\n\n</TabItem>\n</Tabs>\n````'), 1);
    assert.equal(unknown('```mdx-code-block\n<details id="mehr">\nx\n</details>\n```'), 0);
    assert.equal(unknown('```mdx-code-block\n> - ## Tief\n```'), 0);
    assert.equal(unknown('```mdx-code-block\nEntpackt\n---\n```'), 0);
    // MDX's comment holds no heading where the page compiles as MDX, and one where it does not.
    assert.equal(unknown('{/*\n## Versteckt\n*/}'), 0);
    // MDX reads no indented code: a heading indented in a `<TabItem>` is one.
    assert.equal(unknown('<Tabs>\n  <TabItem value="a">\n\n    ## Installieren\n\n  </TabItem>\n</Tabs>'), 0);
    // A fence closed by one indented further, as MDX closes it (test/sites/docusaurus-mdx-indented): the heading after it is the page's, and known.
    assert.equal(unknown('```bash\nnpm i\n    ```\n\n## Danach'), 1);
    // A text directive is no text of the id (`## Note:important stuff` has the id note-stuff).
    assert.equal(unknown('## Note:important stuff'), 0);
    assert.equal(unknown('## Andere {#ns:name}'), 0);
    assert.equal(unknown('<details id={name}>x</details>'), 0);
    assert.equal(unknown('<Box id="x" />'), 0);
    // Strong emphasis, as CommonMark reads `__init__`: the id is `init` (test/sites/docusaurus-anchors-texts).
    assert.equal(unknown('## __init__'), 1);
    assert.equal(unknown('## Da', (site) => (site.docusaurus.instances[0].headingIdsChangedBy = 'docs.rehypePlugins')), 0);
    assert.equal(unknown('## Da', (site) => (site.docusaurus.mdxComponents = undefined)), 0);
  });

  it('reads an id a code span writes, leaves footnotes\' anchors and links in MDX\'s comment alone, and fails the build on an anchor it cannot decode', () => {
    const page = '---\ntitle: A\n---\n[a](#x) [b](#hello-x) [c](#user-content-fn-1) [d](#footnote-label) [e](#caf%E9)\n\n{/* [f](#weg) [g](./fehlt.md) */}\n\nText[^1].\n\n[^1]: Fußnote.\n\n## Hello `{#x}`\n';
    const { index } = siteWithFiles([], { 'docs/a.md': page });
    assert.deepEqual(diagnosticsOf(index, 'docs/a.md').map((diagnostic) => [diagnostic.code, span(diagnostic.range), diagnostic.severity]), [
      ['broken-anchor', '3:12-3:20', 'warning'],
      ['broken-anchor', '3:71-3:78', 'error'],
    ]);
  });

  it('judges a page compiled as CommonMark by its own problems, not MDX\'s', () => {
    const { index } = siteWithFiles([], { 'docs/a.md': '---\ntitle: A\n---\n[a](#fehlt) {nicht MDX}\n\n## Da\n' }, (site) => (site.docusaurus.markdownFormat = 'detect'));
    assert.deepEqual(found(index, 'docs/a.md').map(([range]) => range), ['3:4-3:10']);
  });

  it('takes the ids of the elements the theme renders with a component for anchors on a page compiled as CommonMark, not a plain element\'s (test/sites/docusaurus-anchors-commonmark)', () => {
    const page = '---\ntitle: A\n---\n[a](#production-mode) [b](#production-mode-) [c](#oben) [d](#mehr) [e](#zwei) [f](#block) [g](#eins)\n\n### Production mode <span id="production-mode"></span>\n\n<a id="oben"></a> <details id="mehr"><summary>x</summary>y</details>\n\n<h2 id="zwei">Zwei</h2>\n\n<div id="block">z</div>\n\n<h1 id="eins">Eins</h1>\n';
    const { index } = siteWithFiles([], { 'docs/a.md': page }, (site) => (site.docusaurus.markdownFormat = 'detect'));
    assert.deepEqual(found(index, 'docs/a.md').map(([range]) => range), ['3:4-3:20', '3:82-3:88', '3:94-3:99']);
    // An element the site's own MDX components may render, and one we do not know, may give an anchor: the page's anchors are not judged.
    const own = siteWithFiles([], { 'docs/a.md': page }, (site) => {
      site.docusaurus.markdownFormat = 'detect';
      site.docusaurus.mdxComponents = [...site.docusaurus.mdxComponents!, 'span'];
    }).index;
    assert.deepEqual(found(own, 'docs/a.md'), []);
    const unknown = siteWithFiles([], { 'docs/a.md': '---\ntitle: A\n---\n[a](#x)\n\n<my-widget id="y"></my-widget>\n' }, (site) => (site.docusaurus.markdownFormat = 'detect')).index;
    assert.deepEqual(found(unknown, 'docs/a.md'), []);
  });

  it('judges a translation by its own headings, and no link between locales', () => {
    const { index } = siteWithFiles([], {
      'docs/intro.md': '---\ntitle: Intro\n---\n## Setup\n',
      'i18n/de/docusaurus-plugin-content-docs/current/intro.md': '---\ntitle: Intro\n---\n[a](#setup) [b](#einrichtung)\n\n## Einrichtung\n',
    }, (site) => (site.docusaurus.locales = ['en', 'de']));
    assert.deepEqual(found(index, 'i18n/de/docusaurus-plugin-content-docs/current/intro.md').map(([range]) => range), ['3:4-3:10']);
  });

  it('judges a route from a translation to a doc without one by the original, which the locale builds in its place', () => {
    const { index } = siteWithFiles([], {
      'docs/intro.md': '---\ntitle: Intro\n---\n## Setup\n',
      'docs/other.md': '---\ntitle: Other\n---\n## Usage\n',
      'i18n/de/docusaurus-plugin-content-docs/current/other.md': '---\ntitle: Anderes\n---\n[a](/docs/intro#setup) [b](/docs/intro#fehlt)\n',
    }, (site) => (site.docusaurus.locales = ['en', 'de']));
    assert.deepEqual(found(index, 'i18n/de/docusaurus-plugin-content-docs/current/other.md').map(([range]) => range), ['3:27-3:44']);
  });

  it('judges a route from a doc without a translation, built in the other locale too, by the translation of the page it names there', () => {
    const { index } = siteWithFiles([], {
      'docs/a.md': '---\ntitle: A\n---\n[a](/docs/b#english-only) [b](./b#english-only) [c](/docs/b#both) [d](./b.md#english-only)\n',
      'docs/b.md': '---\ntitle: B\n---\n## English only\n\n## Both\n',
      'docs/c.md': '---\ntitle: C\n---\n[a](/docs/b#english-only)\n',
      'i18n/de/docusaurus-plugin-content-docs/current/b.md': '---\ntitle: B\n---\n## Both\n',
      'i18n/de/docusaurus-plugin-content-docs/current/c.md': '---\ntitle: C\n---\n[a](/docs/b#both)\n',
    }, (site) => (site.docusaurus.locales = ['en', 'de']));
    // `./b.md` is looked for beside the file in the de build, and is a broken link there (linkRules), not an anchor.
    assert.deepEqual(found(index, 'docs/a.md').map(([range]) => range), ['3:4-3:24', '3:30-3:46']);
    assert.match(diagnosticsOf(index, 'docs/a.md').find((diagnostic) => diagnostic.code === 'broken-anchor')!.message, /In the de build/);
    // Translated into de itself, the doc is read in en only there.
    assert.deepEqual(found(index, 'docs/c.md'), []);
  });

  it('judges the links of a Markdown page of src/pages to the docs\' anchors, as those of a blog post (socket.io\'s get-started pages)', () => {
    const { index } = siteWithFiles([], {
      'docs/b.md': '---\ntitle: B\n---\n## Acknowledgements\n',
      'src/pages/start.md': '# Start\n\n[a](/docs/b#Acknowledgements) [b](/docs/b#acknowledgements) [c](/docs/b#fehlt)\n',
      'src/pages/_teil.md': '[c](/docs/b#fehlt)\n',
    }, (site) => {
      site.docusaurus.contentFolders = [uri('src/pages')];
      site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: undefined }];
    });
    assert.deepEqual(found(index, 'src/pages/start.md').map(([range]) => range), ['2:4-2:28', '2:64-2:77']);
    assert.deepEqual(found(index, 'src/pages/_teil.md'), []);
  });

  it('judges a blog post and a Markdown page without a translation in the other locales too, by the translations of the docs they name', () => {
    const text = '[a](/docs/b#installation) [b](/docs/b#usage)\n';
    const { index } = siteWithFiles(['i18n/fr/docusaurus-plugin-content-blog/uebersetzt.md'], {
      'docs/b.md': '---\ntitle: B\n---\n## Installation\n\n## Usage\n',
      'i18n/fr/docusaurus-plugin-content-docs/current/b.md': '---\ntitle: B\n---\n## Utilisation {#usage}\n',
      'blog/post.md': `---\ntitle: Post\n---\n${text}`,
      'blog/uebersetzt.md': `---\ntitle: Post\n---\n${text}`,
      'src/pages/start.md': text,
    }, (site) => {
      site.docusaurus.locales = ['en', 'fr'];
      site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
      site.docusaurus.blogs = [{ uri: uri('blog'), routeBasePath: 'blog', listFolders: [], translations: 'docusaurus-plugin-content-blog' }];
      site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: undefined, translations: 'docusaurus-plugin-content-pages' }];
    });
    assert.deepEqual(found(index, 'blog/post.md').map(([range]) => range), ['3:4-3:24']);
    assert.deepEqual(found(index, 'src/pages/start.md').map(([range]) => range), ['0:4-0:24']);
    // Its fr build reads the translation, whose own links are not read here.
    assert.deepEqual(found(index, 'blog/uebersetzt.md'), []);
  });

  it('checks the links to the original again when a translation\'s headings change, as pages built untranslated in its locale reach it', () => {
    const fr = 'i18n/fr/docusaurus-plugin-content-docs/current/b.md';
    const { index } = siteWithFiles([], {
      'docs/a.md': '---\ntitle: A\n---\n[a](/docs/b#usage)\n',
      'docs/b.md': '---\ntitle: B\n---\n## Usage\n',
      [fr]: '---\ntitle: B\n---\n## Utilisation {#usage}\n',
    }, (site) => (site.docusaurus.locales = ['en', 'fr']));
    assert.deepEqual(found(index, 'docs/a.md'), []);
    const before = index.getDocument(uri(fr));
    index.setDocument(uri(fr), '---\ntitle: B\n---\n## Utilisation\n');
    assert.ok(affectedDocuments(index, uri(fr), before, index.getDocument(uri(fr))).has(uri('docs/a.md')));
    assert.equal(found(index, 'docs/a.md').length, 1);
  });

  it("checks a post's links before its truncate marker again when another post of the blog gains or loses their anchor", () => {
    const blog = (site: ReturnType<typeof defaultDocusaurusSite>) => {
      site.docusaurus.contentFolders = [uri('blog')];
      site.docusaurus.blogs = [{ uri: uri('blog'), routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'] }];
    };
    const { index } = siteWithFiles([], {
      'blog/2024-01-01-a.md': '---\nslug: a\ntitle: A\n---\nSee [later](#later).\n\n<!-- truncate -->\n\n## Later\n',
      'blog/2024-02-01-b.md': '---\nslug: b\ntitle: B\n---\nText.\n',
    }, blog);
    assert.equal(found(index, 'blog/2024-01-01-a.md').length, 1, 'the lists of posts hold no #later');
    // B gains a heading "Later": a list showing B holds the anchor, and A's link is no longer reported.
    const before = index.getDocument(uri('blog/2024-02-01-b.md'));
    index.setDocument(uri('blog/2024-02-01-b.md'), '---\nslug: b\ntitle: B\n---\n## Later\n');
    assert.equal(found(index, 'blog/2024-01-01-a.md').length, 0);
    assert.ok(affectedDocuments(index, uri('blog/2024-02-01-b.md'), before, index.getDocument(uri('blog/2024-02-01-b.md'))).has(uri('blog/2024-01-01-a.md')), 'anchors of another post changed');
    // A post that comes with the anchor, or goes with it, too.
    index.setDocument(uri('blog/2024-02-01-b.md'), '---\nslug: b\ntitle: B\n---\nText.\n');
    index.setDocument(uri('blog/2024-03-01-c.md'), '---\nslug: c\ntitle: C\n---\n## Later\n');
    assert.ok(affectedDocuments(index, uri('blog/2024-03-01-c.md'), undefined, index.getDocument(uri('blog/2024-03-01-c.md'))).has(uri('blog/2024-01-01-a.md')), 'a post came');
  });

  it('checks the links to a post by its route again when its headings change', () => {
    const { index } = siteWithFiles([], {
      'docs/a.md': '---\ntitle: A\n---\n[p](/blog/post#einleitung)\n',
      'src/pages/info.md': '# Info\n\n[p](/blog/post#einleitung)\n',
      'blog/2024-01-01-post.md': '---\nslug: post\ntitle: Post\n---\n## Einleitung\n',
    }, (site) => {
      site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
      site.docusaurus.blogs = [{ uri: uri('blog'), routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'] }];
      site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: undefined }];
    });
    assert.deepEqual(found(index, 'docs/a.md'), []);
    const post = uri('blog/2024-01-01-post.md');
    const before = index.getDocument(post);
    index.setDocument(post, '---\nslug: post\ntitle: Post\n---\n## Anfang\n');
    assert.equal(found(index, 'docs/a.md').length, 1);
    assert.equal(found(index, 'src/pages/info.md').length, 1);
    const affected = affectedDocuments(index, post, before, index.getDocument(post));
    assert.ok(affected.has(uri('docs/a.md')) && affected.has(uri('src/pages/info.md')), [...affected].join(', '));
  });

  it('checks the links to a page again when its headings change', () => {
    const { index } = siteWithFiles([], texts);
    const before = index.getDocument(uri('docs/other.md'));
    index.setDocument(uri('docs/other.md'), '---\ntitle: Other\n---\n## Usag\n');
    assert.ok(affectedDocuments(index, uri('docs/other.md'), before, index.getDocument(uri('docs/other.md'))).has(uri('docs/intro.md')));
  });

  it("judges links to tag pages below the instance's tagsBasePath, and to a Markdown page of src/pages where its slug places it, not at its path", () => {
    const { index } = siteWithFiles([], {
      'docs/a.md': '---\ntitle: A\ntags: [Recht]\n---\n# A\n',
      'src/pages/ueber.md': '---\nslug: /ueber-uns\n---\n# Über uns\n',
      'docs/b.md': '---\ntitle: B\n---\n# B\n\n[da](/docs/themen/recht) [fehlt](/docs/themen/steuer) [Slug](/ueber-uns) [Pfad](/ueber)\n',
    }, (site) => {
      site.docusaurus.instances[0].tagsBasePath = 'themen';
      site.docusaurus.routeFoldersOutsideDocs = [];
      site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: '' }];
      site.docusaurus.contentFolders = [uri('src/pages')];
    });
    index.setScope(() => true);
    assert.deepEqual(diagnosticsOf(index, 'docs/b.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message), ['No glossary entry at "/docs/themen/steuer".', 'No glossary entry at "/ueber".']);
  });

  it('judges links to the tag pages of the docs by the tags published docs give, and checks them again when a doc gives or takes a tag', () => {
    const { index } = siteWithFiles([], {
      'docs/a.md': '---\ntitle: A\ntags: [Zwei Wörter]\n---\n# A\n',
      'docs/b.md': '---\ntitle: B\n---\n# B\n\n[da](/docs/tags/zwei-worter) [fehlt](/docs/tags/neu) [alle](/docs/tags)\n',
    });
    index.setScope(() => true);
    const broken = () => diagnosticsOf(index, 'docs/b.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken(), ['No glossary entry at "/docs/tags/neu".']);
    const before = index.getDocument(uri('docs/a.md'));
    index.setDocument(uri('docs/a.md'), '---\ntitle: A\ntags: [Zwei Wörter, neu]\n---\n# A\n');
    assert.ok(affectedDocuments(index, uri('docs/a.md'), before, index.getDocument(uri('docs/a.md'))).has(uri('docs/b.md')));
    assert.deepEqual(broken(), []);
  });

  it('adds the anchors of the Markdown partials a page imports, nested too, each slugged on its own (test/sites/docusaurus-anchors-partials)', () => {
    const files = {
      'docs/_teil.mdx': "import Tief from './_tief';\n\n## Aus dem Teil\n\n## Gemeinsam\n\n<Tief />\n",
      'docs/_tief.md': '## Ganz tief\n',
      'docs/seite.mdx': "---\ntitle: Seite\n---\n\nimport Teil from '@site/docs/_teil.mdx';\n\n## Gemeinsam\n\n<Teil />\n",
      'docs/quelle.md': '---\ntitle: Quelle\n---\n[a](seite.mdx#aus-dem-teil) [b](seite.mdx#ganz-tief) [c](seite.mdx#gemeinsam) [d](seite.mdx#gemeinsam-1) [e](seite.mdx#nichts)\n',
    };
    const { index } = siteWithFiles([], files);
    assert.deepEqual(found(index, 'docs/quelle.md').map(([range]) => range), ['3:82-3:103', '3:109-3:125']);
    // A partial the index does not hold, or code, may add any anchor: the page's are not judged.
    const { 'docs/_tief.md': _unheld, ...withoutTief } = files;
    const { index: withoutPartial } = siteWithFiles(['docs/_tief.md'], withoutTief);
    assert.deepEqual(found(withoutPartial, 'docs/quelle.md'), []);
    // A partial's heading that changes: the links to the pages importing it are checked again.
    const before = index.getDocument(uri('docs/_tief.md'));
    index.setDocument(uri('docs/_tief.md'), '## Anders tief\n');
    assert.ok(affectedDocuments(index, uri('docs/_tief.md'), before, index.getDocument(uri('docs/_tief.md'))).has(uri('docs/quelle.md')));
  });

  it("adds the anchors of a partial imported by a path from the site's folder, where no static folder has the file (test/sites/docusaurus-anchors-partials-root)", () => {
    const files = {
      'docs/teile/_schritte.mdx': '## Add participants\n',
      'docs/server.mdx': "---\ntitle: Server\n---\n\nimport Schritte from '/docs/teile/_schritte.mdx';\n\n<Schritte />\n",
      'docs/client.md': '---\ntitle: Client\n---\n[a](server.mdx#add-participants) [b](server.mdx#step-2)\n',
    };
    const { index } = siteWithFiles(Object.keys(files), files);
    assert.deepEqual(found(index, 'docs/client.md').map(([range]) => range), ['3:37-3:54']);
    // Webpack looks in the static folders first (`resolve.roots`): a file there is the module, no partial of the glossary.
    const { index: shadowed } = siteWithFiles([...Object.keys(files), 'static/docs/teile/_schritte.mdx'], files);
    assert.deepEqual(found(shadowed, 'docs/client.md'), []);
    // Static folders the configuration computes: where webpack looks is not known.
    const { index: computed } = siteWithFiles(Object.keys(files), files, (site) => (site.docusaurus.staticFolders = undefined));
    assert.deepEqual(found(computed, 'docs/client.md'), []);
  });
});

describe('headingText', () => {
  it('reads a heading as the text Docusaurus slugs, where that is certain', () => {
    assert.equal(headingText('The `run` command'), 'The run command');
    assert.equal(headingText('See [the guide](./x.md "Titel") and ![Logo](l.png)'), 'See the guide and Logo');
    assert.equal(headingText('a\\_b \\* c'), 'a_b * c');
    assert.equal(headingText('`` a`b ``'), 'a`b');
    assert.equal(headingText('snake_case'), 'snake_case');
    assert.equal(headingText('10:30 und std::vector, http://x'), '10:30 und std::vector, http://x');
    assert.equal(headingText('[`JsCast`](https://docs.rs/x "Doku")'), 'JsCast');
    // Emphasis with `_` as CommonMark pairs it, brackets of no link, XML's and numeric character references (test/sites/docusaurus-anchors-texts).
    assert.equal(headingText('Action types _must_ be strings'), 'Action types must be strings');
    assert.equal(headingText('__init__ und _halb'), 'init und _halb');
    assert.equal(headingText('snake_case_name'), 'snake_case_name');
    assert.equal(headingText('a \\[b] und Foo [bar], [x][]'), 'a [b] und Foo [bar], [x][]');
    assert.equal(headingText('x &lt;y&gt; &amp; &#35;1'), 'x <y> & #1');
    assert.equal(headingText('_a_b_'), 'a_b');
    // A code span's `_` are code (karmada's `## Step 2: Change \`<SERVER_IP>\``), and emphasis pairs around spans.
    assert.equal(headingText('Step 2: Change `<SERVER_IP>`'), 'Step 2: Change <SERVER_IP>');
    assert.equal(headingText('`x` _y_'), 'x y');
    assert.equal(headingText('_`a_b`_ und `c_`'), 'a_b und c_');
    // A full reference to no defined label is text, where the heading uses none (socket.io's API headings).
    assert.equal(headingText('socket.emit(eventName[, ...args][, ack])', true), 'socket.emit(eventName[, ...args][, ack])');
    assert.equal(headingText('socket.emit(eventName[, ...args][, ack])'), undefined);
    // An element's text is the heading's, its tags are not, in MDX and CommonMark alike (metro's `<div class="label experimental">`; test/sites/docusaurus-anchors-html).
    assert.equal(headingText('`unstable_conditionNames` <div class="label experimental">Experimental</div>'), 'unstable_conditionNames Experimental');
    assert.equal(headingText("Mit Anker <a id='anker'></a>"), 'Mit Anker ');
    assert.equal(headingText('<b>x</b> und<br />y'), 'x undy');
    assert.equal(headingText('a <span class="x_y">_b_</span>'), 'a b');
    assert.equal(headingText('a \\<b>c'), 'a <b>c');
    // A setext heading over lines: a soft break's line ending without the blanks around it, which the slug drops; a hard break adds nothing (yunikorn's docs).
    assert.equal(headingText('Erste Zeile  \n   zweite Zeile\\\ndritte Zeile'), 'Erste Zeilezweite Zeiledritte Zeile');
    assert.equal(headingText('zwei \r\nZeilen\\\r\nmehr'), 'zwei\nZeilenmehr');
    for (const uncertain of ['_a _b_ c_', '`x _y_', '<br />', '<b title={x}>y</b>', 'a <https://x>', 'a <!-- #id -->', '{x}', 'a [ref][b]', 'Fußnote[^1]', 'AT&nbsp;T', '`zwei\nZeilen`', 'Note:important', ':abbr[HTML]']) assert.equal(headingText(uncertain), undefined, uncertain);
  });
});

/** A configured Docusaurus site at ROOT whose disk holds `files` (paths below ROOT). */
function siteWithFiles(files: string[], texts: Record<string, string>, configure: (site: ReturnType<typeof defaultDocusaurusSite>) => void = () => {}) {
  const index = new GlossaryIndex();
  const site = defaultDocusaurusSite(ROOT);
  site.docusaurus.staticFolders = [uri('static')];
  configure(site);
  index.setSites([site]);
  const onDisk = new Set(files.map((file) => canonicalUri(uri(file))));
  const folders = new Set(files.flatMap((file) => file.split('/').slice(0, -1).map((_, at, parts) => canonicalUri(uri(parts.slice(0, at + 1).join('/'))))));
  index.setPathProbe((asked) => (onDisk.has(asked) ? 'file' : folders.has(asked) ? 'folder' : 'none'));
  for (const [file, text] of Object.entries(texts)) index.setDocument(uri(file), text);
  return { index };
}

describe('broken-image', () => {
  const PAGE = [
    /* 0 */ '# Bilder',
    /* 1 */ '![Da](./img/da.png) ![Fehlt](./img/fehlt.png) ![Ohne Punkt](img/da.png)',
    /* 2 */ '![Logo](/img/logo.png) ![Nicht](/img/nicht.png) ![Site](@site/static/img/logo.png) ![Site fehlt](@site/img/logo.png)',
    /* 3 */ '![Web](https://example.com/x.png) ![Pfad](pathname:///img/x.png) ![CDN](//cdn.example.com/x.png) ![Leer]()',
    /* 4 */ '![Kodiert](./img/mein%20bild.png) ![Spitz](<./img/mein bild.png>) ![Anfrage](./img/da.png?v=1#oben) ![Titel](./img/fehlt2.png "Titel")',
    /* 5 */ '[![Im Link](./img/fehlt3.png)](https://example.com) `![Code](./img/x.png)` <!-- ![Kommentar](./img/x.png) --> ![Ordner](./img)',
    /* 6 */ '![Verweis][bild]',
    /* 7 */ '',
    /* 8 */ '[bild]: ./img/fehlt4.png',
  ].join('\n');
  const FILES = ['docs/img/da.png', 'docs/img/mein bild.png', 'static/img/logo.png'];

  it('reports the images whose file is not where Docusaurus looks, as errors where the build fails on them', () => {
    const { index } = siteWithFiles(FILES, { 'docs/bilder.md': PAGE });
    assert.deepEqual(problems(index, 'docs/bilder.md', ['broken-image']), [
      { code: 'broken-image', severity: 'error', message: 'No image at "./img/fehlt.png": Docusaurus looks for it at "docs/img/fehlt.png".', range: '1:29-1:44' },
      { code: 'broken-image', severity: 'error', message: 'No image at "/img/nicht.png": Docusaurus looks for it at "static/img/nicht.png".', range: '2:32-2:46' },
      { code: 'broken-image', severity: 'error', message: 'No image at "@site/img/logo.png": Docusaurus looks for it at "img/logo.png".', range: '2:97-2:115' },
      { code: 'broken-image', severity: 'error', message: 'The image names no file.', range: '3:105-3:105' },
      { code: 'broken-image', severity: 'error', message: 'No image at "./img/fehlt2.png": Docusaurus looks for it at "docs/img/fehlt2.png".', range: '4:109-4:125' },
      { code: 'broken-image', severity: 'error', message: 'No image at "./img/fehlt3.png": Docusaurus looks for it at "docs/img/fehlt3.png".', range: '5:12-5:28' },
      // Found, as Docusaurus finds it, but a folder: webpack cannot bundle it, whatever onBrokenMarkdownImages says.
      { code: 'broken-image', severity: 'error', message: '"./img" names the folder "docs/img", which Docusaurus cannot make an image of: the build fails.', range: '5:120-5:125' },
    ]);
  });

  it('takes a "%" that starts no escape for what it is to Docusaurus: a page that does not compile, fixed by "%25"', () => {
    const { index } = siteWithFiles([], { 'docs/bild.md': '# Bild\n\n![Anteil](./img/100%.png) [Tabelle](./100%-liste.csv) ![Gut](./img/100%25.png)\n' });
    assert.deepEqual(
      diagnosticsOf(index, 'docs/bild.md').filter((diagnostic) => diagnostic.code === 'invalid-mdx').map((diagnostic) => [span(diagnostic.range), diagnostic.severity, diagnostic.suggestion, diagnostic.message]),
      [
        ['2:10-2:24', 'error', './img/100%25.png', 'MDX cannot compile this page, so the Docusaurus build fails: a "%" in "./img/100%.png" starts no escape (write "%25" for it): URI malformed'],
        ['2:36-2:52', 'error', './100%25-liste.csv', 'MDX cannot compile this page, so the Docusaurus build fails: a "%" in "./100%-liste.csv" starts no escape (write "%25" for it): URI malformed'],
      ],
    );
  });

  it('follows onBrokenMarkdownImages, and judges nothing it cannot see', () => {
    const page = '# Bild\n\n![Fehlt](./img/fehlt.png) ![Nicht](/img/nicht.png)\n';
    const warned = siteWithFiles([], { 'docs/bild.md': page }, (site) => (site.docusaurus.onBrokenMarkdownImages = 'warn')).index;
    assert.deepEqual(problems(warned, 'docs/bild.md').map((problem) => `${problem.code} ${problem.severity} ${problem.range}`), ['broken-image warning 2:9-2:24', 'broken-image warning 2:35-2:49']);
    const ignored = siteWithFiles([], { 'docs/bild.md': page }, (site) => (site.docusaurus.onBrokenMarkdownImages = 'ignore')).index;
    assert.deepEqual(problems(ignored, 'docs/bild.md'), []);
    // Static folders the configuration computes: only absolute paths are not judged.
    const computed = siteWithFiles([], { 'docs/bild.md': page }, (site) => (site.docusaurus.staticFolders = undefined)).index;
    assert.deepEqual(problems(computed, 'docs/bild.md').map((problem) => problem.range), ['2:9-2:24']);
    // A draft is not built; a site assumed from a docs folder, or no way to look at disk, says nothing.
    const draft = siteWithFiles([], { 'docs/bild.md': `---\ndraft: true\n---\n${page}` }).index;
    assert.deepEqual(problems(draft, 'docs/bild.md'), []);
    const assumed = glossaryOf({ 'docs/bild.md': page });
    assumed.setPathProbe(() => 'none');
    assert.deepEqual(problems(assumed, 'docs/bild.md'), []);
    assert.deepEqual(problems(glossaryOf({ 'docs/bild.md': page }), 'docs/bild.md'), []);
  });

  it('reads a path as Markdown does, its backslash escapes and character references resolved, and leaves out images in MDX comments', () => {
    const texts = {
      'docs/bild.md': '# Bild\n\n![A](./img/a\\_b.png) ![B](./img/a&amp;b.png) ![C](./img/p\\(1\\).png) ![D](./img/&#97;.png) ![E](./img/&ouml;.png)\n\n{/* ![Alt](./img/alt.png)\n![Auch](./img/auch.png) */}\n',
      'docs/commonmark.md': '---\nmdx:\n  format: md\n---\n# Text\n\n{/* ![Alt](./img/alt.png) */}\n',
    };
    const { index } = siteWithFiles(['docs/img/a_b.png', 'docs/img/a&b.png', 'docs/img/p(1).png', 'docs/img/a.png'], texts);
    assert.deepEqual(problems(index, 'docs/bild.md', ['broken-image']), [], 'found, or (a named reference) not judged');
    // Where Docusaurus compiles the page as CommonMark, MDX's comment is text, and its image an image.
    assert.deepEqual(problems(index, 'docs/commonmark.md', ['broken-image']).map((problem) => problem.range), ['6:11-6:24']);
  });

  it('takes an image in an HTML block for raw HTML where the page is CommonMark, and for an image where it is MDX', () => {
    const details = '<details>\n<summary>Bild</summary>\n![Bildschirm](./fehlt.png)\n</details>\n';
    const { index } = siteWithFiles([], { 'docs/mdx.md': `# MDX\n\n${details}`, 'docs/commonmark.md': `---\nmdx:\n  format: md\n---\n# CommonMark\n\n${details}` });
    assert.deepEqual(problems(index, 'docs/mdx.md', ['broken-image']).map((problem) => problem.range), ['4:14-4:25']);
    assert.deepEqual(problems(index, 'docs/commonmark.md', ['broken-image']), []);
  });

  it('judges blog posts and Markdown pages as Docusaurus compiles them: not drafts (`true` as text too), `_` files or an upper-case extension', () => {
    const image = '![Fehlt](./fehlt.png)\n';
    const { index } = siteWithFiles([], {
      'blog/beitrag.md': `---\ntitle: B\n---\n${image}`,
      'blog/entwurf.md': `---\ntitle: E\ndraft: "true"\n---\n${image}`,
      'blog/gross.MD': `---\ntitle: G\n---\n${image}`,
      'blog/_teil.md': image,
      'src/pages/seite.md': image,
      'notizen/notiz.md': image,
    }, (site) => (site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')]));
    const reported = ['blog/beitrag.md', 'blog/entwurf.md', 'blog/gross.MD', 'blog/_teil.md', 'src/pages/seite.md', 'notizen/notiz.md'].filter((file) => problems(index, file, ['broken-image']).length > 0);
    assert.deepEqual(reported, ['blog/beitrag.md', 'src/pages/seite.md']);
  });

  it('resolves the Markdown links of blog posts and pages among their own plugin\'s pages, and fails the build on the rest', () => {
    const { index } = siteWithFiles([], {
      'docs/intro.md': '# Intro\n\n[Beitrag](../blog/beitrag.md) [Seite](../src/pages/seite.md)\n',
      'blog/beitrag.md': '---\ntitle: B\n---\n[Doc](../docs/intro.md) [Anderer](./anderer.md) [Blank](anderer.md) [Ordner](/anderer.md) [Site](@site/blog/anderer.md) [Entwurf](./entwurf.md) [Fehlt](/docs/fehlt)\n',
      'blog/anderer.md': '---\ntitle: A\n---\nText.\n',
      'blog/entwurf.md': '---\ntitle: E\ndraft: true\n---\nText.\n',
      'src/pages/seite.md': '# Seite\n\n[Team](./team.md) [Doc](../../docs/intro.md)\n',
      'src/pages/team.md': '# Team\n',
      // The repository's README, which no plugin builds: GitHub shows the post's file.
      'README.md': '# Blog\n\n[Beitrag](./blog/beitrag.md)\n',
    }, (site) => (site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')]));
    const broken = (file: string) => problems(index, file, ['broken-link']).map((problem) => `${problem.severity} ${problem.message.match(/"([^"]+)"/)![1]}${problem.message.includes('another plugin') ? ' (another plugin)' : ''}`);
    assert.deepEqual(broken('docs/intro.md'), ['error ../blog/beitrag.md (another plugin)', 'error ../src/pages/seite.md (another plugin)']);
    assert.deepEqual(broken('blog/beitrag.md'), ['error ../docs/intro.md (another plugin)', 'error ./entwurf.md', 'error /docs/fehlt']);
    assert.deepEqual(broken('src/pages/seite.md'), ['error ../../docs/intro.md (another plugin)']);
    assert.deepEqual(broken('README.md'), []);
    // The fix links the doc by its route.
    assert.equal(diagnosticsOf(index, 'blog/beitrag.md').find((diagnostic) => diagnostic.code === 'broken-link')?.suggestion, '/docs/intro');
  });

  it('leaves alone the Markdown links it cannot follow from blog posts and pages: @site/ paths to other files, translations, plugins whose options choose the files', () => {
    const links = '[Doc](../docs/intro.md) [Site](@site/docs/intro.md) [Fehlt](./fehlt.md) [Blank](beitrag.md)\n';
    const { index } = siteWithFiles([], {
      'docs/intro.md': '# Intro\n',
      // Docusaurus bundles an unresolved `@site/` path as a file to link to: a broken Markdown link, not a broken link.
      'blog/beitrag.md': `---\ntitle: B\n---\n[Site](@site/docs/intro.md)\n`,
      // The French build reads this in place of blog/beitrag.md, and resolves its links among the French build's posts.
      'i18n/fr/docusaurus-plugin-content-blog/beitrag.md': `---\ntitle: B\n---\n${links}`,
      'i18n/fr/docusaurus-plugin-content-pages/seite.md': `# Seite\n\n${links}`,
      // A blog whose `include` chooses its files: which are its posts is not known.
      'termine/termin.md': `---\ntitle: T\n---\n${links}`,
    }, (site) => {
      site.docusaurus.contentFolders = [uri('blog'), uri('src/pages')];
      site.docusaurus.contentFoldersChoosingFiles = [uri('termine')];
    });
    for (const file of ['blog/beitrag.md', 'i18n/fr/docusaurus-plugin-content-blog/beitrag.md', 'i18n/fr/docusaurus-plugin-content-pages/seite.md', 'termine/termin.md']) {
      assert.deepEqual(problems(index, file, ['broken-link']), [], file);
    }
  });

  it('leaves images outside the site\'s folder to other checks', () => {
    const { index } = siteWithFiles([], { 'docs/bild.md': '# Bild\n\n![Oben](../../x.png) ![Statisch](/../../x.png)\n' });
    assert.deepEqual(problems(index, 'docs/bild.md', ['broken-image']), []);
  });

  it('finds the pages naming a file by its name, whatever its folder or case, to check them again when it comes or goes', () => {
    const { index } = siteWithFiles([], { 'docs/bild.md': '# Bild\n\n![Logo](/img/Logo.PNG) [Preise](./Preis%20Liste.pdf) [Seite](./andere.md)\n' });
    assert.deepEqual([...index.documentsNamingFile(uri('static/img/logo.png'))], [uri('docs/bild.md')]);
    assert.deepEqual([...index.documentsNamingFile(uri('docs/preis liste.pdf'))], [uri('docs/bild.md')]);
    assert.deepEqual([...index.documentsNamingFile(uri('docs/andere.md'))], []);
    index.setDocument(uri('docs/bild.md'), '# Bild\n');
    assert.deepEqual([...index.documentsNamingFile(uri('static/img/logo.png'))], []);
  });
});

describe('yaml-syntax where Docusaurus reads the front matter all the same', () => {
  it('is a warning, and Docusaurus\'s own checks judge the values as its js-yaml reads them', () => {
    const { index } = siteWithFiles([], { 'docs/seite.md': '---\ndescription: "eine\n\u00a0 Zeile"\nsidebar_position: abc\n---\n# Seite\n' });
    assert.deepEqual(problems(index, 'docs/seite.md', ['yaml-syntax', 'invalid-front-matter']).map((problem) => `${problem.code} ${problem.severity}`).sort(), [
      'invalid-front-matter error',
      'yaml-syntax warning',
      'yaml-syntax warning',
    ]);
    // Broken for js-yaml too: the build fails on it, and nothing of it is judged.
    const broken = siteWithFiles([], { 'docs/seite.md': '---\ntags: [a, b]]\nsidebar_position: abc\n---\n# Seite\n' }).index;
    assert.deepEqual([...new Set(problems(broken, 'docs/seite.md', ['yaml-syntax', 'invalid-front-matter']).map((problem) => `${problem.code} ${problem.severity}`))], ['yaml-syntax error']);
  });

  it('is a warning in a file the site\'s generator never reads (a README, notes beside the content): it breaks no build', () => {
    const text = '---\ntitle: T\ncustodian: [Patrice](https://example.com/p)\n---\n# T\n';
    const { index } = siteWithFiles([], { 'docs/seite.md': text, 'notes/plan.md': text });
    assert.deepEqual(['docs/seite.md', 'notes/plan.md'].map((file) => [...new Set(problems(index, file, ['yaml-syntax']).map((problem) => problem.severity))]), [['error'], ['warning']]);
  });
});

describe('broken-import', () => {
  const PAGE = [
    /* 0 */ "import Teil from './_teil.md';",
    /* 1 */ "import Ohne from './_teil';",
    /* 2 */ "import Fehlt from './_fehlt.md';",
    /* 3 */ "import Box from '@site/src/components/Box';",
    /* 4 */ "import Weg from '@site/src/components/Weg';",
    /* 5 */ "import logo from '/img/logo.png';",
    /* 6 */ "import Tabs from '@theme/Tabs';",
    /* 7 */ "import daten from './daten?raw';",
    /* 8 */ '',
    /* 9 */ '# Importe',
    /* 10 */ '',
    /* 11 */ "<img src={require('./img/fehlt.png').default} />",
    /* 12 */ '',
    /* 13 */ '```js',
    /* 14 */ "import Code from './_code.md';",
    /* 15 */ '```',
  ].join('\n');
  const FILES = ['docs/_teil.md', 'src/components/Box/index.tsx', 'static/img/logo.png', 'docs/daten.json'];

  it('reports the modules webpack finds no file for, as it looks: with its extensions, a folder\'s index, from the page, the site or the static folders', () => {
    const { index } = siteWithFiles(FILES, { 'docs/importe.md': PAGE });
    assert.deepEqual(diagnosticsOf(index, 'docs/importe.md').filter((diagnostic) => diagnostic.code === 'broken-import').map((diagnostic) => [span(diagnostic.range), diagnostic.severity, diagnostic.suggestion, diagnostic.message]), [
      ['1:18-1:25', 'error', './_teil.md', 'No module at "./_teil": webpack adds no .md or .mdx to a path, so the Docusaurus build fails. Write "./_teil.md".'],
      ['2:19-2:30', 'error', undefined, 'No module at "./_fehlt.md": webpack looks for "docs/_fehlt.md", also with the extensions .wasm, .mjs, .js, .jsx, .ts, .tsx, .json and as a folder with an index file, and the Docusaurus build fails.'],
      ['4:17-4:41', 'error', undefined, 'No module at "@site/src/components/Weg": webpack looks for "src/components/Weg", also with the extensions .wasm, .mjs, .js, .jsx, .ts, .tsx, .json and as a folder with an index file, and the Docusaurus build fails.'],
      ['11:19-11:34', 'error', undefined, 'No module at "./img/fehlt.png": webpack looks for "docs/img/fehlt.png", also with the extensions .wasm, .mjs, .js, .jsx, .ts, .tsx, .json and as a folder with an index file, and the Docusaurus build fails.'],
    ]);
  });

  it('reads the module after webpack\'s inline loaders (`!!raw-loader!./x.go`, typescript-eslint\'s `!!../x.ts?raw`)', () => {
    const page = "import A from '!!./_teil.md?raw';\nimport B from '!!raw-loader!./fehlt.go';\nimport C from '-!../fehlt.ts?raw';\n\n# Seite\n";
    const { index } = siteWithFiles(['docs/_teil.md'], { 'docs/lader.md': page });
    assert.deepEqual(problems(index, 'docs/lader.md', ['broken-import']).map((problem) => problem.range), ['1:15-1:38', '2:15-2:32']);
  });

  it('reads a "#" as part of a name where the name with it is there (`c#/`), else as a fragment; a page\'s own `require` asks for nothing', () => {
    const page = "import A from './c#/_a.md';\nimport B from './_b.md#teil';\nimport C from './c#/_fehlt.md';\nexport const require = (name) => name;\n\n# Seite\n\n{require('./keine-datei')}\n";
    const { index } = siteWithFiles([], { 'docs/seite.md': page });
    // By path: a "#" in a file's name is no URI's fragment.
    const onDisk = new Set(['docs/c#/_a.md', 'docs/_b.md'].map((file) => `${uriPath(ROOT)}/${file}`));
    index.setPathProbe((asked) => (onDisk.has(uriPath(asked)) ? 'file' : 'none'));
    assert.deepEqual(problems(index, 'docs/seite.md', ['broken-import']).map((problem) => problem.range), ['2:15-2:29']);
  });

  it('judges only what webpack bundles: pages compiled as MDX that parse, in sites with a configuration, not drafts', () => {
    const missing = "import Fehlt from './_fehlt.md';\n\n# Seite\n";
    const { index } = siteWithFiles([], {
      'docs/commonmark.md': `---\nmdx:\n  format: md\n---\n${missing}`,
      'docs/entwurf.md': `---\ndraft: true\n---\n${missing}`,
      'docs/kaputt.md': `${missing}\n<div>\n`,
      'docs/_teil.md': missing,
    });
    for (const file of ['docs/commonmark.md', 'docs/entwurf.md', 'docs/_teil.md']) assert.deepEqual(problems(index, file, ['broken-import']), [], file);
    // MDX fails first: its error is the build's.
    assert.deepEqual(problems(index, 'docs/kaputt.md').map((problem) => problem.code), ['invalid-mdx']);
    const assumed = glossaryOf({ 'docs/seite.md': missing });
    assumed.setPathProbe(() => 'none');
    assert.deepEqual(problems(assumed, 'docs/seite.md', ['broken-import']), []);
  });

  it('finds the pages importing a file by its name, with or without its extension, or by the folder of its index, to check them again', () => {
    const { index } = siteWithFiles([], { 'docs/importe.md': PAGE });
    const importing = (file: string) => [...index.documentsImportingAny([uri(file)])];
    assert.deepEqual(importing('docs/_fehlt.md'), [uri('docs/importe.md')]);
    assert.deepEqual(importing('src/components/weg/index.js'), [uri('docs/importe.md')]);
    assert.deepEqual(importing('src/components/Weg.tsx'), [uri('docs/importe.md')]);
    assert.deepEqual(importing('docs/anderes.md'), []);
  });
});

describe('broken-link to a route below the docs', () => {
  it('takes a route where the pages plugin has a file for a page, React or Markdown, and only there', () => {
    const page = '# API\n\n[Werkzeuge](/docs/tools) [Tutorials](/docs/tutorials/) [Gids](/docs/gids) [Fehlt](/docs/fehlt)\n';
    const files = ['src/pages/docs/tools.tsx', 'src/pages/docs/tutorials.md', 'src/pages/docs/gids/index.js'];
    const { index } = siteWithFiles(files, { 'docs/api.md': page, 'docs/regeln.md': '# Regeln\n' }, (site) => (site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: '' }]));
    assert.deepEqual(problems(index, 'docs/api.md', ['broken-link']).map((problem) => problem.range), ['2:82-2:93']);
    // A pages plugin's routeBasePath computed: any route below the docs may be its page.
    const computed = siteWithFiles([], { 'docs/api.md': page, 'docs/regeln.md': '# Regeln\n' }, (site) => (site.docusaurus.pagesFolders = [{ uri: uri('src/pages'), routeBasePath: undefined }])).index;
    assert.deepEqual(problems(computed, 'docs/api.md', ['broken-link']), []);
  });
});

describe('broken-link to a file in a Docusaurus site', () => {
  it('reports links to files that are not there: as broken links, or, written @site/, as broken Markdown links', () => {
    const page = [
      /* 0 */ '# Dateien',
      /* 1 */ '[Da](./files/da.pdf) [Fehlt](./files/fehlt.pdf) [Statisch](/files/preise.pdf) [Nicht](/files/nicht.pdf)',
      /* 2 */ '[Site](@site/static/files/preise.pdf) [Site fehlt](@site/files/preise.pdf) [Seite](./andere.md) [Route](./andere) [Web](https://example.com/a.pdf)',
      /* 3 */ '[Verweis][datei] [Ordner](./files/da.pdf/) [Anker](./files/fehlt.pdf#page=2)',
      /* 4 */ '',
      /* 5 */ '[datei]: ./files/fehlt.pdf',
    ].join('\n');
    const { index } = siteWithFiles(['docs/files/da.pdf', 'static/files/preise.pdf'], { 'docs/dateien.md': page, 'docs/andere.md': '# Andere\n' });
    assert.deepEqual(problems(index, 'docs/dateien.md', ['broken-link']), [
      { code: 'broken-link', severity: 'error', message: 'No file at "./files/fehlt.pdf": Docusaurus looks for it at "docs/files/fehlt.pdf".', range: '1:29-1:46' },
      { code: 'broken-link', severity: 'error', message: 'No file at "/files/nicht.pdf": Docusaurus looks for it at "static/files/nicht.pdf".', range: '1:86-1:102' },
      // A broken Markdown link (onBrokenMarkdownLinks, `warn` by default), and a broken link too (onBrokenLinks).
      { code: 'broken-link', severity: 'error', message: 'No file at "@site/files/preise.pdf": Docusaurus looks for it at "files/preise.pdf".', range: '2:51-2:73' },
      // A path with a final slash is no file: Docusaurus's `stat` fails on it.
      { code: 'broken-link', severity: 'error', message: 'No file at "./files/da.pdf/": Docusaurus looks for it at "docs/files/da.pdf/".', range: '3:26-3:41' },
      { code: 'broken-link', severity: 'error', message: 'No file at "./files/fehlt.pdf#page=2": Docusaurus looks for it at "docs/files/fehlt.pdf".', range: '3:51-3:75' },
      { code: 'broken-link', severity: 'error', message: "No page at \"./files/fehlt.pdf\": Docusaurus makes a file only of an inline link's target ([text](path)), not of a reference's.", range: '5:9-5:26' },
    ]);
  });

  it('judges no link in MDX\'s comment, which writes none where the page compiles as MDX; as CommonMark, the comment is text', () => {
    const page = '# Dateien\n\n{/* [Alt](./files/fehlt.pdf) [Weg](./weg.md)\n[Auch](/files/nicht.pdf) */}\n';
    assert.deepEqual(problems(siteWithFiles([], { 'docs/kommentar.mdx': page }).index, 'docs/kommentar.mdx', ['broken-link']), []);
    // Blanks and line breaks inside the braces; `{/*` and `*/}` in code open and close no comment.
    const spaced = '# Dateien\n\n{ /*\n[Alt](./weg.md)\n*/ }\n\nIn Code: `{/*`.\n\n[Fehlt](./fehlt.md)\n\nUnd `*/}`.\n';
    assert.deepEqual(problems(siteWithFiles([], { 'docs/spaced.mdx': spaced }).index, 'docs/spaced.mdx', ['broken-link']).map((problem) => problem.range), ['8:8-8:18']);
    const asCommonMark = siteWithFiles([], { 'docs/kommentar.md': page }, (site) => (site.docusaurus.markdownFormat = 'md')).index;
    assert.deepEqual(problems(asCommonMark, 'docs/kommentar.md', ['broken-link']).map((problem) => problem.range).sort(), ['2:10-2:27', '2:35-2:43', '3:7-3:23']);
  });

  it('leaves a path with a dot in its last segment outside the docs it holds pages of to the blog and pages (`/blog/release-2.1`), unless it names a common file type', () => {
    const { index } = siteWithFiles([], {
      'docs/Glossar/a.md': '# A\n\n[Version](/blog/release-2.1) [Alt](/v1.0) [Fehlt](/docs/Glossar/v3.1) [PDF](/blog/preise.pdf)\n',
    });
    assert.deepEqual(problems(index, 'docs/Glossar/a.md', ['broken-link']).map((problem) => problem.message), [
      'No file at "/docs/Glossar/v3.1": Docusaurus looks for it at "static/docs/Glossar/v3.1".',
      'No file at "/blog/preise.pdf": Docusaurus looks for it at "static/blog/preise.pdf".',
    ]);
  });

  it('leaves a relative path with a dot that names no file in a blog post to the route it leads to from the post (`./v0.14` from `/blog/v0.15`), unless it names a common file type', () => {
    const post = '---\nslug: v0.15\n---\n\nSee [v0.14](./v0.14), [by reference][alt] and [the PDF](./preise.pdf).\n\n[alt]: ./v0.14\n';
    const { index } = siteWithFiles([], { 'blog/2022-09-26-v0.15.md': post, 'blog/2022-09-13-v0.14.md': '---\nslug: v0.14\n---\n\nOld.\n' }, (site) => {
      site.docusaurus.contentFolders = [uri('blog')];
      site.docusaurus.blogs = [{ uri: uri('blog'), routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'] }];
    });
    assert.deepEqual(problems(index, 'blog/2022-09-26-v0.15.md', ['broken-link']).map((problem) => problem.message), ['No file at "./preise.pdf": Docusaurus looks for it at "blog/preise.pdf".']);
  });

  it('reports a link to an .html file, or to a file by a reference, where no page is at its route, even where the file is there; not a definition only an image refers to', () => {
    // The theme's 404 page is a page (`/404.html`): no finding.
    const page = '# Dateien\n\n[API](/api/index.html) [Seite](./andere.html) [Preise][p] [Da](/files/preise.pdf) [Route](./v1.2) ![Logo][logo] [Nicht gefunden](/404.html)\n\n[p]: /files/preise.pdf\n[logo]: /img/fehlt.png\n';
    const { index } = siteWithFiles(['static/api/index.html', 'static/files/preise.pdf'], {
      'docs/dateien.md': page,
      'docs/andere.md': '# Andere\n',
      'docs/version.md': '---\nslug: /v1.2\n---\n# Version\n',
    });
    assert.deepEqual(
      problems(index, 'docs/dateien.md', ['broken-link']).map((problem) => [problem.range, problem.severity, problem.message]),
      [
        ['2:6-2:21', 'error', 'No page at "/api/index.html": Docusaurus looks for a link to an .html file among its pages only.'],
        ['2:31-2:44', 'error', 'No page at "./andere.html": Docusaurus looks for a link to an .html file among its pages only.'],
        ['4:5-4:22', 'error', "No page at \"/files/preise.pdf\": Docusaurus makes a file only of an inline link's target ([text](path)), not of a reference's."],
      ],
    );
  });
});

describe('broken-link', () => {
  const NOTE = [
    /* 0 */ 'Siehe [Lenkung](Dokumentenlenkug.md).',
    /* 1 */ 'Siehe [SLA](../S-Glossar/Service-Level-Agrement.md#ziele).',
    /* 2 */ 'Siehe [Neu](Quantenphysik.md).',
    /* 3 */ '[Bild](bild.png), [Web](https://example.com/x.md), [Gut](Dokumente.md), [Ich](Notiz.md), `[Code](Fehlt.md)`, [Anker](#oben)',
    /* 4 */ 'Siehe [Route](/docs/Glossar/D-Glossar/Dokumentenlenkug/).',
    /* 5 */ 'Siehe [Neu](/docs/Glossar/D-Glossar/Quantenphysik/).',
    /* 6 */ '[Ref](/docs/References/BPM-OHB/Begriffe/Prozesssteckbrief/), ![Bild](/img/x.png), [Bild](/img/x.png), [Start](/), [Gut](/docs/Glossar/D-Glossar/Dokumente/)',
    /* 7 */ 'Siehe [[Dokumentenlenkug]].',
    /* 8 */ '[[SLA|den Vertrag]], [[service level agreement]], [[Dokumente#Teil]], [[Dienstguetevertrag]]',
    /* 9 */ 'Siehe [[Quantenphysik]].',
    /* 10 */ 'Siehe [Anker](/docs/Glossar/D-Glossar/Dokumentenlenkug#teil).',
  ].join('\n');

  const site = () =>
    glossaryOf({
      'docs/10-Glossar/D-Glossar/Dokumentenlenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'Lenkung von Dokumenten.'),
      'docs/10-Glossar/D-Glossar/Dokumente.md': entry('Dokumente', 'Dokumente', 'Schriftstücke.'),
      'docs/10-Glossar/S-Glossar/Service-Level-Agreement.md': entry('Service-Level-Agreement', 'Service Level Agreement', 'Ein Vertrag.', '[Begriffe]', 'aliases: [SLA, Dienstgütevertrag]\n'),
      'docs/10-Glossar/D-Glossar/Notiz.md': NOTE + '\n',
    });

  const brokenLinks = () => {
    // `#oben` names no heading of the note: a broken anchor (see broken-anchor), not a broken link.
    const diagnostics = diagnosticsOf(site(), 'docs/10-Glossar/D-Glossar/Notiz.md').filter((diagnostic) => !(diagnostic.code === 'broken-anchor' && span(diagnostic.range) === '3:117-3:122'));
    // A broken Markdown link fails the Docusaurus build; a wiki link stays text on the page.
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'broken-link' && diagnostic.severity === (diagnostic.range.start.line === 7 || diagnostic.range.start.line === 9 ? 'warning' : 'error')));
    return diagnostics;
  };
  const onLine = (line: number) =>
    brokenLinks()
      .filter((diagnostic) => diagnostic.range.start.line === line)
      .map((diagnostic) => ({ message: diagnostic.message, range: span(diagnostic.range), suggestion: diagnostic.suggestion }));

  it('reports relative paths to missing .md files on the target, suggesting the nearest file and keeping the anchor', () => {
    assert.deepEqual(onLine(0), [
      { message: 'No glossary entry at "Dokumentenlenkug.md". Did you mean "Dokumentenlenkung.md"?', range: '0:16-0:35', suggestion: 'Dokumentenlenkung.md' },
    ]);
    assert.deepEqual(onLine(1), [
      {
        message: 'No glossary entry at "../S-Glossar/Service-Level-Agrement.md#ziele". Did you mean "../S-Glossar/Service-Level-Agreement.md#ziele"?',
        range: '1:12-1:56',
        suggestion: '../S-Glossar/Service-Level-Agreement.md#ziele',
      },
    ]);
    assert.deepEqual(onLine(2), [{ message: 'No glossary entry at "Quantenphysik.md".', range: '2:12-2:28', suggestion: undefined }]);
  });

  it('leaves alone a link to a Markdown file the site builds that the glossary does not hold: larger than maxFileSize, or left out by the settings', () => {
    const { index } = siteWithFiles(['docs/gross.md'], { 'docs/notiz.md': '---\ntitle: Notiz\n---\n\n[Groß](gross.md), [Fehlt](fehlt.md), [Außen](../notes/gross.md)\n' });
    index.setPathProbe((asked) => (asked === uri('docs/gross.md') || asked === uri('notes/gross.md') ? 'file' : 'none'));
    assert.deepEqual(diagnosticsOf(index, 'docs/notiz.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message), [
      'No glossary entry at "fehlt.md".',
      'No glossary entry at "../notes/gross.md".',
    ]);
  });

  it('reaches the index pages a sidebars file places by slug; judges no route where its sidebars compute parts that could place more', () => {
    const page = { 'docs/notiz.md': '---\ntitle: Notiz\n---\n\n[A](/docs/anbieter), [B](./anbieter), [C](/docs/fehlt)\n' };
    const broken = (configure: Parameters<typeof siteWithFiles>[2]) =>
      diagnosticsOf(siteWithFiles([], page, configure).index, 'docs/notiz.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    assert.deepEqual(broken((site) => (site.docusaurus.instances[0].generatedIndexSlugs = { current: ['/anbieter'] })), ['No glossary entry at "/docs/fehlt".']);
    assert.deepEqual(broken((site) => (site.docusaurus.instances[0].generatedIndexesUnknown = ['current'])), []);
  });

  it('leaves images, URLs, existing files, code and anchors alone', () => {
    assert.deepEqual(onLine(3), []);
    assert.deepEqual(onLine(8), []);
  });

  it('reports routes into a folder of the glossary whose last segment is no id, suggesting the nearest id', () => {
    assert.deepEqual(onLine(4), [
      {
        message: 'No glossary entry at "/docs/Glossar/D-Glossar/Dokumentenlenkug/". Did you mean "/docs/Glossar/D-Glossar/Dokumentenlenkung/"?',
        range: '4:14-4:55',
        suggestion: '/docs/Glossar/D-Glossar/Dokumentenlenkung/',
      },
    ]);
    assert.deepEqual(onLine(5), [{ message: 'No glossary entry at "/docs/Glossar/D-Glossar/Quantenphysik/".', range: '5:12-5:50', suggestion: undefined }]);
  });

  it('suggests, of routes as near, the one that shares most with the linking page\'s: its own version of the docs (keda)', () => {
    const index = glossaryOf({
      'docs/1.0/x/Scalers.md': entry('Scalers', 'Scalers', 'Eins.'),
      'docs/2.0/x/Scalers.md': entry('Scalers', 'Scalers', 'Zwei.'),
      'docs/1.0/concepts/Eins.md': 'Siehe [s](/docs/1.0/scalers).\n',
      'docs/2.0/concepts/Zwei.md': 'Siehe [s](/docs/2.0/scalers).\n',
    });
    const suggestionIn = (relative: string) => diagnosticsOf(index, relative).find((diagnostic) => diagnostic.code === 'broken-link')?.suggestion;
    assert.equal(suggestionIn('docs/1.0/concepts/Eins.md'), '/docs/1.0/x/Scalers');
    assert.equal(suggestionIn('docs/2.0/concepts/Zwei.md'), '/docs/2.0/x/Scalers');
  });

  it('keeps the anchor of a route without a trailing slash in the suggestion', () => {
    assert.deepEqual(onLine(10), [
      {
        message: 'No glossary entry at "/docs/Glossar/D-Glossar/Dokumentenlenkug#teil". Did you mean "/docs/Glossar/D-Glossar/Dokumentenlenkung#teil"?',
        range: '10:14-10:59',
        suggestion: '/docs/Glossar/D-Glossar/Dokumentenlenkung#teil',
      },
    ]);
  });

  it('leaves routes outside the glossary alone: other sections, files, the site root', () => {
    assert.deepEqual(onLine(6), []);
  });

  it('counts a folder as part of the glossary while any entry lies below it, across edits and deletions', () => {
    const index = glossaryOf({
      'docs/Lexikon/A/Eins.md': entry('Eins', 'Eins', 'Die Eins.'),
      'docs/Lexikon/B/Zwei.md': entry('Zwei', 'Zwei', 'Die Zwei.'),
      'docs/Notiz.md': 'Siehe [Drei](/docs/Lexikon/C/Drei/).\n',
    });
    const broken = () => diagnosticsOf(index, 'docs/Notiz.md').filter((diagnostic) => diagnostic.code === 'broken-link').length;
    assert.equal(broken(), 1);
    index.removeDocument(uri('docs/Lexikon/A/Eins.md'));
    assert.equal(broken(), 1, 'Zwei still lies below /docs/Lexikon/');
    // An edit that keeps the entry where it is neither counts it twice nor loses it.
    index.setDocument(uri('docs/Lexikon/B/Zwei.md'), entry('Zwei', 'Zwei neu', 'Die Zwei.'));
    assert.equal(broken(), 1);
    index.removeDocument(uri('docs/Lexikon/B/Zwei.md'));
    assert.equal(broken(), 0, 'no entry below /docs/Lexikon/ any more');
  });

  it("judges a section holding no page where the glossary's scope takes in its folder: the whole docs folder is the workspace's, and the build breaks on it", () => {
    const files = { 'docs/Lexikon/Eins.md': entry('Eins', 'Eins', 'Die Eins.'), 'docs/Notiz.md': 'Siehe [Drei](/docs/Anleitungen/drei) und [Vier](/docs/Lexikon/vier).\n' };
    const brokenIn = (contains: ((filePath: string) => boolean) | undefined, configured = true) => {
      const index = glossaryOf(configured ? {} : files);
      if (configured) {
        index.setSites([defaultDocusaurusSite(ROOT)]);
        for (const [relative, text] of Object.entries(files)) index.setDocument(uri(relative), text);
      }
      if (contains !== undefined) index.setScope(contains);
      return diagnosticsOf(index, 'docs/Notiz.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message);
    };
    assert.deepEqual(brokenIn(() => true), ['No glossary entry at "/docs/Anleitungen/drei".', 'No glossary entry at "/docs/Lexikon/vier".']);
    // The scope takes in the glossary's folder only: the other sections' pages are out of its view.
    assert.deepEqual(brokenIn((filePath) => filePath.includes('/docs/Lexikon/')), ['No glossary entry at "/docs/Lexikon/vier".']);
    assert.deepEqual(brokenIn(undefined), ['No glossary entry at "/docs/Lexikon/vier".']);
    // A docs folder without its site's configuration may be part of a site held elsewhere (test/corpora/platinus-glossar).
    assert.deepEqual(brokenIn(() => true, false), ['No glossary entry at "/docs/Lexikon/vier".']);
  });

  it('reports wiki links naming no title or alias, suggesting the nearest name', () => {
    assert.deepEqual(onLine(7), [
      { message: 'No glossary entry at "Dokumentenlenkug". Did you mean "Dokumentenlenkung"?', range: '7:8-7:24', suggestion: 'Dokumentenlenkung' },
    ]);
    assert.deepEqual(onLine(9), [{ message: 'No glossary entry at "Quantenphysik".', range: '9:8-9:21', suggestion: undefined }]);
  });

  it('guesses no name for a target of one or two letters, and breaks ties by file, not by the order files were read', () => {
    const files = {
      'docs/B/SLA.md': entry('SLA', 'SLA', 'Ein Vertrag.'),
      'docs/A/SLO.md': entry('SLO', 'SLO', 'Ein Ziel.'),
      'docs/Notiz.md': 'Siehe [[a]] und [[SLX]].\n',
    };
    const forwards = glossaryOf(files);
    const backwards = glossaryOf(Object.fromEntries(Object.entries(files).reverse()));
    for (const index of [forwards, backwards]) {
      assert.deepEqual(
        diagnosticsOf(index, 'docs/Notiz.md').map((diagnostic) => diagnostic.message),
        ['No glossary entry at "a".', 'No glossary entry at "SLX". Did you mean "SLO"?'],
      );
    }
  });

  it('suggests from the glossary as it is now: after a term is added, renamed or removed, not after a prose edit', () => {
    const index = glossaryOf({ 'docs/Kostenstelle.md': entry('Kostenstelle', 'Kostenstelle', 'Ort der Kosten.'), 'docs/Notiz.md': 'Siehe [x](Kostenstele.md) und [[Kostenstellle]].\n' });
    const suggestions = () => diagnosticsOf(index, 'docs/Notiz.md').map((diagnostic) => diagnostic.suggestion);
    assert.deepEqual(suggestions(), ['Kostenstelle.md', 'Kostenstelle']);
    index.setDocument(uri('docs/Kostenstelle.md'), entry('Kostenstelle', 'Kostenstelle', 'Nur der Text ist neu.'));
    assert.deepEqual(suggestions(), ['Kostenstelle.md', 'Kostenstelle']);
    index.setDocument(uri('docs/Kostenstelle.md'), entry('Kostenstelle', 'Kostenstellen', 'Umbenannt.'));
    assert.deepEqual(suggestions(), ['Kostenstelle.md', 'Kostenstellen']);
    index.setDocument(uri('docs/Kostenstele.md'), entry('Kostenstele', 'Kostenstellle', 'Neu.'));
    assert.deepEqual(diagnosticsOf(index, 'docs/Notiz.md').map((diagnostic) => diagnostic.suggestion), []);
    index.removeDocument(uri('docs/Kostenstele.md'));
    index.removeDocument(uri('docs/Kostenstelle.md'));
    assert.deepEqual(suggestions(), [undefined, undefined]);
  });

  it('stops reporting once the entry exists', () => {
    const index = site();
    index.setDocument(uri('docs/10-Glossar/D-Glossar/Quantenphysik.md'), entry('Quantenphysik', 'Quantenphysik', 'Physik der Quanten.'));
    const lines = new Set(diagnosticsOf(index, 'docs/10-Glossar/D-Glossar/Notiz.md').map((diagnostic) => diagnostic.range.start.line));
    assert.equal(lines.has(2), false);
    assert.equal(lines.has(5), false);
    assert.equal(lines.has(9), false);
  });
});

describe('severities from settings.rules', () => {
  const index = glossaryOf({
    'docs/tags.yml': TAGS_YML,
    'docs/Service-Level-Agreement.md': entry('SLA', 'Service Level Agreement', 'Siehe [Lenkung](Lenkung.md).', '[Begriffe, Vertrag]', 'titel: SLA\n'),
  });
  const codesAndSeverities = (settings: GlossarySettings) => problems(index, 'docs/Service-Level-Agreement.md', undefined, settings).map((problem) => [problem.code, problem.severity]);

  it('uses the defaults without settings', () => {
    assert.deepEqual(codesAndSeverities(DEFAULT_SETTINGS), [
      ['unknown-tag', 'warning'],
      ['unknown-key', 'warning'],
      ['id-differs-from-file-name', 'hint'],
      // Docusaurus fails the build on a broken link (onBrokenLinks defaults to throw).
      ['broken-link', 'error'],
    ]);
  });

  it('overrides a severity and turns rules off', () => {
    const settings = normalizeSettings({ rules: { 'unknown-tag': 'error', 'broken-link': 'information', 'id-differs-from-file-name': 'off', 'unknown-key': 'off' } });
    assert.deepEqual(codesAndSeverities(settings), [
      ['unknown-tag', 'error'],
      ['broken-link', 'information'],
    ]);
  });

  it('ignores severities it does not know', () => {
    const settings = normalizeSettings({ rules: { 'unknown-tag': 'fatal', 'unknown-key': 'hint' } });
    assert.deepEqual(codesAndSeverities(settings), [
      ['unknown-tag', 'warning'],
      ['unknown-key', 'hint'],
      ['id-differs-from-file-name', 'hint'],
      ['broken-link', 'error'],
    ]);
  });
});

describe('pagination_next and pagination_prev', () => {
  const paged = (next: string) => `---\ntitle: A\npagination_next: ${next}\n---\n\n# A\n`;
  const messages = (index: GlossaryIndex, relative: string) => diagnosticsOf(index, relative).filter((diagnostic) => diagnostic.code === 'invalid-front-matter').map((diagnostic) => diagnostic.message);

  it('names a doc id the version builds, or the build stops; the problem follows that doc as it comes and goes', () => {
    const index = glossaryOf({ 'docs/Glossar/A.md': paged('Glossar/B'), 'docs/Glossar/B.md': '# B\n', 'docs/Glossar/C.md': paged('null') });
    assert.deepEqual(messages(index, 'docs/Glossar/A.md'), []);
    assert.deepEqual(messages(index, 'docs/Glossar/C.md'), [], 'null hides the link');
    const target = uri('docs/Glossar/B.md');
    const before = index.getDocument(target);
    const after = index.setDocument(target, '---\ndraft: true\n---\n# B\n');
    assert.ok(affectedDocuments(index, target, before, after).has(uri('docs/Glossar/A.md')), 'a draft is not built: A is checked again');
    assert.deepEqual(messages(index, 'docs/Glossar/A.md'), ['Docusaurus refuses to build: pagination_next names the doc id "Glossar/B", which no built document of this version has.']);
    index.removeDocument(target);
    assert.equal(messages(index, 'docs/Glossar/A.md').length, 1);
  });
});

describe('affectedDocuments (dependencies)', () => {
  const glossary = () =>
    glossaryOf({
      'docs/Outsourcing.md': entry('Outsourcing', 'Outsourcing', 'Die Vergabe von Aufgaben an Dritte.', '[Auslagerung]'),
      'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Eine Form des [Outsourcings](Outsourcing.md).'),
      'docs/plan.md': 'Siehe [Outsourcing](/docs/Outsourcing/).\n',
      'notes/wiki.md': 'Siehe [[Outsourcing]] und [[Neuer Begriff]].\n',
      'notes/neu.md': 'Siehe [neu](../docs/Neuer-Begriff.md).\n',
      'archiv/Outsourcing.md': entry('Outsourcing', 'Outsourcing (alt)', 'Früher.'),
      'docs/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein Vertrag.'),
    });
  const sorted = (uris: Set<string>) => [...uris].sort();

  it('on a renamed term: the documents linking to it in any style, and the entries sharing its id', () => {
    const index = glossary();
    const target = uri('docs/Outsourcing.md');
    const before = index.getDocument(target);
    const after = index.setDocument(target, entry('Outsourcing', 'Auslagerung', 'Die Vergabe von Aufgaben an Dritte.', '[Auslagerung]'));
    assert.deepEqual(sorted(affectedDocuments(index, target, before, after)), [
      uri('archiv/Outsourcing.md'),
      uri('docs/Outtasking.md'),
      uri('docs/plan.md'),
      uri('notes/wiki.md'),
    ]);
  });

  it('on a page that imports a partial or stops, or becomes a draft: the partials it renders, as deep as they import', () => {
    const { index } = siteWithFiles([], {
      'docs/seite.mdx': "---\ntitle: Seite\n---\nimport Teil from './_teil.mdx';\n\n<Teil />\n",
      'docs/_teil.mdx': "import Tief from './_tief.mdx';\n\n<Tief />\n",
      'docs/_tief.mdx': 'Text.\n',
      'docs/_andere.mdx': 'Text.\n',
    });
    const target = uri('docs/seite.mdx');
    const change = (text: string) => {
      const before = index.getDocument(target);
      const after = index.setDocument(target, text);
      return [...affectedDocuments(index, target, before, after)].filter((affected) => affected.includes('/_')).sort();
    };
    assert.deepEqual(change("---\ntitle: Seite\ndraft: true\n---\nimport Teil from './_teil.mdx';\n\n<Teil />\n"), [uri('docs/_teil.mdx'), uri('docs/_tief.mdx')]);
    assert.deepEqual(change("---\ntitle: Seite\ndraft: true\n---\nimport Teil from './_andere.mdx';\n\n<Teil />\n"), [uri('docs/_andere.mdx'), uri('docs/_teil.mdx'), uri('docs/_tief.mdx')]);
    assert.deepEqual(change("---\ntitle: Seite\ndraft: true\n---\nimport Teil from './_andere.mdx';\n\n<Teil /> Mehr.\n"), []);
  });

  it('on a changed id: the entries with the old id and those with the new one', () => {
    const index = glossary();
    const target = uri('docs/SLA.md');
    const before = index.getDocument(target);
    const after = index.setDocument(target, entry('Outsourcing', 'Service Level Agreement', 'Ein Vertrag.'));
    const affected = affectedDocuments(index, target, before, after);
    assert.ok(affected.has(uri('docs/Outsourcing.md')));
    assert.ok(affected.has(uri('archiv/Outsourcing.md')));
    assert.ok(!affected.has(target));
  });

  it('on a created term: the documents that linked to it while it was missing', () => {
    const index = glossary();
    const target = uri('docs/Neuer-Begriff.md');
    // Tags of its own: a new use of a shared tag would affect that tag's users too (see below).
    const after = index.setDocument(target, entry('Neuer-Begriff', 'Neuer Begriff', 'Neu.', '[]'));
    assert.deepEqual(sorted(affectedDocuments(index, target, undefined, after)), [uri('notes/neu.md'), uri('notes/wiki.md')]);
  });

  it('on a deleted term: the documents linking to it and the entries sharing its id', () => {
    const index = glossary();
    const target = uri('docs/Outsourcing.md');
    const before = index.getDocument(target);
    index.removeDocument(target);
    assert.deepEqual(sorted(affectedDocuments(index, target, before, undefined)), [
      uri('archiv/Outsourcing.md'),
      uri('docs/Outtasking.md'),
      uri('docs/plan.md'),
      uri('notes/wiki.md'),
    ]);
  });

  it('on an edit that changes neither names nor tags: nothing', () => {
    const index = glossary();
    const target = uri('docs/Outsourcing.md');
    const before = index.getDocument(target);
    const after = index.setDocument(target, entry('Outsourcing', 'Outsourcing', 'Eine neue Definition.', '[Auslagerung]'));
    assert.deepEqual(sorted(affectedDocuments(index, target, before, after)), []);
  });

  it('on a changed tag without a tags file: the entries using a variant of it', () => {
    const index = glossaryOf({
      'docs/A.md': entry('A', 'A', 'D.', '[Begriffe]'),
      'docs/B.md': entry('B', 'B', 'D.', '[Begriff]'),
      'docs/C.md': entry('C', 'C', 'D.', '[IM]'),
    });
    const target = uri('docs/A.md');
    const before = index.getDocument(target);
    const after = index.setDocument(target, entry('A', 'A', 'D.', '[Begriffe, Strategie]'));
    assert.deepEqual(sorted(affectedDocuments(index, target, before, after)), []);
    const again = index.setDocument(target, entry('A', 'A', 'D.', '[Strategie]'));
    assert.deepEqual(sorted(affectedDocuments(index, target, after, again)), [uri('docs/B.md')]);
  });
});
