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
import type { CompletionList as GlossaryCompletionList, SuggestionKind } from '../features/completionList';

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

const COMPLETION_KINDS: Record<SuggestionKind, CompletionItemKind> = {
  term: CompletionItemKind.Reference,
  alias: CompletionItemKind.Reference,
  tag: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
};

export function toLspCompletionList(list: GlossaryCompletionList): CompletionList {
  const items: CompletionItem[] = list.items.map((item) => ({
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: item.range, newText: item.newText },
  }));
  return { isIncomplete: list.isIncomplete, items };
}
