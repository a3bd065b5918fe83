/**
 * Property test: every edit the glossary makes to YAML keeps the user's text. Over generated front
 * matter full of hostile scalars (block scalars, quotes and escapes, flow and block lists with
 * comments, CRLF, a byte order mark, tags such as `true`, `007` or `a,b`, misspelt keys beside the
 * right ones, file names such as `Kosten: Nutzen.md`) and over the real corpora, it applies every
 * code action, "fix all", renames of the title and the id, and the tags-file generation, and asserts
 * that the edited file
 *   1. parses with no YAML problem it did not have,
 *   2. parses to exactly the intended values,
 *   3. is unchanged outside the nodes the edit is about: beside a node only blanks and one comma
 *      go with a removed flow-list item, and a removed block-list item goes with its whole lines.
 *
 * Seeded and reproducible: EDITS_SEED=<integer|random>, EDITS_CASES=<n> (default 400),
 * EDITS_CASE=<i> runs only case i. A failure names the seed and the case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYamlText } from 'yaml';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../../server/src/common/settings';
import { applyEdits, comparePositions, lineBreakOf, LineIndex, type Range } from '../../server/src/common/text';
import { fileStem } from '../../server/src/common/uris';
import { codeActions, fixAll } from '../../server/src/features/codeActions';
import type { TextEdit } from '../../server/src/features/workspaceChange';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import type { GlossaryDiagnostic } from '../../server/src/common/diagnostic';
import { linkEditsForRenamedFiles, prepareRename, rename, RenameError, type RenameTarget } from '../../server/src/features/rename';
import { TagsFileError, tagsFileChange } from '../../server/src/features/tagsFileGenerator';
import { yamlString } from '../../server/src/features/yamlEdits';
import type { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { parseDocument, type ParsedDocument } from '../../server/src/parsing/document';
import type { FrontMatterField } from '../../server/src/parsing/frontMatterFields';
import { parseTagsFile } from '../../server/src/parsing/tagsFile';
import { hash32, loadCorpus, masterSeed, Random } from '../support/seeded';
import { glossaryOf, ROOT } from './glossary';

const DEFAULT_SEED = 16;
const SAFE_FIX_CODES = new Set(['unknown-key', 'padded-tag', 'duplicate-tag', 'empty-tag', 'tags-not-a-list']);
const YAML_PROBLEMS = new Set(['yaml-syntax', 'duplicate-key', 'front-matter-not-a-map']);

// ---------------------------------------------------------------------------------------------
// Hostile front matter

const STRINGS = [
  'Begriffe', 'IM', 'Strategie', 'Service Level Agreement', 'true', 'yes', 'No', 'on', 'OFF', 'y', 'n', '123', '007', '0x10',
  '1e3', '1_000', '.5', '1:20', '2024-01-01', 'null', '~', '#x', 'a,b', 'a]b', '[x]', '{y}', 'Foo: bar', 'a #b', '- x', '? x',
  ': x', '&a', '*a', '!x', '|x', '>x', "'q'", '"d"', '%x', '@x', '`x', 'Kosten: Nutzen', 'C++', 'ä ß 😀', '1.0', '<<', '=',
  'x\\y', 'Tab\there', 'Zeile\nzwei', '', ' ', ' IM ', ' true ', ' 123 ', ' null ', ' #x ', ' a,b ', ' Begriffe', 'a\u2028b',
];
const FILE_NAMES = ['Kosten: Nutzen.md', '#1 Begriff.md', 'true.md', '[Entwurf] Plan.md', 'Plan.md', 'Service-Level-Agreement.md', '007.md', 'a, b.md'];
const RENAMES = ['Neu', 'true', '123', 'null', '1.0', 'Kosten: Nutzen', '#1 Begriff', '[Entwurf] Plan', 'a,b', 'x #y', "it's", '"q"', '- x', 'ä ß 😀', 'Foo\\bar', '  gepolstert  ', '|', '>-'];
const TAGS_FILES = [
  'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\n',
  'Begriffe:\r\n  label: Begriffe\r\nIM:\r\n  label: IM\r\n',
  '\uFEFFBegriffe:\n  label: Begriffe\n"1.0":\n  label: Version\n',
  '  Begriffe:\n    label: Begriffe\n',
  '"true":\n  label: wahr\n"a,b":\n  label: ab\n"#x":\n  label: x\n"007":\n  label: Agent\nBegriffe:\n  label: Begriffe\n',
  'Begriffe:\n  label: Begriffe',
  '{Begriffe: {label: Begriffe}}\n',
  '{Begriffe: {label: Begriffe},}',
  '{\n  Begriffe: {label: Begriffe}, # Grundbegriffe\n  IM: {label: IM}\n}\n',
  '{}\n',
  '',
  '# nur ein Kommentar\n',
  'Begriffe: [\n',
  '- Begriffe\n',
  'Begriffe:\n  label: Begriffe\n...\n',
  '\uFEFF  Begriffe:\n    label: Begriffe\n  IM:\n    label: IM\n',
  'Begriffe:\n  label: Begriffe\r',
];

/** A string written as YAML in one of the ways a person might: plain, quoted, or as a block scalar. */
function scalar(rng: Random, value: string, inFlow: boolean, indent: string): string {
  const style = rng.pick(inFlow || value.includes('\n') ? ['plain', 'double', 'single'] : ['plain', 'double', 'single', 'block', 'block']);
  if (style === 'double' || value.includes('\n')) return JSON.stringify(value).replace('\\u00e4', rng.chance(0.5) ? '\\xe4' : 'ä');
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'block') {
    const header = rng.pick(['|', '>', '|-', '>-', '|+', '>+']) + (rng.chance(0.2) ? ' # Kommentar' : '');
    return `${header}\n${indent}  ${value}${header.includes('+') && rng.chance(0.5) ? '\n' : ''}`;
  }
  return value;
}

