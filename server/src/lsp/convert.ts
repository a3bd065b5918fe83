import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
} from 'vscode-languageserver';
import type { GlossaryDiagnostic, Severity } from '../common/diagnostic';
import type { CompletionList as GlossaryCompletionList } from '../features/completion';

export const DIAGNOSTIC_SOURCE = 'markdown-glossary';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: GlossaryDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    })),
  };
}

export function toLspCompletionList(list: GlossaryCompletionList): CompletionList {
  const items: CompletionItem[] = list.items.map((item) => ({
    label: item.label,
    kind: CompletionItemKind.Reference,
    detail: item.detail,
    documentation: item.documentation === '' ? undefined : { kind: MarkupKind.Markdown, value: item.documentation },
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: item.range, newText: item.newText },
  }));
  return { isIncomplete: list.isIncomplete, items };
}
