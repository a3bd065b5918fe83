#!/usr/bin/env node
// The pre-commit hook (.pre-commit-hooks.yaml): `markdown-glossary check` on the files pre-commit
// names, from the npm package of this revision's version. Not pre-commit's "node" language: it
// installs a hook by `npm pack` and reads the tarball's name from its output, which the banner of
// our prepack build precedes (pre-commit/pre-commit#3460).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const run = spawnSync('npx', ['--yes', `markdown-glossary@${version}`, 'check', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exitCode = run.status ?? 2;
