import type { GlossaryIndex } from '../index/glossaryIndex';
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

const NEW_FILE: TagsFileAdditions = { style: 'block', at: { line: 0, character: 0 }, lineEnd: '', lineBreak: '\n', indent: '' };

/**
 * A Docusaurus tags file declaring every tag the glossary uses, most used first. Tags an existing
 * file declares are left to it: the result then holds only what is missing, to add in its style.
 */
export function generateTagsFile(index: GlossaryIndex, existing?: TagsFile): string {
  return declarationsText(missingTags(index, existing), existing?.additions ?? NEW_FILE);
}

function missingTags(index: GlossaryIndex, existing: TagsFile | undefined): string[] {
  return [...index.tagUsage()]
    .filter(([tag]) => tag.trim() !== '' && !existing?.tags.has(tag))
    .sort(([tagA, countA], [tagB, countB]) => countB - countA || tagA.localeCompare(tagB))
    .map(([tag]) => tag);
}

/** The declarations of tags, `label` the tag itself and `permalink` a URL-safe form of it, as the file writes its own. */
function declarationsText(tags: string[], additions: TagsFileAdditions): string {
  if (additions.style === 'refused' || tags.length === 0) return '';
  const fields = (tag: string) => [['label', yamlString(tag)], ['permalink', yamlString(`/${permalinkOf(tag)}`)]];
  if (additions.style === 'flow') {
    const entries = tags.map((tag) => `${yamlString(tag)}: {${fields(tag).map(([key, value]) => `${key}: ${value}`).join(', ')}}`);
    return additions.separatorFirst + entries.join(', ');
  }
  const { indent, lineBreak } = additions;
  const entries = tags.map((tag) => `${indent}${yamlString(tag)}:${lineBreak}` + fields(tag).map(([key, value]) => `${indent}  ${key}: ${value}${lineBreak}`).join(''));
  return additions.lineEnd + entries.join('');
}

/** The edit that declares tags in a tags file; undefined when the file refuses new tags. */
export function declarationsEdit(tagsFile: TagsFile, tags: string[]): TextEdit | undefined {
  const additions = tagsFile.additions;
  if (additions.style === 'refused') return undefined;
  return { range: { start: additions.at, end: additions.at }, newText: declarationsText(tags, additions) };
}

function permalinkOf(tag: string): string {
  return foldWord(tag).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'tag';
}

/**
 * Declares the missing tags in the tags file that governs a folder, or in a new one there. Throws
 * TagsFileError, saying why, when that file refuses new tags.
 */
export function tagsFileChange(index: GlossaryIndex, folderUri: string): WorkspaceChange {
  const folder = folderUri.replace(/\/$/, '');
  const existing = index.tagsFileFor(`${folder}/${TAGS_FILE_NAME}`);
  if (existing === undefined) {
    const uri = `${folder}/${TAGS_FILE_NAME}`;
    const start = { line: 0, character: 0 };
    return { createFiles: [uri], edits: [{ uri, edits: [{ range: { start, end: start }, newText: generateTagsFile(index) }] }] };
  }
  if (existing.additions.style === 'refused') throw new TagsFileError(existing.uri, existing.additions.reason);
  return { createFiles: [], edits: [{ uri: existing.uri, edits: [declarationsEdit(existing, missingTags(index, existing))!] }] };
}
