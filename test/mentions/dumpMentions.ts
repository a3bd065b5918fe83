/**
 * Prints every mention the server finds in a corpus, one per line (file, line, text, terms), for
 * measuring what a change to the mention rules adds and removes: run it before and after and diff.
 *
 *     node --import tsx test/mentions/dumpMentions.ts platinus-glossar > before.tsv
 */
import * as path from 'node:path';
import { corpusGlossary } from './corpusGlossary';
import { CORPORA_ROOT } from './corpusParagraphs';
import { mentionsIn } from '../../server/src/features/termAt';

async function main(corpus: string): Promise<void> {
  const { index, documentOf } = await corpusGlossary(corpus);
  const root = path.join(CORPORA_ROOT, corpus);
  for (const document of [...index.documents()].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const { parsed, lines } = documentOf(document.uri);
    const file = path.relative(root, new URL(document.uri).pathname);
    for (const mention of mentionsIn(index, parsed, lines)) {
      const text = lines.text.slice(lines.offsetAt(mention.range.start), lines.offsetAt(mention.range.end)).replace(/\s+/g, ' ');
      const terms = mention.termUris.map((uri) => path.relative(root, new URL(uri).pathname)).join(' | ');
      process.stdout.write(`${file}\t${mention.range.start.line + 1}\t${text}\t${terms}\n`);
    }
  }
}

void main(process.argv[2] ?? 'platinus-glossar');
