import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { readYamlFields } from '../../server/src/parsing/frontMatter';
import { readSimpleFrontMatter } from '../../server/src/parsing/simpleYaml';

const ROOT = path.join(__dirname, '..', '..');

function markdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(folder, file));
}

/** The front-matter source of a document, as splitFrontMatter hands it on. */
function frontMatterSource(text: string): string | undefined {
  const match = text.match(/^---\r?\n([\s\S]*?\n)---/);
  return match?.[1];
}

/** Both readers on one source: the fast one must agree with the library wherever it answers. */
function compare(source: string): 'fast' | 'library' {
  const lines = new LineIndex(source);
  const rangeOf = (start: number, end: number) => lines.rangeAt(start, end);
  const fast = readSimpleFrontMatter(source, rangeOf);
  if (fast === undefined) return 'library';
  const diagnostics: unknown[] = [];
  const expected = readYamlFields(source, rangeOf, diagnostics as never);
  assert.deepEqual(diagnostics, [], `the fast reader took YAML with problems:\n${source}`);
  assert.deepEqual(fast, expected, source);
  return 'fast';
}

describe('the fast front-matter reader', () => {
  it('agrees with the YAML library on every file of content/ and both corpora', () => {
    const files = [...markdownFiles(path.join(ROOT, 'content')), ...markdownFiles(path.join(ROOT, 'test', 'corpora'))];
    const used = { fast: 0, library: 0 };
    for (const file of files) {
      const source = frontMatterSource(readFileSync(file, 'utf8'));
      if (source !== undefined) used[compare(source)]++;
    }
    assert.ok(used.fast > 100, `the fast reader read ${used.fast} files`);
  });

  it('agrees on block lists, quotes, empty values and CRLF', () => {
    const samples = [
      'id: A\ntags:\n  - Begriffe\n  - "Informations management"\ntitle: A\n',
      'id: A\ntags:\n- x\n- y\n',
      'tags: []\ntitle: "Quoted"\nalias: \'single\'\n',
      'title:\nid: B\n',
      'title:   \nid: B\n',
      'tags:\n  - A   \n  - B\n',
      'title: Wert: Schöpfung\n',
      'title: 12\n',
      'draft: true\n',
      'title: a #comment\n',
      'tags: [a, b,]\n',
      'tags: [a, "b, c"]\n',
      'title: Ümläut ß\r\ntags: [A, B]\r\n',
      'description: lang\n  weiter\n',
      'title: x\ntitle: y\n',
      'key: &anchor v\nother: *anchor\n',
      '# comment\nid: C\n\n',
      'date: 2021-01-01\ntitle: -x\n',
    ];
    const outcomes = samples.map(compare);
    assert.ok(outcomes.includes('fast') && outcomes.includes('library'));
  });

  it('agrees where JavaScript trims blanks that YAML keeps (no-break, ideographic and other spaces, BOMs)', () => {
    for (const blank of ['\u00a0', '\u3000', '\ufeff', '\u2003', '\u202f', '\u2028']) {
      for (const source of [`tags: [Begriffe,${blank}Begriffe]\n`, `tags: [IM, IM${blank}]\n`, `title: A${blank}\n`, `tags:\n  - ${blank}A\n`, `${blank}\ntitle: A\n`]) compare(source);
    }
  });

  it('agrees on 2,000 random front matters built from tricky pieces (seeded)', () => {
    let seed = Number(process.env.FUZZ_SEED ?? 20261126);
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const pieces = ['a', 'Ä', 'ß', ' ', ':', ': ', '#', ' #', '"', "'", '[', ']', ',', '-', '1', '0x1', 'true', '~', '&x', '*x', '!t', '\\', '{', '}', '.5', 'é'];
    const scalar = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pieces)).join('');
    let fast = 0;
    for (let run = 0; run < 2000; run++) {
      const lines: string[] = [];
      for (let field = 0; field < 1 + Math.floor(random() * 4); field++) {
        const key = pick(['id', 'title', 'tags', 'aliases', 'x_y', 'k-1']) + (random() < 0.1 ? String(field) : '');
        const shape = random();
        if (shape < 0.4) lines.push(`${key}: ${scalar()}`);
        else if (shape < 0.7) lines.push(`${key}: [${Array.from({ length: Math.floor(random() * 4) }, scalar).join(pick([',', ', ', ' ,']))}]`);
        else lines.push(`${key}:`, ...Array.from({ length: Math.floor(random() * 3) }, () => `${pick(['', '  '])}- ${scalar()}`));
      }
      if (compare(lines.join(pick(['\n', '\r\n'])) + '\n') === 'fast') fast++;
    }
    assert.ok(fast > 200, `the fast reader answered ${fast} times`);
  });
});
