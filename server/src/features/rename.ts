import * as l10n from '@vscode/l10n';
import { rangeContains, type LineIndex, type Position, type Range } from '../common/text';
import { asLinkTarget, composedUri, encodePathSegment, fileStem, isMarkdownPath, parentUri, relativePath, resolveRelativeLink, routeSegments, uriPath, withRouteId } from '../common/uris';
import { PAGINATION_KEYS, type GlossaryIndex } from '../index/glossaryIndex';
import { nameKey } from '../index/termMatcher';
import { termField, type GlossaryTerm, type ParsedDocument } from '../parsing/document';
import type { FrontMatter, FrontMatterField } from '../parsing/frontMatterFields';
import type { SidebarDocReference, SitePage } from '../site/siteTypes';
import { escapeHeadingText, escapeLinkText, escapeWikiTargetForMdx, markdownDestination, wikiLinkCannotHold, wikiLinkParts, type MarkdownLink } from '../parsing/markdown';
import type { FileEdits, TextEdit, WorkspaceChange } from './workspaceChange';
import { termsAt } from './termAt';
import { resolveTermLink } from './termLinks';
import { replaceValue } from './yamlEdits';
import { compiledAsMdx } from './diagnostics/siteRules';
import { hugoContentPath } from '../site/hugo';
import type { Site } from '../site/site';
import { posix } from 'node:path';

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
  const idField = document.term && termField(document, 'id');
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
  // A line break would end the title's line, the heading and any link to it; no file name holds one.
  if (/[\p{Cc}\u2028\u2029]/u.test(name)) throw new RenameError(l10n.t('The new name must not contain a line break or control character.'));
  return target.what === 'title' ? renameTitle(index, target.term, name) : renameId(index, target.term, name);
}

/**
 * The edit that writes a new text as a front-matter value: YAML as YAML writes it; in Hugo's TOML
 * or JSON front matter as a JSON string, which both read, and only over a value written as one
 * string on its line (`"…"`, `'…'`), which is then its range exactly.
 */
function replacedValue(frontMatter: FrontMatter, field: FrontMatterField, value: string): TextEdit {
  // An alias reads the value through its anchor (`slug: *id`), or a tag decides how it is read: a new text would change those too.
  if (frontMatter.format === undefined && field.valuePinned) throw new RenameError(l10n.t('The front matter reads "{0}" through an alias elsewhere or with a tag: a rename would change more than the name. Change it in the file.', field.key));
  if (frontMatter.format === undefined) return replaceValue(field.valueRange, value, field.valueQuote);
  const { start, end } = field.valueRange;
  const length = end.character - start.character;
  const oneString = typeof field.value === 'string' && start.line === end.line && (length === JSON.stringify(field.value).length || length === field.value.length + 2);
  if (!oneString) throw new RenameError(l10n.t('The {0} front matter writes "{1}" in a form a rename does not rewrite: change it in the file.', frontMatter.format.toUpperCase(), field.key));
  return { range: field.valueRange, newText: JSON.stringify(value) };
}

function renameTitle(index: GlossaryIndex, term: GlossaryTerm, title: string): WorkspaceChange {
  const edits = new EditsByFile();
  const own = index.getDocument(term.uri);
  const titleField = own && termField(own, 'title');
  if (titleField !== undefined) edits.add(term.uri, replacedValue(own!.frontMatter!, titleField, title));
  // The heading shows the title as written, or as Docusaurus titles a page by it: its inline code unwrapped (`# The \`ls\` command`).
  if (term.heading !== undefined && [term.heading.text, term.heading.text.replace(INLINE_CODE, '$1')].some((text) => text.trim() === term.title.trim())) {
    // Docusaurus and Hugo read `{#x}` ending a heading's text as its id, escaped or not.
    if (HEADING_ID_AT_END.test(title)) throw new RenameError(l10n.t('The heading shows the title, and a heading ending in "{#…}" takes that as its id: choose another name.'));
    edits.add(term.uri, { range: term.heading.textRange, newText: escapeHeadingText(title) });
  }

  const oldKey = nameKey(term.title);
  const unwritableInWikiLink = wikiLinkCannotHold(title);
  forEachLinkTo(index, term, (document, link) => {
    if (link.kind === 'wiki') {
      const { name, fragment } = wikiLinkParts(link.target);
      if (nameKey(name) !== oldKey) return;
      if (unwritableInWikiLink !== undefined) {
        throw new RenameError(l10n.t('Wiki links name this term, and a wiki link cannot hold "{0}": choose another name, or change those wiki links into Markdown links first.', unwritableInWikiLink));
      }
      // In MDX, `[[List<T>]]` would open a JSX element and `[[{x}]]` an expression.
      edits.add(document.uri, { range: link.targetRange, newText: (compiledAsMdx(index, document) ? escapeWikiTargetForMdx(title) : title) + fragment });
    } else if (nameKey(link.text) === oldKey) {
      edits.add(document.uri, { range: link.textRange, newText: renamedLinkText(link, oldKey, title) });
    }
  });
  return { createFiles: [], edits: edits.all() };
}

