import { RULES, type DiagnosticCode, type GlossaryDiagnostic, type RelatedLocation, type Severity } from '../common/diagnostic';
import type { JsonMistake } from '../common/jsonSyntax';
import { PackedRange, type Range } from '../common/text';
import { DIRECTIVE_ACTIONS, type Directive, type DirectiveAction } from './directives';
import { exactLists, type GlossaryTerm, type Located, type ParsedDocument } from './document';
import type { FrontMatter, FrontMatterField, FrontMatterItem } from './frontMatterFields';
import type { Heading, MarkdownImage, MarkdownLink } from './markdown';
import type { ComponentLink, MdxModule, MdxProblem } from './mdx';
import type { HugoRef, HugoShortcodeParameter, HugoShortcodeUse } from './hugoShortcodes';
// Bounds as the YAML reader's own: a value of at most 10,000 nodes, 64 levels deep.
import { MAX_VALUE_DEPTH, MAX_VALUE_NODES } from './yaml';

/**
 * Turns what the index keeps of a closed document (`withoutOpenDocumentDetail`) into JSON data and
 * back, exactly, for the on-disk cache of parsed files. Decoding trusts nothing: data that is not
 * what `encodeClosedDocument` makes (a truncated, altered or hostile cache) throws a
 * `DocumentCodecError` rather than give the index a document no file could have parsed to.
 *
 * Ranges are four numbers in a row, a document an array of arrays: JSON text the size of the
 * facts, which `JSON.parse` reads faster than any object notation. Change `DOCUMENT_CODEC_VERSION`
 * with any change here or to what the parser produces.
 */
export const DOCUMENT_CODEC_VERSION = 58;

export class DocumentCodecError extends Error {}

/** A document's data: front matter, headings, links, term, diagnostics, directives, MDX's problem. */
export type EncodedDocument = unknown[];

export function encodeClosedDocument(document: ParsedDocument): EncodedDocument {
  const headings: unknown[] = [];
  for (const heading of document.body.headings) headings.push(heading.level, heading.text, heading.source ?? 0, heading.id ?? 0, ...numbersOf(heading.range), ...numbersOf(heading.textRange));
  const links: unknown[] = [];
  for (const link of document.body.links) {
    // Resolving every link again took a third of decoding: the resolved target is kept (0: none, or a wiki link).
    // The kind, 4 where it lies in an MDX comment, 8 where an image refers to it.
    links.push((link.kind === 'wiki' ? 1 : link.referenced ? 3 : link.defined ? 2 : 0) + (link.inMdxComment ? 4 : 0) + (link.imageReferenced ? 8 : 0), link.text, link.target, link.targetUri ?? 0, ...numbersOf(link.range), ...numbersOf(link.textRange), ...numbersOf(link.targetRange));
  }
  return [
    document.frontMatter === undefined ? 0 : [...numbersOf(document.frontMatter.range), encodeFields(document.frontMatter.fields), document.frontMatter.format ?? 0],
    headings,
    links,
    document.term === undefined ? 0 : encodeTerm(document.term, document.body.headings),
    document.diagnostics.map(encodeDiagnostic),
    document.directives.map((directive) => [directive.action, directive.line, directive.codes ?? 0, directive.mdxComment ? 1 : 0]),
    (document.mdxProblems ?? []).map(encodeMdxProblem),
    document.mdxStrictProblems === undefined ? 0 : document.mdxStrictProblems.map(encodeMdxProblem),
    // How it was read: 1 not as MDX, 2 as Hugo reads it, 4 not so (see `hugoReading`), 8 its body as MDX.
    (document.mdxUnread ? 1 : 0) + (document.hugoReading === 'read' ? 2 : document.hugoReading === 'unread' ? 4 : 0) + (document.bodyReadAsMdx ? 8 : 0),
    (document.commonMarkProblems ?? []).map(encodeMdxProblem),
    (document.hugoRefs ?? []).flatMap((ref) => [ref.target, ...numbersOf(ref.range), ref.lang ?? 0, ref.inHtml ? 1 : 0]),
    (document.body.images ?? []).flatMap((image) => [image.target, ...numbersOf(image.targetRange), (image.inMdxComment ? 1 : 0) + (image.inRawHtml ? 2 : 0)]),
    // In place of a body: -1 none, -2 none and unclosed, -3 none and closed by a closing of its name, -4 none and closing itself; a body: closed by one.
    (document.hugoShortcodes ?? []).flatMap((shortcode) => [
      shortcode.name,
      ...numbersOf(shortcode.range),
      ...(shortcode.body !== undefined ? numbersOf(shortcode.body) : [shortcode.unclosed ? -2 : shortcode.closing === 'tag' ? -3 : shortcode.closing === 'self' ? -4 : -1, 0, 0, 0]),
      (shortcode.parameters ?? []).flatMap((parameter) => [parameter.key, parameter.value, ...numbersOf(parameter.range)]),
    ]),
    (document.mdxModules ?? []).flatMap((module) => [module.request, ...numbersOf(module.range)]),
    // Its JSON mistake: jsonc-parser's code, -1 a trailing comma, absent none.
    document.hugoOpeningProblem === undefined ? 0 : [HUGO_OPENING_PROBLEM_KINDS.indexOf(document.hugoOpeningProblem.kind), ...numbersOf(document.hugoOpeningProblem.range), ...mistakeNumbers(document.hugoOpeningProblem.mistake)],
    document.body.otherAnchors ?? 0,
    (document.componentLinks ?? []).flatMap((link) => [link.target, ...numbersOf(link.range)]),
    document.body.truncateMarker === undefined ? 0 : numbersOf(document.body.truncateMarker),
  ];
}

