/** A corpus of test/corpora loaded as the CLI loads a glossary, with each document parsed whole. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { LineIndex } from '../../server/src/common/text';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { parseDocument, type ParsedDocument } from '../../server/src/parsing/document';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { CORPORA_ROOT } from './corpusParagraphs';

export async function corpusGlossary(corpus: string): Promise<{ index: GlossaryIndex; documentOf: (uri: string) => { parsed: ParsedDocument; lines: LineIndex } }> {
  const root = path.join(CORPORA_ROOT, corpus);
  const index = new GlossaryIndex();
  const settings = DEFAULT_SETTINGS;
  await loadGlossary(index, new GlossaryScope([root], settings.include, settings.exclude, settings.maxFileSize), () => undefined);
  const documentOf = (uri: string) => {
    const text = fs.readFileSync(new URL(uri), 'utf8');
    const lines = new LineIndex(text);
    return { parsed: parseDocument(uri, text, lines), lines };
  };
  return { index, documentOf };
}
