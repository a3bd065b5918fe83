/**
 * The Node.js versions package.json promises (`engines.node`, the README's "Node.js 20") are ones
 * every package `npm ci` installs supports: no development tool may want a newer Node.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

// semver comes with npm's own tools in node_modules (untyped there).
const semver = require('semver') as { subset(range: string, superset: string): boolean; validRange(range: string): string | null };

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

it('every package in the lock file supports every Node.js version package.json promises', () => {
  const promised: string = read('package.json').engines.node;
  const lock = read('package-lock.json');
  assert.equal(lock.packages[''].engines.node, promised, 'package-lock.json is up to date');
  const wanting = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } | string[] }>)
    .filter(([name, entry]) => name !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
    .filter(([, entry]) => {
      const wanted = (entry.engines as { node: string }).node;
      return semver.validRange(wanted) !== null && !semver.subset(promised, wanted);
    })
    .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
  assert.deepEqual(wanting, [], `package.json promises node ${promised}`);
});

it('the README promises what package.json does', () => {
  const promised: string = read('package.json').engines.node;
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const minimum = promised.match(/^\^?(\d+\.\d+)/)![1];
  assert.match(readme, new RegExp(`Node\\.js ${minimum.replace('.', '\\.')} or later`));
});
