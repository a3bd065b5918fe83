import { closeSync, constants as fsConstants, existsSync, fstatSync, ftruncateSync, lstatSync, openSync, promises as fs, readdirSync, realpathSync, statSync, writeSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { isPathInside } from '../common/paths';
import { canonicalUri, fileUri, isMarkdownPath, uriToFsPath } from '../common/uris';
import type { PathKind } from '../common/paths';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';
import { HUGO_CONFIG_FILE_NAMES } from '../site/hugoConfig';
import { HUGO_UNREAD_CONTENT_EXTENSIONS } from '../site/hugo';
import { compileGlobs, type PathMatcher } from '../common/glob';
import { isReadable, MAX_FILE_BYTES, realPathOfDescriptor, withoutByteOrderMark, type Logger, type Reachability } from './fileReading';

export type { Logger, Reachability } from './fileReading';

/** Folders that hold dependencies, version control or build output, never glossary entries (see `BUILD_OUTPUT_FOLDERS`). */
export const EXCLUDED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'build', 'dist', 'out', '.docusaurus', '.next', '.cache',
  // Tools' own Markdown (issue templates, changesets, editor settings, coding agents' skills), which no site builds.
  '.github', '.gitlab', '.changeset', '.vscode', '.idea', '.husky', '.agents',
]);

/**
 * Of `EXCLUDED_FOLDERS`, the names that are build output only outside a folder a site's generator
 * reads: in `docs/` or `content/`, `build/` is a section like any (astar-docs' `docs/build/`).
 */
const BUILD_OUTPUT_FOLDERS = new Set(['build', 'dist', 'out']);

export interface WorkspaceFiles {
  markdown: string[];
  tagsFiles: string[];
  /** Files of the content formats Hugo reads that the workspace does not (`_index.html`, `.adoc`; see `HUGO_UNREAD_CONTENT_EXTENSIONS`), found on the same walk: a site reads the front matter of those in its content folders. */
  otherContent: string[];
}



/**
 * Which files below the workspace roots belong to the glossary: Markdown files matching the
 * `include` globs and none of the `exclude` globs (relative to their root), outside dependency,
 * version-control and build folders. Tags files count wherever they are not excluded.
 */
export class GlossaryScope {
  private readonly included: PathMatcher;
  private readonly excluded: PathMatcher;
  private readonly resolvedRoots: Set<string>;
  /** Globs of the settings left out: past the work a list of globs may cost for each path. */
  readonly refusedGlobs: string[] = [];
  private foldersReadByGenerators: readonly string[] = [];
  private tagsFilesNamedBySites = new Set<string>();
  /** Whether the include and exclude settings take in every Markdown file (their defaults): a generator's pages are all in the index then. */
  readonly takesEveryMarkdownFile: boolean;

  constructor(
    readonly roots: string[],
    include: string[] = ['**/*.md', '**/*.mdx'],
    exclude: string[] = [],
    /** Larger files are left out. */
    readonly maxFileBytes = MAX_FILE_BYTES,
    /** Files and folders left out by gitignore rules (the CLI's, see IgnoreRules); a root is never; `.gitignore`'s only where `gitignored` says. */
    private readonly ignored: (absolutePath: string, isFolder: boolean, gitignored: boolean) => boolean = () => false,
  ) {
    const refuse = (glob: string) => this.refusedGlobs.push(glob);
    this.takesEveryMarkdownFile = exclude.length === 0 && (include.length === 0 || [...include].sort().join('\n') === '**/*.md\n**/*.mdx');
    this.included = compileGlobs(include.length > 0 ? include : ['**'], refuse);
    this.excluded = compileGlobs(exclude, refuse);
    this.resolvedRoots = new Set(roots.map((root) => path.resolve(root)));
  }

  /** Whether a Markdown or tags file belongs to the glossary. */
  contains(filePath: string): boolean {
    const relative = this.relativeToRoot(filePath);
    if (relative === undefined || this.inLeftOutFolder(filePath, relative)) return false;
    if (relative.split('/').includes('archetypes') && ancestorsOf(filePath).some(isHugoArchetypes)) return false;
    return (this.tagsFilesNamedBySites.has(path.resolve(filePath)) || this.matches(relative, path.basename(filePath))) && !this.isIgnored(filePath, false);
  }

