import * as l10n from '@vscode/l10n';
import { FRONT_MATTER_KEYS } from '../common/frontMatterKeys';
import type { LineIndex, Position, Range } from '../common/text';
import { fileStem } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { TRANSLATED_FROM_KEY, type ParsedDocument } from '../parsing/document';
import { formatDate, latestVersionOfOriginal, type HistorySnapshot } from './translationStatus';
import { capped, NO_COMPLETIONS, type CompletionList, type Suggestion } from './completionList';
import { matchableName } from '../index/nameForms';
import { foldQuery, matchQuality } from './fuzzy';
import { yamlString } from './yamlEdits';

const TAGS_KEY_LINE = /^tags\s*:\s*$/;
const FLOW_TAGS_BEFORE_CURSOR = /^tags\s*:\s*\[([^\]]*)$/;
const BLOCK_ITEM = /^(\s*)-(\s*)(.*)$/;
const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:/;
const TRANSLATED_FROM_BEFORE_CURSOR = new RegExp(`^${TRANSLATED_FROM_KEY}\\s*:\\s*(\\S*)$`);

/**
 * Completion inside the front matter: tags in flow (`tags: [A, B]`) and block (`- A`) lists, and
 * keys at the start of a line; in an empty file, the front matter of a new term.
 * Undefined when the position is not in front matter, so link completion may answer instead.
 */
export function completeFrontMatter(
  index: GlossaryIndex,
  document: ParsedDocument,
  lines: LineIndex,
  position: Position,
  history: HistorySnapshot | undefined,
): CompletionList | undefined {
  if (lines.text.trim() === '') return { items: [newTermSnippet(document, position)], isIncomplete: false };
  const block = frontMatterLines(lines);
  if (block === undefined || position.line <= block.first - 1 || position.line > block.last) return undefined;

  const line = lines.lineText(position.line);
  const before = line.slice(0, position.character);
  const tags = tagContext(lines, block, position, line, before);
  if (tags !== undefined) return completeTags(index, document, tags);
  const pin = before.match(TRANSLATED_FROM_BEFORE_CURSOR);
  if (pin !== null) return completeTranslatedFrom(index, document, history, rangeOnLine(position, position.character - pin[1].length, valueLengthAfter(line, position.character)));
  if (/^[A-Za-z_]*$/.test(before) && !line.includes(':')) return completeKeys(lines, block, position, line);
  return NO_COMPLETIONS;
}

/** The lines between the opening `---` and the closing one (or the end, while it is being written). */
function frontMatterLines(lines: LineIndex): { first: number; last: number } | undefined {
  if (!/^---[ \t]*$/.test(lines.lineText(0))) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (lines.lineText(line).startsWith('---')) return { first: 1, last: line - 1 };
  }
  return { first: 1, last: lines.lineCount - 1 };
}

interface TagContext {
  query: string;
  range: Range;
  present: Set<string>;
  /** Written before the tag: the blank a list item needs after its `-` (`-Begriffe` is no item). */
  separator?: string;
}

