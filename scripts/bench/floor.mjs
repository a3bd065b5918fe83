// The honest floor of start-up: the fastest way this machine lists every file of a corpus, reads it
// and splits off its front matter (nothing else), measured three ways, each best of three:
// - sync: a readdirSync walk and a readFileSync loop, on one thread;
// - async: a readdir walk and fs.promises.readFile, FLOOR_CONCURRENCY at a time (the libuv pool);
// - workers: a worker_threads pool, one per core, started before the walk (their start counts),
//   each reading and splitting every n-th file of the list.
// A server has to do at least this much before its index can be ready; the fastest of the three
// is the floor its ready time is compared with.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const FLOOR_CONCURRENCY = 32;
const RUNS = 3;
const now = () => performance.now();
const isGlossaryFile = (name) => name.endsWith('.md') || name === 'tags.yml';

export async function listMarkdown(folder, found = []) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await listMarkdown(full, found);
    else if (isGlossaryFile(entry.name)) found.push(full);
  }
  return found;
}

function listMarkdownSync(folder, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) listMarkdownSync(full, found);
    else if (isGlossaryFile(entry.name)) found.push(full);
  }
  return found;
}

/** Splits a file's front matter from its body; returns the front matter's length (so the work is not optimised away). */
function splitFrontMatter(text) {
  if (!text.startsWith('---')) return 0;
  const firstBreak = text.indexOf('\n');
  const close = text.indexOf('\n---', firstBreak);
  if (close < 0) return 0;
  const frontMatter = text.slice(firstBreak + 1, close);
  const body = text.slice(text.indexOf('\n', close + 4) + 1);
  return frontMatter.length + (body.length > 0 ? 1 : 0);
}

function readAndSplitSync(files, first = 0, step = 1) {
  let checksum = 0;
  for (let i = first; i < files.length; i += step) checksum += splitFrontMatter(readFileSync(files[i], 'utf8'));
  return checksum;
}

async function readAndSplitAsync(files) {
  let next = 0;
  let checksum = 0;
  const reader = async () => {
    while (next < files.length) {
      // Awaited before the sum is read: `checksum += f(await …)` would add to a stale sum.
      const text = await readFile(files[next++], 'utf8');
      checksum += splitFrontMatter(text);
    }
  };
  await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, reader));
  return checksum;
}

const threads = () => (os.availableParallelism?.() ?? os.cpus().length);

/** Starts the pool, lists the files meanwhile, and waits for every worker's share. */
async function viaWorkers(root) {
  const count = threads();
  const workers = Array.from({ length: count }, () => new Worker(new URL(import.meta.url), { workerData: { floorWorker: true } }));
  const online = workers.map((worker) => new Promise((resolve) => worker.once('online', resolve)));
  const files = listMarkdownSync(root);
  await Promise.all(online);
  const sums = await Promise.all(
    workers.map((worker, first) => {
      const done = new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ files, first, step: count });
      return done;
    }),
  );
  await Promise.all(workers.map((worker) => worker.terminate()));
  return { files: files.length, checksum: sums.reduce((sum, value) => sum + value, 0) };
}

const VARIANTS = {
  sync: async (root) => {
    const files = listMarkdownSync(root);
    return { files: files.length, checksum: readAndSplitSync(files) };
  },
  async: async (root) => {
    const files = await listMarkdown(root);
    return { files: files.length, checksum: await readAndSplitAsync(files) };
  },
  workers: viaWorkers,
};

export const FLOOR_LABELS = {
  sync: 'readdirSync + readFileSync loop',
  async: `readdir + readFile, ${FLOOR_CONCURRENCY} at a time`,
  workers: `${threads()} worker threads (their start included)`,
};

/**
 * Each variant's best of three, alternating (the first round also warms the page cache, as an
 * editor's files would be); `floorMs` is the fastest, `chosen` its name. `walkMs` is the best sync walk alone.
 */
export async function measureFloor(root) {
  const best = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, Infinity]));
  let walkMs = Infinity;
  let files = 0;
  for (let run = 0; run < RUNS; run++) {
    let started = now();
    files = listMarkdownSync(root).length;
    walkMs = Math.min(walkMs, now() - started);
    let checksum;
    for (const [name, variant] of Object.entries(VARIANTS)) {
      started = now();
      const result = await variant(root);
      best[name] = Math.min(best[name], now() - started);
      if (result.files !== files || (checksum !== undefined && result.checksum !== checksum)) throw new Error(`floor variant ${name} read ${result.files} files (checksum ${result.checksum}), expected ${files} (${checksum})`);
      checksum = result.checksum;
    }
  }
  const chosen = Object.keys(best).reduce((a, b) => (best[b] < best[a] ? b : a));
  return { files, walkMs, variants: best, chosen, floorMs: best[chosen] };
}

if (!isMainThread && workerData?.floorWorker) {
  parentPort.once('message', ({ files, first, step }) => parentPort.postMessage(readAndSplitSync(files, first, step)));
}
