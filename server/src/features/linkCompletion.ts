import type { LinkStyleSetting } from '../common/settings';
import type { LineIndex, Position, Range } from '../common/text';
import { asLinkTarget, relativePath, routeSegments } from '../common/uris';
import { byLinksThenName, type CompletionEntry, type GlossaryIndex, type RankedEntry } from '../index/glossaryIndex';
import { nameKey } from '../index/termMatcher';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import { escapeLinkText, escapeWikiTargetForMdx, wikiLinkCannotHold } from '../parsing/markdown';
import { compiledAsMdx } from './diagnostics/siteRules';
import { MAX_COMPLETION_ITEMS, NO_COMPLETIONS, type CompletionList, type Suggestion } from './completionList';
import { letterMask, matchableNamesOf, type MatchableName } from '../index/nameForms';
import { foldQuery, matchQuality, MatchQuality } from './fuzzy';
import { smallest } from '../common/smallest';
import { defaultLocaleOf } from '../site/site';

export type LinkStyle = 'relative' | 'route' | 'wiki';

/** Where in a link the cursor is, what was typed there, and what a completion replaces. */
interface LinkContext {
  part: 'text' | 'target' | 'route' | 'wiki';
  query: string;
  range: Range;
  /** The link's text, when completing its target: `[Kernprozess](`. */
  linkText?: string;
  /** An anchor or query after the cursor that stays, with the link's closing parenthesis (`](./Outt|#abschnitt)`). */
  keepsSuffix?: true;
  /** Set where a Markdown link written over the `[[` would read as something else: after `!` an image, after `\` text. */
  noLinkOverWiki?: true;
  /** Set after a typed `[` the completion keeps: what it replaces starts with the name, as the word the editor filters by does. */
  keepsBracket?: true;
}

