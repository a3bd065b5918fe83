import { fileUri } from '../common/uris';
import { closedDocument } from '../parsing/document';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { findWorkspaceFiles, readTextFileNow, type GlossaryScope, type Logger } from './files';
import type { ParseCache } from './parseCache';
import { findSites } from './siteConfig';

/** How many files are read between two turns of the event loop. */
const READ_BATCH = 32;

/**
 * Finds the sites the workspace holds (`siteConfig.ts`; what was found or assumed goes to
 * `siteLog`, by default the log), then reads every Markdown file and tags
 * file of the glossary's scope into the index. Files that cannot be read
 * or indexed are logged and skipped. Returns the Markdown files that were indexed.
 */
export async function loadGlossary(
  index: GlossaryIndex,
  scope: GlossaryScope,
  log: Logger,
  options: { starts?: string[]; extraTagsFiles?: string[]; generator?: 'auto' | 'docusaurus' | 'hugo'; siteLog?: Logger; configuredSitesOf?: string[]; cache?: Promise<ParseCache> } = {},
): Promise<string[]> {
  const { sites, configProblems } = findSites(options.starts ?? scope.roots, scope, options.siteLog ?? log, options.generator, options.configuredSitesOf);
  index.setSites(sites, configProblems);
  const files = await findWorkspaceFiles(scope, log, options.starts);
  const extraTagsFiles = options.extraTagsFiles ?? [];
  const tagsFiles = [...new Set([...files.tagsFiles, ...extraTagsFiles])];
  await forEachFile(tagsFiles, log, (filePath) => {
    const text = readTextFileNow(filePath, log, scope.maxFileBytes);
    if (text !== undefined) index.setTagsFile(fileUri(filePath), text);
  });
  const indexed: string[] = [];
  // Read while the workspace was walked.
  const cache = await options.cache;
  await forEachFile(files.markdown, log, (filePath) => {
    const uri = fileUri(filePath);
    const readsMdx = index.siteFor(uri)?.generator === 'docusaurus';
    let document = cache?.lookUp(filePath, uri, scope.maxFileBytes);
    // Cached before the file's site was Docusaurus's: it was not read as MDX.
    if (document?.mdxUnread && readsMdx) document = undefined;
    if (document === undefined) {
      const text = readTextFileNow(filePath, log, scope.maxFileBytes);
      if (text === undefined) return;
      document = closedDocument(uri, text, readsMdx);
      cache?.remember(filePath, document);
    }
    index.setParsedDocument(document);
    indexed.push(filePath);
  });
  return indexed.sort();
}

async function forEachFile(paths: string[], log: Logger, use: (filePath: string) => void): Promise<void> {
  for (let start = 0; start < paths.length; start += READ_BATCH) {
    const batch = paths.slice(start, start + READ_BATCH);
    // Small files read faster synchronously than through the thread pool; a batch is still short
    // enough for requests to be answered between batches.
    for (const filePath of batch) {
      // Parsing never throws by design; should it still, one file must not keep the rest from the index.
      try {
        use(filePath);
      } catch (error) {
        log(`Cannot index ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
