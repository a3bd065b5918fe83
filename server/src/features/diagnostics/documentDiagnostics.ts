import { RULES, type GlossaryDiagnostic } from '../../common/diagnostic';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../../common/settings';
import type { LineIndex } from '../../common/text';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { TagsFile } from '../../parsing/tagsFile';
import { glossaryDiagnostics } from './glossaryRules';
import { keyDiagnostics } from './keyRules';
import { linkDiagnostics } from './linkRules';
import { unlinkedMentionDiagnostics } from './mentionRules';
import { tagDiagnostics } from './tagRules';

/**
 * Every problem in one document: what parsing found and what each rule finds, with the
 * severities the settings give (a rule set to "off" reports nothing). Unlinked mentions need the
 * document's text, and are only looked for when the settings ask for them.
 */
export function documentDiagnostics(
  index: GlossaryIndex,
  document: ParsedDocument,
  settings: GlossarySettings = DEFAULT_SETTINGS,
  lines?: LineIndex,
): GlossaryDiagnostic[] {
  const found = [
    ...document.diagnostics,
    ...tagDiagnostics(index, document),
    ...keyDiagnostics(document, settings),
    ...glossaryDiagnostics(index, document),
    ...linkDiagnostics(index, document),
    ...(settings.unlinkedMentions && lines !== undefined ? unlinkedMentionDiagnostics(index, document, lines) : []),
  ];
  return withConfiguredSeverities(found, settings);
}

/** The problems of a tags file (YAML that does not parse, duplicate keys), as a document's are reported. */
export function tagsFileDiagnostics(tagsFile: TagsFile, settings: GlossarySettings = DEFAULT_SETTINGS): GlossaryDiagnostic[] {
  return withConfiguredSeverities(tagsFile.diagnostics, settings);
}

function withConfiguredSeverities(found: GlossaryDiagnostic[], settings: GlossarySettings): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const diagnostic of found) {
    const severity = settings.rules[diagnostic.code] ?? (diagnostic.breaksBuild ? 'error' : RULES[diagnostic.code]);
    if (severity !== 'off') diagnostics.push({ ...diagnostic, severity });
  }
  return diagnostics;
}
