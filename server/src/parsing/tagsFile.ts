import * as l10n from '@vscode/l10n';
import { isMap, isScalar } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { lineBreakOf, LineIndex, type Position, type Range } from '../common/text';
import { newKeysPlace, parseYaml, plainValue, yamlDiagnostics, type YamlDocument } from './yaml';

export interface TagDefinition {
  key: string;
  label: string;
  description: string | undefined;
  permalink: string | undefined;
  keyRange: Range;
}

/** A Docusaurus tags file (`tags.yml`): a map from tag key to label, permalink and description. */
export interface TagsFile {
  uri: string;
  tags: Map<string, TagDefinition>;
  diagnostics: GlossaryDiagnostic[];
  /** Where and how declarations of new tags are written into the file, or why they are not. */
  additions: TagsFileAdditions;
}

/**
 * New tags go in the file's own style: appended as block YAML to a block map (or an empty file), or
 * into the braces of a flow map. A file that does not parse or is not a map gets nothing.
 */
export type TagsFileAdditions =
  | {
      style: 'block';
      at: Position;
      lineEnd: string;
      lineBreak: string;
      indent: string;
      /** What indents `label:` and `permalink:` below a tag's key, beyond `indent`: the file's own, two blanks where it has none. */
      fieldIndent: string;
    }
  | { style: 'flow'; at: Position; separatorFirst: string }
  | { style: 'refused'; reason: string };

export const TAGS_FILE_NAME = 'tags.yml';

/**
 * Thousands of tags fit in 256 KB. Past it the YAML library, at 7 to 9 µs a character of broken
 * YAML, would hold the server for seconds on every keystroke in the file.
 */
const MAX_TAGS_FILE_YAML = 256 * 1024;

export function parseTagsFile(uri: string, text: string): TagsFile {
  const lines = new LineIndex(text);
  // The byte order mark is not YAML: the library would count it into the first key's column.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = text.slice(bom);
  // A lone "\r" ends the last line for the YAML specification and for Docusaurus; the library reads it as text.
  const document = parseYaml(source.endsWith('\r') ? source.slice(0, -1) : source, MAX_TAGS_FILE_YAML);
  const rangeAt = (start: number, end: number) => lines.rangeAt(bom + start, bom + end);
  const diagnostics = yamlDiagnostics(document, rangeAt);

  const tags = new Map<string, TagDefinition>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const details = (isMap(pair.value) ? plainValue(pair.value, document) : undefined) as Record<string, unknown> | undefined ?? {};
      tags.set(key, {
        key,
        label: typeof details.label === 'string' ? details.label : key,
        description: typeof details.description === 'string' ? details.description : undefined,
        permalink: typeof details.permalink === 'string' ? details.permalink : undefined,
        keyRange: rangeAt(pair.key.range[0], pair.key.range[1]),
      });
    }
  }
  return { uri, tags, diagnostics, additions: additionsOf(document, source, bom, lines) };
}

function additionsOf(document: YamlDocument, source: string, bom: number, lines: LineIndex): TagsFileAdditions {
  if (document.errors.length > 0) return { style: 'refused', reason: l10n.t('The tags file has YAML errors: fix them before tags are added to it.') };
  const place = newKeysPlace(document, source, lineBreakOf(source));
  if (place === undefined) return { style: 'refused', reason: l10n.t('The tags file is not a map of tags: no tags are added to it.') };
  const at = lines.positionAt(bom + place.at);
  return place.style === 'block' ? { ...place, at, lineBreak: lineBreakOf(source), fieldIndent: fieldIndentOf(document, source) } : { ...place, at };
}

/** How far the file indents the fields of a tag below its key, as its first tag written as a block map does (`    label: …`). */
function fieldIndentOf(document: YamlDocument, source: string): string {
  const column = (offset: number) => offset - Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) - 1;
  if (!isMap(document.contents)) return '  ';
  for (const pair of document.contents.items) {
    const keyStart = (pair.key as { range?: [number, number, number] | null } | null)?.range?.[0];
    if (!isMap(pair.value) || pair.value.flow || keyStart === undefined) continue;
    const fieldStart = (pair.value.items[0]?.key as { range?: [number, number, number] | null } | null)?.range?.[0];
    if (fieldStart === undefined) continue;
    const depth = column(fieldStart) - column(keyStart);
    return depth > 0 ? ' '.repeat(depth) : '  ';
  }
  return '  ';
}
