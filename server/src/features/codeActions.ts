import { generatorOfReader } from '../common/generator';
import * as l10n from '@vscode/l10n';
import type { DiagnosticCode, GlossaryDiagnostic } from '../common/diagnostic';
import type { GlossarySettings } from '../common/settings';
import { linkKindOf } from '../site/docusaurusAssets';
import { applyEdits, comparePositions, lineBreakOf, LineIndex, type Range } from '../common/text';
import { encodePathSegment, fileStem, isMarkdownPath, parentUri, relativePath, resolveRelativeLink, routeFolder, routeSegments, safeDecode, uriPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { parseDocument, readAs, type ParsedDocument } from '../parsing/document';
import { mdxFixHolds } from '../parsing/mdx';
import type { FrontMatterField } from '../parsing/frontMatterFields';
import { frontMatterNewKeysPlace } from '../parsing/frontMatter';
import { commaInGap } from '../parsing/yaml';
import { CHARACTER_REFERENCE, codeSpanAt, ESCAPABLE, inTableRow, MAX_INLINE_TEXT } from '../parsing/markdown';
import type * as HtmlEntities from './htmlEntities';
import { documentDiagnostics } from './diagnostics/documentDiagnostics';
import { siteReadsMdx1Syntax, takesMdxCommentsOnly } from './diagnostics/siteRules';
import { firstH1 } from './diagnostics/keyRules';
import { disableCommentEdit, type Placement } from './disableComment';
import { formatLink, styleOf } from './linkCompletion';
import { newTermText } from './newTerm';
import { declarationsEdit } from './tagsFileGenerator';
import type { TextEdit, WorkspaceChange } from './workspaceChange';
import { yamlString, yamlStringLike } from './yamlEdits';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  diagnostics: GlossaryDiagnostic[];
  change: WorkspaceChange;
  isPreferred?: boolean;
}

/** Rules whose fix is safe to apply without looking: the "fix all" action and `check --fix` use them. */
const SAFE_FIXES: ReadonlySet<DiagnosticCode> = new Set([
  'unknown-key',
  'padded-tag',
  'duplicate-tag',
  'empty-tag',
  'tags-not-a-list',
]);

const MAX_PROBLEMS_WITH_FIXES = 50;
/** `invalid-mdx` fixes read again per request (each reads the page as MDX once more, 10-40 ms): the first ones in a selection. */
const MAX_MDX_FIX_CHECKS = 5;