/** Inline code as Docusaurus unwraps it in a title it takes from an H1 (parsing/contentTitle.ts). */
const INLINE_CODE = /`([^`]*)`/g;

/** An explicit heading id ending a heading's text (`Neu {#x}`). */
const HEADING_ID_AT_END = /\{#[^{}]*\}\s*$/;

/**
 * A link's text with the new title, inside the emphasis, strikethrough or code span that held the
 * old one (`[*Old*](old.md)` → `[*New*](old.md)`); the title alone where the text is written otherwise.
 */
function renamedLinkText(link: MarkdownLink, oldKey: string, title: string): string {
  const { start, end } = link.textRange;
  // Without escapes the text is its source, and a `*` in it is a marker, not a star.
  const asWritten = start.line === end.line && end.character - start.character === link.text.length;
  const code = asWritten ? /^(`+)([^`](?:[^]*[^`])?)\1$/.exec(link.text) : null;
  // A `|` in a code span would end a table's cell, and a backslash before it shows outside tables: the title is written plain then.
  if (code !== null && !code[2].includes(code[1]) && nameKey(code[2]) === oldKey && !title.includes('|')) return codeSpan(title);
  const emphasis = asWritten ? /^([*_~]+)(?=\S)([^]*?\S)([*_~]+)$/.exec(link.text) : null;
  if (emphasis !== null && [...emphasis[1]].reverse().join('') === emphasis[3] && nameKey(emphasis[2]) === oldKey) {
    return emphasis[1] + escapeLinkText(title) + emphasis[3];
  }
  return escapeLinkText(title);
}

/** Text as a code span: fenced by more backticks than any run in it, with a blank inside where it starts or ends with one. */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const blank = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return fence + blank + text + blank + fence;
}

function renameId(index: GlossaryIndex, term: GlossaryTerm, id: string): WorkspaceChange {
  if (id.includes('/')) throw new RenameError(l10n.t('Docusaurus rejects this id: it must not be empty or contain "/".'));
  const edits = new EditsByFile();
  const renameFiles: Array<{ oldUri: string; newUri: string }> = [];
  renameDocId(index, edits, renameFiles, term, term.id, id, false);
  // Docusaurus finds a doc's translation by its path: it moves with the doc, and takes the new id where it wrote the old one.
  if (index.pageOf(term.uri)?.generator === 'docusaurus') {
    for (const uri of index.translationsOf(term.uri)) {
      const translation = index.termOf(uri);
      const keepsId = translation !== undefined && translation.id !== term.id;
      if (keepsId && fileStem(uri) !== term.id) continue;
      renameDocId(index, edits, renameFiles, { uri, id: translation?.id ?? term.id, title: translation?.title ?? '', aliases: translation?.aliases ?? [] }, term.id, id, keepsId);
    }
  }
  return { createFiles: [], edits: edits.all(), renameFiles };
}

/** A doc as links name it: its file, id, title and aliases. */
type LinkedDoc = Pick<GlossaryTerm, 'uri' | 'id' | 'title' | 'aliases'>;

/**
 * The edits that give one doc (a page, or its translation) the id `id` in place of `oldId`: its
 * `id` (unless it `keepsId`, a translation's own), its file where named after the old id, and the links to it.
 */
function renameDocId(index: GlossaryIndex, edits: EditsByFile, renameFiles: Array<{ oldUri: string; newUri: string }>, term: LinkedDoc, oldId: string, id: string, keepsId: boolean): void {
  const own = index.getDocument(term.uri);
  const frontMatter = own?.frontMatter;
  const idField = own && termField(own, 'id');
  if (idField !== undefined && !keepsId) edits.add(term.uri, replacedValue(frontMatter!, idField, id));
  // A file named after its id keeps that name: it moves with the id, and so do the paths to it.
  const renamesFile = fileStem(term.uri) === oldId;
  const newUri = renamesFile ? `${parentUri(term.uri)}/${encodePathSegment(id)}${term.uri.match(/\.mdx?$/i)?.[0] ?? '.md'}` : term.uri;
  const occupant = newUri === term.uri ? undefined : index.documentAtLink(newUri);
  if (occupant !== undefined && occupant.uri !== term.uri) {
    throw new RenameError(l10n.t('{0} exists already: the entry cannot be renamed to the file of the new id.', fileStem(occupant.uri) + (occupant.uri.match(/\.mdx?$/i)?.[0] ?? '')));
  }
  const fields = own?.frontMatter?.fields ?? [];
  const newPage = index.pageFor(newUri, idField === undefined || keepsId ? fields : fields.map((field) => (field === idField ? { ...field, value: id } : field)));
  const newRoute = newPage?.published ? newPage.route : undefined;
  docIdEdits(index, edits, index.pageOf(term.uri), newPage);
  forEachLinkTo(index, term, (document, link) => {
    if (link.kind !== 'inline') return;
    if (!isMarkdownPath(link.target.replace(/[?#].*$/, ''))) {
      const routed = newRoute === undefined ? undefined : routeLinkTarget(index, document.uri, link.target, newRoute);
      if (routed !== undefined) {
        if (routed !== link.target) edits.add(document.uri, { range: link.targetRange, newText: routed });
      } else if (routeSegments(link.target) !== undefined && !keepsId) edits.add(document.uri, { range: link.targetRange, newText: withRouteId(link.target, id) });
    } else if (renamesFile) {
      const from = document.uri === term.uri ? newUri : document.uri;
      edits.add(document.uri, { range: link.targetRange, newText: fileLinkTarget(link.target, from, newUri) });
    }
  });
  if (renamesFile && newUri !== term.uri) renameFiles.push({ oldUri: term.uri, newUri });
}

/**
 * Edits for files an editor is about to move or rename: relative links to them, site routes to a
 * term whose route changes with its folder (or with its file name, when that is its id), and the
 * relative links inside a file that moves to another folder. The moves of a batch apply in order,
 * so edits are made once, from where each file is to where it ends up.
 */
export function linkEditsForRenamedFiles(index: GlossaryIndex, renames: Array<{ oldUri: string; newUri: string }>): FileEdits[] {
  const edits = new EditsByFile();
  const moved = finalLocations(renames);
  const newLocation = (uri: string) => moved.get(uri) ?? uri;
  for (const [oldUri, newUri] of moved) {
    const oldKey = composedUri(oldUri);
    for (const sourceUri of index.documentsLinkingTo({ uri: oldUri, id: '', title: '', aliases: [] })) {
      for (const link of writtenLinksOf(index, index.getDocument(sourceUri))) {
        if (link.kind !== 'inline' || link.targetUri === undefined || composedUri(link.targetUri) !== oldKey) continue;
        const newText = fileLinkTarget(link.target, newLocation(sourceUri), newUri);
        // Within a moved folder, most links stay as they are.
        if (newText !== link.target) edits.add(sourceUri, { range: link.targetRange, newText });
      }
    }
    const term = index.linkableTermOf(oldUri);
    const oldRoute = term === undefined ? undefined : index.routeOf(term);
    // The page the file makes at its new place, as the site computes it from its path and front matter.
    const newPage = index.pageFor(newUri, index.getDocument(oldUri)?.frontMatter?.fields ?? []);
    const newRoute = newPage?.published ? newPage.route : undefined;
    docIdEdits(index, edits, index.pageOf(oldUri), newPage);
    if (term !== undefined && oldRoute !== undefined && newRoute !== undefined) {
      if (newRoute !== oldRoute) {
        forEachLinkTo(index, term, (document, link) => {
          if (link.kind !== 'inline' || isMarkdownPath(link.target.replace(/[?#].*$/, ''))) return;
          edits.add(document.uri, { range: link.targetRange, newText: routeLinkTarget(index, document.uri, link.target, newRoute) });
        });
      }
    }
    const own = index.getDocument(oldUri);
    if (own === undefined || parentUri(oldUri) === parentUri(newUri)) continue;
    for (const link of writtenLinksOf(index, own)) {
      if (link.kind !== 'inline' || link.targetUri === undefined) continue;
      // Links to files of the batch were rewritten above, from this file's new place.
      const target = index.documentAtLink(link.targetUri)?.uri ?? link.targetUri;
      if (moved.has(target)) continue;
      edits.add(oldUri, { range: link.targetRange, newText: fileLinkTarget(link.target, newUri, target) });
    }
  }
  fileReferenceEdits(index, edits, moved);
  hugoRefEdits(index, edits, moved);
  return edits.all();
}

/** A file's path in its Hugo site's content folder (`glossar/alpha.md`), with that folder; undefined outside one. */
function hugoContentPathOf(site: Site | undefined, uri: string): { folder: string; path: string } | undefined {
  if (site?.generator !== 'hugo') return undefined;
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const path = uriPath(uri);
  if (!path.startsWith(`${root}/`)) return undefined;
  const inSite = hugoContentPath(site.hugo, path.slice(root.length + 1));
  const folders = [...new Set(site.hugo.languages.map((language) => language.contentDir))].sort((a, b) => b.length - a.length);
  const folder = folders.find((candidate) => candidate === '' || inSite.startsWith(`${candidate}/`));
  return folder === undefined ? undefined : { folder, path: folder === '' ? inSite : inSite.slice(folder.length + 1) };
}

/**
 * Hugo's `ref` and `relref` shortcodes that lead to a moved file, or stand in a moved file, written
 * for the new places: Hugo fails the build on a ref that finds no page. A ref is followed as Hugo
 * follows it, among the pages of the linking page's language: from the page's folder, then from the
 * content folder, then by its name alone where one page has it (any case, with its extension or
 * without). The new ref is written as the old was: from the page's folder where the file stays
 * below it (else from the content folder), from the content folder, or by name; with its extension
 * or without. Refs to a language, or written with escapes, stay; so does a path a ref could only
 * hold in quotes.
 */
function hugoRefEdits(index: GlossaryIndex, edits: EditsByFile, moved: Map<string, string>): void {
  if (![...moved.keys()].some((uri) => index.siteFor(uri)?.generator === 'hugo')) return;
  const pagesByLanguage = new Map<string, RefTargets>();
  for (const document of index.documents()) {
    if (document.hugoRefs === undefined) continue;
    const site = index.siteFor(document.uri);
    if (site?.generator !== 'hugo') continue;
    const language = index.pageOf(document.uri)?.locale ?? '';
    const key = `${site.rootUri}\0${language}`;
    const pages = pagesByLanguage.get(key) ?? pagesByLanguage.set(key, refTargetsOf(index, site, language)).get(key)!;
    const oldFolder = hugoContentPathOf(site, document.uri)?.path.replace(/(?:^|\/)[^/]*$/, '');
    const newFolder = hugoContentPathOf(site, moved.get(document.uri) ?? document.uri)?.path.replace(/(?:^|\/)[^/]*$/, '');
    if (oldFolder === undefined || newFolder === undefined) continue;
    for (const ref of document.hugoRefs) {
      const path = ref.target.replace(/[?#].*$/s, '');
      if (ref.lang !== undefined || path === '' || ref.range.end.character - ref.range.start.character !== ref.target.length) continue;
      const found = pages.follow(path, oldFolder);
      if (found === undefined) continue;
      const targetUri = moved.get(found.uri) ?? found.uri;
      if (targetUri === found.uri && newFolder === oldFolder) continue;
      const to = hugoContentPathOf(site, targetUri)?.path;
      if (to === undefined) continue;
      // As written: with the extension or without, and without a language's suffix where it had none (`alpha.md` for `alpha.de.md`).
      const named = /\.[^./]*$/.test(path) ? pages.withoutLanguage(to, path) : pages.withoutLanguage(to, path).replace(/\.[^./]*$/, '');
      const relative = posix.relative(newFolder, named);
      const newPath =
        found.by === 'absolute' ? `/${named}` : found.by === 'name' ? posix.basename(named) : found.by === 'root' ? named : relative.startsWith('..') ? `/${named}` : relative;
      if (/[\s"'`\\]/.test(newPath)) continue;
      const rewritten = newPath + ref.target.slice(path.length);
      if (rewritten !== ref.target) edits.add(document.uri, { range: ref.range, newText: rewritten });
    }
  }
}

