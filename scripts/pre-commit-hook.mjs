#!/usr/bin/env node
// The pre-commit hook (.pre-commit-hooks.yaml): `markdown-glossary check` on the files pre-commit
// names, from the npm package of this revision's version. Not pre-commit's "node" language: it
// installs a hook by `npm pack` and reads the tarball's name from its output, which the banner of
// our prepack build precedes (pre-commit/pre-commit#3460).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = ['--yes', `markdown-glossary@${version}`, 'check', ...process.argv.slice(2)];
// Never through a shell: file names are passed as they are, spaces, `&` and `(` included. On
// Windows npx is a .cmd that Node starts only through cmd.exe, so npm's own npx-cli.js beside
// node.exe is run by Node instead.
const npxCli = path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npx-cli.js');
const run =
  process.platform === 'win32' && existsSync(npxCli)
    ? spawnSync(process.execPath, [npxCli, ...args], { stdio: 'inherit' })
    : spawnSync('npx', args, { stdio: 'inherit' });
process.exitCode = run.status ?? 2;
