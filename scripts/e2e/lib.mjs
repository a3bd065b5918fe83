// Shared machinery of the end-to-end scripts: installing the pinned tools into the cache folder,
// building, bundling the suite, starting code-server and opening its workbench in Chromium.
//
// Nothing here is a dependency of the extension: code-server, playwright-core and mocha go into
// .test-cache/ (git-ignored), unless the project's own node_modules already has mocha and
// playwright-core, which are then used instead.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.resolve(process.env.E2E_CACHE_DIR || path.join(ROOT, '.test-cache'));
export const E2E_DIR = path.join(CACHE, 'e2e');
export const SUITE_OUT = path.join(E2E_DIR, 'suite');
export const RESULTS_DIR = path.join(E2E_DIR, 'results');
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** Exact versions; code-server 4.100.3 is VS Code 1.100.3, the newest that runs on Node 20. */
export const VERSIONS = {
  'code-server': '4.100.3',
  'playwright-core': '1.65.1',
  mocha: '11.8.0',
};
/** Debian packages: rg stands in for @vscode/ripgrep's download, krb5 headers build `kerberos`. */
export const APT_PACKAGES = ['ripgrep', 'libkrb5-dev', 'chromium'];
/**
 * npm 11 reviews dependencies' install scripts ("npm warn install-scripts"). code-server's own
 * postinstall (which runs `npm install` in lib/vscode and lib/vscode/extensions) and argon2's build
 * are allowed in the cache's package.json; the nested installs have no policy of their own, so we
 * keep npm from turning the review into a hard error there (strict-allow-scripts=false) and check
 * afterwards that node-pty, spdlog, ripgrep, ... were really built. (An allow-scripts setting in
 * .npmrc or the environment cannot be used: npm passes it on to the nested installs as
 * npm_config_allow_scripts, which npm refuses in project-scoped installs.)
 */
const CODE_SERVER_ALLOW_SCRIPTS = { 'code-server': true, argon2: true };
const RIPGREP = { pkg: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${VERSIONS['code-server']}`);
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TOOLS_DIR = path.join(CACHE, 'e2e-tools');

export function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

export function elapsed(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

/** Runs a command with its output in a log file; on failure, the log's tail is printed. */
export function runLogged(command, args, logFile, options = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'w');
  try {
    const result = spawnSync(command, args, { stdio: ['ignore', fd, fd], ...options });
    if (result.error) throw result.error;
    if (result.status !== 0) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}; log: ${logFile}\n${tail}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function which(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

// ---------------------------------------------------------------------------------------------
// Installing

/** Debian's rg, chromium and krb5 headers; installed with apt-get when missing and we are root. */
export function ensureAptPackages({ needCodeServerBuild }) {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (needCodeServerBuild) {
    if (!which('rg')) missing.push('ripgrep');
    if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  }
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.env.E2E_NO_APT || process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(`missing Debian packages ${missing.join(', ')}: run (as root) ${command}`);
  }
  const start = Date.now();
  log(`installing Debian packages ${APT_PACKAGES.join(' ')} (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  runLogged('apt-get', ['update'], path.join(CACHE, 'logs', 'apt-update.log'), { env });
  runLogged('apt-get', ['install', '-y', ...APT_PACKAGES], path.join(CACHE, 'logs', 'apt-install.log'), { env });
  log(`Debian packages installed in ${elapsed(start)}`);
}

/** Where npm looks things up may come from the environment; where it installs must not. */
const NPM_ENV_KEPT = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|nodedir|python|loglevel|fetch_.*)$/i;

