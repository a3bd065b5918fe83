import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { isCommitName, parseLog, type FolderHistory, type HistoryUnavailable } from '../parsing/gitLog';

/**
 * The Git history of the glossary's files, read with the one external program the server runs:
 * `git`, with fixed arguments, never through a shell, with a timeout. Nothing in the workspace
 * decides what runs: commit names are checked to be hexadecimal before they are passed, paths
 * follow `--` or a resolved commit, and settings a repository could use to run programs are
 * switched off for every call.
 */

/** How long one `git` call may take before the history counts as unavailable. */
const GIT_TIMEOUT_MS = 20_000;
/** The most output one call may produce; a larger history counts as unavailable rather than taking the memory. */
const MAX_GIT_OUTPUT_BYTES = 256 * 1024 * 1024;
/**
 * `core.fsmonitor` and `core.hooksPath` run programs a repository's configuration names; a bare
 * repository inside the workspace could bring its own configuration. None of them is needed to read history.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'safe.bareRepository=explicit', '-c', 'log.showSignature=false'];

/** Runs `git` in a folder with fixed arguments; resolves with its standard output, rejects with a classified reason. */
function runGit(folder: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...SAFE_CONFIG, ...args],
      {
        cwd: folder,
        encoding,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: MAX_GIT_OUTPUT_BYTES,
        windowsHide: true,
        shell: false,
        // No prompts for credentials, no locks taken for reading.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error === null) resolve(stdout);
        else reject(new GitError(error as NodeJS.ErrnoException & { killed?: boolean }, String(stderr)));
      },
    );
  });
}

class GitError extends Error {
  readonly missing: boolean;
  constructor(error: NodeJS.ErrnoException & { killed?: boolean }, stderr: string) {
    super(error.killed ? `git took longer than ${GIT_TIMEOUT_MS / 1000} s` : stderr.trim().split('\n')[0] || error.message);
    this.missing = error.code === 'ENOENT';
  }
}

/**
 * The history of the files in a folder, renames followed: one `git log` for the whole folder.
 * `pins` are commit names from translations' front matter, resolved in the same repository.
 */
export async function readFolderHistory(folder: string, pins: Iterable<string> = []): Promise<FolderHistory> {
  let root: string;
  let prefix: string;
  try {
    const [topLevel, folderPrefix, shallow] = String(await runGit(folder, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'])).split('\n');
    // A shallow clone's oldest commit seems to add every file: its history would call translations up to date that are not.
    if (shallow === 'true') return { available: false, reason: 'shallow' };
    root = topLevel;
    prefix = folderPrefix;
  } catch (error) {
    // Anything else ("dubious ownership", a broken repository) is said in git's words.
    return unavailable(error, error instanceof GitError && /not a git repository/i.test(error.message) ? 'not-a-repository' : 'failed');
  }
  let log: string;
  try {
    log = String(await runGit(folder, ['log', '--topo-order', '--parents', '-M', '--name-status', '-z', '--no-color', '--format=%x1e%H %P%x1f%ct', '--', '.']));
  } catch (error) {
    // A repository without commits yet.
    if (error instanceof GitError && /does not have any commits|bad default revision/.test(error.message)) return { available: false, reason: 'no-commits' };
    return unavailable(error, 'failed');
  }
  const history = parseLog(root, log);
  if (history.commits.size === 0) return { available: false, reason: 'no-commits' };
  for (const pin of new Set(pins)) {
    if (!isCommitName(pin)) continue;
    try {
      // The newest commit of the folder's history the pinned commit contains; none when it predates them all.
      const newest = String(await runGit(folder, ['rev-list', '-1', '--end-of-options', `${pin}^{commit}`, '--', '.'])).trim();
      history.pins.set(pin, newest === '' ? null : newest);
    } catch {
      // Not a commit of this repository: the pin is reported as unknown.
      history.pins.set(pin, false);
    }
  }
  return { available: true, history, prefix };
}

function unavailable(error: unknown, otherwise: HistoryUnavailable): FolderHistory {
  if (!(error instanceof GitError)) return { available: false, reason: 'failed', detail: (error as Error).message };
  if (error.missing) return { available: false, reason: 'git-missing' };
  // Only an unexpected failure needs git's own words; "not a git repository" says nothing more.
  return otherwise === 'failed' ? { available: false, reason: 'failed', detail: error.message } : { available: false, reason: otherwise };
}

/** A file's content at a commit, as bytes decoded as UTF-8; undefined when the commit does not hold it. */
export async function fileAtCommit(root: string, commit: string, relativePath: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
  try {
    // The plumbing command: no text conversion or filter a repository's attributes could name.
    return String(await runGit(root, ['cat-file', 'blob', `${commit}:${relativePath.split(path.sep).join('/')}`]));
  } catch {
    return undefined;
  }
}
