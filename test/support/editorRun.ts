/**
 * What the tests of real editors share (test/neovim, test/vim, test/emacs): an editor runs a driver
 * script against the bundled server in a home of its own; the script writes one line per check to
 * a results file (`ok name`, `not ok name: why`, `not ok run: why` for the script itself, `# …` for
 * the server's log, `skip: why` where it cannot run), and node:test asserts each line.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';

/** A check: its name in the results file, its title, and why the editor itself keeps it from passing, if it does. */
export type EditorCheck = readonly [name: string, title: string, todo?: string];

/** What a run of the editor left to assert, filled in by the suite's `before`. */
export interface EditorRun {
  /** Per check: 'ok' or what went wrong. */
  results: Map<string, string>;
  /** Why nothing could be checked at all. */
  setupProblem?: string;
  /** The run's facts and the server's log, for failure messages. */
  transcript: string;
  /** The editor's exit code: 0 when every check passed, 1 when one failed; null when it was killed. */
  exitCode: number | null;
}

export function newEditorRun(): EditorRun {
  return { results: new Map(), transcript: '', exitCode: null };
}

/**
 * A folder of the run's own (`folder`, to remove after): a home for the editor, a copy of the
 * repository's content/ as the workspace, and where the results go; `setupProblem` is set where
 * the bundled server is not built.
 */
export function prepareEditorRun(run: EditorRun, prefix: string, root: string, serverJs: string): { folder: string; home: string; workspace: string; resultsFile: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  const home = path.join(folder, 'home');
  mkdirSync(home);
  const workspace = path.join(folder, 'content');
  if (!existsSync(serverJs)) run.setupProblem = `${serverJs} is missing: build it with \`node esbuild.mjs\``;
  else cpSync(path.join(root, 'content'), workspace, { recursive: true });
  return { folder, home, workspace, resultsFile: path.join(folder, 'results.txt') };
}

/** An environment whose home is `home`, so that the editor's state and logs stay out of the real one. */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    ...extra,
  };
}

/** Reads what a finished run of `editor` wrote to `resultsFile` into `run`. */
export function readEditorRun(
  run: EditorRun,
  editor: string,
  resultsFile: string,
  finished: { status: number | null; signal: NodeJS.Signals | null; stderr: string | null; error?: Error; seconds: string; version?: string },
): void {
  run.exitCode = finished.status;
  const lines = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n') : [];
  run.transcript = [
    `${finished.version === undefined ? '' : `${finished.version}, `}exit code ${finished.status}, signal ${finished.signal}, ${finished.seconds} s`,
    ...lines.filter((line) => line.startsWith('# ')).map((line) => `server: ${line.slice(2)}`),
    `${editor} stderr: ${(finished.stderr ?? '').trim()}`,
  ].join('\n');
  if (finished.error !== undefined) run.setupProblem = `${editor} did not finish: ${finished.error.message}\n${run.transcript}`;
  else if (lines.length === 0 || lines[0] === '') run.setupProblem = `${editor} wrote no results to ${resultsFile}\n${run.transcript}`;
  else if (lines[0].startsWith('skip: ')) run.setupProblem = lines[0];
  for (const line of lines) {
    const match = line.match(/^(ok|not ok) (\S+?)(?:: (.*))?$/);
    if (match) run.results.set(match[2], match[1] === 'ok' ? 'ok' : (match[3] ?? 'failed'));
  }
}

/** One test per check, and one that the script ran to its end and the editor quit by itself. */
export function itChecks(checks: ReadonlyArray<EditorCheck>, run: EditorRun): void {
  for (const [name, title, todo] of checks) {
    it(title, { todo }, () => {
      if (run.setupProblem !== undefined) assert.fail(run.setupProblem);
      const result = run.results.get(name);
      assert.equal(result, 'ok', `${name}: ${result ?? 'not reached'}\n${run.transcript}`);
    });
  }
  it('runs to the end without a script error or timeout, and quits by itself', () => {
    if (run.setupProblem !== undefined) assert.fail(run.setupProblem);
    const failure = run.results.get('run');
    assert.equal(failure, undefined, `${failure}\n${run.transcript}`);
    const allPassed = checks.every(([name]) => run.results.get(name) === 'ok');
    assert.equal(run.exitCode, allPassed ? 0 : 1, run.transcript);
  });
}
