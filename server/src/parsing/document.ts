import type { GlossaryDiagnostic } from '../common/diagnostic';
import { generatorOfReader, markdownFormatOf, type MarkdownFormat, type Reader } from '../common/generator';
import { fileStem, resolveRelativeLink } from '../common/uris';
import { LineIndex, ownCopy, PackedRange, type Range } from '../common/text';
import { directiveOf, type CommentSpan, type Directive } from './directives';
import { docusaurusContentTitle } from './contentTitle';
import { openingDependsOnHugo, splitFrontMatter, type HugoOpeningProblem } from './frontMatter';
import type { FrontMatter, FrontMatterField } from './frontMatterFields';
import { markdownDestination, scanMarkdown, type Heading, type MarkdownBody, type MarkdownLink } from './markdown';
import { commonMarkProblemsOf, mayStopDocusaurus, mdxProblemsOf, mdxReadOf, readsMdx1Syntax, type ComponentLink, type MdxModule, type MdxProblem } from './mdx';
import { asReadersSeeShortcodes, hugoShortcodesOf, type HugoRef, type HugoShortcodeUse } from './hugoShortcodes';

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
  /** Set when the front matter declares no id: the id is the file name. */
  idFromFileName?: true;
  /** Its `title`, else the text that titles its page, else its id (in a Docusaurus site, as the index finds it: see `untitledEntryTitle`). */
  title: string;
  aliases: string[];
  /** Phrases in which the term's name is not a mention of it ("bei Bedarf"): the `not_mentions` key. */
  notMentions: string[];
  tags: Array<Located<string>>;
  /** Markdown: the bold lead sentence if the body opens with one, else the first paragraph. */
  definition: string;
  /** The H1, where the term is defined; absent for entries without one. */
  heading: Heading | undefined;
  /** Where the title is written: the `title:` value, else the H1's text (in a Docusaurus site, the H1 that opens the content). */
  titleRange: Range | undefined;
  /** A translation's `translated_from`: the commit (or date) of the original it was made from, as written. */
  translatedFrom?: Located<string>;
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
  /** The comments that disable or enable rules, in the order they are written. */
  directives: Directive[];
  /** What stops Docusaurus at the file's MDX, were it compiled as MDX; see `mdx.ts`. Absent when nothing does. */
  mdxProblems?: MdxProblem[];
  /** The same where MDX 1's syntax is no longer read (`future.v4`), when it differs. */
  mdxStrictProblems?: MdxProblem[];
  /** What stops Docusaurus at the file compiled as CommonMark (`format: md`): addresses it cannot read. */
  commonMarkProblems?: MdxProblem[];
  /** The modules the file's code asks webpack for, were it compiled as MDX and where it parses; absent when it asks for none. */
  mdxModules?: MdxModule[];
  /** The links its `<Link>` elements collect for Docusaurus's broken-link check, were it compiled as MDX and where it parses; absent when there are none. */
  componentLinks?: ComponentLink[];
  /** Set when the file was not read as MDX (it lies in no Docusaurus site), so the five above say nothing. */
  mdxUnread?: true;
  /** Set when its body was read as MDX reads it, with no indented code: it is compiled as MDX (see `compilesAsMdx`). */
  bodyReadAsMdx?: true;
  /** Hugo's `ref` and `relref` shortcodes in the body, where there are any: the build fails on one that finds no page. */
  hugoRefs?: HugoRef[];
  /** The other Hugo shortcodes the body uses, where there are any: the build fails on one Hugo has no template for. */
  hugoShortcodes?: HugoShortcodeUse[];
  /**
   * Set where the file reads differently in a Hugo site: its opening (see `openingDependsOnHugo`),
   * or a key of its term written in another case (Hugo reads keys in lower case). Whether it was
   * read as Hugo reads it; a file read the other way is parsed again when its site is known.
   */
  hugoReading?: 'read' | 'unread';
  /** Read as Hugo reads it: an opening Hugo takes for front matter and cannot read, which fails its build. */
  hugoOpeningProblem?: HugoOpeningProblem;
}

/** How a file is read: as MDX (`mdx: false` leaves that out), and its opening as Hugo reads it (`hugo`). */
export interface ParseOptions {
  mdx?: boolean;
  hugo?: boolean;
  /** Titled as Docusaurus titles a page (see `docusaurusContentTitle`). */
  docusaurus?: boolean;
  /** The `markdown.format` of the Docusaurus site that holds it: its body is read as Docusaurus compiles it (see `compilesAsMdx`). */
  markdownFormat?: MarkdownFormat;
}

