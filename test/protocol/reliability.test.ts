/**
 * The server with an untrusted or unruly workspace, over stdio: a branch switch that changes 1,000
 * files at once, an edit storm, files that are no regular files, and the death of its editor.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver-protocol/node';
import { createWorkspace, positionOf, type Workspace } from '../support/fixtures';
import { eventually, hoverText, LspClient } from '../support/lspClient';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\n';
const term = (id: string, title: string, tags: string, body: string) => `---\nid: ${id}\ntitle: ${title}\ntags: ${tags}\n---\n\n# ${title}\n\n**${body}**\n`;

/** Everything a user sees in the problems panel, in a comparable form. */
function problems(client: LspClient): string[] {
  return [...client.diagnostics]
    .flatMap(([uri, diagnostics]: [string, Diagnostic[]]) => diagnostics.map((d) => `${uri.replace(/^.*\/glossar\//, '')} ${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`))
    .sort();
}

describe('a branch switch that changes 1,000 files at once', () => {
  const COUNT = 1_000;
  let ws: Workspace;
  let client: LspClient;
  const before_: Record<string, string> = { 'glossar/tags.yml': TAGS };
  for (let n = 0; n < COUNT; n++) before_[`glossar/Begriff${n}.md`] = term(`Begriff${n}`, `Begriff ${n}`, '[Begriffe]', `Begriff ${n} ist ein Wort, siehe [Begriff ${(n + 1) % COUNT}](Begriff${(n + 1) % COUNT}.md).`);
  const NOTE = 'Die Liste nennt Begriff 7, Begriff 500, Begriff 999 und Neuer Begriff 3.\n';

  before(async () => {
    ws = createWorkspace({ ...before_, 'notes/liste.md': NOTE });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(20_000), COUNT + 1);
    await client.open(ws.uri('notes/liste.md'), NOTE);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('ends in the index and problems a fresh start on the new branch gives, whatever order the events come in', async () => {
    // The new branch: 400 entries retitled and retagged, 300 deleted, 300 new ones, and a new tags file.
    const events: FileEvent[] = [];
    for (let n = 0; n < 400; n++) {
      ws.write(`glossar/Begriff${n}.md`, term(`Begriff${n}`, `Umbenannt ${n}`, n % 10 === 0 ? '[Begriffe, Strategie]' : '[IM]', `Umbenannt ${n} ist neu, siehe [alt](Begriff${n + 600}.md).`));
      events.push({ uri: ws.uri(`glossar/Begriff${n}.md`), type: FileChangeType.Changed });
    }
    for (let n = 400; n < 700; n++) {
      ws.remove(`glossar/Begriff${n}.md`);
      events.push({ uri: ws.uri(`glossar/Begriff${n}.md`), type: FileChangeType.Deleted });
    }
    for (let n = 0; n < 300; n++) {
      ws.write(`glossar/Neu${n}.md`, term(`Neu${n}`, `Neuer Begriff ${n}`, '[Begriffe, IM]', `Neuer Begriff ${n} ersetzt [Begriff ${n + 400}](Begriff${n + 400}.md).`));
      events.push({ uri: ws.uri(`glossar/Neu${n}.md`), type: FileChangeType.Created });
    }
    ws.write('glossar/tags.yml', TAGS + 'Strategie:\n  label: Strategie\n');
    events.push({ uri: ws.uri('glossar/tags.yml'), type: FileChangeType.Changed });
    // Editors report such a switch in several batches; a file may be reported changed and then
    // deleted. Sent without waiting, as they arrive.
    const stale: FileEvent[] = Array.from({ length: 50 }, (_, n) => ({ uri: ws.uri(`glossar/Begriff${450 + n}.md`), type: FileChangeType.Changed }));
    void client.didChangeWatchedFiles([...stale, ...events.slice(0, 500)]);
    void client.didChangeWatchedFiles(events.slice(500, 900));
    void client.didChangeWatchedFiles([...events.slice(900), ...stale.map((event): FileEvent => ({ ...event, type: FileChangeType.Deleted }))]);

    const fresh = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      assert.equal(await fresh.waitForIndex(20_000), COUNT - 300 + 300 + 1);
      await fresh.open(ws.uri('notes/liste.md'), NOTE);
      // Links to deleted entries: from the 300 new ones, and from the first 100 retitled ones (to 600-699).
      const brokenLinks = (lines: string[]) => lines.filter((line) => line.includes('broken-link')).length;
      await eventually(async () => problems(fresh), (current) => brokenLinks(current) === 300 + 100, 20_000);
      await eventually(async () => problems(client), (current) => JSON.stringify(current) === JSON.stringify(problems(fresh)), 20_000).catch(() => {
        assert.deepEqual(problems(client), problems(fresh));
      });
      for (const [needle, shown] of [['Begriff 7', undefined], ['Begriff 500', undefined], ['Begriff 999', 'Begriff 999 ist ein Wort'], ['Neuer Begriff 3', 'Neuer Begriff 3 ersetzt']] as const) {
        const position = positionOf(NOTE, needle, needle.length - 1);
        const [ours, theirs] = [hoverText(await client.hover(ws.uri('notes/liste.md'), position)), hoverText(await fresh.hover(ws.uri('notes/liste.md'), position))];
        assert.equal(ours, theirs, `hover on "${needle}"`);
        if (shown !== undefined) assert.ok(ours.includes(shown), `hover on "${needle}": ${ours}`);
      }
    } finally {
      await fresh.shutdown();
    }
  });
});

