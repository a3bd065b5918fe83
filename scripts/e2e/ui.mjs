#!/usr/bin/env node
// UI tests of the packaged extension, done as a user does them: the .vsix is built, installed into
// code-server 4.100.3 (VS Code 1.100.3) with `--install-extension`, and the workbench is driven in
// headless Debian Chromium through playwright-core: Quick Open, the mouse on a word, typing, the
// suggest widget, the Problems panel and the quick fix menu. Everything asserted is read from the
// page (hover, suggest rows, problems, editor lines). No extensionDevelopmentPath: the installed
// .vsix has to work on its own.
//
//   node scripts/e2e/ui.mjs                     build the .vsix, install it, run the UI tests
//   node scripts/e2e/ui.mjs --vsix FILE         test this .vsix instead of building one
//   node scripts/e2e/ui.mjs --grep problem      only the tests whose title matches
//   node scripts/e2e/ui.mjs --keep              keep the run folder (workspace copy, logs, screenshots)
//   node scripts/e2e/ui.mjs --screenshots DIR   where completion.png, problems.png, quickfix.png, views.png
//                                               and preview.png
//                                               go (default docs/images; "none" for the run folder only)
//
// The .vsix is built as `npm run package` builds it (scripts/package.mjs: the stock `vsce package`
// in a copy of the repository without node_modules/ and .test-cache/, whose 130 000 files would make
// vsce's walk take 45 s instead of 3 s).
//
// Every step's screenshot is kept in the run folder (screenshots/); a failing test adds one of the
// moment it failed. Environment: E2E_TIMEOUT (seconds per test, default 120), E2E_VERBOSE=1,
// E2E_CACHE_DIR, E2E_CHROMIUM, E2E_NO_APT=1 (see run.mjs).
//
// Prints one line per test, then "N passed, N failed"; the exit code is 1 if any test failed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  cleanup,
  codeServerCommand,
  elapsed,
  ensureCodeServerRun,
  isolatedEnv,
  launchChromium,
  log,
  newPage,
  prepareRun,
  printHelpAndExit,
  quickOpen,
  runLogged,
  runMain,
  startCodeServer,
  tail,
} from './lib.mjs';
import { packageVsix as packVsix } from '../package.mjs';

const EXTENSION_ID = 'markdown-glossary.markdown-glossary';
const NOTE = 'Projekt-Auslagerung.md'; // content/notizen/
const TERM = 'Outtasking.md'; // content/glossar/
const DEFINITION = 'Das Outtasking ist eine besondere Form des Outsourcings.';
const COMPLETION_LINE = 'Offene Punkte:'; // a short line of the note: no wrapping after the completion
const COMPLETED_LINE = 'Offene Punkte: [Outtasking](../glossar/Outtasking.md)';
const TAGS_LINE = 'tags: [Begriffe, IM]';
const BAD_TAG = 'Stratgie';
const GOOD_TAG = 'Strategie';

