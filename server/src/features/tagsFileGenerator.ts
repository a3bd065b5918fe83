import type { GlossaryIndex } from '../index/glossaryIndex';
import type * as TagPermalinks from './tagPermalinks';
import { foldWord } from '../index/wordFolding';
import { TAGS_FILE_NAME, type TagsFile, type TagsFileAdditions } from '../parsing/tagsFile';
import type { TextEdit, WorkspaceChange } from './workspaceChange';
import { yamlString } from './yamlEdits';

/** A tags file refuses new tags: it does not parse, or is not a map. The message says which. */
export class TagsFileError extends Error {
  constructor(
    /** The tags file that refuses new tags. */
    readonly uri: string,
    reason: string,
  ) {
    super(reason);
  }
}

const NEW_FILE: TagsFileAdditions = { style: 'block', at: { line: 0, character: 0 }, lineEnd: '', lineBreak: '\n', indent: '', fieldIndent: '  ' };

/**
 * A Docusaurus tags file declaring every tag the glossary uses, most used first. Tags an existing
 * file declares are left to it: the result then holds only what is missing, to add in its style.
 */
export function generateTagsFile(index: GlossaryIndex, existing?: TagsFile): string {
  return declarationsText(byUsage([...index.tagUsage()].filter(([tag]) => tag.trim() !== '' && !existing?.tags.has(tag))), existing);
}

/** Tags most used first, then by name. */
function byUsage(usage: Iterable<[string, number]>): string[] {
  return [...usage].sort(([tagA, countA], [tagB, countB]) => countB - countA || tagA.localeCompare(tagB)).map(([tag]) => tag);
}

/**
 * The declarations of tags for a tags file (undefined: a new one), `label` the tag itself and
 * `permalink` a URL-safe form of it, as the file writes its own.
 */
function declarationsText(tags: string[], tagsFile: TagsFile | undefined): string {
  const additions = tagsFile?.additions ?? NEW_FILE;
  if (additions.style === 'refused' || tags.length === 0) return '';
  const permalinks = uniquePermalinks(tags, tagsFile);
  const fields = (tag: string) => [['label', yamlString(tag)], ['permalink', yamlString(permalinks.get(tag)!)]];
  if (additions.style === 'flow') {
    const entries = tags.map((tag) => `${yamlString(tag)}: {${fields(tag).map(([key, value]) => `${key}: ${value}`).join(', ')}}`);
    return additions.separatorFirst + entries.join(', ');
  }
  const { indent, lineBreak, fieldIndent } = additions;
  const entries = tags.map((tag) => `${indent}${yamlString(tag)}:${lineBreak}` + fields(tag).map(([key, value]) => `${indent}${fieldIndent}${key}: ${value}${lineBreak}`).join(''));
  return additions.lineEnd + entries.join('');
}

/** The edit that declares tags in a tags file; undefined when the file refuses new tags. */
export function declarationsEdit(tagsFile: TagsFile, tags: string[]): TextEdit | undefined {
  const additions = tagsFile.additions;
  if (additions.style === 'refused') return undefined;
  return { range: { start: additions.at, end: additions.at }, newText: declarationsText(tags, tagsFile) };
}

/** The permalink written for a new tag: German letters spelt out, other accents dropped, other letters kept (`Qualität` → `qualitaet`, `Café` → `cafe`, `日本語`). */
function permalinkOf(tag: string): string {
  return slugs().deburr(foldWord(tag)).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tag';
}

/** The permalink Docusaurus gives a tag of a tags file that names none, and a tag no tags file declares: lodash's `kebabCase` of its key. */
export function docusaurusPermalinkOf(key: string): string {
  return slugs().kebabCase(key);
}

/** Loaded on first use: in the bundles, `./tagPermalinks` is dist/tagPermalinks.js (esbuild.mjs). */
function slugs(): typeof TagPermalinks {
  tagPermalinks ??= require('./tagPermalinks') as typeof TagPermalinks;
  return tagPermalinks;
}

