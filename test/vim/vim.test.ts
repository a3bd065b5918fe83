/**
 * A real Vim client: Debian's Vim 9.0 with ALE 3.3 (`apt-get install vim-ale`), configured as its
 * users do (`ale#linter#Define` with `'lsp': 'stdio'`), against the bundled server (dist/server.js;
 * build first: `node esbuild.mjs`) on a copy of content/. glossary.vim types and runs ALE's commands
 * and writes one line per check; this file asserts each of them. Vim needs a terminal for its job and
 * timer loop: it runs under `script` (util-linux). Skipped, with the reason, where vim, ALE or
 * script is missing; MARKDOWN_GLOSSARY_SKIP_VIM=1 skips it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');
const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const SCRIPT = path.join(__dirname, 'glossary.vim');
/** The Vim script's own watchdog; the process is killed a little later. */
const SCRIPT_TIMEOUT_MS = 45_000;
const PROCESS_TIMEOUT_MS = 60_000;

/** ALE 3.3 itself keeps these from working; they run, and pass once an ALE does better. */
const ALE_UTF16 = 'ALE 3.3 reads LSP columns (UTF-16 code units) as byte columns and sends byte columns: on a line with umlauts or an emoji it marks and edits the wrong bytes';
const CHECKS: ReadonlyArray<readonly [name: string, title: string, todo?: string]> = [
  ['starts', 'ALE starts the server from dist/server.js for a note and it answers once content/ is indexed'],
  ['diagnostics', 'typing an undeclared tag into front matter shows an unknown-tag warning naming it, at the tag'],
  ['hover', ':ALEHover on "Outtasking" shows its definition in plain text, as ALE asks'],
  [
    'completion',
    'completion after "[Outt" (omnifunc ale#completion#OmniFunc) offers Outtasking and inserts the relative link',
    'ALE 3.3 ignores the textEdit range, cuts the new text at its first "(" and keeps only words starting with the word before the cursor ("Outt"): no link is offered',
  ],
  ['codeaction', ':ALECodeAction "Declare in tags.yml" on the warning edits tags.yml exactly as the server means'],
  ['tagcompletion', 'completion of a tag in front matter ("Proz") offers Prozesse and inserts it'],
  ['rename', ':ALERename on a mention renames the title, heading and links as the server means (lines of ASCII)'],
  ['renameid', ':ALERename of an id that names its file: ALE is told it cannot, and nothing changes (no E716)'],
  ['create', 'the fix "Create … from the template" of a broken link opens the new file\'s buffer with the template, and saving creates the file'],
  ['utf16', 'positions on lines with umlauts and an emoji: the warning marks the tag, a rename edits the link', ALE_UTF16],
];

const skip =
  process.env.MARKDOWN_GLOSSARY_SKIP_VIM === '1'
    ? 'MARKDOWN_GLOSSARY_SKIP_VIM=1 is set'
    : spawnSync('vim', ['--version'], { encoding: 'utf8', timeout: 10_000 }).status !== 0
      ? 'vim is not installed (apt-get install -y vim vim-ale)'
      : spawnSync('vim', ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-c', 'silent! packadd ale', '-c', 'if exists("g:loaded_ale") | qa! | else | cq | endif'], { stdio: 'ignore', timeout: 10_000 }).status !== 0
        ? 'ALE is not installed for Vim (apt-get install -y vim-ale)'
        : spawnSync('script', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status !== 0
          ? 'script (util-linux) is missing, which gives Vim its terminal'
          : false;

/** An environment whose home is `home`, so that Vim's viminfo, swap files and ALE's state stay out of the real one. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    VIMINIT: '',
    TERM: 'xterm',
  };
}

/** A word for `sh -c`, quoted. */
const shellWord = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

describe('Vim with ALE, a real non-VS Code client (vim 9.0, ALE 3.3, under script for a terminal)', { skip }, () => {
  let folder: string | undefined;
  /** Per check: 'ok' or what went wrong. */
  const results = new Map<string, string>();
  /** Why nothing could be checked at all. */
  let setupProblem: string | undefined;
  /** The server's log and the run's facts, for failure messages. */
  let transcript = '';
  /** vim's exit code: 0 when every check passed, 1 when one failed; null when it was killed. */
  let exitCode: number | null = null;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'glossary-vim-'));
    const home = path.join(folder, 'home');
    mkdirSync(home);
    if (!existsSync(SERVER_JS)) {
      setupProblem = `${SERVER_JS} is missing: build it with \`node esbuild.mjs\``;
      return;
    }
    const workspace = path.join(folder, 'content');
    cpSync(path.join(ROOT, 'content'), workspace, { recursive: true });
    const resultsFile = path.join(folder, 'results.txt');
    const started = Date.now();
    const vim = ['vim', '-N', '-u', 'NONE', '-i', 'NONE', '-n', '-S', SCRIPT].map(shellWord).join(' ');
    const run = spawnSync('script', ['-qec', vim, '/dev/null'], {
      cwd: folder,
      env: {
        ...isolatedEnv(home),
        GLOSSARY_WORKSPACE: workspace,
        GLOSSARY_SERVER: SERVER_JS,
        GLOSSARY_RESULTS: resultsFile,
        GLOSSARY_TIMEOUT_MS: String(SCRIPT_TIMEOUT_MS),
      },
      // Vim draws its screen into script's terminal: what reaches this pipe is dropped.
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: PROCESS_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
    });
    exitCode = run.status;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n') : [];
    transcript = [
      `exit code ${run.status}, signal ${run.signal}, ${seconds} s`,
      ...lines.filter((line) => line.startsWith('# ')).map((line) => `server: ${line.slice(2)}`),
      `script stderr: ${(run.stderr ?? '').trim()}`,
    ].join('\n');
    if (run.error !== undefined) {
      setupProblem = `vim did not finish: ${run.error.message}\n${transcript}`;
    } else if (lines.length === 0 || lines[0] === '') {
      setupProblem = `vim wrote no results to ${resultsFile}\n${transcript}`;
    } else if (lines[0].startsWith('skip: ')) {
      setupProblem = lines[0];
    }
    for (const line of lines) {
      const match = line.match(/^(ok|not ok) (\S+?)(?:: (.*))?$/);
      if (match) results.set(match[2], match[1] === 'ok' ? 'ok' : (match[3] ?? 'failed'));
    }
  });
  after(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  for (const [name, title, todo] of CHECKS) {
    it(title, { todo }, () => {
      if (setupProblem !== undefined) assert.fail(setupProblem);
      const result = results.get(name);
      assert.equal(result, 'ok', `${name}: ${result ?? 'not reached'}\n${transcript}`);
    });
  }

  it('runs to the end without a script error or timeout, and quits by itself', () => {
    if (setupProblem !== undefined) assert.fail(setupProblem);
    const run = results.get('run');
    assert.equal(run, undefined, `${run}\n${transcript}`);
    const allPassed = CHECKS.every(([name]) => results.get(name) === 'ok');
    assert.equal(exitCode, allPassed ? 0 : 1, transcript);
  });
});