/** The closed document of `uri` that `data` holds; throws a `DocumentCodecError` for data `encodeClosedDocument` does not make. */
export function decodeClosedDocument(uri: string, data: unknown): ParsedDocument {
  const [frontMatterData, headingData, linkData, termData, diagnosticData, directiveData, mdxData, mdxStrictData, readFlags, commonMarkData, refData, imageData, shortcodeData, moduleData, openingData, otherAnchorData, componentLinkData, truncateData] = tuple(data, 18);
  const headings: Heading[] = [];
  const headingNumbers = list(headingData);
  if (headingNumbers.length % 12 !== 0) fail();
  for (let at = 0; at < headingNumbers.length; at += 12) {
    const level = headingNumbers[at];
    if (level !== 1 && level !== 2 && level !== 3 && level !== 4 && level !== 5 && level !== 6) fail();
    const heading: Heading = { level, text: text(headingNumbers[at + 1]), range: rangeAt(headingNumbers, at + 4), textRange: rangeAt(headingNumbers, at + 8) };
    if (headingNumbers[at + 2] !== 0) heading.source = text(headingNumbers[at + 2]);
    if (headingNumbers[at + 3] !== 0) heading.id = text(headingNumbers[at + 3]);
    headings.push(heading);
  }
  const links: MarkdownLink[] = [];
  const linkNumbers = list(linkData);
  if (linkNumbers.length % 16 !== 0) fail();
  for (let at = 0; at < linkNumbers.length; at += 16) {
    const flags = linkNumbers[at];
    if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 15) fail();
    const kind = (flags as number) & 3;
    const linkText = text(linkNumbers[at + 1]);
    const target = text(linkNumbers[at + 2]);
    const targetUri = linkNumbers[at + 3];
    const range = rangeAt(linkNumbers, at + 4);
    const textRange = rangeAt(linkNumbers, at + 8);
    const targetRange = rangeAt(linkNumbers, at + 12);
    // In the order the parser makes them, so the index sees objects of one shape.
    if (kind === 0) links.push({ kind: 'inline', text: linkText, target, range, textRange, targetRange, targetUri: targetUri === 0 ? undefined : text(targetUri) });
    else if (kind === 2) links.push({ kind: 'inline', text: linkText, target, range, textRange, targetRange, targetUri: targetUri === 0 ? undefined : text(targetUri), defined: true });
    else if (kind === 3) links.push({ kind: 'inline', text: linkText, target, range, textRange, targetRange, targetUri: targetUri === 0 ? undefined : text(targetUri), defined: true, referenced: true });
    else if (kind === 1 && targetUri === 0) links.push({ kind: 'wiki', text: linkText, target, range, textRange, targetRange });
    else fail();
    if ((flags as number) & 4) links[links.length - 1].inMdxComment = true;
    if ((flags as number) & 8) {
      // Only a definition is referred to.
      if (kind !== 2 && kind !== 3) fail();
      links[links.length - 1].imageReferenced = true;
    }
  }
  const imageNumbers = list(imageData);
  if (imageNumbers.length % 6 !== 0) fail();
  const images: MarkdownImage[] = [];
  for (let at = 0; at < imageNumbers.length; at += 6) {
    const image: MarkdownImage = { target: text(imageNumbers[at]), targetRange: rangeAt(imageNumbers, at + 1) };
    const flags = imageNumbers[at + 5];
    if (flags !== 0 && flags !== 1 && flags !== 2 && flags !== 3) fail();
    if ((flags as number) & 1) image.inMdxComment = true;
    if ((flags as number) & 2) image.inRawHtml = true;
    images.push(image);
  }
  const document: ParsedDocument = {
    uri,
    frontMatter: frontMatterData === 0 ? undefined : decodeFrontMatter(frontMatterData),
    body: { headings, leadParagraph: undefined, links, nonProse: [], ...(images.length === 0 ? {} : { images }), ...(otherAnchorData === 0 ? {} : { otherAnchors: list(otherAnchorData).map(text) }), ...(truncateData === 0 ? {} : { truncateMarker: rangeAt(tuple(truncateData, 4), 0) }) },
    term: termData === 0 ? undefined : decodeTerm(uri, termData, headings),
    diagnostics: list(diagnosticData).map(decodeDiagnostic),
    directives: list(directiveData).map(decodeDirective),
  };
  const mdxProblems = list(mdxData).map(decodeMdxProblem);
  if (mdxProblems.length > 0) document.mdxProblems = mdxProblems;
  if (mdxStrictData !== 0) document.mdxStrictProblems = list(mdxStrictData).map(decodeMdxProblem);
  if (typeof readFlags !== 'number' || ![0, 1, 2, 3, 4, 5].includes(readFlags & 7) || (readFlags & ~15) !== 0) fail();
  if ((readFlags as number) & 1) document.mdxUnread = true;
  const commonMarkProblems = list(commonMarkData).map(decodeMdxProblem);
  if (commonMarkProblems.length > 0) document.commonMarkProblems = commonMarkProblems;
  const refNumbers = list(refData);
  if (refNumbers.length % 7 !== 0) fail();
  const hugoRefs: HugoRef[] = [];
  for (let at = 0; at < refNumbers.length; at += 7) {
    const ref: HugoRef = { target: text(refNumbers[at]), range: rangeAt(refNumbers, at + 1) };
    // In the order the parser sets them, so the index sees objects of one shape.
    if (refNumbers[at + 5] !== 0) ref.lang = text(refNumbers[at + 5]);
    if (refNumbers[at + 6] === 1) ref.inHtml = true;
    else if (refNumbers[at + 6] !== 0) fail();
    hugoRefs.push(ref);
  }
  if (hugoRefs.length > 0) document.hugoRefs = hugoRefs;
  const shortcodeNumbers = list(shortcodeData);
  if (shortcodeNumbers.length % 10 !== 0) fail();
  const hugoShortcodes: HugoShortcodeUse[] = [];
  for (let at = 0; at < shortcodeNumbers.length; at += 10) {
    const shortcode: HugoShortcodeUse = { name: text(shortcodeNumbers[at]), range: rangeAt(shortcodeNumbers, at + 1) };
    const bodyOrNone = shortcodeNumbers[at + 5];
    if (bodyOrNone === -2) shortcode.unclosed = true;
    else if (bodyOrNone === -3 || bodyOrNone === -4) shortcode.closing = bodyOrNone === -3 ? 'tag' : 'self';
    else if (bodyOrNone !== -1) {
      shortcode.body = rangeAt(shortcodeNumbers, at + 5);
      shortcode.closing = 'tag';
    }
    const parameterData = list(shortcodeNumbers[at + 9]);
    if (parameterData.length % 6 !== 0) fail();
    const parameters: HugoShortcodeParameter[] = [];
    for (let from = 0; from < parameterData.length; from += 6) parameters.push({ key: text(parameterData[from]), value: text(parameterData[from + 1]), range: rangeAt(parameterData, from + 2) });
    if (parameters.length > 0) shortcode.parameters = parameters;
    hugoShortcodes.push(shortcode);
  }
  if (hugoShortcodes.length > 0) document.hugoShortcodes = hugoShortcodes;
  const moduleNumbers = list(moduleData);
  if (moduleNumbers.length % 5 !== 0) fail();
  const mdxModules: MdxModule[] = [];
  for (let at = 0; at < moduleNumbers.length; at += 5) mdxModules.push({ request: text(moduleNumbers[at]), range: rangeAt(moduleNumbers, at + 1) });
  if (mdxModules.length > 0) document.mdxModules = mdxModules;
  const componentLinkNumbers = list(componentLinkData);
  if (componentLinkNumbers.length % 5 !== 0) fail();
  const componentLinks: ComponentLink[] = [];
  for (let at = 0; at < componentLinkNumbers.length; at += 5) componentLinks.push({ target: text(componentLinkNumbers[at]), range: rangeAt(componentLinkNumbers, at + 1) });
  if (componentLinks.length > 0) document.componentLinks = componentLinks;
  // In the order the parser sets them.
  if ((readFlags as number) & 2) document.hugoReading = 'read';
  else if ((readFlags as number) & 4) document.hugoReading = 'unread';
  if (openingData !== 0) {
    const numbers = list(openingData);
    const kind = typeof numbers[0] === 'number' ? HUGO_OPENING_PROBLEM_KINDS[numbers[0]] : undefined;
    if ((numbers.length !== 5 && numbers.length !== 6) || kind === undefined) fail();
    document.hugoOpeningProblem = { kind, range: rangeAt(numbers, 1) };
    if (numbers.length === 6) document.hugoOpeningProblem.mistake = jsonMistakeOf(numbers[5]);
  }
  if ((readFlags as number) & 8) document.bodyReadAsMdx = true;
  exactLists(document);
  return document;
}

