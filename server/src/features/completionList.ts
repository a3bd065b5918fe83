import type { Range } from '../common/text';

export type SuggestionKind = 'term' | 'alias' | 'tag' | 'key' | 'snippet' | 'anchor';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /**
   * The term a term or alias suggestion links to. Its documentation is the term's definition, which
   * the protocol sends when the editor resolves the item rather than with every item of a list.
   */
  termUri?: string;
  /** Replaces `range`; a snippet with tab stops when `isSnippet`. */
  newText: string;
  isSnippet?: boolean;
  range: Range;
  /** The text the editor filters on as the user types; it starts where `range` starts. */
  filterText?: string;
  sortText: string;
}

export interface CompletionList {
  items: Suggestion[];
  /** True when the list was cut: the editor asks again as the user types more. */
  isIncomplete: boolean;
}

/** Large glossaries are filtered on the server and a list is capped at this many items. */
export const MAX_COMPLETION_ITEMS = 200;

export const NO_COMPLETIONS: CompletionList = { items: [], isIncomplete: false };

/** Sorts items best first; past the cap, keeps the best and says the list is incomplete. */
export function capped(items: Suggestion[]): CompletionList {
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  if (items.length <= MAX_COMPLETION_ITEMS) return { items, isIncomplete: false };
  return { items: items.slice(0, MAX_COMPLETION_ITEMS), isIncomplete: true };
}