/** How the generator of a file's site reads it, MDX's problems aside. */
export function readAs(reader: Reader | undefined): { hugo: boolean; docusaurus: boolean; markdownFormat?: MarkdownFormat } {
  const generator = generatorOfReader(reader);
  const markdownFormat = markdownFormatOf(reader);
  return { hugo: generator === 'hugo', docusaurus: generator === 'docusaurus', ...(markdownFormat === undefined ? {} : { markdownFormat }) };
}

/**
 * Whether a page is compiled as MDX: in a Docusaurus site, by its front matter's `mdx.format`, else
 * the site's `markdown.format` (`markdownFormat`), `detect` by the file's extension; elsewhere, an
 * `.mdx` file.
 */
export function compilesAsMdx(uri: string, fields: readonly FrontMatterField[], markdownFormat: MarkdownFormat | undefined): boolean {
  if (markdownFormat === undefined) return /\.mdx$/i.test(uri);
  const mdx = fields.find((field) => field.key === 'mdx')?.value as { format?: unknown } | null | undefined;
  const format = typeof mdx === 'object' && mdx !== null && mdx.format !== undefined ? mdx.format : markdownFormat;
  return format === 'mdx' || (format === 'detect' && /\.mdx$/i.test(uri));
}

/**
 * Parses a Markdown document. Never throws, whatever the input. Pass the line index when the
 * caller has one for the same text. `mdx: false` leaves out what MDX makes of it (`mdxProblems`),
 * which costs ten times the rest: an editor checks it when typing pauses, and a file outside every
 * Docusaurus site needs none (see `closedDocument`).
 */
export function parseDocument(uri: string, text: string, lines = new LineIndex(text), options: ParseOptions = {}): ParsedDocument {
  const split = splitFrontMatter(text, lines, options.hugo === true);
  const bodyComments: CommentSpan[] = [];
  const fields = split.frontMatter?.fields ?? [];
  const asMdx = compilesAsMdx(uri, fields, options.markdownFormat);
  const body = scanMarkdown(text, split.bodyOffset, lines, bodyComments, asMdx, options.hugo === true);
  const directives: Directive[] = [];
  for (const comment of [...(split.comments ?? []), ...bodyComments]) {
    const directive = directiveOf(text, comment, lines, split.diagnostics);
    if (directive !== undefined && text.startsWith('{/*', comment[0] - 3)) directive.mdxComment = true;
    if (directive !== undefined) directives.push(directive);
  }
  // The destination as Markdown reads it: `O\_ut.md` and `O&#95;ut.md` name `O_ut.md`; as written on
  // Hugo's pages, whose link render hooks are handed it so (see `linkedDocument`).
  for (const link of body.links) if (link.kind === 'inline') link.targetUri = resolveRelativeLink(uri, options.hugo === true ? link.target : (markdownDestination(link.target) ?? link.target));
  // Front matter makes a file an entry, as in Docusaurus and Hugo; a file without is a plain note.
  const isEntry = fields.length > 0;
  const asHugo = options.hugo === true;
  const shortcodes = hugoShortcodesOf(text, split.bodyOffset, lines);
  return {
    uri,
    frontMatter: split.frontMatter,
    body,
    term: isEntry ? termFacts(uri, fields, body, (range) => text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)), asHugo, options.docusaurus === true ? contentTitleOf(text, split.bodyOffset, lines, body) : undefined) : undefined,
    diagnostics: split.diagnostics,
    directives,
    ...(options.mdx === false ? {} : mdxProblemsFact(text, lines)),
    ...(shortcodes.refs.length === 0 ? {} : { hugoRefs: shortcodes.refs }),
    ...(shortcodes.others.length === 0 ? {} : { hugoShortcodes: shortcodes.others }),
    ...(openingDependsOnHugo(text) || termKeysDependOnHugo(fields) || body.links.some(destinationDependsOnHugo) || (isEntry && definitionDependsOnHugo(text, split.bodyOffset)) ? { hugoReading: asHugo ? 'read' : 'unread' } : {}),
    ...(split.hugoOpeningProblem === undefined ? {} : { hugoOpeningProblem: split.hugoOpeningProblem }),
    ...(asMdx ? { bodyReadAsMdx: true } : {}),
  };
}