const HUGO_OPENING_PROBLEM_KINDS = ['yaml-delimiter', 'toml-delimiter', 'json-unclosed', 'json-invalid', 'plain-html', 'html-comment-unclosed'] as const;

const mistakeNumbers = (mistake: JsonMistake | undefined): number[] => (mistake === undefined ? [] : [mistake === 'trailing-comma' ? -1 : mistake]);

function jsonMistakeOf(number: unknown): JsonMistake {
  if (number === -1) return 'trailing-comma';
  // jsonc-parser's codes run from 1 (InvalidSymbol) to 16 (InvalidCharacter).
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 16) fail();
  return number as JsonMistake;
}

const MDX_PROBLEM_KINDS = ['syntax', 'undefined-name', 'undefined-component', 'read-only-export', 'object-child', 'style-text', 'void-children', 'tab-outside-tabs', 'tabs-child', 'tabs-duplicate-value', 'tabs-empty', 'tabs-default-value', 'tabs-query-string'] as const;

const MDX_FIX_KINDS = ['escape', 'self-close', 'link', 'comment'] as const;

function encodeMdxProblem(problem: MdxProblem): unknown[] {
  return [
    MDX_PROBLEM_KINDS.indexOf(problem.kind),
    problem.kind === 'syntax' ? problem.message : problem.name,
    ...numbersOf(problem.range),
    problem.fix === undefined ? 0 : [MDX_FIX_KINDS.indexOf(problem.fix.kind), ...numbersOf(problem.fix.range), problem.fix.newText],
  ];
}

