// The same end-to-end suite in desktop VS Code (Electron), through @vscode/test-electron.
//
//   npx tsx test/e2e/runDesktop.ts                         # needs a display: xvfb-run -a npx tsx ...
//   VSCODE_VERSION=1.100.3 npx tsx test/e2e/runDesktop.ts  # default: the latest stable release
//
// It downloads VS Code into .test-cache/vscode-desktop (which needs the VS Code update servers, so
// it cannot run where only package registries are reachable; scripts/e2e/run.mjs runs the suite in
// code-server instead). `run.mjs --prepare` builds the extension and bundles the suite.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');
const cache = path.resolve(process.env.E2E_CACHE_DIR || path.join(root, '.test-cache'));

interface Results {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

function readResults(): { results?: Results; output: string } {
  const dir = path.join(cache, 'e2e', 'results');
  const read = (name: string): string | undefined => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : undefined);
  const json = read('results.json');
  return { results: json === undefined ? undefined : (JSON.parse(json) as Results), output: read('output.txt') ?? '' };
}

async function main(): Promise<number> {
  const grep = process.argv.slice(2);
  execFileSync(process.execPath, [path.join(root, 'scripts', 'e2e', 'run.mjs'), '--prepare', ...grep], { stdio: 'inherit', cwd: root });

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-e2e-desktop-'));
  const workspace = path.join(runDir, 'content');
  fs.cpSync(path.join(root, 'content'), workspace, { recursive: true });
  let exitCode = 1;
  try {
    exitCode = await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: path.join(cache, 'vscode-desktop'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(cache, 'e2e', 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
  } catch (error) {
    process.stderr.write(`[e2e] desktop VS Code failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }

  const { results, output } = readResults();
  if (output) process.stdout.write(`\n${output.trimEnd()}\n\n`);
  if (results === undefined) {
    process.stdout.write('0 passed, 1 failed\n');
    return 1;
  }
  const passed = exitCode === 0 && results.failed === 0 && results.passed > 0;
  process.stdout.write(`${results.passed} passed, ${results.failed || (passed ? 0 : 1)} failed\n`);
  return passed ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[e2e] ${String(error)}\n`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exitCode = 1;
  },
);
