import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { lineBreakOf, type LineIndex, type Range } from '../common/text';
import type { FrontMatter, FrontMatterField, FrontMatterItem } from './frontMatterFields';
import { readSimpleFrontMatter } from './simpleYaml';
import { DIRECTIVE_PREFIX, type CommentSpan } from './directives';
import { isPinned, newKeysPlace, nodeTextEnd, parseYaml, plainValue, yamlComments, yamlDiagnostics } from './yaml';

export interface SplitDocument {
  frontMatter: FrontMatter | undefined;
  /** Offset where the Markdown body starts (after the front matter, if any). */
  bodyOffset: number;
  diagnostics: GlossaryDiagnostic[];
  /** The YAML comments that may be directives, their text after the `#`. */
  comments?: CommentSpan[];
}

export function splitFrontMatter(text: string, lines: LineIndex): SplitDocument {
  const diagnostics: GlossaryDiagnostic[] = [];
  const { open, matterOffset, closing } = delimitersOf(text);
  if (matterOffset === undefined) return { frontMatter: undefined, bodyOffset: open, diagnostics };

  const language = text.slice(open + 3, matterOffset).trim();
  if (closing === -1) {
    diagnostics.push({
      range: lines.rangeAt(open, open + 3),
      severity: 'error',
      code: 'unclosed-front-matter',
      message: l10n.t('Front matter is not closed: add a line "---" after it.'),
    });
    return { frontMatter: undefined, bodyOffset: 0, diagnostics };
  }
  const bodyOffset = bodyOffsetAfter(text, closing);
  const closingLineEnd = lines.lineEndOffset(lines.positionAt(closing + 1).line);
  const range = lines.rangeAt(0, closingLineEnd);

  if (language !== '' && !/^ya?ml$/i.test(language)) {
    diagnostics.push({
      range: lines.rangeAt(open + 3, matterOffset),
      severity: 'error',
      code: 'front-matter-language',
      message: l10n.t('Front matter in "{0}" is not read: only YAML front matter is supported.', language),
    });
    return { frontMatter: { range, fields: [] }, bodyOffset, diagnostics };
  }

  const source = yamlOf(text, matterOffset, closing);
  const fields = parseYamlFields(source, matterOffset, lines, diagnostics);
  const comments = source.includes(DIRECTIVE_PREFIX) ? yamlComments(source, MAX_YAML_FRONT_MATTER).map(([start, end]): CommentSpan => [matterOffset + start + 1, matterOffset + end]) : [];
  return { frontMatter: { range, fields }, bodyOffset, diagnostics, comments };
}

/**
 * Where the front matter's delimiters are: the byte order mark's length, the end of the opening
 * line (undefined when the text opens no front matter) and the line break before the closing
 * line (-1 when there is none).
 */
function delimitersOf(text: string): { open: number; matterOffset?: number; closing: number } {
  // A byte order mark may precede the opening delimiter; positions keep counting it.
  const open = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', open) || text[open + 3] === '-') return { open, closing: -1 };
  const matterOffset = open + 3 + text.slice(open + 3).search(/\r?\n|$/);
  return { open, matterOffset, closing: text.indexOf('\n---', matterOffset) };
}

/**
 * Where the body starts, as gray-matter (Docusaurus's parser) splits it: right after the closing
 * "\n---", less one "\r" and then one "\n" (the rest of a "----" or "--- x" line is body). Done
 * here rather than by gray-matter, which copied each block into a Buffer and set up its options per
 * file (5 % of indexing); test/unit/parsing.test.ts holds the two to the same split.
 */
function bodyOffsetAfter(text: string, closing: number): number {
  let offset = closing + '\n---'.length;
  if (text.charCodeAt(offset) === 13 /* \r */) offset++;
  if (text.charCodeAt(offset) === 10 /* \n */) offset++;
  return offset;
}

/** Up to and including the line break before the closing "---": YAML reads a trailing lone "\r" as text. */
function yamlOf(text: string, matterOffset: number, closing: number): string {
  return text.slice(matterOffset, closing + 1);
}

