/**
 * The prose paragraphs of the real corpora, drawn at random with a fixed seed, for the hand-judged
 * evaluation of mention recognition (mentionEvaluation.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random, hash32 } from '../support/seeded';

export const CORPORA_ROOT = path.resolve(__dirname, '..', 'corpora');

export interface CorpusParagraph {
  /** The file, relative to the corpus folder, with forward slashes. */
  file: string;
  /** Where the paragraph starts and ends in the file's text (UTF-16 offsets). */
  start: number;
  end: number;
  text: string;
}

/** The Markdown files of a corpus folder, relative, sorted. */
export function corpusFiles(corpus: string): string[] {
  const root = path.join(CORPORA_ROOT, corpus);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return files;
}

/**
 * The prose blocks of a file: runs of non-blank lines after the front matter that are neither
 * headings, code, tables nor markup alone, with at least 60 letters.
 */
export function proseParagraphs(file: string, text: string): CorpusParagraph[] {
  const paragraphs: CorpusParagraph[] = [];
  const lines = [...text.matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/g)].filter((match) => match[0] !== '');
  let inFrontMatter = /^---\s*$/.test(lines[0]?.[0] ?? '');
  let inFence = false;
  let block: RegExpMatchArray[] = [];
  const flush = () => {
    const lines = block;
    block = [];
    if (lines.length === 0) return;
    const content = lines.map((line) => line[0]).join('').trimEnd();
    if (/^\s*(#|\||<|\{\{|import |!\[)/.test(content)) return;
    if ((content.match(/\p{L}/gu) ?? []).length < 60) return;
    const start = lines[0].index ?? 0;
    paragraphs.push({ file, start, end: start + content.length, text: content });
  };
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const lineStart = offset;
    offset += line[0].length;
    line.index = lineStart;
    if (inFrontMatter) {
      if (index > 0 && /^---\s*$/.test(line[0])) inFrontMatter = false;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line[0])) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (line[0].trim() === '') flush();
    else block.push(line);
  }
  flush();
  return paragraphs;
}

/** `count` paragraphs of the given files, drawn without replacement with a fixed seed, in file order. */
export function drawParagraphs(corpus: string, files: string[], count: number, seed: string): CorpusParagraph[] {
  const all = files.flatMap((file) => proseParagraphs(file, fs.readFileSync(path.join(CORPORA_ROOT, corpus, file), 'utf8')));
  const random = new Random(hash32(seed));
  const drawn: CorpusParagraph[] = [];
  const pool = [...all];
  while (drawn.length < count && pool.length > 0) drawn.push(pool.splice(random.int(pool.length), 1)[0]);
  return drawn.sort((a, b) => (a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : 1));
}
