/**
 * The ways to adopt the check in CI, run as GitHub would run them: the README's workflows and the
 * Action (action.yml) are read from those files, and their steps executed in order in a copy of
 * content/ (as docs/), with `npx … markdown-glossary@…` replaced by this build's `dist/cli.js`.
 * A step's `if:` is evaluated (a step without one runs only while the job has not failed), `run:`
 * goes to bash as on GitHub's runners, outputs through $GITHUB_OUTPUT, and the SARIF upload is
 * stood in for by reading the file it would upload. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { CLI_JS, REPO_ROOT } from '../support/lspClient';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Ran {
  step: string;
  status: number;
  stdout: string;
  stderr: string;
}

interface JobRun {
  failed: boolean;
  ran: Ran[];
  /** The SARIF files the upload steps were given, parsed, with the condition they ran under. */
  uploads: Array<{ condition: string | undefined; results: number }>;
}

const VERSION = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const ACTION = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };

/** The README's section on CI: its fenced blocks by language, in order. */
function ciBlocks(): Array<{ language: string; text: string }> {
  const section = README.split('\n## Continuous integration\n')[1].split('\n## ')[0];
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], text: match[2] }));
}

/** The CLI as a workflow names it, replaced by this build. */
function withThisCli(script: string): string {
  return script.replace(/npx --yes "?markdown-glossary@[^\s"]+"?/g, `node ${JSON.stringify(CLI_JS)}`);
}

/** A workspace like a repository with its glossary in docs/: content/, and an optional file with a YAML error. */
function repository(withError: boolean): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-ci-')));
  fs.cpSync(path.join(REPO_ROOT, 'content'), path.join(root, 'docs'), { recursive: true });
  if (withError) fs.writeFileSync(path.join(root, 'docs', 'glossar', 'Kaputt.md'), '---\ntitle: [Kaputt\n---\n\n# Kaputt\n');
  return root;
}

/** Runs steps as GitHub Actions does, for the few expressions these workflows use. */
function runSteps(steps: Step[], cwd: string, inputs: Record<string, string>, job: JobRun = { failed: false, ran: [], uploads: [] }): JobRun {
  const outputs: Record<string, Record<string, string>> = {};
  const value = (expression: string): string | boolean => {
    const term = expression.trim();
    const compared = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(term);
    if (compared) return (String(value(compared[1])) === compared[3]) === (compared[2] === '==');
    if (term === '!cancelled()' || term === 'always()') return true;
    if (term === 'success()') return !job.failed;
    if (term === 'failure()') return job.failed;
    const input = /^inputs\.([\w-]+)$/.exec(term);
    if (input) return inputs[input[1]] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(term);
    if (output) return outputs[output[1]]?.[output[2]] ?? '';
    if (term === 'github.action_path') return REPO_ROOT;
    throw new Error(`an expression this test does not know: ${term}`);
  };
  const condition = (written: string) => written.replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').split('&&').every((term) => value(term) === true);
  const interpolated = (text: string) => text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(value(expression)));
  for (const step of steps) {
    const name = step.name ?? step.id ?? step.uses ?? step.run!.split('\n')[0];
    if (!(step.if === undefined ? !job.failed : condition(step.if.trim()))) continue;
    const uses = step.uses?.split('@')[0];
    if (uses === 'actions/checkout' || uses === 'actions/setup-node') continue;
    if (uses === 'github/codeql-action/upload-sarif') {
      const file = path.join(cwd, interpolated(String(step.with!.sarif_file)));
      const sarif = JSON.parse(fs.readFileSync(file, 'utf8'));
      job.uploads.push({ condition: step.if, results: sarif.runs[0].results.length });
      continue;
    }
    if (uses === 'markdown-glossary/markdown-glossary') {
      assert.equal(step.uses, `markdown-glossary/markdown-glossary@v${VERSION}`, 'the README names the released action');
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, written]) => [key, interpolated(String(written))]));
      const defaults = Object.fromEntries(Object.entries(ACTION.inputs).map(([key, input]) => [key, input.default ?? '']));
      runSteps(ACTION.runs.steps, cwd, { ...defaults, ...given }, job);
      continue;
    }
    assert.ok(step.run !== undefined, `a step this test cannot run: ${JSON.stringify(step)}`);
    const outputFile = path.join(cwd, `.github-output-${job.ran.length}`);
    fs.writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, written]) => [key, interpolated(String(written))]));
    const script = withThisCli(interpolated(step.run));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env, GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: REPO_ROOT },
    });
    if (result.error) throw result.error;
    job.ran.push({ step: name, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    if (step.id !== undefined) {
      outputs[step.id] = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    }
    fs.rmSync(outputFile);
    if (result.status !== 0) job.failed = true;
  }
  return job;
}

/** The workflow runs to the end on a glossary with an error: annotations, the SARIF uploaded, then the job failed by its last step. */
function assertFailsAfterUpload(job: JobRun, sarifFile: string, cwd: string): void {
  const all = job.ran.map((ran) => ran.stdout).join('');
  assert.match(all, /^::error file=docs\/glossar\/Kaputt\.md,line=3,/m, 'an error annotation');
  assert.ok(fs.existsSync(path.join(cwd, sarifFile)), 'the SARIF file is written on errors');
  assert.equal(job.uploads.length, 1, 'the upload ran');
  assert.match(job.uploads[0].condition ?? '', /!cancelled\(\)|always\(\)/, 'the upload runs whatever the check found');
  assert.ok(job.uploads[0].results > 0);
  const failed = job.ran.filter((ran) => ran.status !== 0);
  assert.deepEqual(failed.map((ran) => ran.status), [1], JSON.stringify(job.ran.map(({ step, status, stderr }) => ({ step, status, stderr }))));
  assert.equal(failed[0], job.ran.at(-1), 'the job fails at its last step, after the upload');
  assert.equal(job.failed, true);
}

