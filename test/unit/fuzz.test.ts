/**
 * Fuzz tests: parsing and every feature on random and mutated Markdown and front matter, and the
 * property that the incremental index equals an index built afresh from the final state.
 *
 * Seeded and reproducible. The seed is printed; override with environment variables:
 *   FUZZ_SEED=<integer|random>  the master seed (default: a fixed one, so CI is deterministic)
 *   FUZZ_CASES=<n>              documents to fuzz (default 3000)
 *   FUZZ_CASE=<i>               run only case i of the seed (to reproduce a failure)
 *   FUZZ_SEQUENCES=<n>          random edit sequences for the index property (default 400)
 *   FUZZ_ADVERSARIAL=<text>     run only the adversarial inputs whose name contains the text
 * A failing case is written to $TMPDIR/markdown-glossary-fuzz/ with its seed and index.
 *
 * Inputs that could hang (deep nesting, billion laughs, huge lines) run in a worker thread with a
 * time limit, so a hang fails one test quickly instead of stalling the suite.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../../server/src/common/settings';
import { applyEdits, comparePositions, LineIndex, type Position, type Range } from '../../server/src/common/text';
import { canonicalUri } from '../../server/src/common/uris';
import { codeActions, fixAll } from '../../server/src/features/codeActions';
import type { WorkspaceChange } from '../../server/src/features/workspaceChange';
import { complete } from '../../server/src/features/completion';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { hover } from '../../server/src/features/hover';
import { definition, documentLinks, documentSymbols, referencesIn, workspaceSymbols, type OutlineSymbol } from '../../server/src/features/navigation';
import { referencePlacesIn, tagSummaries, termGroups, termsOfGroup } from '../../server/src/features/glossaryView';
import { prepareRename, rename, RenameError } from '../../server/src/features/rename';
import { termTokens } from '../../server/src/features/semanticTokens';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { textSignature } from '../../server/src/index/textSignature';
import { parseDocument } from '../../server/src/parsing/document';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { indexSnapshot } from '../support/indexSnapshot';
import { hash32, loadCorpus, masterSeed, Random } from '../support/seeded';
import { growthOf, MAX_GROWTH, type Growth } from './linearTime';

const ROOT = 'file:///ws';
const DEFAULT_SEED = 20260327;
/**
 * Time limits that catch super-linear blowups (before their fixes, such inputs took from 30 seconds
 * to hours), not benchmarks: a case runs every feature dozens of times, on a shared 2-core machine.
 */
const SLOW_CASE_MS = 5_000;
const ADVERSARIAL_LIMIT_MS = 20_000;
/** If any fuzzed front matter were executed, this file would appear. */
const MARKER = path.join(os.tmpdir(), `markdown-glossary-fuzz-marker-${process.pid}`);

// ---------------------------------------------------------------------------------------------
// Inputs

const IDS = ['Outtasking', 'Outsourcing', 'SLA', 'x', 'A', 'Fuzz', 'Wertschöpfung', '', 'a/b', '..', 'ü'];
const TITLES = ['Outtasking', 'Outsourcing', 'Service Level Agreement', 'IM', 'Selektives Outsourcing', 'Wertschöpfung', 'A', 'x: y', '"q"', "'s'", '#', ''];
const TAGS = ['Begriffe', 'IM', 'begriffe', 'Strategie', 'Unbekannt', 'Begriffe2', ' IM ', '', 'ä'];
const WORDS = ['Outtasking', 'des Outsourcings', 'SLAs', 'Service\nLevel Agreement', 'IM', 'im', 'Wertschoepfung', 'selektiven Outsourcing', 'und', 'der', 'Text', 'Prozess'];
const LINK_TARGETS = ['Outtasking.md', '../glossar/Outtasking.md', './Outsourcing.md#x', '/docs/glossar/Outtasking', '/glossar/SLA/', 'Neu.md', '../../../outside/x.md', 'http://example.com/x.md', '#anker', '%zz.md', 'a b.md', '<spitz.md>', '', 'C:\\x.md', 'file:///etc/passwd', '//host/x'];

const PAYLOAD = `require('fs').writeFileSync(${JSON.stringify(MARKER)}, 'executed')`;

const INJECTIONS = [
  '---', '---\n', '\n---\n', '---js\n', '---javascript\n', '---coffee\n', '---yaml\n', '+++\n', ';;;\n', '...\n',
  '[[', ']]', '](', '[', ']', '(', ')', '|', '`', '```', '~~~', '\r', '\r\n', '\n', '\t', '\0', '\uFEFF', '<!--', '-->',
  '#', '# ', '**', '__', ': ', '- ', 'tags: [', 'tags:\n  - ', 'aliases: ', 'id: ', 'title: ', '&a ', '*a', '<<: *a\n',
  '!!js/function ', '!!js/regexp /x/', '!!js/undefined ', '!!binary ', '!<tag:x> ', '? ', '|\n', '>\n', '{', '}', '"', "'", '\\',
  '%', '%YAML 1.1\n', 'http://', 'www.', '\u0301', '\uD800', '\uDC00', '😀', 'ä', 'ß', '\u2028', '\u00a0', ':::note\n', ':::\n',
  '    ', '=====\n', '-----\n', '[x](', '[[Outtasking|', '](Outtasking.md)', '](/docs/x/)', `---js\n${PAYLOAD}\n---\n`,
];

function randomBytesText(rng: Random, length = rng.int(600)): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.int(256);
  return rng.chance(0.8) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** Random UTF-16 code units, lone surrogates included. */
function randomCodeUnits(rng: Random, length = rng.int(200)): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(rng.chance(0.7) ? rng.int(128) : rng.int(0x10000));
  return text;
}

function tokenSoup(rng: Random): string {
  let text = '';
  const count = rng.int(120);
  for (let i = 0; i < count; i++) text += rng.chance(0.5) ? rng.pick(INJECTIONS) : rng.pick(WORDS) + ' ';
  return text;
}

function yamlList(rng: Random, items: string[]): string {
  const quote = (item: string) => (rng.chance(0.3) ? JSON.stringify(item) : item);
  if (rng.chance(0.5)) return `[${items.map(quote).join(rng.pick([', ', ',', ' , ']))}${rng.chance(0.1) ? ',' : ''}]`;
  return items.length === 0 ? '' : '\n' + items.map((item) => `${rng.pick(['  ', '', '    '])}- ${quote(item)}`).join('\n');
}

