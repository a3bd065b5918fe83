import type { LineIndex, Range } from '../common/text';

/** A Hugo `ref` or `relref` shortcode: the page it names as written (`/glossar/a.md`, `a#teil`), and where that is. */
export interface HugoRef {
  target: string;
  range: Range;
}

/**
 * `{{< ref "…" >}}` and `{{< relref "…" >}}` (also with `%`, a `path=` parameter, backquotes or no
 * quotes): Hugo reads shortcodes in the whole body, code included, but not a commented one (whose
 * `{{<` is followed by a comment's opening). At most this many per document: the rest are not read.
 */
const MAX_REFS = 1000;
const REF = /\{\{([<%])\s*(?:rel)?ref\s+(?:path\s*=\s*)?(?:"((?:[^"\\\n]|\\.)*)"|`([^`\n]*)`|([^\s"`%>}]+))/g;

export function hugoRefsOf(text: string, from: number, lines: LineIndex): HugoRef[] {
  // Most files have none: one search is cheaper than the expression's.
  if (!text.includes('{{', from)) return [];
  const refs: HugoRef[] = [];
  REF.lastIndex = from;
  for (let match = REF.exec(text); match !== null && refs.length < MAX_REFS; match = REF.exec(text)) {
    const quoted = match[2] ?? match[3];
    const target = quoted === undefined ? match[4] : match[2] !== undefined ? quoted.replace(/\\(.)/g, '$1') : quoted;
    const written = quoted ?? match[4];
    const end = match.index + match[0].length - (quoted === undefined ? 0 : 1);
    refs.push({ target, range: lines.rangeAt(end - written.length, end) });
  }
  return refs;
}
