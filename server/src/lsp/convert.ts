import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CodeAction as GlossaryCodeAction } from '../features/codeActions';
import type { WorkspaceChange } from '../features/workspaceChange';
import type { GlossaryDiagnostic, Severity } from '../common/diagnostic';
import { ruleDocumentationUri } from '../common/ruleSummaries';
import { plainText } from '../parsing/markdown';
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
    // The code links to the rule's documentation (the Problems panel and hovers show it as a link).
    codeDescription: { href: ruleDocumentationUri(PACKAGE_REPOSITORY, diagnostic.code) },
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
  anchor: CompletionItemKind.Reference,
};

/** What a completion item carries for `completionItem/resolve`. */
export interface CompletionItemData {
  termUri: string;
}

/**
 * A list of up to 200 items, sent on each keystroke: a term's definition waits for the editor to
 * resolve the item it shows (definitions of real glossaries run to 200-400 characters each).
 */
export function toLspCompletionList(list: GlossaryCompletionList, snippets: boolean, markdown = true): CompletionList {
  const items: CompletionItem[] = list.items.map((item) => ({
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    detail: item.detail,
    documentation: item.termUri === undefined ? toLspDocumentation(item.documentation, markdown) : undefined,
    data: item.termUri === undefined ? undefined : ({ termUri: item.termUri } satisfies CompletionItemData),
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: item.isSnippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: item.range, newText: item.isSnippet && !snippets ? snippetAsText(item.newText) : item.newText },
  }));
  return { isIncomplete: list.isIncomplete, items };
}

/**
 * A snippet as the text an editor without snippets inserts: each tab stop's default (`${1:1}` is
 * `1`, `${1|true,false|}` is `true`), stops without one left out (`$0`, `${2}`), escapes undone (`\$`, `\}`, `\\`).
 */
export function snippetAsText(snippet: string): string {
  let text = '';
  let depth = 0;
  for (let at = 0; at < snippet.length; at++) {
    const character = snippet[at];
    if (character === '\\' && at + 1 < snippet.length && '$}\\'.includes(snippet[at + 1])) text += snippet[++at];
    else if (character === '$' && /^\d/.test(snippet.slice(at + 1))) at += /^\d+/.exec(snippet.slice(at + 1))![0].length;
    else if (character === '$' && snippet[at + 1] === '{' && /^\d/.test(snippet.slice(at + 2))) {
      // `${n}` or `${n:default}`: the default, read on (it may hold escapes); its closing brace dropped.
      at += 1 + /^\d+/.exec(snippet.slice(at + 2))![0].length;
      if (snippet[at + 1] === '|') {
        // `${n|a,b|}`: the first choice (`\,`, `\|` and `\\` escaped in it), the others dropped.
        const choices = /^\|((?:[^\\,|]|\\.)*)(?:,(?:[^\\|]|\\.)*)*\|\}/.exec(snippet.slice(at + 1));
        if (choices !== null) {
          text += choices[1].replace(/\\(.)/g, '$1');
          at += choices[0].length;
          continue;
        }
      }
      if (snippet[at + 1] === ':') at++;
      depth++;
    } else if (character === '}' && depth > 0) depth--;
    else text += character;
  }
  return text;
}

/**
 * Markdown for a hover or an item's documentation; as plain text for an editor that shows no Markdown
 * (`markdown` false: it lists formats without it, as Vim's ALE does), which would show `**` and link targets raw.
 */
export function toLspDocumentation(text: string | undefined, markdown = true): MarkupContent | undefined {
  if (!text) return undefined;
  return markdown ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: markdownAsPlainText(text) };
}

/** Markdown as the text it shows: links as their text, no emphasis markers, no code spans' backticks, escapes undone. */
export function markdownAsPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => plainText(line.replace(/^\*(?!\*)(.*[^*\\])\*$/, '$1')))
    .join('\n');
}

/** Whether an editor that lists the formats it shows (`contentFormat`, `documentationFormat`) shows Markdown; one that lists none does. */
export function showsMarkdown(formats: readonly string[] | undefined): boolean {
  return !Array.isArray(formats) || formats.includes(MarkupKind.Markdown);
}

export function toLspWorkspaceEdit(change: WorkspaceChange): WorkspaceEdit {
  const renames = change.renameFiles ?? [];
  if (change.createFiles.length === 0 && renames.length === 0) {
    return { changes: Object.fromEntries(change.edits.map((file) => [file.uri, file.edits])) };
  }
  return {
    documentChanges: [
      ...change.createFiles.map((uri) => ({ kind: 'create' as const, uri, options: { ignoreIfExists: true } })),
      ...change.edits.map((file) => ({ textDocument: { uri: file.uri, version: file.version ?? null }, edits: file.edits })),
      // Renamed after their edits, which name them by their old URIs.
      ...renames.map(({ oldUri, newUri }) => ({ kind: 'rename' as const, oldUri, newUri })),
    ],
  };
}

/** Ours among the fix-all actions, so that `editor.codeActionsOnSave` can name it alone. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.markdownGlossary`;

export function toLspCodeAction(action: GlossaryCodeAction): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    diagnostics: action.diagnostics.map(toLspDiagnostic),
    isPreferred: action.isPreferred,
    edit: toLspWorkspaceEdit(action.change),
  };
}

declare const PACKAGE_REPOSITORY: string;
