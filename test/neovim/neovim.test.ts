/**
 * A real non-VS Code client: Debian's Neovim (0.7.x, `nvim --headless`, its built-in vim.lsp client)
 * against the bundled server (dist/server.js; build first: `node esbuild.mjs`), on a copy of content/.
 * glossary.lua does the editing and writes one line per check; this file asserts each of them.
 * Needs `nvim` (`apt-get install neovim`); MARKDOWN_GLOSSARY_SKIP_NEOVIM=1 skips it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

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
] as const;

/** An environment whose home is `home`, so that Neovim's log, lsp.log, shada and swap stay out of the real one. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    NVIM_LOG_FILE: path.join(home, 'nvim.log'),
  };
}

function neovimVersion(env: NodeJS.ProcessEnv): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { env, encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? probe.stdout.split('\n')[0].trim() : undefined;
}

describe('Neovim, a real non-VS Code client (nvim --headless, built-in vim.lsp)', { skip }, () => {
  let folder: string | undefined;
  /** Per check: 'ok' or what went wrong. */
  const results = new Map<string, string>();
  /** Why nothing could be checked at all. */
  let setupProblem: string | undefined;
  /** The server's log and nvim's stderr, for failure messages. */
  let transcript = '';
  /** nvim's exit code: 0 when every check passed, 1 when one failed; null when it was killed. */
  let exitCode: number | null = null;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-'));
    const home = path.join(folder, 'home');
    mkdirSync(home);
    const env = isolatedEnv(home);
    const version = neovimVersion(env);
    if (version === undefined) {
      setupProblem =
        'nvim is not installed: run `apt-get install -y neovim` (Debian 12 gives 0.7.2), ' +
        'or set MARKDOWN_GLOSSARY_SKIP_NEOVIM=1 to skip the Neovim test';
      return;
    }
    if (!existsSync(SERVER_JS)) {
      setupProblem = `${SERVER_JS} is missing: build it with \`node esbuild.mjs\``;
      return;
    }
    const workspace = path.join(folder, 'content');
    cpSync(path.join(ROOT, 'content'), workspace, { recursive: true });
    const resultsFile = path.join(folder, 'results.txt');
    const started = Date.now();
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT.replace(/[ \\%#|"]/g, '\\$&')}`], {
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
    exitCode = run.status;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n') : [];
    transcript = [
      `${version}, exit code ${run.status}, signal ${run.signal}, ${seconds} s`,
      ...lines.filter((line) => line.startsWith('# ')).map((line) => `server: ${line.slice(2)}`),
      `nvim stderr: ${(run.stderr ?? '').trim()}`,
    ].join('\n');
    if (run.error !== undefined) {
      setupProblem = `nvim did not finish: ${run.error.message}\n${transcript}`;
    } else if (lines.length === 0) {
      setupProblem = `nvim wrote no results to ${resultsFile}\n${transcript}`;
    }
    for (const line of lines) {
      const match = line.match(/^(ok|not ok) (\S+)(?:: (.*))?$/);
      if (match) results.set(match[2], match[1] === 'ok' ? 'ok' : (match[3] ?? 'failed'));
    }
  });
  after(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  for (const [name, title] of CHECKS) {
    it(title, () => {
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