function flowList(rng: Random, values: string[]): string {
  const multiLine = rng.chance(0.4);
  const items = values.map((value) => scalar(rng, value, true, ''));
  const separators = items.map((_, index) => (index === items.length - 1 ? '' : multiLine ? rng.pick([',\n  ', ', # Kommentar\n  ', ' # Kommentar\n  , ']) : ', '));
  const trailing = items.length > 0 && rng.chance(0.15) ? ',' : '';
  const body = items.map((item, index) => item + separators[index]).join('') + trailing;
  return multiLine ? `[\n  ${body}${rng.chance(0.5) ? ' # Ende' : ''}\n]` : `[${body}]`;
}

function blockList(rng: Random, values: string[]): string {
  const indent = rng.pick(['', '  ']);
  return values.map((value) => `\n${rng.chance(0.15) ? `${indent}# Kommentar\n` : ''}${indent}- ${scalar(rng, value, false, indent)}`).join('');
}

/** Node properties a fix must not lose or leave behind: an anchor (which an alias may read) or an explicit tag. */
function withProperties(rng: Random, written: string, anchors: string[]): string {
  if (rng.chance(0.85)) return written;
  if (rng.chance(0.3)) return `!!str ${written}`;
  const anchor = `a${anchors.length}`;
  anchors.push(anchor);
  return `&${anchor} ${written}`;
}

function tagsValue(rng: Random, anchors: string[]): string {
  const values = Array.from({ length: rng.int(6) }, () => rng.pick(STRINGS));
  if (rng.chance(0.15)) return withProperties(rng, scalar(rng, values.join(', ') || 'Begriffe', false, ''), anchors);
  if (rng.chance(0.5)) {
    const list = flowList(rng, values);
    // An anchor on an item of a one-line list: `[IM, &a0 IM]`.
    return list.includes('\n') ? list : list.replace(/(?<=[[,] ?)(?=[^\s,\]])/g, () => withProperties(rng, '', anchors));
  }
  return blockList(rng, values).replace(/(?<=^ *- )/gm, () => withProperties(rng, '', anchors));
}

interface Case {
  uri: string;
  text: string;
  settings: GlossarySettings;
  files: Record<string, string>;
}

function generateCase(rng: Random): Case {
  const lines: string[] = [];
  const anchors: string[] = [];
  const field = (key: string, value: string) => lines.push(`${key}:${value.startsWith('\n') ? '' : ' '}${value}`);
  const title = rng.pick(STRINGS.filter((value) => value.trim() !== ''));
  if (rng.chance(0.85)) field('title', scalar(rng, title, false, ''));
  if (rng.chance(0.6)) field('id', scalar(rng, rng.pick(['A', 'Plan', '007', 'true', 'Kosten: Nutzen', 'a-b']), false, ''));
  if (rng.chance(0.9)) field('tags', tagsValue(rng, anchors));
  for (const key of rng.subset(['Title', 'titel', 'Titel', 'tag', 'Tags', 'aliases', 'descripton', 'Sidebar_Position'], 3)) {
    field(withProperties(rng, key, anchors), key.toLowerCase().startsWith('tag') || key === 'aliases' ? flowList(rng, rng.subset(STRINGS, 3)) : scalar(rng, rng.pick(STRINGS), false, ''));
  }
  if (rng.chance(0.3)) lines.splice(rng.int(lines.length + 1), 0, '# Kommentar');
  if (rng.chance(0.3)) field('description', scalar(rng, 'Eine Beschreibung', false, ''));
  // Aliases of some anchors, after them: a fix of an anchored node would change or break these.
  const aliased = anchors.filter(() => rng.chance(0.7));
  if (aliased.length > 0) field(rng.pick(['sidebar_label', 'keywords']), rng.chance(0.5) ? `*${aliased[0]}` : `[${aliased.map((anchor) => `*${anchor}`).join(', ')}]`);
  const heading = rng.chance(0.5) ? `# ${title.trim() || 'Titel'}\n\n` : '';
  // Front matter as a flow map, or indented as a whole: keys are added in its style.
  const style = rng.pick(['block', 'block', 'block', 'block', 'flow', 'indented']);
  const yaml =
    style === 'flow' && lines.every((line) => !line.includes('\n') && !line.startsWith('#'))
      ? `{${lines.join(', ')}${rng.chance(0.3) ? ',' : ''}}`
      : style === 'indented'
        ? lines.join('\n').replace(/^/gm, '  ')
        : lines.join('\n');
  let text = `---\n${yaml}\n---\n\n${heading}Text über Begriffe.\n`;
  if (rng.chance(0.3)) text = text.replace(/\n/g, '\r\n');
  if (rng.chance(0.1)) text = '\uFEFF' + text;
  const files: Record<string, string> = {
    'docs/B.md': '---\ntitle: B\ntags: [Begriffe, "1.0", "true"]\n---\n',
    'docs/C.md': '---\ntitle: C\ntags: [Begriffe, "a,b"]\n---\n',
  };
  if (rng.chance(0.7)) files['docs/tags.yml'] = rng.pick(TAGS_FILES);
  const settings = rng.chance(0.3) ? { ...DEFAULT_SETTINGS, requiredKeys: ['title', 'description'] } : DEFAULT_SETTINGS;
  return { uri: `${ROOT}/docs/${encodeURIComponent(rng.pick(FILE_NAMES))}`, text, settings, files };
}

// ---------------------------------------------------------------------------------------------
// What an edit must leave

const offsetsOf = (lines: LineIndex, range: Range): [number, number] => [lines.offsetAt(range.start), lines.offsetAt(range.end)];
const sameRange = (a: Range, b: Range) => comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
const yamlProblems = (document: ParsedDocument) => document.diagnostics.filter((diagnostic) => YAML_PROBLEMS.has(diagnostic.code)).length;
/** An intended entry that may be whatever the renamed value it aliases became. */
const THROUGH_ALIAS = Symbol('through an alias');
/** null for an empty value whichever reader read it. */
const entries = (fields: FrontMatterField[]) => fields.map((field) => [field.key, field.value ?? null]);

/** The front matter a set of fixes must leave: each problem's own effect on the keys and the tags. */
function intendedFields(before: ParsedDocument, lines: LineIndex, fixed: ReturnType<typeof documentDiagnostics>): unknown[] {
  const fields = before.frontMatter!.fields.map((field) => ({ key: field.key, value: field.value ?? null, field }));
  const tags = before.frontMatter!.fields.find((field) => field.key === 'tags');
  const removed = new Set<number>();
  const replaced = new Map<number, unknown>();
  const itemOf = (range: Range) => tags?.items?.findIndex((item) => sameRange(item.range, range)) ?? -1;
  // No fix changes a node an alias reads or a tag types.
  const pinned = new Set(before.frontMatter!.fields.flatMap((field) => [
    ...(field.keyPinned ? [field.keyRange] : []),
    ...(field.valuePinned ? [field.valueRange] : []),
    ...(field.items ?? []).filter((item) => item.pinned).map((item) => item.range),
  ]).map((range) => JSON.stringify(range)));
  for (const diagnostic of fixed) {
    if (pinned.has(JSON.stringify(diagnostic.range))) continue;
    const item = itemOf(diagnostic.range);
    if (diagnostic.code === 'duplicate-tag' || diagnostic.code === 'empty-tag') removed.add(item);
    else if (diagnostic.code === 'padded-tag') replaced.set(item, (tags!.items![item].value as string).trim());
    else if (diagnostic.suggestion === undefined && diagnostic.code !== 'missing-key') continue;
    else if (diagnostic.code === 'unknown-tag' || diagnostic.code === 'tag-variant') replaced.set(item, parseYamlText(diagnostic.suggestion!));
    else if (diagnostic.code === 'tags-not-a-list') {
      // Written plainly on one line, the commas part tags; in quotes, or over several lines that YAML joined, the string is one tag.
      const quoted = /^["']/.test(lines.text.slice(lines.offsetAt(tags!.valueRange.start)));
      const oneTag = quoted || tags!.valueRange.start.line !== tags!.valueRange.end.line;
      fields.find((candidate) => candidate.field === tags)!.value = oneTag ? [tags!.value] : (tags!.value as string).split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
    } else if (diagnostic.code === 'unknown-key') {
      fields.find((candidate) => sameRange(candidate.field.keyRange, diagnostic.range))!.key = parseYamlText(diagnostic.suggestion!);
    } else if (diagnostic.code === 'missing-key') {
      const added = { key: diagnostic.subject!, value: diagnostic.subject === 'title' ? fileStem(before.uri).replace(/-/g, ' ') : null, field: undefined! };
      // Added before a last value that keeps its final line breaks (`|+`), whose blank lines would become its own after it.
      const last = before.frontMatter!.fields[before.frontMatter!.fields.length - 1];
      const lastValue = last?.items !== undefined && last.items.length > 0 ? last.items[last.items.length - 1].range : last?.valueRange;
      const keeps = lastValue !== undefined && /^[|>](?:[1-9]?\+|\+[1-9])/.test(lines.text.slice(lines.offsetAt(lastValue.start)));
      const lastAt = fields.findIndex((candidate) => candidate.field === last);
      if (keeps && lastAt !== -1) fields.splice(lastAt, 0, added);
      else fields.push(added);
    }
  }
  if (tags?.items !== undefined && (removed.size > 0 || replaced.size > 0)) {
    fields.find((candidate) => candidate.field === tags)!.value = tags.items.flatMap((item, index) => (removed.has(index) ? [] : [replaced.has(index) ? replaced.get(index) : item.value]));
  }
  return fields.map(({ key, value }) => [key, value]);
}

/**
 * Property 3: an edit replaces nodes of the front matter (keys, scalar values, list items; whole
 * values too when `wholeValues`), and beside them takes at most blanks, a removed item's tag and
 * anchor, and one comma, or the whole
 * lines of one block-list item. Its new line breaks are the file's.
 */
function checkTouchesOnlyNodes(before: ParsedDocument, lines: LineIndex, edits: TextEdit[], wholeValues: boolean): void {
  const text = lines.text;
  const nodes: Array<[number, number]> = [];
  for (const field of before.frontMatter?.fields ?? []) {
    nodes.push(offsetsOf(lines, field.keyRange));
    if (field.items === undefined || wholeValues) nodes.push(offsetsOf(lines, field.valueRange));
    for (const item of field.items ?? []) nodes.push(offsetsOf(lines, item.range));
  }
  const sorted = edits.map((edit) => ({ edit, at: offsetsOf(lines, edit.range) })).sort((a, b) => a.at[0] - b.at[0]);
  for (let index = 1; index < sorted.length; index++) assert.ok(sorted[index - 1].at[1] <= sorted[index].at[0], `edits overlap: ${JSON.stringify(sorted.map((edit) => edit.edit))}`);
  const lineBreak = lineBreakOf(text);
  for (const { edit, at } of sorted) {
    const [start, end] = at;
    if (/[\r\n]/.test(text)) assert.equal(edit.newText.replaceAll(lineBreak, '').match(/[\r\n]/), null, `a line break unlike the file's in ${JSON.stringify(edit.newText)}`);
    const taken = text.slice(start, end);
    const isWholeBlockItem = lines.positionAt(start).character === 0 && /^[ \t]*-(?:[ \t]|$)/.test(lines.lineText(lines.positionAt(start).line)) && (end === text.length || /[\r\n]$/.test(taken));
    if (isWholeBlockItem) {
      const indent = taken.search(/-/);
      const rest = taken.split(/\r?\n|\r/).slice(1, -1);
      assert.ok(rest.every((line) => line.trim() === '' || line.search(/\S/) > indent), `the removed lines are one block-list item: ${JSON.stringify(taken)}`);
      continue;
    }
    let outsideNodes = '';
    let copied = start;
    for (const [nodeStart, nodeEnd] of nodes.filter(([nodeStart, nodeEnd]) => nodeStart >= start && nodeEnd <= end && nodeEnd > nodeStart).sort((a, b) => a[0] - b[0])) {
      if (nodeStart < copied) continue;
      outsideNodes += text.slice(copied, nodeStart);
      copied = nodeEnd;
    }
    outsideNodes += text.slice(copied, end);
    // Blanks, a comma, and the tag and anchor the parser leaves out of a removed item's range.
    assert.match(outsideNodes, /^(?:[ \t]|[!&][^\s,[\]{}]*)*,?(?:[ \t]|[!&][^\s,[\]{}]*)*$/, `the edit ${JSON.stringify(edit)} takes ${JSON.stringify(outsideNodes)} beside the nodes in ${JSON.stringify(taken)}`);
  }
}

/** Properties 1-3 for edits of the document itself; `intended` the front matter it must parse to. */
function checkDocumentEdits(before: ParsedDocument, lines: LineIndex, edits: TextEdit[], intended: unknown[] | undefined, wholeValues = false): void {
  const after = parseDocument(before.uri, applyEdits(lines, edits));
  const problemsBefore = yamlProblems(before);
  assert.ok(yamlProblems(after) <= problemsBefore && (problemsBefore > 0 || yamlProblems(after) === 0), `new YAML problems: ${JSON.stringify(after.diagnostics)}`);
  if (problemsBefore > 0 || before.frontMatter === undefined) return;
  if (intended !== undefined) {
    const actual = entries(after.frontMatter?.fields ?? []);
    assert.deepEqual(actual, intended.map((entry, index) => (entry === THROUGH_ALIAS ? actual[index] : entry)));
  }
  const frontMatterEnd = lines.offsetAt(before.frontMatter.range.end);
  checkTouchesOnlyNodes(before, lines, edits.filter((edit) => lines.offsetAt(edit.range.start) < frontMatterEnd), wholeValues);
}

/** Tags files: still parsing, every tag asked for declared by its own string, the earlier declarations as they were. */
function checkTagsFileEdits(tagsUri: string, text: string, edits: TextEdit[], tags: string[]): void {
  const before = parseTagsFile(tagsUri, text);
  for (const edit of edits) assert.ok(comparePositions(edit.range.start, edit.range.end) === 0, 'a tags file is only added to');
  checkTouchesOnlyNodes({ frontMatter: undefined } as ParsedDocument, new LineIndex(text), edits, false);
  const after = parseTagsFile(tagsUri, applyEdits(new LineIndex(text), edits));
  if (before.diagnostics.length === 0) assert.deepEqual(after.diagnostics, []);
  for (const tag of tags) assert.ok(after.tags.has(tag), `"${tag}" is declared in ${JSON.stringify(applyEdits(new LineIndex(text), edits))}`);
  const declared = (file: typeof before) => [...file.tags.values()].map(({ key, label, description, permalink }) => ({ key, label, description, permalink }));
  assert.deepEqual(declared(after).slice(0, before.tags.size), declared(before));
}

const DISABLE_TITLE = /^Disable \S+ for this line$/;

/** The front matter's data as the YAML library reads it on its own, or undefined without front matter. */
function frontMatterData(text: string): string | undefined {
  const block = /^\ufeff?---[^\r\n]*\r?\n([\s\S]*?\r?\n)---/.exec(text);
  return block === null ? undefined : JSON.stringify(parseYamlText(block[1]));
}

/**
 * A "Disable … for this line" comment: only added text, the front matter the same data (read by
 * our reader and by the YAML library alone) with no new problem, and the problems it was offered
 * for no longer reported.
 */
function checkDisableComment(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, edits: TextEdit[], disabled: GlossaryDiagnostic[], settings: GlossarySettings): void {
  for (const edit of edits) assert.equal(comparePositions(edit.range.start, edit.range.end), 0, 'a disable comment only adds text');
  const text = applyEdits(lines, edits);
  const after = parseDocument(document.uri, text);
  assert.equal(yamlProblems(after), yamlProblems(document), `new YAML problems: ${JSON.stringify(text)}`);
  assert.deepEqual(entries(after.frontMatter?.fields ?? []), entries(document.frontMatter?.fields ?? []), JSON.stringify(text));
  if (yamlProblems(document) === 0) assert.equal(frontMatterData(text), frontMatterData(lines.text), JSON.stringify(text));
  const codes = (found: GlossaryDiagnostic[]) => found.filter((diagnostic) => diagnostic.code === disabled[0].code).length;
  assert.equal(codes(documentDiagnostics(index, after, settings)), codes(documentDiagnostics(index, document, settings)) - disabled.length, `disabled in ${JSON.stringify(text)}`);
}

function checkActions(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, settings: GlossarySettings, texts: Record<string, string>): void {
  const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(lines.text.length) };
  for (const action of codeActions(index, document, lines, whole, settings)) {
    for (const { uri, edits } of action.change.edits) {
      if (action.change.createFiles.includes(uri)) {
        const created = parseDocument(uri, applyEdits(new LineIndex(''), edits));
        assert.equal(yamlProblems(created), 0, `${action.title}: ${JSON.stringify(created.diagnostics)}`);
        assert.equal(typeof created.frontMatter?.fields.find((field) => field.key === 'title')?.value, 'string', action.title);
      } else if (uri === document.uri && DISABLE_TITLE.test(action.title)) {
        checkDisableComment(index, document, lines, edits, action.diagnostics, settings);
      } else if (uri === document.uri) {
        const aboutYaml = action.diagnostics.every((diagnostic) => diagnostic.code !== 'broken-link' && diagnostic.code !== 'unlinked-mention');
        const unchanged = document.frontMatter === undefined ? undefined : entries(document.frontMatter.fields);
        checkDocumentEdits(document, lines, edits, aboutYaml ? intendedFields(document, lines, action.diagnostics) : unchanged);
      } else {
        assert.ok(uri in texts, `${action.title} edits ${uri}`);
        checkTagsFileEdits(uri, texts[uri], edits, action.diagnostics.map((diagnostic) => diagnostic.subject!));
      }
    }
  }
  // Fix all applies the safe rules' fixes, but for those to ask about first (a key renamed that may be meant as it is).
  const safe = documentDiagnostics(index, document, settings).filter((diagnostic) => SAFE_FIX_CODES.has(diagnostic.code) && !diagnostic.askFirst);
  checkDocumentEdits(document, lines, fixAll(index, document, lines, settings), document.frontMatter && intendedFields(document, lines, safe));
}

function checkRenames(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, names: string[]): void {
  const term = document.term;
  const fields = document.frontMatter?.fields ?? [];
  if (term === undefined) return;
  const renamed = (target: RenameTarget, name: string, key: string) => {
    // A YAML value an alias reads elsewhere, a tag pins, or a reading of js-yaml's places only roughly: refused, not rewritten.
    const pinned = fields.find((field) => field.key === key)?.valuePinned === true && document.frontMatter?.format === undefined;
    if (pinned && name.trim() !== '' && !/[\p{Cc}\u2028\u2029]/u.test(name)) {
      assert.throws(() => rename(index, target, name), (error: unknown) => error instanceof RenameError && /through an alias elsewhere or with a tag/.test(error.message));
      return;
    }
    const edits = rename(index, target, name).edits.filter((fileEdits) => fileEdits.uri === document.uri).flatMap((fileEdits) => fileEdits.edits);
    // A value that aliases the renamed one (`title: &a x`, `tag: [*a]`) changes with it.
    const aliases = (field: FrontMatterField) => lines.text.slice(...offsetsOf(lines, field.valueRange)).includes('*');
    const intended = fields.map((field) => (field.key === key ? [key, name.trim()] : aliases(field) ? THROUGH_ALIAS : [field.key, field.value ?? null]));
    checkDocumentEdits(document, lines, edits, fields.some((field) => field.key === key) ? intended : undefined, true);
  };
  const title = fields.find((field) => field.key === 'title');
  const titleRange = title?.valueRange ?? term.heading?.textRange;
  if (titleRange !== undefined) for (const name of names) renamed({ term, what: 'title', range: titleRange, placeholder: term.title }, name, 'title');
  const id = fields.find((field) => field.key === 'id');
  const idTarget = id && prepareRename(index, document, lines, id.valueRange.start);
  if (idTarget?.what === 'id') for (const name of names.filter((candidate) => !candidate.includes('/'))) renamed(idTarget, name, 'id');
}

function checkTagsFileGeneration(index: GlossaryIndex, texts: Record<string, string>): void {
  const tagsUri = `${ROOT}/docs/tags.yml`;
  // A padded tag is declared as its `padded-tag` fix writes it: trimmed.
  const used = [...index.tagUsage()].map(([tag]) => tag.trim()).filter((tag) => tag !== '');
  try {
    const change = tagsFileChange(index, `${ROOT}/docs`);
    const [{ uri, edits }] = change.edits;
    checkTagsFileEdits(uri, change.createFiles.includes(uri) ? '' : texts[tagsUri], edits, used);
  } catch (error) {
    if (!(error instanceof TagsFileError)) throw error;
    const refused = parseTagsFile(tagsUri, texts[tagsUri]);
    assert.equal(refused.additions.style, 'refused');
    assert.ok(refused.diagnostics.length > 0 || !/^\s*\{|^(\uFEFF)?[^\s#-]/m.test(texts[tagsUri]), `refused a tags file that is a map: ${JSON.stringify(texts[tagsUri])}`);
  }
}

function runCase(fuzz: Case, rng: Random): void {
  const texts = Object.fromEntries(Object.entries(fuzz.files).map(([relative, text]) => [`${ROOT}/${relative}`, text]));
  const index = glossaryOf(fuzz.files);
  const document = index.setDocument(fuzz.uri, fuzz.text);
  const lines = new LineIndex(fuzz.text);
  checkActions(index, document, lines, fuzz.settings, texts);
  checkRenames(index, document, lines, rng.subset(RENAMES, 3));
  checkTagsFileGeneration(index, texts);
}

describe('yamlString, the one writer of YAML scalars', () => {
  /** What YAML 1.2 and YAML 1.1 (Hugo's go-yaml, js-yaml's booleans and numbers) read from a value, a key and a list item. */
  const readings = (written: string) =>
    (['1.2', '1.1'] as const).flatMap((version) => {
      const read = (text: string) => parseYamlText(text, { version, uniqueKeys: false });
      return [read(`title: ${written}\n`).title, Object.keys(read(`${written}: x\n`))[0], read(`tags: [${written}, x]\n`).tags[0], read(`- ${written}\n`)[0]];
    });

  it('writes every string so that it reads back as itself, plain only where that is safe', () => {
    const rng = new Random(hash32('yamlString'));
    const randomStrings = Array.from({ length: 300 }, () => String.fromCharCode(...Array.from({ length: 1 + rng.int(6) }, () => rng.pick([32, 35, 44, 45, 58, 63, 91, 93, 123, 125, 39, 34, 92, 9, 10, 13, 0x85, 0x2028, 0xfeff, 0x7f]))) + (rng.chance(0.5) ? 'a' : ''));
    for (const value of [...STRINGS, ...RENAMES, ...randomStrings]) {
      const written = yamlString(value);
      for (const read of readings(written)) assert.equal(read, value, `${JSON.stringify(value)} written as ${written}`);
      assert.doesNotMatch(written, /[\r\n]/, `${JSON.stringify(value)} written on one line`);
    }
    assert.deepEqual(['Begriffe', 'Service Level Agreement', 'C++', 'ä ß 😀'].map(yamlString), ['Begriffe', 'Service Level Agreement', 'C++', 'ä ß 😀']);
    assert.deepEqual(['y', 'off', '007', '0x10', '1e3', '1_000', '.5', '1:20', '2024-01-01', '~', ''].map(yamlString), ['"y"', '"off"', '"007"', '"0x10"', '"1e3"', '"1_000"', '".5"', '"1:20"', '"2024-01-01"', '"~"', '""']);
  });
});

describe('rename writes the title and the id as YAML strings', () => {
  const renamedText = (text: string, what: 'title' | 'id', name: string) => {
    const uri = `${ROOT}/docs/Alt.md`;
    const index = glossaryOf({});
    const document = index.setDocument(uri, text);
    const field = document.frontMatter!.fields.find((candidate) => candidate.key === what)!;
    const target: RenameTarget = { term: document.term!, what, range: field.valueRange, placeholder: '' };
    const edits = rename(index, target, name).edits.filter((fileEdits) => fileEdits.uri === uri).flatMap((fileEdits) => fileEdits.edits);
    return applyEdits(new LineIndex(text), edits);
  };

  it('replaces a block-scalar title without gluing the next key to it', () => {
    assert.equal(renamedText('---\ntitle: >-\n  Alt\ntags: [IM]\n---\n\nText.\n', 'title', 'Neu'), '---\ntitle: Neu\ntags: [IM]\n---\n\nText.\n');
    assert.equal(renamedText('---\r\ntitle: |\r\n  Alt\r\n\r\ntags: [IM]\r\n---\r\n', 'title', 'Neu'), '---\r\ntitle: Neu\r\n\r\ntags: [IM]\r\n---\r\n');
  });

  it('keeps the quotes the title and the id are written in, where they hold the new name', () => {
    assert.equal(renamedText("---\nid: 'Alt'\ntitle: 'Alt: Name' # Kommentar\n---\n", 'title', 'Neu'), "---\nid: 'Alt'\ntitle: 'Neu' # Kommentar\n---\n");
    assert.equal(renamedText("---\nid: 'Alt'\ntitle: 'Alt'\n---\n", 'title', "it's | x"), "---\nid: 'Alt'\ntitle: 'it''s | x'\n---\n");
    assert.equal(renamedText('---\r\nid: "Alt"\r\ntitle: "Alt"\r\n---\r\n', 'id', 'neu'), '---\r\nid: "neu"\r\ntitle: "Alt"\r\n---\r\n');
    // Plain and block scalars are written as before: plain where every reader reads the name back.
    assert.equal(renamedText('---\nid: Alt\ntitle: Alt\n---\n', 'title', 'Neu'), '---\nid: Alt\ntitle: Neu\n---\n');
  });

  it('quotes a name YAML would read as something else', () => {
    const text = '---\nid: Alt\ntitle: Alt\n---\n';
    assert.equal(renamedText(text, 'title', 'true'), '---\nid: Alt\ntitle: "true"\n---\n');
    assert.equal(renamedText(text, 'title', 'Kosten: Nutzen'), '---\nid: Alt\ntitle: "Kosten: Nutzen"\n---\n');
    assert.equal(renamedText(text, 'id', '007'), '---\nid: "007"\ntitle: Alt\n---\n');
    assert.equal(renamedText('---\nid: Alt\ntitle: # noch keiner\n---\n', 'title', 'Neu'), '---\nid: Alt\ntitle: Neu # noch keiner\n---\n');
  });
});

describe('moving a file keeps what follows the path of a link to it', () => {
  it('keeps the query and the fragment of a relative link', () => {
    const index = glossaryOf({ 'docs/A.md': '---\ntitle: A\n---\n', 'docs/B.md': '---\ntitle: B\n---\n\n[d](./A.md?x=1#y) [e](A.md?x=2)\n' });
    const [{ uri, edits }] = linkEditsForRenamedFiles(index, [{ oldUri: `${ROOT}/docs/A.md`, newUri: `${ROOT}/docs/C%23.md` }]);
    assert.equal(uri, `${ROOT}/docs/B.md`);
    assert.equal(applyEdits(new LineIndex('---\ntitle: B\n---\n\n[d](./A.md?x=1#y) [e](A.md?x=2)\n'), edits), '---\ntitle: B\n---\n\n[d](./C%23.md?x=1#y) [e](C%23.md?x=2)\n', 'and the style of each: "./" kept');
  });
});

describe('edits keep the text of the file (property)', () => {
  const seed = masterSeed('EDITS_SEED', DEFAULT_SEED);
  const cases = Number(process.env.EDITS_CASES ?? 400);
  const only = process.env.EDITS_CASE === undefined ? undefined : Number(process.env.EDITS_CASE);

  it(`on generated front matter (seed ${seed}, ${cases} cases)`, () => {
    for (let i = only ?? 0; i < (only === undefined ? cases : only + 1); i++) {
      const rng = new Random(hash32(`${seed}:${i}`));
      const fuzz = generateCase(rng);
      try {
        runCase(fuzz, rng);
      } catch (error) {
        (error as Error).message = `case ${i} of seed ${seed} (EDITS_SEED=${seed} EDITS_CASE=${i}): ${JSON.stringify(fuzz.text)} in ${fuzz.uri}, tags file ${JSON.stringify(fuzz.files['docs/tags.yml'])}\n${(error as Error).message}`;
        throw error;
      }
    }
  });

  it('on the real corpora', () => {
    const corpus = loadCorpus().filter((text) => /^(\uFEFF)?---/.test(text));
    const files = Object.fromEntries(corpus.map((text, i) => [`docs/c${i}.md`, text]));
    files['docs/tags.yml'] = TAGS_FILES[0];
    const texts = { [`${ROOT}/docs/tags.yml`]: TAGS_FILES[0] };
    const index = glossaryOf(files);
    for (let i = 0; i < corpus.length; i++) {
      const document = index.getDocument(`${ROOT}/docs/c${i}.md`)!;
      const lines = new LineIndex(corpus[i]);
      try {
        checkActions(index, document, lines, DEFAULT_SETTINGS, texts);
        checkRenames(index, document, lines, [RENAMES[i % RENAMES.length]]);
      } catch (error) {
        (error as Error).message = `corpus file ${i}: ${JSON.stringify(corpus[i].slice(0, 400))}\n${(error as Error).message}`;
        throw error;
      }
    }
    checkTagsFileGeneration(index, texts);
  });
});
