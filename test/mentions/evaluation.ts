/**
 * Scores the server's mentions against hand-annotated paragraphs of a real corpus: every mention a
 * careful reader sees, written down with its term (`<corpus>.annotated.json`, how they were made:
 * README.md beside this file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mentionsIn } from '../../server/src/features/termAt';
import { corpusGlossary } from './corpusGlossary';
import { CORPORA_ROOT } from './corpusParagraphs';

export interface AnnotatedParagraph {
  id: string;
  file: string;
  text: string;
  /** `at`: where the mention starts in the paragraph; `terms`: the entry files it names. */
  mentions: Array<{ text: string; at: number; terms: string[] }>;
}

export interface Scored {
  paragraph: string;
  text: string;
  terms: string[];
}

export interface Evaluation {
  found: number;
  correct: number;
  annotated: number;
  recalled: number;
  precision: number;
  recall: number;
  /** Server mentions no annotation agrees with. */
  wrong: Scored[];
  /** Annotated mentions the server misses. */
  missed: Scored[];
}

export function annotationsOf(name: string): { corpus: string; paragraphs: AnnotatedParagraph[] } {
  return JSON.parse(fs.readFileSync(path.join(__dirname, `${name}.annotated.json`), 'utf8'));
}

export async function evaluate(name: string): Promise<Evaluation> {
  const { corpus, paragraphs } = annotationsOf(name);
  const root = path.join(CORPORA_ROOT, corpus);
  const { index, documentOf } = await corpusGlossary(corpus);
  const relative = (uri: string) => path.relative(root, decodeURIComponent(new URL(uri).pathname)).split(path.sep).join('/');
  const evaluation: Evaluation = { found: 0, correct: 0, annotated: 0, recalled: 0, precision: 0, recall: 0, wrong: [], missed: [] };
  for (const paragraph of paragraphs) {
    const uri = new URL(`file://${path.join(root, paragraph.file)}`).href;
    const { parsed, lines } = documentOf(uri);
    // Looked for after the front matter: a paragraph may repeat a front-matter value ("short_description: >").
    const start = lines.text.indexOf(paragraph.text, parsed.frontMatter === undefined ? 0 : lines.offsetAt(parsed.frontMatter.range.end));
    if (start < 0) throw new Error(`${paragraph.id}: the paragraph is no longer in ${paragraph.file}`);
    const end = start + paragraph.text.length;
    const found = mentionsIn(index, parsed, lines)
      .map((mention) => ({ start: lines.offsetAt(mention.range.start), end: lines.offsetAt(mention.range.end), terms: mention.termUris.map(relative) }))
      .filter((mention) => mention.start >= start && mention.end <= end);
    const annotated = paragraph.mentions.map((mention) => ({ start: start + mention.at, end: start + mention.at + mention.text.length, terms: mention.terms }));
    const agree = (a: { start: number; end: number; terms: string[] }, b: { start: number; end: number; terms: string[] }) =>
      a.start < b.end && b.start < a.end && a.terms.some((term) => b.terms.includes(term));
    const describe = (mention: { start: number; end: number; terms: string[] }) => ({ paragraph: paragraph.id, text: lines.text.slice(mention.start, mention.end), terms: mention.terms });
    for (const mention of found) {
      evaluation.found++;
      if (annotated.some((candidate) => agree(mention, candidate))) evaluation.correct++;
      else evaluation.wrong.push(describe(mention));
    }
    for (const mention of annotated) {
      evaluation.annotated++;
      if (found.some((candidate) => agree(mention, candidate))) evaluation.recalled++;
      else evaluation.missed.push(describe(mention));
    }
  }
  evaluation.precision = evaluation.correct / evaluation.found;
  evaluation.recall = evaluation.recalled / evaluation.annotated;
  return evaluation;
}

/** Prints the scores and every disagreement: `node --import tsx test/mentions/evaluation.ts platinus`. */
if (require.main === module) {
  void (async () => {
    for (const name of process.argv.slice(2)) {
      const result = await evaluate(name);
      console.log(`${name}: precision ${(100 * result.precision).toFixed(1)} % (${result.correct}/${result.found}), recall ${(100 * result.recall).toFixed(1)} % (${result.recalled}/${result.annotated})`);
      for (const wrong of result.wrong) console.log(`  wrong  ${wrong.paragraph}  ${JSON.stringify(wrong.text)}  ${wrong.terms.join(' | ')}`);
      for (const missed of result.missed) console.log(`  missed ${missed.paragraph}  ${JSON.stringify(missed.text)}  ${missed.terms.join(' | ')}`);
    }
  })();
}