/** The pages a ref from a page of one language may lead to, and how it finds one. */
interface RefTargets {
  follow(path: string, fromFolder: string): { uri: string; by: 'absolute' | 'relative' | 'root' | 'name' } | undefined;
  withoutLanguage(contentPath: string, written: string): string;
}

/** The pages of a Hugo site in one language, by their paths in the content folder and by their names, as a ref looks them up. */
function refTargetsOf(index: GlossaryIndex, site: Extract<Site, { generator: 'hugo' }>, language: string): RefTargets {
  const languages = site.hugo.languages.map((candidate) => candidate.code);
  const languageSuffix = new RegExp(`\\.(?:${languages.map((code) => code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})(?=\\.[^./]*$)`, 'i');
  // A path's key: in lower case, without extension and language suffix; an index file's is its folder's too.
  const keyOf = (path: string) => path.toLowerCase().replace(languageSuffix, '').replace(/\.[^./]*$/, '');
  const byPath = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const document of index.documents()) {
    if (index.siteFor(document.uri) !== site || (index.pageOf(document.uri)?.locale ?? '') !== language) continue;
    const place = hugoContentPathOf(site, document.uri);
    if (place === undefined) continue;
    const key = keyOf(place.path);
    const keys = /(?:^|\/)_?index$/.test(key) ? [key, key.replace(/\/?_?index$/, '')] : [key];
    for (const each of keys) {
      byPath.set(each, document.uri);
      const name = posix.basename(each);
      byName.set(name, [...(byName.get(name) ?? []), document.uri]);
    }
  }
  return {
    follow(path, fromFolder) {
      if (path.startsWith('/')) {
        const uri = byPath.get(keyOf(posix.normalize(path.slice(1))));
        return uri === undefined ? undefined : { uri, by: 'absolute' };
      }
      const relative = byPath.get(keyOf(posix.join(fromFolder, path)));
      if (relative !== undefined) return { uri: relative, by: 'relative' };
      const root = byPath.get(keyOf(posix.normalize(path)));
      if (root !== undefined) return { uri: root, by: 'root' };
      const named = path.includes('/') ? undefined : byName.get(keyOf(path));
      return named?.length === 1 ? { uri: named[0], by: 'name' } : undefined;
    },
    withoutLanguage(contentPath, written) {
      return languageSuffix.test(posix.basename(written)) ? contentPath : contentPath.replace(languageSuffix, '');
    },
  };
}