/** Quick fixes for the problems in a range, and "fix all of this kind" for each kind among them. */
export function codeActions(
  index: GlossaryIndex,
  document: ParsedDocument,
  lines: LineIndex,
  range: Range,
  settings: GlossarySettings,
): CodeAction[] {
  const all = documentDiagnostics(index, document, settings, lines);
  const here = all.filter((diagnostic) => overlaps(diagnostic.range, range));
  const actions: CodeAction[] = [];
  // A selection over a long file would list a fix per problem; the first ones and "fix all" are enough.
  const placements = new Map<number, Placement>();
  const mdxFixChecks = { left: MAX_MDX_FIX_CHECKS };
  // The problems a disable comment turns off: every one of its kind that starts on its line, also those past the first ones here.
  const byKindAndLine = new Map<string, GlossaryDiagnostic[]>();
  for (const diagnostic of all) {
    const key = `${diagnostic.code} ${diagnostic.range.start.line}`;
    const known = byKindAndLine.get(key);
    if (known === undefined) byKindAndLine.set(key, [diagnostic]);
    else known.push(diagnostic);
  }
  const disabling = new Set<string>();
  for (const diagnostic of here.slice(0, MAX_PROBLEMS_WITH_FIXES)) {
    actions.push(...fixesFor(index, document, lines, diagnostic, settings, mdxFixChecks));
    // Last, and never a safe fix: turning a rule off is the author's call. One per kind and line.
    const key = `${diagnostic.code} ${diagnostic.range.start.line}`;
    if (disabling.has(key)) continue;
    const disable = disableCommentEdit(document, lines, diagnostic, placements, takesMdxCommentsOnly(index, document), generatorOfReader(index.readerOf(document.uri)));
    if (disable === undefined) continue;
    disabling.add(key);
    actions.push({ title: l10n.t('Disable {0} for this line', diagnostic.code), kind: 'quickfix', diagnostics: byKindAndLine.get(key)!, change: { createFiles: [], edits: [{ uri: document.uri, edits: [disable] }] } });
  }
  mergeIdentical(actions);
  for (const termUri of new Set(here.filter(isUnlinkedMention).map((diagnostic) => diagnostic.related![0].uri))) {
    const ofTerm = all.filter((diagnostic) => isUnlinkedMention(diagnostic) && diagnostic.related![0].uri === termUri);
    const term = index.termOf(termUri);
    if (term === undefined || ofTerm.length < 2) continue;
    const edits = ofTerm.flatMap((diagnostic) => linkMention(index, document, lines, diagnostic, settings) ?? []);
    actions.push({
      title: l10n.t('Link all mentions of "{0}" in this file', term.title),
      kind: 'quickfix',
      diagnostics: ofTerm,
      change: { createFiles: [], edits: [{ uri: document.uri, edits }] },
    });
  }

  for (const code of new Set(here.filter((diagnostic) => !isUnlinkedMention(diagnostic)).map((diagnostic) => diagnostic.code))) {
    const ofKind = all.filter((diagnostic) => diagnostic.code === code);
    const edits = combinedEdits(document, lines, ofKind);
    if (ofKind.length > 1 && edits.length > 0) {
      actions.push({
        title: l10n.t('Fix all "{0}" problems in this file', code),
        kind: 'quickfix',
        diagnostics: ofKind,
        change: { createFiles: [], edits: [{ uri: document.uri, edits }] },
      });
    }
  }
  return actions;
}

/**
 * One action for the same change offered by several diagnostics (five links to a missing "a.md"
 * give one "Create a.md"), so a selection over a long file does not list thousands of equal items.
 */
function mergeIdentical(actions: CodeAction[]): void {
  const byChange = new Map<string, CodeAction>();
  let kept = 0;
  for (const action of actions) {
    const key = action.title + '\0' + JSON.stringify(action.change);
    const same = byChange.get(key);
    if (same !== undefined) {
      same.diagnostics.push(...action.diagnostics);
      continue;
    }
    byChange.set(key, action);
    actions[kept++] = action;
  }
  actions.length = kept;
}

/** Every safe fix in a document at once (one round of `fixedText`); none while its YAML does not parse, as what is read of it may be partial. */
export function fixAll(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, settings: GlossarySettings): TextEdit[] {
  if (document.diagnostics.some((problem) => problem.code === 'yaml-syntax')) return [];
  const safe = documentDiagnostics(index, document, settings).filter((diagnostic) => SAFE_FIXES.has(diagnostic.code) && !diagnostic.askFirst);
  return combinedEdits(document, lines, safe);
}

/** The safe fixes of a whole document as one source action, for "fix all" on save (`editor.codeActionsOnSave`), round by round as `check --fix` applies them; undefined when there are none. */
export function fixAllAction(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, settings: GlossarySettings): CodeAction | undefined {
  const edit = fixedTextEdit(index, document.uri, lines.text, settings);
  if (edit === undefined) return undefined;
  return { title: l10n.t('Fix all safe glossary problems'), kind: 'source.fixAll', diagnostics: [], change: { createFiles: [], edits: [{ uri: document.uri, edits: [edit] }] } };
}

/**
 * The safe fixes of a document as `check --fix` applies them, round by round, as one edit of the
 * whole lines that change; undefined when there are none.
 */
