import type { LineIndex, Range } from '../common/text';
import { DIRECTIVE_PREFIX, type CommentSpan } from './directives';
import { ShortcodeNotices } from './hugoShortcodes';
import { RawHtml } from './rawHtml';

export interface Heading {
  level: number;
  text: string;
  /** The whole heading line. */
  range: Range;
  /** Just the heading's text, without `#` markers. */
  textRange: Range;
  /** The text as written, where backslash escapes make it differ from `text` (`\\_init\\_`). */
  source?: string;
  /** The explicit heading id (`## Hello {#hello}`), where there is one. */
  id?: string;
}

export type LinkKind = 'inline' | 'wiki';

/** A Markdown link `[text](target)` or a wiki link `[[target|text]]`, with the places of its parts. */
export interface MarkdownLink {
  kind: LinkKind;
  text: string;
  target: string;
  /** The file a relative inline link points to, resolved once when its document is parsed. */
  targetUri?: string;
  /** Set on a reference definition's link (`[label]: target`), which Docusaurus does not make an asset of. */
  defined?: true;
  /** Set on a definition a link refers to (`[text][label]`, `[label][]`, `[label]`), not only an image (`![alt][label]`). */
  referenced?: true;
  /** Set on a definition an image refers to (`![alt][label]`, `![label]`): Hugo shows its target as an image; Docusaurus leaves the image as written. */
  imageReferenced?: true;
  /** Set when it lies in MDX's comment (`{/* … *\/}`): no link where the page is compiled as MDX. */
  inMdxComment?: true;
  /** Set on a link a `<Link>` element of the page's MDX collects (see `ComponentLink`): a URL as written, never a Markdown file's path, with no Markdown escapes. */
  component?: true;
  range: Range;
  textRange: Range;
  targetRange: Range;
}

/**
 * An inline image `![alt](target)`: Docusaurus makes its file part of the build and fails where
 * there is none. Reference images (`![alt][label]`) are left as written, by Docusaurus too.
 */
export interface MarkdownImage {
  /** As written, without angle brackets. */
  target: string;
  targetRange: Range;
  /** Set when it lies in MDX's comment (`{/* … *\/}`): no image where the page is compiled as MDX. */
  inMdxComment?: true;
  /** Set when it lies in raw HTML as CommonMark reads it (a block that starts with a tag, a tag): no image where the page is compiled as CommonMark. */
  inRawHtml?: true;
}

export interface Paragraph {
  /** The paragraph's Markdown, its lines joined by single spaces; where it ends in `:` or `,` and a list follows, the list too, line by line. */
  markdown: string;
  range: Range;
}

/** What shows no words of its own: images (linked or not), HTML tags and blanks. */
const DECORATION = /^(?:\[?!\[[^\]]*\]\([^()\s]*(?:\s+"[^"]*")?\)(?:\]\([^()\s]*\))?|<[^<>]*>|\s)*$/;
/** A paragraph wholly in italics of five words at most that is no sentence: a subtitle (`*Business Model*`, an English name), not a definition. */
const SUBTITLE = /^([*_])(?![*_\s])(?:[^*_\s]+\s+){0,4}[^*_\s]*[^*_\s.!?]\1$/;
/** A GitHub alert (`> [!WARNING]`, and the form before it, `> **Warning**`): a notice before the text, not a definition. */
const ALERT = /^(?:>[ \t]*)+(?:\[!(?:note|tip|important|warning|caution)\]|\*\*(?:note|tip|important|warning|caution):?\*\*)/i;
/** MDX's comments alone (`{/* truncate *\/}`), which show nothing. */
const MDX_COMMENTS = /^(?:\{\/\*(?:[^*]|\*(?!\/\}))*\*\/\}|\s)*$/;
/** The page's `<head>` (Docusaurus' `<Head>`): what it holds is metadata, never shown. */
const HEAD_ELEMENT = /^<head>[^]*<\/head>$/i;
/** A line closing an admonition: its colons alone. */
const ADMONITION_CLOSING = /^ {0,3}:{3,}[ \t]*$/;
/** The first line of a list item. */
const LIST_ITEM_LINE = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]/;

/** Half-open offset span [start, end) of text that is not prose: code, comments, URLs, link targets. */
export type Span = readonly [number, number];

export interface MarkdownBody {
  headings: Heading[];
  /** The body's first paragraph, if any. */
  leadParagraph: Paragraph | undefined;
  links: MarkdownLink[];
  /** Inline images, where there are any. */
  images?: MarkdownImage[];
  /** Spans where glossary terms must not be recognised, sorted, none overlapping another. */
  nonProse: Span[];
  /** The links that lead through a reference definition (`[text][label]`), where there are any. */
  references?: LinkReference[];
  /**
   * Anchors besides the headings' own, where there are any: the `id` attributes of HTML and JSX
   * elements (not in fenced code), each as `tag:id` (`details:more`), and '' for one that cannot be named:
   * an id an expression gives (`id={x}`), a heading in a quote or a list item, in an `mdx-code-block`
   * fence, which Docusaurus unwraps, or one MDX reads where CommonMark reads indented code (`headings`
   * leaves them out).
   */
  otherAnchors?: string[];
  /** Where the text holds Docusaurus's truncate marker (`<!-- truncate -->`, or MDX's comment of `truncate`), the first one: see `TRUNCATE_MARKER`. */
  truncateMarker?: Range;
}

/**
 * What Docusaurus's blog cuts a post at in its lists of posts (its `truncateMarker` by default):
 * the first match in the text after the front matter, wherever it lies, code or not.
 */
const TRUNCATE_MARKER = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/g;

/** A link by reference, `[text][label]`, `[label][]` or `[label]`, and the definition of its label. */
export interface LinkReference {
  range: Range;
  /** Inside the first brackets: what the page shows. */
  textRange: Range;
  definition: MarkdownLink;
}

/** A fence's run of backticks or tildes, at the start of a line's content (see `blockContent`). */
const FENCE_RUN = /^(`{3,}|~{3,})/;
const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
/** As MDX reads a heading, where no indented code is: after any blanks. */
const ATX_OPENING_ANY_INDENT = /^[ \t]*(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** Docusaurus admonitions (`:::info` … `:::`): the markers are not text, what they hold is. */
export const ADMONITION_MARKER = /^ {0,3}:::/;
const QUOTE_MARKER = /^ {0,3}> ?/;
/**
 * The first line of an MDX `import` or `export` statement (Docusaurus reads `.md` as MDX too), whose
 * lines run to the next blank line; not prose that starts with the word ("import the data").
 */
const MDX_STATEMENT = /^(?:import\s+(?:[\w$]+\s*(?:,|from\b)|\*\s*as\b|\{|["'])|export\s+(?:const|let|var|function|class|async|default|\{|\*))/;
/**
 * A link reference definition, `[label]: target "title"`, the whole line (a footnote's, `[^1]:
 * Text`, holds prose); its target may stand on the next line (`DEFINITION_TARGET`).
 */
const REFERENCE_DEFINITION = /^\[(?!\^)([^\]\n]+)\]:(?:[ \t]*(<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?)?[ \t]*$/d;
/** Whether a destination holds a Hugo shortcode's call (`{{< param url >}}/x`, `{{% ref "a.md" %}}`). */
function holdsShortcode(destination: string): boolean {
  return destination.includes('{{<') || destination.includes('{{%');
}

/**
 * A line with each Hugo shortcode on it (`{{< param x >}}`, `{{% x %}}`) made a run of `x` of its
 * length, which has no blank. One pass: a call never closed ends the search.
 */
function withShortcodesMasked(line: string): string {
  if (!line.includes('{{')) return line;
  let masked = '';
  let from = 0;
  for (let open = line.indexOf('{{', from); open !== -1; open = line.indexOf('{{', from)) {
    const delimiter = line[open + 2];
    if (delimiter !== '<' && delimiter !== '%') {
      masked += line.slice(from, open + 2);
      from = open + 2;
      continue;
    }
    const close = line.indexOf(`${delimiter === '<' ? '>' : '%'}}}`, open + 3);
    if (close === -1) break;
    masked += line.slice(from, open) + 'x'.repeat(close + 3 - open);
    from = close + 3;
  }
  return masked + line.slice(from);
}
const DEFINITION_TARGET = /^[ \t]*(<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/d;
/** An HTML or JSX tag on one line: `<b>`, `</b>`, `<TabItem label="x">`, `<br/>`. */
const TAG = /<\/?[A-Za-z][^<>\n]*>/g;
const FOOTNOTE_LABEL = /\[\^[^[\]\n]*\]/g;
/** A list item's marker, with a blank and content after it, or alone on its line (an item whose content starts below). */
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])(?=[ \t]+\S|[ \t]*$)/;
// Each pattern stays linear on any line: no part of a match may run past the place where the next
// attempt starts, and no two quantifiers may share a run of characters. So link text may hold one
// level of brackets ("[a [b] c](x)") but no unpaired "[", a destination in <> and a title in ()
// hold no "<" or "(" (as in CommonMark), and the blanks after "(" are all taken or none of them.
const INLINE_LINK = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\([ \t]*(?![ \t])(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)/dg;
// Not before `(`: `[[source]](url)` is a Markdown link whose text is `[source]`.
const WIKI_LINK = /\[\[([^[\]|\n]+)(?:\|([^[\]\n]+))?\]\](?!\()/dg;
/** ASCII punctuation, which a backslash escapes (CommonMark). */
export const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** A character reference at the start of a text (CommonMark): `&amp;`, `&#35;`, `&#x1F600;`. */
export const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The character a reference (`&#35;`, `&#x23;`, `&lt;`) stands for, as CommonMark reads it; undefined
 * for a named one other than XML's five, whose character is not known here (see `htmlEntities.ts`).
 */
export function referencedCharacter(reference: string): string | undefined {
  const numeric = /^&#(?:(\d+)|[xX]([\da-fA-F]+));$/.exec(reference);
  if (numeric === null) return XML_ENTITIES[reference.slice(1, -1)];
  const code = Number.parseInt(numeric[1] ?? numeric[2], numeric[1] === undefined ? 16 : 10);
  // 0 and what is no Unicode scalar value become U+FFFD.
  return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
}
/** A backslash escape of ASCII punctuation (CommonMark): `\]`, `\#`, `\\`. */
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const BARE_URL = /\b(?:https?|ftp|mailto):[^\s<>)\]]+|\bwww\.[^\s<>)\]]+/g;