  /** The tags files sites' plugins name other than `tags.yml` (`tags: 'themen.yml'`): they belong to the glossary too. */
  tagsFilesNamed(files: readonly string[]): void {
    this.tagsFilesNamedBySites = new Set(files.map((file) => path.resolve(file)));
  }

  /** The folders whose files a site's generator reads (see `foldersReadBy`): `.gitignore` leaves nothing out in them, nor the folders on the way to them. */
  readByGenerators(folders: readonly string[]): void {
    this.foldersReadByGenerators = folders.map((folder) => path.resolve(folder));
  }


  /** Whether a file belongs to the glossary, given its path relative to its root, in folders the walk entered. */
  matches(relative: string, name: string): boolean {
    if (!isGlossaryFileName(name)) return false;
    return !this.excluded(relative) && (name === TAGS_FILE_NAME || this.included(relative));
  }

  /** Whether the walk goes into a folder. */
  enters(folderPath: string): boolean {
    return this.entersRelative(path.basename(folderPath), folderPath, this.relativeToRoot(folderPath)) && !this.isIgnored(folderPath, true) && !isHugoArchetypes(folderPath);
  }

  /** Whether gitignore rules leave a file or folder out; a root never is, it was asked for. */
  isIgnored(absolutePath: string, isFolder: boolean): boolean {
    const readByGenerator = this.isReadByGenerator(absolutePath) || (isFolder && this.foldersReadByGenerators.some((folder) => isPathInside(absolutePath, folder)));
    return !this.resolvedRoots.has(absolutePath) && this.ignored(absolutePath, isFolder, !readByGenerator);
  }

  /** Whether a path lies in a folder a site's generator reads (see `readByGenerators`), where `.gitignore` leaves nothing out. */
  isReadByGenerator(absolutePath: string): boolean {
    return this.foldersReadByGenerators.some((folder) => isPathInside(folder, absolutePath, true));
  }

  /** Whether the walk goes into a folder, given its name, its path and its path relative to its root (if it is below one). */
  entersRelative(name: string, absolutePath: string, relative: string | undefined): boolean {
    return !this.leavesOut(name, absolutePath) && (relative === undefined || relative === '' || !this.excluded(relative, true));
  }

  /** Whether a folder on the way from the root to a file is one the walk does not enter (see `leavesOut`). */
  private inLeftOutFolder(filePath: string, relative: string): boolean {
    const folders = relative.split('/').slice(0, -1);
    let folderPath = path.dirname(filePath);
    for (let at = folders.length - 1; at >= 0; at--, folderPath = path.dirname(folderPath)) {
      if (this.leavesOut(folders[at], folderPath)) return true;
    }
    return false;
  }

  /**
   * Whether a folder of this name on the way to a path holds no glossary entries: dependencies,
   * version control, build output (but in a folder a generator reads, or on the way to one:
   * `contentDir = "build/content"`).
   */
  private leavesOut(folderName: string, absolutePath: string): boolean {
    if (!EXCLUDED_FOLDERS.has(folderName)) return false;
    return !BUILD_OUTPUT_FOLDERS.has(folderName) || !(this.isReadByGenerator(absolutePath) || this.foldersReadByGenerators.some((folder) => isPathInside(absolutePath, folder)));
  }

  /** Whether a path is one of the roots, which may lie inside another. */
  isRoot(absolutePath: string): boolean {
    return this.resolvedRoots.has(absolutePath);
  }

  /** A path relative to the root it is in, with "/" between folders; undefined outside every root. */
  relativeToRoot(filePath: string): string | undefined {
    for (const root of this.roots) {
      if (isPathInside(root, filePath, true)) return path.relative(root, filePath).split(path.sep).join('/');
    }
    return undefined;
  }

  /**
   * Whether a path is where a walk finds it: below a root through no symbolic link (a root may be
   * one). Every file read because an editor or watcher named it, and every file written, is checked
   * here, so no link leads out of the workspace. A file not created yet counts by its folder.
   */
  isReachable(filePath: string, realPath = realPathOf(path.resolve(filePath))): boolean {
    return reachableBelow(this.roots, realPathOf, filePath, realPath);
  }

