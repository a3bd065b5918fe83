import * as l10n from '@vscode/l10n';
import type { DiagnosticCode, GlossaryDiagnostic } from '../common/diagnostic';
import type { GlossarySettings } from '../common/settings';
import { comparePositions, type LineIndex, type Range } from '../common/text';
import { encodePathSegment, fileStem, isMarkdownPath, parentUri, relativePath, resolveRelativeLink, routeFolder, routeSegments } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { ParsedDocument } from '../parsing/document';
import type { FrontMatterField } from '../parsing/frontMatter';
import { documentDiagnostics } from './diagnostics/documentDiagnostics';
import { formatLink, styleOf } from './linkCompletion';
import { newTermText } from './newTerm';
import { tagDeclaration } from './tagsFileGenerator';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdits {
  uri: string;
  edits: TextEdit[];
}

/** A change across files: files to create (empty) first, then edits, then files to rename. */
export interface WorkspaceChange {
  createFiles: string[];
  edits: FileEdits[];
  renameFiles?: Array<{ oldUri: string; newUri: string }>;
}

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
  for (const diagnostic of here.slice(0, MAX_PROBLEMS_WITH_FIXES)) actions.push(...fixesFor(index, document, lines, diagnostic, settings));
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

/** Every safe fix in a document at once, for "fix all" on save and `check --fix`. */
export function fixAll(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, settings: GlossarySettings): TextEdit[] {
  const safe = documentDiagnostics(index, document, settings).filter((diagnostic) => SAFE_FIXES.has(diagnostic.code));
  return combinedEdits(document, lines, safe);
}

