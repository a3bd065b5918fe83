#!/usr/bin/env node
// `npm run soak`: the bundled server (dist/server.js) over stdio, kept busy for a while the way a
// long editing session does, to show that its memory does not grow with the work it is given.
//
//   node scripts/soak.mjs [--size 1k] [--rounds 100] [--keystrokes 500] [--heap-limit 48]
//
// A copy of the synthetic glossary of scripts/bench (so the cached corpus stays untouched) is
// indexed; then every round
// - types --keystrokes characters into an open term, one didChange each, and deletes them again,
//   so the text ends where it began;
// - asks 20 hovers and 20 completions in a note;
// - opens and closes 5 term files;
// - rewrites 20 term files on disk with another title and reports them as a watcher does, and puts
//   them back in the next round;
// and samples the server's RSS once its answers show it has caught up. Prints the figures and the
// growth of RSS between the first and the last tenth of the rounds. Exits 1 if the server died or
// stopped answering; growth is reported, not judged.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, mulberry32, option, parseSize, REPO_ROOT, sizeLabel } from './bench/generate.mjs';
import { hoverText, LspClient } from './bench/lsp.mjs';

const SIZE = parseSize(option('size', '1k'));
const ROUNDS = Number(option('rounds', 100));
const KEYSTROKES = Number(option('keystrokes', 500));
const HEAP_LIMIT_MIB = Number(option('heap-limit', 48));
const REQUESTS_PER_ROUND = 20;
const OPENED_PER_ROUND = 5;
const REWRITTEN_PER_ROUND = 20;
const TIMEOUT_MS = 30_000;

const mib = (bytes) => (bytes / 1048576).toFixed(1);
const log = (message) => process.stderr.write(`[soak] ${message}\n`);
const random = mulberry32(20261127);
const pick = (items) => items[Math.floor(random() * items.length)];

const { root: corpus, manifest } = ensureCorpus(SIZE, { log });
const root = mkdtempSync(path.join(os.tmpdir(), 'markdown-glossary-soak-'));
cpSync(corpus, root, { recursive: true });
const uriOf = (file) => pathToFileURL(path.join(root, file)).href;
const textOf = (file) => readFileSync(path.join(root, file), 'utf8');

