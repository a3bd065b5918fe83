import ignore, { type Ignore } from 'ignore';
import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { isPathInside } from '../common/paths';
import { readTextFileNow } from './fileReading';
import { trackedPaths } from './gitIndex';
import { type Logger } from './files';

/** Gitignore-style files are small: a larger one is no ignore file. */
const MAX_IGNORE_BYTES = 1024 * 1024;

/**
 * What the CLI leaves out by gitignore rules (the `ignore` package, as eslint and prettier use):
 * what the patterns of an ignore file (relative to the workspace's root) leave out, and, unless
 * turned off, what the `.gitignore` files from the repository's root down to a file's folder leave
 * out, a deeper file's `!pattern` taking back what a higher one ignored, as Git does, but never a
 * file Git tracks (its ignore rules do not apply to one). In CI those files are not even checked
 * out, so a local run agrees with CI.
 */
export class IgnoreRules {
  private readonly gitignores = new Map<string, Ignore | undefined>();
  private readonly repositoryRoot: string | undefined;
  /** What Git tracks, and the folders holding it (relative to the repository's root): no `.gitignore` leaves it out. */
  private tracked: { files: Set<string>; folders: Set<string> } | undefined | null = null;
  private readonly ignoredFolders = new Map<string, boolean>();

  constructor(
    private readonly root: string,
    private readonly patterns: Ignore | undefined,
    private readonly log: Logger,
    readGitignores: boolean,
  ) {
    this.repositoryRoot = readGitignores ? repositoryRootOf(root) ?? root : undefined;
  }

  /**
   * Whether a file or folder is ignored; only the folders above it that a walk entered are asked, so
   * an ignored folder's files are never reached. `gitignored`: whether `.gitignore` files count (not
   * where a site's generator reads the files).
   */
  ignores(absolutePath: string, isFolder: boolean, gitignored = true): boolean {
    if (this.patterns !== undefined && isPathInside(this.root, absolutePath) && this.patterns.ignores(asked(this.root, absolutePath, isFolder))) return true;
    if (!gitignored || this.repositoryRoot === undefined || !isPathInside(this.repositoryRoot, absolutePath)) return false;
    if (this.isTracked(absolutePath, isFolder)) return false;
    const folders: string[] = [];
    for (let folder = path.dirname(absolutePath); isPathInside(this.repositoryRoot, folder, true); folder = path.dirname(folder)) folders.unshift(folder);
    let ignored = false;
    for (const folder of folders) {
      const result = this.gitignoreOf(folder)?.test(asked(folder, absolutePath, isFolder));
      if (result?.ignored) ignored = true;
      else if (result?.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * Whether `.gitignore` files leave a file out (it, or a folder above it), as Git would not check it
   * out: a file a site's generator reads all the same (generated docs) is read, but not reported.
   */
  isGitignored(absolutePath: string): boolean {
    if (this.repositoryRoot === undefined || !isPathInside(this.repositoryRoot, absolutePath)) return false;
    return this.isFolderGitignored(path.dirname(absolutePath)) || this.ignores(absolutePath, false);
  }

  /** Whether `.gitignore` files leave out a folder or one above it, remembered by folder: a check asks for every file. */
  private isFolderGitignored(folder: string): boolean {
    if (!isPathInside(this.repositoryRoot!, folder)) return false;
    let ignored = this.ignoredFolders.get(folder);
    if (ignored === undefined) {
      ignored = this.isFolderGitignored(path.dirname(folder)) || this.ignores(folder, true);
      this.ignoredFolders.set(folder, ignored);
    }
    return ignored;
  }

  /** Whether Git tracks the file, or a file below the folder (read from its index when first asked). */
  private isTracked(absolutePath: string, isFolder: boolean): boolean {
    if (this.tracked === null) {
      const files = trackedPaths(this.repositoryRoot!);
      const folders = new Set<string>();
      for (const file of files ?? []) for (let slash = file.lastIndexOf('/'); slash > 0 && !folders.has(file.slice(0, slash)); slash = file.lastIndexOf('/', slash - 1)) folders.add(file.slice(0, slash));
      this.tracked = files === undefined ? undefined : { files, folders };
    }
    if (this.tracked === undefined) return false;
    const relative = path.relative(this.repositoryRoot!, absolutePath).split(path.sep).join('/');
    return isFolder ? this.tracked.folders.has(relative) : this.tracked.files.has(relative);
  }

  private gitignoreOf(folder: string): Ignore | undefined {
    if (!this.gitignores.has(folder)) {
      const file = path.join(folder, '.gitignore');
      const text = lstatSync(file, { throwIfNoEntry: false })?.isFile() ? readTextFileNow(file, this.log, MAX_IGNORE_BYTES) : undefined;
      this.gitignores.set(folder, text === undefined ? undefined : ignore().add(text));
    }
    return this.gitignores.get(folder);
  }
}

/** Patterns of an ignore file's text, gitignore syntax. */
export function ignorePatterns(text: string): Ignore {
  return ignore().add(text);
}

/** The path as the `ignore` package asks it: relative, with `/`, a folder ending in `/`. */
function asked(folder: string, absolutePath: string, isFolder: boolean): string {
  return path.relative(folder, absolutePath).split(path.sep).join('/') + (isFolder ? '/' : '');
}

/** The folder with `.git` (a folder, or a file in a worktree) at or above the given one. */
function repositoryRootOf(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (lstatSync(path.join(current, '.git'), { throwIfNoEntry: false }) !== undefined) return current;
    if (path.dirname(current) === current) return undefined;
  }
}
