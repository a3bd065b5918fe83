import { existsSync } from 'node:fs';
import { isPathInside } from '../common/paths';
import { fileUri, uriToFsPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { readTextFileNow } from './fileReading';
import { findWorkspaceFiles, type GlossaryScope, type Logger } from './files';
import type { ParseCache } from './parseCache';
import { cannotIndex, parseFilesInBatches, type ParsingThread } from './parseFiles';
import { findSites, otherFormatContentOf } from './siteConfig';
import { foldersReadBy } from '../site/site';

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
  options: { starts?: string[]; extraTagsFiles?: string[]; generator?: 'auto' | 'docusaurus' | 'hugo'; siteLog?: Logger; configuredSitesOf?: string[]; cache?: Promise<ParseCache>; parsingThread?: ParsingThread } = {},
): Promise<string[]> {
  const { sites, configProblems } = findSites(options.starts ?? scope.roots, scope, options.siteLog ?? log, options.generator, options.configuredSitesOf);
  index.setSites(sites, configProblems);
  // Configured sites only: an assumed one's docs folder may be the whole workspace.
  scope.readByGenerators(sites.filter((site) => site.assumed !== true).flatMap(foldersReadBy));
  index.setScope((filePath) => scope.contains(filePath));
  const files = await findWorkspaceFiles(scope, log, options.starts);
  // Hugo builds pages of content files of other formats too, and writes their aliases.
  for (const site of sites) {
    if (site.generator !== 'hugo') continue;
    Object.assign(site.hugo, otherFormatContentOf(uriToFsPath(site.rootUri), site.hugo, files.otherContent, scope, log));
    site.hugo.contentLeftOut = !scope.takesEveryMarkdownFile;
  }
  const extraTagsFiles = options.extraTagsFiles ?? [];
  // The tags files plugins name other than `tags.yml` (`tags: 'themen.yml'`), where they are.
  const namedTagsFiles = [...index.namedTagsFiles()].map(uriToFsPath);
  scope.tagsFilesNamed(namedTagsFiles);
  const tagsFiles = [...new Set([...files.tagsFiles, ...namedTagsFiles.filter((filePath) => existsSync(filePath) && scope.contains(filePath) && scope.isReachable(filePath)), ...extraTagsFiles])];
  await forEachFile(tagsFiles, (filePath) =>
    guarded(filePath, log, () => {
      const text = readTextFileNow(filePath, log, scope.maxFileBytes);
      if (text !== undefined) index.setTagsFile(fileUri(filePath), text);
    }),
  );
  const indexed: string[] = [];
  const readerOf = (filePath: string) => index.readerOf(fileUri(filePath));
  // Read while the workspace was walked.
  const cache = await options.cache;
  for await (const batch of parseFilesInBatches(files.markdown, readerOf, log, scope.maxFileBytes, options.parsingThread, cache)) {
    for (const { filePath, document, stamp } of batch) {
      guarded(filePath, log, () => {
        if (stamp !== undefined) cache?.rememberRead(filePath, stamp, document);
        index.setParsedDocument(document);
        indexed.push(filePath);
      });
    }
    await nextTurn();
  }
  // A Markdown file left out of the index (too large, unreadable) may still be a page Hugo finds.
  const read = new Set(indexed);
  const leftOut = files.markdown.filter((filePath) => !read.has(filePath));
  for (const site of sites) if (site.generator === 'hugo' && leftOut.some((filePath) => isPathInside(uriToFsPath(site.rootUri), filePath))) site.hugo.contentLeftOut = true;
  return indexed.sort();
}

async function forEachFile(paths: string[], use: (filePath: string) => void): Promise<void> {
  for (let start = 0; start < paths.length; start += READ_BATCH) {
    // Small files read faster synchronously than through libuv's thread pool; a batch is still
    // short enough for requests to be answered between batches.
    for (const filePath of paths.slice(start, start + READ_BATCH)) use(filePath);
    await nextTurn();
  }
}

/** Parsing never throws by design; should it still, one file must not keep the rest from the index. */
function guarded(filePath: string, log: Logger, use: () => void): void {
  try {
    use();
  } catch (error) {
    log(cannotIndex(filePath, error instanceof Error ? error.message : String(error)));
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
