import type { GlossaryIndex } from '../index/glossaryIndex';
import { foldWord } from '../index/termMatcher';
import { TAGS_FILE_NAME, type TagsFile } from '../parsing/tagsFile';
import type { WorkspaceChange } from './codeActions';

/**
 * A Docusaurus tags file declaring every tag the glossary uses, most used first. Tags an existing
 * file declares are left to it: the result then holds only what is missing, to append.
 */
export function generateTagsFile(index: GlossaryIndex, existing?: TagsFile): string {
  const used = [...index.tagUsage()]
    .filter(([tag]) => tag.trim() !== '' && !existing?.tags.has(tag))
    .sort(([tagA, countA], [tagB, countB]) => countB - countA || tagA.localeCompare(tagB));
  return used.map(([tag]) => tagDeclaration(tag)).join('');
}

/** One entry of a tags file, `label` the tag itself and `permalink` a URL-safe form of it. */
export function tagDeclaration(tag: string): string {
  return `${yamlKey(tag)}:\n  label: ${yamlKey(tag)}\n  permalink: /${permalinkOf(tag)}\n`;
}

function permalinkOf(tag: string): string {
  return foldWord(tag).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'tag';
}

function yamlKey(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _.\-]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

/** Declares the missing tags in the tags file that governs a folder, or in a new one there. */
export function tagsFileChange(index: GlossaryIndex, folderUri: string): WorkspaceChange {
  const folder = folderUri.replace(/\/$/, '');
  const existing = index.tagsFileFor(`${folder}/${TAGS_FILE_NAME}`);
  const text = generateTagsFile(index, existing);
  if (existing === undefined) {
    const uri = `${folder}/${TAGS_FILE_NAME}`;
    const start = { line: 0, character: 0 };
    return { createFiles: [uri], edits: [{ uri, edits: [{ range: { start, end: start }, newText: text }] }] };
  }
  const newText = (existing.endsWithLineBreak ? '' : '\n') + text;
  return { createFiles: [], edits: [{ uri: existing.uri, edits: [{ range: { start: existing.end, end: existing.end }, newText }] }] };
}