/** A glossary entry made of plausible and broken front-matter lines and a body with links and mentions. */
function syntheticEntry(rng: Random): string {
  const title = rng.pick(TITLES);
  const open = rng.pick(['---', '---', '---', '---', '---js', '---javascript', '---coffee', '---yaml', '--- ', '+++', ';;;', '----', '\uFEFF---', '']);
  const fm: string[] = [];
  const keyLines = [
    () => `id: ${rng.pick(IDS)}`,
    () => `title: ${title}`,
    () => `title: ${JSON.stringify(title)}`,
    () => `aliases: ${yamlList(rng, rng.subset(TITLES, 3))}`,
    () => `aliases: ${rng.pick(TITLES)}`,
    () => `tags: ${yamlList(rng, rng.subset(TAGS, 4))}`,
    () => `tags: ${rng.pick(TAGS)}`,
    () => 'tags:\n  - label: Begriffe\n    permalink: /b',
    () => rng.pick(['slug: /x', 'description: Eine Beschreibung', 'sidebar_position: 3', 'draft: true', 'titel: X', 'tgas: [IM]', 'keywords: [a, b]']),
    () => rng.pick(['f: !!js/function "function () { return 1 }"', 'r: !!js/regexp /x/g', 'u: !!js/undefined ""', `g: !!js/function "function () { ${PAYLOAD} }"`]),
    () => rng.pick(['a: &a [x, y]\nb: *a', 'base: &b {title: T}\nmerged:\n  <<: *b', '? [complex, key]\n: value', 'k: *undefinedAlias', 'a: &a x\na: y']),
    () => rng.pick(['\ttabbed: x', 'key:\tvalue', 'tags:\n\t- IM', '  indented: x', 'nokey', ': novalue', 'x: [unclosed', 'y: {a: 1', 'z: "unclosed']),
    () => `${open === '---js' ? `x: (function () { ${PAYLOAD}; return 1 })()` : 'n: 1'}`,
  ];
  for (let i = rng.int(7); i > 0; i--) fm.push(rng.pick(keyLines)());
  const close = rng.pick(['---', '---', '---', '---', '', '...', '--- ', '---js']);
  const body: string[] = [];
  if (rng.chance(0.7)) body.push(`# ${rng.chance(0.8) ? title : rng.pick(TITLES)}`);
  if (rng.chance(0.6)) body.push(`**${rng.pick(WORDS)} ist ${rng.pick(WORDS)}.** Mehr Text mit ${rng.pick(WORDS)}.`);
  for (let i = rng.int(6); i > 0; i--) {
    const target = rng.pick(LINK_TARGETS);
    body.push(
      rng.pick([
        `Siehe [${rng.pick(WORDS)}](${target}) und ${rng.pick(WORDS)}.`,
        `Ein [[${rng.pick(TITLES)}]] oder [[${rng.pick(TITLES)}|${rng.pick(WORDS)}]].`,
        `\`${rng.pick(WORDS)}\` im Code, ${rng.pick(WORDS)} im Text.`,
        '```\nOuttasking im Block\n```',
        `<!-- ${rng.pick(WORDS)} -->`,
        `## ${rng.pick(WORDS)}`,
        `    eingerückt ${rng.pick(WORDS)}`,
        `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
      ]),
    );
  }
  const eol = rng.pick(['\n', '\n', '\n', '\r\n', '\r']);
  const front = open === '' ? [] : [open, ...fm, ...(close === '' ? [] : [close])];
  return [...front, '', ...body, ''].join('\n').replace(/\n/g, eol);
}

function mutate(rng: Random, corpus: string[], input: string, count: number): string {
  let text = input;
  const at = () => rng.int(text.length + 1);
  for (let i = 0; i < count; i++) {
    const op = rng.int(100);
    const position = at();
    if (op < 25) text = text.slice(0, position) + rng.pick(INJECTIONS) + text.slice(position);
    else if (op < 40) {
      const length = rng.chance(0.8) ? rng.int(60) : rng.int(text.length + 1);
      text = text.slice(0, position) + text.slice(position + length);
    } else if (op < 52) {
      const length = rng.int(Math.min(400, text.length - position) + 1);
      text = text.slice(0, position + length) + text.slice(position, position + length) + text.slice(position + length);
    } else if (op < 62) {
      const other = rng.pick(corpus);
      const start = rng.int(other.length + 1);
      text = text.slice(0, position) + other.slice(start, start + rng.int(500)) + text.slice(position);
    } else if (op < 70) {
      text = text.slice(0, position) + randomCodeUnits(rng, rng.int(8)) + text.slice(position + 1);
    } else if (op < 76) {
      text = text.slice(0, position) + randomBytesText(rng, rng.int(80)) + text.slice(position);
    } else if (op < 80) {
      text = text.replace(/\r\n|\r|\n/g, rng.pick(['\r\n', '\r', '\n']));
    } else if (op < 82) {
      text = '\uFEFF' + text;
    } else if (op < 88) {
      const lineStart = text.lastIndexOf('\n', position - 1) + 1;
      text = text.slice(0, lineStart) + rng.pick(['---\n', '---js\n', '# ', '- ', '```\n', 'tags: [a, b]\n', '[[', '\t']) + text.slice(lineStart);
    } else if (op < 92) {
      const open = rng.pick(['[', '{', '[[', '- ', '> ', '(']);
      text = text.slice(0, position) + open.repeat(rng.int(60)) + text.slice(position);
    } else if (op < 93) {
      // A huge line, now and then.
      const unit = rng.pick(['x', 'Outtasking ', '[[a]]', '[t](u.md)', '`', 'ä', '\t']);
      text = text.slice(0, position) + unit.repeat(Math.ceil(rng.between(5_000, 60_000) / unit.length)) + text.slice(position);
    } else {
      text = text.slice(0, position) + rng.pick(WORDS) + text.slice(position);
    }
  }
  return text;
}

function generateText(rng: Random, corpus: string[]): string {
  const kind = rng.int(20);
  if (kind === 0) return rng.pick(corpus);
  if (kind === 1) return randomBytesText(rng);
  if (kind === 2) return randomCodeUnits(rng);
  if (kind === 3) return tokenSoup(rng);
  if (kind < 7) return syntheticEntry(rng);
  const start = rng.chance(0.5) ? syntheticEntry(rng) : rng.pick(corpus);
  return mutate(rng, corpus, start, 1 + rng.int(8));
}

// ---------------------------------------------------------------------------------------------
// The glossary the fuzzed documents live in

const TAGS_FILE = 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe\nIM:\n  label: Informationsmanagement\nStrategie:\n  label: Strategie\n';
const BASE_FILES: Record<string, string> = {
  'glossar/Outtasking.md':
    '---\nid: Outtasking\ntitle: Outtasking\naliases: [Aufgabenauslagerung]\ntags: [Begriffe, IM]\n---\n\n# Outtasking\n\n**Das Outtasking ist eine Form des [Outsourcings](Outsourcing.md).** Mehr.\n',
  'glossar/Outsourcing.md': '---\ntitle: Outsourcing\ntags: [Begriffe]\n---\n\n# Outsourcing\n\n**Outsourcing ist Auslagerung.** Siehe [[Outtasking]].\n',
  'glossar/Service-Level-Agreement.md':
    '---\nid: SLA\ntitle: Service Level Agreement\naliases:\n  - SLA\ntags: [Strategie]\n---\n\n# Service Level Agreement\n\nEin Vertrag über Leistungen, siehe [Outtasking](/docs/glossar/Outtasking).\n',
  'notes/note.md': 'Das Outtasking und des Outsourcings, die SLAs.\n\n[A](../glossar/Outtasking.md), [[Outsourcing]], [B](/docs/glossar/SLA).\n',
};
const TARGETS = ['glossar/Fuzz.md', 'notes/fuzz.md', 'glossar/Outtasking.md', 'glossar/sub dir/Wert schöpfung.md', 'fuzz.mdx', 'glossar/Neu.md'];

interface FuzzCase {
  /** Documents (relative path -> text), set in this order after the base glossary. */
  documents: Array<[string, string]>;
  /** A replacement for the tags file, when fuzzed. */
  tagsFile?: string;
  /** The document every feature is run on. */
  target: string;
  settings: GlossarySettings;
  /** Random choices for positions and ranges. */
  seed: number;
  /** Set to read the glossary as a Docusaurus site's docs (`glossar/`), whose checks read more (anchors). */
  docusaurus?: true;
}

function generateCase(rng: Random, corpus: string[]): FuzzCase {
  const target = rng.pick(TARGETS);
  const documents: Array<[string, string]> = [];
  if (rng.chance(0.25)) documents.push([rng.pick(TARGETS.filter((candidate) => candidate !== target)), generateText(rng, corpus)]);
  documents.push([target, generateText(rng, corpus)]);
  return {
    documents,
    tagsFile: rng.chance(0.1) ? mutate(rng, corpus, TAGS_FILE, 1 + rng.int(5)) : undefined,
    target,
    settings: { ...DEFAULT_SETTINGS, unlinkedMentions: rng.chance(0.5), linkStyle: rng.pick(['auto', 'relative', 'route', 'wiki'] as const) },
    seed: rng.int(2 ** 31),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

class Problem extends Error {}

function describeRange(range: Range): string {
  return JSON.stringify(range);
}

function checkPosition(lines: LineIndex, position: Position, what: string): void {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character)) throw new Problem(`${what}: not an integer position ${JSON.stringify(position)}`);
  if (line < 0 || line >= lines.lineCount) throw new Problem(`${what}: line ${line} outside 0..${lines.lineCount - 1}`);
  const length = lines.lineText(line).length;
  if (character < 0 || character > length) throw new Problem(`${what}: character ${character} outside 0..${length} on line ${line}`);
}

function checkRange(lines: LineIndex, range: Range, what: string): void {
  if (range === undefined || range === null) throw new Problem(`${what}: no range`);
  checkPosition(lines, range.start, `${what} start of ${describeRange(range)}`);
  checkPosition(lines, range.end, `${what} end of ${describeRange(range)}`);
  if (comparePositions(range.start, range.end) > 0) throw new Problem(`${what}: range ends before it starts ${describeRange(range)}`);
}

/** Checks ranges in documents whose text is known; other URIs (created files) are only checked for shape. */
class Texts {
  private readonly byUri = new Map<string, LineIndex>();
  set(uri: string, text: string): void {
    this.byUri.set(canonicalUri(uri), new LineIndex(text));
  }
  delete(uri: string): void {
    this.byUri.delete(canonicalUri(uri));
  }
  get(uri: string): LineIndex | undefined {
    return this.byUri.get(canonicalUri(uri));
  }
  range(uri: string, range: Range, what: string): void {
    const lines = this.get(uri);
    if (lines !== undefined) checkRange(lines, range, `${what} in ${uri}`);
  }
}

function checkChange(texts: Texts, change: WorkspaceChange, what: string): void {
  const created = new Set(change.createFiles.map(canonicalUri));
  for (const file of change.edits) {
    const lines = texts.get(file.uri);
    if (lines !== undefined && !created.has(canonicalUri(file.uri))) {
      for (const edit of file.edits) checkRange(lines, edit.range, `${what}: edit in ${file.uri}`);
      // Edits of one file must not overlap: editors reject such a change.
      const offsets = file.edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (let i = 1; i < offsets.length; i++) {
        if (offsets[i][0] < offsets[i - 1][1]) throw new Problem(`${what}: overlapping edits in ${file.uri}: ${JSON.stringify(file.edits.map((edit) => edit.range))}`);
      }
      const applied = applyEdits(lines, file.edits);
      parseDocument(file.uri, applied);
    }
    for (const edit of file.edits) {
      if (typeof edit.newText !== 'string') throw new Problem(`${what}: edit without text`);
    }
  }
}

function checkSymbols(lines: LineIndex, symbols: OutlineSymbol[], what: string): void {
  for (const symbol of symbols) {
    checkRange(lines, symbol.range, `${what} range`);
    checkRange(lines, symbol.selectionRange, `${what} selectionRange`);
    if (typeof symbol.name !== 'string' || symbol.name === '') throw new Problem(`${what}: symbol without a name`);
    checkSymbols(lines, symbol.children, what);
  }
}

const RENAMES = ['Neuer Name', 'x/y', '', '   ', '..', 'ä ß 😀', 'a: b', '\u0000', 'Outsourcing'];

/** Positions worth probing: random ones, the edges, and the parts the parser found. */
function probePositions(rng: Random, document: ReturnType<typeof parseDocument>, lines: LineIndex): Position[] {
  const positions: Position[] = [lines.positionAt(0), lines.positionAt(lines.text.length)];
  for (let i = 0; i < 5; i++) positions.push(lines.positionAt(rng.int(lines.text.length + 1)));
  const ranges: Range[] = [
    ...document.body.links.map((link) => link.textRange),
    ...document.body.links.map((link) => link.targetRange),
    ...document.body.headings.map((heading) => heading.textRange),
    ...(document.frontMatter?.fields.flatMap((field) => [field.valueRange, ...(field.items ?? []).map((item) => item.range)]) ?? []),
  ];
  for (const range of rng.subset(ranges, 5)) positions.push(range.start, range.end);
  // Positions an editor may send for a text it has just changed: past the end of a line or the document.
  positions.push({ line: lines.lineCount + 2, character: 0 }, { line: 0, character: 1_000_000 }, { line: lines.lineCount - 1, character: lines.lineText(lines.lineCount - 1).length + 3 });
  return positions;
}

/** Builds the case's glossary and runs every feature on its target document; throws a Problem or the feature's error. */
function runCase(fuzz: FuzzCase): void {
  const rng = new Random(fuzz.seed);
  const index = new GlossaryIndex();
  // As the server and the CLI apply the setting.
  index.matcher.matchCompoundTails = fuzz.settings.matchCompoundTails;
  const texts = new Texts();
  if (fuzz.docusaurus) index.setSites([defaultDocusaurusSite(ROOT, 'glossar')]);
  index.setTagsFile(`${ROOT}/glossar/tags.yml`, fuzz.tagsFile ?? TAGS_FILE);
  texts.set(`${ROOT}/glossar/tags.yml`, fuzz.tagsFile ?? TAGS_FILE);
  for (const [relative, text] of [...Object.entries(BASE_FILES), ...fuzz.documents]) {
    const uri = `${ROOT}/${relative}`;
    const parsed = index.setDocument(uri, text);
    texts.set(parsed.uri, text);
  }
  const settings = fuzz.settings;
  const targetText = fuzz.documents.find(([relative]) => relative === fuzz.target)![1];
  const lines = new LineIndex(targetText);
  const document = parseDocument(canonicalUri(`${ROOT}/${fuzz.target}`), targetText, lines);
  index.setParsedDocument(document);

  for (const diagnostic of document.diagnostics) checkRange(lines, diagnostic.range, `parse diagnostic ${diagnostic.code}`);
  for (const field of document.frontMatter?.fields ?? []) {
    checkRange(lines, field.keyRange, `front matter key ${field.key}`);
    checkRange(lines, field.valueRange, `front matter value of ${field.key}`);
    for (const item of field.items ?? []) checkRange(lines, item.range, `item of ${field.key}`);
  }
  if (document.frontMatter !== undefined) checkRange(lines, document.frontMatter.range, 'front matter');
  for (const link of document.body.links) {
    checkRange(lines, link.range, 'link');
    checkRange(lines, link.textRange, 'link text');
    checkRange(lines, link.targetRange, 'link target');
  }
  for (const heading of document.body.headings) checkRange(lines, heading.range, 'heading');
  if (document.term?.titleRange !== undefined) checkRange(lines, document.term.titleRange, 'title');
  for (const tag of document.term?.tags ?? []) checkRange(lines, tag.range, `tag ${tag.value}`);
  for (const [start, end] of document.body.nonProse) {
    if (!(0 <= start && start <= end && end <= targetText.length)) throw new Problem(`non-prose span [${start}, ${end}) outside 0..${targetText.length}`);
  }
  // References parse only the texts this cheap test keeps: it must keep every text that mentions.
  for (const uri of new Set(index.matcher.findMentions(targetText).flatMap((mention) => mention.termUris))) {
    if (!index.matcher.mayMention(targetText, uri)) throw new Problem(`mayMention ruled out ${uri}, which the text mentions`);
    if (!index.matcher.mayMentionIn(textSignature(targetText), uri)) throw new Problem(`the text signature ruled out ${uri}, which the text mentions`);
  }

  // Diagnostics of every document, with their related places.
  for (const each of [...index.documents()]) {
    const eachLines = texts.get(each.uri);
    for (const diagnostic of documentDiagnostics(index, each, settings, eachLines)) {
      texts.range(each.uri, diagnostic.range, `diagnostic ${diagnostic.code}`);
      for (const related of diagnostic.related ?? []) texts.range(related.uri, related.range, `related of ${diagnostic.code}`);
      if (typeof diagnostic.message !== 'string' || diagnostic.message === '') throw new Problem(`diagnostic ${diagnostic.code} without a message`);
    }
  }

  const whole: Range = { start: { line: 0, character: 0 }, end: lines.positionAt(targetText.length) };
  const randomRange = (): Range => {
    const a = rng.int(targetText.length + 1);
    const b = rng.int(targetText.length + 1);
    return lines.rangeAt(Math.min(a, b), Math.max(a, b));
  };
  for (const range of [whole, randomRange()]) {
    for (const action of codeActions(index, document, lines, range, settings)) {
      if (typeof action.title !== 'string' || action.title === '') throw new Problem('code action without a title');
      checkChange(texts, action.change, `code action "${action.title}"`);
    }
  }
  const fixes = fixAll(index, document, lines, settings);
  checkChange(texts, { createFiles: [], edits: [{ uri: document.uri, edits: fixes }] }, 'fix all');

  for (const position of probePositions(rng, document, lines)) {
    const at = JSON.stringify(position);
    const hovered = hover(index, document, lines, position);
    if (hovered !== undefined) {
      checkRange(lines, hovered.range, `hover at ${at}`);
      if (typeof hovered.markdown !== 'string' || hovered.markdown === '') throw new Problem(`hover at ${at}: empty markdown`);
    }
    const completions = complete(index, document, lines, position, settings);
    for (const item of completions.items) checkRange(lines, item.range, `completion "${item.label}" at ${at}`);
    for (const location of definition(index, document, lines, position)) texts.range(location.uri, location.range, `definition at ${at}`);
    const target = prepareRename(index, document, lines, position);
    if (target !== undefined) {
      checkRange(lines, target.range, `prepareRename at ${at}`);
      try {
        checkChange(texts, rename(index, target, rng.pick(RENAMES)), `rename at ${at}`);
      } catch (error) {
        if (!(error instanceof RenameError)) throw error;
      }
    }
  }
  for (const term of [...index.terms()].slice(0, 8)) {
    for (const range of referencesIn(index, term, document, lines)) checkRange(lines, range, `reference to ${term.uri}`);
  }
  for (const span of termTokens(index, document, lines)) {
    checkPosition(lines, span, 'semantic token');
    if (!(span.length > 0) || span.character + span.length > lines.lineText(span.line).length) {
      throw new Problem(`semantic token ${JSON.stringify(span)} runs past its line (length ${lines.lineText(span.line).length})`);
    }
  }
  checkSymbols(lines, documentSymbols(document, lines), 'document symbol');
  for (const link of documentLinks(index, document)) checkRange(lines, link.range, 'document link');
  const query = rng.pick(['', 'out', 'sla', 'ä', '[', '\0', '#', 'x'.repeat(300)]);
  workspaceSymbols(index, query, rng.pick([false, true]));
  // The glossary views: every group's terms are counted as listed, and every reference lies in its line.
  const viewContext = { roots: [ROOT], problemsIn: () => 0 };
  for (const groupBy of ['tag', 'folder'] as const) {
    for (const group of termGroups(index, groupBy, query, viewContext).groups.slice(0, 8)) {
      const { total } = termsOfGroup(index, groupBy, query, group, viewContext);
      if (total !== group.count) throw new Problem(`the group ${JSON.stringify(group)} lists ${total} terms`);
    }
  }
  tagSummaries(index);
  for (const term of [...index.terms()].slice(0, 2)) {
    const { links, mentions } = referencePlacesIn(index, term, document, lines);
    for (const place of [...links, ...mentions]) checkRange(lines, place.range, `view reference to ${term.uri}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Adversarial inputs, each in a worker with a time limit

const LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)];

interface AdversarialInput {
  /** The document every feature runs on. */
  text: string;
  tagsFile?: string;
  /** More documents of the glossary (relative path -> text), besides the base glossary. */
  documents?: Array<[string, string]>;
  settings?: Partial<GlossarySettings>;
  /** Read as a Docusaurus site's docs. */
  docusaurus?: true;
}

/**
 * Each input is made at its full size (times = 4, the size its name gives) and at a quarter of it
 * (times = 1), so the test can hold it to a time linear in its size.
 */
const sized = (fullSize: number, times: number) => Math.round((fullSize * times) / 4);

/** Titles of eleven words, each "Test" or "Testenem": 2,048 names that share every prefix. */
const TEST_TITLES = Array.from({ length: 2_048 }, (_, bits) => Array.from({ length: 11 }, (_, word) => ((bits >> word) & 1 ? 'Testenem' : 'Test')).join(' '));

const ADVERSARIAL: Record<string, (times: number) => AdversarialInput> = {
  'empty file': () => ({ text: '' }),
  'only a BOM': () => ({ text: '\uFEFF' }),
  'only "---"': () => ({ text: '---' }),
  'unclosed front matter': () => ({ text: '---\ntitle: Offen\ntags: [IM]\n\n# Offen\n' }),
  'NUL bytes everywhere': () => ({ text: '---\nti\0tle: A\0B\ntags: [\0]\n---\n# \0\n\0[[\0]]\0' }),
  'CR-only line endings': () => ({ text: '---\rtitle: Outtasking\rtags: [IM]\r---\r\r# Outtasking\r\rDas Outtasking.\r' }),
  '10,000 nested [ in front matter': (times) => ({ text: `---\ntags: ${'['.repeat(sized(10_000, times))}\n---\n# X\n` }),
  '10,000 nested { in front matter': (times) => ({ text: `---\ntags: ${'{'.repeat(sized(10_000, times))}\n---\n# X\n` }),
  '10,000 nested [ ] closed in front matter': (times) => ({ text: `---\ntags: ${'['.repeat(sized(10_000, times))}${']'.repeat(sized(10_000, times))}\n---\n# X\n` }),
  '10,000 nested {a: } closed in front matter': (times) => ({ text: `---\nt: ${'{a: '.repeat(sized(10_000, times))}1${'}'.repeat(sized(10_000, times))}\n---\n# X\n` }),
  '10,000 nested [ and { in the body': (times) => ({ text: `# X\n\n${'['.repeat(sized(10_000, times))}\n${'{'.repeat(sized(10_000, times))}\n${'[['.repeat(sized(5_000, times))}\n${'](x)'.repeat(sized(5_000, times))}\n` }),
  '10,000 nested { in the tags file': (times) => ({ text: '---\ntitle: T\ntags: [IM]\n---\n# T\n', tagsFile: `IM: ${'{'.repeat(sized(10_000, times))}\n` }),
  '10,000 tags': (times) => ({ text: `---\ntitle: Viele\ntags: [${Array.from({ length: sized(10_000, times) }, (_, i) => `Tag${i}`).join(', ')}]\n---\n# Viele\n` }),
  '10,000 tags as a block list': (times) => ({ text: `---\ntitle: Viele\ntags:\n${Array.from({ length: sized(10_000, times) }, (_, i) => `  - Tag${i % 50}`).join('\n')}\n---\n# Viele\n` }),
  'billion laughs in front matter': () => ({ text: `---\n${LAUGHS.join('\n')}\ntags: *i\naliases: *i\ntitle: *a\n---\n# Lachen\n` }),
  'billion laughs in the tags file': () => ({ text: '---\ntitle: T\ntags: [IM]\n---\n# T\n', tagsFile: `${LAUGHS.join('\n')}\nIM:\n  label: *i\n  description: *i\n` }),
  '"!!js/*" tags with a payload': () => ({
    text: `---\ntitle: !!js/function "function () { ${PAYLOAD} }"\ntags: !!js/regexp /x/\naliases: !!js/undefined ""\nx: !<tag:yaml.org,2002:js/function> "function () { ${PAYLOAD} }"\n---\n# T\n`,
  }),
  '"---js" front matter with a payload': () => ({ text: `---js\n{ title: (function () { ${PAYLOAD}; return 'T' })() }\n---\n# T\n` }),
  '"---javascript" and "---coffee"': () => ({ text: `---javascript\n${PAYLOAD}\n---\n---coffee\ntitle: do -> ${PAYLOAD}\n---\n` }),
  'custom delimiters +++ and ;;;': () => ({ text: `+++\ntitle = "T"\n${PAYLOAD}\n+++\n;;;\n{"title": "T"}\n;;;\n# T\n` }),
  'a 1 MiB line of text': (times) => ({ text: `---\ntitle: Lang\n---\n# Lang\n\n${'Outtasking und Outsourcing '.repeat(sized(40_000, times))}\n` }),
  'a 200,000-character front-matter value': (times) => ({ text: `---\ntitle: ${'x'.repeat(sized(200_000, times))}\ntags: [${'y'.repeat(sized(100_000, times))}]\n---\n` }),
  '50,000 short lines': (times) => ({ text: Array.from({ length: sized(50_000, times) }, (_, i) => (i % 3 === 0 ? `[[Outtasking]] ${i}` : i % 3 === 1 ? '' : `# H${i}`)).join('\n') }),
  '100,000 backticks': (times) => ({ text: `# X\n\n${'`'.repeat(sized(100_000, times))}\n${'` a '.repeat(sized(20_000, times))}\n` }),
  '100,000 "<!--"': (times) => ({ text: `# X\n\n${'<!-- '.repeat(sized(20_000, times))}\n${'-->'.repeat(sized(20_000, times))}\n` }),
  // Line i is indented i blanks, so the text grows with the square of the lines: the lines grow with the root of the size.
  'deeply indented block YAML': (times) => ({ text: `---\nt:\n${Array.from({ length: Math.round(3_000 * Math.sqrt(times / 4)) }, (_, i) => `${' '.repeat(i + 1)}- a:`).join('\n')}\n---\n` }),
  '5,000 anchors and aliases': (times) => ({ text: `---\n${Array.from({ length: sized(5_000, times) }, (_, i) => `k${i}: &a${i} ${i === 0 ? 'x' : `[*a${i - 1}, *a${i - 1}]`}`).join('\n')}\ntags: *a${sized(5_000, times) - 1}\n---\n` }),
  '10,000 links by reference on a line': (times) => ({ text: `# X\n\n${'[Outtasking][1] [a] '.repeat(sized(10_000, times))}\n\n[1]: Outtasking.md\n[a]: b.md\n` }),
  '200 escaped brackets before a long label, with a definition': (times) => ({ text: `# X\n\n${`\\[[${'a'.repeat(997)}]`.repeat(sized(200, times))}\n\n[a]: b.md\n` }),
  '100,000 "[" then 100,000 "]", with a definition': (times) => ({ text: `# X\n\n${'['.repeat(sized(100_000, times))}a${']'.repeat(sized(100_000, times))}\n\n[a]: b.md\n` }),
  '100,000 escaped brackets, with a definition': (times) => ({ text: `# X\n\n${'\\[a'.repeat(sized(100_000, times))}\n\n[a]: b.md\n` }),
  '100,000 "a." and "a.com/" on a line': (times) => ({ text: `# X\n\n${'a.'.repeat(sized(100_000, times))}com/ ${'a.com/'.repeat(sized(20_000, times))}\n` }),
  '10,000 wiki links on a line': (times) => ({ text: `# X\n\n${'[[Outtasking]]'.repeat(sized(10_000, times))}\n` }),
  '10,000 inline links on a line': (times) => ({ text: `# X\n\n${'[a](Outtasking.md)'.repeat(sized(10_000, times))}\n` }),
  '20,000 unmatched "](" on a line': (times) => ({ text: `# X\n\n[${'](x '.repeat(sized(20_000, times))}\n` }),
  '"[a](" and 200,000 blanks': (times) => ({ text: `# X\n\n[a](${' '.repeat(sized(200_000, times))}x\n` }),
  '200,000 code spans on a line': (times) => ({ text: `# X\n\n${'`a` '.repeat(sized(200_000, times))}\n` }),
  'a title of 40,000 blanks between two words': (times) => ({ text: `---\ntitle: a${' '.repeat(sized(40_000, times))}b\n---\n` }),
  '150,000 "}" in front matter': (times) => ({ text: `---\n${'}'.repeat(sized(150_000, times))}\n---\n# X\n` }),
  '200 KB of distinct keys in front matter': (times) => ({ text: `---\n${Array.from({ length: sized(25_000, times) }, (_, i) => `k${i}: 1`).join('\n')}\n---\n` }),
  '400 KB of "- ? " on one front-matter line': (times) => ({ text: `---\nx: ${'- ? '.repeat(sized(100_000, times))}y\n---\n` }),
  // Backtick runs of growing length (1, 2, 3, …), none closed: the text grows with the square of the runs.
  'a linked heading of backtick runs of growing length, in a Docusaurus site': (times) => ({
    text: `# X\n\n[a](#nirgends)\n\n## ${Array.from({ length: Math.round(2_000 * Math.sqrt(times / 4)) }, (_, i) => '`'.repeat(i + 1)).join(' a ')}\n`,
    docusaurus: true,
  }),
  '100,000 "id=" after one "<", in a Docusaurus site': (times) => ({ text: `# X\n\n[a](#nirgends)\n\n<details ${'id="a" '.repeat(sized(100_000, times))}\n${'id="b" '.repeat(sized(100_000, times))}\n`, docusaurus: true }),
  'with matchCompoundTails, a word of 20,000 "ä"': (times) => ({ text: `# X\n\n${'ä'.repeat(sized(20_000, times))}\n`, settings: { matchCompoundTails: true } }),
  '2,048 titles of "Test" and "Testenem" and a 70 KB note of such words': (times) => ({
    documents: TEST_TITLES.map((title, i): [string, string] => [`glossar/Test${i}.md`, `---\ntitle: ${title}\n---\n`]),
    text: Array.from({ length: sized(70_000, times) / 6 }, (_, i) => (i % 3 === 0 ? 'Testenem' : 'Test')).join(' ').slice(0, sized(70_000, times)),
  }),
};

interface AdversarialResult {
  name: string;
  /** At the full size. */
  ms: number;
  growth?: Growth;
  error?: string;
  executed?: boolean;
}

/** Runs an input at a quarter of its size and at its full size; `starting` is told before each run. */
function runAdversarial(name: string, starting: () => void = () => {}): AdversarialResult {
  const run = (times: number) => {
    starting();
    const input = ADVERSARIAL[name](times);
    runCase({
      documents: [...(input.documents ?? []), ['glossar/Adversarial.md', input.text]],
      tagsFile: input.tagsFile,
      target: 'glossar/Adversarial.md',
      settings: { ...DEFAULT_SETTINGS, unlinkedMentions: true, ...input.settings },
      seed: hash32(name),
      ...(input.docusaurus ? { docusaurus: true as const } : {}),
    });
  };
  try {
    const growth = growthOf(run, 1);
    return { name, ms: growth.msAtFourTimes, growth, executed: fs.existsSync(MARKER) };
  } catch (error) {
    return { name, ms: 0, error: (error as Error).stack ?? String(error), executed: fs.existsSync(MARKER) };
  }
}

/**
 * Runs the adversarial inputs in a worker, one after the other. An input that takes longer than
 * the limit is reported as hung; the worker is terminated and a new one takes the rest.
 */
async function runAdversarialInWorkers(names: string[], limitMs: number): Promise<AdversarialResult[]> {
  const results: AdversarialResult[] = [];
  let remaining = [...names];
  while (remaining.length > 0) {
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
    const worker = new Worker(boot, { eval: true, workerData: { adversarial: remaining, marker: MARKER }, stdout: true, stderr: true });
    let current: { name: string; since: number } | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finished = await new Promise<'done' | 'hung' | 'crashed'>((resolve) => {
      timer = setInterval(() => {
        if (current !== undefined && Date.now() - current.since > limitMs) resolve('hung');
      }, 50);
      worker.on('message', (message: { start?: string; result?: AdversarialResult; done?: boolean }) => {
        if (message.start !== undefined) current = { name: message.start, since: Date.now() };
        if (message.result !== undefined) {
          results.push(message.result);
          remaining = remaining.filter((name) => name !== message.result!.name);
          current = undefined;
        }
        if (message.done) resolve('done');
      });
      worker.on('error', () => resolve('crashed'));
      worker.on('exit', () => resolve('crashed'));
    });
    clearInterval(timer);
    if (finished !== 'done') {
      const name = current?.name ?? remaining[0];
      const ms = current === undefined ? 0 : Date.now() - current.since;
      results.push({ name, ms, error: finished === 'hung' ? `did not finish within ${limitMs} ms (terminated)` : 'the worker crashed (out of memory or a fatal error)' });
      remaining = remaining.filter((candidate) => candidate !== name);
    }
    await worker.terminate();
  }
  return results;
}

if (!isMainThread && workerData?.adversarial !== undefined) {
  for (const name of workerData.adversarial as string[]) {
    // Each run of the input restarts the clock of the hang check.
    parentPort!.postMessage({ result: runAdversarial(name, () => parentPort!.postMessage({ start: name })) });
  }
  parentPort!.postMessage({ done: true });
}

// ---------------------------------------------------------------------------------------------
// Incremental index = fresh index

const DOC_URIS = [
  `${ROOT}/glossar/A.md`,
  `${ROOT}/glossar/B.md`,
  `${ROOT}/glossar/Outtasking.md`,
  `${ROOT}/glossar/sub/D.md`,
  `${ROOT}/glossar/Wertschöpfung.md`,
  // The same name in NFD (macOS archives, rsync), which links typed in NFC reach: another file on Linux.
  `${ROOT}/glossar/Wertscho\u0308pfung.md`,
  `${ROOT}/notes/n1.md`,
  `${ROOT}/notes/n2.mdx`,
];
/** Other spellings of the same files, as editors send them. */
const SPELLINGS: Record<string, string[]> = {
  [`${ROOT}/glossar/Wertschöpfung.md`]: [`${ROOT}/glossar/Wertsch%C3%B6pfung.md`, `${ROOT}/glossar/Wertsch%c3%b6pfung.md`],
  [`${ROOT}/glossar/A.md`]: [`${ROOT}/glossar/%41.md`, `file:///ws/glossar/./A.md`],
};
const TAGS_URIS = [`${ROOT}/glossar/tags.yml`, `${ROOT}/tags.yml`, `${ROOT}/glossar/sub/tags.yml`];
const NAMES = ['Outtasking', 'Outsourcing', 'Service Level Agreement', 'SLA', 'IM', 'A', 'B', 'D', 'Wertschöpfung', 'Wertschoepfung', 'Alpha', 'Beta Gamma', 'x', 'outtasking', 'Selektives Outsourcing'];
const FIXED_TEXT =
  'Das Outtasking, des Outsourcings und die SLAs: ein Service\nLevel Agreement, IM im Alpha-Team, Beta Gamma, ' +
  'Wertschoepfung und Wertschöpfung, A, B und D, beim selektiven Outsourcing, x und X, Geschäftsprozess, Outtaskings.';

function propertyEntry(rng: Random, corpus: string[]): string {
  const kind = rng.int(12);
  if (kind === 0) return mutate(rng, corpus, rng.pick(corpus), 1 + rng.int(4));
  if (kind === 1) return '';
  if (kind === 2) return `Notiz über ${rng.pick(NAMES)}: [x](${rng.pick(['A.md', '../glossar/B.md', 'Outtasking.md', 'sub/D.md', 'Wertsch%C3%B6pfung.md', 'Fehlt.md'])}) und [[${rng.pick(NAMES)}]] und [r](/docs/glossar/${rng.pick(NAMES)}).\n`;
  const lines = ['---'];
  if (rng.chance(0.6)) lines.push(`id: ${rng.pick(['A', 'B', 'D', 'Outtasking', 'SLA', 'x', 'Wertschöpfung'])}`);
  if (rng.chance(0.7)) lines.push(`title: ${rng.pick(NAMES)}`);
  if (rng.chance(0.4)) lines.push(`aliases: [${rng.subset(NAMES, 3).join(', ')}]`);
  if (rng.chance(0.7)) lines.push(`tags: [${rng.subset(['Begriffe', 'IM', 'begriffe', 'Strategie', 'Unbekannt', 'Begriffe2'], 3).join(', ')}]`);
  if (rng.chance(0.1)) lines.push(rng.pick(['tags: [', 'x: &a [1]\ny: *a', 'titel: X', 'a: b: c']));
  lines.push('---', '');
  if (rng.chance(0.7)) lines.push(`# ${rng.pick(NAMES)}`, '');
  lines.push(`**${rng.pick(NAMES)} ist ${rng.pick(NAMES)}.** Siehe [${rng.pick(NAMES)}](${rng.pick(['A.md', '../notes/n1.md', 'Outtasking.md', 'sub/D.md', '/docs/glossar/A', 'Nirgends.md'])}) und [[${rng.pick(NAMES)}]].`);
  return lines.join(rng.pick(['\n', '\n', '\r\n']));
}

function propertyTagsFile(rng: Random): string {
  const tags = rng.subset(['Begriffe', 'IM', 'Strategie', 'Neu', 'begriffe'], 4);
  return tags.map((tag) => `${tag}:\n  label: ${tag} Label\n`).join('') + (rng.chance(0.1) ? 'kaputt: [' : '');
}

type Operation =
  | { op: 'setDocument'; uri: string; text: string }
  | { op: 'removeDocument'; uri: string }
  | { op: 'setTagsFile'; uri: string; text: string }
  | { op: 'removeTagsFile'; uri: string };

function spelling(rng: Random, uri: string): string {
  const others = SPELLINGS[uri];
  return others !== undefined && rng.chance(0.5) ? rng.pick(others) : uri;
}

function randomOperation(rng: Random, corpus: string[], previous: Map<string, string>): Operation {
  const choice = rng.int(20);
  const uri = rng.pick(DOC_URIS);
  if (choice < 11) return { op: 'setDocument', uri: spelling(rng, uri), text: propertyEntry(rng, corpus) };
  if (choice < 14) {
    // A small edit of the current text, as typing makes.
    const current = previous.get(uri) ?? '';
    return { op: 'setDocument', uri: spelling(rng, uri), text: mutate(rng, corpus, current, 1) };
  }
  if (choice < 17) return { op: 'removeDocument', uri: spelling(rng, uri) };
  if (choice < 19) return { op: 'setTagsFile', uri: rng.pick(TAGS_URIS), text: propertyTagsFile(rng) };
  return { op: 'removeTagsFile', uri: rng.pick(TAGS_URIS) };
}

function apply(index: GlossaryIndex, operation: Operation): void {
  if (operation.op === 'setDocument') index.setDocument(operation.uri, operation.text);
  else if (operation.op === 'removeDocument') index.removeDocument(operation.uri);
  else if (operation.op === 'setTagsFile') index.setTagsFile(operation.uri, operation.text);
  else index.removeTagsFile(operation.uri);
}

/** The final state a sequence of operations leaves, by canonical URI. */
function finalState(operations: Operation[]): { documents: Map<string, string>; tagsFiles: Map<string, string> } {
  const documents = new Map<string, string>();
  const tagsFiles = new Map<string, string>();
  for (const operation of operations) {
    const uri = canonicalUri(operation.uri);
    if (operation.op === 'setDocument') documents.set(uri, operation.text);
    else if (operation.op === 'removeDocument') documents.delete(uri);
    else if (operation.op === 'setTagsFile') tagsFiles.set(uri, operation.text);
    else tagsFiles.delete(uri);
  }
  return { documents, tagsFiles };
}

function freshIndex(documents: Map<string, string>, tagsFiles: Map<string, string>): GlossaryIndex {
  const index = new GlossaryIndex();
  for (const [uri, text] of [...tagsFiles].sort()) index.setTagsFile(uri, text);
  for (const [uri, text] of [...documents].sort()) index.setDocument(uri, text);
  return index;
}

// ---------------------------------------------------------------------------------------------
// The tests

function saveFailure(name: string, content: string): string {
  const folder = path.join(os.tmpdir(), 'markdown-glossary-fuzz');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

if (isMainThread) {
  const seed = masterSeed('FUZZ_SEED', DEFAULT_SEED);
  const cases = Number(process.env.FUZZ_CASES ?? 3000);
  const onlyCase = process.env.FUZZ_CASE === undefined || process.env.FUZZ_CASE === '' ? undefined : Number(process.env.FUZZ_CASE);
  const sequences = Number(process.env.FUZZ_SEQUENCES ?? 400);
  const adversarialNames = Object.keys(ADVERSARIAL).filter((name) => name.includes(process.env.FUZZ_ADVERSARIAL ?? ''));
  const corpus = loadCorpus();
  console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_CASES=${cases} FUZZ_SEQUENCES=${sequences}; ${corpus.length} corpus files (reproduce a case with FUZZ_SEED=${seed} FUZZ_CASE=<i>)`);

  describe(`fuzzing (seed ${seed})`, () => {
    let adversarial: Promise<AdversarialResult[]> | undefined;
    before(() => {
      fs.rmSync(MARKER, { force: true });
      // The adversarial inputs run in a worker while the main thread fuzzes.
      if (onlyCase === undefined) adversarial = runAdversarialInWorkers(adversarialNames, ADVERSARIAL_LIMIT_MS);
    });

    it(`parseDocument and every feature survive ${onlyCase === undefined ? cases : 1} random and mutated documents, with ranges inside the document`, async () => {
      const failures = new Map<string, string>();
      let slowest = { index: -1, ms: 0 };
      const indexes = onlyCase === undefined ? Array.from({ length: cases }, (_, i) => i) : [onlyCase];
      for (const i of indexes) {
        // Let the worker's messages and timers through now and then.
        if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
        const caseSeed = hash32(`${seed}:${i}`);
        const fuzz = generateCase(new Random(caseSeed), corpus);
        const started = Date.now();
        let problem: string | undefined;
        try {
          runCase(fuzz);
        } catch (error) {
          problem = error instanceof Problem ? `wrong range: ${error.message}` : `threw: ${(error as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(error)}`;
        }
        const ms = Date.now() - started;
        if (ms > slowest.ms) slowest = { index: i, ms };
        if (problem === undefined && ms > SLOW_CASE_MS) problem = `slow: ${ms} ms (limit ${SLOW_CASE_MS} ms)`;
        if (problem === undefined) continue;
        // One report per kind of failure, with the first input that shows it.
        const kind = problem.replace(/\d+/g, 'N').slice(0, 160);
        if (failures.has(kind)) continue;
        const file = saveFailure(`seed-${seed}-case-${i}.json`, JSON.stringify(fuzz, null, 1));
        failures.set(kind, `case ${i} (FUZZ_SEED=${seed} FUZZ_CASE=${i}; input in ${file}, target ${fuzz.target}): ${problem}\n  target text: ${JSON.stringify(fuzz.documents.at(-1)![1].slice(0, 300))}`);
      }
      console.log(`fuzz: slowest case ${slowest.index} took ${slowest.ms} ms`);
      assert.equal(fs.existsSync(MARKER), false, 'fuzzed front matter was executed: the marker file exists');
      assert.deepEqual([...failures.values()], [], `${failures.size} kind(s) of failure:\n${[...failures.values()].join('\n')}`);
    });

    it(`adversarial inputs (deep nesting, 10,000 tags, billion laughs, huge lines, executable front matter) are handled within ${ADVERSARIAL_LIMIT_MS} ms each, in time linear in their size`, { skip: onlyCase !== undefined }, async () => {
      const results = await adversarial!;
      for (const result of results) {
        const times = result.growth === undefined ? `${result.ms} ms` : `${result.growth.ms} ms at a quarter of the size, ${result.ms} ms at the full size (${result.growth.growth}x)`;
        console.log(`adversarial: ${result.name}: ${result.error === undefined ? 'ok' : 'FAILED'} in ${times}`);
      }
      const failed = results.filter((result) => result.error !== undefined || result.ms > ADVERSARIAL_LIMIT_MS || result.growth!.growth > MAX_GROWTH);
      const executed = results.filter((result) => result.executed);
      assert.deepEqual(executed.map((result) => result.name), [], 'front matter was executed (the marker file was written)');
      assert.deepEqual(
        failed.map((result) => `${result.name}: ${result.error?.split('\n').slice(0, 3).join(' | ') ?? `${result.growth!.ms} ms at a quarter of the size, ${result.ms} ms at the full size (${result.growth!.growth}x, limits ${MAX_GROWTH}x and ${ADVERSARIAL_LIMIT_MS} ms)`}`),
        [],
      );
      assert.equal(results.length, adversarialNames.length);
    });

    it(`the incremental index equals a fresh index of the final state, over ${sequences} random operation sequences`, { skip: onlyCase !== undefined }, () => {
      let compared = 0;
      for (let s = 0; s < sequences; s++) {
        const rng = new Random(hash32(`${seed}:sequence:${s}`));
        const index = new GlossaryIndex();
        const operations: Operation[] = [];
        const current = new Map<string, string>();
        const length = 1 + rng.int(40);
        const checkAt = new Set([length - 1, rng.int(length)]);
        for (let step = 0; step < length; step++) {
          const operation = randomOperation(rng, corpus, current);
          operations.push(operation);
          apply(index, operation);
          if (operation.op === 'setDocument') current.set(canonicalUri(operation.uri), operation.text);
          if (operation.op === 'removeDocument') current.delete(canonicalUri(operation.uri));
          if (!checkAt.has(step)) continue;
          const state = finalState(operations);
          const expected = indexSnapshot(freshIndex(state.documents, state.tagsFiles), state.documents, NAMES, FIXED_TEXT);
          const actual = indexSnapshot(index, state.documents, NAMES, FIXED_TEXT);
          compared++;
          try {
            assert.deepStrictEqual(actual, expected);
          } catch (error) {
            const file = saveFailure(`seed-${seed}-sequence-${s}.json`, JSON.stringify(operations, null, 1));
            (error as Error).message = `sequence ${s} after ${operations.length} operations (FUZZ_SEED=${seed}; operations in ${file}): the incremental index differs from a fresh one.\n${(error as Error).message}`;
            throw error;
          }
        }
      }
      console.log(`fuzz: ${compared} comparisons of incremental and fresh indexes`);
    });
  });
}
