import * as l10n from '@vscode/l10n';
import { relativePath } from '../../common/uris';
import { smallest } from '../../common/smallest';

/**
 * At most this many other files are named in one problem, and linked as its related places: a
 * group of n files sharing a title, an id or a URL makes n problems of bounded size, not n² (a
 * workspace of 2,000 entries of one title made 38 MB of `check` output and 716 MB of
 * diagnostics in the editor).
 */
export const MAX_OTHERS_NAMED = 10;

/** The first others of a group by URI (so a message does not depend on the order files were read in), and how many there are. */
export function firstOthers<T>(others: readonly T[], uriOf: (other: T) => string): { shown: T[]; total: number } {
  return { shown: smallest(others, MAX_OTHERS_NAMED, (a, b) => compareText(uriOf(a), uriOf(b))), total: others.length };
}

/** The others' paths from `fromUri`, comma-separated, with "and N more" past the first ones. */
export function namedOthers(fromUri: string, uris: readonly string[], total: number): string {
  const named = uris.map((uri) => relativePath(fromUri, uri)).join(', ');
  return total > uris.length ? l10n.t('{0} and {1} more', named, total - uris.length) : named;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