/** A document's MDX problems, to carry to another parse of the same text. */
export function mdxFactsOf(document: ParsedDocument): MdxFacts {
  return {
    ...(document.mdxProblems === undefined ? {} : { mdxProblems: document.mdxProblems }),
    ...(document.mdxStrictProblems === undefined ? {} : { mdxStrictProblems: document.mdxStrictProblems }),
    ...(document.commonMarkProblems === undefined ? {} : { commonMarkProblems: document.commonMarkProblems }),
    ...(document.mdxModules === undefined ? {} : { mdxModules: document.mdxModules }),
    ...(document.componentLinks === undefined ? {} : { componentLinks: document.componentLinks }),
  };
}

/** What reading a document as MDX tells (see `mdxProblemsFact`). */
export type MdxFacts = Pick<ParsedDocument, 'mdxProblems' | 'mdxStrictProblems' | 'commonMarkProblems' | 'mdxModules' | 'componentLinks'>;

export function mdxProblemsFact(text: string, lines: LineIndex): MdxFacts {
  if (!mayStopDocusaurus(text)) return {};
  // The modules as MDX 1's syntax reads them: both readings parse the same code, or one of them fails to parse.
  const { problems: mdxProblems, modules, componentLinks } = mdxReadOf(text, lines);
  const commonMarkProblems = commonMarkProblemsOf(text, lines);
  // Read a second time only where it can differ: with an HTML comment, a heading id or an admonition title.
  const strict = readsMdx1Syntax(text) ? mdxProblemsOf(text, lines, false) : mdxProblems;
  const differs = strict !== mdxProblems && JSON.stringify(strict) !== JSON.stringify(mdxProblems);
  return { ...(mdxProblems.length === 0 ? {} : { mdxProblems }), ...(differs ? { mdxStrictProblems: strict } : {}), ...(commonMarkProblems.length === 0 ? {} : { commonMarkProblems }), ...(modules.length === 0 ? {} : { mdxModules: modules }), ...(componentLinks.length === 0 ? {} : { componentLinks }) };
}

/** The front-matter key listing phrases that are not mentions of the term. */
export const NOT_MENTIONS_KEY = 'not_mentions';
/** The front-matter key of further names, beside `aliases`, as Kubernetes' glossary writes them (`aka`). */
export const ALSO_KNOWN_AS_KEY = 'aka';
/** The front-matter key pinning the version of the original a translation was made from. */
export const TRANSLATED_FROM_KEY = 'translated_from';

/** The keys the term is read from. */
const TERM_KEYS: ReadonlySet<string> = new Set(['id', 'title', 'aliases', ALSO_KNOWN_AS_KEY, 'tags', 'not_mentions', 'translated_from']);

/** Whether a Hugo page's definition may read otherwise: a shortcode in its body may take its first paragraph or show otherwise in it (see `asReadersSeeShortcodes`). */
function definitionDependsOnHugo(text: string, bodyOffset: number): boolean {
  return text.includes('{{<', bodyOffset) || text.includes('{{%', bodyOffset);
}

/** Whether a link's file is found otherwise on a Hugo page: its destination holds an escape or a character reference (see `targetUri`). */
function destinationDependsOnHugo(link: MarkdownLink): boolean {
  return link.kind === 'inline' && (link.target.includes('\\') || link.target.includes('&'));
}

/** Whether Hugo reads a term key from another field: one written in another case, or one written twice. */
function termKeysDependOnHugo(fields: readonly FrontMatterField[]): boolean {
  const seen = new Set<string>();
  for (const { key } of fields) {
    const lower = key.toLowerCase();
    if (!TERM_KEYS.has(lower)) continue;
    if (lower !== key || seen.has(lower)) return true;
    seen.add(lower);
  }
  return false;
}

/**
 * The field a term key (in lower case) is read from: as written, the first; or as Hugo reads keys
 * (`caseless`), in any case, where one not in lower case wins over one that is (Hugo lower-cases
 * the keys over those already so), else the last.
 */
