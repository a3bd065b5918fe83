import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { relativePath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { ParsedDocument } from '../parsing/document';

/** Every problem in one document: what parsing found, and tags its tags file does not declare. */
export function documentDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  return [...document.diagnostics, ...unknownTags(index, document)];
}

/** Like Docusaurus, tags are keys of the tags file, matched exactly and case-sensitively. */
function unknownTags(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const tags = document.term?.tags ?? [];
  if (tags.length === 0) return [];
  const tagsFile = index.tagsFileFor(document.uri);
  if (tagsFile === undefined) return [];
  return tags
    .filter((tag) => !tagsFile.tags.has(tag.value))
    .map((tag) => ({
      range: tag.range,
      severity: 'warning',
      code: 'unknown-tag',
      message: l10n.t('Tag "{0}" is not declared in {1}.', tag.value, relativePath(document.uri, tagsFile.uri)),
    }));
}
