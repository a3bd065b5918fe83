import * as l10n from '@vscode/l10n';
import { parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { Range } from '../common/text';

/** Caps YAML alias expansion so a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_EXPANSION = 100;

export type YamlDocument = Document.Parsed;

/** Parses YAML as data only: no custom tags, bounded aliases, duplicate keys reported. */
export function parseYaml(source: string): YamlDocument {
  return parseDocument(source, { prettyErrors: false, uniqueKeys: true });
}

/** The parser's errors and warnings as diagnostics; `rangeOf` maps source offsets to the document. */
export function yamlDiagnostics(document: YamlDocument, rangeOf: (start: number, end: number) => Range): GlossaryDiagnostic[] {
  return [...document.errors, ...document.warnings].map((problem) => {
    const [start, end] = problem.pos;
    const isDuplicateKey = problem.code === 'DUPLICATE_KEY';
    return {
      range: rangeOf(start, Math.max(end, start + 1)),
      severity: problem.name === 'YAMLWarning' ? 'warning' : 'error',
      code: isDuplicateKey ? 'duplicate-key' : 'yaml-syntax',
      message: isDuplicateKey
        ? l10n.t('Duplicate key.')
        : l10n.t('YAML syntax error: {0}', problem.message.split(/\r?\n/, 1)[0]),
    };
  });
}

/** A node's plain value; undefined when it is empty or expands past the alias bound. */
export function plainValue(node: YamlNode | null | undefined, document: YamlDocument): unknown {
  if (node === null || node === undefined) return undefined;
  try {
    return node.toJS(document, { maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch {
    return undefined;
  }
}
