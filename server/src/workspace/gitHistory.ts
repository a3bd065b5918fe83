import { execFile } from 'node:child_process';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import * as path from 'node:path';
import { isCommitName, parseLog, type FolderHistory, type HistoryUnavailable, type PinnedVersion } from '../parsing/gitLog';

/**
 * The Git history of the glossary's files, read with the one external program the server runs:
 * `git`, found on the PATH (never in the workspace), with fixed arguments, never through a shell,
 * with a timeout. Nothing in the workspace decides what runs: commit names are checked to be
 * hexadecimal before they are passed, paths follow `--` or a resolved commit, and the settings a
 * repository's configuration could use to run a program are overridden on every call.
 */

/** How long one `git` call may take before the history counts as unavailable. */
const GIT_TIMEOUT_MS = 20_000;
/** The most output one call may produce; a larger history counts as unavailable rather than taking the memory. */
const MAX_GIT_OUTPUT_BYTES = 256 * 1024 * 1024;
/**
 * Settings of a repository's configuration that would run a program: an fsmonitor hook, hooks,
 * and any transport (a partial clone fetches missing objects on demand, through `core.sshCommand`
 * or a remote helper). A bare repository inside the workspace could bring its own configuration.
 * None of them is needed to read history.
 */
const SAFE_CONFIG = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['protocol.allow', 'never'],
  ['safe.bareRepository', 'explicit'],
  ['log.showSignature', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

/**
 * The `git` program: the first on the PATH's absolute folders. Not a bare `git`, which Windows
 * looks for in the working folder (the workspace) before the PATH; undefined when there is none.
 */
function gitProgram(): string | undefined {
  const names = process.platform === 'win32' ? ['git.exe'] : ['git'];
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(folder)) continue;
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        if (statSync(candidate).isFile()) {
          accessSync(candidate, fsConstants.X_OK);
          return candidate;
        }
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

/** Runs `git` in a folder with fixed arguments; resolves with its standard output, rejects with a `GitError`. */
function runGit(folder: string, args: string[]): Promise<string> {
  const program = gitProgram();
  if (program === undefined) return Promise.reject(new GitError('git is not on the PATH', true));
  return new Promise((resolve, reject) => {
    execFile(
      program,
      [...SAFE_CONFIG, ...args],
      {
        cwd: folder,
        encoding: 'utf8',
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: MAX_GIT_OUTPUT_BYTES,
        windowsHide: true,
        shell: false,
        // No prompts for credentials, no locks taken for reading, no fetch of missing objects (git 2.45+), messages in English.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error === null) resolve(stdout);
        else {
          const failure = error as NodeJS.ErrnoException & { killed?: boolean };
          reject(new GitError(failure.killed ? `git took longer than ${GIT_TIMEOUT_MS / 1000} s` : stderr.trim().split('\n')[0] || failure.message, failure.code === 'ENOENT'));
        }
      },
    );
  });
}

class GitError extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
  }
}

/** The output of a command that prints one path and a line break: the path, which may contain line breaks itself. */
const withoutFinalLineBreak = (output: string) => output.replace(/\n$/, '');

/**
 * The history of the files in a folder, renames followed: one `git log` for the whole folder.
 * `pins` are commit names from translations' front matter, resolved in the same repository.
 */
export async function readFolderHistory(folder: string, pins: Iterable<string> = []): Promise<FolderHistory> {
  let root: string;
  let prefix: string;
  try {
    // A shallow clone's oldest commit seems to add every file: its history would call translations up to date that are not.
    if ((await runGit(folder, ['rev-parse', '--is-shallow-repository'])).trim() === 'true') return { available: false, reason: 'shallow' };
    root = withoutFinalLineBreak(await runGit(folder, ['rev-parse', '--show-toplevel']));
    prefix = withoutFinalLineBreak(await runGit(folder, ['rev-parse', '--show-prefix']));
  } catch (error) {
    // Anything else ("dubious ownership", a broken repository) is said in git's words.
    return unavailable(error, error instanceof GitError && /not a git repository/i.test(error.message) ? 'not-a-repository' : 'failed');
  }
  let log: string;
  try {
    log = await runGit(folder, ['log', '--topo-order', '--parents', '-M', '--name-status', '-z', '--no-color', '--format=%x1e%H %P%x1f%ct', '--', '.']);
  } catch (error) {
    // A repository without commits yet.
    if (error instanceof GitError && /does not have any commits|bad default revision/.test(error.message)) return { available: false, reason: 'no-commits' };
    return unavailable(error, 'failed');
  }
  const history = parseLog(root, log);
  if (history.commits.size === 0) return { available: false, reason: 'no-commits' };
  for (const pin of new Set(pins)) {
    if (isCommitName(pin)) history.pins.set(pin, await pinnedVersion(folder, pin));
  }
  return { available: true, history, prefix };
}

/** What a pinned commit contains of the folder's history, and when it was made; false when the repository has no such commit. */
async function pinnedVersion(folder: string, pin: string): Promise<PinnedVersion | false> {
  try {
    const [time] = (await runGit(folder, ['rev-list', '--no-walk', '--timestamp', '--end-of-options', `${pin}^{commit}`])).trim().split(' ');
    // Every commit of the folder's history the pin contains, wherever it lies: on another branch, before a rebase.
    const contains = new Set((await runGit(folder, ['rev-list', '--end-of-options', `${pin}^{commit}`, '--', '.'])).split('\n').filter((hash) => hash !== ''));
    return { time: Number(time) * 1000, contains };
  } catch {
    return false;
  }
}

function unavailable(error: unknown, otherwise: HistoryUnavailable): FolderHistory {
  if (!(error instanceof GitError)) return { available: false, reason: 'failed', detail: (error as Error).message };
  if (error.missing) return { available: false, reason: 'git-missing' };
  // Only an unexpected failure needs git's own words; "not a git repository" says nothing more.
  return otherwise === 'failed' ? { available: false, reason: 'failed', detail: error.message } : { available: false, reason: otherwise };
}

/** A file's content at a commit, decoded as UTF-8; undefined when the commit does not hold it. */
export async function fileAtCommit(root: string, commit: string, relativePath: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
  try {
    // The plumbing command: no text conversion or filter a repository's attributes could name.
    return await runGit(root, ['cat-file', 'blob', `${commit}:${relativePath.split(path.sep).join('/')}`]);
  } catch {
    return undefined;
  }
}
