/**
 * The front-matter values that make `docusaurus build` fail, proven against the real validator.
 *
 * The judge is Docusaurus 3.10 itself, installed into .test-cache/ on first use
 * (scripts/docusaurus/site.mjs, a minute or two the first time): its docs plugin's
 * `validateDocFrontMatter`, the check of an `id` with a slash that follows it, and the MDX loader's
 * `validateMDXFrontMatter` (`mdx.format`). For a table of values per key, pairs of the keys that
 * are checked together, seeded mixtures and the real front matter of content/, test/sites/ and the
 * corpora, the keys the judge rejects must be exactly the keys `docusaurusFrontMatterProblems`
 * reports:
 *   1. with the judge given the values our YAML 1.2 parser reads: the validator mirrored exactly;
 *   2. with the judge given what Docusaurus's own parser (gray-matter, js-yaml) reads: the same,
 *      except where js-yaml reads the text as another value (listed in `PARSER_DIFFERENCES`).
 *
 * Seeded: DOCUSAURUS_FRONT_MATTER_SEED=<integer|random>, DOCUSAURUS_FRONT_MATTER_MIXTURES=<n> (default 400).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { splitFrontMatter } from '../../server/src/parsing/frontMatter';
import type { FrontMatterField } from '../../server/src/parsing/frontMatterFields';
import { docusaurusFrontMatterProblems } from '../../server/src/site/docusaurusFrontMatter';
import { masterSeed, Random } from '../support/seeded';

const REPO_ROOT = path.join(__dirname, '..', '..');

function fieldsOf(text: string): FrontMatterField[] {
  return splitFrontMatter(text, new LineIndex(text)).frontMatter?.fields ?? [];
}

const hasYamlProblems = (text: string) => splitFrontMatter(text, new LineIndex(text)).diagnostics.length > 0;

/** The problems of a document as a user sees them: key, the text of the range, and the message. */
function problemsOf(text: string) {
  const lines = new LineIndex(text);
  const fields = splitFrontMatter(text, lines).frontMatter?.fields ?? [];
  return docusaurusFrontMatterProblems(fields).map(({ key, range, message }) => ({
    key,
    at: `${range.start.line}:${range.start.character}`,
    text: text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)),
    message,
  }));
}