export function termFieldOf(fields: readonly FrontMatterField[], key: string, caseless: boolean): FrontMatterField | undefined {
  if (!caseless) return fields.find((field) => field.key === key);
  let lowerCase: FrontMatterField | undefined;
  for (let at = fields.length - 1; at >= 0; at--) {
    const field = fields[at];
    if (field.key.toLowerCase() !== key) continue;
    if (field.key !== key) return field;
    lowerCase ??= field;
  }
  return lowerCase;
}

/** The field a document's term read `key` from (see `termFieldOf`). */
export function termField(document: ParsedDocument, key: string): FrontMatterField | undefined {
  return termFieldOf(document.frontMatter?.fields ?? [], key, document.hugoReading === 'read');
}

/** A title from the page's text: Docusaurus's content title (`docusaurusContentTitle`), at its H1's text where the scanner read one there. */
interface TitleInText {
  text: string;
  range: Range;
}

function contentTitleOf(text: string, bodyOffset: number, lines: LineIndex, body: MarkdownBody): TitleInText | null {
  const title = docusaurusContentTitle(text, bodyOffset);
  if (title === undefined) return null;
  const line = lines.positionAt(title.start).line;
  const heading = body.headings.find((candidate) => candidate.level === 1 && candidate.range.start.line === line);
  return { text: title.text, range: heading?.textRange ?? { start: lines.positionAt(title.start), end: lines.positionAt(title.end) } };
}

/**
 * The term an entry's fields give; `caseless`: keys as Hugo reads them (see `termFieldOf`);
 * `titleInText`: the page's title where its generator takes it from the text (null: none), else
 * undefined and the page's H1 titles it.
 */
function termFacts(uri: string, fields: FrontMatterField[], body: MarkdownBody, sourceAt: (range: Range) => string, asHugo: boolean, titleInText: TitleInText | null | undefined): GlossaryTerm {
  const field = (key: string) => termFieldOf(fields, key, asHugo);
  // The H1 that titles the page is its first heading: one after `##` sections titles a part.
  const first = body.headings.find((candidate) => candidate.text !== '');
  const heading = first?.level === 1 ? first : undefined;
  const fromText = titleInText === undefined ? (heading === undefined ? undefined : { text: heading.text, range: heading.textRange }) : (titleInText ?? undefined);
  const titleField = field('title');
  const declaredTitle = asText(titleField?.value);
  const declaredId = asText(field('id')?.value);
  const id = declaredId ?? fileStem(uri);
  return {
    uri,
    id,
    ...(declaredId === undefined ? { idFromFileName: true as const } : {}),
    title: declaredTitle ?? fromText?.text ?? id,
    aliases: [...listOf(field('aliases')), ...listOf(field(ALSO_KNOWN_AS_KEY))].map((item) => item.value),
    notMentions: listOf(field(NOT_MENTIONS_KEY)).map((item) => item.value),
    tags: listOf(field('tags')),
    definition: asHugo ? asReadersSeeShortcodes(definitionOf(body)) : definitionOf(body),
    heading,
    titleRange: declaredTitle !== undefined ? titleField?.valueRange : fromText?.range,
    ...translatedFromOf(field(TRANSLATED_FROM_KEY), sourceAt),
  };
}

/**
 * The pin as written: YAML reads a commit of digits only as a number (`0123456` as 123456) and
 * may read a date as a date, so anything but a string is taken as its source text.
 */