export function fixedTextEdit(index: GlossaryIndex, uri: string, text: string, settings: GlossarySettings): TextEdit | undefined {
  const fixed = fixedText(index, uri, text, settings);
  if (fixed === text) return undefined;
  let prefix = 0;
  while (prefix < text.length && prefix < fixed.length && text[prefix] === fixed[prefix]) prefix++;
  prefix = text.lastIndexOf('\n', prefix - 1) + 1;
  let suffix = 0;
  const most = Math.min(text.length, fixed.length) - prefix;
  while (suffix < most && text[text.length - 1 - suffix] === fixed[fixed.length - 1 - suffix]) suffix++;
  while (suffix > 0 && text[text.length - 1 - suffix] !== '\n') suffix--;
  const lines = new LineIndex(text);
  return { range: lines.rangeAt(prefix, text.length - suffix), newText: fixed.slice(prefix, fixed.length - suffix) };
}

/** Rounds of "fix all" `fixedText` applies at most: a fix can bring out a problem that the next round fixes. */
const MAX_FIX_ROUNDS = 5;

/**
 * A document's text with every safe fix applied, and the fixes of the problems those fixes bring
 * out (`tag: IM` becomes `tags: IM`, then `tags: [IM]`), round by round until none is left.
 */
export function fixedText(index: GlossaryIndex, uri: string, text: string, settings: GlossarySettings): string {
  let fixed = text;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const lines = new LineIndex(fixed);
    // The safe fixes are of front matter: what MDX makes of the page is no part of them.
    const edits = fixAll(index, parseDocument(uri, fixed, lines, { mdx: false, ...readAs(index.readerOf(uri)) }), lines, settings);
    if (edits.length === 0) break;
    fixed = applyEdits(lines, edits);
  }
  return fixed;
}

