/**
 * The markdown-it plugin of VS Code's Markdown preview: it shows what the server recognises in the
 * rendered text (mentions, links to terms, wiki links), from marks the server gives as offsets
 * into that text. It recognises nothing itself and needs no `vscode`, so it is tested with
 * markdown-it alone. VS Code passes its own markdown-it; the extension bundles none.
 */
import type { PreviewMark, PreviewMarks } from '../../server/src/lsp/protocol';

/** The parts of markdown-it this plugin uses (markdown-it 14 has no type definitions of its own). */
export interface Token {
  type: string;
  content: string;
  map: [number, number] | null;
  children: Token[] | null;
  attrs: Array<[string, string]> | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
  attrJoin(name: string, value: string): void;
}
interface Renderer {
  rules: Record<string, RenderRule | undefined>;
  renderToken(tokens: Token[], index: number, options: unknown): string;
}
type RenderRule = (tokens: Token[], index: number, options: unknown, env: RenderEnv | undefined, self: Renderer) => string;
/** VS Code's preview renders with the document's URI; `markdown.api.render` of a bare text without. */
interface RenderEnv {
  currentDocument?: { toString(): string };
}
export interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { src: string; tokens: Token[] }) => void): void } };
  renderer: Renderer;
  utils: { escapeHtml(text: string): string };
  validateLink(url: string): boolean;
}

/** The marks of a text, as far as known when it is rendered (rendering cannot wait for the server). */
export type MarksFor = (text: string, documentUri: string | undefined) => PreviewMarks | undefined;

/** Where a text token's content stands in the text markdown-it parsed. */
interface Place {
  source: string;
  start: number;
}

/** Adds the glossary to a markdown-it instance: text tokens learn their place when parsed, marks are drawn when rendered. */
export function glossaryPreview<T extends MarkdownIt>(md: T, marksFor: MarksFor): T {
  // Places are kept beside the tokens: VS Code caches parsed tokens and renders them again with newer marks.
  const places = new WeakMap<Token, Place>();
  md.core.ruler.push('markdown_glossary', (state) => placeTextTokens(state.src, state.tokens, places));
  const escape = md.utils.escapeHtml;
  const attribute = (name: string, value: string) => ` ${name}="${escape(value)}"`;
  const tooltipOf = (marks: PreviewMarks, mark: PreviewMark) => mark.problem ?? mark.terms.map((term) => marks.terms[term].tooltip).join('\n\n');

  const renderText = md.renderer.rules.text ?? ((tokens: Token[], index: number) => escape(tokens[index].content));
  /** The source a text token covers, if it was placed. */
  const spanOf = (token: Token | undefined): { start: number; end: number; source: string } | undefined => {
    const place = token === undefined ? undefined : places.get(token);
    return place === undefined || token === undefined ? undefined : { start: place.start, end: place.start + token.content.length, source: place.source };
  };
  /** Whether a mention runs from one text token over a line break into the next (a name broken across lines). */
  const runsOver = (mark: PreviewMark, tokens: Token[], first: number) => {
    const [from, to] = [spanOf(tokens[first]), spanOf(tokens[first + 2])];
    return mark.kind === 'mention' && tokens[first + 1]?.type === 'softbreak' && from !== undefined && to !== undefined && from.start <= mark.start && mark.start < from.end && to.start < mark.end && mark.end <= to.end;
  };
  md.renderer.rules.text = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const span = spanOf(token);
    const marks = span === undefined ? undefined : marksFor(span.source, env?.currentDocument?.toString());
    if (span === undefined || marks === undefined) return renderText(tokens, index, options, env, self);
    const tooltip = (mark: PreviewMark) => attribute('title', tooltipOf(marks, mark));
    const text = (from: number, to: number) => escape(token.content.slice(from - span.start, to - span.start));
    // The marks are in the order of the text: those starting in this token, and the one before, which may run into it.
    const first = firstStartingAt(marks.marks, span.start);
    let last = first;
    while (last < marks.marks.length && marks.marks[last].start < span.end) last++;
    const starting = marks.marks.slice(first, last);
    // A mark in this token only, exactly where the server read it: a token placed wrongly shows none.
    const inside = starting.filter((mark) => mark.kind !== 'link' && mark.end <= span.end && token.content.slice(mark.start - span.start, mark.end - span.start) === span.source.slice(mark.start, mark.end));
    const closing = first > 0 && runsOver(marks.marks[first - 1], tokens, index - 2) ? marks.marks[first - 1] : undefined;
    const opening = starting.find((mark) => runsOver(mark, tokens, index));
    if (inside.length === 0 && closing === undefined && opening === undefined) return renderText(tokens, index, options, env, self);
    let html = '';
    let at = span.start;
    if (closing !== undefined) {
      html += `${text(at, closing.end)}</abbr>`;
      at = closing.end;
    }
    for (const mark of inside) {
      html += text(at, mark.start);
      const written = token.content.slice(mark.start - span.start, mark.end - span.start);
      const href = mark.kind === 'mention' || mark.terms.length === 0 ? undefined : marks.terms[mark.terms[0]].href;
      if (href !== undefined && md.validateLink(href)) {
        html += `<a${attribute('href', href)}${attribute('data-href', href)} class="glossary-link"${tooltip(mark)}>${escape(mark.text ?? written)}</a>`;
      } else if (mark.terms.length > 0) {
        // A mention, or a wiki link to a term the preview cannot open (a text rendered without its file: VS Code refuses file: links).
        html += `<abbr class="glossary-mention"${tooltip(mark)}>${escape(mark.text ?? written)}</abbr>`;
      } else {
        html += `<span class="glossary-unresolved"${tooltip(mark)}>${escape(written)}</span>`;
      }
      at = mark.end;
    }
    if (opening !== undefined) {
      html += `${text(at, opening.start)}<abbr class="glossary-mention"${tooltip(opening)}>`;
      at = opening.start;
    }
    return html + text(at, span.end);
  };

  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens: Token[], index: number, options: unknown, _env: RenderEnv | undefined, self: Renderer) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    let first = index + 1;
    while (first < tokens.length && tokens[first].type !== 'link_close' && !places.has(tokens[first])) first++;
    const span = spanOf(tokens[first]);
    const marks = span === undefined ? undefined : marksFor(span.source, env?.currentDocument?.toString());
    // The link's text starts at or before its first text.
    const mark = span === undefined || marks === undefined ? undefined : marks.marks[firstStartingAt(marks.marks, span.start + 1) - 1];
    if (mark?.kind !== 'link' || span === undefined || marks === undefined || span.start >= mark.end) return renderLinkOpen(tokens, index, options, env, self);
    // A copy: the tokens may be rendered again, with other marks.
    const link = Object.assign(Object.create(Object.getPrototypeOf(tokens[index]) as object) as Token, tokens[index], { attrs: [...(tokens[index].attrs ?? [])] });
    link.attrJoin('class', 'glossary-link');
    if (link.attrGet('title') === null) link.attrSet('title', tooltipOf(marks, mark));
    const shown = [...tokens];
    shown[index] = link;
    return renderLinkOpen(shown, index, options, env, self);
  };
  return md;
}

