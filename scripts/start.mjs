#!/usr/bin/env node
// `npm start`: opens the demo glossary (content/) in VS Code with the extension loaded from source.
//
//   node scripts/start.mjs              desktop `code` if it is on PATH, else code-server in the browser
//   node scripts/start.mjs --web        always code-server (VS Code 1.100.3 in the browser)
//   node scripts/start.mjs --port 9000  code-server's port (default 8080, or a free one if 8080 is taken)
//   node scripts/start.mjs --no-open    print the URL only; do not open a browser
//
// The extension is built first (`node esbuild.mjs`). With a desktop VS Code this runs
// `code --extensionDevelopmentPath=<repo> <repo>/content` and returns. Otherwise it starts the
// code-server of the end-to-end tests (.test-cache/code-server-4.100.3, installed on first use, see
// test/e2e/README.md) on 127.0.0.1 without a password, with its own user data under
// .test-cache/start/, prints the URL to open and runs until Ctrl+C, which stops code-server's whole
// process group. The URL carries the extensionDevelopmentPath, so the window is an "Extension
// Development Host" on the real content/ folder: edits there are edits to the demo glossary. After a
// change to the extension, `npm run build` and "Developer: Reload Window" in the browser.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CACHE,
  CODE_SERVER_DIR,
  ROOT,
  VERSIONS,
  buildExtension,
  cleanup,
  ensureAptPackages,
  ensureCodeServer,
  printHelpAndExit,
  runMain,
  startCodeServer,
  tail,
  which,
  workbenchUrl,
  writeWorkbenchSettings,
} from './e2e/lib.mjs';

const CONTENT = path.join(ROOT, 'content');
const DEFAULT_PORT = 8080;

function say(message) {
  process.stdout.write(`[start] ${message}\n`);
}

function parseArgs(argv) {
  const options = { port: undefined, open: true, web: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) usage(`--port needs a port number, not "${value ?? ''}"`);
      options.port = port;
    } else if (arg === '--no-open') options.open = false;
    else if (arg === '--web') options.web = true;
    else if (arg === '--help' || arg === '-h') printHelpAndExit(import.meta.url);
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/start.mjs [--port N] [--no-open] [--web]\n`);
  process.exit(2);
}

/** A desktop VS Code CLI; not the `code` that code-server and VS Code's remote terminals put on PATH. */
function desktopCode() {
  const found = which('code');
  if (!found) return undefined;
  let real = found;
  try {
    real = fs.realpathSync(found);
  } catch {}
  if (/[\\/](remote-cli|code-server)[\\/]/.test(real) || /code-server/.test(path.basename(real))) return undefined;
  return found;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function choosePort(wanted) {
  if (wanted !== undefined) {
    if (!(await portIsFree(wanted))) throw new Error(`port ${wanted} on 127.0.0.1 is in use: choose another with --port N`);
    return wanted;
  }
  if (await portIsFree(DEFAULT_PORT)) return DEFAULT_PORT;
  say(`port ${DEFAULT_PORT} is in use: taking a free one`);
  return undefined; // startCodeServer picks a free port
}

/** code-server's folders for `npm start`, kept between runs (window layout, open editors). */
function startFolders() {
  const runDir = path.join(CACHE, 'start');
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Keep what the user changed in an earlier session.
  writeWorkbenchSettings(userDataDir, { keepExisting: true });
  return { runDir, userDataDir, extensionsDir, home: path.join(runDir, 'xdg') };
}

/** Opens `url` in the desktop's browser, if there is a desktop; never fails. */
function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? undefined : which('xdg-open');
  const desktop = process.platform === 'darwin' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!opener || !desktop) {
    say('no desktop browser to open here: open the URL yourself');
    return;
  }
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {}
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  buildExtension();

  const code = options.web ? undefined : desktopCode();
  if (code) {
    const args = [`--extensionDevelopmentPath=${ROOT}`, CONTENT];
    say(`${code} ${args.join(' ')}`);
    const result = spawnSync(code, args, { stdio: 'inherit' });
    if (result.error) throw result.error;
    return result.status ?? 1;
  }

  const installed = fs.existsSync(path.join(CODE_SERVER_DIR, '.e2e-installed.json'));
  if (!installed) {
    say(`no desktop \`code\` on PATH: installing code-server ${VERSIONS['code-server']} into ${path.relative(ROOT, CODE_SERVER_DIR)} once,`);
    say('from npm (about 100 MB), then compiling its native modules: one to three minutes, printing nothing meanwhile;');
    say(`follow it with: tail -f ${path.relative(ROOT, path.join(CACHE, 'logs', 'install-code-server.log'))}`);
    ensureAptPackages({ needCodeServerBuild: true });
  }
  ensureCodeServer();

  const folders = startFolders();
  const port = await choosePort(options.port);
  const server = await startCodeServer({ ...folders, port });
  const url = workbenchUrl({ port: server.port, folder: CONTENT });

  process.stdout.write(`\n  Markdown Glossary on content/ in code-server ${VERSIONS['code-server']}, the extension from source:\n\n  ${url}\n\n`);
  // code-server listens on this machine only (it has no password); another machine reaches it through SSH.
  process.stdout.write(`  From another machine: ssh -L ${server.port}:127.0.0.1:${server.port} ${os.userInfo().username}@${os.hostname()}\n  there, then open the URL above in its browser.\n\n`);
  say(`log: ${path.relative(ROOT, server.logFile)}; Ctrl+C stops code-server`);
  if (options.open) openBrowser(url);

  // Until Ctrl+C (lib.mjs's handler stops code-server's process group and exits), or until
  // code-server ends by itself.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => (stopping = true));
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      if (stopping) return;
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 1_000);
  });
  say(`code-server ended by itself; last lines of ${server.logFile}:\n${tail(server.logFile, 15)}`);
  await cleanup();
  return 1;
}

runMain(main, { label: 'start' });
