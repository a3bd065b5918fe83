#!/usr/bin/env node
// `npm run bench`: the bundled language server (dist/server.js) on synthetic German glossaries of
// 1k, 10k and 100k terms, started over stdio as an editor starts it. Prints figures, not verdicts.
//
//   node scripts/bench/run.mjs [--sizes 1k,10k,100k] [--requests 200] [--server dist/server.js]
//                              [--ready-timeout 600] [--ready-runs N] [--wait-quiet SECONDS] [--json]
//                              [--settle MS (after the check of every file, before the timed requests; default 500)]
//                              [--peer-sizes 1k,10k | none]
//
// Per size: generates (or reuses) the corpus (scripts/bench/generate.mjs), measures the floor in
// this process (list the files, read every one and split off its front matter, nothing else: the
// fastest of a sync loop, async reads and a worker pool, see floor.mjs), then spawns
// `node <server> --stdio` and measures
// - spawn -> the "Indexed N Markdown files" log message (ready), and the server's CPU time by then;
// - a hover sent right after `initialized` and one every 50 ms until ready: are they answered
//   while indexing runs, how fast, and with content (partial index) or null;
// - the first hover after ready (it waits for whatever the server does right after indexing);
// - ready -> "Checked N files for problems" (the check of every file after indexing), and hovers
//   every 50 ms meanwhile;
// - hover at mention and link positions of open documents (p50/p95/p99 over --requests), checking
//   that every answer names the expected term;
// - completion after `[` and 2-3 typed letters (each an incremental didChange, then the request);
// - didChange adding an undeclared tag -> publishDiagnostics for that document with the warning;
// - didChange of a term's title -> a hover on a link to it in another open document shows it;
// - at the sizes in --peer-sizes, the requests VS Code's own Markdown server also answers
//   (scripts/bench/peer.mjs): references from a link, workspace symbols, completion after `](`, an
//   added broken link -> diagnostics;
// - peak RSS (VmHWM from /proc/<pid>/status) before shutdown.
// These start-ups are cold (the cache of parsed files off). Then the warm start: a server that
// writes the cache, WARM_TOUCHED files touched, and servers started on that cache (spawn -> ready,
// and how many files they took from it).
// Then, for the sizes in --peer-sizes, the same corpus and requests on that peer server.
// Then a Markdown table (metrics x sizes, with the targets), the growth ratios between sizes, and
// the side-by-side table with the peer.
// Raw results go to .test-cache/bench/results-<time>.json.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CACHE_ROOT, ensureCorpus, mulberry32, option, parseSize, parseSizesArg, REPO_ROOT, sizeLabel } from './generate.mjs';
import { FLOOR_LABELS, listMarkdown, measureFloor } from './floor.mjs';
import { completionItems, hoverText, LspClient } from './lsp.mjs';
import { measureCommonRequests, measurePeer, PEER_NAME } from './peer.mjs';
import { machine, machineBusySeconds, ownCpuSeconds, waitForQuiet } from './machine.mjs';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';

const argv = process.argv.slice(2);
const SIZES = parseSizesArg(argv);
const REQUESTS = Number(option('requests', 200));
const SERVER = path.resolve(REPO_ROOT, option('server', 'dist/server.js'));
const READY_TIMEOUT_MS = Number(option('ready-timeout', 600)) * 1000;
const STARTUP_HOVER_INTERVAL_MS = 50;
const DIAGNOSTIC_ROUNDS = 20;
const TITLE_ROUNDS = 10;
const WARMUP = 20;
/** How long the server is left alone after checking every file, before the timed requests. */
const SETTLE_MS = Number(option('settle', 500));
/** Start-ups per size (the first is the full run; the others only measure ready time and memory). */
const readyRunsFor = (size) => Number(option('ready-runs', size >= 100_000 ? 1 : 3));
/** Sizes also run on the peer (at 100k it needs minutes and gigabytes). */
const PEER_SIZES = option('peer-sizes', '1k,10k') === 'none' ? [] : option('peer-sizes', '1k,10k').split(',').map(parseSize);
/** The cold start-ups read every file; the warm ones use a cache written by a first server. */
const COLD = { settings: { cache: false } };
/** Files changed between the start-up that writes the cache and those that use it. */
const WARM_TOUCHED = 10;
/** Both servers get the same requests at the same positions. */
const commonRandom = (size) => mulberry32(size ^ 0xc0ffee);

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const stats = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values) });

// ---------------------------------------------------------------- one size

const TITLE_PATTERN = /^title: (.*)$/m;
const TAGS_PATTERN = /^tags: \[(.*)\]$/m;