describe('Docusaurus front matter: messages and places', () => {
  it('marks each empty tag, not the list', () => {
    assert.deepEqual(problemsOf('---\ntags: ["security", "", ""]\n---\n'), [
      { key: 'tags', at: '1:19', text: '""', message: 'Docusaurus refuses to build: "tags" items must be non-empty text or an object with "label" and "permalink".' },
      { key: 'tags', at: '1:23', text: '""', message: 'Docusaurus refuses to build: "tags" items must be non-empty text or an object with "label" and "permalink".' },
    ]);
  });

  it('marks a tag object without "permalink", and takes one with both', () => {
    const text = '---\ntags:\n  - label: Sicherheit\n  - { label: Netz, permalink: /netz }\n  - Daten\n---\n';
    assert.deepEqual(problemsOf(text), [
      // A block map's range, as the parser gives it, ends after its line break.
      { key: 'tags', at: '2:4', text: 'label: Sicherheit\n', message: 'Docusaurus refuses to build: "tags" items must be non-empty text or an object with "label" and "permalink".' },
    ]);
  });

  it('marks a list as title, an empty value, an empty id and an id with a slash', () => {
    assert.deepEqual(problemsOf('---\ntitle: [Vertrag, SLA]\nsidebar_label:\nid: Glossar/Vertrag\n---\n'), [
      { key: 'title', at: '1:7', text: '[Vertrag, SLA]', message: 'Docusaurus refuses to build: "title" must be text (it may be empty).' },
      { key: 'sidebar_label', at: '2:14', text: '', message: 'Docusaurus refuses to build: "sidebar_label" must be non-empty text.' },
      {
        key: 'id',
        at: '3:4',
        text: 'Glossar/Vertrag',
        message: 'Docusaurus refuses to build: "id" must not contain "/" (the folders of a doc id come from the folders of its file).',
      },
    ]);
    assert.deepEqual(problemsOf('---\nid: ""\n---\n').map(({ message }) => message), ['Docusaurus refuses to build: "id" must be non-empty text.']);
  });

  it('converts as Joi does: numbers to text, "3" to a number, "TRUE" to a boolean; not "yes" or "1_000"', () => {
    assert.deepEqual(problemsOf('---\ntitle: 2024\nid: 7\nsidebar_position: " 3 "\nhide_title: "TRUE"\ndraft: false\n---\n'), []);
    assert.deepEqual(
      problemsOf('---\nhide_title: yes\nsidebar_position: "1_000"\nunlisted: 1\n---\n').map(({ key, text, message }) => ({ key, text, message })),
      [
        { key: 'hide_title', text: 'yes', message: 'Docusaurus refuses to build: "hide_title" must be true or false.' },
        { key: 'sidebar_position', text: '"1_000"', message: 'Docusaurus refuses to build: "sidebar_position" must be a number.' },
        { key: 'unlisted', text: '1', message: 'Docusaurus refuses to build: "unlisted" must be true or false.' },
      ],
    );
  });

  it('refuses a minimum heading level above the maximum, and a draft that is unlisted', () => {
    assert.deepEqual(problemsOf('---\ntoc_min_heading_level: 4\ntoc_max_heading_level: "3"\ndraft: true\nunlisted: "true"\n---\n'), [
      { key: 'toc_min_heading_level', at: '1:23', text: '4', message: 'Docusaurus refuses to build: "toc_min_heading_level" must not be greater than "toc_max_heading_level" (3).' },
      { key: 'unlisted', at: '4:10', text: '"true"', message: 'Docusaurus refuses to build: a page cannot be "draft" and "unlisted" at the same time.' },
    ]);
    assert.deepEqual(problemsOf('---\ntoc_max_heading_level: 7\n---\n').map(({ message }) => message), [
      'Docusaurus refuses to build: "toc_max_heading_level" must be a number from 2 to 6.',
    ]);
  });

  it('refuses an image path with a space or an umlaut, and takes a full URL with them', () => {
    assert.deepEqual(problemsOf('---\nimage: /img/Übersicht.png\ncustom_edit_url: https://example.com/a b.md\n---\n'), [
      {
        key: 'image',
        at: '1:7',
        text: '/img/Übersicht.png',
        message: 'Docusaurus refuses to build: "image" must be a full URL, or a path in which spaces, umlauts and other special characters are percent-encoded (%20).',
      },
    ]);
    assert.deepEqual(problemsOf('---\nimage: /img/%C3%9Cbersicht.png\ncustom_edit_url: ""\n---\n'), []);
  });

  it('refuses a last_update without author or date, and an mdx map with other keys', () => {
    assert.deepEqual(problemsOf('---\nlast_update: { by: Anna }\nmdx: { format: md, x: 1 }\n---\n'), [
      { key: 'last_update', at: '1:13', text: '{ by: Anna }', message: 'Docusaurus refuses to build: "last_update" must be a map with "author" (non-empty text), "date" (a date), or both.' },
      { key: 'mdx', at: '2:5', text: '{ format: md, x: 1 }', message: 'Docusaurus refuses to build: "mdx" must be a map that holds only "format" (md, mdx or detect).' },
    ]);
  });

  it('leaves keys Docusaurus does not declare alone', () => {
    assert.deepEqual(problemsOf('---\naliases: [[x]]\nformat: 1\ntitle_meta: null\n---\n'), []);
  });
});

// ---------------------------------------------------------------------------------------------
// The judge

interface Judge {
  /** The keys whose values make the build fail, for a front-matter object. */
  rejectedKeys(frontMatter: Record<string, unknown>): Set<string>;
  /** What Docusaurus's own parser reads from a Markdown text (throws where it cannot). */
  parse(text: string): Promise<Record<string, unknown>>;
}

interface JoiError {
  details: Array<{ path: Array<string | number>; type: string }>;
}

