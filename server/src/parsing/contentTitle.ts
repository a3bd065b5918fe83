/**
 * The title Docusaurus gives a page that declares none (its metadata's `contentTitle`: the sidebar
 * label, the browser's title, pagination): an H1 only where it opens the content, after blank
 * lines and import blocks alone. Its text is the line as written, trimmed, without a closing
 * `{#id}` or `#` sequence, with inline code unwrapped; other inline Markdown stays (`**x**`).
 * A page whose content opens with anything else (a paragraph, a comment, an admonition, a rule)
 * is titled by its id, whatever H1 follows (the rendered page still shows that H1).
 */
export interface ContentTitle {
  text: string;
  /** Offsets of the title's text in the document. */
  start: number;
  end: number;
}

/** An ATX H1 line: `#`, blanks, then text; read where the content starts (sticky). */
const ATX_TITLE = /#[ \t]+([^ \t].*)(?:\r?\n|$)/dy;
/** A setext H1: one line of text underlined with `=`. */
const SETEXT_TITLE = /(.*)\r?\n=+(?:\r?\n|$)/dy;
/** A closing `{#id}` or `#` sequence of an ATX heading. */
const ATX_CLOSING = /\s*(?:\{#*[\w-]+\}|#+)$/;
const SETEXT_CLOSING = /\s*=+$/;
const INLINE_CODE = /`([^`]*)`/g;
/** `import` and a blank: an import block runs to the first empty line. */
const IMPORT_START = /import\s/y;
const EMPTY_LINE = /\r?\n\r?\n/g;
const LINE_BREAKS = /(?:\r?\n)+/y;
/** Whitespace as JavaScript's `trim` takes it (a byte order mark too). */
const BLANKS = /\s*/y;

export function docusaurusContentTitle(text: string, bodyOffset: number): ContentTitle | undefined {
  let at = skipBlanks(text, bodyOffset);
  // Import blocks, each ended by an empty line; one that reaches the end without one is content.
  for (IMPORT_START.lastIndex = at; IMPORT_START.test(text); IMPORT_START.lastIndex = at) {
    EMPTY_LINE.lastIndex = at;
    const empty = EMPTY_LINE.exec(text);
    // A line break of another kind (a lone CR, U+2028) ends no import block: it is content.
    if (empty === null || /\r(?!\n)|[\u2028\u2029]/.test(text.slice(at, empty.index))) break;
    LINE_BREAKS.lastIndex = empty.index;
    LINE_BREAKS.exec(text);
    at = LINE_BREAKS.lastIndex;
  }
  at = skipBlanks(text, at);
  ATX_TITLE.lastIndex = at;
  const atx = ATX_TITLE.exec(text);
  SETEXT_TITLE.lastIndex = at;
  const match = atx ?? SETEXT_TITLE.exec(text);
  if (match === null) return undefined;
  const written = match[1];
  const start = match.indices![1][0] + written.length - written.trimStart().length;
  const trimmed = written.trim().replace(atx !== null ? ATX_CLOSING : SETEXT_CLOSING, '');
  return { text: trimmed.replace(INLINE_CODE, '$1').trim(), start, end: start + trimmed.length };
}

function skipBlanks(text: string, at: number): number {
  BLANKS.lastIndex = at;
  BLANKS.exec(text);
  return BLANKS.lastIndex;
}
