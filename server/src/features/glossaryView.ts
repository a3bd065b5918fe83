import type { LineIndex, Range } from '../common/text';
import { parentUri, uriPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import type { TagDefinition, TagsFile } from '../parsing/tagsFile';
import { definitionOf, referencesByKindIn, searchGlossary } from './navigation';

/**
 * What an editor's glossary views show: the terms grouped by tag or by folder, each group's terms,
 * and every tag with its use. Plain data, so that any client can draw it.
 */

export type GroupBy = 'tag' | 'folder';

export interface TermGroup {
  /** The tag, or the folder's path from its workspace folder ('' for the folder itself); '' with `untagged` too. */
  key: string;
  kind: 'tag' | 'folder' | 'untagged';
  /** The tag's label from its tags file, or the folder's path. */
  label: string;
  count: number;
}

export interface ViewTerm {
  uri: string;
  /** Where the term is defined (its H1, else its title): a view opens the file there. */
  range: Range;
  title: string;
  aliases: string[];
  tags: string[];
  definition: string;
  /** Errors and warnings in the term's file. */
  problems: number;
}

export interface TagSummary {
  tag: string;
  /** The label of the tags file that declares it (the first, if several do), else the tag. */
  label: string;
  description?: string;
  /** Entries that use the tag. */
  count: number;
  /** Entries that use it while the tags file governing them does not declare it. */
  undeclaredUses: number;
  /** Where it is declared, the first tags file if several do. */
  declaration?: { uri: string; range: Range };
}

/** A place that refers to a term, with its line for a view to show. */
export interface ReferencePlace {
  uri: string;
  range: Range;
  /** The line's text, trimmed and cut short. */
  preview: string;
}

export interface TermReferences {
  links: ReferencePlace[];
  /** Mentions without a link. */
  mentions: ReferencePlace[];
}

/** Longer lines are cut in a preview: a view shows one line of a paragraph. */
const MAX_PREVIEW_CHARACTERS = 160;
/** How much of a long line a preview shows before the reference. */
const PREVIEW_LEAD = 40;

/** The links to a term in one document and its unlinked mentions there, each with its line. */
export function referencePlacesIn(index: GlossaryIndex, term: GlossaryTerm, document: ParsedDocument, lines: LineIndex): TermReferences {
  const { links, mentions } = referencesByKindIn(index, term, document, lines);
  // A paragraph is one line: its text is read once for all the references in it.
  const lineTexts = new Map<number, string>();
  const place = (range: Range): ReferencePlace => {
    let text = lineTexts.get(range.start.line);
    if (text === undefined) lineTexts.set(range.start.line, (text = lines.lineText(range.start.line)));
    return { uri: document.uri, range, preview: previewOf(text, range.start.character) };
  };
  return { links: links.map(place), mentions: mentions.map(place) };
}

/** A line as a view shows it: trimmed, and where long, the part around a column, cut at whole characters. */
function previewOf(line: string, column: number): string {
  // The bounds of the trimmed text, found without copying a paragraph of a megabyte for each of its references.
  let first = 0;
  let end = line.length;
  while (first < end && /\s/.test(line[first])) first++;
  while (end > first && /\s/.test(line[end - 1])) end--;
  if (end - first <= MAX_PREVIEW_CHARACTERS) return line.slice(first, end);
  const start = Math.max(first, Math.min(column - PREVIEW_LEAD, end - MAX_PREVIEW_CHARACTERS));
  const characters = [...line.slice(start, Math.min(end, start + MAX_PREVIEW_CHARACTERS + 1))];
  // A slice may begin or end inside a surrogate pair.
  if (characters.length > 0 && /^[\uDC00-\uDFFF]$/.test(characters[0])) characters.shift();
  const window = characters.slice(0, MAX_PREVIEW_CHARACTERS - 2).join('').replace(/[\uD800-\uDBFF]$/, '').trim();
  return `${start > first ? '…' : ''}${window}${start + MAX_PREVIEW_CHARACTERS < end ? '…' : ''}`;
}

export interface ViewContext {
  /** The workspace folders, as URIs: folder groups are named by the path from the one holding the term. */
  roots: readonly string[];
  /** Errors and warnings in a file. */
  problemsIn(uri: string): number;
}

/** The groups of the terms matching a filter ('' for all), sorted by label, the untagged ones last; and how many terms match. */
export function termGroups(index: GlossaryIndex, groupBy: GroupBy, filter: string, context: ViewContext): { groups: TermGroup[]; shown: number } {
  const labels = tagLabels(index);
  const groups = new Map<string, TermGroup>();
  let shown = 0;
  for (const term of filteredTerms(index, filter)) {
    shown += 1;
    for (const group of groupsOf(term, groupBy, context)) {
      const id = `${group.kind}\u0000${group.key}`;
      const known = groups.get(id);
      if (known === undefined) groups.set(id, { ...group, label: group.kind === 'tag' ? (labels.get(group.key) ?? group.key) : group.label, count: 1 });
      else known.count += 1;
    }
  }
  const sorted = [...groups.values()].sort((a, b) => Number(a.kind === 'untagged') - Number(b.kind === 'untagged') || collator.compare(a.label, b.label) || collator.compare(a.key, b.key));
  return { groups: sorted, shown };
}

/** A view lists at most this many terms of a group: a tree of 50,000 rows helps nobody, a filter does. */
export const MAX_GROUP_TERMS = 1000;

export interface GroupTerms {
  /** The first terms by title, at most `MAX_GROUP_TERMS`. */
  terms: ViewTerm[];
  /** All terms of the group. */
  total: number;
}

/** The terms of one group (`termGroups`' key and kind), sorted by title, the first `limit` of them. */
export function termsOfGroup(index: GlossaryIndex, groupBy: GroupBy, filter: string, group: Pick<TermGroup, 'kind' | 'key'>, context: ViewContext, limit = MAX_GROUP_TERMS): GroupTerms {
  const members: GlossaryTerm[] = [];
  for (const term of filteredTerms(index, filter)) {
    if (groupsOf(term, groupBy, context).some((candidate) => candidate.kind === group.kind && candidate.key === group.key)) members.push(term);
  }
  members.sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.uri, b.uri));
  const terms = members.slice(0, limit).map((term) => ({
    uri: term.uri,
    range: definitionOf(term).range,
    title: term.title,
    aliases: term.aliases,
    tags: term.tags.map((tag) => tag.value),
    definition: term.definition,
    problems: context.problemsIn(term.uri),
  }));
  return { terms, total: members.length };
}

