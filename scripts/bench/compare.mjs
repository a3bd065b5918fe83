#!/usr/bin/env node
// Two builds of the server side by side: cold start-ups (the cache of parsed files off), spawn →
// the "Indexed" log message, alternating the servers round by round (which goes first alternates
// too), so that the machine's drift falls on both alike.
//
//   node scripts/bench/compare.mjs <serverA.js> <serverB.js> [--size 10k] [--rounds 6] [--wait-quiet SECONDS]
//
// A server is a built `dist/server.js`, e.g. of an older commit checked out with
// `git worktree add /tmp/old <commit> && cd /tmp/old && npm ci && node esbuild.mjs`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, option, parseSize, REPO_ROOT, sizeLabel } from './generate.mjs';
import { LspClient } from './lsp.mjs';
import { waitForQuiet } from './machine.mjs';

const argv = process.argv.slice(2);
const servers = argv.filter((arg, at) => !arg.startsWith('--') && !argv[at - 1]?.startsWith('--')).map((server) => path.resolve(server));
if (servers.length !== 2) {
  process.stderr.write('Usage: node scripts/bench/compare.mjs <serverA.js> <serverB.js> [--size 10k] [--rounds 6] [--wait-quiet SECONDS]\n');
  process.exit(2);
}
const size = parseSize(option('size', '10k'));
const rounds = Number(option('rounds', 6));
const progress = (message) => process.stderr.write(`[compare] ${message}\n`);

const { root } = ensureCorpus(size, { log: progress });
await waitForQuiet(Number(option('wait-quiet', 0)), progress);
const readyMs = servers.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  for (const which of order) {
    const client = LspClient.spawn([servers[which], '--stdio'], { cwd: REPO_ROOT });
    try {
      await client.initialize(pathToFileURL(root).href, sizeLabel(size), { settings: { cache: false } });
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
console.log(`${sizeLabel(size)}, cold start-ups, spawn → ready ms, ${rounds} each, alternating:`);
console.log('');
console.log('| Server | min | median | max | runs |');
console.log('|---|---:|---:|---:|---|');
servers.forEach((server, which) => {
  const times = readyMs[which];
  console.log(`| ${path.relative(process.cwd(), server) || server} | ${Math.round(sorted(times)[0])} | ${Math.round(median(times))} | ${Math.round(sorted(times).at(-1))} | ${times.map(Math.round).join(' ')} |`);
});
console.log('');
console.log(`B / A (medians): ${(median(readyMs[1]) / median(readyMs[0])).toFixed(3)}×`);
