#!/usr/bin/env node
// Which threads of the server work during its start-up, and how much: the CPU time of each thread
// of `node dist/server.js --stdio` from spawn to the "Indexed" log message, read from
// /proc/<pid>/task/<tid>/stat every few milliseconds (a thread that ends before, as the parsing
// thread does, keeps its last reading). Linux only.
//
//   node scripts/bench/threads.mjs [--size 10k] [--runs 3] [--server dist/server.js] [--warm] [-- node flags...]
//
// Threads are grouped by when they appeared: those already running when `initialize` is answered
// (Node's and V8's own: the JIT compiles and the garbage collector marks there), and those started
// later (the parsing thread, libuv's pool). Without --warm the cache of parsed files is off.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, option, parseSize, REPO_ROOT, sizeLabel } from './generate.mjs';
import { LspClient } from './lsp.mjs';

const argv = process.argv.slice(2);
const nodeFlags = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
const SIZE = parseSize(option('size', '10k'));
const RUNS = Number(option('runs', 3));
const SERVER = path.resolve(REPO_ROOT, option('server', 'dist/server.js'));
const WARM = argv.includes('--warm');
const TICK_MS = 1000 / 100; // USER_HZ: /proc counts CPU time in hundredths of a second.

/** CPU milliseconds of each thread of a process, by thread id; threads gone are left out. */
function threadCpu(pid) {
  const times = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return times;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

async function once(root, settings, writesCache = false) {
  const client = LspClient.spawn([SERVER, '--stdio'], { cwd: REPO_ROOT, nodeArgs: nodeFlags });
  const pid = client.child.pid;
  const last = new Map();
  const sample = () => {
    for (const [tid, ms] of threadCpu(pid)) last.set(tid, ms);
  };
  const timer = setInterval(sample, 5);
  await client.initialize(pathToFileURL(root).href, sizeLabel(SIZE), { settings });
  sample();
  const early = new Set(last.keys());
  client.notify('initialized', {});
  const ready = await client.waitForLog(/^Indexed \d+ Markdown files/, 600_000);
  sample();
  clearInterval(timer);
  if (writesCache) await client.waitForLog(/^Wrote the cache of parsed files/, 600_000);
  await client.shutdown(30_000);
  const main = last.get(String(pid)) ?? 0;
  let helpers = 0;
  let later = 0;
  for (const [tid, ms] of last) {
    if (tid === String(pid)) continue;
    if (early.has(tid)) helpers += ms;
    else later += ms;
  }
  return { readyMs: ready.at - client.spawnedAt, main, helpers, later };
}

const { root } = ensureCorpus(SIZE, { log: (message) => process.stderr.write(`[threads] ${message}\n`) });
const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'glossary-threads-'));
const settings = WARM ? { cacheFolder } : { cache: false };
try {
  // A warm start needs the cache written first.
  if (WARM) await once(root, settings, true);
  console.log(`${sizeLabel(SIZE)}, ${WARM ? 'warm' : 'cold'} start-ups of ${path.relative(REPO_ROOT, SERVER)}${nodeFlags.length > 0 ? ` with ${nodeFlags.join(' ')}` : ''}: CPU ms by thread at ready`);
  console.log('| ready ms | main thread | Node\'s and V8\'s threads | threads started later (parsing, libuv) | all |');
  console.log('|---:|---:|---:|---:|---:|');
  for (let run = 0; run < RUNS; run++) {
    const { readyMs, main, helpers, later } = await once(root, settings);
    console.log(`| ${readyMs.toFixed(0)} | ${main.toFixed(0)} | ${helpers.toFixed(0)} | ${later.toFixed(0)} | ${(main + helpers + later).toFixed(0)} |`);
  }
} finally {
  rmSync(cacheFolder, { recursive: true, force: true });
}