/**
 * Where new keys go in a document's front matter, in its style (see `newKeysPlace`), with
 * positions in the document; undefined when there is no front matter, or its YAML has errors or
 * is not a map.
 */
export function frontMatterNewKeysPlace(text: string, lines: LineIndex) {
  const { open, matterOffset, closing } = delimitersOf(text);
  const language = text.slice(open + 3, matterOffset).trim();
  if (matterOffset === undefined || closing === -1 || (language !== '' && !/^ya?ml$/i.test(language))) return undefined;
  const source = yamlOf(text, matterOffset, closing);
  const place = newKeysPlace(parseYaml(source, MAX_YAML_FRONT_MATTER), source, lineBreakOf(text));
  return place && { ...place, at: lines.positionAt(matterOffset + place.at) };
}

function parseYamlFields(
  source: string,
  baseOffset: number,
  lines: LineIndex,
  diagnostics: GlossaryDiagnostic[],
): FrontMatterField[] {
  const rangeOf = (start: number, end: number) => lines.rangeAt(baseOffset + start, baseOffset + end);
  return readSimpleFrontMatter(source, rangeOf) ?? readYamlFields(source, rangeOf, diagnostics);
}

/**
 * Front matter is a few hundred characters; what the simple reader cannot read goes to the YAML
 * library only up to this length, which it parses within a fraction of a second however broken.
 */
const MAX_YAML_FRONT_MATTER = 64 * 1024;

/** Reads front-matter YAML with the YAML library: any YAML, its errors and warnings included. */
export function readYamlFields(source: string, rangeOf: (start: number, end: number) => Range, diagnostics: GlossaryDiagnostic[]): FrontMatterField[] {
  const document = parseYaml(source, MAX_YAML_FRONT_MATTER);
  for (const diagnostic of yamlDiagnostics(document, rangeOf)) diagnostics.push(diagnostic);

  const contents = document.contents;
  if (contents === null || contents === undefined) return [];
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, source.length];
    diagnostics.push({
      range: rangeOf(start, end),
      severity: 'error',
      code: 'front-matter-not-a-map',
      message: l10n.t('Front matter must be a map of keys to values, such as "title: My term".'),
    });
    return [];
  }

  const fields: FrontMatterField[] = [];
  // An alias of the whole map reads every key and value through it.
  const allPinned = isPinned(contents, document);
  const pinned = (node: unknown) => allPinned || isPinned(node, document);
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const keyRange = pair.key.range;
    const valueNode = pair.value as YamlNode | null;
    const valueSpan = valueNode?.range ? textSpan(source, valueNode) : [keyRange[1], keyRange[1]];
    const field: FrontMatterField = {
      key: String(pair.key.value),
      keyRange: rangeOf(keyRange[0], keyRange[1]),
      value: plainValue(valueNode, document),
      valueRange: rangeOf(valueSpan[0], valueSpan[1]),
    };
    if (pinned(pair.key)) field.keyPinned = true;
    if (pinned(valueNode)) field.valuePinned = true;
    if (isSeq(valueNode)) {
      field.items = valueNode.items.map((item) => {
        const node = item as YamlNode;
        const span = node.range ? textSpan(source, node) : valueSpan;
        const read: FrontMatterItem = { value: plainValue(node, document), range: rangeOf(span[0], span[1]) };
        if (field.valuePinned || pinned(node)) read.pinned = true;
        return read;
      });
    }
    fields.push(field);
  }
  return fields;
}

/**
 * A node's place: a scalar's without the line breaks the library counts into a block scalar; an
 * empty value's right after its colon (the library puts it before a comment there), where a value
 * written in its place keeps the blank before the comment.
 */
function textSpan(source: string, node: YamlNode): [number, number] {
  const [start, end] = node.range!;
  if (!isScalar(node)) return [start, end];
  if (start === end && node.value === null) {
    let afterColon = start;
    while (afterColon > 0 && /[ \t]/.test(source[afterColon - 1])) afterColon--;
    if (source[afterColon - 1] === ':') return [afterColon, afterColon];
  }
  return [start, nodeTextEnd(source, start, end)];
}

