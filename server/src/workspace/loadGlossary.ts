import { fileUri } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { findWorkspaceFiles, readTextFile, type GlossaryScope, type Logger } from './files';

/** How many files are read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 32;

/**
 * Reads every Markdown file and tags file of the glossary's scope into the index. Files that cannot be read
 * are logged and skipped. Returns the Markdown files that were indexed.
 */
export async function loadGlossary(
  index: GlossaryIndex,
  scope: GlossaryScope,
  log: Logger,
  options: { starts?: string[]; extraTagsFiles?: string[] } = {},
): Promise<string[]> {
  const files = await findWorkspaceFiles(scope, log, options.starts);
  const extraTagsFiles = options.extraTagsFiles ?? [];
  const tagsFiles = [...new Set([...files.tagsFiles, ...extraTagsFiles])];
  await forEachFile(tagsFiles, scope, log, (filePath, text) => index.setTagsFile(fileUri(filePath), text));
  const indexed: string[] = [];
  await forEachFile(files.markdown, scope, log, (filePath, text) => {
    index.setDocument(fileUri(filePath), text);
    indexed.push(filePath);
  });
  return indexed.sort();
}

async function forEachFile(paths: string[], scope: GlossaryScope, log: Logger, use: (filePath: string, text: string) => void): Promise<void> {
  for (let start = 0; start < paths.length; start += READ_CONCURRENCY) {
    const batch = paths.slice(start, start + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((filePath) => readTextFile(filePath, log, scope.maxFileBytes)));
    texts.forEach((text, position) => {
      if (text !== undefined) use(batch[position], text);
    });
  }
}
