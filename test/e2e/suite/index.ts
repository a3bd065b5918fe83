// Entry point of the end-to-end suite inside the extension host (VS Code's `extensionTestsPath`).
//
// scripts/e2e/run.mjs bundles this file and every *.test.ts beside it with esbuild into
// .test-cache/e2e/suite/ and defines the constants below. Mocha itself is not bundled: it is
// loaded from the absolute path the bundler found (the project's node_modules or the cache).
//
// The spec reporter's output goes to the extension host's console and to `output.txt`; the counts
// and failures go to `results.json`, both in E2E_OUTPUT_DIR, where the launcher reads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

declare const E2E_MOCHA_PATH: string;
declare const E2E_OUTPUT_DIR: string;
declare const E2E_GREP: string;

interface MochaTest {
  fullTitle(): string;
}
interface MochaRunner {
  on(event: 'pass' | 'pending', listener: (test: MochaTest) => void): MochaRunner;
  on(event: 'fail', listener: (test: MochaTest, error: unknown) => void): MochaRunner;
}
interface MochaInstance {
  addFile(file: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
interface MochaConstructor {
  new (options: { ui: string; reporter: string; color: boolean; timeout: number; slow: number }): MochaInstance;
  reporters: { Base: { consoleLog: (...args: unknown[]) => void } };
}

export interface E2EResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export async function run(): Promise<void> {
  process.setSourceMapsEnabled(true); // stack traces point into test/e2e/suite/*.ts
  const outputDir = process.env.E2E_OUTPUT_DIR || E2E_OUTPUT_DIR;
  fs.mkdirSync(outputDir, { recursive: true });
  const outputFile = path.join(outputDir, 'output.txt');
  const resultsFile = path.join(outputDir, 'results.json');
  fs.writeFileSync(outputFile, '');
  fs.rmSync(resultsFile, { force: true });

  const Mocha = require(process.env.E2E_MOCHA_PATH || E2E_MOCHA_PATH) as MochaConstructor;
  const log = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(outputFile, `${format(...args)}\n`);
    log(...args);
  };

  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  const only = process.env.E2E_GREP || E2E_GREP;
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  if (only) (mocha as unknown as { grep(pattern: string): void }).grep(only);

  const results: E2EResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha
        .run(resolve)
        .on('pass', () => results.passed++)
        .on('pending', () => results.pending++)
        .on('fail', (test, error) => {
          results.failed++;
          results.failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        });
    } catch (error) {
      reject(error);
    }
  });
  if (files.length === 0) {
    results.failed++;
    results.failures.push({ title: 'loading the suite', error: `no *.test.js next to ${__filename}` });
  }
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (failures > 0 || results.failed > 0) throw new Error(`${results.failed} end-to-end test(s) failed`);
}