async function loadJudge(): Promise<Judge> {
  // Loaded by URL: the harness is an ES module and not typed.
  const site = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'docusaurus', 'site.mjs')).href);
  site.ensureDocusaurus();
  const modules = path.join(site.DOCUSAURUS_DIR as string, 'node_modules', '@docusaurus');
  const { validateDocFrontMatter } = require(path.join(modules, 'plugin-content-docs', 'lib', 'frontMatter.js'));
  const { validateMDXFrontMatter } = require(path.join(modules, 'mdx-loader', 'lib', 'frontMatter.js'));
  const { ContentVisibilitySchema } = require(path.join(modules, 'utils-validation'));
  const { DEFAULT_PARSE_FRONT_MATTER } = require(path.join(modules, 'utils'));

  /** Docusaurus logs each rejection before it throws; the test wants only the verdict. */
  const quietly = <T>(run: () => T): T => {
    const error = console.error;
    console.error = () => undefined;
    try {
      return run();
    } finally {
      console.error = error;
    }
  };
  const rejectedPaths = (validate: () => unknown): JoiError['details'] => {
    try {
      quietly(validate);
      return [];
    } catch (error) {
      return (error as JoiError).details;
    }
  };

  return {
    rejectedKeys(frontMatter) {
      const keys = new Set<string>();
      for (const { path: where, type } of rejectedPaths(() => validateDocFrontMatter(frontMatter))) {
        // The draft-and-unlisted check is on the whole object; we report it at "unlisted".
        keys.add(where.length > 0 ? String(where[0]) : type === 'frontMatter.draftAndUnlistedError' ? 'unlisted' : `(${type})`);
      }
      // Joi runs that check only when every key is valid: asked alone, it says what the build says once they are.
      const visibility = ContentVisibilitySchema.validate(frontMatter, { convert: true, allowUnknown: true, abortEarly: false });
      if (visibility.error?.details.some(({ type }: { type: string }) => type === 'frontMatter.draftAndUnlistedError')) keys.add('unlisted');
      // The docs plugin refuses an id with a slash after validating (docs.js: "cannot include slash").
      try {
        const { id } = quietly(() => validateDocFrontMatter({ id: frontMatter.id })) as { id?: string };
        if (id !== undefined && id.includes('/')) keys.add('id');
      } catch {
        // A rejected id is already reported above.
      }
      if (rejectedPaths(() => validateMDXFrontMatter(frontMatter.mdx)).length > 0) keys.add('mdx');
      return keys;
    },
    async parse(text) {
      const { frontMatter } = await DEFAULT_PARSE_FRONT_MATTER({ filePath: 'doc.md', fileContent: text });
      return frontMatter;
    },
  };
}

/** The front matter as our parser reads it, as an object (a later key wins, as in YAML). */
function objectOf(fields: readonly FrontMatterField[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of fields) Object.defineProperty(object, field.key, { value: field.value ?? null, enumerable: true, writable: true, configurable: true });
  return object;
}

const ourKeys = (fields: readonly FrontMatterField[]) => new Set(docusaurusFrontMatterProblems(fields).map(({ key }) => key));
const sorted = (keys: Set<string>) => [...keys].sort().join(', ');

// ---------------------------------------------------------------------------------------------
// Generated front matter

/** Values as YAML text: valid and invalid for some key, and the edge cases of Joi's conversions. */
const VALUES = [
  // empty and null
  '', '""', "''", 'null', '~', '"   "',
  // text
  'Vertrag', '"Vertrag"', 'a/b', '"a/b"', '/absolut', 'relativ/pfad', 'Ärger', '"x: y"',
  // number-like
  '0', '1', '2', '3', '6', '7', '-1', '3.5', '"3"', '" 3 "', '"3.50"', '"+.5"', '"1e3"', '1e3', '"1e400"', '1_000', '"1_000"', '0x10', '"0x10"',
  '0o17', '012', '"012"', '.inf', '-.inf', '.nan', '9007199254740993', '"1.23456789012345678"', '"0.0000001"', '"100000000000000000000000"', '"7"', '"1"',
  '"\\u00a03"', '"3\\n"', '"-0"', '"00"', '"1."', '"1.0"', '"1e-7"', '"0.1e1"', '"1.10e2"', '-0', '0.1', '1e400', '"1,5"', '0b101', '+.5',
  // boolean-like
  'true', 'false', 'True', 'TRUE', '"true"', '"TRUE"', '"False"', '" true"', 'yes', 'no', '"yes"', 'on', 'off', 'y', 'n',
  // dates
  '2021-01-01', '"2021-01-01"', '2021-01-01T10:00:00Z', '"May 1, 2024"', '"2024-13-45"', '"2024-02-30"', '"1714521600000"',
  // URLs and paths
  '/img/a.png', '"/img/a b.png"', '/img/Übersicht.png', '/img/%C3%9C.png', 'https://example.com/a b.png', 'https://example.com/x?y=1#z', './a.png', '../a.png',
  'a:b', '"http:/x"', '"http:x"', '"http:///x"', '//host/x', '"///x"', '"//[::1]/x"', '"//[1:2]/x"', '"//[v1.x]/x"', '"//user@host:80/x"', '"//host:8a/x"',
  '"#frag"', '"?q"', '"a%zz"', '"mailto:"', '"http://exa%mple.com"', '"a,b:c"', '"[x]"', '"https://"', '"http://a b"', '"//a@b@c/"', '"a b"',
  '"/a?b c"', '"/a#b#c"', '"%"', '"file:///x"', '"urn:isbn:0451450523"', '"C:\\\\Bilder\\\\a.png"', '"//[::ffff:1.2.3.4]/"', '"//[1:2:3:4:5:6:7:8]/"',
  '"//[1:2:3:4:5:6:7:8:9]/"', '"//[1::2::3]/"', '"//[1.2.3.4::]/"', '"//[::1.2.3.4]/"', 'md', 'mdx', 'detect', 'MD',
  // lists
  '[]', '[a, b]', '["security", "", ""]', '[a, null]', '[a, ~]', '[1, 2]', '[true]', '[[a]]', '[2021-01-01]', '[yes]', '["a/b"]', '[{}]',
  '[{label: A, permalink: /a}]', '[{label: A}]', '[{permalink: /a}]', '[{label: "", permalink: /a}]', '[{label: 1, permalink: 2}]',
  '[{label: A, permalink: /a, description: x}]', '[{label: null, permalink: /a}]', '[a, {label: A, permalink: /a}]', '\n  - a\n  - ""', '\n  - label: A\n  - b',
  // maps
  '{}', '{a: 1}', '{a: {b: [1]}}', '{format: md}', '{format: MD}', '{format: md, x: 1}', '{format: null}', '{format: 1}', '{format: detect}',
  '{author: Anna}', '{author: ""}', '{author: 1}', '{author: null}', '{date: 2021-01-01}', '{date: "2021-01-01"}', '{date: 0}', '{date: "0"}',
  '{date: "  "}', '{date: true}', '{date: null}', '{date: 8.65e15}', '{date: "May 1, 2024"}', '{author: Anna, date: x}', '{x: 1}',
  '{label: A, permalink: /a}', '\n  author: Anna\n  date: 2024-05-01',
];

