import * as l10n from '@vscode/l10n';
import { rangeContains, type LineIndex, type Position, type Range } from '../common/text';
import { asLinkTarget, encodePathSegment, fileStem, parentUri, relativePath, resolveRelativeLink, routeSegments } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { nameKey } from '../index/termMatcher';
import type { GlossaryTerm, ParsedDocument } from '../parsing/document';
import type { FileEdits, TextEdit, WorkspaceChange } from './codeActions';
import { termsAt } from './termAt';
import { routeOf } from '../index/routes';
import { resolveTermLink } from './termLinks';
import { replaceValue } from './yamlEdits';

export interface RenameTarget {
  term: GlossaryTerm;
  /** A title is renamed from its heading, title, a link or a mention; an id from its `id:` value. */
  what: 'title' | 'id';
  range: Range;
  placeholder: string;
}

export class RenameError extends Error {}

/** What a rename at a position would rename; undefined where there is no term. */
export function prepareRename(index: GlossaryIndex, document: ParsedDocument, lines: LineIndex, position: Position): RenameTarget | undefined {
  const idField = document.term && document.frontMatter?.fields.find((field) => field.key === 'id');
  if (document.term !== undefined && idField !== undefined && rangeContains(idField.valueRange, position)) {
    return { term: document.term, what: 'id', range: idField.valueRange, placeholder: document.term.id };
  }
  const target = termsAt(index, document, lines, position);
  if (target === undefined || target.terms.length !== 1) return undefined;
  const [term] = target.terms;
  const range = target.link === undefined ? target.range : target.link.kind === 'wiki' ? target.link.targetRange : target.link.textRange;
  return { term, what: 'title', range, placeholder: term.title };
}

/** The edits of a rename, across the glossary. Throws RenameError for a name that cannot work. */
export function rename(index: GlossaryIndex, target: RenameTarget, newName: string): WorkspaceChange {
  const name = newName.trim();
  if (name === '') throw new RenameError(l10n.t('The new name must not be empty.'));
  return target.what === 'title' ? renameTitle(index, target.term, name) : renameId(index, target.term, name);
}