/** The index of the first mark that starts at or after an offset (marks are in the order of the text). */
function firstStartingAt(marks: readonly PreviewMark[], offset: number): number {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (marks[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Finds each inline text token's place in the source: an inline token's lines are the ends of its
 * source lines (indentation and quote or list markers stripped), and its text tokens follow in
 * order. A token whose content is not the source as written (an escape, an entity, typographic
 * quotes) gets no place.
 */
function placeTextTokens(source: string, tokens: Token[], places: WeakMap<Token, Place>): void {
  const lineStarts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const sourceLine = (line: number) => source.slice(lineStarts[line], line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : source.length);
  // A table cell's inline token has no lines of its own: it is on its row's line, after the cells before it.
  let row: { line: number; cursor: number } | undefined;
  for (const block of tokens) {
    if (block.type === 'tr_open' && block.map !== null) row = { line: block.map[0], cursor: 0 };
    if (block.type === 'table_close') row = undefined;
    if (block.type !== 'inline' || block.children === null || (block.map === null && row === undefined)) continue;
    const contentLines = block.content.split('\n');
    const contentStarts: number[] = [];
    const sourceStarts = contentLines.map((line, number) => {
      contentStarts.push(number === 0 ? 0 : contentStarts[number - 1] + contentLines[number - 1].length + 1);
      const sourceNumber = (block.map?.[0] ?? row!.line) + number;
      if (sourceNumber >= lineStarts.length) return -1;
      const at = block.map === null ? sourceLine(sourceNumber).indexOf(line, row!.cursor) : sourceLine(sourceNumber).lastIndexOf(line);
      if (block.map === null && at !== -1) row!.cursor = at + line.length;
      return at === -1 ? -1 : lineStarts[sourceNumber] + at;
    });
    let cursor = 0;
    let line = 0;
    for (const child of block.children) {
      if (!['text', 'code_inline', 'html_inline'].includes(child.type) || child.content === '') continue;
      const found = block.content.indexOf(child.content, cursor);
      if (found === -1) continue;
      cursor = found + child.content.length;
      if (child.type !== 'text') continue;
      while (line + 1 < contentStarts.length && contentStarts[line + 1] <= found) line++;
      if (sourceStarts[line] !== -1) places.set(child, { source, start: sourceStarts[line] + found - contentStarts[line] });
    }
  }
}

/**
 * The marks of an earlier text carried over to a newer one, while the server reads the newer:
 * marks before the first change and after the last keep their place, marks in between are dropped.
 */
export function carriedOver(marks: PreviewMarks, before: string, after: string): PreviewMarks {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const shift = after.length - before.length;
  const kept: PreviewMark[] = [];
  for (const mark of marks.marks) {
    if (mark.end <= prefix) kept.push(mark);
    else if (mark.start >= before.length - suffix) kept.push({ ...mark, start: mark.start + shift, end: mark.end + shift });
  }
  return { terms: marks.terms, marks: kept };
}
