// How many files a search for references reads: those whose text signature does not rule the
// term out (server/src/index/textSignature.ts), for every term of a glossary.
//
//   node --import tsx scripts/bench/signatures.ts [folder]     (default: the bench's 10k corpus)
//
// Prints the mean, median, 90th percentile and maximum over the terms, and the terms read in every
// file. To compare with another build's signatures, run it in a checkout of that build.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { textSignature, type TextSignature } from '../../server/src/index/textSignature';
import { uriToFsPath } from '../../server/src/common/uris';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '.test-cache', 'bench', '10k'));
  const index = new GlossaryIndex();
  await loadGlossary(index, new GlossaryScope([folder]), () => undefined, { siteLog: () => undefined });
  const signatures: TextSignature[] = [...index.documents()].map((document) => textSignature(readFileSync(uriToFsPath(document.uri), 'utf8')));
  const read = [...index.terms()].map((term) => signatures.filter((signature) => index.matcher.mayMentionIn(signature, term.uri)).length).sort((a, b) => a - b);
  if (read.length === 0) throw new Error(`no terms in ${folder}`);
  const at = (fraction: number) => read[Math.min(read.length - 1, Math.floor(fraction * read.length))];
  const mean = read.reduce((sum, count) => sum + count, 0) / read.length;
  console.log(`${folder}: ${signatures.length} files, ${read.length} terms`);
  console.log(`files a search reads: mean ${mean.toFixed(0)}, median ${at(0.5)}, 90th percentile ${at(0.9)}, max ${read[read.length - 1]}`);
  console.log(`terms read in every file: ${read.filter((count) => count === signatures.length).length}`);
}

void main();