// A heap limit turns a leak into a crash: memory that grows with the work would end the server.
const client = LspClient.spawn([path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { cwd: REPO_ROOT, nodeArgs: [`--max-old-space-size=${HEAP_LIMIT_MIB}`] });
const figures = { edits: 0, requests: 0, emptyHovers: 0, fileEvents: 0, opened: 0, samples: [] };
let failed;
try {
  await client.initialize(pathToFileURL(root).href, 'soak');
  client.notify('initialized', {});
  await client.waitForLog(/^Indexed \d+ Markdown files/, TIMEOUT_MS * 10);
  const rssAtReady = client.memory().rss;
  log(`${sizeLabel(SIZE)} indexed; RSS ${mib(rssAtReady)} MiB`);

  const { probes } = manifest;
  const note = probes.notes[0];
  const noteText = textOf(note);
  client.open(uriOf(note), noteText);
  const mentions = probes.mentions[note];
  const typedInto = probes.terms[0];
  const typedText = textOf(typedInto);
  let typedVersion = 1;
  client.open(uriOf(typedInto), typedText);
  const endOfTyped = (() => {
    const lines = typedText.split('\n');
    return { line: lines.length - 1, character: lines.at(-1).length };
  })();
  const termFiles = readdirSync(path.join(root, 'glossar'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && file !== typedInto.slice('glossar/'.length))
    .map((file) => `glossar/${file.split(path.sep).join('/')}`)
    .sort();
  let rewritten = [];

  for (let round = 0; round < ROUNDS; round++) {
    // Keystrokes at the end of a term, then as many backspaces.
    const typed = 'Ein Satz über das Outsourcing und [[Outtasking]]. '.repeat(Math.ceil(KEYSTROKES / 50)).slice(0, KEYSTROKES / 2);
    for (let at = 0; at < typed.length; at++) {
      const position = { line: endOfTyped.line, character: endOfTyped.character + at };
      client.changeRange(uriOf(typedInto), ++typedVersion, { start: position, end: position }, typed[at]);
    }
    for (let at = typed.length; at > 0; at--) {
      const start = { line: endOfTyped.line, character: endOfTyped.character + at - 1 };
      client.changeRange(uriOf(typedInto), ++typedVersion, { start, end: { line: start.line, character: start.character + 1 } }, '');
    }
    figures.edits += typed.length * 2;

    for (let request = 0; request < REQUESTS_PER_ROUND; request++) {
      const mark = pick(mentions);
      const hover = await client.hover(uriOf(note), { line: mark.line, character: mark.character + (mark.length >> 1) }, TIMEOUT_MS);
      if (hoverText(hover.result) === '') figures.emptyHovers++;
      await client.completion(uriOf(note), { line: mark.line, character: mark.character + 2 }, undefined, TIMEOUT_MS);
      figures.requests += 2;
    }

    for (let opened = 0; opened < OPENED_PER_ROUND; opened++) {
      const file = pick(termFiles);
      client.open(uriOf(file), textOf(file));
      client.notify('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
      figures.opened++;
    }

    // A watcher's report of files changed on disk: rewritten ones are put back, others rewritten.
    const events = [];
    for (const [file, original] of rewritten) {
      writeFileSync(path.join(root, file), original);
      events.push({ uri: uriOf(file), type: 2 });
    }
    rewritten = [];
    for (let n = 0; n < REWRITTEN_PER_ROUND; n++) {
      const file = pick(termFiles);
      if (rewritten.some(([other]) => other === file)) continue;
      const original = textOf(file);
      rewritten.push([file, original]);
      writeFileSync(path.join(root, file), original.replace(/^title: (.*)$/m, `title: $1 Runde ${round}`));
      events.push({ uri: uriOf(file), type: 2 });
    }
    client.notify('workspace/didChangeWatchedFiles', { changes: events });
    figures.fileEvents += events.length;

    // An answer after all of it: the server has caught up with everything sent before.
    await client.hover(uriOf(typedInto), endOfTyped, TIMEOUT_MS);
    figures.samples.push({ round, at: performance.now(), ...client.memory() });
    if (round % 10 === 9) log(`round ${round + 1}/${ROUNDS}: RSS ${mib(client.memory().rss)} MiB`);
  }

  const tenth = Math.max(1, Math.floor(ROUNDS / 10));
  const mean = (samples) => samples.reduce((sum, sample) => sum + sample.rss, 0) / samples.length;
  const early = mean(figures.samples.slice(0, tenth));
  const late = mean(figures.samples.slice(-tenth));
  const seconds = (figures.samples.at(-1).at - figures.samples[0].at) / 1000;
  console.log(`Soak: ${sizeLabel(SIZE)} terms, ${ROUNDS} rounds in ${seconds.toFixed(0)} s on ${os.cpus().length} cores (${process.version})`);
  console.log('');
  console.log('| Figure | Value |');
  console.log('|---|---|');
  console.log(`| didChange notifications | ${figures.edits} |`);
  console.log(`| hover and completion requests | ${figures.requests} (${figures.emptyHovers} hovers empty) |`);
  console.log(`| documents opened and closed | ${figures.opened} |`);
  console.log(`| files changed on disk and reported | ${figures.fileEvents} |`);
  console.log(`| RSS at ready | ${mib(rssAtReady)} MiB |`);
  console.log(`| RSS, mean of the first ${tenth} rounds | ${mib(early)} MiB |`);
  console.log(`| RSS, mean of the last ${tenth} rounds | ${mib(late)} MiB |`);
  console.log(`| growth first -> last | ${mib(late - early)} MiB (${(((late - early) / early) * 100).toFixed(1)} %), ${mib(((late - early) / figures.edits) * 10_000)} MiB per 10,000 edits |`);
  console.log(`| peak RSS (VmHWM) | ${mib(client.memory().peakRss)} MiB |`);
  if (client.hasExited) failed = 'the server exited during the soak';
} catch (error) {
  failed = error.message;
} finally {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
}
if (failed !== undefined) {
  console.error(`soak failed: ${failed}\n${client.stderr}`);
  process.exit(1);
}
