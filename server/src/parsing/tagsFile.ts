import { isMap, isScalar } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { LineIndex, type Position, type Range } from '../common/text';
import { parseYaml, plainValue, yamlDiagnostics } from './yaml';

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
  /** Where new tags are appended, and whether a line break must come first. */
  end: Position;
  endsWithLineBreak: boolean;
}

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
  return { uri, tags, diagnostics, end: lines.positionAt(text.length), endsWithLineBreak: text === '' || /[\r\n]$/.test(text) };
}