  /**
   * The same test for a batch of files read at once: each root's and each folder's real path is
   * resolved once for the batch, not for every file (a search for references reads thousands). Use it for one batch
   * only: a root replaced by a link later must be noticed.
   */
  reachabilityForBatch(): Reachability {
    const realPaths = new Map<string, string | undefined>();
    const resolvedOnce = (folder: string) => {
      if (!realPaths.has(folder)) realPaths.set(folder, realPathOf(folder));
      return realPaths.get(folder);
    };
    return { isReachable: (filePath, realPath = realPathInBatch(path.resolve(filePath), resolvedOnce)) => reachableBelow(this.roots, resolvedOnce, filePath, realPath) };
  }
}

/**
 * Whether a folder holds Hugo's archetypes: the templates `hugo new` fills in (`title: "{{ .Name }}"`
 * is no YAML), which Hugo never builds. `archetypes/` beside a Hugo configuration, or in a theme.
 */
function isHugoArchetypes(folderPath: string): boolean {
  if (path.basename(folderPath) !== 'archetypes') return false;
  const parent = path.dirname(folderPath);
  if (path.basename(path.dirname(parent)) === 'themes') return true;
  return [...HUGO_CONFIG_FILE_NAMES, 'theme.toml', path.join('config', '_default')].some((name) => existsSync(path.join(parent, name)));
}

/** The folders above a path, nearest first. */
function ancestorsOf(filePath: string): string[] {
  const folders: string[] = [];
  for (let folder = path.dirname(filePath); path.dirname(folder) !== folder; folder = path.dirname(folder)) folders.push(folder);
  return folders;
}

/** Says whether a file is where a walk finds it, given its real path (see `GlossaryScope.isReachable`). */
function reachableBelow(roots: readonly string[], realRootOf: (root: string) => string | undefined, filePath: string, realPath: string | undefined): boolean {
  const absolute = path.resolve(filePath);
  return roots.some((root) => {
    if (!isPathInside(root, absolute, true)) return false;
    const realRoot = realRootOf(root);
    return realRoot !== undefined && realPath === path.join(realRoot, path.relative(root, absolute));
  });
}

/**
 * A path with every link resolved; for a path that does not exist, its nearest existing ancestor's
 * and the rest. A dangling link has none: writing to it would create its target, wherever that is.
 */
function realPathOf(filePath: string): string | undefined {
  try {
    return realpathSync.native(filePath);
  } catch (error) {
    const parent = path.dirname(filePath);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === filePath || existsAsEntry(filePath)) return undefined;
    const realParent = realPathOf(parent);
    return realParent === undefined ? undefined : path.join(realParent, path.basename(filePath));
  }
}

/**
 * `realPathOf` for a file of a batch, its folder resolved once for the batch: a batch's files mostly
 * share a few folders, and resolving every file's path made one system call per folder above it
 * (20 searches for references at 10k files: 0.7 s under the profiler). On Linux, a name that is no link adds
 * itself to its folder's real path; elsewhere resolving may also correct the name's case.
 */
function realPathInBatch(absolute: string, resolvedOnce: (folder: string) => string | undefined): string | undefined {
  if (process.platform !== 'linux') return realPathOf(absolute);
  let entry: Stats | undefined;
  try {
    entry = lstatSync(absolute, { throwIfNoEntry: false });
  } catch {
    return realPathOf(absolute);
  }
  if (entry?.isSymbolicLink()) return realPathOf(absolute);
  const folder = resolvedOnce(path.dirname(absolute));
  if (folder === undefined) return undefined;
  const realPath = path.join(folder, path.basename(absolute));
  // A real path the system could not resolve (longer than PATH_MAX) is none, as for `realPathOf`.
  return Buffer.byteLength(realPath) < LINUX_PATH_MAX ? realPath : realPathOf(absolute);
}

/** The longest path Linux resolves, in bytes with the final NUL. */
const LINUX_PATH_MAX = 4096;

