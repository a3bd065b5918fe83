import * as l10n from '@vscode/l10n';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { lineBreakOf, LineIndex, type Position, type Range } from '../common/text';
import { commaInGap, parseYaml, plainValue, yamlDiagnostics, type YamlDocument } from './yaml';

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
  | { style: 'block'; at: Position; lineBreakFirst: boolean; lineBreak: string; indent: string }
  | { style: 'flow'; at: Position; separatorFirst: string }
  | { style: 'refused'; reason: string };

export const TAGS_FILE_NAME = 'tags.yml';

export function parseTagsFile(uri: string, text: string): TagsFile {
  const lines = new LineIndex(text);
  const document = parseYaml(lines.text);
  const diagnostics = yamlDiagnostics(document, (start, end) => lines.rangeAt(start, end));

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
        keyRange: lines.rangeAt(pair.key.range[0], pair.key.range[1]),
      });
    }
  }
  return { uri, tags, diagnostics, additions: additionsOf(document, lines) };
}

function additionsOf(document: YamlDocument, lines: LineIndex): TagsFileAdditions {
  const text = lines.text;
  const contents = document.contents;
  if (document.errors.length > 0) return { style: 'refused', reason: l10n.t('The tags file has YAML errors: fix them before tags are added to it.') };
  const atEnd = { at: lines.positionAt(text.length), lineBreakFirst: !/(^|[\r\n])$/.test(text), lineBreak: lineBreakOf(text) };
  if (contents === null || contents === undefined) return { style: 'block', ...atEnd, indent: '' };
  if (!isMap(contents) || contents.range === undefined || contents.range === null) {
    return { style: 'refused', reason: l10n.t('The tags file is not a map of tags: no tags are added to it.') };
  }
  if (!contents.flow) {
    // A map indented as a whole takes new keys at its indentation.
    const firstKey = contents.items[0]?.key as YamlNode | undefined;
    const keyStart = firstKey?.range?.[0] ?? 0;
    const beforeKey = text.slice(lines.lineStartOffset(lines.positionAt(keyStart).line), keyStart).replace(/^\uFEFF/, '');
    return { style: 'block', ...atEnd, indent: /^ *$/.test(beforeKey) ? beforeKey : '' };
  }
  const closing = contents.range[1] - 1;
  const last = contents.items[contents.items.length - 1];
  const lastEnd = last === undefined ? undefined : ((last.value ?? last.key) as YamlNode | null)?.range?.[1];
  if (text[closing] !== '}' || (last !== undefined && lastEnd === undefined)) {
    return { style: 'refused', reason: l10n.t('The tags file is not a map of tags: no tags are added to it.') };
  }
  const separatorFirst = lastEnd === undefined ? '' : commaInGap(text, lastEnd, closing) === undefined ? ', ' : ' ';
  return { style: 'flow', at: lines.positionAt(closing), separatorFirst };
}
