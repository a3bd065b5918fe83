// The peer of `npm run bench`: VS Code's own Markdown language server (the npm package
// vscode-markdown-languageserver, behind VS Code's built-in Markdown support), started over stdio on
// the same corpus in the same run, and the requests both servers answer, timed the same way on
// each.
//
// That server leaves file access and Markdown parsing to its client; this harness answers those
// requests as VS Code's Markdown extension does (files read from disk, tokens from markdown-it), so
// the peer's times include that client work, and its peak RSS does not.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from './generate.mjs';
import { completionItems, LspClient } from './lsp.mjs';

const require = createRequire(import.meta.url);
export const PEER_NAME = `vscode-markdown-languageserver ${require('vscode-markdown-languageserver/package.json').version}`;
const PEER_SERVER = path.join(path.dirname(require.resolve('vscode-markdown-languageserver/package.json')), 'dist', 'node', 'workerMain.js');
const MarkdownIt = require('markdown-it');

/** VS Code's Markdown settings, with link validation on so both servers check links. */
const PEER_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/** Spawns the peer and answers its file-system and parse requests for the corpus at `root`. */
function spawnPeer(markdownFiles) {
  const client = LspClient.spawn([PEER_SERVER, '--stdio'], { cwd: REPO_ROOT });
  const markdownIt = new MarkdownIt({ html: true });
  const pathOf = (uri) => fileURLToPath(uri);
  client.requestHandlers.set('markdown/findMarkdownFilesInWorkspace', () => markdownFiles.map((file) => pathToFileURL(file).href));
  client.requestHandlers.set('markdown/fs/readFile', ({ uri }) => Array.from(readFileSync(pathOf(uri))));
  client.requestHandlers.set('markdown/fs/stat', ({ uri }) => {
    try {
      return { isDirectory: statSync(pathOf(uri)).isDirectory() };
    } catch {
      return undefined;
    }
  });
  client.requestHandlers.set('markdown/fs/readDirectory', ({ uri }) =>
    readdirSync(pathOf(uri), { withFileTypes: true }).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
  );
  client.requestHandlers.set('markdown/parse', ({ uri, text }) => markdownIt.parse(text ?? readFileSync(pathOf(uri), 'utf8'), {}));
  client.requestHandlers.set('workspace/configuration', ({ items }) => items.map((item) => (item.section === 'markdown' ? PEER_SETTINGS.markdown : null)));
  return client;
}

/**
 * The requests both servers answer, on one open client, each timed from send to answer:
 * find references on a link's target, a workspace symbol search, completion
 * after `](`, and an edit adding a broken link until the diagnostics show it (pushed by our server,
 * pulled from the peer).
 */