describe('an edit storm', () => {
  let ws: Workspace;
  let client: LspClient;
  before(async () => {
    ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', '[Begriffe]', 'Das Outtasking ist eine Form des Outsourcings.') });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('of 3,000 keystrokes ends in the diagnostics of the final text, checked far fewer times than typed', async () => {
    const uri = ws.uri('glossar/Sturm.md');
    const head = '---\ntitle: Sturm\ntags: []\n---\n\n# Sturm\n\n';
    await client.open(uri, head);
    const typed = 'Siehe [kaputt](Fehlt.md) und das Outtasking. '.repeat(70).slice(0, 3_000);
    // Each keystroke inserts one character at the end of the last line, as VS Code sends them.
    const lastLine = head.split('\n').length - 1;
    for (let typedSoFar = 0; typedSoFar < typed.length; typedSoFar++) {
      const end = { line: lastLine, character: typedSoFar };
      void client.changeRange(uri, typedSoFar + 2, { start: end, end }, typed[typedSoFar]);
    }
    // Then the tag list is filled in with a tag tags.yml does not declare.
    void client.changeRange(uri, typed.length + 2, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, 'Unbekannt');
    const diagnostics = await client.waitForDiagnostics(uri, (current) => (current ?? []).some((d) => d.code === 'unknown-tag'), 10_000);
    const completeLinks = typed.split('[kaputt](Fehlt.md)').length - 1;
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}`).sort(),
      [...Array(completeLinks).fill(`broken-link ${lastLine}`), 'unknown-tag 2'].sort(),
    );
    const publications = client.publications.get(uri) ?? 0;
    assert.ok(publications < 100, `${publications} publications for ${typed.length + 1} edits`);
    const hover = await client.hover(uri, { line: lastLine, character: typed.indexOf('Outtasking') + 2 });
    assert.ok(hoverText(hover).includes('Das Outtasking ist eine Form des Outsourcings.'));
  });
});

describe('files that are no regular files, or too large', () => {
  let ws: Workspace;
  let client: LspClient;
  before(async () => {
    ws = createWorkspace({
      'glossar/tags.yml': TAGS,
      'glossar/Outtasking.md': term('Outtasking', 'Outtasking', '[Begriffe]', 'Das Outtasking ist eine Form des Outsourcings.'),
      'glossar/Riesig.md': term('Riesig', 'Riesig', '[Begriffe]', 'Zu groß.') + 'x'.repeat(1_200_000),
      'glossar/Ordner.md/Innen.md': term('Innen', 'Innen', '[Begriffe]', 'In einem Ordner, der wie eine Datei heißt.'),
    });
    // A named pipe: opening it for reading would wait for a writer forever.
    execFileSync('mkfifo', [ws.path('glossar/Rohr.md')]);
    fs.symlinkSync('.', ws.path('glossar/schleife'));
    fs.symlinkSync('Fehlt.md', ws.path('glossar/Verwaist.md'));
    fs.symlinkSync('/dev/zero', ws.path('glossar/Null.md'));
    client = await LspClient.start({ workspaceFolders: [ws.root] });
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('indexes the rest, says why a file is skipped, and keeps answering when told such files changed', async () => {
    assert.equal(await client.waitForIndex(), 2, 'Outtasking.md and Ordner.md/Innen.md');
    await client.waitForLog(/Skipped .*Riesig\.md: \d+ bytes is more than the limit of 1048576/);
    const note = 'Das Outtasking und das Innen.';
    await client.open(ws.uri('notes/n.md'), note);
    await client.didChangeWatchedFiles(['Rohr.md', 'Null.md', 'Verwaist.md', 'Riesig.md', 'schleife'].map((name) => ({ uri: ws.uri(`glossar/${name}`), type: FileChangeType.Changed })));
    await client.waitForLog(/Skipped .*Rohr\.md: not a regular file/);
    // A link, to /dev/zero here, is not even opened: the walk would not have followed it either.
    await client.waitForLog(/Skipped .*Null\.md: a symbolic link, which the glossary does not follow/);
    assert.ok(hoverText(await client.hover(ws.uri('notes/n.md'), positionOf(note, 'Outtasking', 2))).includes('Das Outtasking ist eine Form des Outsourcings.'));
    assert.ok(hoverText(await client.hover(ws.uri('notes/n.md'), positionOf(note, 'Innen', 2))).includes('In einem Ordner'));
  });
});

describe('the end of the editor', () => {
  let ws: Workspace;
  before(() => {
    ws = createWorkspace({ 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', '[Begriffe]', 'Das Outtasking.') });
  });
  after(() => ws?.dispose());

  it('ends the server when its stdin closes without shutdown', async () => {
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    client.process.stdin!.end();
    await client.waitForExit(5_000);
  });

  it('ends the server when the editor process it was given dies, though its pipes stay open', async () => {
    const editor = spawn('sleep', ['600'], { stdio: 'ignore' });
    const client = await LspClient.start({ workspaceFolders: [ws.root], processId: editor.pid });
    try {
      await client.waitForIndex();
      editor.kill('SIGKILL');
      // vscode-languageserver looks for the editor every 3 seconds.
      await client.waitForExit(10_000);
    } finally {
      editor.kill('SIGKILL');
      if (!client.exitedAlready) await client.shutdown();
    }
  });
});

describe('changes outside the workspace', () => {
  let ws: Workspace;
  let client: LspClient;
  const NOTE = 'Siehe [drinnen](Neu.md) und [draußen](../../draussen/Neu.md).\n';
  before(async () => {
    ws = createWorkspace({ 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', '[Begriffe]', 'Das Outtasking.'), 'glossar/Notiz.md': NOTE });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    await client.open(ws.uri('glossar/Notiz.md'), NOTE);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('are never offered: a broken link out of the workspace gets no "create" fix, one inside does', async () => {
    const diagnostics = await client.waitForDiagnostics(ws.uri('glossar/Notiz.md'), (current) => (current ?? []).length === 2);
    const titlesAt = async (diagnostic: Diagnostic) => {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: ws.uri('glossar/Notiz.md') },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as Array<{ title: string; edit?: { documentChanges?: Array<{ kind?: string; uri?: string; textDocument?: { uri: string } }> } }>;
      const touched = actions.flatMap((action) => action.edit?.documentChanges ?? []).map((change) => change.uri ?? change.textDocument?.uri ?? '');
      return { titles: actions.map((action) => action.title), touched };
    };
    const inside = await titlesAt(diagnostics.find((d) => String(d.message).includes('"Neu.md"'))!);
    assert.deepEqual(inside.titles, ['Create Neu.md from the template', 'Disable broken-link for this line']);
    const outside = await titlesAt(diagnostics.find((d) => String(d.message).includes('draussen'))!);
    assert.deepEqual(outside.titles, ['Disable broken-link for this line']);
    assert.ok(inside.touched.every((uri) => uri.startsWith(ws.uri(''))), JSON.stringify(inside.touched));
  });
});
