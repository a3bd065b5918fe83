#!/usr/bin/env node
// A screenshot of the workbench with the hover over "Outtasking" in a note, as a user sees it:
// code-server with the extension loaded from source, opened in headless Chromium; the note is
// opened through Quick Open and the mouse rests on the word until the hover shows.
//
//   node scripts/e2e/screenshot.mjs [--out docs/images/hover.png] [--keep]
//
// Uses the same cached installs as run.mjs (installs them on first use).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  buildExtension,
  cleanup,
  elapsed,
  ensureCodeServerRun,
  launchChromium,
  log,
  newPage,
  prepareRun,
  quickOpen,
  runMain,
  startCodeServer,
  workbenchUrl,
} from './lib.mjs';

const NOTE = 'Projekt-Auslagerung.md';
const WORD = 'Outtasking';
const LINE_CONTEXT = 'als Outtasking'; // the mention in the note's first paragraph
const HOVER_TEXT = 'besondere Form des Outsourcings';

function parseArgs(argv) {
  const options = { out: path.join(ROOT, 'docs', 'images', 'hover.png'), keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = path.resolve(argv[++i]);
    else if (argv[i] === '--keep') options.keep = true;
    else {
      process.stderr.write(`unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  return options;
}

/** The centre of WORD in the rendered editor line that contains LINE_CONTEXT, in page pixels. */
async function wordCentre(page) {
  return page.evaluate(
    ({ word, context }) => {
      const normal = (text) => text.replace(/\u00a0/g, ' ');
      for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
        if (!normal(line.textContent ?? '').includes(context)) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = normal(node.data).indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width };
        }
      }
      return undefined;
    },
    { word: WORD, context: LINE_CONTEXT },
  );
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const start = Date.now();
  const tools = ensureCodeServerRun();
  buildExtension();

  const run = prepareRun('screenshot');
  let ok = false;
  try {
    const server = await startCodeServer(run);
    const browser = await launchChromium(tools['playwright-core'], path.join(run.runDir, 'chromium'));
    const page = await newPage(browser, run.runDir, { viewport: { width: 1280, height: 760 } });
    await page.goto(workbenchUrl({ port: server.port, folder: run.workspace }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    log('workbench loaded');

    await quickOpen(page, NOTE);
    log(`opened ${NOTE} through Quick Open`);

    const hover = page.locator('.monaco-hover:visible', { hasText: HOVER_TEXT });
    for (let attempt = 1; attempt <= 20; attempt++) {
      const centre = await wordCentre(page);
      if (centre === undefined) {
        await page.waitForTimeout(500);
        continue;
      }
      // Away first, then onto the word in small steps, as a hand moves; the first hover after
      // start-up may come before the language server has indexed the glossary, so try again.
      await page.mouse.move(centre.x, centre.y + 200);
      await page.waitForTimeout(300);
      await page.mouse.move(centre.x, centre.y, { steps: 8 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 4_000 });
        ok = true;
        log(`hover visible after ${attempt} attempt(s)`);
        break;
      } catch {
        log(`no hover yet (attempt ${attempt})`);
      }
    }
    if (!ok) throw new Error(`no hover with "${HOVER_TEXT}" appeared over "${WORD}"`);
    await page.waitForTimeout(500); // let the hover finish laying out
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    await page.screenshot({ path: options.out });
    log(`saved ${path.relative(ROOT, options.out)} in ${elapsed(start)}`);
  } finally {
    await cleanup();
    if (options.keep || !ok) log(`run folder kept: ${run.runDir}`);
    else fs.rmSync(run.runDir, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

runMain(main);