function decodeMdxProblem(data: unknown): MdxProblem {
  const parts = tuple(data, 7);
  const kind = MDX_PROBLEM_KINDS[parts[0] as number];
  if (kind === undefined) fail();
  const range = rangeAt(parts, 2);
  const problem: MdxProblem = kind === 'syntax' ? { kind, message: text(parts[1]), range } : { kind, name: text(parts[1]), range };
  if (parts[6] !== 0) {
    const fixParts = tuple(parts[6], 6);
    const fix = MDX_FIX_KINDS[fixParts[0] as number];
    if (fix === undefined) fail();
    problem.fix = { kind: fix, range: rangeAt(fixParts, 1), newText: text(fixParts[5]) };
  }
  return problem;
}


function numbersOf(range: Range): number[] {
  return range instanceof PackedRange ? range.toNumbers() : [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** The fields, their values' strings counted against one budget of characters for the document. */
function encodeFields(fields: readonly FrontMatterField[]): unknown[] {
  const characters = { left: MAX_DOCUMENT_VALUE_CHARACTERS };
  const value = (written: unknown) => encodeValue(written, { nodes: MAX_VALUE_NODES, characters }, 0);
  return fields.map((field) => {
    const flags = (field.keyPinned ? 1 : 0) | (field.valuePinned ? 2 : 0) | (field.valueQuote === '"' ? 4 : field.valueQuote === "'" ? 8 : 0);
    const items = field.items === undefined ? 0 : field.items.map((item) => [value(item.value), ...numbersOf(item.range), item.pinned ? 1 : 0]);
    return [field.key, ...numbersOf(field.keyRange), value(field.value), ...numbersOf(field.valueRange), flags, items];
  });
}

function decodeFrontMatter(data: unknown): FrontMatter {
  const numbers = tuple(data, 6);
  const frontMatter: FrontMatter = { range: rangeAt(numbers, 0), fields: list(numbers[4]).map(decodeField) };
  const format = numbers[5];
  if (format === 'toml' || format === 'json') frontMatter.format = format;
  else if (format !== 0) fail();
  return frontMatter;
}

function decodeField(data: unknown): FrontMatterField {
  const parts = tuple(data, 12);
  const field: FrontMatterField = { key: text(parts[0]), keyRange: rangeAt(parts, 1), value: decodeValue(parts[5]), valueRange: rangeAt(parts, 6) };
  const flags = parts[10];
  if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 15 || (flags & 12) === 12) fail();
  if (flags & 1) field.keyPinned = true;
  if (flags & 2) field.valuePinned = true;
  if (flags & 4) field.valueQuote = '"';
  if (flags & 8) field.valueQuote = "'";
  if (parts[11] !== 0) {
    field.items = list(parts[11]).map((itemData) => {
      const item = tuple(itemData, 6);
      const decoded: FrontMatterItem = { value: decodeValue(item[0]), range: rangeAt(item, 1) };
      if (item[5] === 1) decoded.pinned = true;
      else if (item[5] !== 0) fail();
      return decoded;
    });
  }
  return field;
}

function encodeTerm(term: GlossaryTerm, headings: Heading[]): unknown[] {
  const tags: unknown[] = [];
  for (const tag of term.tags) tags.push(tag.value, ...numbersOf(tag.range));
  return [
    term.id,
    term.idFromFileName ? 1 : 0,
    term.title,
    term.aliases,
    term.notMentions,
    tags,
    term.definition,
    term.heading === undefined ? -1 : headings.indexOf(term.heading),
    term.titleRange === undefined ? 0 : numbersOf(term.titleRange),
    term.translatedFrom === undefined ? 0 : [term.translatedFrom.value, ...numbersOf(term.translatedFrom.range)],
  ];
}

function decodeTerm(uri: string, data: unknown, headings: Heading[]): GlossaryTerm {
  const parts = tuple(data, 10);
  const tagNumbers = list(parts[5]);
  if (tagNumbers.length % 5 !== 0) fail();
  const tags: Array<Located<string>> = [];
  for (let at = 0; at < tagNumbers.length; at += 5) tags.push({ value: text(tagNumbers[at]), range: rangeAt(tagNumbers, at + 1) });
  const headingIndex = parts[7];
  if (headingIndex !== -1 && !(Number.isInteger(headingIndex) && (headingIndex as number) >= 0 && (headingIndex as number) < headings.length)) fail();
  if (parts[1] !== 0 && parts[1] !== 1) fail();
  const translatedFrom = parts[9] === 0 ? undefined : tuple(parts[9], 5);
  // In the order the parser makes it (termFacts in document.ts).
  return {
    uri,
    id: text(parts[0]),
    ...(parts[1] === 1 ? { idFromFileName: true as const } : {}),
    title: text(parts[2]),
    aliases: list(parts[3]).map(text),
    notMentions: list(parts[4]).map(text),
    tags,
    definition: text(parts[6]),
    // The same object as in the headings, as the parser makes it.
    heading: headingIndex === -1 ? undefined : headings[headingIndex as number],
    titleRange: parts[8] === 0 ? undefined : rangeAt(tuple(parts[8], 4), 0),
    ...(translatedFrom === undefined ? {} : { translatedFrom: { value: text(translatedFrom[0]), range: rangeAt(translatedFrom, 1) } }),
  };
}

function encodeDiagnostic(diagnostic: GlossaryDiagnostic): unknown[] {
  const flags = (diagnostic.removesItem ? 1 : 0) | (diagnostic.breaksBuild ? 2 : 0);
  const related = diagnostic.related === undefined ? 0 : diagnostic.related.map((location) => [location.uri, ...numbersOf(location.range), location.message]);
  return [...numbersOf(diagnostic.range), diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.suggestion ?? 0, diagnostic.subject ?? 0, flags, related];
}

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint']);

function decodeDiagnostic(data: unknown): GlossaryDiagnostic {
  const parts = tuple(data, 11);
  const severity = parts[4];
  const code = parts[5];
  if (typeof severity !== 'string' || !SEVERITIES.has(severity) || typeof code !== 'string' || !Object.hasOwn(RULES, code)) fail();
  const diagnostic: GlossaryDiagnostic = { range: rangeAt(parts, 0), severity: severity as Severity, code: code as DiagnosticCode, message: text(parts[6]) };
  if (parts[10] !== 0) {
    diagnostic.related = list(parts[10]).map((locationData): RelatedLocation => {
      const location = tuple(locationData, 6);
      return { uri: text(location[0]), range: rangeAt(location, 1), message: text(location[5]) };
    });
  }
  if (parts[7] !== 0) diagnostic.suggestion = text(parts[7]);
  if (parts[8] !== 0) diagnostic.subject = text(parts[8]);
  const flags = parts[9];
  if (flags !== 0 && flags !== 1 && flags !== 2 && flags !== 3) fail();
  if (flags & 1) diagnostic.removesItem = true;
  if (flags & 2) diagnostic.breaksBuild = true;
  return diagnostic;
}

const ACTIONS = new Set<string>(DIRECTIVE_ACTIONS);

function decodeDirective(data: unknown): Directive {
  const [action, line, codes, mdxComment] = tuple(data, 4);
  if (typeof action !== 'string' || !ACTIONS.has(action) || !isCount(line) || (mdxComment !== 0 && mdxComment !== 1)) fail();
  if (codes !== 0 && !list(codes).every((code) => typeof code === 'string' && Object.hasOwn(RULES, code))) fail();
  const directive: Directive = { action: action as DirectiveAction, line: line as number, codes: codes === 0 ? undefined : (codes as DiagnosticCode[]) };
  if (mdxComment === 1) directive.mdxComment = true;
  return directive;
}

/**
 * Front-matter values are YAML data: strings, finite numbers, booleans, null, lists and maps, and
 * the dates and bytes of YAML's `!!timestamp` and `!!binary`. A list is written `[0, ...items]`, a
 * map `[1, key, value, ...]`, and what JSON cannot hold is tagged: `[2]` undefined, `[3]` NaN,
 * `[4]` Infinity, `[5]` -Infinity, `[6]` -0, `[7, time]` a date, `[8, base64]` bytes.
 *
 * Values beyond the decoder's bounds are not encoded (`DocumentCodecError`), nor a document whose
 * values' strings add up to more than a million characters: YAML's aliases can repeat a long
 * string thousands of times (values of megabytes in a file of kilobytes).
 */
function encodeValue(value: unknown, budget: { nodes: number; characters: { left: number } }, depth: number): unknown {
  if (--budget.nodes < 0 || depth > MAX_VALUE_DEPTH) throw new DocumentCodecError('a front-matter value too large to cache');
  if (value === undefined) return [2];
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return [3];
    if (value === Infinity) return [4];
    if (value === -Infinity) return [5];
    if (Object.is(value, -0)) return [6];
    return value;
  }
  if (typeof value === 'string') {
    budget.characters.left -= value.length;
    if (budget.characters.left < 0) throw new DocumentCodecError('front-matter values too large to cache');
    return value;
  }
  if (value instanceof Date) return [7, encodeValue(value.getTime(), budget, depth + 1)];
  if (value instanceof Uint8Array) return [8, encodeValue(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'), budget, depth + 1)];
  if (Array.isArray(value)) return [0, ...value.map((item) => encodeValue(item, budget, depth + 1))];
  if (value !== null && typeof value === 'object') {
    const encoded: unknown[] = [1];
    for (const [key, item] of Object.entries(value)) encoded.push(key, encodeValue(item, budget, depth + 1));
    return encoded;
  }
  return value;
}

/** The characters of a document's front-matter strings: the 64 KB of front matter YAML's reader is given, written out, with room to spare. */
const MAX_DOCUMENT_VALUE_CHARACTERS = 1_000_000;

function decodeValue(data: unknown): unknown {
  const budget = { nodes: MAX_VALUE_NODES };
  return decodeValueWithin(data, budget, 0);
}

function decodeValueWithin(data: unknown, budget: { nodes: number }, depth: number): unknown {
  if (--budget.nodes < 0 || depth > MAX_VALUE_DEPTH) fail();
  if (data === null || typeof data === 'string' || typeof data === 'boolean') return data;
  if (typeof data === 'number') {
    if (!Number.isFinite(data)) fail();
    return data;
  }
  if (!Array.isArray(data) || data.length === 0) fail();
  switch (data[0]) {
    case 0:
      return data.slice(1).map((item) => decodeValueWithin(item, budget, depth + 1));
    case 1: {
      if (data.length % 2 !== 1) fail();
      const object: Record<string, unknown> = {};
      for (let at = 1; at < data.length; at += 2) {
        // As the YAML reader: a key named "__proto__" is a key, not the object's prototype.
        Object.defineProperty(object, text(data[at]), { value: decodeValueWithin(data[at + 1], budget, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
  }
  if (data.length === 2 && data[0] === 7) {
    const time = decodeValueWithin(data[1], budget, depth + 1);
    if (typeof time !== 'number') fail();
    return new Date(time);
  }
  if (data.length === 2 && data[0] === 8) return Buffer.from(text(data[1]), 'base64');
  if (data.length !== 1) fail();
  switch (data[0]) {
    case 2:
      return undefined;
    case 3:
      return NaN;
    case 4:
      return Infinity;
    case 5:
      return -Infinity;
    case 6:
      return -0;
  }
  return fail();
}

function fail(): never {
  throw new DocumentCodecError('not a cached document');
}

function list(data: unknown): unknown[] {
  if (!Array.isArray(data)) fail();
  return data;
}

function tuple(data: unknown, length: number): unknown[] {
  if (!Array.isArray(data) || data.length !== length) fail();
  return data;
}

function text(data: unknown): string {
  if (typeof data !== 'string') fail();
  return data;
}

/** Lines and characters are counts below 2^31, as in any text a file can hold. */
function isCount(data: unknown): boolean {
  return typeof data === 'number' && data >= 0 && data <= 0x7fffffff && Number.isInteger(data);
}

function rangeAt(numbers: unknown[], at: number): PackedRange {
  const startLine = numbers[at];
  const startCharacter = numbers[at + 1];
  const endLine = numbers[at + 2];
  const endCharacter = numbers[at + 3];
  if (!isCount(startLine) || !isCount(startCharacter) || !isCount(endLine) || !isCount(endCharacter)) fail();
  if ((endLine as number) < (startLine as number) || (endLine === startLine && (endCharacter as number) < (startCharacter as number))) fail();
  return PackedRange.of(startLine as number, startCharacter as number, endLine as number, endCharacter as number);
}