function fixesFor(
  index: GlossaryIndex,
  document: ParsedDocument,
  lines: LineIndex,
  diagnostic: GlossaryDiagnostic,
  settings: GlossarySettings,
  mdxFixChecks = { left: MAX_MDX_FIX_CHECKS },
): CodeAction[] {
  const actions: CodeAction[] = [];
  const single = (title: string, change: WorkspaceChange, isPreferred = false): CodeAction => ({
    title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    change,
    isPreferred,
  });
  const inPlace = hasInPlaceFix(diagnostic) ? combinedEdits(document, lines, [diagnostic]) : [];
  if (inPlace.length > 0) {
    const title =
      diagnostic.code === 'misplaced-front-matter'
        ? l10n.t('Remove the blank lines before the front matter')
        : !removesItem(diagnostic)
          ? l10n.t('Change to "{0}"', diagnostic.suggestion!)
          : diagnostic.subject !== undefined
            ? l10n.t('Remove "{0}": the tag it stands for is listed', diagnostic.subject)
            : l10n.t('Remove the tag');
    actions.push(single(title, { createFiles: [], edits: [{ uri: document.uri, edits: inPlace }] }, true));
  }
  if (diagnostic.code === 'unknown-tag') {
    const tagsFile = index.tagsFileFor(document.uri);
    const tag = diagnostic.subject;
    // A tags file that does not parse or is not a map takes no declaration.
    const edit = tagsFile !== undefined && tag !== undefined ? declarationsEdit(tagsFile, [tag]) : undefined;
    if (edit !== undefined) {
      actions.push(
        single(l10n.t('Declare "{0}" in {1}', tag!, relativePath(document.uri, tagsFile!.uri)), {
          createFiles: [],
          edits: [{ uri: tagsFile!.uri, edits: [edit] }],
        }),
      );
    }
  }
  if (diagnostic.code === 'broken-link') {
    const created = missingTermFile(index, document, lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end)), diagnostic);
    if (created !== undefined) {
      actions.push(
        single(l10n.t('Create {0} from the template', relativePath(document.uri, created.uri)), {
          createFiles: [created.uri],
          edits: [{ uri: created.uri, edits: [{ range: zeroRange, newText: created.text }] }],
        }),
      );
    }
  }
  if (isUnlinkedMention(diagnostic)) {
    const edit = linkMention(index, document, lines, diagnostic, settings);
    const term = index.termOf(diagnostic.related![0].uri);
    if (edit !== undefined && term !== undefined) {
      actions.push(single(l10n.t('Link to "{0}"', term.title), { createFiles: [], edits: [{ uri: document.uri, edits: [edit] }] }, true));
    }
  }
  if (diagnostic.edit !== undefined && mdxFixChecks.left-- > 0 && mdxFixHoldsFor(index, document, lines, diagnostic, diagnostic.edit)) {
    actions.push(single(mdxFixTitle(lines, diagnostic.edit, diagnostic.subject), { createFiles: [], edits: [{ uri: document.uri, edits: [diagnostic.edit] }] }, true));
  }
  if (diagnostic.code === 'missing-key') {
    const key = diagnostic.subject;
    // YAML that does not parse may hold the key: adding it could make a duplicate.
    const readsWhole = !document.diagnostics.some((problem) => problem.code === 'yaml-syntax');
    const place = key !== undefined && readsWhole ? frontMatterNewKeysPlace(lines.text, lines, readAs(index.readerOf(document.uri)).hugo) : undefined;
    if (place !== undefined) {
      // The title from the H1 that does not title the page where it is (Docusaurus), as the page shows it, else (or where it is too long to be one) from the file name; another key with no value, for the author to fill in.
      const heading = firstH1(document);
      const written = heading === undefined ? undefined : (heading.source ?? heading.text);
      const value = key === 'title' ? yamlString(written !== undefined && written.length <= MAX_INLINE_TEXT ? shownText(written) : fileStem(document.uri).replace(/-/g, ' ')) : '';
      const pair = `${yamlString(key!)}: ${value}`;
      const newText = place.style === 'flow' ? place.separatorFirst + pair : `${place.lineEnd}${place.indent}${pair}${lineBreakOf(lines.text)}`;
      actions.push(single(l10n.t('Add "{0}"', key!), { createFiles: [], edits: [{ uri: document.uri, edits: [{ range: { start: place.at, end: place.at }, newText }] }] }));
    }
  }
  return actions;
}

let htmlEntities: typeof HtmlEntities | undefined;

/**
 * A heading's text as the page shows it, from its Markdown: code spans' code as written, and
 * elsewhere escapes and character references (`Q&amp;A`, `f&uuml;r`) resolved, HTML comments and
 * MDX's left out.
 */
function shownText(markdown: string): string {
  let shown = '';
  for (let at = 0; at < markdown.length; ) {
    if (markdown[at] === '`') {
      const span = codeSpanAt(markdown, at);
      shown += 'run' in span ? markdown.slice(at, at + span.run) : span.text;
      at = 'run' in span ? at + span.run : span.end;
      continue;
    }
    const comment = markdown[at] === '<' || markdown[at] === '{' ? /^(?:<!--[\s\S]*?-->|\{\s*\/\*[\s\S]*?\*\/\s*\})/.exec(markdown.slice(at)) : null;
    const reference = markdown[at] === '&' ? CHARACTER_REFERENCE.exec(markdown.slice(at, at + 40)) : null;
    if (comment !== null) at += comment[0].length;
    else if (reference !== null) {
      // Loaded on first use: in the bundles, `./htmlEntities` is dist/htmlEntities.js.
      htmlEntities ??= require('./htmlEntities') as typeof HtmlEntities;
      shown += htmlEntities.decodedReference(reference[0]);
      at += reference[0].length;
    } else if (markdown[at] === '\\' && ESCAPABLE.test(markdown[at + 1] ?? '')) {
      shown += markdown[at + 1];
      at += 2;
    } else shown += markdown[at++];
  }
  return shown.replace(/\s+/g, ' ').trim();
}

