// Runs every test suite in turn, passing their output through, and ends with one line that
// totals them: unit, protocol, CLI, packaging, site-parity and real editors' (Neovim, Vim, Emacs) tests under Node's test runner, then the
// suites that run in a real VS Code (in the extension host, and through the UI). Exits non-zero when
// any fails.
// test/parity builds fixture sites with the real Docusaurus and Hugo and compares them with ours.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const node = process.execPath;
const nodeTests = ['test/unit/*.test.ts', 'test/protocol/*.test.ts', 'test/cli/*.test.ts', 'test/packaging/*.test.ts', 'test/neovim/*.test.ts', 'test/vim/*.test.ts', 'test/emacs/*.test.ts', 'test/parity/*.test.ts'];
const suites = [
  {
    name: 'node',
    command: 'npm',
    args: ['run', '--silent', 'test:node', '--', ...nodeTests],
  },
  { name: 'vscode', command: node, args: ['scripts/e2e/run.mjs'] },
  // The packaged .vsix installed in code-server, driven through its UI as a user would.
  { name: 'vscode-ui', command: node, args: ['scripts/e2e/ui.mjs', '--screenshots', 'none'] },
];

const SUMMARY = /^(\d+) passed, (\d+) failed(?:, (\d+) todo)?/;

const summaryOf = (match) => ({ passed: Number(match[1]), failed: Number(match[2]), todo: Number(match[3] ?? 0) });

function run({ command, args }) {
  return new Promise((resolve) => {
    // A shell expands the test globs, as npm scripts do.
    const child = spawn([command, ...args].join(' '), { shell: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let last;
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const match = line.trim().match(SUMMARY);
        if (match) last = summaryOf(match);
      }
    });
    child.on('close', (code) => {
      const match = buffered.trim().match(SUMMARY);
      if (match) last = summaryOf(match);
      resolve({ code, summary: last });
    });
  });
}

// Servers started by tests keep their caches of parsed files here, not in the user's cache folder.
process.env.XDG_CACHE_HOME = mkdtempSync(path.join(tmpdir(), 'md-glossary-test-cache-'));
process.on('exit', () => rmSync(process.env.XDG_CACHE_HOME, { recursive: true, force: true }));

let passed = 0;
let failed = 0;
// Tests of what a real editor itself cannot do yet: they run, and fail no run.
let todo = 0;
let broken = false;
for (const suite of suites) {
  const { code, summary } = await run(suite);
  if (summary === undefined) {
    process.stdout.write(`\n[test] ${suite.name}: no summary line (exit code ${code})\n`);
    broken = true;
    continue;
  }
  passed += summary.passed;
  failed += summary.failed;
  todo += summary.todo;
  if (code !== 0 && summary.failed === 0) broken = true;
}
process.stdout.write(`\ntotal: ${passed} passed, ${failed} failed${todo > 0 ? `, ${todo} todo` : ''}\n`);
process.exitCode = failed > 0 || broken ? 1 : 0;
