/**
 * A real Vim client: Debian's Vim 9.0 with ALE 3.3 (`apt-get install vim-ale`), configured as its
 * users do (`ale#linter#Define` with `'lsp': 'stdio'`), against the bundled server (dist/server.js;
 * build first: `node esbuild.mjs`) on a copy of content/. glossary.vim types and runs ALE's commands
 * and writes one line per check; this file asserts each of them. Vim needs a terminal for its job and
 * timer loop: it runs under `script` (util-linux). Skipped, with the reason, where vim, ALE or
 * script is missing; MARKDOWN_GLOSSARY_SKIP_VIM=1 skips it.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import { isolatedEnv, itChecks, newEditorRun, prepareEditorRun, readEditorRun, type EditorCheck } from '../support/editorRun';

const ROOT = path.join(__dirname, '..', '..');
const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const SCRIPT = path.join(__dirname, 'glossary.vim');
/** The Vim script's own watchdog; the process is killed a little later. */
const SCRIPT_TIMEOUT_MS = 45_000;
const PROCESS_TIMEOUT_MS = 60_000;

/** ALE 3.3 itself keeps these from working; they run, and pass once an ALE does better. */
const CHECKS: ReadonlyArray<EditorCheck> = [
  ['starts', 'ALE starts the server from dist/server.js for a note and it answers once content/ is indexed'],
  ['diagnostics', 'typing an undeclared tag into front matter shows an unknown-tag warning naming it, at the tag'],
  ['hover', ':ALEHover on "Outtasking" shows its definition in plain text, as ALE asks'],
  [
    'completion',
    'completion after "[Outt" (omnifunc ale#completion#OmniFunc) offers Outtasking and inserts the relative link',
    'ALE 3.3 ignores the textEdit range and cuts its new text at the first "(" ("Outtasking]"): it cannot insert a link, and offers none',
  ],
  ['codeaction', ':ALECodeAction "Declare in tags.yml" on the warning edits tags.yml exactly as the server means'],
  ['tagcompletion', 'completion of a tag in front matter ("Proz") offers Prozesse and inserts it'],
  ['rename', ':ALERename on a mention renames the title, heading and links as the server means'],
  ['renameid', ':ALERename of an id that names its file: ALE is told it cannot, and nothing changes (no E716)'],
  ['create', 'the fix "Create … from the template" of a broken link opens the new file\'s buffer with the template, and saving creates the file'],
  [
    'umlauts',
    'on lines with umlauts and an emoji, with positionEncoding "utf-8" as the README configures ALE (it counts columns in bytes): the warning marks the tag, and the rename changes nothing but the names',
  ],
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

/** A word for `sh -c`, quoted. */
const shellWord = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

describe('Vim with ALE, a real non-VS Code client (vim 9.0, ALE 3.3, under script for a terminal)', { skip }, () => {
  let folder: string | undefined;
  const run = newEditorRun();

  before(() => {
    const place = prepareEditorRun(run, 'glossary-vim-', ROOT, SERVER_JS);
    const { home, workspace, resultsFile } = place;
    folder = place.folder;
    if (run.setupProblem !== undefined) return;
    const started = Date.now();
    const vim = ['vim', '-N', '-u', 'NONE', '-i', 'NONE', '-n', '-S', SCRIPT].map(shellWord).join(' ');
    const finished = spawnSync('script', ['-qec', vim, '/dev/null'], {
      cwd: folder,
      // Vim's viminfo, swap files and ALE's state stay out of the real home.
      env: {
        ...isolatedEnv(home, { VIMINIT: '', TERM: 'xterm' }),
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
    readEditorRun(run, 'vim', resultsFile, { ...finished, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  });
  after(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  itChecks(CHECKS, run);
});