export function npmEnv(extra = {}) {
  const env = { ...process.env };
  // An outer `npm run` exports npm_config_prefix, npm_config_local_prefix, npm_package_*, ...,
  // which would make the nested installs write into the project instead of the cache.
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) && !NPM_ENV_KEPT.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** A JSON file's value, or undefined when it is missing or broken (a marker of an install cut short). */
export function readMarker(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The code-server command line: node plus its entry script (no shell wrapper). */
export function codeServerCommand() {
  return [process.execPath, CODE_SERVER_ENTRY];
}

function codeServerVersion(env) {
  const [node, entry] = codeServerCommand();
  const result = spawnSync(node, [entry, '--version'], { encoding: 'utf8', env, timeout: 60_000 });
  return (result.stdout || '').trim().split('\n').pop() ?? '';
}

/** code-server from npm into .test-cache/code-server-VERSION, once; later calls check and return. */
export function ensureCodeServer() {
  const version = VERSIONS['code-server'];
  const marker = path.join(CODE_SERVER_DIR, '.e2e-installed.json');
  const isolated = isolatedEnv(path.join(CACHE, 'code-server-home'));
  if (readMarker(marker)?.version === version && fs.existsSync(CODE_SERVER_ENTRY)) return;

  const start = Date.now();
  log(`installing code-server ${version} into ${path.relative(ROOT, CODE_SERVER_DIR)} (native modules are compiled: a few minutes)`);
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(CODE_SERVER_DIR, 'package.json'),
    `${JSON.stringify({ name: 'e2e-code-server', private: true, allowScripts: CODE_SERVER_ALLOW_SCRIPTS }, null, 2)}\n`,
  );

  // @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this file in its cache
  // ($TMPDIR/vscode-ripgrep-cache-VERSION/ASSET), which it then untars into its bin/ folder.
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP.pkg}`);
  fs.mkdirSync(rgCache, { recursive: true });
  const rg = which('rg');
  if (!rg) throw new Error('rg not found: apt-get install -y ripgrep');
  run('tar', ['-czf', path.join(rgCache, RIPGREP.asset), '-C', path.dirname(fs.realpathSync(rg)), path.basename(fs.realpathSync(rg))]);
  if (path.basename(fs.realpathSync(rg)) !== 'rg') throw new Error(`${rg} is not named rg`);

  const env = npmEnv({
    TMPDIR: tmp,
    npm_config_strict_allow_scripts: 'false',
    npm_config_yes: 'true', // node-pty's build may ask npx to install node-gyp
    npm_config_unsafe_perm: 'true', // code-server's postinstall.sh insists on it when run as root
    ...(fs.existsSync('/usr/include/node/common.gypi') ? { npm_config_nodedir: '/usr' } : {}), // no header download
  });
  runLogged(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--save-exact', `code-server@${version}`],
    path.join(CACHE, 'logs', 'install-code-server.log'),
    { cwd: CODE_SERVER_DIR, env },
  );

  // npm may skip install scripts it was not told to allow: check their results, not the exit code.
  const vscodeModules = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const expected = [
    path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscodeModules, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(vscodeModules, 'native-watchdog', 'build', 'Release', 'watchdog.node'),
    path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules.asar'),
  ];
  const absent = expected.filter((file) => !fs.existsSync(file));
  if (absent.length > 0) {
    throw new Error(`code-server's install scripts did not run completely (see ${path.join(CACHE, 'logs', 'install-code-server.log')}); missing:\n  ${absent.join('\n  ')}`);
  }
  const printed = codeServerVersion(isolated);
  if (!printed.startsWith(`${version} `)) throw new Error(`code-server --version printed "${printed}", expected ${version}`);
  fs.writeFileSync(marker, `${JSON.stringify({ version, printed, seconds: Math.round((Date.now() - start) / 1000) }, null, 2)}\n`);
  log(`code-server installed in ${elapsed(start)}: ${printed}`);
}

/** Where mocha and playwright-core come from: the project's node_modules, else the cache. */
export function ensureTools({ playwright = true } = {}) {
  const wanted = playwright ? ['mocha', 'playwright-core'] : ['mocha'];
  const fromProject = resolvePackages(ROOT, wanted);
  if (fromProject) return fromProject;

  const specs = wanted.map((name) => `${name}@${VERSIONS[name]}`);
  const marker = path.join(TOOLS_DIR, '.e2e-installed.json');
  const installed = readMarker(marker)?.specs ?? [];
  const cached = resolvePackages(TOOLS_DIR, wanted);
  if (cached && specs.every((spec) => installed.includes(spec))) return cached;

  const start = Date.now();
  const all = Object.keys(VERSIONS).filter((name) => name !== 'code-server').map((name) => `${name}@${VERSIONS[name]}`);
  log(`installing ${all.join(', ')} into ${path.relative(ROOT, TOOLS_DIR)}`);
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  fs.writeFileSync(path.join(TOOLS_DIR, 'package.json'), `${JSON.stringify({ name: 'e2e-tools', private: true }, null, 2)}\n`);
  runLogged('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...all], path.join(CACHE, 'logs', 'install-tools.log'), {
    cwd: TOOLS_DIR,
    env: npmEnv(),
  });
  fs.writeFileSync(marker, `${JSON.stringify({ specs: all }, null, 2)}\n`);
  log(`tools installed in ${elapsed(start)}`);
  const resolved = resolvePackages(TOOLS_DIR, wanted);
  if (!resolved) throw new Error(`${wanted.join(', ')} not resolvable from ${TOOLS_DIR} after installing`);
  return resolved;
}

