import * as l10n from '@vscode/l10n';
import { parseTree, printParseErrorCode, type Node, type ParseError, type ParseErrorCode } from 'jsonc-parser';

/** What is wrong at a JSON syntax error: jsonc-parser's code, or a comma before a closing bracket. */
export type JsonMistake = ParseErrorCode | 'trailing-comma';

/** A JSON text's first syntax error: its offsets and what is wrong. */
export interface JsonSyntaxError {
  start: number;
  end: number;
  mistake: JsonMistake;
}

/**
 * Parses JSON (`jsonc`: with comments and trailing commas) and finds its first syntax error: what
 * follows one is mostly its echo. A comma before a closing bracket is named as such, at the comma.
 */
export function parseJsonTree(text: string, jsonc: boolean): { root: Node | undefined; error: JsonSyntaxError | undefined } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc, allowEmptyContent: false });
  if (errors.length === 0) return { root, error: undefined };
  const { offset, length, error } = errors[0];
  const comma = /,\s*$/.exec(text.slice(Math.max(0, offset - 1_000), offset));
  if (comma === null || !/^[}\]]/.test(text.slice(offset, offset + 1))) return { root, error: { start: offset, end: offset + length, mistake: error } };
  const at = offset - (Math.min(offset, 1_000) - comma.index);
  return { root, error: { start: at, end: at + 1, mistake: 'trailing-comma' } };
}

/** A JSON syntax error in words; `inFile`: in a settings file, where a `.jsonc` one would do. */
export function jsonMistakeMessage(mistake: JsonMistake, inFile: boolean): string {
  if (mistake !== 'trailing-comma') return l10n.t('Invalid JSON: {0}', printParseErrorCode(mistake));
  return inFile ? l10n.t('Trailing comma: JSON allows none (a .jsonc file does).') : l10n.t('Trailing comma: JSON allows none.');
}
