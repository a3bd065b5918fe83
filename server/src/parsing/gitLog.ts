/**
 * What `git log` says of the glossary's files, as plain data: read by `workspace/gitHistory.ts`,
 * judged by `features/translationStatus.ts`.
 */

/** A commit that changed a file, as the path-limited history shows it. */
export interface FileCommit {
  hash: string;
  /** Committer time, in milliseconds since the epoch. */
  time: number;
  /** The file's path (relative to the repository) after the commit. */
  path: string;
  /** Whether the commit changed the file's content; a rename without changes did not. */
  changedContent: boolean;
}

export interface CommitNode {
  time: number;
  /** Parents in the path-limited history (rewritten by Git to the nearest commit that touched its paths). */
  parents: string[];
}

/** A repository's history of the glossary's files. */
export interface RepositoryHistory {
  /** The repository's top folder. */
  root: string;
  commits: Map<string, CommitNode>;
  /** Each file's commits, newest first, by its current path relative to `root`, renames followed. */
  files: Map<string, FileCommit[]>;
  /**
   * Translation pins (`translated_from`) resolved: the newest commit of this history the pinned
   * commit contains, `null` for none, `false` when the repository has no such commit; absent: not looked up.
   */
  pins: Map<string, string | null | false>;
}

/** Why a folder's history cannot be used: the status then falls back to file times. */
export type HistoryUnavailable = 'git-missing' | 'not-a-repository' | 'shallow' | 'no-commits' | 'failed';

export type FolderHistory =
  /** `prefix`: the folder's path in the repository, with a final slash, or empty for its top folder. */
  | { available: true; history: RepositoryHistory; prefix: string }
  | { available: false; reason: HistoryUnavailable; detail?: string };

/** A commit name as front matter may pin it: 7 to 64 hexadecimal digits, nothing Git could read as an option or expression. */
export function isCommitName(text: string): boolean {
  return /^[0-9a-f]{7,64}$/i.test(text);
}

/**
 * Reads `git log --parents --name-status -z` output: per commit a header (`\x1e<hash> <parents>\x1f<time>`),
 * a NUL, then NUL-separated status letters and paths (two paths for a rename). Walking
 * from the newest commit back, a file's older names are mapped to its current path.
 */
export function parseLog(root: string, log: string): RepositoryHistory {
  const commits = new Map<string, CommitNode>();
  const files = new Map<string, FileCommit[]>();
  // A path as history names it, at the point the walk has reached, to the file's current path; null: a deleted file's, followed no further.
  const currentPathOf = new Map<string, string | null>();
  const record = (historicalPath: string, commit: Omit<FileCommit, 'path'>, path: string): string | null => {
    const current = currentPathOf.has(historicalPath) ? currentPathOf.get(historicalPath)! : historicalPath;
    if (current === null) return null;
    let list = files.get(current);
    if (list === undefined) files.set(current, (list = []));
    list.push({ ...commit, path });
    return current;
  };
  for (const entry of log.split('\x1e')) {
    if (entry === '') continue;
    const headerEnd = entry.indexOf('\0');
    const header = headerEnd === -1 ? entry : entry.slice(0, headerEnd);
    const [names, seconds] = header.split('\x1f');
    const [hash, ...parents] = names.trim().split(' ').filter((name) => name !== '');
    const time = Number(seconds) * 1000;
    if (!/^[0-9a-f]{40,64}$/.test(hash) || !Number.isFinite(time)) continue;
    commits.set(hash, { time, parents });
    const fields = headerEnd === -1 ? [] : entry.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let position = 0; position < fields.length; ) {
      const status = fields[position++];
      if (status === '') continue;
      if (status.startsWith('R')) {
        const [from, to] = [fields[position++], fields[position++]];
        if (from === undefined || to === undefined) break;
        const current = record(to, { hash, time, changedContent: status !== 'R100' }, to);
        // Before the rename the file had its old name, and the new name held nothing of it.
        currentPathOf.set(to, null);
        currentPathOf.set(from, current);
      } else {
        const file = fields[position++];
        if (file === undefined) break;
        record(file, { hash, time, changedContent: true }, file);
        // Before it was added the path held nothing of this file; after a deletion (seen first, walking back) no current file.
        if (status === 'A' || status === 'D') currentPathOf.set(file, null);
      }
    }
  }
  return { root, commits, files, pins: new Map() };
}