describe('CI as the README and action.yml describe it', () => {
  const blocks = ciBlocks();
  const yamlBlocks = blocks.filter((block) => block.language === 'yaml').map((block) => parseYaml(block.text));
  const workflow = yamlBlocks.find((block) => block?.jobs !== undefined) as { jobs: Record<string, { steps: Step[] }> };
  const actionSteps = yamlBlocks.find((block) => Array.isArray(block)) as Step[];

  it('the workflow without the Action: annotations, SARIF uploaded on errors, exit code 1 at the end; on a clean glossary all passes', () => {
    const [job] = Object.values(workflow.jobs);
    const broken = repository(true);
    const clean = repository(false);
    try {
      assertFailsAfterUpload(runSteps(job.steps, broken, {}), 'glossary.sarif', broken);
      const passed = runSteps(job.steps, clean, {});
      assert.equal(passed.failed, false, JSON.stringify(passed.ran));
      assert.equal(passed.uploads.length, 1);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('the Action in one step: the same, from action.yml, with the CLI of its own version', () => {
    assert.equal(ACTION.runs.using, 'composite');
    const broken = repository(true);
    const clean = repository(false);
    try {
      const job = runSteps([{ uses: 'actions/checkout@v4' }, ...actionSteps], broken, {});
      assertFailsAfterUpload(job, 'glossary.sarif', broken);
      assert.equal(runSteps(actionSteps, clean, {}).failed, false);
      // Without a SARIF file nothing is uploaded, and annotations can be turned into text.
      const text = runSteps([{ uses: `markdown-glossary/markdown-glossary@v${VERSION}`, with: { paths: 'docs', annotations: 'false' } }], broken, {});
      assert.equal(text.uploads.length, 0);
      assert.match(text.ran[0].stdout, /^docs\/glossar\/Kaputt\.md:3:1 error /m);
      assert.equal(text.failed, true);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('the Action runs the npm package of its own version unless told otherwise', () => {
    const script = ACTION.runs.steps.find((step) => step.id === 'check')!.run!;
    const versionLine = script.split('\n').find((line) => line.startsWith('version='))!;
    const run = spawnSync('bash', ['-c', `INPUT_VERSION=${'$1'}; ${versionLine}; echo "$version"`, 'bash', ''], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTION_PATH: REPO_ROOT } });
    assert.equal(run.stdout.trim(), VERSION);
    assert.match(script, /npx --yes "markdown-glossary@\$\{version\}" check/);
  });

  it('pre-commit and lint-staged run the check on the staged Markdown files, pre-commit the npm package of the pinned revision', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const config = yamlBlocks.find((block) => block?.repos !== undefined) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
    const [repo] = config.repos;
    const repositoryUrl = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    assert.equal(repo.repo, repositoryUrl);
    assert.equal(repo.rev, `v${VERSION}`);
    const hook = hooks.find((candidate) => candidate.id === repo.hooks[0].id);
    assert.ok(hook, `the hook ${repo.hooks[0].id} is declared`);
    assert.equal(hook.language, 'script');
    assert.equal(hook.pass_filenames, true);
    for (const name of ['a.md', 'b/c.mdx']) assert.match(name, new RegExp(String(hook.files)));
    assert.doesNotMatch('a.markdown.txt', new RegExp(String(hook.files)));
    const lintStaged = JSON.parse(blocks.find((block) => block.language === 'json')!.text)['lint-staged'];
    assert.deepEqual(lintStaged, { '*.{md,mdx}': 'markdown-glossary check' });
    // The hook's script as pre-commit runs it, with staged files appended, and an npx on the PATH
    // that records what it is asked for and runs this build (the package is fetched from npm).
    const script = path.join(REPO_ROOT, String(hook.entry));
    assert.ok(fs.statSync(script).mode & 0o111, 'the hook script is executable');
    const dir = repository(true);
    try {
      const bin = path.join(dir, '.bin');
      fs.mkdirSync(bin);
      fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\necho "$1 $2" > "${bin}/asked"\nshift 2\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_JS)} "$@"\n`, { mode: 0o755 });
      const staged = (...files: string[]) => spawnSync(script, files, { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, LANG: 'C.UTF-8', LC_ALL: '' } });
      const clean = staged('docs/glossar/Outtasking.md');
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.equal(fs.readFileSync(path.join(bin, 'asked'), 'utf8'), `--yes markdown-glossary@${VERSION}\n`);
      const broken = staged('docs/glossar/Outtasking.md', 'docs/glossar/Kaputt.md');
      assert.equal(broken.status, 1);
      assert.match(broken.stdout, /^docs\/glossar\/Kaputt\.md:3:1 error /m);
      // A staged name with blanks and shell characters reaches the check as one name, never a shell.
      fs.writeFileSync(path.join(dir, 'docs/notizen/Plan (neu) & alt.md'), 'Siehe [fehlt](Nicht-da.md).\n');
      const odd = staged('docs/notizen/Plan (neu) & alt.md');
      assert.equal(odd.status, 1, odd.stdout + odd.stderr);
      assert.match(odd.stdout, /^docs\/notizen\/Plan \(neu\) & alt\.md:1:15 error .*\[broken-link\]$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