function tagContext(lines: LineIndex, block: { first: number; last: number }, position: Position, line: string, before: string): TagContext | undefined {
  const flow = before.match(FLOW_TAGS_BEFORE_CURSOR);
  if (flow) {
    const typed = flow[1].slice(flow[1].lastIndexOf(',') + 1);
    const query = typed.trimStart().replace(/^["']/, '');
    const rest = line.slice(position.character).match(/^[^,\]]*/)![0].trimEnd().length;
    const list = line.slice(line.indexOf('[') + 1).replace(/\].*$/, '');
    return {
      query,
      range: rangeOnLine(position, position.character - typed.trimStart().length, rest),
      present: new Set(list.split(',').map(unquote).filter((tag) => tag !== '' && tag !== unquote(typed))),
    };
  }

  const item = before.match(BLOCK_ITEM);
  const items = item ? tagsBlockAround(lines, block, position.line) : undefined;
  if (!item || items === undefined) return undefined;
  const query = item[3].replace(/^["']/, '');
  const present = new Set<string>();
  for (let other = items.first; other <= items.last; other++) {
    const otherItem = lines.lineText(other).match(BLOCK_ITEM);
    if (other !== position.line && otherItem) present.add(unquote(otherItem[3]));
  }
  return { query, range: rangeOnLine(position, position.character - item[3].length, valueLengthAfter(line, position.character)), present, separator: item[2] === '' ? ' ' : undefined };
}

/**
 * The run of list items around a line, when it belongs to `tags:`: the nearest line above the run
 * that is not an item is `tags:`. One pass in each direction, so a list of 10,000 tags stays fast.
 */
function tagsBlockAround(lines: LineIndex, block: { first: number; last: number }, line: number): { first: number; last: number } | undefined {
  let first = line;
  while (first - 1 >= block.first && BLOCK_ITEM.test(lines.lineText(first - 1))) first--;
  if (first - 1 < block.first || !TAGS_KEY_LINE.test(lines.lineText(first - 1))) return undefined;
  let last = line;
  while (last + 1 <= block.last && BLOCK_ITEM.test(lines.lineText(last + 1))) last++;
  return { first, last };
}

function completeTags(index: GlossaryIndex, document: ParsedDocument, context: TagContext): CompletionList {
  const query = foldQuery(context.query);
  const items: Suggestion[] = [];
  const tagsFile = index.tagsFileFor(document.uri);
  const candidates: Array<{ tag: string; detail?: string; documentation?: string; uses: number }> = tagsFile
    ? [...tagsFile.tags.values()].map((definition) => ({
        tag: definition.key,
        detail: definition.label === definition.key ? undefined : definition.label,
        documentation: [definition.description, definition.permalink && `\`${definition.permalink}\``].filter(Boolean).join('\n\n'),
        uses: 0,
      }))
    : [...index.tagUsage()].map(([tag, uses]) => ({ tag, detail: l10n.t('Entries with this tag: {0}', uses), uses }));

  for (const candidate of candidates) {
    if (context.present.has(candidate.tag)) continue;
    const quality = matchQuality(query, matchableName(candidate.tag));
    if (quality === undefined) continue;
    items.push({
      label: candidate.tag,
      kind: 'tag',
      detail: candidate.detail,
      documentation: candidate.documentation || undefined,
      newText: `${context.separator ?? ''}${yamlString(candidate.tag)}`,
      range: context.range,
      filterText: candidate.tag,
      sortText: `${quality}${String(999_999 - Math.min(candidate.uses, 999_999)).padStart(6, '0')}${candidate.tag.toLowerCase()}`,
    });
  }
  return capped(items);
}

/** A translation's pin: the original's newest version, which the translation matches once brought up to date. */
function completeTranslatedFrom(index: GlossaryIndex, document: ParsedDocument, history: HistorySnapshot | undefined, range: Range): CompletionList {
  const latest = history === undefined ? undefined : latestVersionOfOriginal(index, history, document.uri);
  if (latest === undefined) return NO_COMPLETIONS;
  const detail = latest.fromHistory
    ? l10n.t('Latest commit of the original, {0}', formatDate(latest.time))
    : l10n.t('Day of the last change to the file of the original');
  return { items: [{ label: latest.version, kind: 'snippet', detail, newText: yamlString(latest.version), range, filterText: latest.version, sortText: '0' }], isIncomplete: false };
}

function completeKeys(lines: LineIndex, block: { first: number; last: number }, position: Position, line: string): CompletionList {
  const present = new Set<string>();
  for (let other = block.first; other <= block.last; other++) {
    const key = lines.lineText(other).match(KEY_LINE)?.[1];
    if (key !== undefined && other !== position.line) present.add(key);
  }
  // The key written so far, not a comment after it (`sidebar_pos   # Reihenfolge`).
  const range = rangeOnLine({ line: position.line, character: 0 }, 0, /^[A-Za-z_]*/.exec(line)![0].length);
  const items = FRONT_MATTER_KEYS.filter(({ key }) => !present.has(key)).map(
    ({ key, documentation, valueSnippet }, order): Suggestion => ({
      label: key,
      kind: 'key',
      documentation: documentation(),
      newText: `${key}: ${valueSnippet}`,
      isSnippet: true,
      range,
      filterText: key,
      sortText: String(order).padStart(2, '0'),
    }),
  );
  return { items, isIncomplete: false };
}

function newTermSnippet(document: ParsedDocument, position: Position): Suggestion {
  const stem = fileStem(document.uri).replace(/[$}\\]/g, '\\$&');
  const title = stem.replace(/-/g, ' ');
  return {
    label: l10n.t('New glossary term'),
    kind: 'snippet',
    detail: l10n.t('Front matter, title and definition of a new term'),
    newText: `---\nid: \${1:${stem}}\ntitle: \${2:${title}}\ntags: [$3]\n---\n\n# \${2:${title}}\n\n**\${4:${l10n.t('Definition in one sentence.')}}** $0\n`,
    isSnippet: true,
    range: { start: position, end: position },
    filterText: '---',
    sortText: '0',
  };
}

/**
 * How far a plain YAML value runs on from a place in its line: to a comment (`#` after a blank: `Beg|   # Hauptkategorie`) or the
 * line's end, without the blanks before either. A `#` right after the value's own text is part of it (`C#`).
 */
function valueLengthAfter(line: string, from: number): number {
  let end = line.length;
  for (let at = from; at < line.length; at++) {
    if (line[at] === '#' && at > 0 && (line[at - 1] === ' ' || line[at - 1] === '\t')) {
      end = at;
      break;
    }
  }
  return line.slice(from, end).trimEnd().length;
}

function rangeOnLine(position: Position, startCharacter: number, charactersAfterCursor: number): Range {
  return {
    start: { line: position.line, character: startCharacter },
    end: { line: position.line, character: position.character + charactersAfterCursor },
  };
}

function unquote(text: string): string {
  return text.trim().replace(/^(["'])(.*)\1$/, '$2');
}