/** The text a piece of inline Markdown stands for, as names are compared: its backslash escapes resolved. */
export function unescapeMarkdown(text: string): string {
  return text.includes('\\') ? text.replace(BACKSLASH_ESCAPE, '$1') : text;
}

/**
 * Inline Markdown read as plain text, for a tooltip: the texts of links and wiki links without
 * their targets, no images, no bold or code markers, backslash escapes resolved.
 */
export function plainText(markdown: string): string {
  const withoutLinks = markdown
    .replace(INLINE_LINK, (_whole: string, bang: string, text: string) => (bang === '' ? text : ''))
    .replace(WIKI_LINK, (_whole: string, target: string, alias: string | undefined) => alias ?? target);
  return unescapeMarkdown(withoutLinks.replace(/\*\*|__|`/g, ''));
}

/**
 * Plain text written as link text that reads back as itself: backslashes, brackets, backticks and
 * `<` escaped, which would end the link or start code, another link or HTML, `|`, which would end a
 * table's cell, `{` and `}`, which MDX reads as an expression, `*`, an `_` at the edge of a word
 * (emphasis), `~` (GFM's strikethrough) and an `&` that starts an entity (`&amp;`).
 */
export function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]`<|{}*~]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_|&(?=#?\w+;)/gu, '\\$&');
}

/** A wiki link's target split at its first `#`: the name of the term, and the part of it (`#Ziele`, or empty). */
export function wikiLinkParts(target: string): { name: string; fragment: string } {
  const hash = target.indexOf('#');
  return hash === -1 ? { name: target, fragment: '' } : { name: target.slice(0, hash), fragment: target.slice(hash) };
}

/** A wiki link's target as MDX reads it as text: its `<`, braces and backslashes escaped (names are compared by their words). */
export function escapeWikiTargetForMdx(text: string): string {
  return text.replace(/[\\<{}]/g, '\\$&');
}

/** The first character of a text that a wiki link cannot hold: it would end the target (`|`, `#`, `]`, a line break) or the link. */
export function wikiLinkCannotHold(text: string): string | undefined {
  return /[|#[\]\n]/.exec(text)?.[0];
}

/**
 * Plain text written as heading text that reads back as itself: as link text, a final `#`, which
 * would close an ATX heading, and a first list, quote or heading marker, which would turn the
 * first line of a setext heading (`1. FC Köln` over `===`) into another block.
 */
export function escapeHeadingText(text: string): string {
  return escapeLinkText(text)
    .replace(/#$/, '\\#')
    .replace(/^(?:(\d{1,9})([.)])|([-+*]|#{1,6}))(?=[ \t]|$)|^>/, (marker, digits?: string, delimiter?: string) => (digits !== undefined ? `${digits}\\${delimiter}` : `\\${marker}`));
}

/**
 * An ATX heading's level and text, without the blanks and the closing #s around it (CommonMark).
 * Read by hand: the regular expression for it backtracks quadratically on a long line of blanks.
 */
function atxHeading(line: string, anyIndent = false): { level: number; text: string; textOffset: number; id?: string } | undefined {
  const opening = (anyIndent ? ATX_OPENING_ANY_INDENT : ATX_OPENING).exec(line);
  if (opening === null) return undefined;
  const contentStart = opening[0].length;
  const isBlank = (offset: number) => line[offset] === ' ' || line[offset] === '\t';
  let end = line.length;
  while (end > contentStart && isBlank(end - 1)) end--;
  // A closing run of #s counts when a blank (or the opening) comes before it: "# C#" keeps its #.
  let hashes = end;
  while (hashes > contentStart && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === contentStart || isBlank(hashes - 1))) end = hashes;
  while (end > contentStart && isBlank(end - 1)) end--;
  let textOffset = contentStart;
  while (textOffset < end && isBlank(textOffset)) textOffset++;
  const explicit = explicitHeadingId(line, textOffset, end);
  return { level: opening[1].length, text: line.slice(textOffset, explicit.end), textOffset, ...(explicit.id === undefined ? {} : { id: explicit.id }) };
}

/**
 * Where a heading's text ends before an explicit heading id (`## Hello {#hello}`, as Docusaurus
 * and Hugo read it; `\{#hello}` in MDX), and the blanks before it: the id is no part of the text.
 * `end` and no id without one.
 */
function explicitHeadingId(text: string, start: number, end: number): { end: number; id?: string } {
  if (text[end - 1] !== '}') return { end };
  const open = text.lastIndexOf('{#', end - 1);
  if (open < start || /[{}\s]/.test(text.slice(open + 2, end - 1)) || open + 2 === end - 1) return { end };
  // In MDX the brace is escaped (`\{#hello}`): the backslash goes with the id.
  let before = open > start && text[open - 1] === '\\' ? open - 1 : open;
  while (before > start && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  return { end: before, id: text.slice(open + 2, end - 1) };
}

/** A heading of `written` text (escapes resolved), with the text as written where escapes change it and its explicit id. */
function headingOf(level: number, written: string, id: string | undefined, range: Range, textRange: Range): Heading {
  const heading: Heading = { level, text: unescapeMarkdown(written), range, textRange };
  if (heading.text !== written) heading.source = written;
  if (id !== undefined) heading.id = id;
  return heading;
}

/**
 * The code span that a run of backticks at `at` opens in inline Markdown, by CommonMark's rule (the
 * next run of the same length closes it): its text (one blank taken off each side where both are
 * there and it is not all blanks) and where it ends; the run's length where no run closes it, so
 * that the caller can take the run as text. Each call searches the rest of the text: a caller
 * walking a text of n characters takes up to n^1.5 steps, so give it a heading's text (see
 * `MAX_INLINE_TEXT`), not a page.
 */
export function codeSpanAt(markdown: string, at: number): { text: string; end: number } | { run: number } {
  let run = 1;
  while (markdown[at + run] === '`') run++;
  for (let close = markdown.indexOf('`', at + run); close !== -1; ) {
    let length = 1;
    while (markdown[close + length] === '`') length++;
    if (length === run) {
      const code = markdown.slice(at + run, close);
      const text = code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
      return { text, end: close + run };
    }
    close = markdown.indexOf('`', close + length);
  }
  return { run };
}

/** The longest inline Markdown read character by character as one heading's text (`codeSpanAt`): longer, it is no heading anyone writes. */
export const MAX_INLINE_TEXT = 1000;

/**
 * The code spans of a line, by CommonMark's rule: a run of backticks opens a span that the next
 * run of the same length closes; a run without one is text. A backslash before a run escapes its
 * first backtick, so the rest of the run opens; within a span a backslash is code, so a run after
 * one still closes. Linear, where a regular expression backtracks quadratically over a line of
 * many backticks.
 */
function codeSpansOf(line: string, lineStart: number): Span[] {
  const runs: Array<{ start: number; length: number; escaped: boolean }> = [];
  for (let at = line.indexOf('`'); at !== -1; ) {
    let after = at;
    while (line.charCodeAt(after) === 96 /* ` */) after++;
    runs.push({ start: at, length: after - at, escaped: escapedAt(line, at) });
    at = line.indexOf('`', after);
  }
  // For each run as an opener (an escaped one a backtick shorter), the next run of that length, found in one pass from the end.
  const closer: Array<number | undefined> = new Array(runs.length);
  const nextOfLength = new Map<number, number>();
  for (let run = runs.length - 1; run >= 0; run--) {
    const { length, escaped } = runs[run];
    closer[run] = escaped && length === 1 ? undefined : nextOfLength.get(escaped ? length - 1 : length);
    nextOfLength.set(length, run);
  }
  const spans: Span[] = [];
  for (let run = 0; run < runs.length; ) {
    const close = closer[run];
    if (close === undefined) {
      run++;
      continue;
    }
    spans.push([lineStart + runs[run].start + (runs[run].escaped ? 1 : 0), lineStart + runs[close].start + runs[close].length]);
    run = close + 1;
  }
  return spans;
}

/** Whether the character at `at` is escaped: an odd number of backslashes stands right before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes > 0 && text.charCodeAt(at - backslashes - 1) === 92 /* \ */) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Whether a line leaves a run of backticks unclosed: a code span may go on to a later line of its
 * paragraph, and text put at the line's end would be code.
 */
export function leavesCodeSpanOpen(line: string): boolean {
  const spans = codeSpansOf(line, 0);
  for (let at = line.indexOf('`'); at !== -1; at = line.indexOf('`', at + 1)) {
    if (!isInSpans(spans, at) && !escapedAt(line, at)) return true;
  }
  return false;
}

/** Whether an offset lies in one of a sorted list of disjoint spans. */
function isInSpans(spans: readonly Span[], offset: number): boolean {
  return overlapsSpans(spans, offset, offset + 1);
}

/** Whether `[start, end)` overlaps one of a sorted list of disjoint spans: a binary search for the first span that ends after `start`. */
export function overlapsSpans(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle][1] <= start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low][0] < end;
}

/** Rewrites the target of every inline link and image in a piece of Markdown. */
export function mapLinkTargets(markdown: string, map: (target: string) => string): string {
  return markdown.replace(INLINE_LINK, (whole: string, _bang: string, _text: string, rawTarget: string) => {
    const target = rawTarget.startsWith('<') ? rawTarget.slice(1, -1) : rawTarget;
    const mapped = map(target);
    if (mapped === target) return whole;
    const targetStart = whole.indexOf(rawTarget, whole.indexOf(']('));
    return whole.slice(0, targetStart) + mapped + whole.slice(targetStart + rawTarget.length);
  });
}

/**
 * Reads the parts of a Markdown body the glossary needs, line by line and in linear time.
 * It is deliberately forgiving: anything it does not recognise is prose. `directiveComments`
 * receives the text of each comment on one line outside code that may be a directive: HTML
 * comments and MDX's `{/* … *\/}`. `asMdx`: read as MDX reads it, with no indented code (a line
 * indented four blanks is text, a fence indented so opens and closes).
 */
export function scanMarkdown(text: string, bodyOffset: number, lines: LineIndex, directiveComments: CommentSpan[] = [], asMdx = false, hugo = false): MarkdownBody {
  const headings: Heading[] = [];
  const links: MarkdownLink[] = [];
  const images: MarkdownImage[] = [];
  const nonProse: Span[] = [];
  /** The labels of the reference definitions, by their links. */
  const definitionLabels = new Map<MarkdownLink, string>();
  /** Links whose text runs over lines (`linksOverLines`): merged into `links`, in the order of the text, at the end. */
  const overLines: MarkdownLink[] = [];
  let leadParagraph: Paragraph | undefined;
  let paragraphLines: Array<{ start: number; end: number }> = [];
  // The container of the paragraph being read, as its first line had it: its quotes, the column of the list item's content holding it,
  // and where its text starts (after a list item's marker).
  let paragraphContainer: { quotes: number; column: number | undefined; textStart: number } = { quotes: 0, column: undefined, textStart: 0 };
  // A fence ends at its closing fence, or where the quote or list item it lies in ends.
  // `unwrapped`: an `mdx-code-block` fence, whose content Docusaurus unwraps into the page.
  let fence: { marker: string; start: number; end: number; column: number; quotes: number; listColumn: number | undefined; unwrapped: boolean } | undefined;
  let commentStart: number | undefined;
  // The column where the content of the list item that may hold the line starts (after its marker).
  let listColumn: number | undefined;
  // Those of the list items that may hold the line, the innermost last: a line after a blank less indented
  // than an item's content leaves it for the item around it (a nested list's end, spinnaker's docs).
  const listColumns: number[] = [];
  let afterBlank = false;
  // Inside an MDX statement, which runs to a blank line.
  let inStatement = false;
  // The fenced code blocks, in order: an `id=` there is code.
  const fences: Span[] = [];
  // Where `scanInline` found HTML and JSX tags: MDX reads their attributes as code (see `leaveOutMdxCode`).
  const tagStarts = new Set<number>();
  // Whether a quote, a list item, an `mdx-code-block` fence or indented code may hold a heading as MDX reads it, which `headings` leaves out.
  let containedHeading = false;
  // An HTML block that lines go on (see `htmlBlockOpening`): what ends it, `blank` a blank line.
  let htmlBlock: RegExp | 'blank' | undefined;
  // The container the HTML block lies in: its quotes, and the column of the list item's content that holds it.
  let htmlContainer: { quotes: number; column: number | undefined } = { quotes: 0, column: undefined };

  // The lead paragraph ends in `:` or `,`: a list right after it belongs to it.
  let leadIntroducesList = false;
  // On a Hugo page, the paragraphs a shortcode's notice takes before the first words.
  const shortcodeNotices = hugo ? new ShortcodeNotices(text, bodyOffset) : undefined;
  // How many admonitions (`:::note` … `:::`) hold the line: a notice before the first words, as an alert is.
  let admonitionDepth = 0;
  // The first notice with words of its own: the definition where the page has no other words.
  let firstNotice: Paragraph | undefined;
  const closeParagraph = () => {
    if (paragraphLines.length === 0) return;
    if (paragraphLines.length > 1) {
      codeSpansOverLines(text, paragraphLines, lines, nonProse);
      linksOverLines(text, paragraphLines, lines, overLines, images, nonProse);
    }
    const first = paragraphLines[0];
    const last = paragraphLines[paragraphLines.length - 1];
    if (leadParagraph === undefined) {
      const markdown = paragraphLines.map((line) => text.slice(line.start, line.end).trim()).join(' ');
      // An image or a banner above the first words says nothing the hover can show, nor does a subtitle or a notice.
      const shortcodeNotice = shortcodeNotices?.isNotice(first.start, last.end);
      const shows = shortcodeNotice !== 'calls' && !DECORATION.test(markdown) && !(asMdx && MDX_COMMENTS.test(markdown)) && !HEAD_ELEMENT.test(markdown);
      const notice = shortcodeNotice === 'notice' || admonitionDepth > 0 || ALERT.test(markdown);
      if (shows && !notice && !SUBTITLE.test(markdown)) {
        leadParagraph = { markdown, range: lines.rangeAt(first.start, last.end) };
        leadIntroducesList = /[:,]$/.test(markdown);
      } else if (shows && notice) {
        firstNotice ??= { markdown, range: lines.rangeAt(first.start, last.end) };
      }
    } else if (leadIntroducesList) {
      leadIntroducesList = false;
      // The list right after it, blank lines between and nothing else (no heading, code or admonition).
      const between = text.slice(lines.offsetAt(leadParagraph.range.end), first.start);
      if (between.trim() === '' && LIST_ITEM_LINE.test(text.slice(first.start, first.end))) {
        const list = paragraphLines.map((line) => text.slice(line.start, line.end).trimEnd()).join('\n');
        leadParagraph = { markdown: `${leadParagraph.markdown}\n\n${list}`, range: lines.rangeAt(lines.offsetAt(leadParagraph.range.start), last.end) };
      }
    }
    paragraphLines = [];
  };

  const firstLine = lines.positionAt(bodyOffset).line;
  for (let lineNumber = firstLine; lineNumber < lines.lineCount; lineNumber++) {
    const start = Math.max(lines.lineStartOffset(lineNumber), bodyOffset);
    const end = lines.lineEndOffset(lineNumber);
    const line = text.slice(start, end);

    if (fence !== undefined) {
      // Inside the fence, only its own quotes' markers are containers: a `>` past them is code.
      const inFence = quoteStripped(line, fence.quotes);
      const blank = inFence.rest.trim() === '';
      const leavesContainer = inFence.quotes < fence.quotes || (fence.listColumn !== undefined && !blank && inFence.column < fence.listColumn);
      if (!leavesContainer) {
        const closing = FENCE_RUN.exec(inFence.rest.slice(inFence.indent));
        const closes = closing !== null && closing[1][0] === fence.marker[0] && closing[1].length >= fence.marker.length && inFence.rest.trim() === closing[1];
        // MDX reads no indented code: there a fence indented further closes too.
        if (closes && (asMdx || inFence.column <= fence.column + 3)) {
          fences.push([fence.start, end]);
          nonProse.push([fence.start, end]);
          if (fence.unwrapped && mayHoldAnchors(text.slice(fence.start, end))) containedHeading = true;
          fence = undefined;
        } else {
          // MDX reads no indented code: there a fence indented further closes, and the headings after it are the page's.
          if (closes) containedHeading = true;
          fence.end = end;
        }
        continue;
      }
      // The quote or the list item ended, and with it the fence: the line is read as any other.
      fences.push([fence.start, fence.end]);
      nonProse.push([fence.start, fence.end]);
      if (fence.unwrapped && mayHoldAnchors(text.slice(fence.start, fence.end))) containedHeading = true;
      fence = undefined;
    }
    const block = blockContent(line);
    if (commentStart !== undefined) {
      const close = line.indexOf('-->');
      if (close === -1) continue;
      nonProse.push([commentStart, start + close + 3]);
      commentStart = undefined;
      continue;
    }

    // A line of a quote it is not in, or less indented than the list item's content, leaves the block's container, and the block.
    // Markers of a deeper quote than the block's own are its text (`<div>⏎> [x](y.md)`: raw HTML), where no list item holds it.
    const deeperQuote = block.quotes > htmlContainer.quotes && htmlContainer.column === undefined;
    const inHtmlContainer = deeperQuote || (block.quotes === htmlContainer.quotes && (htmlContainer.column === undefined || block.rest.trim() === '' || block.restColumn >= htmlContainer.column));
    if (htmlBlock !== undefined && inHtmlContainer && !(htmlBlock === 'blank' && block.rest.trim() === '' && !deeperQuote)) {
      // Raw HTML, no Markdown: no link, image, heading or mention; its comments may still be directives.
      nonProse.push([start, end]);
      if (line.includes(DIRECTIVE_PREFIX)) commentsOn(line, start, directiveComments);
      if (htmlBlock !== 'blank' && htmlBlock.test(line)) htmlBlock = undefined;
      continue;
    }
    htmlBlock = undefined;

    // A blank line, or one of a quote (`>` alone): it ends a paragraph.
    if (block.rest.trim() === '' && block.itemColumn === undefined) {
      closeParagraph();
      afterBlank = true;
      inStatement = false;
      continue;
    }
    if (inStatement) {
      nonProse.push([start, end]);
      continue;
    }
    if (block.itemColumn !== undefined) {
      // An item ends the items whose content starts right of its marker (its siblings, theirs), and lies in the others.
      while (listColumns.length > 0 && listColumns[listColumns.length - 1] > block.restColumn) listColumns.pop();
      listColumns.push(block.itemColumn);
    } else if (afterBlank || paragraphLines.length === 0 || FENCE_RUN.test(block.text) || ATX_OPENING.test(block.text)) {
      // Only a paragraph's text goes on lazily left of an item's content: any other line there (after a
      // fence or a heading, or a fence or a heading itself) ends the item (adguard-dns' `# x` after an
      // item's fence is a heading, and the fence after it opens outside the item).
      while (listColumns.length > 0 && block.restColumn < listColumns[listColumns.length - 1]) listColumns.pop();
    }
    listColumn = listColumns[listColumns.length - 1];
    afterBlank = false;
    // The column the line's content starts at, relative to the list item that holds it, if any.
    const contentColumn = block.itemColumn ?? block.restColumn;
    const relative = listColumn !== undefined && contentColumn >= listColumn ? contentColumn - listColumn : contentColumn;
    // An HTML block as CommonMark reads it, at the top level, in a quote or in a list item (indented at most three blanks past its content's column).
    const opening = !asMdx && relative <= 3 ? htmlBlockOpening(block.text, paragraphLines.length > 0) : undefined;
    if (opening !== undefined) {
      closeParagraph();
      htmlContainer = { quotes: block.quotes, column: listColumn !== undefined && contentColumn >= listColumn ? listColumn : undefined };
      nonProse.push([start, end]);
      if (line.includes(DIRECTIVE_PREFIX)) commentsOn(line, start, directiveComments);
      if (opening === 'blank' || !opening.test(block.text.slice(1))) htmlBlock = opening;
      continue;
    }
    // MDX reads no indented code: a heading indented four blanks or more is one there (in a `<TabItem>`).
    // In MDX, outside lists and quotes, it is a heading as any (`headingIndentedInMdx`).
    const headingIndentedInMdx = asMdx && listColumn === undefined && block.quotes === 0 && block.itemColumn === undefined;
    if (relative >= 4 && !headingIndentedInMdx && /^#{1,6}(?:[ \t]|$)/.test(block.text)) containedHeading = true;
    // A fence in a quote or a list item as well: `> ````, `- ```` and a fence indented under an item.
    // A backtick fence's info string holds no backtick: "```npm i``` installs" is a code span.
    const fenceRun = asMdx || relative <= 3 ? FENCE_RUN.exec(block.text) : null;
    const fenceOpen = fenceRun !== null && (fenceRun[1][0] !== '`' || !block.text.includes('`', fenceRun[1].length)) ? fenceRun : null;
    if (fenceOpen) {
      closeParagraph();
      // Docusaurus unwraps an `mdx-code-block` fence: its headings and ids are the page's, which `headings` and `elementIdsIn` leave out (see `mayHoldAnchors`).
      const unwrapped = /^[ \t]*mdx-code-block/.test(block.text.slice(fenceOpen[1].length));
      fence = { marker: fenceOpen[1], start, end, column: contentColumn, quotes: block.quotes, listColumn: listColumn !== undefined && contentColumn >= listColumn ? listColumn : undefined, unwrapped };
      continue;
    }
    if (!asMdx && paragraphLines.length === 0 && relative >= 4) {
      nonProse.push([start, end]);
      continue;
    }
    // An underline is no lazy line: one outside the paragraph's quote or list item (`- Punkt` over
    // `---` at the margin) ends the paragraph's container, and is a rule (yunikorn's docs).
    const lazy = block.quotes < paragraphContainer.quotes || (paragraphContainer.column !== undefined && block.restColumn < paragraphContainer.column);
    const underline = paragraphLines.length > 0 && !lazy ? line.match(SETEXT_UNDERLINE) : null;
    if (underline) {
      // The paragraph so far was a setext heading ("Title\n=====", "Section\n-----").
      // Its text starts after a list item's marker (`- Punkt` over `  ---`: `Punkt`).
      const first = paragraphLines[0];
      const last = paragraphLines[paragraphLines.length - 1];
      const explicit = explicitHeadingId(text, last.start, last.end);
      const textStart = paragraphContainer.textStart;
      headings.push(headingOf(underline[1].startsWith('=') ? 1 : 2, text.slice(textStart, explicit.end).trim(), explicit.id, lines.rangeAt(first.start, end), lines.rangeAt(textStart, explicit.end)));
      if (explicit.id !== undefined) nonProse.push([explicit.end, last.end]);
      paragraphLines = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line) || ADMONITION_MARKER.test(line)) {
      closeParagraph();
      if (ADMONITION_MARKER.test(line)) admonitionDepth = ADMONITION_CLOSING.test(line) ? Math.max(0, admonitionDepth - 1) : admonitionDepth + 1;
      continue;
    }
    if ((block.quotes > 0 || block.itemColumn !== undefined) && ATX_OPENING.test(block.text)) containedHeading = true;
    const heading = atxHeading(line, headingIndentedInMdx);
    if (heading) {
      closeParagraph();
      const headingText = heading.text;
      const textStart = headingText === '' ? end : start + heading.textOffset;
      headings.push(headingOf(heading.level, headingText, heading.id, lines.rangeAt(start, end), lines.rangeAt(textStart, textStart + headingText.length)));
      // Its explicit id (`{#cgroup-v2}`) is no text on the page.
      if (heading.id !== undefined) nonProse.push([textStart + headingText.length, end]);
      // A heading holds inline Markdown as a paragraph does: code spans, links, comments.
      commentStart = scanInline(line, start, lines, links, images, nonProse, tagStarts, hugo);
      continue;
    }

    // MDX statements and link reference definitions are no text on the page (they start a block).
    if (paragraphLines.length === 0 && block.quotes === 0 && block.itemColumn === undefined && block.restIndent === 0 && MDX_STATEMENT.test(line)) {
      nonProse.push([start, end]);
      inStatement = true;
      continue;
    }
    // A Hugo shortcode in the target (`[2]: {{< param repo >}}/tree/main`) is replaced before Markdown is read: its blanks end no target.
    const definition = paragraphLines.length === 0 && (asMdx || relative <= 3) ? REFERENCE_DEFINITION.exec(hugo ? withShortcodesMasked(block.text) : block.text) : null;
    if (definition !== null) {
      const textStart = start + line.length - block.text.length;
      if (definition[2] !== undefined) {
        nonProse.push([start, end]);
        const written = block.text.slice(definition.indices![2][0], definition.indices![2][1]);
        const defined = definedLink(textStart + definition.indices![1][1], written, textStart + definition.indices![2][0], start, end, lines);
        // Defined all the same (`[text][label]` refers to it), but no link to judge or rewrite: Hugo's shortcode writes its destination.
        if (!hugo || !holdsShortcode(written)) links.push(defined);
        // The label as written, not as masked (`[{{< x >}}]: /u`).
        definitionLabels.set(defined, block.text.slice(definition.indices![1][0], definition.indices![1][1]));
        continue;
      }
      // `[label]:` alone: its target on the next line.
      const next = lineNumber + 1 < lines.lineCount ? text.slice(lines.lineStartOffset(lineNumber + 1), lines.lineEndOffset(lineNumber + 1)) : '';
      const target = DEFINITION_TARGET.exec(next);
      if (target !== null) {
        const nextStart = lines.lineStartOffset(lineNumber + 1);
        const nextEnd = lines.lineEndOffset(lineNumber + 1);
        nonProse.push([start, nextEnd]);
        const defined = definedLink(textStart + definition.indices![1][1], target[1], nextStart + target.indices![1][0], start, nextEnd, lines);
        links.push(defined);
        definitionLabels.set(defined, definition[1]);
        lineNumber++;
        continue;
      }
    }
    const openComment = scanInline(line, start, lines, links, images, nonProse, tagStarts, hugo);
    if (line.includes(DIRECTIVE_PREFIX)) commentsOn(line, start, directiveComments);
    if (openComment !== undefined) {
      commentStart = openComment;
      closeParagraph();
      continue;
    }
    if (paragraphLines.length === 0) paragraphContainer = { quotes: block.quotes, column: listColumn, textStart: start + line.length - block.text.length };
    paragraphLines.push({ start, end });
  }
  closeParagraph();
  leadParagraph ??= firstNotice;
  if (overLines.length > 0) {
    links.push(...overLines);
    links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  if (fence !== undefined) {
    fences.push([fence.start, fence.listColumn === undefined && fence.quotes === 0 ? text.length : fence.end]);
    nonProse.push(fences[fences.length - 1]);
    if (fence.unwrapped && mayHoldAnchors(text.slice(...fences[fences.length - 1]))) containedHeading = true;
  }
  if (commentStart !== undefined) nonProse.push([commentStart, text.length]);
  if (text.includes('<', bodyOffset) && tagStarts.size > 0) markStylesAndScripts(text, bodyOffset, nonProse, tagStarts, asMdx);
  mergeInPlace(nonProse);
  if (asMdx && (text.includes('{', bodyOffset) || text.includes('<', bodyOffset))) leaveOutMdxCode(text, bodyOffset, lines, nonProse, tagStarts, { images, links, headings });
  if (text.includes('/*', bodyOffset) && markInMdxComments(text, bodyOffset, lines, nonProse, { images, links, headings })) containedHeading = true;
  if (images.length > 0 && text.includes('<', bodyOffset)) markImagesInRawHtml(text, bodyOffset, lines, images);
  if (definitionLabels.size > 0) dropFullReferenceLabels(text, lines, links, definitionLabels);
  const references = definitionLabels.size > 0 ? referencesTo(text, bodyOffset, lines, nonProse, definitionLabels) : [];
  // HTML's attribute names are in any case (`<A ID="x">` on a page compiled as CommonMark), JSX's as written.
  const otherAnchors = hasIdAttribute(text, bodyOffset, !asMdx) ? elementIdsIn(text, bodyOffset, fences, containedHeading, !asMdx) : containedHeading ? [''] : [];
  const truncateMarker = text.includes('truncate', bodyOffset) ? truncateMarkerIn(text, bodyOffset, lines) : undefined;
  return { headings, leadParagraph, links, nonProse, ...(images.length === 0 ? {} : { images }), ...(references.length === 0 ? {} : { references }), ...(otherAnchors.length === 0 ? {} : { otherAnchors }), ...(truncateMarker === undefined ? {} : { truncateMarker }) };
}

function truncateMarkerIn(text: string, from: number, lines: LineIndex): Range | undefined {
  TRUNCATE_MARKER.lastIndex = from;
  const marker = TRUNCATE_MARKER.exec(text);
  return marker === null ? undefined : { start: lines.positionAt(marker.index), end: lines.positionAt(marker.index + marker[0].length) };
}

/**
 * The content of `<style>` and `<script>` elements, CSS and JavaScript in any reading of the page
 * (an element in MDX, inline HTML in CommonMark, where a block they open is raw HTML already): no
 * prose, up to the closing tag or the end of the text. Only tags the scan found (`tagStarts`: not
 * in code, not escaped); MDX's `<Style>` is a component. One pass over the text.
 */
function markStylesAndScripts(text: string, from: number, nonProse: Span[], tagStarts: ReadonlySet<number>, asMdx: boolean): void {
  const searched = asMdx ? text : text.toLowerCase();
  if (!searched.includes('<style', from) && !searched.includes('<script', from)) return;
  const opening = /<(style|script)(?=[\s>\/])/g;
  opening.lastIndex = from;
  for (let match = opening.exec(searched); match !== null; match = opening.exec(searched)) {
    if (!tagStarts.has(match.index) || text[match.index - 1] === '\\') continue;
    const close = searched.indexOf(`</${match[1]}`, opening.lastIndex);
    const end = close === -1 ? text.length : close;
    nonProse.push([match.index, end]);
    opening.lastIndex = end;
  }
}

/**
 * The `id=` attributes from `from` on with their elements' tags, as `otherAnchors` holds them (not
 * in fenced code, `fences`); [''] alone where an anchor cannot be named: an id an expression gives,
 * or one whose tag does not open within `MAX_TAG_BEFORE_ID` characters before it.
 */
function elementIdsIn(text: string, from: number, fences: readonly Span[], unnamed: boolean, anyCase: boolean): string[] {
  if (unnamed) return [''];
  const ids: string[] = [];
  const attribute = new RegExp(ID_ATTRIBUTE.source, anyCase ? 'gi' : 'g');
  attribute.lastIndex = from;
  for (let match = attribute.exec(text); match !== null; match = attribute.exec(text)) {
    if (isInSpans(fences, match.index)) continue;
    if (match[3] !== undefined) return [''];
    // Looked for close by only, so that many ids after one `<` take time linear in the text.
    const before = text.slice(Math.max(from, match.index - MAX_TAG_BEFORE_ID), match.index);
    const open = before.lastIndexOf('<');
    if (open === -1) {
      if (before.length === MAX_TAG_BEFORE_ID) return [''];
      continue;
    }
    const inTag = /^<([A-Za-z][\w.-]*)\s[^<>]*$/.exec(before.slice(open));
    if (inTag) ids.push(`${inTag[1]}:${match[1] ?? match[2]}`);
  }
  return ids;
}

/**
 * Whether the content of an `mdx-code-block` fence (its fence lines too), which Docusaurus unwraps
 * into the page, may give the page an anchor: a line that may be a heading (ATX, in a quote or a
 * list item too; a setext underline) or an `id=`, outside the fences it holds itself. One that holds
 * only elements, text and code (`<div class="text--center">` around an image) adds none.
 */
function mayHoldAnchors(fenced: string): boolean {
  const lines = fenced.split(/\r?\n/).slice(1);
  let inner: string | undefined;
  for (const line of lines) {
    const run = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (inner !== undefined) {
      if (run !== undefined && run[0] === inner[0] && run.length >= inner.length && line.trim().endsWith(run)) inner = undefined;
      continue;
    }
    if (run !== undefined) {
      inner = run;
      continue;
    }
    if (/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#{1,6}(?:[ \t]|$)/.test(line) || /^[ \t>]*(?:=+|-+)[ \t]*$/.test(line) || /(?<![\w-])id\s*=/i.test(line)) return true;
  }
  return false;
}

/** An `id=` attribute and its value: in double or single quotes, or an expression's `{`. */
const ID_ATTRIBUTE = /(?<![\w-])id=(?:"([^"\n]*)"|'([^'\n]*)'|(\{))/;

/** Whether the text holds `id=` from `from` on (`anyCase`: `ID=` too). */
function hasIdAttribute(text: string, from: number, anyCase: boolean): boolean {
  if (!anyCase) return text.includes('id=', from);
  const attribute = /id=/gi;
  attribute.lastIndex = from;
  return attribute.test(text);
}

/** How far before an `id=` its element's tag is looked for: farther, the id is taken for one that cannot be named. */
const MAX_TAG_BEFORE_ID = 1000;

/**
 * Sorts spans by their starts and merges those that overlap, in place: a URL inside a code span
 * stays inside it, so a binary search (`isInSpans`) finds every offset any of them covers.
 */
function mergeInPlace(spans: Span[]): void {
  spans.sort((a, b) => a[0] - b[0]);
  let kept = 0;
  for (const span of spans) {
    const last = spans[kept - 1];
    if (last !== undefined && span[0] <= last[1]) spans[kept - 1] = [last[0], Math.max(last[1], span[1])];
    else spans[kept++] = span;
  }
  spans.length = kept;
}

/** A task list item's checkbox (GFM): `- [ ]`, `1. [x]`, the item's marker alone before it on its line. */
const TASK_MARKER_BEFORE = /(?:^|\n)[ \t]*(?:>[ \t]*)*(?:[-+*]|\d{1,9}[.)])[ \t]+$/;
/** CommonMark's bound on a link label's length. */
const MAX_LABEL_LENGTH = 999;
/** Brackets open at once, at most: a line of thousands of `[` is no link text. */
const MAX_OPEN_BRACKETS = 1000;

/** A label as CommonMark matches it: its blanks (space, tab, line breaks) collapsed, case folded (`ß` as `SS`, as markdown-it folds it). */
const labelKey = (label: string) => label.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();

/**
 * The links by reference to a defined label, full (`[text][label]`), collapsed (`[label][]`) or
 * shortcut (`[label]`), outside code and comments, whose definitions it marks as referenced. Their
 * text, and an image's by reference (`![alt][label]`), is a link's, not prose: it joins `nonProse`,
 * kept merged. Read as CommonMark reads brackets, in one pass: a backslash escapes one, a blank line
 * ends a paragraph and the brackets open in it, brackets pair innermost first, and a link holds no
 * link (`[Thema [Nearshoring]][o]` links `Nearshoring`, and `[o]` on its own). A bracket whose label
 * has no definition is text, and stays prose; so is a task's checkbox (`- [x] text`). Only the few
 * pages with definitions pay for it.
 */
/**
 * Takes out the inline links that are the label of a full or collapsed reference link before them:
 * in `[Sig][signals](traces)`, where `signals` is defined, CommonMark reads `[Sig][signals]` as the
 * link and `(traces)` as text, and so `[Foo][](CNCF)` where `foo` is (opentelemetry.io's pages).
 */
function dropFullReferenceLabels(text: string, lines: LineIndex, links: MarkdownLink[], definitionLabels: ReadonlyMap<MarkdownLink, string>): void {
  const defined = new Set([...definitionLabels.values()].map(labelKey));
  const isLabel = (link: MarkdownLink) => {
    if (link.kind !== 'inline' || link.defined) return false;
    const at = lines.offsetAt(link.range.start);
    if (text[at - 1] !== ']' || text[at - 2] === '\\') return false;
    // A collapsed reference (`[Foo][](CNCF)`): the label is the text in the brackets before.
    const opening = text.lastIndexOf('[', at - 2);
    const label = link.text !== '' ? link.text : opening === -1 ? undefined : text.slice(opening + 1, at - 1);
    return label !== undefined && !/[\n\[\]]/.test(label) && defined.has(labelKey(label));
  };
  if (!links.some(isLabel)) return;
  links.splice(0, links.length, ...links.filter((link) => !isLabel(link)));
}

function referencesTo(text: string, bodyOffset: number, lines: LineIndex, nonProse: Span[], definitionLabels: ReadonlyMap<MarkdownLink, string>): LinkReference[] {
  // The first definition of a label is the one CommonMark uses.
  const definitions = new Map<string, MarkdownLink>();
  for (const [link, label] of definitionLabels) if (!definitions.has(labelKey(label))) definitions.set(labelKey(label), link);
  const references: LinkReference[] = [];
  const spans: Span[] = [];
  // Open brackets, each with whether a link lies inside it (then it is none).
  const opened: Array<{ at: number; holdsLink: boolean }> = [];
  let spanIndex = 0;
  let blankLine = true;
  const inNonProse = (offset: number) => {
    while (spanIndex < nonProse.length && nonProse[spanIndex][1] <= offset) spanIndex++;
    return spanIndex < nonProse.length && nonProse[spanIndex][0] <= offset;
  };
  for (let at = bodyOffset; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 /* \n */) {
      if (blankLine) opened.length = 0;
      blankLine = true;
      continue;
    }
    if (code !== 32 && code !== 9 && code !== 13) blankLine = false;
    if (code === 92 /* \ */) {
      at++;
      continue;
    }
    if ((code !== 91 /* [ */ && code !== 93) /* ] */ || inNonProse(at)) continue;
    if (code === 91) {
      // The oldest half goes at once, so that a run of brackets costs linear time.
      if (opened.length === MAX_OPEN_BRACKETS) opened.splice(0, MAX_OPEN_BRACKETS / 2);
      opened.push({ at, holdsLink: false });
      continue;
    }
    const open = opened.pop();
    if (open === undefined) continue;
    const close = at;
    // `[text][label]` or `[text][]`: the label's brackets, which hold no bracket. A text longer than
    // a label is sliced only where a label follows it, so a long nesting costs no copies.
    let label = close - open.at - 1 <= MAX_LABEL_LENGTH ? text.slice(open.at + 1, close) : undefined;
    let end = close + 1;
    if (text[close + 1] === '[') {
      const labelEnd = text.indexOf(']', close + 2);
      const inner = labelEnd === -1 ? '' : text.slice(close + 2, labelEnd);
      if (labelEnd !== -1 && inner.length <= MAX_LABEL_LENGTH && !/[[\\]/.test(inner)) {
        if (inner.trim() !== '') label = inner;
        end = labelEnd + 1;
      }
    } else if (text[close + 1] === '(') {
      // An inline link, `scanInline`'s (a definition's line is no prose, and not read here).
      if (opened.length > 0) opened[opened.length - 1].holdsLink ||= open.holdsLink;
      continue;
    }
    const definition = open.holdsLink || label === undefined || /(?<!\\)[[\]]/.test(label) ? undefined : definitions.get(labelKey(label));
    const checkbox = end === close + 1 && label !== undefined && /^[ xX]$/.test(label) && /^[ \t]+\S/.test(text.slice(end, end + 80)) && TASK_MARKER_BEFORE.test(text.slice(Math.max(0, open.at - 40), open.at));
    if (definition === undefined || checkbox) {
      if (opened.length > 0) opened[opened.length - 1].holdsLink ||= open.holdsLink;
      continue;
    }
    const image = text[open.at - 1] === '!' && text[open.at - 2] !== '\\';
    spans.push([image ? open.at - 1 : open.at, end]);
    // A label's brackets are this link's, not a shortcut of their own.
    at = end - 1;
    // The bracket around it holds a link; it hands that on to the one around it when it closes.
    if (opened.length > 0) opened[opened.length - 1].holdsLink = true;
    if (image) {
      definition.imageReferenced = true;
      continue;
    }
    definition.referenced = true;
    references.push({ range: lines.rangeAt(open.at, end), textRange: lines.rangeAt(open.at + 1, close), definition });
  }
  if (spans.length > 0) {
    for (const span of spans) nonProse.push(span);
    mergeInPlace(nonProse);
  }
  return references;
}

/**
 * Where MDX reads code, not Markdown: the tags of JSX elements (`<Tabs values={[…]}>`, over lines
 * too) and expressions (`{\`…\`}`), outside what is no prose already (`nonProse`: code, link
 * targets). The links, images and headings that start there are none; the spans become no prose.
 * MDX's comments (`{/* … *\/}`) are left to `markInMdxComments`.
 */
function leaveOutMdxCode(text: string, bodyOffset: number, lines: LineIndex, nonProse: Span[], tagStarts: ReadonlySet<number>, found: { images: MarkdownImage[]; links: MarkdownLink[]; headings: Heading[] }): void {
  const code: Span[] = [];
  for (let at = bodyOffset; at < text.length; at++) {
    const character = text[at];
    if (character === '\\') {
      at++;
      continue;
    }
    const opensTag = character === '<' && /[A-Za-z/>]/.test(text[at + 1] ?? '');
    // No prose already, but for a tag `scanInline` found there (it leaves its attributes' links in).
    if ((character !== '{' && !opensTag) || (isInSpans(nonProse, at) && !(opensTag && tagStarts.has(at)))) continue;
    if (character === '{' && /^\{\s*\/\*/.test(text.slice(at, at + 40))) continue;
    const end = mdxCodeEnd(text, at);
    // One that does not end stops MDX (the page does not compile), and a search from each of many would take quadratic time.
    if (end === undefined) break;
    code.push([at, end]);
    at = end - 1;
  }
  if (code.length === 0) return;
  const outside = (range: Range) => !isInSpans(code, lines.offsetAt(range.start));
  found.links.splice(0, found.links.length, ...found.links.filter((link) => outside(link.range)));
  found.images.splice(0, found.images.length, ...found.images.filter((image) => outside(image.targetRange)));
  found.headings.splice(0, found.headings.length, ...found.headings.filter((heading) => outside(heading.range)));
  // One by one: a page may hold more spans than a call takes arguments.
  for (const span of code) nonProse.push(span);
  mergeInPlace(nonProse);
}

/** Longer JSX tags and expressions are not followed: their text is read as Markdown. */
const MAX_MDX_CODE = 20_000;

/**
 * Where MDX's code that opens at `start` ends (after its last character), as MDX reads it: an
 * expression opened by `{` (JavaScript: strings, template literals, comments, nested braces, and
 * JSX elements in it, whose text is no JavaScript), or a JSX tag opened by `<` (its attributes'
 * strings and expressions). Undefined where it does not end within `MAX_MDX_CODE` characters.
 */
function mdxCodeEnd(text: string, start: number): number | undefined {
  const limit = Math.min(text.length, start + MAX_MDX_CODE);
  // What is open, innermost last: an expression, a template literal, a tag (`<b …`, `</b`), an element's children.
  const open: Array<'expression' | 'template' | 'tag' | 'closing tag' | 'children'> = [text[start] === '{' ? 'expression' : 'tag'];
  const opensElement = (at: number) => text[at] === '<' && /[A-Za-z>]/.test(text[at + 1] ?? '');
  for (let at = start + 1; at < limit; at++) {
    const character = text[at];
    const inner = open[open.length - 1];
    if (inner === 'expression') {
      if (character === '{') open.push('expression');
      else if (character === '}') open.pop();
      else if (character === '"' || character === "'") {
        // A string ends on its line.
        let close = at + 1;
        while (close < limit && text[close] !== character && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
        if (close >= limit || text[close] !== character) return undefined;
        at = close;
      } else if (character === '`') open.push('template');
      else if (character === '/' && text[at + 1] === '/') {
        while (at < limit && text[at] !== '\n') at++;
      } else if (character === '/' && text[at + 1] === '*') {
        at += 2;
        while (at < limit && !(text[at] === '*' && text[at + 1] === '/')) at++;
        at++;
      } else if (opensElement(at)) open.push('tag');
    } else if (inner === 'template') {
      if (character === '\\') at++;
      else if (character === '`') open.pop();
      else if (character === '$' && text[at + 1] === '{') {
        open.push('expression');
        at++;
      }
    } else if (inner === 'tag' || inner === 'closing tag') {
      if (character === '"' || character === "'") {
        // An attribute's string may run over lines in JSX.
        let close = at + 1;
        while (close < limit && text[close] !== character) close++;
        if (close >= limit) return undefined;
        at = close;
      } else if (character === '{') open.push('expression');
      else if (character === '/' && text[at + 1] === '>') {
        open.pop();
        at++;
      } else if (character === '>') {
        open.pop();
        // A tag in Markdown ends at its `>`: its children are Markdown. In an expression, an element's children are JSX text.
        if (inner === 'tag' && open.length > 0) open.push('children');
      } else if (character === '<') return undefined;
    } else if (character === '{') open.push('expression');
    else if (character === '<' && text[at + 1] === '/') {
      open.pop();
      open.push('closing tag');
      at++;
    } else if (opensElement(at)) open.push('tag');
    if (open.length === 0) return at + 1;
  }
  return undefined;
}

/** Marks the images inside raw HTML, as CommonMark reads it (see `RawHtml`), in the order they lie in. */
function markImagesInRawHtml(text: string, bodyOffset: number, lines: LineIndex, images: MarkdownImage[]): void {
  const rawHtml = new RawHtml(text, bodyOffset);
  const placed = images.map((image) => ({ image, offset: lines.offsetAt(image.targetRange.start) })).sort((a, b) => a.offset - b.offset);
  for (const { image, offset } of placed) if (rawHtml.holds(offset)) image.inRawHtml = true;
}

/**
 * Marks the images and links inside MDX's comments (`{/* … *\/}`, over several lines too, `{ /*`),
 * as a text search finds them outside code (`code`, the spans that are no prose); whether a
 * heading lies in one, which is none where MDX compiles the page.
 */
function markInMdxComments(text: string, bodyOffset: number, lines: LineIndex, code: readonly Span[], found: { images: MarkdownImage[]; links: MarkdownLink[]; headings: Heading[] }): boolean {
  const comments: Span[] = [];
  // `{/*`, blanks and line breaks allowed inside the braces, not in code.
  const opening = /\{\s*\/\*/g;
  const closing = /\*\/\s*\}/g;
  opening.lastIndex = bodyOffset;
  for (let open = opening.exec(text); open !== null; open = opening.exec(text)) {
    if (isInSpans(code, open.index)) continue;
    closing.lastIndex = opening.lastIndex;
    const close = closing.exec(text);
    if (close === null) break;
    comments.push([open.index, closing.lastIndex]);
    opening.lastIndex = closing.lastIndex;
  }
  if (comments.length === 0) return false;
  for (const image of found.images) if (isInSpans(comments, lines.offsetAt(image.targetRange.start))) image.inMdxComment = true;
  for (const link of found.links) if (isInSpans(comments, lines.offsetAt(link.targetRange.start))) link.inMdxComment = true;
  return found.headings.some((heading) => isInSpans(comments, lines.offsetAt(heading.range.start)));
}

/**
 * The link a reference definition makes (`[foo]: ./Foo.md`): where the references to its label
 * lead, so a rename or a move changes its target and a check judges it. It shows no text of its
 * own: the label is no name of the term, and renaming a term leaves it, and the references, alone.
 */
function definedLink(labelEnd: number, rawTarget: string, rawTargetOffset: number, start: number, end: number, lines: LineIndex): MarkdownLink {
  const isAngled = rawTarget.startsWith('<');
  const targetOffset = rawTargetOffset + (isAngled ? 1 : 0);
  const target = isAngled ? rawTarget.slice(1, -1) : rawTarget;
  return {
    kind: 'inline',
    text: '',
    target,
    range: lines.rangeAt(start, end),
    textRange: lines.rangeAt(labelEnd, labelEnd),
    targetRange: lines.rangeAt(targetOffset, targetOffset + target.length),
    defined: true,
  };
}

/** A line inside at most `count` block quotes: how many it has of them, the rest, and the blanks (`indent` characters, to `column`) it starts with. */
function quoteStripped(line: string, count: number): { quotes: number; rest: string; indent: number; column: number } {
  let at = 0;
  let quotes = 0;
  for (let quote = QUOTE_MARKER.exec(line); quote !== null && quotes < count; quote = QUOTE_MARKER.exec(line.slice(at))) {
    at += quote[0].length;
    quotes++;
  }
  const rest = line.slice(at);
  let indent = 0;
  let column = 0;
  while (rest[indent] === ' ' || rest[indent] === '\t') column = rest[indent++] === '\t' ? column + 4 - (column % 4) : column + 1;
  return { quotes, rest, indent, column };
}

/**
 * A line inside its block quotes (`> `): `rest`, after their markers, starting at column
 * `restColumn` once its blanks (`restIndent` characters, a tab to the next multiple of 4) are
 * passed; and its content `text`, after the marker of a list item that starts on the line (`- `,
 * `1. `) and the blanks after it, which starts at column `itemColumn` for such an item.
 */
function blockContent(line: string): { quotes: number; rest: string; restIndent: number; restColumn: number; itemColumn: number | undefined; text: string } {
  let at = 0;
  let quotes = 0;
  for (let quote = QUOTE_MARKER.exec(line); quote !== null; quote = QUOTE_MARKER.exec(line.slice(at)), quotes++) at += quote[0].length;
  const rest = line.slice(at);
  const blanks = (from: number, column: number) => {
    let offset = from;
    while (rest[offset] === ' ' || rest[offset] === '\t') column = rest[offset++] === '\t' ? column + 4 - (column % 4) : column + 1;
    return { offset, column };
  };
  const lead = blanks(0, 0);
  const item = lead.column <= 3 ? LIST_MARKER.exec(rest.slice(lead.offset)) : null;
  if (item === null) return { quotes, rest, restIndent: lead.offset, restColumn: lead.column, itemColumn: undefined, text: rest.slice(lead.offset) };
  const afterMarker = lead.offset + item[1].length;
  const content = blanks(afterMarker, lead.column + item[1].length);
  // An empty item's content starts a blank after its marker, on the next lines.
  const itemColumn = content.offset === rest.length ? lead.column + item[1].length + 1 : content.column;
  return { quotes, rest, restIndent: lead.offset, restColumn: lead.column, itemColumn, text: rest.slice(content.offset) };
}

/**
 * The matches of a global pattern in a line, as `matchAll` finds them, but without the copy of the
 * pattern `matchAll` makes at each call. All are found before any is used, so a caller may search
 * with the same pattern again (as `imagesInText` does).
 */
function matchesIn(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    // An empty match would be found again at the same place.
    if (match[0] === '') pattern.lastIndex++;
  }
  return matches;
}

/** The images in a link's text, at `[from, to)` of a line (`masked`: the line with its escapes masked, as the link was found in). */
function imagesInText(masked: string, line: string, [from, to]: [number, number], start: number, lines: LineIndex, images: MarkdownImage[]): void {
  for (const match of matchesIn(INLINE_LINK, masked.slice(from, to))) {
    if (match[1] !== '!') continue;
    const [targetStart, targetEnd] = match.indices![3];
    const rawTarget = line.slice(from + targetStart, from + targetEnd);
    const isAngled = rawTarget.startsWith('<');
    const offset = start + from + targetStart + (isAngled ? 1 : 0);
    const target = isAngled ? rawTarget.slice(1, -1) : rawTarget;
    images.push({ target, targetRange: lines.rangeAt(offset, offset + target.length) });
  }
}

/** An inline link or image whose text runs over the lines of a paragraph (the blanks and quote markers that start a line are in it); its destination is on one line, the blanks before and after it may hold a line ending (pipecd's `[Event Watcher](/docs/x/\n)`). */
const INLINE_LINK_OVER_LINES = /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\([ \t]*(?:\r?\n[ \t>]*)?(?![ \t])(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:(?:[ \t]+|[ \t]*\r?\n[ \t>]*)(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*(?:\r?\n[ \t>]*)?\)/dg;

/**
 * A line that a paragraph's text cannot run on into, as CommonMark and GFM read it, after its quote
 * markers: a list item, an HTML block or tag opening the line (`<div>`, `<Card`), a table's row
 * (`| a |`), a Hugo shortcode (`{{< note >}}`). A link's text never spans one, nor a quote starting.
 */
const BLOCK_LINE = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)](?:[ \t]|$)|<[A-Za-z/!?]|\||\{\{[<%])/;
/** A tag up to its `>` or the end of the text, over lines. */
const TAG_OVER_LINES = /<[A-Za-z][^<>]*>?/g;
/** A line's quote markers (`> > `). */
const QUOTE_MARKERS = /^(?:[ \t]*>[ \t]?)*/;
/** Where a link's fragment starts as written (its `#`, or the backslash escaping it), not at the `#` of a character reference (`&#95;`); -1 without one. */
export function fragmentStart(target: string): number {
  return target.search(/\\?(?<!&)#/);
}

/**
 * A link destination as Markdown reads it: backslash escapes (`a\_b.png`) and character references
 * (`a&amp;b.png`, `&#95;`) resolved. Undefined for a named reference other than the five of XML,
 * whose character is not known here.
 */
export function markdownDestination(written: string): string | undefined {
  if (!written.includes('\\') && !written.includes('&')) return written;
  let unknown = false;
  const read = written.replace(/\\([!-/:-@[-`{-~])|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, (whole, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    const character = referencedCharacter(whole);
    if (character === undefined) unknown = true;
    return character ?? whole;
  });
  return unknown ? undefined : read;
}

/** CommonMark's HTML blocks that end at a line holding their end: `<pre>`, `<script>`, `<style>`, `<textarea>`; a comment; a processing instruction; a declaration; CDATA. */
const HTML_BLOCKS_ENDED: Array<[RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** CommonMark's HTML blocks of the block-level elements, which end at a blank line and may interrupt a paragraph. */
const HTML_BLOCK_ELEMENT = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;
/** A whole open or closing tag alone on its line (CommonMark's seventh kind of HTML block, which cannot interrupt a paragraph). */
const HTML_BLOCK_TAG_ALONE = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/**
 * Whether a line (its text after up to three blanks) opens an HTML block as CommonMark reads it,
 * and what ends it: the line holding its end (the regular expression), or a blank line. A tag
 * alone on its line that is no block-level element's does not interrupt a paragraph.
 */
function htmlBlockOpening(text: string, inParagraph: boolean): RegExp | 'blank' | undefined {
  if (text[0] !== '<') return undefined;
  for (const [opening, end] of HTML_BLOCKS_ENDED) if (opening.test(text)) return end;
  if (HTML_BLOCK_ELEMENT.test(text)) return 'blank';
  return !inParagraph && HTML_BLOCK_TAG_ALONE.test(text) && !/^<\/?(?:pre|script|style|textarea)\b/i.test(text) ? 'blank' : undefined;
}

/** Whether a line interrupts a paragraph, as CommonMark reads it: a list item with content (an ordered one from 1), an HTML block of the kinds 1 to 6. */
function interruptsParagraph(line: string): boolean {
  const content = line.trimStart();
  return /^(?:[-+*]|1[.)])[ \t]+\S/.test(content) || htmlBlockOpening(content, true) !== undefined;
}

/** A table's delimiter row (GFM): `|---|:--:|`, `--- | ---`. */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Whether the line holding `offset` is a row of a GFM table (its header row, or one after its
 * delimiter row, up to a blank line), where a `|` ends a cell unless escaped, in code spans and
 * wiki links too. Told from the lines around it, their quote markers aside.
 */
export function inTableRow(text: string, offset: number): boolean {
  const lineStartAt = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineAt = (start: number) => text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)).replace(QUOTE_MARKERS, '');
  const start = lineStartAt(offset);
  if (!lineAt(start).includes('|')) return false;
  // The header row: the next line is the delimiter row.
  const next = text.indexOf('\n', start);
  if (next !== -1 && TABLE_DELIMITER.test(lineAt(next + 1)) && !TABLE_DELIMITER.test(lineAt(start))) return true;
  // A row after the delimiter row, with no blank line between.
  for (let at = start; at > 0; ) {
    at = lineStartAt(at - 1);
    const line = lineAt(at);
    if (line.trim() === '') return false;
    if (TABLE_DELIMITER.test(line)) return at > 0 && lineAt(lineStartAt(at - 1)).includes('|');
  }
  return false;
}

/**
 * The lines that continue a paragraph as plain text, by line number: a link's text or a code span
 * may run on into those only. Within the paragraph's quote (as deep as its first line's, or lazily
 * less), not a quote of its own.
 */
function plainContinuationsOf(text: string, paragraph: ReadonlyArray<{ start: number; end: number }>, lines: LineIndex, startsBlock: (line: string) => boolean = (line) => BLOCK_LINE.test(line)): Map<number, boolean> {
  const quoteDepth = (line: string) => (QUOTE_MARKERS.exec(line)![0].match(/>/g) ?? []).length;
  const firstDepth = quoteDepth(text.slice(paragraph[0].start, paragraph[0].end));
  return new Map(
    paragraph.map((line, position) => {
      const written = text.slice(line.start, line.end);
      return [lines.positionAt(line.start).line, position === 0 || (quoteDepth(written) <= firstDepth && !startsBlock(written.slice(QUOTE_MARKERS.exec(written)![0].length)))];
    }),
  );
}

/**
 * Code spans that run over a paragraph's lines (`` `kubectl⏎apply` ``), which the scan of each line
 * reads as text: not prose. Looked for only from a line that leaves a run of backticks open, and
 * only where every line the span runs on into continues the paragraph as plain text.
 */
function codeSpansOverLines(text: string, paragraph: ReadonlyArray<{ start: number; end: number }>, lines: LineIndex, nonProse: Span[]): void {
  const opensSpan = (line: { start: number; end: number }) => {
    const written = text.slice(line.start, line.end);
    return written.includes('`') && leavesCodeSpanOpen(written);
  };
  if (!paragraph.slice(0, -1).some(opensSpan)) return;
  const paragraphStart = paragraph[0].start;
  // Only what interrupts a paragraph ends a code span (a `2.`, `|` or `<span>` line goes on with it): one missed would leave code to link in.
  const plainContinuation = plainContinuationsOf(text, paragraph, lines, interruptsParagraph);
  for (const span of codeSpansOf(text.slice(paragraphStart, paragraph[paragraph.length - 1].end), paragraphStart)) {
    const [startLine, endLine] = [lines.positionAt(span[0]).line, lines.positionAt(span[1]).line];
    let plain = true;
    for (let line = startLine + 1; line <= endLine && plain; line++) plain = plainContinuation.get(line) === true;
    if (startLine !== endLine && plain) nonProse.push(span);
  }
}

/**
 * The links and images of a paragraph whose text runs over its lines (`[upcoming\n  meetings](/community/)`),
 * which the scan of each line (`scanInline`) cannot see, added to `overLines`. Looked for only from
 * a line that leaves a bracket open, and only where every line the text runs on into continues the
 * paragraph as plain text (see `BLOCK_LINE`; not in a table); not in a code span (over lines too)
 * nor with one holding its `](`, not inside a tag, not holding a link (a link holds no link).
 */
function linksOverLines(text: string, paragraph: ReadonlyArray<{ start: number; end: number }>, lines: LineIndex, overLines: MarkdownLink[], images: MarkdownImage[], nonProse: Span[]): void {
  const paragraphStart = paragraph[0].start;
  const paragraphEnd = paragraph[paragraph.length - 1].end;
  // Most paragraphs hold no bracket: the native search is all they cost.
  if (!text.slice(paragraphStart, paragraphEnd).includes('[')) return;
  const opening = paragraph.findIndex((line, position) => position < paragraph.length - 1 && (leavesBracketOpen(text, line.start, line.end) || leavesDestinationOpen(text, line.start, line.end)));
  if (opening === -1) return;
  if (paragraph.some((line) => TABLE_DELIMITER.test(text.slice(line.start, line.end)))) return;
  const plainContinuation = plainContinuationsOf(text, paragraph, lines);
  const from = paragraph[opening].start;
  const source = text.slice(from, paragraphEnd);
  const masked = source.includes('\\') ? source.replace(BACKSLASH_ESCAPE, '\x01\x01') : source;
  // Code spans run over lines too (the scan of each line sees none there), from the paragraph's start.
  const whole = text.slice(paragraphStart, paragraphEnd);
  const codeSpans = whole.includes('`') ? codeSpansOf(whole, paragraphStart) : [];
  // Tags, over lines too (`<Card title="[x"\n  href="](/z)" />`): up to their `>`, else the paragraph's end.
  const tags = whole.includes('<') ? matchesIn(TAG_OVER_LINES, whole).map((match): Span => [paragraphStart + match.index, paragraphStart + match.index + match[0].length]) : [];
  // What the scan of the lines found not to be prose in this paragraph (comments, tags, targets), in order.
  const known: Span[] = [];
  for (let at = nonProse.length - 1; at >= 0 && nonProse[at][1] > paragraphStart; at--) known.push(nonProse[at]);
  mergeInPlace(known);
  for (const match of matchesIn(INLINE_LINK_OVER_LINES, masked)) {
    const [textFrom, textTo] = match.indices![2];
    const linkText = source.slice(textFrom, textTo);
    const linkStart = from + match.index;
    // One on a line of its own the scan of the line found; its title or the blanks before it may run over lines too.
    const runsOverLines = linkText.includes('\n') || match[0].slice(textTo - match.index).includes('\n');
    if (!runsOverLines || linkText.includes('](') || linkText.includes('{{')) continue;
    const startLine = lines.positionAt(linkStart).line;
    const endLine = lines.positionAt(from + match.index + match[0].length).line;
    let plain = true;
    // A line the paragraph skips (inside a comment) breaks the text too.
    for (let line = startLine + 1; line <= endLine && plain; line++) plain = plainContinuation.get(line) === true;
    if (!plain || isInSpans(codeSpans, linkStart) || isInSpans(codeSpans, from + textTo) || isInSpans(known, linkStart) || isInSpans(tags, linkStart)) continue;
    const [targetFrom, targetTo] = match.indices![3];
    const rawTarget = source.slice(targetFrom, targetTo);
    const isAngled = rawTarget.startsWith('<');
    const target = isAngled ? rawTarget.slice(1, -1) : rawTarget;
    const targetOffset = from + targetFrom + (isAngled ? 1 : 0);
    const linkEnd = from + match.index + match[0].length;
    nonProse.push([match[1] ? linkStart : from + textTo, linkEnd]);
    if (match[1]) {
      images.push({ target, targetRange: lines.rangeAt(targetOffset, targetOffset + target.length) });
      continue;
    }
    overLines.push({
      kind: 'inline',
      text: unescapeMarkdown(linkText.replace(/[ \t]*\r?\n[ \t>]*/g, ' ')),
      target,
      range: lines.rangeAt(linkStart, linkEnd),
      textRange: lines.rangeAt(from + textFrom, from + textTo),
      targetRange: lines.rangeAt(targetOffset, targetOffset + target.length),
    });
  }
}

/** Whether a line leaves the destination or title of its last `](` open: more `(` than `)` after it (`[a](/x/ "Title over`). */
function leavesDestinationOpen(text: string, start: number, end: number): boolean {
  const opened = text.lastIndexOf('](', end);
  if (opened < start) return false;
  let open = 0;
  for (let at = opened + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 40) open++;
    else if (code === 41 && open > 0) open--;
  }
  return open > 0;
}

/** Whether a line opens more brackets than it closes, escapes aside. */
function leavesBracketOpen(text: string, start: number, end: number): boolean {
  let open = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 91) open++;
    else if (code === 93 && open > 0) open--;
  }
  return open > 0;
}

/**
 * Finds code spans, links, URLs and HTML comments on one line, which starts at offset `start`.
 * Returns the offset of an HTML comment that stays open past the line's end.
 */
function scanInline(line: string, start: number, lines: LineIndex, links: MarkdownLink[], images: MarkdownImage[], nonProse: Span[], tagStarts: Set<number>, hugo: boolean): number | undefined {
  // Most lines of prose hold none of these: skip the expressions that cannot match.
  const hasCode = line.includes('`');
  const hasBracket = line.includes('[');
  const hasColon = line.includes(':') || line.includes('www.');
  const codeSpans = hasCode ? codeSpansOf(line, start) : [];
  // One by one: spread as arguments, a line of 200,000 code spans overflows the stack.
  for (const span of codeSpans) nonProse.push(span);
  const inCode = (offset: number) => isInSpans(codeSpans, offset);
  // HTML comments, the last one perhaps open past the line's end: no link in them is one.
  const comments: Span[] = [];
  let openComment: number | undefined;
  for (let searchFrom = 0; line.includes('<!--', searchFrom); ) {
    const open = line.indexOf('<!--', searchFrom);
    if (inCode(start + open)) {
      searchFrom = open + 4;
      continue;
    }
    const close = line.indexOf('-->', open + 4);
    if (close === -1) {
      openComment = start + open;
      comments.push([start + open, start + line.length]);
      break;
    }
    comments.push([start + open, start + close + 3]);
    searchFrom = close + 3;
  }
  for (const comment of comments) if (comment[0] !== openComment) nonProse.push(comment);
  const inCodeOrComment = (offset: number) => inCode(offset) || isInSpans(comments, offset);

  // Escaped characters (`\]`, `\)`) are text, not brackets (CommonMark): the pattern reads a copy of
  // the line with them masked, of the same length, and the parts are taken from the line itself.
  // So are Hugo's shortcodes, which it replaces before it reads the Markdown: their blanks end no
  // destination (`[API](/docs/{{< param "version" >}}/api/)`).
  const unescaped = hasBracket && line.includes('\\') ? line.replace(BACKSLASH_ESCAPE, '\x01\x01') : line;
  const linkLine = hasBracket && hugo ? withShortcodesMasked(unescaped) : unescaped;
  for (const match of hasBracket && line.includes('](') ? matchesIn(INLINE_LINK, linkLine) : []) {
    const linkStart = start + match.index;
    if (inCodeOrComment(linkStart)) continue;
    const [whole, linkText, rawTarget] = [0, 2, 3].map((group) => line.slice(match.indices![group][0], match.indices![group][1]));
    const bang = match[1];
    const textStart = linkStart + bang.length + 1;
    const isAngled = rawTarget.startsWith('<');
    const target = isAngled ? rawTarget.slice(1, -1) : rawTarget;
    const targetOffset = start + match.indices![3][0] + (isAngled ? 1 : 0);
    // The target of a link or image is never prose; the text of an image is not either.
    nonProse.push([bang ? linkStart : textStart + linkText.length, linkStart + whole.length]);
    if (bang) {
      // As a link's: a destination a shortcode writes is Hugo's (`![a]({{< param "img" >}}/a.png)`), no path to judge or rewrite.
      if (!hugo || !holdsShortcode(target)) images.push({ target, targetRange: lines.rangeAt(targetOffset, targetOffset + target.length) });
      continue;
    }
    // An image as a link's text (`[![Logo](logo.png)](https://…)`) is matched with the link: looked for inside it.
    if (linkText.includes('![')) imagesInText(linkLine, line, match.indices![2], start, lines, images);
    // A destination a shortcode writes is Hugo's to make (a `ref` is one of `hugoRefs`): no link to judge or rewrite.
    if (hugo && holdsShortcode(target)) continue;
    links.push({
      kind: 'inline',
      text: unescapeMarkdown(linkText),
      target,
      range: lines.rangeAt(linkStart, linkStart + whole.length),
      textRange: lines.rangeAt(textStart, textStart + linkText.length),
      targetRange: lines.rangeAt(targetOffset, targetOffset + target.length),
    });
  }
  // HTML and JSX tags with their attributes (`<TabItem label="…">`): no link in them is one (`bios={[{ links: [['bluesky', …]] }]}`).
  const tags = line.includes('<') ? matchesIn(TAG, line).filter((match) => !inCode(start + match.index)).map((match): Span => [start + match.index, start + match.index + match[0].length]) : [];
  for (const match of hasBracket && line.includes('[[') ? matchesIn(WIKI_LINK, line) : []) {
    const linkStart = start + match.index;
    // A name in quotes is JavaScript's list of lists in an MDX expression (`links: [['bluesky', '…']]`), not a wiki link.
    if (inCodeOrComment(linkStart) || isInSpans(tags, linkStart) || /^\s*['"`]/.test(match[1])) continue;
    const [whole, written, alias] = match;
    // In a table a wiki link escapes its pipe (`[[Term\\|text]]`): the backslash is not the target's.
    const target = alias !== undefined && written.endsWith('\\') ? written.slice(0, -1) : written;
    const targetStart = linkStart + 2;
    const textStart = alias === undefined ? targetStart : start + match.indices![2][0];
    const shown = alias ?? target;
    links.push({
      kind: 'wiki',
      text: shown,
      target: target.trim(),
      range: lines.rangeAt(linkStart, linkStart + whole.length),
      textRange: lines.rangeAt(textStart, textStart + shown.length),
      targetRange: lines.rangeAt(targetStart, targetStart + target.length),
    });
  }
  for (const match of hasColon ? matchesIn(BARE_URL, line) : []) {
    nonProse.push([start + match.index, start + match.index + match[0].length]);
  }
  if (line.includes('/') && line.includes('.')) addressesWithoutScheme(line, start, nonProse);
  // The tags are no prose, nor are footnote labels (`[^SLA]`).
  for (const tag of tags) {
    nonProse.push(tag);
    tagStarts.add(tag[0]);
  }
  for (const match of hasBracket && line.includes('[^') ? matchesIn(FOOTNOTE_LABEL, line) : []) {
    if (!inCode(start + match.index)) nonProse.push([start + match.index, start + match.index + match[0].length]);
  }
  return openComment;
}

/** The end of a web address's host before its path: a dot, a top-level domain, a slash ("de.wikipedia.org/wiki"). */
const HOST_END = /\.(?:com|org|net|edu|gov|info|io|dev|app|ai|co|wiki|de|at|ch|li|lu|eu|uk|fr|nl|be|it|es|pt|se|no|dk|fi|pl|cz|ru|jp|cn|br|in|us|ca|au|nz)\//g;

/**
 * Web addresses written without a scheme ("de.wikipedia.org/wiki/Fußband"), which prose quotes
 * as sources: a host of dotted names in lower case (`münchen.de` too) ending in a common top-level domain (so
 * "ASP.NET/Core", "Socket.io/WebSockets" and "Mitarbeiter.in/Monat" stay prose), and its path to
 * the next blank. Walked by hand from each host's end, so a line of thousands of dots stays linear.
 */
function addressesWithoutScheme(line: string, start: number, nonProse: Span[]): void {
  const isHostCharacter = (character: string) => /[\p{Ll}\p{Lo}\p{N}.-]/u.test(character);
  let searchFrom = 0;
  HOST_END.lastIndex = 0;
  for (let match = HOST_END.exec(line); match !== null; match = HOST_END.exec(line)) {
    let hostStart = match.index;
    while (hostStart > searchFrom && isHostCharacter(line[hostStart - 1])) hostStart--;
    let end = match.index + match[0].length;
    while (end < line.length && !/[\s<>()[\]"'`]/.test(line[end])) end++;
    // A host has a name before its top-level domain, starts a word, and is not an e-mail's.
    const startsWord = hostStart === 0 || !/[\p{L}\p{N}@]/u.test(line[hostStart - 1]);
    if (hostStart < match.index && line[hostStart] !== '.' && startsWord) nonProse.push([start + hostStart, start + end]);
    searchFrom = end;
    HOST_END.lastIndex = end;
  }
}

/**
 * The comments a line opens and closes, outside code spans (markdownlint reads its comments on one
 * line too): HTML's, and MDX's, which Docusaurus reads in `.md` files too (it compiles them as MDX)
 * and where it reads no HTML comments (`future.v4`) is the only kind.
 */
function commentsOn(line: string, start: number, comments: CommentSpan[]): void {
  const codeSpans = line.includes('`') ? codeSpansOf(line, start) : [];
  const inCode = (offset: number) => isInSpans(codeSpans, offset);
  for (const [opening, closing] of [['<!--', '-->'], ['{/*', '*/}']]) {
    for (let open = line.indexOf(opening); open !== -1; open = line.indexOf(opening, open + opening.length)) {
      const close = line.indexOf(closing, open + opening.length);
      if (close === -1) break;
      if (!inCode(start + open)) comments.push([start + open + opening.length, start + close]);
      open = close;
    }
  }
}