/** Whether an `invalid-mdx` fix ends its problem and makes none, read again as the site reads the page (see `mdxFixHolds`). */
function mdxFixHoldsFor(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, diagnostic: GlossaryDiagnostic, edit: TextEdit): boolean {
  const same = (range: Range) => comparePositions(range.start, diagnostic.range.start) === 0 && comparePositions(range.end, diagnostic.range.end) === 0;
  const problem = [...(document.mdxProblems ?? []), ...(document.mdxStrictProblems ?? [])].find((candidate) => same(candidate.range));
  return problem !== undefined && mdxFixHolds(lines.text, lines, problem, edit, siteReadsMdx1Syntax(index, document.uri));
}

/** The title of an `invalid-mdx` fix of the kind `kind` (see `MdxFix`). */
function mdxFixTitle(lines: LineIndex, edit: TextEdit, kind: string | undefined): string {
  const at = lines.offsetAt(edit.range.start);
  switch (kind) {
    case 'escape':
      return l10n.t('Escape "{0}" so that MDX reads it as text', lines.text[at]);
    case 'self-close':
      return l10n.t('Write "{0}": MDX closes every tag', `${lines.text.slice(lines.text.lastIndexOf('<', at), at)}${edit.newText}>`);
    case 'comment':
      return l10n.t('Write the comment as MDX reads one: {0}', '{/* … */}');
    default:
      return l10n.t('Write the link as "{0}": MDX reads <…> as a tag', edit.newText);
  }
}

function isUnlinkedMention(diagnostic: GlossaryDiagnostic): boolean {
  return diagnostic.code === 'unlinked-mention' && diagnostic.related !== undefined && diagnostic.related.length > 0;
}

/** Turns a mention into a link to its term, in the document's link style, keeping the words. */
function linkMention(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, diagnostic: GlossaryDiagnostic, settings: GlossarySettings): TextEdit | undefined {
  const term = index.termOf(diagnostic.related![0].uri);
  if (term === undefined) return undefined;
  const written = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
  // A hard line break (two blanks before it) stays one in the link's text.
  const words = / {2,}\r?\n/.test(written) ? written : written.replace(/\s+/g, ' ');
  const style = settings.linkStyle === 'auto' ? styleOf(document) : settings.linkStyle;
  const link = formatLink(index, document, term, words, style);
  // In a table's row a wiki link's `|` would end the cell: escaped, as GFM reads it.
  const newText = link.startsWith('[[') && inTableRow(lines.text, lines.offsetAt(diagnostic.range.start)) ? link.replace('|', '\\|') : link;
  return { range: diagnostic.range, newText };
}

/** Whether a problem is fixed where it is: its suggestion in its place, or its tag removed. */
function hasInPlaceFix(diagnostic: GlossaryDiagnostic): boolean {
  return removesItem(diagnostic) || diagnostic.suggestion !== undefined;
}

function removesItem(diagnostic: GlossaryDiagnostic): boolean {
  return diagnostic.removesItem === true;
}