/**
 * The references by relative path that are no links, from the moved files and to them: images, and
 * the modules an MDX page imports (`import Teil from './_teil.md'`, `./_teil` without its
 * extension); each written from where its file ends up. Hugo reads a page's image from the page's
 * URL, not its file: those stay as they are.
 */
function fileReferenceEdits(index: GlossaryIndex, edits: EditsByFile, moved: Map<string, string>): void {
  const movedByKey = new Map([...moved].map(([oldUri, newUri]) => [composedUri(oldUri), newUri]));
  const newLocationOf = (target: string): string | undefined => {
    const exact = movedByKey.get(composedUri(target));
    if (exact !== undefined) return exact;
    // A module named without its extension, which webpack adds.
    for (const extension of ['.md', '.mdx']) {
      const withExtension = movedByKey.get(composedUri(target + extension));
      if (withExtension !== undefined && withExtension.endsWith(extension)) return withExtension.slice(0, -extension.length);
    }
    return undefined;
  };
  for (const document of index.documents()) {
    if (index.siteFor(document.uri)?.generator === 'hugo') continue;
    const from = moved.get(document.uri) ?? document.uri;
    // `@site/…` names a file from the Docusaurus site's folder.
    const siteRoot = index.siteFor(document.uri)?.generator === 'docusaurus' ? index.siteFor(document.uri)!.rootUri.replace(/\/$/, '') : undefined;
    const rewrite = (written: string, range: Range, asModule: boolean) => {
      const fromSite = siteRoot !== undefined && written.startsWith('@site/');
      // An alias or a package name: not a path from the file.
      if (!fromSite && (asModule ? !/^\.\.?\//.test(written) : written.startsWith('@'))) return;
      // An image's path as Markdown reads it: escapes (`a\(1\).png`) and character references resolved.
      const path = asModule ? written : markdownDestination(written);
      const target = path === undefined ? undefined : fromSite ? resolveRelativeLink(`${siteRoot}/_`, path.slice('@site/'.length)) : resolveRelativeLink(document.uri, path);
      const newTarget = target === undefined ? undefined : newLocationOf(target);
      if (target === undefined || (newTarget === undefined && (from === document.uri || fromSite))) return;
      const relativeFrom = fromSite ? `${siteRoot}/_` : from;
      const newPath = asModule ? relativePath(relativeFrom, newTarget ?? target) : asLinkTarget(relativePath(relativeFrom, newTarget ?? target));
      const prefix = fromSite ? '@site/' : (asModule || written.startsWith('./')) && !newPath.startsWith('.') ? './' : '';
      const newText = prefix + newPath + queryAndFragment(path!);
      if (newText !== written) edits.add(document.uri, { range, newText });
    };
    // An image in MDX's comment is text where the page is compiled as MDX. (Raw HTML is told only
    // generously, see `RawHtml`: an image there is rewritten, as a real one beside a tag must be.)
    const asMdx = compiledAsMdx(index, document);
    for (const image of document.body.images ?? []) if (!(asMdx && image.inMdxComment)) rewrite(image.target, image.targetRange, false);
    // A request written with escapes is not rewritten: its range holds other text than its value.
    for (const module of document.mdxModules ?? []) if (module.range.end.character - module.range.start.character === module.request.length) rewrite(module.request, module.range, true);
  }
}

/**
 * Where a doc is named by its Docusaurus doc id (a sidebar of its version, `pagination_next` or
 * `pagination_prev` of a doc of its version), the edits that name its new id: a moved file or a new
 * `id` gives it another, and Docusaurus refuses to build on an id no doc has. A sidebar naming it
 * through a constant is left as it is (its check then reports it).
 */
function docIdEdits(index: GlossaryIndex, edits: EditsByFile, before: SitePage | undefined, after: SitePage | undefined): void {
  if (before?.generator !== 'docusaurus' || after === undefined || before.docId === '' || after.docId === '' || before.docId === after.docId) return;
  if (before.instance !== after.instance || before.version !== after.version) return;
  for (const config of index.siteConfigProblems()) {
    const sidebars = config.sidebars;
    if (sidebars?.instance !== before.instance || sidebars.version !== before.version) continue;
    for (const reference of sidebars.references) {
      if (reference.id === before.docId && reference.quote !== undefined) edits.add(config.uri, { range: reference.range, newText: quoted(after.docId, reference.quote) });
    }
  }
  for (const uri of index.documentsNamingDocIds()) {
    const page = index.pageOf(uri);
    const frontMatter = index.getDocument(uri)?.frontMatter;
    if (page?.instance !== before.instance || page.version !== before.version || frontMatter === undefined) continue;
    for (const field of frontMatter.fields) if (PAGINATION_KEYS.has(field.key) && field.value === before.docId) edits.add(uri, replacedValue(frontMatter, field, after.docId));
  }
}

/** A string literal of JavaScript or JSON in the quotes given. */
function quoted(text: string, quote: NonNullable<SidebarDocReference['quote']>): string {
  if (quote === '"') return JSON.stringify(text);
  const escaped = text.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`);
  return quote + (quote === '`' ? escaped.replace(/\$\{/g, '\\${') : escaped) + quote;
}

/**
 * A route link's new target, written as the old one was: absolute (with the old one's final slash
 * or without), or relative to the linking page's URL; its query and fragment kept.
 */
function routeLinkTarget(index: GlossaryIndex, fromUri: string, oldTarget: string, newRoute: string): string {
  const suffix = queryAndFragment(oldTarget);
  const slash = /\/(?:[?#].*)?$/.test(oldTarget) ? '/' : '';
  const route = newRoute === '/' ? newRoute : newRoute.replace(/\/$/, '') + slash;
  const from = index.pageOf(fromUri);
  if (oldTarget.startsWith('/') || from === undefined || !from.published) return asLinkTarget(route) + suffix;
  return asLinkTarget(relativeUrl(from.route, route)) + suffix;
}

/** The relative URL that leads from a page's URL to another path, as a browser resolves it. */
function relativeUrl(fromRoute: string, toRoute: string): string {
  const fromFolder = fromRoute.slice(0, fromRoute.lastIndexOf('/') + 1).split('/').slice(1, -1);
  const to = toRoute.split('/').slice(1);
  let shared = 0;
  while (shared < fromFolder.length && shared < to.length - 1 && fromFolder[shared] === to[shared]) shared++;
  const relative = [...fromFolder.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
  return relative === '' ? './' : relative;
}

/** What follows a link's path, which a new path keeps: `?x=1#y` (an escaped `\\#` too; not the `#` of a character reference, `&#95;`). */
function queryAndFragment(target: string): string {
  return target.match(/\\?(?<!&)[?#].*$/s)?.[0] ?? '';
}

/**
 * A file link's new target, from the file `from` to `to`, in the old target's style: a leading
 * `./` kept, its query and fragment after it.
 */
function fileLinkTarget(oldTarget: string, from: string, to: string): string {
  const path = asLinkTarget(relativePath(from, to));
  return (oldTarget.startsWith('./') && !path.startsWith('.') ? `./${path}` : path) + queryAndFragment(oldTarget);
}

/**
 * Where each file of a batch of moves ends up, the moves taken in order: a swap through a
 * temporary name (A -> T, B -> A, T -> B) moves A to B and B to A; a file moved back is not moved.
 */
function finalLocations(renames: Array<{ oldUri: string; newUri: string }>): Map<string, string> {
  const originByLocation = new Map<string, string>();
  for (const { oldUri, newUri } of renames) {
    const origin = originByLocation.get(oldUri) ?? oldUri;
    originByLocation.delete(oldUri);
    originByLocation.set(newUri, origin);
  }
  const moved = new Map<string, string>();
  for (const [location, origin] of originByLocation) if (location !== origin) moved.set(origin, location);
  return moved;
}

function forEachLinkTo(index: GlossaryIndex, term: LinkedDoc, visit: (document: ParsedDocument, link: ParsedDocument['body']['links'][number]) => void): void {
  for (const uri of index.documentsLinkingTo(term)) {
    const document = index.getDocument(uri);
    for (const link of writtenLinksOf(index, document)) {
      if (resolveTermLink(index, uri, link)?.uri === term.uri) visit(document!, link);
    }
  }
}

/** A page's links but those its reading writes none of: in MDX's comment (`{/* [x](y.md) *\/}`) where it is compiled as MDX. */
function writtenLinksOf(index: GlossaryIndex, document: ParsedDocument | undefined): MarkdownLink[] {
  if (document === undefined) return [];
  const { links } = document.body;
  return links.some((link) => link.inMdxComment) && compiledAsMdx(index, document) ? links.filter((link) => !link.inMdxComment) : links;
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
