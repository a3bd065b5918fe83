/**
 * A real non-VS Code client: Debian's Emacs (28.2, `emacs -nw` on a pseudo-terminal made by `script`)
 * with Eglot (elpa-eglot 1.9) and markdown-mode, against the bundled server (dist/server.js; build
 * first: `node esbuild.mjs`), on a copy of content/ made a Git repository (Eglot's project, and so the
 * server's workspace folder, is the repository). glossary.el does the editing and writes one line per
 * check; this file asserts each of them.
 * Needs `apt-get install emacs-nox elpa-eglot elpa-markdown-mode` (and `script`, from bsdutils, and git);
 * skipped, with the reason, where they are missing, or when MARKDOWN_GLOSSARY_SKIP_EMACS=1 is set.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import { isolatedEnv as homeEnv, itChecks, newEditorRun, prepareEditorRun, readEditorRun, type EditorCheck } from '../support/editorRun';

const ROOT = path.join(__dirname, '..', '..');
const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const SCRIPT = path.join(__dirname, 'glossary.el');
/** The script's own watchdog; the process is killed a little later. */
const SCRIPT_TIMEOUT_MS = 60_000;
const PROCESS_TIMEOUT_MS = 75_000;

const CHECKS = [
  ['starts', 'M-x eglot in a note connects to dist/server.js, in the Git repository, and the server reports content/ indexed'],
  ['watches', 'Eglot takes the server\'s file watchers (client/registerCapability answered OK)'],
  ['hover', 'M-x eldoc on "Outtasking" in a note (after an emoji: UTF-16 positions) shows its definition, markup hidden'],
  ['definition', 'M-. on the mention goes to the term\'s heading in glossar/Outtasking.md'],
  ['completion', 'C-M-i after "[" lists Outtasking, and choosing it in *Completions* writes the relative link'],
  ['completion-typed', 'C-M-i after "[Out", completing by prefix (basic style), lists Outtasking, and choosing it writes the relative link'],
  ['diagnostics', 'typing an undeclared tag into front matter shows a Flymake warning naming it, on the tag'],
  ['declare', 'the quick fix "Declare ... in tags.yml" edits tags.yml, and once it is saved the warning goes away'],
  ['quickfix', 'the quick fix "Change to ..." on a misspelt tag leaves the buffer exactly as before the typo'],
  ['create', 'the quick fix "Create ... from the template" on a link to a missing term opens the new file with the template (no Dired buffer), and once saved the link works'],
  ['rename', 'M-x eglot-rename on a link\'s text renames the title, the heading and the link texts'],
  ['rename-id', 'renaming a doc id that names its file is refused, naming the move (Eglot 1.9 cannot rename files), and changes nothing'],
  ['clean', 'no error in *EGLOT events* (a message Eglot refused) and nothing on the server\'s stderr'],
] as const satisfies ReadonlyArray<EditorCheck>;

/** An environment whose home is `home` (Emacs's ~/.emacs.d, eln cache and auto-saves stay out of the real one), and Git's configuration none. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  // Git (for `git init` and Emacs's project.el) reads no user or system configuration.
  return homeEnv(home, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig') });
}

/** Emacs's version line, or why Emacs with Eglot and markdown-mode cannot run. */
function emacsWithEglot(env: NodeJS.ProcessEnv): { version: string } | { problem: string } {
  const probe = spawnSync(
    'emacs',
    ['--batch', '--eval', '(progn (require (quote package)) (package-initialize) (require (quote eglot)) (require (quote markdown-mode)) (princ emacs-version))'],
    { env, encoding: 'utf8', timeout: 30_000 },
  );
  if (probe.error !== undefined) {
    return { problem: 'emacs is not installed (`apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode`)' };
  }
  if (probe.status !== 0) {
    return { problem: `Emacs cannot load eglot and markdown-mode (${probe.stderr.trim().split('\n').pop()}): \`apt-get install -y elpa-eglot elpa-markdown-mode\`` };
  }
  return { version: `GNU Emacs ${probe.stdout.trim()}` };
}

/** Why the test cannot run here, or false. */
function skipReason(): string | false {
  if (process.env.MARKDOWN_GLOSSARY_SKIP_EMACS === '1') return 'MARKDOWN_GLOSSARY_SKIP_EMACS=1 is set';
  // The probes run Emacs in a home of their own, like the test.
  const home = mkdtempSync(path.join(os.tmpdir(), 'glossary-emacs-probe-'));
  try {
    const env = isolatedEnv(home);
    const emacs = emacsWithEglot(env);
    if ('problem' in emacs) return emacs.problem;
    if (spawnSync('script', ['--version'], { env, timeout: 10_000 }).status !== 0) return 'script is not installed (`apt-get install -y bsdutils`)';
    if (spawnSync('git', ['--version'], { env, timeout: 10_000 }).status !== 0) return 'git is not installed (`apt-get install -y git`)';
    emacsVersion = emacs.version;
    return false;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

let emacsVersion = '';
const skip = skipReason();

describe('Emacs with Eglot, a real non-VS Code client (emacs -nw, eglot 1.9)', { skip }, () => {
  let folder: string | undefined;
  const run = newEditorRun();

  before(async () => {
    const place = prepareEditorRun(run, 'glossary-emacs-', ROOT, SERVER_JS);
    const { home, workspace, resultsFile } = place;
    folder = place.folder;
    if (run.setupProblem !== undefined) return;
    const env = isolatedEnv(home);
    const git = spawnSync('git', ['init', '-q', workspace], { env, encoding: 'utf8', timeout: 10_000 });
    if (git.status !== 0) {
      run.setupProblem = `git init failed (${git.error?.message ?? git.stderr.trim()}): Eglot's project is the Git repository`;
      return;
    }
    const started = Date.now();
    // A terminal Emacs, as a user's: batch Emacs reads no file notifications (they come as input
    // events). Its input is a pipe left open, so that nothing is typed into it (spawnSync would close it).
    const shellQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const finished = await new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string; error?: Error }>((resolve) => {
      const child = spawn('script', ['-qec', `stty rows 40 cols 160 && exec emacs -nw -l ${shellQuoted(SCRIPT)}`, '/dev/null'], {
        cwd: folder,
        env: {
          ...env,
          TERM: 'xterm',
          GLOSSARY_WORKSPACE: workspace,
          GLOSSARY_SERVER: SERVER_JS,
          GLOSSARY_RESULTS: resultsFile,
          GLOSSARY_TIMEOUT_MS: String(SCRIPT_TIMEOUT_MS),
        },
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      let error: Error | undefined;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (problem) => (error = problem));
      const timer = setTimeout(() => {
        error = new Error(`killed after ${PROCESS_TIMEOUT_MS} ms`);
        child.kill('SIGKILL');
      }, PROCESS_TIMEOUT_MS);
      child.on('close', (status, signal) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ status, signal, stderr, ...(error === undefined ? {} : { error }) });
      });
    });
    readEditorRun(run, 'emacs', resultsFile, { ...finished, seconds: ((Date.now() - started) / 1000).toFixed(1), version: emacsVersion });
  });
  after(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  itChecks(CHECKS, run);
});