/** { mocha: '/abs/node_modules/mocha', 'playwright-core': ... } if all resolve from `dir`. */
function resolvePackages(dir, names) {
  const require = createRequire(path.join(dir, 'package.json'));
  const found = {};
  for (const name of names) {
    try {
      found[name] = path.dirname(require.resolve(`${name}/package.json`));
    } catch {
      return undefined;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Building

export function buildExtension() {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', 'esbuild'))) throw new Error('node_modules/esbuild is missing: run `npm ci` first');
  const start = Date.now();
  run(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} was not built`);
  }
  log(`built the extension in ${elapsed(start)}`);
}

/** test/e2e/suite/index.ts and *.test.ts, one CommonJS bundle each, into .test-cache/e2e/suite. */
export async function bundleSuite({ mochaDir, grep = '' }) {
  const start = Date.now();
  const require = createRequire(path.join(ROOT, 'package.json'));
  const esbuild = require('esbuild');
  const sourceDir = path.join(ROOT, 'test', 'e2e', 'suite');
  const entryPoints = fs
    .readdirSync(sourceDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(sourceDir, name));
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    define: {
      E2E_MOCHA_PATH: JSON.stringify(mochaDir),
      E2E_OUTPUT_DIR: JSON.stringify(RESULTS_DIR),
      E2E_GREP: JSON.stringify(grep),
    },
  });
  log(`bundled ${entryPoints.length} suite files in ${elapsed(start)}`);
  return path.join(SUITE_OUT, 'index.js');
}

export function readResults() {
  const results = readMarker(path.join(RESULTS_DIR, 'results.json'));
  let output = '';
  try {
    output = fs.readFileSync(path.join(RESULTS_DIR, 'output.txt'), 'utf8');
  } catch {}
  return { results, output };
}

export function clearResults() {
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Running

/**
 * XDG_* folders under `home`, so nothing is written to the user's folders. VS Code and Chromium
 * put sockets in XDG_RUNTIME_DIR and TMPDIR, and a socket's path holds at most 107 bytes: those
 * two are a short folder of the system's temporary folder, wherever the checkout is.
 */
export function isolatedEnv(home) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key)) delete env[key];
  }
  const dirs = {
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
  };
  const sockets = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-'));
  registerCleanup(() => fs.rmSync(sockets, { recursive: true, force: true }));
  Object.assign(dirs, { XDG_RUNTIME_DIR: path.join(sockets, 'run'), TMPDIR: path.join(sockets, 'tmp') });
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { ...env, ...dirs };
}

/** VS Code user settings for test and demo runs: no welcome page, tips, telemetry or updates. */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

/** Writes the workbench settings into a user-data folder, unless it has some already. */
export function writeWorkbenchSettings(userDataDir, { keepExisting = false } = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (keepExisting && fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(WORKBENCH_SETTINGS, null, 2)}\n`);
}

/** Prints the comment block at the top of a script as its help, and exits. */
export function printHelpAndExit(scriptUrl) {
  const lines = fs.readFileSync(new URL(scriptUrl), 'utf8').split('\n').slice(1);
  const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
  process.stdout.write(`${header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n')}\n`);
  process.exit(0);
}

/** A fresh folder for one run, with a copy of content/ as the workspace. */
export function prepareRun(name) {
  removeStaleRuns();
  const runDir = path.join(E2E_DIR, 'runs', `${name}-${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  const workspace = path.join(runDir, 'content');
  fs.cpSync(path.join(ROOT, 'content'), workspace, { recursive: true });
  const userDataDir = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeWorkbenchSettings(userDataDir);
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  return { runDir, workspace, userDataDir, extensionsDir, home: path.join(runDir, 'xdg') };
}

/** Run folders are kept after a failure; those of processes that are gone go at the next run. */
function removeStaleRuns() {
  const runs = path.join(E2E_DIR, 'runs');
  if (!fs.existsSync(runs)) return;
  for (const name of fs.readdirSync(runs)) {
    const pid = Number(name.split('-').pop());
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // still running
    } catch {}
    fs.rmSync(path.join(runs, name), { recursive: true, force: true });
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port (a free one unless `port` is given) in its own process
 * group (`stop()` ends the whole group) and waits until it answers /healthz. Its output goes to
 * run/code-server.log.
 */
export async function startCodeServer({ runDir, userDataDir, extensionsDir, home, port: wantedPort }) {
  const port = wantedPort || (await freePort());
  const env = isolatedEnv(home);
  const logFile = path.join(runDir, 'code-server.log');
  const fd = fs.openSync(logFile, 'w');
  const [node, entry] = codeServerCommand();
  const configFile = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    entry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--log', process.env.E2E_VERBOSE ? 'debug' : 'info',
  ];
  // No gallery: the workbench would otherwise query open-vsx.org for extension metadata.
  const child = spawn(node, args, { env: { ...env, EXTENSIONS_GALLERY: '{}' }, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const stop = async () => {
    if (child.pid === undefined) return;
    const group = -child.pid;
    const alive = () => {
      try {
        process.kill(group, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (!alive()) return;
    try {
      process.kill(group, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    if (alive()) {
      try {
        process.kill(group, 'SIGKILL');
      } catch {}
    }
  };
  registerCleanup(stop);

  const start = Date.now();
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was ready; log: ${logFile}\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {}
    if (Date.now() - start > 60_000) throw new Error(`code-server did not answer on ${url} within 60 s; log: ${logFile}\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`code-server ${VERSIONS['code-server']} listening on ${url} (pid ${child.pid}, ready in ${elapsed(start)})`);
  return { port, url, stop, logFile, pid: child.pid };
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** The workbench URL that opens `folder` and loads the extension (and tests) from source. */
export function workbenchUrl({ port, folder, extensionTestsPath }) {
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file.split(path.sep).join('/')}`;
  const payload = [['extensionDevelopmentPath', remote(ROOT)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Debian Chromium through playwright-core, with a fresh profile; XDG folders under `home`. */
export async function launchChromium(playwrightDir, home) {
  const require = createRequire(path.join(playwrightDir, 'package.json'));
  const { chromium } = require(playwrightDir);
  // Our signal handlers close the browser and stop code-server; Playwright's own would exit first.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: isolatedEnv(home), // Chromium keeps crash reports under XDG_CONFIG_HOME even then
  });
  registerCleanup(() => browser.close().catch(() => {}));
  return browser;
}

/**
 * A page whose requests stay on this machine: anything but 127.0.0.1 (and data:/blob: URLs) is
 * aborted and noted in run/browser-console.log together with the page's console messages.
 */
export async function newPage(browser, runDir, { viewport = { width: 1280, height: 800 }, verbose = Boolean(process.env.E2E_VERBOSE) } = {}) {
  const context = await browser.newContext({ viewport });
  const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
  registerCleanup(() => new Promise((resolve) => consoleLog.end(resolve)));
  const note = (line) => {
    if (!consoleLog.writableEnded) consoleLog.write(`${line}\n`);
    if (verbose) log(`browser ${line}`);
  };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    note(`[blocked] ${url.href}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => note(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => note(`[pageerror] ${error.stack ?? error}`));
  return page;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every started process is stopped on the way out, also on Ctrl+C and errors.

const cleanups = [];
let cleaning;

export function registerCleanup(fn) {
  cleanups.push(fn);
}

export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      let timer;
      try {
        await Promise.race([fn(), new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      } catch {
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * Runs a script's main function: its result is the exit code. A crash cleans up and is reported
 * under `label`, and a test script (`printsSummary`) still prints the summary line
 * scripts/test.mjs totals.
 */
export function runMain(main, { printsSummary = false, label = 'e2e' } = {}) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    async (error) => {
      await cleanup();
      process.stderr.write(`[${label}] ${error.stack ?? error}\n`);
      if (printsSummary) process.stdout.write('0 passed, 1 failed\n');
      process.exitCode = 1;
    },
  );
}

/** Quick Open (Ctrl+P), the file name, Enter; retried, as the first Ctrl+P may come too early. */
export async function quickOpen(page, fileName) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(fileName);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
      await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw new Error(`could not open ${fileName} through Quick Open: ${error.message.split('\n')[0]}`);
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } }).catch(() => {});
    }
  }
}

/** Everything a run in code-server needs: Debian packages, code-server itself, the Node tools. */
export function ensureCodeServerRun() {
  ensureAptPackages({ needCodeServerBuild: !fs.existsSync(path.join(CODE_SERVER_DIR, '.e2e-installed.json')) });
  ensureCodeServer();
  return ensureTools();
}