export async function measureCommonRequests(client, { root, manifest, random, requests, pullDiagnostics }) {
  const uriOf = (file) => pathToFileURL(path.join(root, file)).href;
  const { probes } = manifest;
  const texts = new Map();
  const textOf = (file) => {
    if (!texts.has(file)) texts.set(file, readFileSync(path.join(root, file), 'utf8'));
    return texts.get(file);
  };
  const linkTargets = [...probes.notes, ...probes.terms].flatMap((file) =>
    probes.mentions[file]
      .filter((mark) => mark.kind === 'link')
      // The target of `[text](target)` starts two characters after the text; aim inside it.
      .map((mark) => ({ uri: uriOf(file), position: { line: mark.line, character: mark.character + mark.length + 4 } })),
  );
  const pick = (list) => list[Math.floor(random() * list.length)];
  const result = {};

  const timeRequest = async (count, send, check) => {
    const times = [];
    let empty = 0;
    for (let i = 0; i < count; i++) {
      const answer = await send();
      times.push(answer.ms);
      if (!check(answer.result)) empty++;
    }
    return { times, empty };
  };
  const found = (answer) => (Array.isArray(answer) ? answer.length > 0 : answer != null);

  result.references = await timeRequest(Math.min(requests, 50), () => {
    const target = pick(linkTargets);
    return client.request('textDocument/references', { textDocument: { uri: target.uri }, position: target.position, context: { includeDeclaration: true } }, 120_000);
  }, found);
  result.workspaceSymbols = await timeRequest(Math.min(requests, 50), () => client.request('workspace/symbol', { query: pick(manifest.sampleTitles).slice(0, 4) }, 120_000), found);

  // Completion after `](` typed on a new last line of a note.
  const note = probes.notes[1] ?? probes.notes[0];
  const noteText = textOf(note);
  const lastLine = noteText.split('\n').length - 1;
  const end = { line: lastLine, character: noteText.split('\n')[lastLine].length };
  const typed = '\n\nSiehe [Begriff](';
  client.changeRange(uriOf(note), 2, { start: end, end }, typed);
  let items = 0;
  const completion = await timeRequest(Math.min(requests, 50), async () => {
    const answer = await client.completion(uriOf(note), { line: lastLine + 2, character: typed.length - 2 }, '(', 60_000);
    items = completionItems(answer.result).length;
    return answer;
  }, (answer) => completionItems(answer).length > 0);
  result.completion = { ...completion, items };

  // A broken link appended to a term, line by line: time until that line's problem is reported.
  const file = probes.diagnostics.file;
  const termText = textOf(file);
  const termLines = termText.split('\n');
  let line = termLines.length - 1;
  let character = termLines[line].length;
  let version = 1;
  const diagnosticTimes = [];
  for (let round = 0; round < 10; round++) {
    const added = `\nSiehe [Fehlt ${round}](./fehlt-${round}.md).`;
    const addedLine = line + 1;
    const onLine = (diagnostics) => diagnostics.some((diagnostic) => diagnostic.range.start.line === addedLine);
    const pushed = pullDiagnostics ? undefined : client.waitForDiagnostics(uriOf(file), onLine, 30_000);
    const sent = performance.now();
    client.changeRange(uriOf(file), ++version, { start: { line, character }, end: { line, character } }, added);
    line = addedLine;
    character = added.length - 1;
    if (pushed) {
      diagnosticTimes.push((await pushed).at - sent);
    } else {
      for (;;) {
        const answer = await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } }, 60_000);
        if (onLine(answer.result.items ?? [])) {
          diagnosticTimes.push(answer.at - sent);
          break;
        }
        if (performance.now() - sent > 30_000) throw new Error(`the broken link of round ${round} was not reported within 30 s`);
      }
    }
    // A pause between edits, as between a user's keystrokes (our server checks a burst once per 50 ms).
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  result.brokenLinkDiagnostics = { times: diagnosticTimes, empty: 0 };
  return result;
}

/**
 * Starts the peer on the corpus, waits until it has read and parsed every file (its first
 * workspace symbol search needs all of them), then times the common requests.
 */
export async function measurePeer({ root, manifest, markdownFiles, random, requests, readyTimeoutMs, progress }) {
  const client = spawnPeer(markdownFiles.filter((file) => file.endsWith('.md')));
  const result = { name: PEER_NAME };
  try {
    await client.initialize(pathToFileURL(root).href, path.basename(root), { markdownFileExtensions: ['md'] });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: PEER_SETTINGS });
    const { probes } = manifest;
    for (const file of [...probes.notes, ...probes.terms]) client.open(pathToFileURL(path.join(root, file)).href, readFileSync(path.join(root, file), 'utf8'));
    const firstSearch = await client.request('workspace/symbol', { query: 'Begriff' }, readyTimeoutMs);
    result.readyMs = firstSearch.at - client.spawnedAt;
    result.cpuAtReady = client.cpuSeconds();
    progress(`peer: every file parsed after ${result.readyMs.toFixed(0)} ms`);
    Object.assign(result, await measureCommonRequests(client, { root, manifest, random, requests, pullDiagnostics: true }));
    result.peakRss = client.memory().peakRss;
  } catch (error) {
    result.error = `${error.stack ?? error}\nstderr:\n${client.stderr.slice(-2000)}`;
    progress(`peer: FAILED: ${error.message}`);
    result.peakRss = client.memory().peakRss;
  } finally {
    await client.shutdown();
  }
  return result;
}