/** A term file for a broken link, where the link says it should be, from the new-term template. */
function missingTermFile(index: GlossaryIndex, document: ParsedDocument, target: string, diagnostic: GlossaryDiagnostic) {
  const link = document.body.links.find((candidate) => comparePositions(candidate.targetRange.start, diagnostic.range.start) === 0);
  // A link to a file that is no page (`Preise.pdf`, `x.html`) wants that file, not an entry.
  if (link === undefined || (link.kind === 'inline' && linkKindOf(link.target) !== 'other')) return undefined;
  let uri: string | undefined;
  let name: string;
  if (link.kind === 'wiki') {
    name = link.target.replace(/#.*$/, '');
    uri = `${parentUri(document.uri)}/${encodePathSegment(name.replace(/\s+/g, '-'))}.md`;
  } else if (routeSegments(target) !== undefined) {
    // The new file goes beside the terms already published under the route's folder.
    const segments = routeSegments(target)!;
    name = segments[segments.length - 1];
    const neighbour = index.termsInRouteFolder(routeFolder(segments))[0];
    if (neighbour === undefined) return undefined;
    uri = `${parentUri(neighbour.uri)}/${encodePathSegment(name)}.md`;
  } else {
    uri = resolveRelativeLink(document.uri, target);
    // `C#.md` names the file `C`, anchor `.md`: no entry to create there.
    if (uri === undefined || !isMarkdownPath(uri)) return undefined;
    // Hugo without a link render hook writes the link as it is: a new file there would not make it lead to a page.
    const site = index.siteFor(document.uri);
    if (site?.generator === 'hugo' && site.hugo.linkRenderHook === 'none' && index.pageOf(document.uri) !== undefined) return undefined;
    // A bundle's `index.md` (or a section's `_index.md`) is named after its folder.
    name = /^_?index$/i.test(fileStem(uri)) ? fileStem(parentUri(uri)) : fileStem(uri);
  }
  // The link may lead to a file that is only not built (a draft, `_` in its path): it exists.
  if (index.documentAtLink(uri) !== undefined) return undefined;
  // No file named with a control character or a line break (`a%0Ab.md`), which no one means to write.
  if (/[\p{Cc}\u2028\u2029]/u.test(safeDecode(uriPath(uri)))) return undefined;
  return { uri, text: newTermText(fileStem(uri), name.replace(/-/g, ' '), [], index.siteFor(uri)?.generator) };
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * The in-place fixes of several problems as edits that apply together. The fixes of items of one
 * list are made together, item by item, so that no two of them claim the same comma.
 */
function combinedEdits(document: ParsedDocument, lines: LineIndex, diagnostics: GlossaryDiagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const byList = new Map<FrontMatterField, Map<number, GlossaryDiagnostic>>();
  const { listItemAt, isPinned } = frontMatterNodes(document);
  for (const diagnostic of diagnostics.filter(hasInPlaceFix)) {
    // An alias reads the node, or a tag types it: a fix would change more than it says.
    if (isPinned(diagnostic.range)) continue;
    const at = listItemAt(diagnostic.range);
    if (at === undefined) {
      if (diagnostic.suggestion === undefined) continue;
      // A key keeps its quotes: `"titel":` becomes `"title":`.
      const written = diagnostic.code === 'unknown-key' ? lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end)) : '';
      edits.push({ range: diagnostic.range, newText: /^["']/.test(written) ? yamlStringLike(suggestedValue(diagnostic.suggestion), written) : diagnostic.suggestion });
      continue;
    }
    let fixes = byList.get(at.list);
    if (fixes === undefined) byList.set(at.list, (fixes = new Map()));
    // Of several problems at one item, removing it wins over changing it.
    const earlier = fixes.get(at.item);
    if (earlier === undefined || (!removesItem(earlier) && removesItem(diagnostic))) fixes.set(at.item, diagnostic);
  }
  for (const [list, fixes] of byList) edits.push(...listEdits(lines, list, withoutRepeats(list, fixes)));
  return nonOverlapping(edits);
}

/**
 * The fixes of one list, where one that puts another tag in place of a tag and would list it twice
 * (two misspellings of one tag, or one of a tag the list keeps) removes its item instead. (A padded
 * tag trimmed is the same tag: `duplicate-tag` tells of its repetition.)
 */
function withoutRepeats(list: FrontMatterField, fixes: Map<number, GlossaryDiagnostic>): Map<number, GlossaryDiagnostic> {
  const listed = new Set(list.items!.filter((_, index) => !fixes.has(index)).map((item) => item.value));
  const result = new Map<number, GlossaryDiagnostic>();
  for (const index of [...fixes.keys()].sort((a, b) => a - b)) {
    const fix = fixes.get(index)!;
    if (removesItem(fix) || (fix.code !== 'unknown-tag' && fix.code !== 'tag-variant')) {
      result.set(index, fix);
      continue;
    }
    const value = suggestedValue(fix.suggestion!);
    if (listed.has(value)) result.set(index, { ...fix, removesItem: true });
    else {
      listed.add(value);
      result.set(index, fix);
    }
  }
  return result;
}

/** The value a suggested YAML scalar stands for: a quoted one unquoted (YAML's escapes JSON does not have left as written). */
function suggestedValue(suggestion: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(suggestion)) {
    try {
      return JSON.parse(suggestion) as string;
    } catch {
      return suggestion;
    }
  }
  if (/^'(?:[^']|'')*'$/.test(suggestion)) return suggestion.slice(1, -1).replaceAll("''", "'");
  return suggestion;
}

/**
 * Finds the list and the index of the item a problem's range is, and whether the node there is
 * pinned (a key, value or item no fix may change), in tables made once.
 */
function frontMatterNodes(document: ParsedDocument) {
  const key = (range: Range) => `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
  const byRange = new Map<string, { list: FrontMatterField; item: number }>();
  const pinned = new Set<string>();
  for (const field of document.frontMatter?.fields ?? []) {
    if (field.keyPinned) pinned.add(key(field.keyRange));
    if (field.valuePinned) pinned.add(key(field.valueRange));
    field.items?.forEach((item, index) => {
      byRange.set(key(item.range), { list: field, item: index });
      if (item.pinned) pinned.add(key(item.range));
    });
  }
  return {
    listItemAt: (range: Range): { list: FrontMatterField; item: number } | undefined => byRange.get(key(range)),
    isPinned: (range: Range) => pinned.size > 0 && pinned.has(key(range)),
  };
}

/**
 * The edits of the fixes of items of one list: each changed item in place; each removed item with
 * its whole lines in a block list, with exactly one comma in a flow list. Comments and line breaks
 * between items stay.
 */
function listEdits(lines: LineIndex, list: FrontMatterField, fixes: Map<number, GlossaryDiagnostic>): TextEdit[] {
  const text = lines.text;
  const items = list.items!.map((item) => ({ start: lines.offsetAt(item.range.start), end: lines.offsetAt(item.range.end) }));
  const isFlow = text[lines.offsetAt(list.valueRange.start)] === '[';
  const removed = (index: number) => fixes.has(index) && removesItem(fixes.get(index)!);
  let lastKept = items.length - 1;
  while (lastKept >= 0 && removed(lastKept)) lastKept--;
  const edits: TextEdit[] = [];
  let blockItemsRemoved = 0;
  const remove = (start: number, end: number) => edits.push({ range: lines.rangeAt(start, end), newText: '' });
  for (const [index, fix] of fixes) {
    if (!removesItem(fix)) {
      // The tag keeps its quotes: `" IM "` becomes `"IM"`, `'Begriff'` becomes `'Begriffe'`.
      edits.push({ range: lines.rangeAt(items[index].start, items[index].end), newText: yamlStringLike(suggestedValue(fix.suggestion!), text.slice(items[index].start, items[index].end)) });
      continue;
    }
    // A removed item goes with its tag and anchor, which the parser's range leaves out.
    const item = { start: startWithProperties(text, items[index].start), end: items[index].end };
    if (!isFlow) {
      const lineStart = blockItemLineStart(text, lines, item.start);
      if (lineStart === undefined) continue;
      remove(lineStart, endOfItemLines(lines, lineStart, item.end));
      blockItemsRemoved++;
    } else if (lastKept !== -1 && index > lastKept) {
      // After the last kept item: the comma before the item goes.
      const comma = commaInGap(text, items[index - 1].end, item.start);
      if (comma === undefined) continue;
      if (/^[ \t]*$/.test(text.slice(comma + 1, item.start))) {
        remove(comma, item.end);
      } else {
        remove(comma, comma + 1);
        remove(item.start, item.end);
      }
    } else {
      // The comma after the item goes, and the blanks after it unless a comment follows them.
      const next = index + 1 < items.length ? items[index + 1].start : lines.offsetAt(list.valueRange.end) - 1;
      const comma = commaInGap(text, item.end, next);
      if (comma === undefined) {
        remove(item.start, item.end);
        continue;
      }
      let end = comma + 1;
      while (end < next && (text[end] === ' ' || text[end] === '\t')) end++;
      if (text[end] === '#') end = comma + 1;
      if (/^[ \t]*$/.test(text.slice(item.end, comma))) {
        remove(item.start, end);
      } else {
        remove(item.start, item.end);
        remove(comma, end);
      }
    }
  }
  // A block list whose every item goes stays a list: `tags: []`, not an empty value; after the
  // list's tag and anchor (`tags: &t []`), which may not stand after the value.
  const keyEnd = lines.offsetAt(list.keyRange.end);
  const colonAndProperties = /^[ \t]*:(?:[ \t]+[!&][^\s,[\]{}]*)*/.exec(text.slice(keyEnd));
  if (blockItemsRemoved === items.length && colonAndProperties !== null) {
    const at = lines.positionAt(keyEnd + colonAndProperties[0].length);
    edits.push({ range: { start: at, end: at }, newText: ' []' });
  }
  return edits;
}

/**
 * Where the lines of a block-list item end: after its last content line; and after the blank lines
 * after it where a block scalar kept with `|+` (or `>+`) comes before it, which would otherwise
 * take them into its value. Elsewhere they stay, as written.
 */
function endOfItemLines(lines: LineIndex, lineStart: number, itemEnd: number): number {
  let line = lines.positionAt(itemEnd).line + 1;
  if (KEPT_BLOCK_SCALAR.test(lines.text.slice(0, lineStart))) while (line < lines.lineCount - 1 && /^[ \t]*$/.test(lines.lineText(line))) line++;
  return line < lines.lineCount ? lines.lineStartOffset(line) : lines.text.length;
}

/** The header of a block scalar that keeps its trailing blank lines: `|+`, `>+`, `|2+`, `|+2`. */
const KEPT_BLOCK_SCALAR = /[|>](?:[1-9]?\+|\+[1-9])[ \t]*(?:#.*)?$/m;

/** Where a node starts with its properties, a tag (`!x`) and an anchor (`&a`) written before its value. */
function startWithProperties(text: string, start: number): number {
  for (;;) {
    let blank = start;
    while (blank > 0 && (text[blank - 1] === ' ' || text[blank - 1] === '\t')) blank--;
    let token = blank;
    while (token > 0 && !/[\s,[\]{}]/.test(text[token - 1])) token--;
    if (token === blank || (text[token] !== '!' && text[token] !== '&')) return start;
    start = token;
  }
}

/** Where the line of a block-list item's dash starts; undefined if the dash is not alone before the item. */
function blockItemLineStart(text: string, lines: LineIndex, itemStart: number): number | undefined {
  let dash = itemStart - 1;
  while (dash >= 0 && /\s/.test(text[dash])) dash--;
  if (text[dash] !== '-') return undefined;
  const lineStart = lines.lineStartOffset(lines.positionAt(dash).line);
  return /^[ \t]*$/.test(text.slice(lineStart, dash)) ? lineStart : undefined;
}

/** Edits that do not overlap, in document order, so they can be applied together; edits may touch, insertions may not. */
function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    const order = previous === undefined ? -1 : comparePositions(previous.range.end, edit.range.start);
    if (order < 0 || (order === 0 && !isInsertion(previous) && !isInsertion(edit))) kept.push(edit);
  }
  return kept;
}

function isInsertion(edit: TextEdit): boolean {
  return comparePositions(edit.range.start, edit.range.end) === 0;
}