let tagPermalinks: typeof TagPermalinks | undefined;

/**
 * A permalink for each new tag, unlike one another's and those the file declares or Docusaurus
 * gives its tags without one (the build fails on two tags at one permalink): "C#" and "C++" are
 * `/c` and `/c-2`.
 */
function uniquePermalinks(tags: string[], tagsFile: TagsFile | undefined): Map<string, string> {
  const taken = new Set<string>();
  for (const declared of tagsFile?.tags.values() ?? []) {
    const permalink = declared.permalink ?? docusaurusPermalinkOf(declared.key);
    taken.add(permalink.startsWith('/') ? permalink : `/${permalink}`);
  }
  const permalinks = new Map<string, string>();
  for (const tag of tags) {
    const base = `/${permalinkOf(tag)}`;
    let permalink = base;
    for (let suffix = 2; taken.has(permalink); suffix++) permalink = `${base}-${suffix}`;
    taken.add(permalink);
    permalinks.set(tag, permalink);
  }
  return permalinks;
}

/**
 * Declares each tag a document uses in the tags file that governs that document, where it is
 * missing; documents of the folder that no tags file governs get a new tags.yml in the folder.
 * No edit when every tag is declared. Throws TagsFileError, saying why, when a tags file that
 * misses tags refuses new ones.
 */
export function tagsFileChange(index: GlossaryIndex, folderUri: string): WorkspaceChange {
  const folder = folderUri.replace(/\/$/, '');
  const newFile = `${folder}/${TAGS_FILE_NAME}`;
  // A tags file that does not parse declares nothing: say so rather than judge by it.
  const ownTagsFile = index.tagsFileFor(newFile);
  if (ownTagsFile?.additions.style === 'refused') throw new TagsFileError(ownTagsFile.uri, ownTagsFile.additions.reason);
  const missing = new Map<string, { tagsFile: TagsFile | undefined; usage: Map<string, number> }>();
  for (const document of index.documents()) {
    const tags = document.term?.tags ?? [];
    const tagsFile = index.tagsFileFor(document.uri);
    // A Docusaurus doc's or post's new tags file goes where its plugin reads it (its version's or blog's folder), by the name its options give.
    const pluginFiles = tagsFile === undefined ? index.pluginTagsFilesOf(document.uri) : undefined;
    const ownNewFile = pluginFiles === undefined ? newFile : pluginFiles.at(-1);
    // A new file in the folder would govern only the documents below it; a plugin that reads no tags file needs none.
    if (tags.length === 0 || ownNewFile === undefined || (tagsFile === undefined && !document.uri.startsWith(`${folder}/`))) continue;
    const target = missing.get(tagsFile?.uri ?? ownNewFile) ?? { tagsFile, usage: new Map<string, number>() };
    // A padded tag (`" IM"`) is declared as its fix (`padded-tag`) writes it: trimmed.
    for (const tag of new Set(tags.map((located) => located.value.trim()))) {
      if (tag === '' || tagsFile?.tags.has(tag)) continue;
      target.usage.set(tag, (target.usage.get(tag) ?? 0) + 1);
    }
    if (target.usage.size > 0) missing.set(tagsFile?.uri ?? ownNewFile, target);
  }
  const change: WorkspaceChange = { createFiles: [], edits: [] };
  for (const [uri, { tagsFile, usage }] of [...missing].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (tagsFile?.additions.style === 'refused') throw new TagsFileError(tagsFile.uri, tagsFile.additions.reason);
    const tags = byUsage(usage);
    if (tagsFile !== undefined) {
      change.edits.push({ uri, edits: [declarationsEdit(tagsFile, tags)!] });
      continue;
    }
    const start = { line: 0, character: 0 };
    change.createFiles.push(uri);
    change.edits.push({ uri, edits: [{ range: { start, end: start }, newText: declarationsText(tags, undefined) }] });
  }
  return change;
}
