import * as l10n from '@vscode/l10n';
import type { LineIndex, Position, Range } from '../common/text';
import { relativePath, resolveRelativeLink } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import { mapLinkTargets } from '../parsing/markdown';
import { localesOf } from '../site/site';
import { termsAt } from './termAt';
import { resolveTermTarget } from './termLinks';

/** Definitions longer than this are cut at the last sentence end before it. */
export const MAX_DEFINITION_LENGTH = 400;

export interface HoverResult {
  /** Markdown shown to the user. */
  markdown: string;
  /** The text the hover belongs to: the mention, link or heading. */
  range: Range;
}

/**
 * What hovering at a position shows: the term behind a link, a term file's own heading, or a plain
 * mention of a term's title or alias in the prose.
 */
export function hover(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): HoverResult | undefined {
  const target = termsAt(index, document, lines, position);
  if (target === undefined || target.terms.length === 0) return undefined;
  const markdown = target.terms.map((term) => describeTerm(index, document.uri, term)).join('\n\n---\n\n');
  return { markdown, range: target.range };
}

/** The hover text for one term: title and aliases, definition, tags with their labels, and its file. */
export function describeTerm(index: GlossaryIndex, fromUri: string, term: GlossaryTerm): string {
  const parts: string[] = [];
  const aliases = term.aliases.length > 0 ? ` (${term.aliases.join(', ')})` : '';
  parts.push(`**${escapeMarkdown(term.title)}**${escapeMarkdown(aliases)}`);
  const locales = localesOfTerm(index, fromUri, term);
  if (locales?.fallbackFrom !== undefined) parts.push(`*${l10n.t('No translation in {0}; showing the {1} entry.', locales.fallbackFrom, locales.own)}*`);
  if (term.definition !== '') parts.push(shortened(withAbsoluteLinks(index, term, term.definition)));
  if (term.tags.length > 0) {
    const tagsFile = index.tagsFileFor(term.uri);
    const labels = term.tags.map(({ value }) => {
      const label = tagsFile?.tags.get(value)?.label ?? value;
      // The label as the site shows it, the key the front matter writes after it: one tag, not two.
      return label === value ? `\`${value}\`` : `${escapeMarkdown(label)} (\`${value}\`)`;
    });
    parts.push(`${l10n.t('Tags')}: ${labels.join(' · ')}`);
  }
  if (locales !== undefined && locales.others.length > 0) {
    parts.push(l10n.t('Also in: {0}', locales.others.map(({ locale, uri }) => `[${escapeMarkdown(locale)}](${uri})`).join(' · ')));
  }
  parts.push(`[${l10n.t('Open {0}', escapeMarkdown(relativePath(fromUri, term.uri)))}](${term.uri})`);
  return parts.join('\n\n');
}

interface TermLocales {
  /** The term's own locale. */
  own: string;
  /** The hovering page's locale, when the term shown stands in for an entry it has no translation of. */
  fallbackFrom?: string;
  /** The term's translations that are terms, in the site's order of locales. */
  others: Array<{ locale: string; uri: string }>;
}

/** Where the term's site builds several locales: which have the term, and whether the page's locale lacks it. */
function localesOfTerm(index: GlossaryIndex, fromUri: string, term: GlossaryTerm): TermLocales | undefined {
  const site = index.siteFor(term.uri);
  const own = index.pageOf(term.uri)?.locale;
  if (site === undefined || own === undefined) return undefined;
  const order = localesOf(site);
  if (order.length < 2) return undefined;
  const others = index
    .translationsOf(term.uri)
    .filter((uri) => index.linkableTermOf(uri) !== undefined)
    .map((uri) => ({ locale: index.pageOf(uri)!.locale, uri }))
    .sort((a, b) => order.indexOf(a.locale) - order.indexOf(b.locale));
  const pageLocale = index.multilingualLocaleOf(fromUri);
  const lacking = pageLocale !== undefined && pageLocale !== own && !others.some(({ locale }) => locale === pageLocale);
  return { own, fallbackFrom: lacking ? pageLocale : undefined, others };
}

/**
 * A definition is shown away from its file, so its relative links and images would break: they
 * become absolute file URIs, and routes to terms become the terms' files.
 */
function withAbsoluteLinks(index: GlossaryIndex, term: GlossaryTerm, markdown: string): string {
  return mapLinkTargets(markdown, (target) => {
    if (target.startsWith('/')) return resolveTermTarget(index, term.uri, target)?.uri ?? target;
    return resolveRelativeLink(term.uri, target) ?? target;
  });
}

/**
 * Cuts a long definition after its last whole sentence (or list item) that fits, never inside a link
 * or code. What fits is counted in the characters a reader sees: a link's destination (a file's
 * whole URI, once `withAbsoluteLinks` made it one) and the marks of emphasis and code take none.
 */
export function shortened(markdown: string): string {
  const limit = offsetAfterVisible(markdown, MAX_DEFINITION_LENGTH);
  if (limit === undefined) return markdown;
  let cut = -1;
  const marks = new MarkTally();
  let counted = 0;
  // A sentence's end, not a numbered item's marker (`1. `); or the end of a line a list item follows.
  for (const match of markdown.matchAll(/(?<!^[ \t]*\d{1,9})[.!?][*_"“”»)]*(?=\s)|(?=\n[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t])/gm)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    marks.add(markdown.slice(counted, end));
    counted = end;
    if (marks.balanced()) cut = end;
  }
  if (cut === -1) {
    // No sentence fits: cut at the last space that leaves the Markdown whole, counting back from it.
    let space = markdown.lastIndexOf(' ', limit);
    if (space >= counted) marks.add(markdown.slice(counted, space));
    else marks.remove(markdown.slice(space, counted));
    while (space > 0) {
      if (marks.balanced()) {
        cut = space;
        break;
      }
      const before = markdown.lastIndexOf(' ', space - 1);
      marks.remove(markdown.slice(Math.max(before, 0), space));
      space = before;
    }
  }
  return cut === -1 ? markdown : `${markdown.slice(0, cut)} …`;
}

/** The offset in `markdown` after its first `visible` characters a reader sees, or undefined where it shows no more than that. */
function offsetAfterVisible(markdown: string, visible: number): number | undefined {
  let seen = 0;
  for (let offset = 0; offset < markdown.length; offset++) {
    const character = markdown[offset];
    if (character === ']' && markdown[offset + 1] === '(') {
      // A link's destination and title, up to the parenthesis that closes them.
      let depth = 0;
      for (offset += 1; offset < markdown.length; offset++) {
        if (markdown[offset] === '(') depth++;
        else if (markdown[offset] === ')' && --depth === 0) break;
      }
      continue;
    }
    if ('*_`[]\\'.includes(character)) continue;
    if (++seen > visible) return offset;
  }
  return undefined;
}

/** The marks of a text's links, code and bold, counted as the text grows or shrinks at its end: whether each is closed. */
class MarkTally {
  private brackets = 0;
  private parentheses = 0;
  private backticks = 0;
  private doubleStars = 0;

  add(text: string, sign = 1): void {
    const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
    this.brackets += sign * (count(/\[/g) - count(/\]/g));
    this.parentheses += sign * (count(/\(/g) - count(/\)/g));
    this.backticks += sign * count(/`/g);
    this.doubleStars += sign * count(/\*\*/g);
  }

  remove(text: string): void {
    this.add(text, -1);
  }

  balanced(): boolean {
    return this.brackets === 0 && this.parentheses === 0 && this.backticks % 2 === 0 && this.doubleStars % 2 === 0;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