/** Every key the docs plugin and the MDX loader declare, a key they do not, and `format`, which only `mdx` holds. */
const KEYS = [
  'id', 'title', 'description', 'slug', 'sidebar_key', 'sidebar_label', 'sidebar_class_name', 'pagination_label', 'displayed_sidebar',
  'pagination_next', 'pagination_prev', 'hide_title', 'hide_table_of_contents', 'parse_number_prefixes', 'draft', 'unlisted',
  'sidebar_position', 'sidebar_custom_props', 'image', 'custom_edit_url', 'keywords', 'tags', 'toc_min_heading_level',
  'toc_max_heading_level', 'last_update', 'mdx', 'format', 'aliases',
];

const TOC_VALUES = ['1', '2', '3', '"4"', '6', '7', '"7"', '"1"', 'null', '"abc"', '.nan', '.inf', '"1e400"', '9007199254740993', '"x"', ''];
const VISIBILITY_VALUES = ['true', 'false', '"true"', '"TRUE"', '"yes"', 'yes', '1', 'null', ''];

const line = (key: string, value: string) => (value === '' || value.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`);
const document = (lines: string[]) => `---\n${lines.join('\n')}\n---\n\n# Begriff\n`;

function generatedDocuments(): string[] {
  const documents: string[] = [];
  for (const key of KEYS) for (const value of VALUES) documents.push(document([line(key, value)]));
  for (const min of TOC_VALUES) for (const max of TOC_VALUES) documents.push(document([line('toc_min_heading_level', min), line('toc_max_heading_level', max)]));
  for (const draft of VISIBILITY_VALUES) for (const unlisted of VISIBILITY_VALUES) documents.push(document([line('draft', draft), line('unlisted', unlisted)]));
  // Mixtures: the draft-and-unlisted check beside other rejected keys, keys beside each other.
  const random = new Random(masterSeed('DOCUSAURUS_FRONT_MATTER_SEED', 17));
  for (let i = 0; i < Number(process.env.DOCUSAURUS_FRONT_MATTER_MIXTURES ?? 400); i++) {
    const keys = random.subset(KEYS, 6);
    if (random.chance(0.2)) keys.push('draft', 'unlisted');
    const lines = [...new Set(keys)].map((key) => line(key, key === 'draft' || key === 'unlisted' ? random.pick(VISIBILITY_VALUES) : random.pick(VALUES)));
    documents.push(document(lines));
  }
  return documents;
}

function realDocuments(): Array<{ file: string; text: string }> {
  const folders = [path.join(REPO_ROOT, 'content'), path.join(REPO_ROOT, 'test', 'sites'), path.join(REPO_ROOT, 'test', 'corpora')];
  const documents: Array<{ file: string; text: string }> = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const full = path.join(folder, file);
      if (/\.mdx?$/i.test(file) && !file.split(path.sep).includes('node_modules') && fs.statSync(full).isFile()) {
        documents.push({ file: path.relative(REPO_ROOT, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  }
  return documents;
}

/**
 * Where js-yaml reads a value other than YAML 1.2 does, Docusaurus judges another value than we
 * do. Each entry: the YAML text of the value, and why the verdicts differ.
 */
const PARSER_DIFFERENCES = new Map([
  ['2021-01-01', 'js-yaml reads an unquoted date as a Date: URL keys refuse it, map keys take it; YAML 1.2 reads text'],
  ['2021-01-01T10:00:00Z', 'the same for a timestamp'],
  ['[2021-01-01]', 'the same for a list item'],
  ['1e400', 'js-yaml keeps a number too large for a double as text (a relative URL); YAML 1.2 reads Infinity'],
  ['0b101', 'js-yaml reads binary numbers (YAML 1.1); YAML 1.2 reads text (a relative URL, no number)'],
  ['+.5', 'js-yaml reads text (a relative URL); YAML 1.2 reads the number 0.5'],
]);

interface Comparison {
  cases: number;
  agreeing: number;
  differences: string[];
}

function compare(comparison: Comparison, label: string, judged: Set<string>, ours: Set<string>) {
  comparison.cases++;
  if (sorted(judged) === sorted(ours)) comparison.agreeing++;
  else comparison.differences.push(`${label}\n    Docusaurus rejects: [${sorted(judged)}]\n    we report:          [${sorted(ours)}]`);
}

describe('Docusaurus front matter: the real validator agrees', () => {
  let judge: Judge;
  before(async () => {
    judge = await loadJudge();
  });

  it('on generated front matter, given the values our parser reads and those Docusaurus reads', async () => {
    const mirrored: Comparison = { cases: 0, agreeing: 0, differences: [] };
    const asBuilt: Comparison = { cases: 0, agreeing: 0, differences: [] };
    const explained: string[] = [];
    for (const text of generatedDocuments()) {
      assert.ok(!hasYamlProblems(text), `generated YAML reads without problems: ${text}`);
      const fields = fieldsOf(text);
      const ours = ourKeys(fields);
      compare(mirrored, JSON.stringify(text), judge.rejectedKeys(objectOf(fields)), ours);
      const judged = judge.rejectedKeys(await judge.parse(text));
      const readOtherwise = text.split('\n').find((line) => [...PARSER_DIFFERENCES.keys()].some((value) => line.endsWith(`: ${value}`)));
      if (readOtherwise !== undefined && sorted(judged) !== sorted(ours)) explained.push(`${readOtherwise} (Docusaurus rejects [${sorted(judged)}], we [${sorted(ours)}])`);
      else compare(asBuilt, JSON.stringify(text), judged, ours);
    }
    process.stdout.write(
      `# generated: ${mirrored.agreeing}/${mirrored.cases} agree given our parser's values; ` +
        `${asBuilt.agreeing}/${asBuilt.cases} given Docusaurus's own parse, ${explained.length} more differ where js-yaml reads another value:\n` +
        explained.map((difference) => `#   ${difference}\n`).join(''),
    );
    assert.deepEqual(mirrored.differences, []);
    assert.deepEqual(asBuilt.differences, []);
    assert.ok(mirrored.cases > 4000, `${mirrored.cases} cases`);
  });

  it('on the real front matter of content/, test/sites/ and the corpora', async () => {
    const comparison: Comparison = { cases: 0, agreeing: 0, differences: [] };
    let unreadable = 0;
    let rejected = 0;
    for (const { file, text } of realDocuments()) {
      let parsed: Record<string, unknown>;
      try {
        parsed = await judge.parse(text);
      } catch {
        unreadable++; // a YAML error: the build fails on it before validating, and so do our YAML rules
        continue;
      }
      const fields = fieldsOf(text);
      const judged = judge.rejectedKeys(parsed);
      if (judged.size > 0) rejected++;
      compare(comparison, file, judged, ourKeys(fields));
      compare(comparison, `${file} (our parser's values)`, judge.rejectedKeys(objectOf(fields)), ourKeys(fields));
    }
    process.stdout.write(`# real files: ${comparison.agreeing}/${comparison.cases} verdicts agree (${rejected} files rejected, ${unreadable} not read by js-yaml)\n`);
    assert.deepEqual(comparison.differences, []);
    assert.ok(comparison.cases > 40, `${comparison.cases} cases`);
  });
});
