import type { GlossaryDiagnostic } from '../common/diagnostic';
import { fileStem, resolveRelativeLink } from '../common/uris';
import { LineIndex, type Range } from '../common/text';
import { splitFrontMatter, type FrontMatter, type FrontMatterField } from './frontMatter';
import { scanMarkdown, type Heading, type MarkdownBody } from './markdown';

/** A value from the front matter with the place it was written, for hover targets and diagnostics. */
export interface Located<T> {
  value: T;
  range: Range;
}

/** What a glossary entry says about its term. */
export interface GlossaryTerm {
  /** The entry's file. */
  uri: string;
  id: string;
  title: string;
  aliases: string[];
  tags: Array<Located<string>>;
  /** Markdown: the bold lead sentence if the body opens with one, else the first paragraph. */
  definition: string;
  /** The H1, where the term is defined; absent for entries without one. */
  heading: Heading | undefined;
  /** Where the title is written: the `title:` value, else the H1's text. */
  titleRange: Range | undefined;
}

/**
 * Everything the features need from one Markdown file, parsed once and shared.
 * It holds no copy of the text: only facts and their places.
 */
export interface ParsedDocument {
  uri: string;
  frontMatter: FrontMatter | undefined;
  body: MarkdownBody;
  /** Set when the file is a glossary entry: one with front matter. */
  term: GlossaryTerm | undefined;
  diagnostics: GlossaryDiagnostic[];
}

/**
 * Parses a Markdown document. Never throws, whatever the input. Pass the line index when the
 * caller has one for the same text.
 */
export function parseDocument(uri: string, text: string, lines = new LineIndex(text)): ParsedDocument {
  const split = splitFrontMatter(text, lines);
  const body = scanMarkdown(text, split.bodyOffset, lines);
  for (const link of body.links) if (link.kind === 'inline') link.targetUri = resolveRelativeLink(uri, link.target);
  const fields = split.frontMatter?.fields ?? [];
  // Front matter makes a file an entry, as in Docusaurus and Hugo; a file without is a plain note.
  const isEntry = fields.length > 0;
  return {
    uri,
    frontMatter: split.frontMatter,
    body,
    term: isEntry ? termFacts(uri, fields, body) : undefined,
    diagnostics: split.diagnostics,
  };
}

function termFacts(uri: string, fields: FrontMatterField[], body: MarkdownBody): GlossaryTerm {
  const field = (key: string) => fields.find((candidate) => candidate.key === key);
  const heading = body.headings.find((candidate) => candidate.level === 1 && candidate.text !== '');
  const titleField = field('title');
  const declaredTitle = asText(titleField?.value);
  const id = asText(field('id')?.value) ?? fileStem(uri);
  return {
    uri,
    id,
    title: declaredTitle ?? heading?.text ?? id,
    aliases: listOf(field('aliases')).map((item) => item.value),
    tags: listOf(field('tags')),
    definition: definitionOf(body),
    heading,
    titleRange: declaredTitle !== undefined ? titleField?.valueRange : heading?.textRange,
  };
}

/** The non-empty strings of a list field; a single string counts as a list of one. */
function listOf(field: FrontMatterField | undefined): Array<Located<string>> {
  if (field === undefined) return [];
  const items = field.items ?? [{ value: field.value, range: field.valueRange }];
  const located: Array<Located<string>> = [];
  for (const item of items) {
    // Docusaurus also accepts inline tag objects: `- label: X`.
    const value = asText(item.value) ?? asText((item.value as { label?: unknown } | null)?.label);
    if (value !== undefined && value.trim() !== '') located.push({ value, range: item.range });
  }
  return located;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const BOLD_LEAD = /^(\*\*|__)(.+?)\1/;

function definitionOf(body: MarkdownBody): string {
  const paragraph = body.leadParagraph?.markdown ?? '';
  return paragraph.match(BOLD_LEAD)?.[2].trim() ?? paragraph;
}

/**
 * What the index keeps of a file that is not open: without the spans and paragraph that only
 * requests on open documents need, so memory stays small on large glossaries. A request that needs
 * them for a closed file parses its text again.
 */
export function withoutOpenDocumentDetail(document: ParsedDocument): ParsedDocument {
  return { ...document, body: { ...document.body, nonProse: [], leadParagraph: undefined } };
}
