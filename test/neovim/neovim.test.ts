/**
 * A real non-VS Code client: Debian's Neovim (0.7.x, `nvim --headless`, its built-in vim.lsp client)
 * against the bundled server (dist/server.js; build first: `node esbuild.mjs`), on a copy of content/.
 * glossary.lua does the editing and writes one line per check; this file asserts each of them.
 * Needs `nvim` (`apt-get install neovim`); MARKDOWN_GLOSSARY_SKIP_NEOVIM=1 skips it.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import { isolatedEnv, itChecks, newEditorRun, prepareEditorRun, readEditorRun, type EditorCheck } from '../support/editorRun';

const ROOT = path.join(__dirname, '..', '..');
const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const SCRIPT = path.join(__dirname, 'glossary.lua');
/** The Lua script's own watchdog; the process is killed a little later. */
const SCRIPT_TIMEOUT_MS = 45_000;
const PROCESS_TIMEOUT_MS = 60_000;

const skip = process.env.MARKDOWN_GLOSSARY_SKIP_NEOVIM === '1' ? 'MARKDOWN_GLOSSARY_SKIP_NEOVIM=1 is set' : false;
const CHECKS = [
  ['starts', 'starts the server from dist/server.js and answers once content/ is indexed'],
  ['hover', 'hover on "Outtasking" in a note shows its definition, at the word (UTF-16 positions)'],
  ['completion', 'completion after "[Outt" offers Outtasking and accepting it inserts the relative link'],
  ['diagnostics', 'typing an undeclared tag into front matter shows an unknown-tag warning naming it'],
] as const satisfies ReadonlyArray<EditorCheck>;

function neovimVersion(env: NodeJS.ProcessEnv): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { env, encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? probe.stdout.split('\n')[0].trim() : undefined;
}

describe('Neovim, a real non-VS Code client (nvim --headless, built-in vim.lsp)', { skip }, () => {
  let folder: string | undefined;
  const run = newEditorRun();

  before(() => {
    const place = prepareEditorRun(run, 'glossary-nvim-', ROOT, SERVER_JS);
    const { home, workspace, resultsFile } = place;
    folder = place.folder;
    const env = isolatedEnv(home, { NVIM_LOG_FILE: path.join(home, 'nvim.log') });
    const version = neovimVersion(env);
    if (version === undefined) {
      run.setupProblem =
        'nvim is not installed: run `apt-get install -y neovim` (Debian 12 gives 0.7.2), ' +
        'or set MARKDOWN_GLOSSARY_SKIP_NEOVIM=1 to skip the Neovim test';
    }
    if (run.setupProblem !== undefined) return;
    const started = Date.now();
    const finished = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT.replace(/[ \\%#|"]/g, '\\$&')}`], {
      cwd: folder,
      env: {
        ...env,
        GLOSSARY_WORKSPACE: workspace,
        GLOSSARY_SERVER: SERVER_JS,
        GLOSSARY_RESULTS: resultsFile,
        GLOSSARY_TIMEOUT_MS: String(SCRIPT_TIMEOUT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: PROCESS_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
    });
    readEditorRun(run, 'nvim', resultsFile, { ...finished, seconds: ((Date.now() - started) / 1000).toFixed(1), version });
  });
  after(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  itChecks(CHECKS, run);
});