function existsAsEntry(filePath: string): boolean {
  try {
    lstatSync(filePath);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lists the Markdown files and tags files of the scope below the given paths (folders or files;
 * by default the scope's roots). A given path may be a symbolic link (a workspace folder on another
 * disk); links below it are not followed, so a link loop cannot trap the walk and none leads out.
 */
export async function findWorkspaceFiles(scope: GlossaryScope, log: Logger, starts: string[] = scope.roots): Promise<WorkspaceFiles> {
  const markdown = new Set<string>();
  const tagsFiles = new Set<string>();
  const otherContent = new Set<string>();
  const found = { markdown, tagsFiles };
  // Overlapping paths ("docs docs/glossary") are walked once.
  const pending = [...new Set(starts.map((start) => path.resolve(start)))].map((absolute) => ({ absolute, relative: scope.relativeToRoot(absolute), given: true }));
  const visited = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (visited.has(current.absolute)) continue;
    visited.add(current.absolute);
    const stat = await (current.given ? fs.stat : fs.lstat)(current.absolute).catch((error: Error) => {
      log(`Cannot read ${current.absolute}: ${error.message}`);
      return undefined;
    });
    if (stat === undefined) continue;
    if (stat.isFile()) {
      if (scope.contains(current.absolute)) classify(current.absolute, found);
      continue;
    }
    if (!stat.isDirectory() || !scope.enters(current.absolute)) continue;
    const entries = await fs.readdir(current.absolute, { withFileTypes: true }).catch((error: Error) => {
      log(`Cannot list ${current.absolute}: ${error.message}`);
      return [];
    });
    // Relative paths are extended along the walk rather than computed again for each of many files;
    // a root nested in another starts again, as relativeToRoot would.
    const below = (name: string, absolute: string) =>
      current.relative === undefined || scope.isRoot(absolute) ? scope.relativeToRoot(absolute) : current.relative === '' ? name : `${current.relative}/${name}`;
    for (const entry of entries) {
      // Entry names hold no separator: joining by hand spares normalising 100,000 paths.
      const absolute = current.absolute.endsWith(path.sep) ? `${current.absolute}${entry.name}` : `${current.absolute}${path.sep}${entry.name}`;
      if (entry.isDirectory()) {
        const relative = below(entry.name, absolute);
        if (scope.entersRelative(entry.name, absolute, relative) && !scope.isIgnored(absolute, true) && !isHugoArchetypes(absolute)) pending.push({ absolute, relative, given: false });
      } else if (entry.isFile() && isGlossaryFileName(entry.name)) {
        const relative = below(entry.name, absolute);
        if (relative !== undefined && scope.matches(relative, entry.name) && !scope.isIgnored(absolute, false)) classify(absolute, found);
      } else if (entry.isFile() && OTHER_CONTENT_EXTENSIONS.has(entry.name.slice(entry.name.lastIndexOf('.') + 1).toLowerCase())) {
        // Whether the ignore files leave it out is asked of the few in a content folder only (see `otherFormatContentOf`).
        otherContent.add(absolute);
      }
    }
  }
  return { markdown: [...markdown].sort(), tagsFiles: [...tagsFiles].sort(), otherContent: [...otherContent].sort() };
}

/** The extensions of `WorkspaceFiles.otherContent`. */
const OTHER_CONTENT_EXTENSIONS: ReadonlySet<string> = new Set(HUGO_UNREAD_CONTENT_EXTENSIONS);

function isGlossaryFileName(name: string): boolean {
  return name === TAGS_FILE_NAME || isMarkdownPath(name);
}

function classify(filePath: string, found: { markdown: Set<string>; tagsFiles: Set<string> }): void {
  if (isMarkdownPath(filePath)) found.markdown.add(filePath);
  else found.tagsFiles.add(filePath);
}

/** Files a folder's move may carry, at most: past it, the files further down are not followed. */
const MAX_FILES_MOVED_WITH_FOLDER = 20_000;

/**
 * A batch of moves with each folder's move as the moves of the files below it: an editor names the
 * folder alone, and links follow files. Read from disk before the move; symbolic links below the
 * folder are not followed, and the folders no site reads (`EXCLUDED_FOLDERS`) are left out.
 */
export function withFilesOfMovedFolders(renames: Array<{ oldUri: string; newUri: string }>): Array<{ oldUri: string; newUri: string }> {
  return renames.flatMap((rename) => {
    const folder = uriToFsPath(rename.oldUri);
    if (!isFolder(folder)) return [rename];
    const newFolder = uriToFsPath(rename.newUri);
    const moves: Array<{ oldUri: string; newUri: string }> = [];
    const pending = [''];
    while (pending.length > 0 && moves.length < MAX_FILES_MOVED_WITH_FOLDER) {
      const relative = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(path.join(folder, relative), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const below = path.join(relative, entry.name);
        if (entry.isDirectory() && !EXCLUDED_FOLDERS.has(entry.name)) pending.push(below);
        else if (entry.isFile()) moves.push({ oldUri: canonicalUri(fileUri(path.join(folder, below))), newUri: canonicalUri(fileUri(path.join(newFolder, below))) });
      }
    }
    return moves;
  });
}

function isFolder(filePath: string): boolean {
  try {
    return lstatSync(filePath, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * What is on disk at a URI, through symbolic links, as Docusaurus looks for an image or a linked
 * file; undefined where that cannot be told (no access). The index asks only for places in a site's folder.
 */
export function pathKindOnDisk(uri: string): PathKind | undefined {
  try {
    const stat = statSync(uriToFsPath(uri), { throwIfNoEntry: false });
    return stat === undefined ? 'none' : stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    // A file where a folder of the path should be.
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'none' : undefined;
  }
}

/** Reads a text file, or says why not (missing, unreadable, too large); never throws. Without its byte order mark, as editors show it. */
export async function readTextFile(filePath: string, log: Logger, maxBytes = MAX_FILE_BYTES): Promise<string | undefined> {
  try {
    // Non-blocking, so a named pipe called x.md cannot hang the open; it is then refused below.
    const handle = await fs.open(filePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      return isReadable(filePath, await handle.stat(), log, maxBytes) ? withoutByteOrderMark(await handle.readFile({ encoding: 'utf8' })) : undefined;
    } finally {
      await handle.close();
    }
  } catch (error) {
    log(`Cannot read ${filePath}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Writes a text file of the scope, or a new one (which must not exist yet); throws with the reason
 * otherwise. Only a regular file with no other hard link is written, never through a symbolic
 * link, and a named pipe in its place is refused rather than waited on. The checks are of the file
 * opened: a folder swapped for a link after the scope was checked cannot carry the write out of it
 * (where the system tells an open file's path, as Linux does).
 */
export function writeTextFileNow(filePath: string, text: string, scope: GlossaryScope, create = false): void {
  if (!scope.isReachable(filePath)) throw new Error('it links to a file outside the checked folders');
  const creating = create ? fsConstants.O_CREAT | fsConstants.O_EXCL : 0;
  const descriptor = openSync(filePath, fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK | creating, 0o666);
  try {
    const opened = realPathOfDescriptor(descriptor);
    if (opened !== undefined && !scope.isReachable(filePath, opened)) throw new Error('a link took it outside the checked folders while it was opened');
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.nlink > 1) throw new Error('the file has other hard links, which may lie outside the workspace');
    ftruncateSync(descriptor, 0);
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written, written);
  } finally {
    closeSync(descriptor);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether something is at a path: a file, a folder, or a link, even one that leads nowhere. */
export function isTaken(filePath: string): boolean {
  try {
    return lstatSync(filePath, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // Not to be looked at (a folder on the way is locked): as good as taken.
    return true;
  }
}

/**
 * The text of bytes that are UTF-8 throughout, a byte order mark kept as U+FEFF; undefined for any
 * other encoding. A file is only rewritten from such a text, so every byte outside an edit survives.
 */
export function exactUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The tags files in a folder and its ancestors, for a CLI run on a subfolder of a Docusaurus site.
 * A link named tags.yml is not one: it may lead anywhere.
 */
export async function findTagsFilesAbove(folder: string, stopAt: string): Promise<string[]> {
  const found: string[] = [];
  let current = path.resolve(folder);
  const boundary = path.resolve(stopAt);
  for (;;) {
    const candidate = path.join(current, TAGS_FILE_NAME);
    const stat = await fs.lstat(candidate).catch(() => undefined);
    if (stat?.isFile()) found.push(candidate);
    const parent = path.dirname(current);
    if (current === boundary || parent === current || !current.startsWith(boundary)) break;
    current = parent;
  }
  return found;
}
