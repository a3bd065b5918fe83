import { generatorOfReader } from '../../common/generator';
import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { LineIndex, Range } from '../../common/text';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { NOT_MENTIONS_KEY, termField, type ParsedDocument } from '../../parsing/document';
import { definitionOf } from '../navigation';
import { MAX_PHRASE_LENGTH, MAX_PHRASES } from '../mentions';
import { mentionsIn } from '../termAt';
import { ADMONITION_MARKER, overlapsSpans } from '../../parsing/markdown';
import { RawHtml } from '../../parsing/rawHtml';
import { compiledAsMdx } from './siteRules';
import { resolveTermLink } from '../termLinks';

/**
 * Plain mentions of a term that could be links. Never in the term's own file, and only where the
 * name means one term: an ambiguous mention has no single link to offer.
 */
export function unlinkedMentionDiagnostics(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  const unlinkable = unlinkableSpans(index, document, lines);
  // Where the page is read as CommonMark, Markdown in raw HTML (a block that starts with a tag, a tag, a comment) stays text: `[Outtasking](…)` would show as written.
  const bodyStart = document.frontMatter === undefined ? 0 : lines.lineEndOffset(document.frontMatter.range.end.line) + 1;
  const rawHtml = lines.text.includes('<') && !compiledAsMdx(index, document) ? new RawHtml(lines.text, Math.min(bodyStart, lines.text.length)) : undefined;
  const firstLinks = firstLinkOfEachTerm(index, document, lines);
  for (const mention of mentionsIn(index, document, lines)) {
    if (mention.termUris.length !== 1 || mention.termUris[0] === document.uri) continue;
    const [start, end] = [lines.offsetAt(mention.range.start), lines.offsetAt(mention.range.end)];
    // Once the page has linked the term, a reader has the link: later mentions need none.
    if ((firstLinks.get(mention.termUris[0]) ?? Infinity) < start) continue;
    if (overlapsSpans(unlinkable, start, end) || linkWouldNotBeOne(lines.text, start) || rawHtml?.holds(start)) continue;
    const term = index.termOf(mention.termUris[0]);
    if (term === undefined) continue;
    diagnostics.push({
      range: mention.range,
      severity: 'information',
      code: 'unlinked-mention',
      message: l10n.t('"{0}" is a glossary term and could be a link.', term.title),
      // The term travels with the diagnostic: its quick fixes link to it.
      related: [{ ...definitionOf(term), message: term.title }],
    });
  }
  return diagnostics;
}

/** Where the page first links each term it links to (by the term's file). */
function firstLinkOfEachTerm(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): Map<string, number> {
  const first = new Map<string, number>();
  for (const link of document.body.links) {
    const uri = resolveTermLink(index, document.uri, link)?.uri;
    const at = lines.offsetAt(link.range.start);
    if (uri !== undefined && at < (first.get(uri) ?? Infinity)) first.set(uri, at);
  }
  return first;
}

/**
 * Whether `[mention](…)` written at `start` would read as something else: after `!` an image, after
 * `\` text (its bracket escaped), after `]` the label of a reference link the brackets before open.
 */
function linkWouldNotBeOne(text: string, start: number): boolean {
  return start > 0 && '!\\]'.includes(text[start - 1]);
}

/**
 * Where a Markdown link written in place of a mention would not be one, would break the page, or
 * is not written: a heading; the text a `{{< name >}}` hands its template as it is; an HTML link's
 * text (`<a href>…</a>`: a link inside a link); in a Docusaurus site, an MDX expression (`{"…"}`).
 * One pass over the text each.
 */
function unlinkableSpans(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex): Array<[number, number]> {
  const text = lines.text;
  const spans: Array<[number, number]> = [];
  const offsets = (range: Range): [number, number] => [lines.offsetAt(range.start), lines.offsetAt(range.end)];
  // The calls are no prose at all (see `mentionsIn`); the text a `{{< name >}}` hands its template as it is may show, but takes no Markdown link.
  for (const shortcode of document.hugoShortcodes ?? []) if (shortcode.body !== undefined) spans.push(offsets(shortcode.body));
  // An admonition's opening line (`:::note Title`, `:::tip[Title]`), whose title the Markdown is not read in.
  const admonitionLine = new RegExp(`${ADMONITION_MARKER.source}.*`, 'gm');
  // A heading names its section, and shows in the table of contents: the text below it links the term.
  for (const heading of document.body.headings) spans.push(offsets(heading.range));
  for (const match of text.matchAll(admonitionLine)) spans.push([match.index, match.index + match[0].length]);
  const anchorOpen = /<a(?=[\s>])/gi;
  const lower = text.toLowerCase();
  for (let match = anchorOpen.exec(text); match !== null; match = anchorOpen.exec(text)) {
    const close = lower.indexOf('</a', match.index);
    if (close === -1) break;
    spans.push([match.index, close + 3]);
    anchorOpen.lastIndex = close + 3;
  }
  if (generatorOfReader(index.readerOf(document.uri)) === 'docusaurus') {
    let depth = 0;
    let open = 0;
    for (let at = 0; at < text.length; at++) {
      if (text[at] === '{' && depth++ === 0) open = at;
      else if (text[at] === '}' && depth > 0 && --depth === 0) spans.push([open, at + 1]);
    }
  }
  // Merged and sorted, for a binary search per mention.
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}


/**
 * The `not_mentions` key: a list of phrases, each containing a name of the term (a phrase without
 * one excludes nothing, most likely a name misspelt or the phrase put in the wrong entry).
 */
export function notMentionsDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const field = termField(document, NOT_MENTIONS_KEY);
  if (field === undefined || document.term === undefined) return [];
  const problem = (range: GlossaryDiagnostic['range'], message: string): GlossaryDiagnostic => ({ range, severity: 'warning', code: 'invalid-not-mentions', message });
  const items = field.items ?? (typeof field.value === 'string' ? [{ value: field.value, range: field.valueRange }] : undefined);
  if (items === undefined) return [problem(field.valueRange, l10n.t('"{0}" is a list of phrases in which the term is not meant, such as [bei Bedarf].', NOT_MENTIONS_KEY))];
  // Only a term in the glossary's matcher can be looked for: an unpublished entry's phrases are not checked.
  const known = index.termOf(document.uri) !== undefined;
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const [position, item] of items.entries()) {
    if (typeof item.value !== 'string') diagnostics.push(problem(item.range, l10n.t('A phrase must be text.')));
    else if (position >= MAX_PHRASES) diagnostics.push(problem(item.range, l10n.t('Only the first {0} phrases are used.', MAX_PHRASES)));
    else if (item.value.length > MAX_PHRASE_LENGTH) diagnostics.push(problem(item.range, l10n.t('A phrase longer than {0} characters is not used.', MAX_PHRASE_LENGTH)));
    else if (known && !index.matcher.findMentions(item.value).some((mention) => mention.termUris.includes(document.uri))) {
      diagnostics.push(problem(item.range, l10n.t('"{0}" contains no name of "{1}": it excludes nothing.', item.value, document.term.title)));
    }
  }
  return diagnostics;
}