function parseArgs(argv) {
  const options = {
    vsix: undefined,
    grep: '',
    keep: false,
    screenshots: path.join(ROOT, 'docs', 'images'),
    timeout: Number(process.env.E2E_TIMEOUT || 120),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    if (arg === '--vsix') options.vsix = path.resolve(value());
    else if (arg === '--grep') options.grep = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--screenshots') {
      const dir = value();
      options.screenshots = dir === 'none' ? undefined : path.resolve(dir);
    }
    else if (arg === '--timeout') options.timeout = Number(value());
    else if (arg === '--help' || arg === '-h') printHelpAndExit(import.meta.url);
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/e2e/ui.mjs [--vsix FILE] [--grep TEXT] [--keep] [--screenshots DIR|none] [--timeout S]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Building and installing the .vsix

/** The .vsix as `npm run package` makes it, into `runDir`; returns its path. */
function packageVsix(runDir) {
  const start = Date.now();
  const vsix = path.join(runDir, 'markdown-glossary.vsix');
  fs.writeFileSync(path.join(runDir, 'package.log'), packVsix(vsix));
  log(`packaged ${path.relative(ROOT, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB) in ${elapsed(start)}`);
  return vsix;
}

/** `code-server --install-extension FILE` into the run's own extensions folder. */
function installVsix(vsix, { runDir, userDataDir, extensionsDir, home }) {
  const start = Date.now();
  const [node, entry] = codeServerCommand();
  const env = { ...isolatedEnv(home), EXTENSIONS_GALLERY: '{}' };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  runLogged(node, [entry, ...common, '--install-extension', vsix], path.join(runDir, 'install-extension.log'), { env, timeout: 120_000 });
  const listed = spawnSync(node, [entry, ...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8', timeout: 60_000 });
  const installed = (listed.stdout || '').split('\n').find((line) => line.startsWith(`${EXTENSION_ID}@`));
  if (!installed) throw new Error(`${EXTENSION_ID} is not listed after --install-extension: ${listed.stdout}${listed.stderr}`);
  const folder = fs.readdirSync(extensionsDir).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  for (const file of ['package.json', 'dist/client.js', 'dist/server.js']) {
    if (!folder || !fs.existsSync(path.join(extensionsDir, folder, file))) throw new Error(`the installed extension has no ${file} (${extensionsDir})`);
  }
  log(`installed ${installed} into ${path.relative(ROOT, extensionsDir)} in ${elapsed(start)}`);
  return installed;
}

// ---------------------------------------------------------------------------------------------
// Driving the workbench

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `probe` until it returns something truthy (errors count as "not yet"); returns that. */
async function until(what, probe, { timeout = 30_000, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last instanceof Error ? ` (${last.message.split('\n')[0]})` : ''}`);
    await sleep(interval);
  }
}

/** The editor's visible lines, as text (Monaco renders spaces as U+00A0). */
function editorLines(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
      .map((line) => ({ top: line.getBoundingClientRect().top, text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
}

/**
 * Where `word` is in the rendered editor line that contains `context` (page pixels), or where that
 * line's text ends (`word` undefined).
 */
function textBox(page, { context, word }) {
  return page.evaluate(
    ({ context, word }) => {
      const normal = (text) => text.replace(/\u00a0/g, ' ');
      for (const line of document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')) {
        const text = normal(line.textContent ?? '');
        if (!text.includes(context)) continue;
        const range = document.createRange();
        if (word === undefined) {
          range.selectNodeContents(line);
          const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
          const last = rects[rects.length - 1];
          if (last) return { x: last.right, y: last.top + last.height / 2, width: 0 };
          continue;
        }
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seenContext = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = normal(node.data).indexOf(word);
          if (at < 0) continue;
          // the occurrence at or after the context's start (the word may also be in the context)
          seenContext ||= text.indexOf(word, text.indexOf(context)) >= 0;
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0 && seenContext) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width };
        }
      }
      return undefined;
    },
    { context, word },
  );
}

/** Text of the `context` line, waiting until the editor has rendered it. */
async function lineWith(page, prefix, { timeout = 10_000 } = {}) {
  return until(`an editor line starting with "${prefix}"`, async () => (await editorLines(page)).find((line) => line.startsWith(prefix)), { timeout });
}

/** Clicks at the end of the editor line containing `context`, then End: the cursor is there. */
async function cursorToEndOf(page, context) {
  const end = await until(`the line "${context}" in the editor`, () => textBox(page, { context }), { timeout: 10_000 });
  await page.mouse.click(end.x + 30, end.y);
  await page.keyboard.press('End');
}

/**
 * Waits for the suggest widget to show `label` after typing (asking for it if it does not come) and
 * focuses that row, so that Enter takes it; returns the labels shown.
 */
async function focusSuggestion(page, label) {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  const row = widget.locator('.monaco-list-row', { hasText: label });
  for (let attempt = 1; ; attempt++) {
    try {
      await row.first().waitFor({ state: 'visible', timeout: 6_000 });
      break;
    } catch {
      // '[' is a trigger character; if the widget did not come (or came empty), ask for it.
      if (attempt >= 4) throw new Error(`no suggestion "${label}" (rows: ${JSON.stringify(await texts(page, '.suggest-widget .monaco-list-row'))})`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
    }
  }
  // Enter takes the focused row: move the focus onto it if it is not the first. (Only
  // while the widget shows more than one row: with one, the arrow keys move the cursor instead.)
  let labels = [];
  for (let i = 0; ; i++) {
    labels = await texts(page, '.suggest-widget.visible .monaco-list-row .label-name');
    const focused = (await texts(page, '.suggest-widget.visible .monaco-list-row.focused .label-name'))[0]?.trim();
    if (focused === label) break;
    if (i >= labels.length || labels.length < 2) throw new Error(`cannot focus "${label}" in the suggestions ${JSON.stringify(labels)} (focused: ${focused})`);
    await page.keyboard.press('ArrowDown');
    await sleep(100);
  }
  return labels;
}

/** Visible texts of the elements matching `selector`. */
function texts(page, selector) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0).map((element) => (element.textContent ?? '').replace(/\u00a0/g, ' ')),
  );
}

async function openProblems(page) {
  const panel = page.locator('.markers-panel');
  if (await panel.isVisible()) return panel;
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.keyboard.press('Control+Shift+M');
    try {
      await panel.waitFor({ state: 'visible', timeout: 5_000 });
      return panel;
    } catch {}
  }
  // The menu way, if the key did not arrive: Command Palette, "View: Focus on Problems View".
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input.input').fill('>Focus on Problems');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Problems' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

/** The Glossary container's view `name` ("Terms", "Tags"): its pane, once its rows are drawn. */
async function glossaryPane(page, name) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\W*${name}`, 'i') }) }).first();
  if (!(await pane.isVisible().catch(() => false))) {
    await page.locator('.activitybar .action-item a.action-label[aria-label^="Glossary"]').first().click();
  }
  await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  return pane;
}