/** Every tag in use or declared, with how many entries use it and how many of those lack its declaration. */
export function tagSummaries(index: GlossaryIndex): TagSummary[] {
  const summaries = new Map<string, TagSummary>();
  const summaryOf = (tag: string) => {
    let summary = summaries.get(tag);
    if (summary === undefined) summaries.set(tag, (summary = { tag, label: tag, count: 0, undeclaredUses: 0 }));
    return summary;
  };
  for (const [tagsFile, definition] of declarations(index)) {
    const summary = summaryOf(definition.key);
    if (summary.declaration !== undefined) continue;
    summary.label = definition.label;
    summary.description = definition.description;
    summary.declaration = { uri: tagsFile.uri, range: definition.keyRange };
  }
  for (const term of index.terms()) {
    const tagsFile = index.tagsFileFor(term.uri);
    for (const tag of tagsOf(term)) {
      const summary = summaryOf(tag);
      summary.count += 1;
      if (tagsFile !== undefined && !tagsFile.tags.has(tag)) summary.undeclaredUses += 1;
    }
  }
  return [...summaries.values()].sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.tag, b.tag));
}

/**
 * Every declaration of every tags file, the files in path order: where several declare a tag, the
 * first names it, whatever order the files were read in.
 */
function* declarations(index: GlossaryIndex): Generator<[TagsFile, TagDefinition]> {
  for (const tagsFile of [...index.tagsFiles()].sort((a, b) => collator.compare(a.uri, b.uri))) {
    for (const definition of tagsFile.tags.values()) yield [tagsFile, definition];
  }
}

function tagLabels(index: GlossaryIndex): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [, definition] of declarations(index)) if (!labels.has(definition.key)) labels.set(definition.key, definition.label);
  return labels;
}

/** A term's tags, each once, without blanks around. */
function tagsOf(term: GlossaryTerm): string[] {
  return [...new Set(term.tags.map(({ value }) => value.trim()).filter((value) => value !== ''))];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function* filteredTerms(index: GlossaryIndex, filter: string): Iterable<GlossaryTerm> {
  if (filter.trim() === '') yield* index.terms();
  else for (const { term } of searchGlossary(index, filter, Infinity)) yield term;
}

function groupsOf(term: GlossaryTerm, groupBy: GroupBy, context: ViewContext): Array<Omit<TermGroup, 'count'>> {
  if (groupBy === 'folder') {
    const key = folderPath(term.uri, context.roots);
    return [{ kind: 'folder', key, label: key }];
  }
  const tags = tagsOf(term);
  // Tag groups are labelled by `termGroups`, from every tags file.
  return tags.length === 0 ? [{ kind: 'untagged', key: '', label: '' }] : tags.map((tag) => ({ kind: 'tag', key: tag, label: tag }));
}

/** The path of a file's folder from the workspace folder that holds it; with several workspace folders, that folder's name first. */
function folderPath(uri: string, roots: readonly string[]): string {
  const folder = uriPath(parentUri(uri));
  const root = roots
    .map(uriPath)
    .filter((candidate) => folder === candidate || folder.startsWith(`${candidate}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (root === undefined) return folder;
  const inside = folder.slice(root.length + 1);
  return roots.length > 1 ? [root.slice(root.lastIndexOf('/') + 1), inside].filter((part) => part !== '').join('/') : inside;
}
