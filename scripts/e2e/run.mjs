#!/usr/bin/env node
// End-to-end tests in a real VS Code: code-server (VS Code 1.100.3 in the browser, its extension
// host in Node) opened in headless Debian Chromium through playwright-core.
//
//   node scripts/e2e/run.mjs                 install (once, cached), build, bundle, run, report
//   node scripts/e2e/run.mjs --grep hover    only the tests whose title matches
//   node scripts/e2e/run.mjs --prepare       install mocha, build and bundle only (for runDesktop.ts)
//   node scripts/e2e/run.mjs --keep          keep the run folder (workspace copy, logs) afterwards
//
// Environment: E2E_TIMEOUT (seconds for the suite, default 300), E2E_VERBOSE=1 (browser console),
// E2E_CACHE_DIR (default .test-cache), E2E_CHROMIUM (default /usr/bin/chromium), E2E_NO_APT=1.
//
// The last line is "N passed, N failed"; the exit code is 0 only when every test passed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  buildExtension,
  bundleSuite,
  cleanup,
  clearResults,
  elapsed,
  ensureCodeServerRun,
  ensureTools,
  launchChromium,
  log,
  newPage,
  prepareRun,
  readResults,
  runMain,
  startCodeServer,
  tail,
  workbenchUrl,
} from './lib.mjs';

function parseArgs(argv) {
  const options = { prepare: false, keep: false, grep: '', timeout: Number(process.env.E2E_TIMEOUT || 300) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--prepare') options.prepare = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--grep') options.grep = argv[++i] ?? '';
    else if (arg.startsWith('--grep=')) options.grep = arg.slice('--grep='.length);
    else if (arg === '--timeout') options.timeout = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      const lines = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1);
      const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
      process.stdout.write(`${header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n')}\n`);
      process.exit(0);
    } else {
      process.stderr.write(`unknown argument ${arg}\n`);
      process.exit(2);
    }
  }
  return options;
}

async function runSuite({ keep, timeout }, indexJs, tools) {
  const run = prepareRun('test');
  let passed = false;
  try {
    const server = await startCodeServer(run);
    const browser = await launchChromium(tools['playwright-core'], path.join(run.runDir, 'chromium'));
    const page = await newPage(browser, run.runDir);

    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    // The workbench calls this when the extension host has run the tests (VS Code's automation hook).
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));

    const url = workbenchUrl({ port: server.port, folder: run.workspace, extensionTestsPath: indexJs });
    const start = Date.now();
    log(`opening the workbench on ${path.relative(ROOT, run.workspace)} in Chromium; the suite runs in the extension host`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeout * 1000)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    log(code === 'timeout' ? `no result after ${timeout} s` : `extension host exited with ${code} after ${elapsed(start)}`);

    const { results, output } = readResults();
    if (output) process.stdout.write(`\n${output.trimEnd()}\n\n`);
    if (!results) {
      log(`the suite wrote no results; code-server log (${server.logFile}):\n${tail(server.logFile)}`);
      log(`browser console: ${path.join(run.runDir, 'browser-console.log')}`);
      process.stdout.write('0 passed, 1 failed\n');
      return false;
    }
    for (const failure of results.failures) log(`FAILED ${failure.title}\n${failure.error}`);
    passed = code === 0 && results.failed === 0 && results.passed > 0;
    if (!passed && results.failed === 0) log(code === 'timeout' ? 'the run timed out' : `no test passed or exit code ${code}`);
    const failed = results.failed || (passed ? 0 : 1); // a timeout or a crash with no failing test still fails
    process.stdout.write(`${results.passed} passed, ${failed} failed${results.pending ? `, ${results.pending} skipped` : ''}\n`);
    return passed;
  } finally {
    await cleanup();
    if (keep || !passed) log(`run folder kept: ${run.runDir}`);
    else fs.rmSync(run.runDir, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const start = Date.now();
  if (options.prepare) {
    const tools = ensureTools({ playwright: false });
    buildExtension();
    const indexJs = await bundleSuite({ mochaDir: tools.mocha, grep: options.grep });
    clearResults();
    log(`prepared ${indexJs}`);
    return 0;
  }
  const tools = ensureCodeServerRun();
  buildExtension();
  const indexJs = await bundleSuite({ mochaDir: tools.mocha, grep: options.grep });
  clearResults();
  const passed = await runSuite(options, indexJs, tools);
  log(`done in ${elapsed(start)}`);
  return passed ? 0 : 1;
}

runMain(main, { printsSummary: true });
