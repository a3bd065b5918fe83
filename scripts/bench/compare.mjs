#!/usr/bin/env node
// Two builds of the server side by side: cold start-ups (the cache of parsed files off), spawn →
// the "Indexed" log message, alternating the servers round by round (which goes first alternates
// too), so that the machine's drift falls on both alike. With --warm, warm start-ups: each server
// first writes a cache of its own (its parser's version keys it), then starts from it every round.
//
//   node scripts/bench/compare.mjs <serverA.js> <serverB.js> [--size 10k] [--rounds 6] [--wait-quiet SECONDS] [--warm]
//
// A server is a built `dist/server.js`, e.g. of an older commit checked out with
// `git worktree add /tmp/old <commit> && cd /tmp/old && npm ci && node esbuild.mjs`.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, option, parseSize, REPO_ROOT, sizeLabel } from './generate.mjs';
import { LspClient } from './lsp.mjs';
import { waitForQuiet } from './machine.mjs';

const argv = process.argv.slice(2);
/** The options that take a value; `--warm` takes none. */
const VALUED = new Set(['--size', '--rounds', '--wait-quiet']);
const servers = argv.filter((arg, at) => !arg.startsWith('--') && !VALUED.has(argv[at - 1])).map((server) => path.resolve(server));
if (servers.length !== 2) {
  process.stderr.write('Usage: node scripts/bench/compare.mjs <serverA.js> <serverB.js> [--size 10k] [--rounds 6] [--wait-quiet SECONDS] [--warm]\n');
  process.exit(2);
}
const size = parseSize(option('size', '10k'));
const rounds = Number(option('rounds', 6));
const progress = (message) => process.stderr.write(`[compare] ${message}\n`);

const warm = argv.includes('--warm');
const { root } = ensureCorpus(size, { log: progress });
const cacheRoot = warm ? mkdtempSync(path.join(os.tmpdir(), 'glossary-compare-')) : undefined;
const settingsOf = servers.map((_, which) => (warm ? { cacheFolder: path.join(cacheRoot, String(which)) } : { cache: false }));
if (warm) {
  for (const [which, server] of servers.entries()) {
    const writer = LspClient.spawn([server, '--stdio'], { cwd: REPO_ROOT });
    await writer.initialize(pathToFileURL(root).href, sizeLabel(size), { settings: settingsOf[which] });
    writer.notify('initialized', {});
    await writer.waitForLog(/^Wrote the cache of parsed files/, 600_000);
    await writer.shutdown(30_000);
  }
}
await waitForQuiet(Number(option('wait-quiet', 0)), progress);
const readyMs = servers.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  for (const which of order) {
    const client = LspClient.spawn([servers[which], '--stdio'], { cwd: REPO_ROOT });
    try {
      await client.initialize(pathToFileURL(root).href, sizeLabel(size), { settings: settingsOf[which] });
      client.notify('initialized', {});
      const ready = await client.waitForLog(/^Indexed \d+ Markdown files/, 600_000);
      readyMs[which].push(ready.at - client.spawnedAt);
    } finally {
      await client.shutdown(30_000);
    }
  }
  progress(`round ${round + 1} of ${rounds}`);
}
const sorted = (list) => [...list].sort((a, b) => a - b);
const median = (list) => sorted(list)[Math.floor(list.length / 2)];
if (cacheRoot !== undefined) rmSync(cacheRoot, { recursive: true, force: true });
console.log(`${sizeLabel(size)}, ${warm ? 'warm' : 'cold'} start-ups, spawn → ready ms, ${rounds} each, alternating:`);
console.log('');
console.log('| Server | min | median | max | runs |');
console.log('|---|---:|---:|---:|---|');
servers.forEach((server, which) => {
  const times = readyMs[which];
  console.log(`| ${path.relative(process.cwd(), server) || server} | ${Math.round(sorted(times)[0])} | ${Math.round(median(times))} | ${Math.round(sorted(times).at(-1))} | ${times.map(Math.round).join(' ')} |`);
});
console.log('');
console.log(`B / A (medians): ${(median(readyMs[1]) / median(readyMs[0])).toFixed(3)}×`);