function translatedFromOf(field: FrontMatterField | undefined, sourceAt: (range: Range) => string): { translatedFrom?: Located<string> } {
  if (field === undefined) return {};
  const value = typeof field.value === 'string' ? field.value : field.value === undefined || field.value === null ? undefined : sourceAt(field.valueRange);
  return value === undefined || value.trim() === '' ? {} : { translatedFrom: { value: value.trim(), range: field.valueRange } };
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

/** Bold text opening the lead paragraph, and what follows it. */
const BOLD_LEAD = /^(\*\*|__)(.+?)\1([^]*)$/;

/**
 * The lead sentence where the body opens with one in bold (`**Das Outtasking ist ….**`), else the
 * lead paragraph: bold that is no sentence (`**Product Backlog** ist …`, the name alone) leads into
 * the paragraph, which is the definition.
 */
function definitionOf(body: MarkdownBody): string {
  const paragraph = body.leadParagraph?.markdown ?? '';
  const bold = BOLD_LEAD.exec(paragraph);
  if (bold === null) return paragraph;
  const [, , lead, rest] = bold;
  return /[.!?:]$/.test(lead.trim()) || rest.trim() === '' || /^[.!?]/.test(rest) ? lead.trim() : paragraph;
}

/**
 * A file read from disk as the index keeps it, as the generator of its site reads it: as MDX only
 * in a Docusaurus site (Hugo's shortcodes, `{{< … >}}`, would make MDX's parser read most of a Hugo
 * site for nothing), its opening as Hugo reads it in a Hugo site.
 */
export function closedDocument(uri: string, text: string, reader: Reader | undefined): ParsedDocument {
  const inDocusaurusSite = generatorOfReader(reader) === 'docusaurus';
  const document = withoutOpenDocumentDetail(parseDocument(uri, text, undefined, { mdx: inDocusaurusSite, ...readAs(reader) }));
  if (!inDocusaurusSite) document.mdxUnread = true;
  return document;
}

/** Whether a document was read as the generator of its site reads it (else it is to be parsed again). */
export function readAsBy(document: ParsedDocument, reader: Reader | undefined): boolean {
  const generator = generatorOfReader(reader);
  if ((document.mdxUnread === true) !== (generator !== 'docusaurus')) return false;
  if ((document.bodyReadAsMdx === true) !== compilesAsMdx(document.uri, document.frontMatter?.fields ?? [], markdownFormatOf(reader))) return false;
  return document.hugoReading === undefined || (document.hugoReading === 'read') === (generator === 'hugo');
}

/**
 * What the index keeps of a file that is not open: without the spans and paragraph that only
 * requests on open documents need, so memory stays small on large glossaries. A request that needs
 * them for a closed file parses its text again.
 */
export function withoutOpenDocumentDetail(document: ParsedDocument): ParsedDocument {
  compactInPlace(document);
  const { references: _openOnly, ...body } = document.body;
  return { ...document, body: { ...body, nonProse: [], leadParagraph: undefined } };
}

/**
 * Makes what the index keeps of each of many files small, in place:
 * - every string becomes a copy: V8 keeps a slice of 13 characters or more as a view of the whole
 *   string it was cut from, so one title kept from a closed file would keep the file's text alive
 *   (a third of the parsed documents' memory at 10,000 files);
 * - every range becomes a `PackedRange`, one object instead of three (two thirds of the objects);
 * - every list is cut to its length (see `exactLists`).
 */
function compactInPlace(document: ParsedDocument): void {
  exactLists(document);
  for (const link of document.body.links) {
    link.text = ownCopy(link.text);
    link.target = ownCopy(link.target);
    if (link.targetUri !== undefined) link.targetUri = ownCopy(link.targetUri);
    link.range = PackedRange.from(link.range);
    link.textRange = PackedRange.from(link.textRange);
    link.targetRange = PackedRange.from(link.targetRange);
  }
  for (const ref of document.hugoRefs ?? []) {
    ref.target = ownCopy(ref.target);
    ref.range = PackedRange.from(ref.range);
  }
  if (document.hugoOpeningProblem !== undefined) document.hugoOpeningProblem.range = PackedRange.from(document.hugoOpeningProblem.range);
  for (const shortcode of document.hugoShortcodes ?? []) {
    shortcode.name = ownCopy(shortcode.name);
    shortcode.range = PackedRange.from(shortcode.range);
    if (shortcode.body !== undefined) shortcode.body = PackedRange.from(shortcode.body);
    for (const parameter of shortcode.parameters ?? []) {
      parameter.key = ownCopy(parameter.key);
      parameter.value = ownCopy(parameter.value);
      parameter.range = PackedRange.from(parameter.range);
    }
  }
  for (const image of document.body.images ?? []) {
    image.target = ownCopy(image.target);
    image.targetRange = PackedRange.from(image.targetRange);
  }
  if (document.body.otherAnchors !== undefined) document.body.otherAnchors = document.body.otherAnchors.map(ownCopy);
  for (const module of document.mdxModules ?? []) {
    module.request = ownCopy(module.request);
    module.range = PackedRange.from(module.range);
  }
  for (const link of document.componentLinks ?? []) {
    link.target = ownCopy(link.target);
    link.range = PackedRange.from(link.range);
  }
  // The term's heading is one of these.
  for (const heading of document.body.headings) {
    heading.text = ownCopy(heading.text);
    if (heading.source !== undefined) heading.source = ownCopy(heading.source);
    if (heading.id !== undefined) heading.id = ownCopy(heading.id);
    heading.range = PackedRange.from(heading.range);
    heading.textRange = PackedRange.from(heading.textRange);
  }
  const term = document.term;
  if (term !== undefined) {
    term.id = ownCopy(term.id);
    term.title = ownCopy(term.title);
    term.aliases = term.aliases.map((alias) => ownCopy(alias));
    term.notMentions = term.notMentions.map((phrase) => ownCopy(phrase));
    for (const tag of term.tags) {
      tag.value = ownCopy(tag.value);
      tag.range = PackedRange.from(tag.range);
    }
    term.definition = ownCopy(term.definition);
    if (term.titleRange !== undefined) term.titleRange = PackedRange.from(term.titleRange);
    if (term.translatedFrom !== undefined) term.translatedFrom = { value: ownCopy(term.translatedFrom.value), range: PackedRange.from(term.translatedFrom.range) };
  }
  const frontMatter = document.frontMatter;
  if (frontMatter !== undefined) frontMatter.range = PackedRange.from(frontMatter.range);
  for (const field of frontMatter?.fields ?? []) {
    field.key = ownCopy(field.key);
    field.value = copiedValue(field.value);
    field.keyRange = PackedRange.from(field.keyRange);
    field.valueRange = PackedRange.from(field.valueRange);
    for (const item of field.items ?? []) {
      item.value = copiedValue(item.value);
      item.range = PackedRange.from(item.range);
    }
  }
  if (document.mdxProblems !== undefined) document.mdxProblems = document.mdxProblems.map(compactMdxProblem);
  if (document.mdxStrictProblems !== undefined) document.mdxStrictProblems = document.mdxStrictProblems.map(compactMdxProblem);
  if (document.commonMarkProblems !== undefined) document.commonMarkProblems = document.commonMarkProblems.map(compactMdxProblem);
  for (const diagnostic of document.diagnostics) {
    diagnostic.message = ownCopy(diagnostic.message);
    diagnostic.range = PackedRange.from(diagnostic.range);
    if (diagnostic.suggestion !== undefined) diagnostic.suggestion = ownCopy(diagnostic.suggestion);
    if (diagnostic.subject !== undefined) diagnostic.subject = ownCopy(diagnostic.subject);
    for (const related of diagnostic.related ?? []) {
      related.message = ownCopy(related.message);
      related.range = PackedRange.from(related.range);
    }
  }
}

function compactMdxProblem(problem: MdxProblem): MdxProblem {
  const range = PackedRange.from(problem.range);
  const fix = problem.fix === undefined ? {} : { fix: { kind: problem.fix.kind, range: PackedRange.from(problem.fix.range), newText: ownCopy(problem.fix.newText) } };
  return problem.kind === 'syntax' ? { kind: problem.kind, message: ownCopy(problem.message), range, ...fix } : { kind: problem.kind, name: ownCopy(problem.name), range, ...fix };
}

/**
 * Cuts a document's lists to their length, in place. A list grown by `push` keeps room for 17
 * elements, 150 bytes, however few it holds: at 10k files the index kept 63,000 such lists of
 * links, headings, front-matter fields and items and tags (heap snapshot: 7 MB of 99).
 */
export function exactLists(document: ParsedDocument): void {
  document.body.links = document.body.links.slice();
  document.body.headings = document.body.headings.slice();
  if (document.term !== undefined) document.term.tags = document.term.tags.slice();
  if (document.hugoRefs !== undefined) document.hugoRefs = document.hugoRefs.slice();
  if (document.hugoShortcodes !== undefined) document.hugoShortcodes = document.hugoShortcodes.slice();
  if (document.body.images !== undefined) document.body.images = document.body.images.slice();
  const fields = document.frontMatter?.fields;
  if (fields === undefined) return;
  document.frontMatter!.fields = fields.slice();
  for (const field of fields) if (field.items !== undefined) field.items = field.items.slice();
}

/** A front-matter value (a YAML tree of plain objects and arrays, bounded in size) with its strings copied. */
function copiedValue(value: unknown): unknown {
  if (typeof value === 'string') return ownCopy(value);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) object[key] = copiedValue(object[key]);
  return object;
}
