import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMarkdownPath } from '../common/uris';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';

/** Folders that hold dependencies, version control or build output, never glossary entries. */
export const EXCLUDED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'build', 'dist', 'out', '.docusaurus', '.next', '.cache']);

/** Files above this size are skipped: a glossary entry is never that large, a generated dump may be. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface WorkspaceFiles {
  markdown: string[];
  tagsFiles: string[];
}

export type Logger = (message: string) => void;

/**
 * Lists the Markdown files and tags files below the given paths (folders or files).
 * Symbolic links are not followed, so a link loop cannot trap the walk.
 */
export async function findWorkspaceFiles(roots: string[], log: Logger): Promise<WorkspaceFiles> {
  const markdown = new Set<string>();
  const tagsFiles = new Set<string>();
  const found = { markdown, tagsFiles };
  // Overlapping roots ("docs docs/glossary") are walked once.
  const pending = [...new Set(roots.map((root) => path.resolve(root)))];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (visited.has(current)) continue;
    visited.add(current);
    const stat = await fs.lstat(current).catch((error: Error) => {
      log(`Cannot read ${current}: ${error.message}`);
      return undefined;
    });
    if (stat === undefined) continue;
    if (stat.isFile()) {
      classify(current, found);
      continue;
    }
    if (!stat.isDirectory()) continue;
    const entries = await fs.readdir(current, { withFileTypes: true }).catch((error: Error) => {
      log(`Cannot list ${current}: ${error.message}`);
      return [];
    });
    for (const entry of entries) {
      const entryPath = path.join(current, entry.name);
      if (entry.isDirectory() && !EXCLUDED_FOLDERS.has(entry.name)) pending.push(entryPath);
      else if (entry.isFile()) classify(entryPath, found);
    }
  }
  return { markdown: [...markdown].sort(), tagsFiles: [...tagsFiles].sort() };
}

function classify(filePath: string, found: { markdown: Set<string>; tagsFiles: Set<string> }): void {
  if (isMarkdownPath(filePath)) found.markdown.add(filePath);
  else if (path.basename(filePath) === TAGS_FILE_NAME) found.tagsFiles.add(filePath);
}

/**
 * Whether a file belongs to the glossary below the roots: inside one of them and in no excluded
 * folder. File events and closed editors are held to the same rule as the first scan.
 */
export function isGlossaryFile(filePath: string, roots: string[]): boolean {
  return roots.some((root) => {
    const relative = path.relative(root, filePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return !relative.split(path.sep).slice(0, -1).some((folder) => EXCLUDED_FOLDERS.has(folder));
  });
}

/** Reads a text file, or says why not (missing, unreadable, too large); never throws. */
export async function readTextFile(filePath: string, log: Logger): Promise<string | undefined> {
  try {
    const handle = await fs.open(filePath, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_FILE_BYTES) {
        log(`Skipped ${filePath}: ${size} bytes is more than the limit of ${MAX_FILE_BYTES}.`);
        return undefined;
      }
      return await handle.readFile({ encoding: 'utf8' });
    } finally {
      await handle.close();
    }
  } catch (error) {
    log(`Cannot read ${filePath}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The tags files in a folder and its ancestors, for a CLI run on a subfolder of a Docusaurus site. */
export async function findTagsFilesAbove(folder: string, stopAt: string): Promise<string[]> {
  const found: string[] = [];
  let current = path.resolve(folder);
  const boundary = path.resolve(stopAt);
  for (;;) {
    const candidate = path.join(current, TAGS_FILE_NAME);
    const stat = await fs.stat(candidate).catch(() => undefined);
    if (stat?.isFile()) found.push(candidate);
    const parent = path.dirname(current);
    if (current === boundary || parent === current || !current.startsWith(boundary)) break;
    current = parent;
  }
  return found;
}