/** The LSP range of a regex match's whole line in a text. */
function lineRangeOf(text, pattern) {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no line matching ${pattern}`);
  const line = text.slice(0, match.index).split('\n').length - 1;
  return { match, range: { start: { line, character: 0 }, end: { line, character: match[0].length } } };
}

function replaceLine(text, range, replacement) {
  const lines = text.split('\n');
  lines[range.start.line] = replacement;
  return lines.join('\n');
}

/** Spawn -> ready only: another sample of the start-up time; with `waitForCache`, until the server wrote its cache. */
async function startupOnly(root, label, initializationOptions = COLD, waitForCache = false) {
  const machineAtSpawn = machineBusySeconds();
  const ownAtSpawn = ownCpuSeconds();
  const client = LspClient.spawn([SERVER, '--stdio'], { cwd: REPO_ROOT });
  try {
    const written = waitForCache ? client.waitForLog(/^Wrote the cache of parsed files/, READY_TIMEOUT_MS) : undefined;
    await client.initialize(pathToFileURL(root).href, label, initializationOptions);
    client.notify('initialized', {});
    const ready = await client.waitForLog(/^Indexed (\d+) Markdown files in (\d+) ms/, READY_TIMEOUT_MS);
    const readyMs = ready.at - client.spawnedAt;
    const cpu = client.cpuSeconds();
    // What other processes (not the server, not this harness) used of the CPUs while it indexed.
    const otherCpuDuringStartup = machineBusySeconds() - machineAtSpawn - cpu - (ownCpuSeconds() - ownAtSpawn);
    await client.hover(pathToFileURL(path.join(root, 'tags.yml')).href, { line: 0, character: 0 }, READY_TIMEOUT_MS).catch(() => undefined);
    await written;
    const fromCache = /\((\d+) from the cache/.exec(ready.message);
    return { readyMs, serverIndexMs: Number(/in (\d+) ms/.exec(ready.message)[1]), cpuAtReady: cpu, otherCpuDuringStartup, peakRss: client.memory().peakRss, fromCache: fromCache ? Number(fromCache[1]) : 0 };
  } finally {
    await client.shutdown();
  }
}

async function measure(size) {
  const label = sizeLabel(size);
  progress(`${label}: corpus`);
  const { root, manifest } = ensureCorpus(size, { log: progress });
  const random = mulberry32(size ^ 0x51ed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const uriOf = (file) => pathToFileURL(path.join(root, file)).href;
  const texts = new Map();
  const textOf = (file) => {
    if (!texts.has(file)) texts.set(file, readFileSync(path.join(root, file), 'utf8'));
    return texts.get(file);
  };

  const busyBefore = await waitForQuiet(Number(option('wait-quiet', 0)), (message) => progress(`${label}: ${message}`));
  progress(`${label}: floor`);
  const floor = await measureFloor(root);

  progress(`${label}: server`);
  const serverBuilt = statMtime(SERVER);
  const loadBefore = os.loadavg()[0];
  const machineAtSpawn = machineBusySeconds();
  const ownAtSpawn = ownCpuSeconds();
  const client = LspClient.spawn([SERVER, '--stdio'], { cwd: REPO_ROOT });
  const t0 = client.spawnedAt;
  const result = { size, label, serverBuilt, loadBefore, busyBefore, manifest: { markdownFiles: manifest.markdownFiles, bytes: manifest.bytes, termBytes: manifest.termBytes }, floor, problems: [] };
  try {
    const rootUri = pathToFileURL(root).href;
    const init = await client.initialize(rootUri, label, COLD);
    result.initializeMs = init.at - t0;
    client.notify('initialized', {});
    result.initializedSentMs = now() - t0;

    // The note an editor would have open, sent at once; hovers on it while indexing runs.
    const { probes } = manifest;
    const note = probes.notes[0];
    client.open(uriOf(note), textOf(note));
    const notePlain = probes.mentions[note].find((mark) => mark.kind === 'mention') ?? probes.mentions[note][0];
    const startupPosition = { line: notePlain.line, character: notePlain.character + (notePlain.length >> 1) };
    let readyAt;
    const readyLog = client.waitForLog(/^Indexed (\d+) Markdown files in (\d+) ms/, READY_TIMEOUT_MS).then((entry) => {
      readyAt = entry.at;
      return entry;
    });
    const startupHovers = [];
    const startupLoop = (async () => {
      while (readyAt === undefined && !client.hasExited) {
        const answer = await client.hover(uriOf(note), startupPosition, READY_TIMEOUT_MS).catch((error) => ({ error }));
        if (answer.error) break;
        startupHovers.push({ sentMs: answer.sent - t0, ms: answer.ms, beforeReady: readyAt === undefined || answer.at < readyAt, content: hoverText(answer.result) !== '' });
        await sleep(STARTUP_HOVER_INTERVAL_MS);
      }
    })();
    const ready = await readyLog;
    if (statMtime(SERVER) !== serverBuilt) result.problems.push('dist/server.js was rebuilt while this size ran');
    const [, indexedCount, serverMs] = /^Indexed (\d+) Markdown files in (\d+) ms/.exec(ready.message);
    result.readyMs = ready.at - t0;
    result.indexedFiles = Number(indexedCount);
    result.serverIndexMs = Number(serverMs);
    result.cpuAtReady = client.cpuSeconds();
    // What other processes (not the server, not this harness) used of the CPUs while it indexed.
    result.otherCpuDuringStartup = machineBusySeconds() - machineAtSpawn - result.cpuAtReady - (ownCpuSeconds() - ownAtSpawn);
    result.rssAtReady = client.memory().rss;
    if (result.indexedFiles !== manifest.markdownFiles) result.problems.push(`indexed ${result.indexedFiles} files, the corpus has ${manifest.markdownFiles} Markdown files`);
    const firstAfter = await client.hover(uriOf(note), startupPosition, READY_TIMEOUT_MS);
    result.firstHoverAfterReadyMs = firstAfter.at - ready.at;
    result.firstHoverAfterReadyLatency = firstAfter.ms;
    await startupLoop;
    const before = startupHovers.filter((hover) => hover.beforeReady);
    result.startup = {
      first: startupHovers[0] ?? null,
      answeredBeforeReady: before.length,
      withContentBeforeReady: before.filter((hover) => hover.content).length,
      maxLatencyBeforeReady: before.length > 0 ? Math.max(...before.map((hover) => hover.ms)) : NaN,
      p50LatencyBeforeReady: percentile(before.map((hover) => hover.ms), 50),
      p95LatencyBeforeReady: percentile(before.map((hover) => hover.ms), 95),
      slowest: [...before].sort((a, b) => b.ms - a.ms).slice(0, 3).map((hover) => ({ ms: hover.ms, sentBeforeReadyMs: result.readyMs - hover.sentMs })),
      all: startupHovers,
    };
    if (hoverText(firstAfter.result) === '') result.problems.push(`hover on "${notePlain.surface}" in ${note} after ready: null`);
    // After indexing the server checks every file for problems, between requests: hovers sent
    // meanwhile are timed apart from the steady state below.
    let checkedAt;
    const checked = client.waitForLog(/^Checked \d+ files for problems in (\d+) ms/, READY_TIMEOUT_MS).then((entry) => (checkedAt = entry.at));
    const duringCheck = [];
    while (checkedAt === undefined && !client.hasExited) {
      const answer = await client.hover(uriOf(note), startupPosition, READY_TIMEOUT_MS);
      if (checkedAt === undefined || answer.at < checkedAt) duringCheck.push(answer.ms);
      await sleep(STARTUP_HOVER_INTERVAL_MS);
    }
    await checked;
    result.checkAllMs = checkedAt - ready.at;
    result.hoverDuringCheck = stats(duringCheck);
    await sleep(SETTLE_MS);
    result.diagnosticsPublishedAtStart = client.diagnosticsCount;
    result.filesWithProblemsAtStart = [...client.diagnostics.values()].filter((entry) => entry.diagnostics.length > 0).length;

    // Open the probe documents.
    const probeFiles = [...probes.notes, ...probes.terms];
    for (const file of probeFiles) if (file !== note) client.open(uriOf(file), textOf(file));
    const targets = probeFiles.flatMap((file) => probes.mentions[file].map((mark) => ({ file, ...mark })));

    // Hovers at mention and link positions.
    const hoverAt = async (target) => {
      const position = { line: target.line, character: target.character + (target.length >> 1) };
      const answer = await client.hover(uriOf(target.file), position, 30_000);
      return { ...answer, ok: hoverText(answer.result).includes(target.title) };
    };
    for (let i = 0; i < WARMUP; i++) await hoverAt(pick(targets));
    const hoverTimes = [];
    const hoverMisses = [];
    for (let i = 0; i < REQUESTS; i++) {
      const target = pick(targets);
      const answer = await hoverAt(target);
      hoverTimes.push(answer.ms);
      if (!answer.ok) hoverMisses.push({ file: target.file, line: target.line, character: target.character, kind: target.kind, surface: target.surface, expected: target.title, got: hoverText(answer.result).split('\n')[0] || null });
    }
    result.hover = stats(hoverTimes);
    result.hoverMisses = hoverMisses.length;
    result.hoverTargets = targets.length;
    // Correctness sweep: every mention and link of the probe documents once.
    const sweepMisses = [];
    for (const target of targets) {
      const answer = await hoverAt(target);
      if (!answer.ok) sweepMisses.push({ file: target.file, line: target.line, character: target.character, kind: target.kind, surface: target.surface, expected: target.title, got: hoverText(answer.result).split('\n')[0] || null });
    }
    result.sweep = {
      targets: targets.length,
      mentions: targets.filter((target) => target.kind === 'mention').length,
      links: targets.filter((target) => target.kind === 'link').length,
      missedMentions: sweepMisses.filter((miss) => miss.kind === 'mention').length,
      missedLinks: sweepMisses.filter((miss) => miss.kind === 'link').length,
    };
    result.hoverMissSamples = sweepMisses.slice(0, 12);

    // Completion after "[" and 2-3 letters, on a new last line of the note.
    let noteText = textOf(note);
    let noteVersion = 1;
    const lastLine = noteText.split('\n').length - 1;
    const appendAt = { line: lastLine, character: noteText.split('\n')[lastLine].length };
    client.changeRange(uriOf(note), ++noteVersion, { start: appendAt, end: appendAt }, '\n\n');
    noteText += '\n\n';
    const typingLine = lastLine + 2;
    let typed = '';
    const completeWith = async (prefix) => {
      const replacement = `Siehe [${prefix}`;
      client.changeRange(uriOf(note), ++noteVersion, { start: { line: typingLine, character: 0 }, end: { line: typingLine, character: typed.length } }, replacement);
      typed = replacement;
      return client.completion(uriOf(note), { line: typingLine, character: replacement.length }, undefined, 30_000);
    };
    const prefixOf = (title) => {
      // What a user types: the first 2-3 characters of the name (an acronym prefix keeps its hyphen).
      const prefix = title.slice(0, 2 + Math.floor(random() * 2)).trimEnd();
      return random() < 0.25 ? prefix.toLowerCase() : prefix;
    };
    for (let i = 0; i < WARMUP; i++) await completeWith(prefixOf(pick(manifest.sampleTitles)));
    const completionTimes = [];
    let completionEmpty = 0;
    let completionItemsTotal = 0;
    let completionIncomplete = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const prefix = prefixOf(pick(manifest.sampleTitles));
      const answer = await completeWith(prefix);
      completionTimes.push(answer.ms);
      const items = completionItems(answer.result);
      completionItemsTotal += items.length;
      if (items.length === 0) {
        completionEmpty++;
        (result.emptyCompletionPrefixes ??= []).push(prefix);
      }
      if (answer.result?.isIncomplete) completionIncomplete++;
    }
    result.completion = stats(completionTimes);
    result.completionItemsMean = completionItemsTotal / REQUESTS;
    result.completionEmpty = completionEmpty;
    result.completionIncomplete = completionIncomplete;

    // didChange with an undeclared tag -> fresh diagnostics for that document.
    const diagnosticsFile = probes.diagnostics.file;
    let termText = textOf(diagnosticsFile);
    const tagsLine = lineRangeOf(termText, TAGS_PATTERN);
    let termVersion = 1;
    let currentTagsLine = tagsLine.match[0];
    const diagnosticTimes = [];
    for (let round = 0; round < DIAGNOSTIC_ROUNDS; round++) {
      // A pause before each edit, as between a user's keystrokes: the server checks a burst of edits
      // at most every 50 ms, and the completion phase just before typed into a note.
      await sleep(100);
      const tag = `Undeklariert${round}`;
      const line = `tags: [${tagsLine.match[1]}, ${tag}]`;
      const range = { start: tagsLine.range.start, end: { line: tagsLine.range.start.line, character: currentTagsLine.length } };
      const seen = client.waitForDiagnostics(uriOf(diagnosticsFile), (diagnostics) => diagnostics.some((d) => d.code === 'unknown-tag' && d.message.includes(tag)), 10_000);
      const sent = now();
      client.changeRange(uriOf(diagnosticsFile), ++termVersion, range, line);
      currentTagsLine = line;
      termText = replaceLine(termText, range, line);
      try {
        const entry = await seen;
        diagnosticTimes.push(entry.at - sent);
      } catch (error) {
        result.problems.push(`diagnostics round ${round}: ${error.message.slice(0, 300)}`);
      }
    }
    result.diagnostics = { ...stats(diagnosticTimes), samples: diagnosticTimes };

    // didChange of a term's title -> a hover on a link to it in another open document shows it.
    const edit = probes.edit;
    let editText = textOf(edit.file);
    let editVersion = 1;
    const titleLine = lineRangeOf(editText, TITLE_PATTERN);
    let currentTitleLine = titleLine.match[0];
    const linkPosition = { line: edit.linkFrom.line, character: edit.linkFrom.character + (edit.linkFrom.length >> 1) };
    const before0 = await client.hover(uriOf(edit.linkFrom.file), linkPosition, 30_000);
    if (!hoverText(before0.result).includes(edit.title)) result.problems.push(`hover on the link to "${edit.title}" in ${edit.linkFrom.file} before the edit: ${JSON.stringify(hoverText(before0.result).slice(0, 120))}`);
    const titleTimes = [];
    for (let round = 0; round < TITLE_ROUNDS; round++) {
      const newTitle = `${edit.title} Neufassung${round}`;
      const line = `title: ${newTitle}`;
      const range = { start: titleLine.range.start, end: { line: titleLine.range.start.line, character: currentTitleLine.length } };
      const sent = now();
      client.changeRange(uriOf(edit.file), ++editVersion, range, line);
      currentTitleLine = line;
      editText = replaceLine(editText, range, line);
      let polls = 0;
      for (;;) {
        const answer = await client.hover(uriOf(edit.linkFrom.file), linkPosition, 30_000);
        polls++;
        if (hoverText(answer.result).includes(newTitle)) {
          titleTimes.push(answer.at - sent);
          break;
        }
        if (now() - sent > 10_000) {
          result.problems.push(`title round ${round}: hover did not show "${newTitle}" within 10 s (${polls} polls); last: ${JSON.stringify(hoverText(answer.result).slice(0, 120))}`);
          break;
        }
      }
      await sleep(20);
    }
    result.titleToHover = stats(titleTimes);

    // The peak of the issue's workload, before the peer's requests (a first search for references
    // reads every file again).
    result.peakRss = client.memory().peakRss;
    // Only where the peer answers them too: they are for the side-by-side table, and at 100k one
    // search for a term mentioned in thousands of files takes minutes.
    if (PEER_SIZES.includes(size)) {
      progress(`${label}: the requests the peer also answers`);
      result.common = await measureCommonRequests(client, { root, manifest, random: commonRandom(size), requests: REQUESTS, pullDiagnostics: false });
    }

    const memory = client.memory();
    if (result.common !== undefined) result.peakRssAtEnd = memory.peakRss;
    result.rssAtEnd = memory.rss;
    result.cpuAtEnd = client.cpuSeconds();
  } catch (error) {
    result.error = `${error.stack ?? error}\nstderr:\n${client.stderr.slice(-4000)}`;
    progress(`${label}: FAILED: ${error.message}`);
    const memory = client.memory();
    result.peakRss ??= memory.peakRss;
  } finally {
    const exit = await client.shutdown();
    result.exit = exit;
    if (client.stderr.trim() !== '') result.stderr = client.stderr.slice(-2000);
  }
  progress(`${label}: ready ${result.readyMs?.toFixed(0)} ms, peak RSS ${(result.peakRss / 1048576).toFixed(0)} MiB`);
  result.readyRuns = result.readyMs === undefined ? [] : [{ readyMs: result.readyMs, serverIndexMs: result.serverIndexMs, cpuAtReady: result.cpuAtReady }];
  for (let run = 1; run < readyRunsFor(size) && result.error === undefined; run++) {
    try {
      const sample = await startupOnly(root, label);
      result.readyRuns.push(sample);
      progress(`${label}: start-up ${run + 1}: ready ${sample.readyMs.toFixed(0)} ms`);
    } catch (error) {
      result.problems.push(`extra start-up ${run + 1}: ${error.message.slice(0, 300)}`);
    }
  }
  result.readyMedian = percentile(result.readyRuns.map((run) => run.readyMs), 50);
  result.serverIndexMedian = percentile(result.readyRuns.map((run) => run.serverIndexMs), 50);
  // Apart from the run above: a request that timed out there says nothing about start-up.
  result.warm = await measureWarm(root, label, manifest.markdownFiles, readyRunsFor(size), result.problems);
  if (PEER_SIZES.includes(size)) {
    progress(`${label}: peer ${PEER_NAME}`);
    const markdownFiles = await listMarkdown(root);
    result.peer = await measurePeer({ root, manifest, markdownFiles, random: commonRandom(size), requests: REQUESTS, readyTimeoutMs: READY_TIMEOUT_MS, progress: (message) => progress(`${label}: ${message}`) });
  }
  return result;
}

/**
 * Warm start-ups: a first server writes the cache of parsed files into a fresh folder, a few files
 * are touched (a new modification time: they must be read again), then servers start on that cache.
 */
async function measureWarm(root, label, markdownFiles, runs, problems) {
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'markdown-glossary-bench-cache-'));
  const options = { settings: { cacheFolder } };
  try {
    progress(`${label}: warm start: writing the cache`);
    const writing = await startupOnly(root, label, options, true);
    const files = await listMarkdown(root);
    const touched = files.filter((file) => file.endsWith('.md')).filter((_, n, all) => n % Math.floor(all.length / WARM_TOUCHED) === 0).slice(0, WARM_TOUCHED);
    const warm = { writingReadyMs: writing.readyMs, touched: touched.length, runs: [] };
    for (let run = 0; run < runs; run++) {
      const now = new Date();
      for (const file of touched) utimesSync(file, now, now);
      const sample = await startupOnly(root, label, options);
      warm.runs.push(sample);
      progress(`${label}: warm start-up ${run + 1}: ready ${sample.readyMs.toFixed(0)} ms, ${sample.fromCache} files from the cache`);
      if (sample.fromCache !== markdownFiles - touched.length) problems.push(`warm start-up ${run + 1} took ${sample.fromCache} files from the cache, expected ${markdownFiles - touched.length}`);
    }
    warm.readyMedian = percentile(warm.runs.map((run) => run.readyMs), 50);
    return warm;
  } catch (error) {
    problems.push(`warm start: ${error.message.slice(0, 300)}`);
    return undefined;
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

const fmt = (value, digits) => {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (digits !== undefined) return value.toFixed(digits);
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
};
const mib = (bytes) => fmt(bytes / 1048576, 0);
const triple = (s) => (s ? `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}` : '–');

function report(results) {
  const columns = results.map((r) => r.label);
  const rows = [];
  const row = (name, cells, target10k = '', target100k = '') => rows.push(`| ${name} | ${cells.join(' | ')} | ${target10k} | ${target100k} |`);
  const each = (f) => results.map((r) => {
    try {
      return f(r);
    } catch {
      return '–';
    }
  });
  row('Markdown files (terms + notes)', each((r) => String(r.manifest.markdownFiles)));
  row('Corpus size MiB (term files min–max B)', each((r) => `${fmt(r.manifest.bytes / 1048576, 1)} (${r.manifest.termBytes.min}–${r.manifest.termBytes.max})`));
  row('Floor: list files ms (readdirSync)', each((r) => fmt(r.floor.walkMs)));
  for (const [name, label] of Object.entries(FLOOR_LABELS)) row(`Floor: list + read + split ms, ${label}`, each((r) => fmt(r.floor.variants[name])));
  row('**Floor ms** (the fastest of those)', each((r) => `${fmt(r.floor.floorMs)} (${r.floor.chosen})`));
  row('Spawn → initialize answered ms', each((r) => fmt(r.initializeMs)));
  row('**Spawn → index ready ms**, median (min–max, runs)', each((r) => `${fmt(r.readyMedian)} (${fmt(Math.min(...r.readyRuns.map((x) => x.readyMs)))}–${fmt(Math.max(...r.readyRuns.map((x) => x.readyMs)))}, ${r.readyRuns.length})`), '≤ 1500', '≤ 15000');
  row('Server-reported indexing ms, median', each((r) => fmt(r.serverIndexMedian)));
  row('**Ready / floor** (median ready)', each((r) => `${fmt(r.readyMedian / r.floor.floorMs, 1)}×`), '≤ 2.5×', '≤ 2.5×');
  row('Server CPU s at ready (all threads, full run)', each((r) => fmt(r.cpuAtReady, 2)));
  // The most of any start-up, cold or warm: a busy machine slows one start-up as much as another.
  const otherCpu = (r) => Math.max(0, ...[r.otherCpuDuringStartup, ...r.readyRuns.slice(1), ...(r.warm?.runs ?? [])].map((x) => (typeof x === 'number' ? x : x?.otherCpuDuringStartup)).filter(Number.isFinite));
  row('Other processes\' CPU s during a start-up, the most of any', each((r) => fmt(otherCpu(r), 2)));
  row('**Warm start: spawn → ready ms**, median (min–max, runs), cache of parsed files, a few files touched', each((r) => `${fmt(r.warm.readyMedian)} (${fmt(Math.min(...r.warm.runs.map((x) => x.readyMs)))}–${fmt(Math.max(...r.warm.runs.map((x) => x.readyMs)))}, ${r.warm.runs.length})`), '< floor', '≤ 3000');
  row('Warm start: files from the cache / touched and read again', each((r) => `${r.warm.runs[0].fromCache} / ${r.warm.touched}`));
  row('First start with the cache on (none yet; writes it): ready ms', each((r) => fmt(r.warm.writingReadyMs)));
  row('Warm / cold ready (medians)', each((r) => `${fmt(r.warm.readyMedian / r.readyMedian, 2)}×`));
  row('**Warm ready / floor** (medians)', each((r) => `${fmt(r.warm.readyMedian / r.floor.floorMs, 1)}×`), '< 1×', '');
  row('Warm start: peak RSS MiB at ready', each((r) => mib(Math.max(...r.warm.runs.map((x) => x.peakRss)))));
  row('Start-up hover: first answer ms (before ready?)', each((r) => (r.startup.first ? `${fmt(r.startup.first.ms)} (${r.startup.first.beforeReady ? 'yes' : 'no'}${r.startup.first.content ? ', term' : ', null'})` : 'none sent')), 'answered', 'answered');
  row('Start-up hovers before ready: n / with a term', each((r) => `${r.startup.answeredBeforeReady} / ${r.startup.withContentBeforeReady}`));
  row('Start-up hover latency before ready p50 / p95 / max ms', each((r) => `${fmt(r.startup.p50LatencyBeforeReady)} / ${fmt(r.startup.p95LatencyBeforeReady)} / ${fmt(r.startup.maxLatencyBeforeReady)}`));
  row('First hover after ready: answered +ms', each((r) => fmt(r.firstHoverAfterReadyMs)));
  row('Files with diagnostics after start-up (corpus is clean)', each((r) => String(r.filesWithProblemsAtStart)));
  row('Ready → every file checked for problems ms', each((r) => fmt(r.checkAllMs)));
  row('Hovers meanwhile: n, p50 / p95 / max ms', each((r) => (r.hoverDuringCheck.n === 0 ? '0' : `${r.hoverDuringCheck.n}, ${fmt(r.hoverDuringCheck.p50)} / ${fmt(r.hoverDuringCheck.p95)} / ${fmt(r.hoverDuringCheck.max)}`)));
  row('**Hover p50 / p95 / p99 ms**', each((r) => triple(r.hover)), 'p99 < 5', 'p99 < 10');
  row('Hovers without the expected term (timed run)', each((r) => `${r.hoverMisses} / ${r.hover.n}`));
  row('Sweep of all probe positions: missed mentions / links', each((r) => `${r.sweep.missedMentions} of ${r.sweep.mentions} / ${r.sweep.missedLinks} of ${r.sweep.links}`));
  row('**Completion p50 / p95 / p99 ms**', each((r) => triple(r.completion)), 'p99 < 15', 'p99 < 30');
  row('Completion: mean items / empty / incomplete', each((r) => `${fmt(r.completionItemsMean, 0)} / ${r.completionEmpty} / ${r.completionIncomplete}`));
  row('**didChange → diagnostics p50 / p95 / max ms**', each((r) => `${fmt(r.diagnostics.p50)} / ${fmt(r.diagnostics.p95)} / ${fmt(r.diagnostics.max)}`), '< 20');
  row('New title shown in hover elsewhere p50 / max ms', each((r) => `${fmt(r.titleToHover.p50)} / ${fmt(r.titleToHover.max)}`));
  row('RSS at ready MiB', each((r) => mib(r.rssAtReady)));
  row('**Peak RSS MiB** (VmHWM, before the peer\'s requests)', each((r) => mib(r.peakRss)), '< 200', '< 1536');
  row('Peak RSS MiB after the peer\'s requests (references read every file)', each((r) => (r.peakRssAtEnd === undefined ? '– (not asked)' : mib(r.peakRssAtEnd))));

  const lines = [];
  lines.push(`Machine: ${machine()}`);
  const builds = [...new Set(results.map((r) => r.serverBuilt))].map((mtime) => (Number.isNaN(mtime) ? 'missing!' : new Date(mtime).toISOString()));
  lines.push(`Server: ${path.relative(REPO_ROOT, SERVER)} (built ${builds.join(', ')}); ${REQUESTS} requests per latency; ${WARMUP} warm-up requests not counted; CPUs busy with other work just before each size's server started: ${results.map((r) => `${fmt(r.busyBefore * 100, 0)}%`).join(', ')} (1-min load average ${results.map((r) => r.loadBefore.toFixed(2)).join(', ')}).`);
  lines.push('');
  lines.push(`| Metric | ${columns.join(' | ')} | Target 10k | Target 100k |`);
  lines.push(`|---|${columns.map(() => '---:').join('|')}|---|---|`);
  lines.push(...rows);

  if (results.length > 1) {
    lines.push('');
    lines.push('Growth between sizes (linear = the size ratio):');
    lines.push('');
    const pairs = results.slice(1).map((r, i) => [results[i], r]);
    lines.push(`| Ratio | ${pairs.map(([a, b]) => `${a.label} → ${b.label}`).join(' | ')} |`);
    lines.push(`|---|${pairs.map(() => '---:').join('|')}|`);
    const ratio = (name, f) => lines.push(`| ${name} | ${pairs.map(([a, b]) => `${fmt(f(b) / f(a), 1)}×`).join(' | ')} |`);
    ratio('Markdown files', (r) => r.manifest.markdownFiles);
    ratio('Floor (list + read + split)', (r) => r.floor.floorMs);
    ratio('Ready time (median)', (r) => r.readyMedian);
    ratio('Server-reported indexing (median)', (r) => r.serverIndexMedian);
    ratio('Server CPU at ready', (r) => r.cpuAtReady);
    ratio('Peak RSS', (r) => r.peakRss);
    ratio('Hover p50', (r) => r.hover.p50);
    ratio('Completion p50', (r) => r.completion.p50);
    ratio('didChange → diagnostics p50', (r) => r.diagnostics.p50);
  }

  const withPeer = results.filter((r) => r.peer !== undefined && r.common !== undefined);
  if (withPeer.length > 0) {
    lines.push('');
    lines.push(`Side by side with ${PEER_NAME} (VS Code's built-in Markdown server) on the same corpus and requests, one server after the other; the peer's times include the file reading and markdown-it parsing this harness does for it as its client:`);
    lines.push('');
    lines.push(`| Metric | ${withPeer.map((r) => `ours ${r.label} | peer ${r.label} | peer / ours`).join(' | ')} |`);
    lines.push(`|---|${withPeer.map(() => '---:|---:|---:').join('|')}|`);
    const compare = (name, ours, peer, cell = fmt) => {
      const cells = withPeer.map((r) => {
        try {
          const [a, b] = [ours(r), peer(r.peer)];
          return `${cell(a)} | ${cell(b)} | ${fmt(b / a, 1)}×`;
        } catch {
          return '– | – | –';
        }
      });
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    };
    const timed = (f, p) => (r) => percentile(f(r).times, p);
    compare('Spawn → every file indexed ms (ours: ready, median; peer: first workspace symbol search answered)', (r) => r.readyMedian, (p) => p.readyMs);
    compare('Peak RSS MiB, after these requests too', (r) => r.peakRssAtEnd / 1048576, (p) => p.peakRss / 1048576, (v) => fmt(v, 0));
    for (const [name, key] of [['Find references from a link', 'references'], ['Workspace symbol search', 'workspaceSymbols'], ['Completion after `](`', 'completion'], ['Added broken link → its diagnostic', 'brokenLinkDiagnostics']]) {
      compare(`${name} p50 ms`, (r) => percentile(r.common[key].times, 50), timed((p) => p[key], 50));
      compare(`${name} p99 ms`, (r) => percentile(r.common[key].times, 99), timed((p) => p[key], 99));
    }
    compare('Completion after `](`: items', (r) => r.common.completion.items, (p) => p.completion.items, (v) => String(v));
  }

  const problems = results.flatMap((r) => [
    ...(r.peer?.error ? [`${r.label}: peer run failed: ${r.peer.error.split('\n')[0]}`] : []),
    ...(r.error ? [`${r.label}: run failed: ${r.error.split('\n')[0]}`] : []),
    ...r.problems.map((problem) => `${r.label}: ${problem}`),
    ...(r.hoverMissSamples?.length > 0 ? [`${r.label}: hovers without the expected term: ${r.hoverMissSamples.slice(0, 6).map((m) => `${m.kind} "${m.surface}" (${m.file}:${m.line + 1}:${m.character + 1}) -> ${m.got === null ? 'null' : JSON.stringify(m.got)}`).join('; ')}`] : []),
    ...(r.startup?.slowest?.length > 0 && r.startup.maxLatencyBeforeReady > 50 ? [`${r.label}: slowest start-up hovers: ${r.startup.slowest.map((h) => `${fmt(h.ms)} ms (sent ${fmt(h.sentBeforeReadyMs)} ms before ready)`).join(', ')}`] : []),
    ...(r.emptyCompletionPrefixes ? [`${r.label}: completions with no items after "[${r.emptyCompletionPrefixes.join('", "[')}"`] : []),
    ...(r.stderr ? [`${r.label}: server stderr: ${r.stderr.slice(0, 300)}`] : []),
  ]);
  if (problems.length > 0) {
    lines.push('');
    lines.push('Problems noticed:');
    for (const problem of problems) lines.push(`- ${problem}`);
  }
  return lines.join('\n');
}

function statMtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- main

const results = [];
for (const size of SIZES) results.push(await measure(size));
const text = report(results);
console.log(text);
const resultsFile = path.join(CACHE_ROOT, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(resultsFile, JSON.stringify({ machine: machine(), server: SERVER, results }, null, 1));
progress(`raw results: ${path.relative(REPO_ROOT, resultsFile)}`);
if (argv.includes('--json')) console.log(JSON.stringify(results, null, 1));
