import * as l10n from '@vscode/l10n';
import { RULES, type DiagnosticCode, type GlossaryDiagnostic } from '../common/diagnostic';
import type { LineIndex } from '../common/text';

/** What a comment `markdown-glossary-<action> [code …]` does, as markdownlint's comments do. */
export const DIRECTIVE_ACTIONS = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file', 'enable-file'] as const;
export type DirectiveAction = (typeof DIRECTIVE_ACTIONS)[number];

export const DIRECTIVE_PREFIX = 'markdown-glossary-';

/** One comment that turns rules off or on, from the line it is written on (0-based). */
export interface Directive {
  action: DirectiveAction;
  line: number;
  /** The rules it names; undefined for all rules. */
  codes: DiagnosticCode[] | undefined;
  /** Set when it is MDX's `{/* … *\/}`, which is a comment only where the page is compiled as MDX. */
  mdxComment?: true;
}

/** A comment's text, without its delimiters (`<!--` and `-->`, `#`, or MDX's braces and slash-stars), as [start, end) offsets. */
export type CommentSpan = readonly [number, number];

// The codes as the registry spells them: a directive keeps no slice of the document's text.
const CODES = new Map<string, DiagnosticCode>((Object.keys(RULES) as DiagnosticCode[]).map((code) => [code, code]));
const ACTIONS = new Set<string>(DIRECTIVE_ACTIONS);

/**
 * The directive a comment holds, if it is one. A comment that starts with the prefix but names
 * an unknown action or rule is reported: a misspelt directive would otherwise silently disable
 * nothing. Linear in the comment's length.
 */
export function directiveOf(text: string, comment: CommentSpan, lines: LineIndex, diagnostics: GlossaryDiagnostic[]): Directive | undefined {
  const words = [...text.slice(comment[0], comment[1]).matchAll(/\S+/g)].map((match) => ({ word: match[0], start: comment[0] + match.index }));
  if (words.length === 0 || !words[0].word.startsWith(DIRECTIVE_PREFIX)) return undefined;
  const report = (at: { word: string; start: number }, message: string) =>
    diagnostics.push({ range: lines.rangeAt(at.start, at.start + at.word.length), severity: RULES['invalid-disable-comment'], code: 'invalid-disable-comment', message });
  const action = words[0].word.slice(DIRECTIVE_PREFIX.length);
  if (!ACTIONS.has(action)) {
    report(words[0], l10n.t('Unknown comment "{0}": write markdown-glossary- and one of {1}.', words[0].word, DIRECTIVE_ACTIONS.join(', ')));
    return undefined;
  }
  const codes: DiagnosticCode[] = [];
  for (const named of words.slice(1)) {
    const code = CODES.get(named.word);
    if (code === undefined) report(named, l10n.t('"{0}" is not a rule of markdown-glossary: this comment disables or enables nothing for it.', named.word));
    else codes.push(code);
  }
  // A comment that names only unknown rules changes nothing, rather than every rule.
  if (words.length > 1 && codes.length === 0) return undefined;
  return { action: action as DirectiveAction, line: lines.positionAt(comment[0]).line, codes: words.length > 1 ? codes : undefined };
}