function fixesFor(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, diagnostic: GlossaryDiagnostic, settings: GlossarySettings): CodeAction[] {
  const actions: CodeAction[] = [];
  const single = (title: string, change: WorkspaceChange, isPreferred = false): CodeAction => ({
    title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    change,
    isPreferred,
  });
  const edit = inPlaceEdit(lines, diagnostic);
  if (edit !== undefined) {
    const title = edit.newText === '' ? l10n.t('Remove the tag') : l10n.t('Change to "{0}"', diagnostic.suggestion ?? edit.newText);
    actions.push(single(title, { createFiles: [], edits: [{ uri: document.uri, edits: [edit] }] }, true));
  }
  if (diagnostic.code === 'unknown-tag') {
    const tagsFile = index.tagsFileFor(document.uri);
    const tag = diagnostic.subject;
    if (tagsFile !== undefined && tag !== undefined) {
      const newText = (tagsFile.endsWithLineBreak ? '' : '\n') + tagDeclaration(tag);
      actions.push(
        single(l10n.t('Declare "{0}" in {1}', tag, relativePath(document.uri, tagsFile.uri)), {
          createFiles: [],
          edits: [{ uri: tagsFile.uri, edits: [{ range: { start: tagsFile.end, end: tagsFile.end }, newText }] }],
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
  if (diagnostic.code === 'missing-key') {
    const key = diagnostic.subject;
    const closing = document.frontMatter?.range.end;
    if (key !== undefined && closing !== undefined) {
      const value = key === 'title' ? fileStem(document.uri).replace(/-/g, ' ') : '';
      const at = { line: closing.line, character: 0 };
      actions.push(single(l10n.t('Add "{0}"', key), { createFiles: [], edits: [{ uri: document.uri, edits: [{ range: { start: at, end: at }, newText: `${key}: ${value}\n` }] }] }));
    }
  }
  return actions;
}

function isUnlinkedMention(diagnostic: GlossaryDiagnostic): boolean {
  return diagnostic.code === 'unlinked-mention' && diagnostic.related !== undefined && diagnostic.related.length > 0;
}

/** Turns a mention into a link to its term, in the document's link style, keeping the words. */
function linkMention(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, diagnostic: GlossaryDiagnostic, settings: GlossarySettings): TextEdit | undefined {
  const term = index.termOf(diagnostic.related![0].uri);
  if (term === undefined) return undefined;
  const words = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end)).replace(/\s+/g, ' ');
  const style = settings.linkStyle === 'auto' ? styleOf(document) : settings.linkStyle;
  return { range: diagnostic.range, newText: formatLink(document, term, words, style) };
}

/** The edit that fixes a problem where it is: the suggestion in place, or the tag removed. */
function inPlaceEdit(lines: LineIndex, diagnostic: GlossaryDiagnostic): TextEdit | undefined {
  if (diagnostic.code === 'duplicate-tag' || diagnostic.code === 'empty-tag') return removeListItem(lines, diagnostic.range);
  if (diagnostic.suggestion === undefined) return undefined;
  return { range: diagnostic.range, newText: diagnostic.suggestion };
}

/** Removes an item of a flow list with its comma, or the whole line of a block-list item. */
function removeListItem(lines: LineIndex, range: Range): TextEdit {
  const text = lines.text;
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const lineText = lines.lineText(range.start.line);
  if (/^\s*-\s/.test(lineText) && lineText.trim().startsWith('-')) {
    const lineStart = lines.lineStartOffset(range.start.line);
    const nextLine = lines.lineStartOffset(range.start.line + 1);
    return { range: lines.rangeAt(lineStart, nextLine > lineStart ? nextLine : lines.lineEndOffset(range.start.line)), newText: '' };
  }
  // The item goes with the comma after it, else with the one before it.
  const afterComma = commaSpanFrom(text, end, 1);
  if (afterComma !== undefined) return { range: lines.rangeAt(start, afterComma), newText: '' };
  return { range: lines.rangeAt(commaSpanFrom(text, start, -1) ?? start, end), newText: '' };
}

/** Where blanks, a comma and blanks, read from an offset in a direction, end; undefined without a comma. */
function commaSpanFrom(text: string, from: number, direction: 1 | -1): number | undefined {
  const at = (offset: number) => text[direction === 1 ? offset : offset - 1];
  let offset = from;
  while (at(offset) !== undefined && /\s/.test(at(offset))) offset += direction;
  if (at(offset) !== ',') return undefined;
  offset += direction;
  while (at(offset) !== undefined && /\s/.test(at(offset))) offset += direction;
  return offset;
}

/** A term file for a broken link, where the link says it should be, from the new-term template. */
function missingTermFile(index: GlossaryIndex, document: ParsedDocument, target: string, diagnostic: GlossaryDiagnostic) {
  const link = document.body.links.find((candidate) => comparePositions(candidate.targetRange.start, diagnostic.range.start) === 0);
  if (link === undefined) return undefined;
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
    name = fileStem(uri);
  }
  return { uri, text: newTermText(fileStem(uri), name.replace(/-/g, ' '), []) };
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * The in-place fixes of several problems as edits that apply together. Fixes inside one flow list
 * (`tags: [a, "", a]`) would touch the same commas, so such a list is written anew once, with every
 * removal and replacement in it.
 */
function combinedEdits(document: ParsedDocument, lines: LineIndex, diagnostics: GlossaryDiagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const byList = new Map<FrontMatterField, GlossaryDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = document.frontMatter?.fields.find(
      (field) => field.items !== undefined && lines.text[lines.offsetAt(field.valueRange.start)] === '[' && overlaps(field.valueRange, diagnostic.range),
    );
    if (list === undefined) {
      const edit = inPlaceEdit(lines, diagnostic);
      if (edit !== undefined) edits.push(edit);
    } else {
      const inList = byList.get(list);
      if (inList === undefined) byList.set(list, [diagnostic]);
      else inList.push(diagnostic);
    }
  }
  for (const [list, inList] of byList) {
    if (inList.length === 1) {
      const edit = inPlaceEdit(lines, inList[0]);
      if (edit !== undefined) edits.push(edit);
      continue;
    }
    // The first problem found at an item decides its fix.
    const fixAt = new Map<number, GlossaryDiagnostic>();
    for (const diagnostic of inList) {
      const offset = lines.offsetAt(diagnostic.range.start);
      if (!fixAt.has(offset)) fixAt.set(offset, diagnostic);
    }
    const kept: string[] = [];
    for (const item of list.items!) {
      const fix = fixAt.get(lines.offsetAt(item.range.start));
      if (fix !== undefined && (fix.code === 'duplicate-tag' || fix.code === 'empty-tag')) continue;
      kept.push(fix?.suggestion ?? lines.text.slice(lines.offsetAt(item.range.start), lines.offsetAt(item.range.end)));
    }
    edits.push({ range: list.valueRange, newText: `[${kept.join(', ')}]` });
  }
  return nonOverlapping(edits);
}

/** Edits that do not touch each other, in document order, so they can be applied together. */
function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || comparePositions(previous.range.end, edit.range.start) < 0) kept.push(edit);
  }
  return kept;
}
