import type { LineIndex, Position, Range } from '../common/text';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import type { Heading } from '../parsing/markdown';
import { MAX_COMPLETION_ITEMS } from './completionList';
import { letterMask, matchableNamesOf } from '../index/nameForms';
import { foldQuery, matchQuality, MatchQuality } from './fuzzy';
import { mentionsIn, termsAt } from './termAt';
import { resolveTermLink } from './termLinks';

export interface Location {
  uri: string;
  range: Range;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a term is defined: its H1, else its title, else the top of its file. */
export function definitionOf(term: GlossaryTerm): Location {
  return { uri: term.uri, range: term.heading?.textRange ?? term.titleRange ?? START };
}

/** Go to definition from a mention, a link or the term's own heading. */
export function definition(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): Location[] {
  return termsAt(index, document, lines, position)?.terms.map(definitionOf) ?? [];
}

/** The places in one document that refer to a term: links to it and plain mentions of it. */
export function referencesIn(index: GlossaryIndex, term: GlossaryTerm, document: ParsedDocument, lines: LineIndex): Range[] {
  const { links, mentions } = referencesByKindIn(index, term, document, lines);
  return [...links, ...mentions].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}

/** The links to a term in one document, and its plain mentions there, each in document order. */
export function referencesByKindIn(index: GlossaryIndex, term: GlossaryTerm, document: ParsedDocument, lines: LineIndex): { links: Range[]; mentions: Range[] } {
  const links = document.body.links.filter((link) => resolveTermLink(index, document.uri, link)?.uri === term.uri).map((link) => link.range);
  const mentions = mentionsIn(index, document, lines).filter((mention) => mention.termUris.includes(term.uri)).map((mention) => mention.range);
  return { links, mentions };
}

export interface SymbolEntry {
  name: string;
  detail: string;
  location: Location;
}

/** A term found by a search, and the name it was found by: its title, or the alias that matched better. */
export interface SearchMatch {
  term: GlossaryTerm;
  name: string;
}

/** Terms whose title or an alias matches a query, ranked like completion, at most as many as it shows. */
export function searchTerms(index: GlossaryIndex, query: string): GlossaryTerm[] {
  return searchGlossary(index, query).map(({ term }) => term);
}

/** As `searchTerms`, with the name each term was found by, which a picker shows first. */
export function searchGlossary(index: GlossaryIndex, query: string, limit = MAX_COMPLETION_ITEMS): SearchMatch[] {
  // "#im" searches the tags only; a plain query finds a term by a tag after those it names.
  const onlyTags = query.trim().startsWith('#');
  const folded = foldQuery(onlyTags ? query.trim().slice(1) : query);
  const queryLetters = letterMask(folded);
  const found: Array<SearchMatch & { sortText: string }> = [];
  for (const term of index.terms()) {
    let best: MatchQuality | undefined;
    let name = term.title;
    // The title first: an alias names the term only where it matches better.
    (onlyTags ? [] : matchableNamesOf(term)).forEach((matchable, position) => {
      const quality = matchQuality(folded, matchable, queryLetters);
      if (quality === undefined || (best !== undefined && quality >= best)) return;
      best = quality;
      name = position === 0 ? term.title : term.aliases[position - 1];
    });
    if (best !== undefined) found.push({ term, name, sortText: `${best}${term.title.toLowerCase()}` });
    else if (folded !== '' && hasTagLike(index, term, folded)) found.push({ term, name, sortText: `${TAG_MATCH}${term.title.toLowerCase()}` });
  }
  found.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return found.slice(0, limit).map(({ term, name }) => ({ term, name }));
}

/** Below every match by a name. */
const TAG_MATCH = MatchQuality.Substring + 1;

/** Whether one of a term's tags, by key or by its label in the tags file, starts with the folded query. */
function hasTagLike(index: GlossaryIndex, term: GlossaryTerm, folded: string): boolean {
  const tagsFile = index.tagsFileFor(term.uri);
  return term.tags.some(({ value }) => [value, tagsFile?.tags.get(value)?.label ?? value].some((name) => foldQuery(name).startsWith(folded)));
}

/**
 * Workspace symbols: terms by title and alias, their aliases and tags as detail. Where the editor
 * lists Markdown headings itself (VS Code), a term found by the title of its H1 is left to that
 * list, and one found by an alias is named by it, so that no term is listed twice.
 */
export function workspaceSymbols(index: GlossaryIndex, query: string, editorListsHeadings = false): SymbolEntry[] {
  const tags = (term: GlossaryTerm) => term.tags.map((tag) => `#${tag.value}`);
  if (!editorListsHeadings) {
    return searchTerms(index, query).map((term) => ({ name: term.title, detail: [...term.aliases, ...tags(term)].join(' '), location: definitionOf(term) }));
  }
  return searchGlossary(index, query)
    .filter(({ term, name }) => name !== term.title || term.heading?.text !== term.title)
    .map(({ term, name }) => ({ name, detail: [...(name === term.title ? [] : [term.title]), ...term.aliases.filter((alias) => alias !== name), ...tags(term)].join(' '), location: definitionOf(term) }));
}

export interface OutlineSymbol {
  name: string;
  detail: string;
  level: number;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The outline of a document: its headings nested by level; the H1 of a term carries its tags. */
export function documentSymbols(document: ParsedDocument, lines: LineIndex): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const open: OutlineSymbol[] = [];
  const headings = document.body.headings;
  headings.forEach((heading: Heading, position) => {
    // A section runs to the next heading of the same or a higher level.
    let nextIndex = position + 1;
    while (nextIndex < headings.length && headings[nextIndex].level > heading.level) nextIndex++;
    const next = headings[nextIndex];
    const endLine = next === undefined ? lines.lineCount - 1 : next.range.start.line - 1;
    const isTermHeading = document.term?.heading === heading;
    const symbol: OutlineSymbol = {
      name: heading.text || '#'.repeat(heading.level),
      detail: isTermHeading ? document.term!.tags.map((tag) => tag.value).join(', ') : '',
      level: heading.level,
      range: { start: heading.range.start, end: { line: Math.max(endLine, heading.range.end.line), character: lines.lineText(Math.max(endLine, heading.range.end.line)).length } },
      selectionRange: heading.textRange,
      children: [],
    };
    while (open.length > 0 && open[open.length - 1].level >= heading.level) open.pop();
    (open.length === 0 ? roots : open[open.length - 1].children).push(symbol);
    open.push(symbol);
  });
  return roots;
}

/** A clickable link for every link that reaches a term, in any style. */
export function documentLinks(index: GlossaryIndex, document: ParsedDocument): Array<{ range: Range; target: string }> {
  const links: Array<{ range: Range; target: string }> = [];
  for (const link of document.body.links) {
    const term = resolveTermLink(index, document.uri, link);
    if (term !== undefined) links.push({ range: link.kind === 'wiki' ? link.range : link.targetRange, target: term.uri });
  }
  return links;
}