function renameTitle(index: GlossaryIndex, term: GlossaryTerm, title: string): WorkspaceChange {
  const edits = new EditsByFile();
  const own = index.getDocument(term.uri);
  const titleField = own?.frontMatter?.fields.find((field) => field.key === 'title');
  if (titleField !== undefined) edits.add(term.uri, replaceValue(titleField.valueRange, title));
  if (term.heading !== undefined && term.heading.text.trim() === term.title.trim()) edits.add(term.uri, { range: term.heading.textRange, newText: title });

  const oldKey = nameKey(term.title);
  forEachLinkTo(index, term, (document, link) => {
    if (link.kind === 'wiki') {
      const [target, fragment = ''] = link.target.split(/(?=#)/);
      if (nameKey(target) === oldKey) edits.add(document.uri, { range: link.targetRange, newText: title + fragment });
    } else if (nameKey(link.text) === oldKey) {
      edits.add(document.uri, { range: link.textRange, newText: title });
    }
  });
  return { createFiles: [], edits: edits.all() };
}

function renameId(index: GlossaryIndex, term: GlossaryTerm, id: string): WorkspaceChange {
  if (id.includes('/')) throw new RenameError(l10n.t('Docusaurus rejects this id: it must not be empty or contain "/".'));
  const edits = new EditsByFile();
  const idField = index.getDocument(term.uri)?.frontMatter?.fields.find((field) => field.key === 'id');
  if (idField !== undefined) edits.add(term.uri, replaceValue(idField.valueRange, id));
  // A file named after its id keeps that name: it moves with the id, and so do the paths to it.
  const renamesFile = fileStem(term.uri) === term.id;
  const newUri = renamesFile ? `${parentUri(term.uri)}/${encodePathSegment(id)}${term.uri.match(/\.mdx?$/i)?.[0] ?? '.md'}` : term.uri;
  forEachLinkTo(index, term, (document, link) => {
    if (link.kind !== 'inline') return;
    if (routeSegments(link.target) !== undefined) {
      edits.add(document.uri, { range: link.targetRange, newText: link.target.replace(/[^/?#]+(\/?(?:[?#].*)?)$/, `${id}$1`) });
    } else if (renamesFile) {
      const fragment = link.target.match(/#.*$/)?.[0] ?? '';
      const from = document.uri === term.uri ? newUri : document.uri;
      edits.add(document.uri, { range: link.targetRange, newText: asLinkTarget(relativePath(from, newUri)) + fragment });
    }
  });
  return { createFiles: [], edits: edits.all(), renameFiles: renamesFile && newUri !== term.uri ? [{ oldUri: term.uri, newUri }] : [] };
}

/**
 * Edits for files an editor is about to move or rename: relative links to them, site routes to a
 * term whose route changes with its folder (or with its file name, when that is its id), and the
 * relative links inside a file that moves to another folder.
 */
export function linkEditsForRenamedFiles(index: GlossaryIndex, renames: Array<{ oldUri: string; newUri: string }>): FileEdits[] {
  const edits = new EditsByFile();
  const moved = new Map(renames.map(({ oldUri, newUri }) => [oldUri, newUri]));
  const newLocation = (uri: string) => moved.get(uri) ?? uri;
  for (const { oldUri } of renames) {
    for (const sourceUri of index.documentsLinkingTo({ uri: oldUri, id: '', title: '', aliases: [] })) {
      const source = index.getDocument(sourceUri);
      for (const link of source?.body.links ?? []) {
        if (link.kind !== 'inline' || resolveRelativeLink(sourceUri, link.target) !== oldUri.replace(/#.*$/, '')) continue;
        const fragment = link.target.match(/#.*$/)?.[0] ?? '';
        edits.add(sourceUri, { range: link.targetRange, newText: asLinkTarget(relativePath(newLocation(sourceUri), moved.get(oldUri)!)) + fragment });
      }
    }
    const term = index.termOf(oldUri);
    if (term !== undefined) {
      const declaresId = index.getDocument(oldUri)?.frontMatter?.fields.some((field) => field.key === 'id') === true;
      const newRoute = routeOf({ uri: moved.get(oldUri)!, id: declaresId ? term.id : fileStem(moved.get(oldUri)!) });
      if (newRoute !== routeOf(term)) {
        forEachLinkTo(index, term, (document, link) => {
          if (link.kind !== 'inline' || routeSegments(link.target) === undefined) return;
          const suffix = link.target.match(/[?#].*$/)?.[0] ?? '';
          const slash = /\/(?:[?#].*)?$/.test(link.target) ? '/' : '';
          edits.add(document.uri, { range: link.targetRange, newText: newRoute.replace(/\/$/, slash) + suffix });
        });
      }
    }
    const own = index.getDocument(oldUri);
    if (own === undefined || parentUri(oldUri) === parentUri(moved.get(oldUri)!)) continue;
    for (const link of own.body.links) {
      const target = link.kind === 'inline' ? resolveRelativeLink(oldUri, link.target) : undefined;
      if (target === undefined || moved.has(target)) continue;
      const fragment = link.target.match(/#.*$/)?.[0] ?? '';
      edits.add(oldUri, { range: link.targetRange, newText: asLinkTarget(relativePath(moved.get(oldUri)!, target)) + fragment });
    }
  }
  return edits.all();
}

function forEachLinkTo(index: GlossaryIndex, term: GlossaryTerm, visit: (document: ParsedDocument, link: ParsedDocument['body']['links'][number]) => void): void {
  for (const uri of index.documentsLinkingTo(term)) {
    const document = index.getDocument(uri);
    for (const link of document?.body.links ?? []) {
      if (resolveTermLink(index, uri, link)?.uri === term.uri) visit(document!, link);
    }
  }
}

/** Collects edits per file, each edit once. */
class EditsByFile {
  private readonly byUri = new Map<string, Map<string, TextEdit>>();

  add(uri: string, edit: TextEdit): void {
    let edits = this.byUri.get(uri);
    if (edits === undefined) this.byUri.set(uri, (edits = new Map()));
    edits.set(JSON.stringify(edit.range), edit);
  }

  all(): FileEdits[] {
    return [...this.byUri].map(([uri, edits]) => ({ uri, edits: [...edits.values()] }));
  }
}