/** The rows of a tree view: label, description. */
function treeRows(pane) {
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
      expanded: row.getAttribute('aria-expanded'),
    })),
  );
}

/** Runs a command from the Command Palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

// ---------------------------------------------------------------------------------------------
// The tests

function defineTests({ page, shot }) {
  const tests = [];
  const test = (title, fn) => tests.push({ title, fn });

  /** Opens the term and types ", Stratgie" into its tags list, unless an earlier test did. */
  async function addBadTag() {
    await quickOpen(page, TERM);
    if ((await lineWith(page, 'tags:')).includes(BAD_TAG)) return;
    await cursorToEndOf(page, TAGS_LINE);
    await page.keyboard.press('ArrowLeft'); // before "]"
    await page.keyboard.type(`, ${BAD_TAG}`, { delay: 60 });
    await page.keyboard.press('Escape'); // ',' is a trigger character: close the tag suggestions
    const edited = await lineWith(page, 'tags:');
    if (edited !== `tags: [Begriffe, IM, ${BAD_TAG}]`) throw new Error(`the tags line is "${edited}"`);
  }

  test('the installed extension starts (status bar, Extensions view, no development host)', async () => {
    const status = page.locator('.statusbar-item', { hasText: /\d+ terms/ });
    await status.first().waitFor({ state: 'visible', timeout: 60_000 });
    const statusText = (await status.first().textContent())?.trim();
    if (!/\b30 terms\b/.test(statusText ?? '')) throw new Error(`status bar item: "${statusText}", expected 30 terms`);
    const title = (await texts(page, '.window-title')).join(' ') || (await page.title());
    if (/Extension Development Host/.test(title)) throw new Error(`the window is an extension development host: ${title}`);
    await page.keyboard.press('Control+Shift+X');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Markdown Glossary' });
    await item.first().waitFor({ state: 'visible', timeout: 20_000 });
    await shot('extensions.png');
    await page.keyboard.press('Control+Shift+E');
    return statusText;
  });

  test('hover over "Outtasking" in a note shows its definition', async () => {
    await quickOpen(page, NOTE);
    const hover = page.locator('.monaco-hover:visible', { hasText: DEFINITION });
    for (let attempt = 1; attempt <= 20; attempt++) {
      const word = await textBox(page, { context: 'als Outtasking', word: 'Outtasking' });
      if (word === undefined) {
        await sleep(500);
        continue;
      }
      // Away first, then onto the word in small steps, as a hand moves. The first hover after a file
      // is opened may come before the language server answers (or not at all): try again.
      await page.mouse.move(word.x, word.y + 250);
      await sleep(300);
      await page.mouse.move(word.x, word.y, { steps: 8 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 4_000 });
        const text = (await texts(page, '.monaco-hover')).join('\n');
        if (!text.includes(DEFINITION)) throw new Error(`hover text: ${text}`);
        await sleep(400); // let it finish laying out
        await shot('hover.png');
        await page.mouse.move(word.x, word.y + 400);
        return `after ${attempt} attempt(s)`;
      } catch (error) {
        if (attempt === 20) throw error;
      }
    }
    throw new Error(`no hover with "${DEFINITION}"`);
  });

  test('typing "[Outt" suggests "Outtasking"; Enter inserts the link', async () => {
    await quickOpen(page, NOTE);
    await cursorToEndOf(page, COMPLETION_LINE);
    await page.keyboard.type(' [Outt', { delay: 60 });
    const labels = await focusSuggestion(page, 'Outtasking');
    await sleep(300);
    await shot('completion.png');
    await page.keyboard.press('Enter');
    const line = await until(`the line to become "${COMPLETED_LINE}"`, async () => {
      const found = await lineWith(page, COMPLETION_LINE);
      return found === COMPLETED_LINE ? found : undefined;
    }, { timeout: 10_000 }).catch(async (error) => {
      throw new Error(`${error.message}; the line is "${await lineWith(page, COMPLETION_LINE).catch(() => '?')}"`);
    });
    await page.keyboard.press('Escape');
    return `suggestions ${JSON.stringify(labels)}; line: ${line}`;
  });

  test(`an undeclared tag "${BAD_TAG}" shows in the Problems panel`, async () => {
    await addBadTag();
    const panel = await openProblems(page);
    const row = panel.locator('.monaco-list-row', { hasText: `Tag "${BAD_TAG}" is not declared` });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 }).catch(async () => {
      throw new Error(`the Problems panel lists no "is not declared" for ${BAD_TAG}: ${JSON.stringify(await texts(page, '.markers-panel .monaco-list-row'))}`);
    });
    const problem = (await row.first().getAttribute('aria-label')) || (await row.first().textContent());
    await sleep(300);
    await shot('problems.png');
    return problem;
  });

  test(`its quick fix (Ctrl+.) changes the tag to "${GOOD_TAG}" and the problem goes away`, async () => {
    await addBadTag(); // done by the previous test, unless it runs alone (--grep)
    const menu = page.locator('.action-widget');
    const change = menu.locator('.monaco-list-row', { hasText: `Change to "${GOOD_TAG}"` });
    const declare = menu.locator('.monaco-list-row', { hasText: `Declare "${BAD_TAG}"` });
    let chosen;
    for (let attempt = 1; ; attempt++) {
      const word = await until(`"${BAD_TAG}" in the editor`, () => textBox(page, { context: 'tags:', word: BAD_TAG }), { timeout: 10_000 });
      await page.mouse.click(word.x, word.y);
      await page.keyboard.press('Control+.');
      try {
        await change.or(declare).first().waitFor({ state: 'visible', timeout: 6_000 });
        chosen = (await change.count()) > 0 ? change.first() : declare.first();
        break;
      } catch {
        if (attempt >= 5) throw new Error(`no quick fix menu with "Change to" or "Declare" (menu: ${JSON.stringify(await texts(page, '.action-widget .monaco-list-row'))})`);
        await page.keyboard.press('Escape');
        await sleep(1_000);
      }
    }
    const actions = await texts(page, '.action-widget .monaco-list-row.action');
    const title = (await chosen.textContent())?.trim() ?? '';
    // The arrow keys move the focus onto the chosen fix (the first one has it already), Enter applies it.
    for (let i = 0; i < actions.length; i++) {
      const focused = (await texts(page, '.action-widget .monaco-list-row.focused'))[0]?.trim();
      if (focused === title) break;
      await page.keyboard.press('ArrowDown');
      await sleep(100);
    }
    await sleep(300);
    await shot('quickfix.png');
    await page.keyboard.press('Enter');
    if (title?.startsWith('Change to')) {
      await until(`the tags line to read "tags: [Begriffe, IM, ${GOOD_TAG}]"`, async () => (await lineWith(page, 'tags:')) === `tags: [Begriffe, IM, ${GOOD_TAG}]`, { timeout: 10_000 });
    }
    const panel = await openProblems(page);
    await until(`the problem on "${BAD_TAG}" to leave the Problems panel`, async () => (await panel.locator('.monaco-list-row', { hasText: BAD_TAG }).count()) === 0, {
      timeout: 30_000,
    });
    await sleep(300);
    await shot('quickfix-applied.png');
    return `chose "${title}" of ${JSON.stringify(actions)}`;
  });

  test('Search Glossary for "sla" puts the term with that alias first, and Enter opens it', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.fill('>Markdown Glossary: Search Glossary');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Search Glossary' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('sla', { delay: 60 });
    // The server answers as the user types; the rows shown are VS Code's order of its answer.
    const rows = page.locator('.quick-input-widget .monaco-list-row .label-name');
    let labels = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(200)) {
      labels = await texts(page, '.quick-input-widget .monaco-list-row .label-name');
      if (labels.length > 0 && !(await page.locator('.quick-input-widget .quick-input-progress-bar .progress-bit').isVisible().catch(() => false))) break;
    }
    await rows.first().waitFor({ timeout: 10_000 });
    if (labels[0] !== 'SLA') throw new Error(`the first row is "${labels[0]}", expected the alias SLA: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Service-Level-Agreement.md' }).first().waitFor({ timeout: 10_000 });
    return `rows ${JSON.stringify(labels)}`;
  });

  test('the Glossary view groups the terms by tag; a term lists its links and unlinked mentions', async () => {
    await page.keyboard.press('Escape');
    const terms = await glossaryPane(page, 'Terms');
    const groups = await until('the tag groups', async () => {
      const rows = await treeRows(terms);
      return rows.some((row) => row.label === 'Informationsmanagement') && rows;
    });
    const im = groups.find((row) => row.label === 'Informationsmanagement');
    if (im.description !== 'IM · 4') throw new Error(`the group "Informationsmanagement" says "${im.description}", expected "IM · 4"`);
    await terms.locator('.monaco-list-row', { hasText: 'Informationsmanagement' }).first().click();
    const outtasking = terms.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Outtasking$/ }) }).first();
    await outtasking.waitFor({ timeout: 10_000 });
    // Its twistie opens it; a click on the label opens the file.
    await outtasking.locator('.monaco-tl-twistie').click();
    const references = await until('the links and unlinked mentions of Outtasking', async () => {
      const rows = (await treeRows(terms)).map((row) => row.label);
      return rows.some((label) => /links? here$/.test(label)) && rows.some((label) => /unlinked mentions?$/.test(label)) && rows;
    });
    await shot('views.png');
    return JSON.stringify(references.filter((label) => /here$|mentions?$/.test(label)));
  });

  test('Filter Glossary keeps the terms that match as the user types', async () => {
    await runCommand(page, 'Markdown Glossary: Filter Glossary');
    await page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('near', { delay: 80 });
    const terms = await glossaryPane(page, 'Terms');
    const rows = await until('only the terms matching "near"', async () => {
      const labels = (await treeRows(terms)).map((row) => row.label);
      return labels.includes('Nearshoring') && !labels.includes('Outtasking') && labels;
    });
    await page.keyboard.press('Enter');
    await until('the view to say how many terms match', async () => /1 of 30 terms match "near"/.test((await texts(page, '.pane .message')).join(' ')));
    await runCommand(page, 'Markdown Glossary: Filter Glossary');
    await page.locator('.quick-input-widget input.input').fill('');
    await page.keyboard.press('Enter');
    await until('every group again', async () => (await treeRows(terms)).some((row) => row.label === 'Informationsmanagement'));
    return `rows ${JSON.stringify(rows)}`;
  });

  test('the Tags view counts each tag\'s entries', async () => {
    const tags = await glossaryPane(page, 'Tags');
    const rows = await until('the tags', async () => {
      const found = await treeRows(tags);
      return found.some((row) => row.label === 'Informationsmanagement') && found;
    });
    const im = rows.find((row) => row.label === 'Informationsmanagement');
    if (im.description !== 'IM · 4') throw new Error(`the tag "Informationsmanagement" says "${im.description}"`);
    return JSON.stringify(rows.slice(0, 4).map((row) => `${row.label} (${row.description})`));
  });

  test('"New Term with This Tag" from a tag group creates an entry with that tag', async () => {
    const terms = await glossaryPane(page, 'Terms');
    const input = page.locator('.quick-input-widget input.input');
    // The context menu opens with an animation that can swallow a click (a CI run saw every click of
    // 20 s swallowed, the item highlighted): the item under the pointer is then chosen with Enter, as
    // a keyboard user would. Tried until the title is asked.
    await until('the title box of New Term with This Tag', async () => {
      if (await input.isVisible()) return true;
      await page.keyboard.press('Escape');
      await terms.locator('.monaco-list-row', { hasText: 'Informationsmanagement' }).first().click({ button: 'right' });
      const item = page.locator('.context-view .action-label', { hasText: 'New Term with This Tag' }).first();
      await item.hover();
      await item.click();
      const asked = await input.waitFor({ state: 'visible', timeout: 1_500 }).then(() => true, () => false);
      if (!asked && (await item.isVisible())) await page.keyboard.press('Enter');
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      return true;
    }, { timeout: 30_000 });
    await page.keyboard.type('Datenhaltung', { delay: 40 });
    await page.keyboard.press('Enter');
    // The tags pick: IM is chosen already; Enter takes it.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'IM' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Datenhaltung.md' }).first().waitFor({ timeout: 10_000 });
    const tagsLine = await lineWith(page, 'tags:');
    if (tagsLine !== 'tags: [IM]') throw new Error(`the new entry's tags line is "${tagsLine}"`);
    return tagsLine;
  });

  test('the Get Started walkthrough shows a hover in the demo glossary', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Markdown Glossary' }).first().click();
    await page.locator('.getting-started-step', { hasText: 'Hover a term' }).first().click();
    await page.locator('.getting-started-step a, .getting-started-step .button-link', { hasText: 'Show a Hover' }).first().click();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: DEFINITION });
    await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
    return 'the hover shows the definition';
  });

  test('a [[wiki link]] inserted by completion is a link in the Markdown preview, and mentions show their definition', async () => {
    await quickOpen(page, NOTE);
    await cursorToEndOf(page, COMPLETION_LINE);
    await page.keyboard.type(' [[Nearsh', { delay: 60 });
    await focusSuggestion(page, 'Nearshoring');
    await page.keyboard.press('Enter');
    await until('the wiki link in the line', async () => (await lineWith(page, COMPLETION_LINE)).endsWith(' [[Nearshoring]]'), { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill('>Markdown: Open Preview to the Side');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The preview is a webview: an iframe holding the iframe of the rendered page.
    const preview = page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame').contentFrame();
    const link = preview.locator('a.glossary-link', { hasText: 'Nearshoring' });
    await link.first().waitFor({ state: 'visible', timeout: 30_000 });
    const [href, linkTitle] = [await link.first().getAttribute('data-href'), await link.first().getAttribute('title')];
    if (href !== '../glossar/Nearshoring.md' || !linkTitle?.startsWith('Nearshoring\nNearshoring ist die Verlagerung')) throw new Error(`the wiki link: data-href ${href}, title ${linkTitle}`);
    const mention = preview.locator('abbr.glossary-mention', { hasText: 'Outtasking' }).first();
    const mentionTitle = await mention.getAttribute('title');
    if (!mentionTitle?.includes(DEFINITION)) throw new Error(`the mention of Outtasking has the title ${mentionTitle}`);
    await link.first().hover();
    await sleep(300);
    await shot('preview.png');
    // VS Code's preview follows the link (to the term's page, in the preview by default).
    await link.first().click();
    await preview.locator('h1', { hasText: 'Nearshoring' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    return `data-href ${href}`;
  });

  return tests;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const start = Date.now();
  const tools = ensureCodeServerRun();

  const run = prepareRun('ui');
  const shotsDir = path.join(run.runDir, 'screenshots');
  fs.mkdirSync(shotsDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  let serverPid;
  try {
    const vsix = options.vsix ?? packageVsix(run.runDir);
    if (!fs.existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
    installVsix(vsix, run);
    const server = await startCodeServer(run);
    serverPid = server.pid;
    const browser = await launchChromium(tools['playwright-core'], path.join(run.runDir, 'chromium'));
    const page = await newPage(browser, run.runDir, { viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);

    const published = new Set(['completion.png', 'problems.png', 'quickfix.png', 'views.png', 'preview.png']);
    const shot = async (name) => {
      const file = path.join(shotsDir, name);
      await page.screenshot({ path: file });
      if (options.screenshots && published.has(name)) {
        fs.mkdirSync(options.screenshots, { recursive: true });
        fs.copyFileSync(file, path.join(options.screenshots, name));
      }
    };

    const url = `${server.url}/?folder=${encodeURIComponent(run.workspace)}`;
    log(`opening ${url} in Chromium`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    log(`workbench loaded after ${elapsed(start)}`);

    const grep = options.grep.toLowerCase();
    const tests = defineTests({ page, shot }).filter((t) => t.title.toLowerCase().includes(grep));
    for (const [index, { title, fn }] of tests.entries()) {
      const began = Date.now();
      let timer;
      try {
        const timedOut = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${options.timeout} s`)), options.timeout * 1000)));
        const running = fn();
        running.catch(() => {}); // after a timeout it may still fail, unobserved
        const detail = await Promise.race([running, timedOut]);
        passed++;
        process.stdout.write(`  ✓ ${title} (${elapsed(began)})${detail ? `: ${detail}` : ''}\n`);
      } catch (error) {
        failed++;
        const failShot = `FAILED-${index + 1}.png`;
        await shot(failShot).catch(() => {});
        process.stdout.write(`  ✗ ${title} (${elapsed(began)}): ${String(error.message ?? error).split('\n')[0]}\n`);
        log(`screenshot of the failure: ${path.join(shotsDir, failShot)}`);
        if (process.env.E2E_VERBOSE) log(error.stack ?? String(error));
        await page.keyboard.press('Escape').catch(() => {});
      } finally {
        clearTimeout(timer);
      }
    }
    if (tests.length === 0) {
      failed++;
      process.stdout.write(`  ✗ no test matches "${options.grep}"\n`);
    }
  } catch (error) {
    failed++;
    process.stdout.write(`  ✗ setting up: ${String(error.message ?? error).split('\n')[0]}\n`);
    log(error.stack ?? String(error));
  } finally {
    await cleanup();
    if (serverPid !== undefined) {
      let alive = true;
      try {
        process.kill(-serverPid, 0);
      } catch {
        alive = false;
      }
      if (alive) {
        failed++;
        process.stdout.write(`  ✗ code-server's process group ${serverPid} is still running after the cleanup\n`);
      }
    }
    if (failed > 0) log(`code-server log: ${path.join(run.runDir, 'code-server.log')}\n${tail(path.join(run.runDir, 'code-server.log'), 10)}`);
    if (options.keep || failed > 0) log(`run folder kept: ${run.runDir}`);
    else fs.rmSync(run.runDir, { recursive: true, force: true });
  }
  log(`done in ${elapsed(start)}`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

runMain(main, { printsSummary: true });