// Each pattern matches the line up to the cursor.
const WIKI_OPEN = /\[\[([^\[\]|]*)$/;
const TARGET_OPEN = /(?<!!)\[([^\[\]]*)\]\(([^()\s]*)$/;
const TEXT_OPEN = /(?<![!\[\\])\[([^\[\]()]*)$/;

/**
 * Link completion: after `[`, `[[`, `](` or inside a route `](/docs/`, offers terms by title and
 * alias, ranked by how well they match and then by how often the glossary links them, and inserts
 * the whole link in the style the document already uses.
 */
export function completeLinks(
  index: GlossaryIndex,
  document: ParsedDocument,
  lines: LineIndex,
  position: Position,
  styleSetting: LinkStyleSetting,
): CompletionList {
  const context = linkContext(lines, position);
  if (context === undefined) return NO_COMPLETIONS;
  const list = linkSuggestions(index, document, context, styleSetting);
  // After `![[` or `\[[`, only the names a wiki link holds: a Markdown link written over the `[[` would be an image, or text.
  return context.noLinkOverWiki ? { ...list, items: list.items.filter((item) => item.range.start.character === context.range.start.character) } : list;
}

function linkSuggestions(index: GlossaryIndex, document: ParsedDocument, context: LinkContext, styleSetting: LinkStyleSetting): CompletionList {
  const style = context.part === 'wiki' ? 'wiki' : context.part === 'route' ? 'route' : styleSetting === 'auto' ? styleOf(document) : styleSetting;
  const query = foldQuery(context.query);
  const queryLetters = letterMask(query);

  // A target is the same for a term's title and aliases: offer each term once, by its best name.
  const oneItemPerTerm = context.part === 'target' || context.part === 'route';
  // Rank cheaply into one bucket per match quality; count links, sort and build items (paths,
  // documentation) only for the buckets the list takes items from.
  const rankAll = (entries: Iterable<CompletionEntry>, buckets: Matched[][] = [[], [], [], [], []], skip?: ReadonlySet<string>) => {
    for (const entry of entries) {
      if (skip?.has(entry.uri) || entry.uri === document.uri) continue;
      const names = entry.names;
      let best: MatchQuality | undefined;
      for (let position = 0; position < names.length; position++) {
        const quality = matchQuality(query, names[position], queryLetters);
        if (quality === undefined) continue;
        if (!oneItemPerTerm) buckets[quality].push({ entry, position });
        else if (best === undefined || quality < best) best = quality;
      }
      if (best !== undefined) buckets[best].push({ entry, position: 0 });
    }
    return buckets;
  };
  const itemOf = (term: GlossaryTerm, position: number, sortText: string) => itemFor(index, document, term, position, sortText, context, style);
  const locale = index.multilingualLocaleOf(document.uri);
  // The index's ranking before anything is typed knows no locales: a page of a site with several ranks them itself.
  if (query === '' && locale === undefined) return withNamedFirst(index, document, context.linkText, mostLinked(index, document, oneItemPerTerm, itemOf), itemOf);
  // Every exact, prefix and word-prefix match is among the terms with a word starting with the
  // query's first two letters: when they fill the list, the rest of the glossary cannot get in.
  const withWordStart = query.length >= 2 ? index.termsWithWordStart(query.slice(0, 2)) : undefined;
  let buckets = withWordStart && rankAll(withWordStart);
  const prefixMatches = (ranked: Matched[][]) => ranked[MatchQuality.Exact].length + ranked[MatchQuality.Prefix].length + ranked[MatchQuality.WordPrefix].length;
  // Otherwise the initials and substrings too: from the table's candidates, or every term; the
  // terms ranked already are not ranked again.
  if (buckets === undefined || prefixMatches(buckets) < MAX_COMPLETION_ITEMS) {
    buckets = rankAll(index.termsMaybeMatching(query) ?? index.completionEntries(), buckets, withWordStart && new Set(withWordStart.map((entry) => entry.uri)));
  }
  const rankInLocale = localeRanking(index, document, locale);
  const items: Suggestion[] = [];
  let matched = 0;
  buckets.forEach((bucket, quality) => {
    if (items.length >= MAX_COMPLETION_ITEMS) {
      // Not looked at: counted whole, so at worst the editor asks again.
      matched += bucket.length;
      return;
    }
    // The page's own locale first, then the most linked, then by name.
    const ranked: LocaleRankedEntry[] = [];
    for (const { entry, position } of bucket) {
      const localeRank = rankInLocale(entry.uri);
      if (localeRank !== undefined) ranked.push({ uri: entry.uri, position, links: index.linkCountOf(entry), name: entry.names[position].transliterated, localeRank });
    }
    matched += ranked.length;
    const best = smallest(ranked, MAX_COMPLETION_ITEMS - items.length, byLocaleThenLinks);
    for (const { uri, position, links, name, localeRank } of best) {
      const term = index.termOf(uri);
      if (term !== undefined) items.push(itemOf(term, position, `${quality}${locale === undefined ? '' : localeRank}${rankByLinks(links)}${name}`));
    }
  });
  const list = { items, isIncomplete: matched > MAX_COMPLETION_ITEMS };
  return query === '' ? withNamedFirst(index, document, context.linkText, list, itemOf) : list;
}

interface LocaleRankedEntry extends RankedEntry {
  /** 0 for a term in the page's locale, 1 for one that stands in for a translation it lacks. */
  localeRank: number;
}

const byLocaleThenLinks = (a: LocaleRankedEntry, b: LocaleRankedEntry) => a.localeRank - b.localeRank || byLinksThenName(a, b);

/**
 * How a page ranks a term: 0 in the page's locale, 1 in the default locale where the page's locale
 * has no translation of it (the generator's fallback), undefined otherwise: its translation is
 * offered instead, or it is another language's own. Every term is 0 in a site of one locale.
 */
function localeRanking(index: GlossaryIndex, document: ParsedDocument, locale: string | undefined): (uri: string) => number | undefined {
  const site = index.siteFor(document.uri);
  if (locale === undefined || site === undefined) return () => 0;
  const fallback = defaultLocaleOf(site);
  return (uri) => {
    const termLocale = index.pageOf(uri)?.locale;
    if (termLocale === locale) return 0;
    return (termLocale === undefined || termLocale === fallback) && index.termForLocale(uri, locale) === uri ? 1 : undefined;
  };
}

/**
 * Before anything is typed every name matches: the most linked, from the index's ranking. The
 * ranking holds twice a list's worth, so the current document's own names can be left out.
 */
function mostLinked(
  index: GlossaryIndex,
  document: ParsedDocument,
  oneItemPerTerm: boolean,
  itemFor: (term: GlossaryTerm, position: number, sortText: string) => Suggestion,
): CompletionList {
  const ranking = index.namesRankedByLinks(2 * MAX_COMPLETION_ITEMS);
  const own = index.termOf(document.uri);
  const ownNames = own === undefined ? 0 : oneItemPerTerm ? 1 : matchableNamesOf(own).length;
  const items: Suggestion[] = [];
  for (const { uri, position, links, name } of oneItemPerTerm ? ranking.titles : ranking.names) {
    const term = index.termOf(uri);
    if (term === undefined || uri === document.uri) continue;
    if (items.length === MAX_COMPLETION_ITEMS) break;
    items.push(itemFor(term, position, `${MatchQuality.Prefix}${rankByLinks(links)}${name}`));
  }
  return { items, isIncomplete: (oneItemPerTerm ? ranking.titleCount : ranking.nameCount) - ownNames > MAX_COMPLETION_ITEMS };
}

/**
 * A target for `[Kernprozess](` or `[des Outtaskings](`: the terms the link's text mentions, in
 * any form, come first, ahead of the most linked.
 */
function withNamedFirst(
  index: GlossaryIndex,
  document: ParsedDocument,
  linkText: string | undefined,
  list: CompletionList,
  itemFor: (term: GlossaryTerm, position: number, sortText: string) => Suggestion,
): CompletionList {
  const text = linkText?.trim() ?? '';
  if (text === '') return list;
  // The longest mention first: in "[Selektives Outsourcing](", the whole name.
  const mentions = index.matcher.findMentions(text).sort((a, b) => b.end - b.start - (a.end - a.start));
  const locale = index.multilingualLocaleOf(document.uri);
  const forPage = (uri: string) => (locale === undefined ? uri : index.termForLocale(uri, locale));
  const named = [...new Set(mentions.flatMap((mention) => mention.termUris.map(forPage)))].filter((uri) => uri !== document.uri);
  if (named.length === 0) return list;
  const first = named
    .map((uri) => index.termOf(uri))
    .filter((term) => term !== undefined)
    .map((term, rank) => itemFor(term, 0, `${MatchQuality.Exact}${String(rank).padStart(4, '0')}`));
  const rest = list.items.filter((item) => !named.includes(item.termUri ?? ''));
  return { items: [...first, ...rest].slice(0, MAX_COMPLETION_ITEMS), isIncomplete: list.isIncomplete || first.length + rest.length > MAX_COMPLETION_ITEMS };
}

interface Matched {
  entry: CompletionEntry;
  /** Which of the term's names matched: 0 for the title, then its aliases. */
  position: number;
}

function linkContext(lines: LineIndex, position: Position): LinkContext | undefined {
  const line = lines.lineText(position.line);
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  const at = (character: number, through = 0): Range => ({
    start: { line: position.line, character },
    end: { line: position.line, character: position.character + through },
  });

  const wiki = before.match(WIKI_OPEN);
  if (wiki) {
    // Replace what remains of the name and its closing brackets, so nothing is doubled.
    const rest = after.match(/^[^\[\]]*\]\]?/)?.[0].length ?? 0;
    const opening = position.character - wiki[1].length - 2;
    return { part: 'wiki', query: wiki[1], range: at(position.character - wiki[1].length, rest), ...(opening > 0 && '!\\'.includes(line[opening - 1]) ? { noLinkOverWiki: true as const } : {}) };
  }
  const target = before.match(TARGET_OPEN);
  if (target) {
    const closed = after.match(/^[^()\s]*\)/)?.[0];
    // What remains of the path is replaced; an anchor or query after it stays, and so does the closing parenthesis.
    const suffixAt = closed?.search(/[#?]/) ?? -1;
    const rest = suffixAt >= 0 ? suffixAt : (closed?.length ?? 0);
    const kept = suffixAt >= 0 ? { keepsSuffix: true as const } : {};
    const typed = target[2];
    if (target[1] === '') {
      // `[](` with no text yet: write the text too.
      return { part: 'text', query: lastSegment(typed), range: at(position.character - target[0].length, rest), ...kept };
    }
    const part = routeSegments(typed) !== undefined ? 'route' : 'target';
    return { part, query: lastSegment(typed), range: at(position.character - typed.length, rest), linkText: target[1], ...kept };
  }
  const text = before.match(TEXT_OPEN);
  if (text) {
    const rest = after.match(/^[^\[\]]*\]\([^()\s]*\)|^[^\[\]()]*\]/)?.[0].length ?? 0;
    // Clients that filter by the word before the cursor (Eglot: "Outt", not "[Outt") keep the items whose filter text starts with it.
    return { part: 'text', query: text[1], range: at(position.character - text[1].length, rest), keepsBracket: true };
  }
  return undefined;
}

function lastSegment(typed: string): string {
  return typed.slice(typed.lastIndexOf('/') + 1).replace(/\.mdx?$/i, '');
}

/** The style most links in the document already use; relative paths when it has none. */
export function styleOf(document: ParsedDocument): LinkStyle {
  const counts: Record<LinkStyle, number> = { relative: 0, route: 0, wiki: 0 };
  for (const link of document.body.links) {
    if (link.kind === 'wiki') counts.wiki++;
    else if (routeSegments(link.target) !== undefined) counts.route++;
    else if (/\.mdx?(?:[#?]|$)/i.test(link.target)) counts.relative++;
  }
  return (['relative', 'route', 'wiki'] as const).reduce((best, style) => (counts[style] > counts[best] ? style : best));
}

/** The item for one name of a term: its title (position 0) or an alias. */
function itemFor(index: GlossaryIndex, document: ParsedDocument, term: GlossaryTerm, namePosition: number, sortText: string, context: LinkContext, style: LinkStyle): Suggestion {
  const isAlias = namePosition > 0;
  const name = isAlias ? term.aliases[namePosition - 1] : term.title;
  const target = linkTarget(index, document, term, style);
  // The editor filters the list again as the user types, by its own rules, which know no umlauts:
  // the name's spellings without them ("wertschoepfungskette", "wertschopfungskette") keep the
  // items the server found for "[wertschoe" in the list.
  const spellings = spellingsOf(matchableNamesOf(term)[namePosition], name);
  let newText: string;
  let filterText: string;
  let range = context.range;
  if (context.part === 'wiki') {
    const wiki = wikiLinkTo(index, document, term.title, name);
    if (wiki !== undefined) {
      newText = wiki.slice(2);
      filterText = `${name}${spellings}`;
    } else {
      // A name a wiki link cannot hold: a Markdown link in place of the `[[` typed.
      range = { start: { ...range.start, character: range.start.character - 2 }, end: range.end };
      newText = formatLink(index, document, term, name, 'relative');
      filterText = `[[${name}${spellings}`;
    }
  } else if (context.part === 'text') {
    newText = formatLink(index, document, term, name, context.keepsSuffix && style === 'wiki' ? 'relative' : style);
    // A whole link before a kept anchor: its target without the closing parenthesis, which follows the anchor.
    if (context.keepsSuffix && newText.endsWith(')')) newText = newText.slice(0, -1);
    // Every link starts with the `[` (or `[[`) that was typed: the edit begins after it.
    if (context.keepsBracket) newText = newText.slice(1);
    filterText = context.keepsBracket ? `${name}${spellings}` : `[${name}${spellings}`;
  } else {
    newText = context.keepsSuffix ? target : `${target})`;
    // The user may type part of the path or part of the name.
    filterText = `${target} ${name}${spellings}`;
  }
  return {
    label: name,
    kind: isAlias ? 'alias' : 'term',
    detail: isAlias ? `→ ${term.title}` + tagsSuffix(term) : term.tags.map((tag) => tag.value).join(', '),
    documentation: termDocumentation(term),
    termUri: term.uri,
    newText,
    range,
    filterText,
    sortText,
  };
}

/** The spellings of a name that differ from it but for case, each after a blank; empty when there are none. */
function spellingsOf(matchable: MatchableName | undefined, name: string): string {
  if (matchable === undefined) return '';
  const lower = name.toLowerCase();
  return [...new Set([matchable.transliterated, matchable.bare])]
    .filter((spelling) => spelling !== lower)
    .map((spelling) => ` ${spelling}`)
    .join('');
}

/** The documentation of a suggestion that links to a term: its definition, in Markdown. */
export function termDocumentation(term: GlossaryTerm): string {
  return term.definition;
}

function tagsSuffix(term: GlossaryTerm): string {
  return term.tags.length === 0 ? '' : ` · ${term.tags.map((tag) => tag.value).join(', ')}`;
}

/**
 * A whole link to a term in a style, showing `text`: `[text](../x.md)`, `[text](/docs/x/)`, `[[x|text]]`;
 * a relative link where a wiki link could not hold the title or the text.
 */
export function formatLink(index: GlossaryIndex, document: ParsedDocument, term: GlossaryTerm, text: string, style: LinkStyle): string {
  const wiki = style === 'wiki' ? wikiLinkTo(index, document, term.title, text) : undefined;
  return wiki ?? `[${escapeLinkText(text)}](${linkTarget(index, document, term, style)})`;
}

/**
 * A wiki link to the term titled `title`, showing `text` (`[[Titel]]`, `[[Titel|Text]]`); in MDX with
 * `<`, braces and backslashes escaped, which would open JSX. Undefined where a wiki link cannot hold
 * them (`C# Compiler` would name `C` and its part ` Compiler`).
 */
export function wikiLinkTo(index: GlossaryIndex, document: ParsedDocument, title: string, text = title): string | undefined {
  if (wikiLinkCannotHold(title + text) !== undefined) return undefined;
  const written = compiledAsMdx(index, document) ? escapeWikiTargetForMdx : (value: string) => value;
  return nameKey(text) === nameKey(title) ? `[[${written(text)}]]` : `[[${written(title)}|${written(text)}]]`;
}

/**
 * The link that replaces a selection: the selected words, as written ("des Outsourcings"), become
 * the link text, and the blanks around them stay outside it; an empty selection shows the title.
 */
export function linkForSelection(index: GlossaryIndex, document: ParsedDocument, term: GlossaryTerm, selected: string, style: LinkStyle): string {
  const words = selected.trim();
  if (words === '') return formatLink(index, document, term, term.title, style);
  const start = selected.indexOf(words);
  return selected.slice(0, start) + formatLink(index, document, term, words, style) + selected.slice(start + words.length);
}

/**
 * The target of an inline link to a term from a document: the route of its page on the site, else
 * (a relative style, or a file the site model gives no route) the relative path to its file; encoded.
 */
function linkTarget(index: GlossaryIndex, document: ParsedDocument, term: GlossaryTerm, style: LinkStyle): string {
  // Without a link render hook, Hugo writes a link to a Markdown file as it is, a URL where nothing is: the page's URL, then.
  const site = index.siteFor(document.uri);
  const byUrl = style === 'route' || (site?.generator === 'hugo' && site.hugo.linkRenderHook === 'none' && index.pageOf(document.uri)?.published === true);
  const route = byUrl ? index.routeOf(term) : undefined;
  return asLinkTarget(route ?? relativePath(document.uri, term.uri));
}

/** Sorts often-linked terms first: fewer links, larger key. */
function rankByLinks(count: number): string {
  return String(999_999 - Math.min(count, 999_999)).padStart(6, '0');
}
