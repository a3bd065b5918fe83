/**
 * "Fix all" as a source action, which VS Code runs on save with `editor.codeActionsOnSave`: the safe
 * fixes of the whole document, those `check --fix` applies, and nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';
import { runCli } from '../support/runCli';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: IM\n';
const ENTRY = '---\nid: A\ntitel: A\ntags: [Begriffe, IM, Begriffe, " IM "]\n---\n\n# A\n\nSiehe [Fehlt](Fehlt.md).\n';

describe('fix all on save (source.fixAll)', () => {
  it('offers the safe fixes of the whole document as one source action, for source.fixAll and for source, not for refactor', async () => {
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/A.md': ENTRY });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('glossar/A.md');
      await client.open(uri, ENTRY);
      await client.waitForDiagnostics(uri, (current) => (current ?? []).length > 0);
      const asked = async (only: string[]) =>
        (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only, triggerKind: 2 },
        })) as CodeAction[];
      const [fixAll, ...more] = await asked(['source.fixAll']);
      assert.equal(more.length, 0);
      assert.equal(fixAll.kind, 'source.fixAll.markdownGlossary');
      assert.equal(fixAll.title, 'Fix all safe glossary problems');
      const applied = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, ENTRY), fixAll.edit!.changes![uri]);
      // The misspelt key, the duplicate and the padded tag are fixed; the broken link is no safe fix.
      assert.equal(applied, '---\nid: A\ntitle: A\ntags: [Begriffe, IM]\n---\n\n# A\n\nSiehe [Fehlt](Fehlt.md).\n');
      assert.deepEqual((await asked(['source'])).map((action) => action.kind), ['source.fixAll.markdownGlossary']);
      assert.deepEqual(await asked(['refactor']), []);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('Fix All Glossary Problems in Workspace', () => {
  it('sends the safe fixes of every file, open ones as edited, as one edit to confirm, and changes what check --fix changes', async () => {
    const closed = '---\nid: B\ntitle: B\ntags: [Begriffe, Begriffe]\n---\r\n\r\n# B\r\n\r\nLang und breit.\r\n';
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/A.md': ENTRY, 'glossar/B.md': closed, 'glossar/C.md': '---\nid: C\ntitle: C\ntags: [IM]\n---\n\n# C\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const open = ENTRY.replace('# A', '# A\n\nNeu, noch nicht gespeichert.');
      await client.open(ws.uri('glossar/A.md'), open, 'markdown', 7);
      let asked: { label?: string; edit: { documentChanges: Array<{ textDocument: { uri: string; version: number | null }; edits: Array<TextEdit & { annotationId: string }> }>; changeAnnotations: Record<string, { needsConfirmation: boolean }> } } | undefined;
      client.connection.onRequest('workspace/applyEdit', (params: typeof asked) => {
        asked = params;
        return { applied: true };
      });
      const fixed = await client.connection.sendRequest('workspace/executeCommand', { command: 'markdownGlossary.fixAllInWorkspace', arguments: [] });
      assert.equal(fixed, 2);
      const changes = asked!.edit.documentChanges;
      assert.deepEqual(changes.map((change) => change.textDocument.uri).sort(), [ws.uri('glossar/A.md'), ws.uri('glossar/B.md')]);
      assert.ok(changes.every((change) => change.edits.every((edit) => asked!.edit.changeAnnotations[edit.annotationId].needsConfirmation)));
      // The open file's edits are for the version they were made from (the editor refuses them once typed in); the closed file's for any.
      assert.deepEqual(changes.map((change) => [change.textDocument.uri, change.textDocument.version]).sort(), [[ws.uri('glossar/A.md'), 7], [ws.uri('glossar/B.md'), null]]);
      const after = (uri: string, text: string) => applyAll(text, changes.find((change) => change.textDocument.uri === uri)!.edits);
      assert.equal(after(ws.uri('glossar/A.md'), open), open.replace('titel: A', 'title: A').replace('[Begriffe, IM, Begriffe, " IM "]', '[Begriffe, IM]'));
      // The closed file, CRLF body and all, exactly as check --fix writes it.
      const fixedOnDisk = runCli(['check', '--fix', 'glossar/B.md'], ws.root);
      assert.equal(fixedOnDisk.status, 0, fixedOnDisk.stderr);
      assert.equal(after(ws.uri('glossar/B.md'), closed), fs.readFileSync(ws.path('glossar/B.md'), 'utf8'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('Fix All Glossary Problems in Workspace, on a file in another encoding', () => {
  it('leaves a closed file that is not UTF-8 alone, as check --fix does: its bytes were read as U+FFFD', async () => {
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/A.md': ENTRY });
    const latin1 = Buffer.from('---\nid: M\ntitel: M\xfcller\ntags: [IM, IM]\n---\n\n# M\xfcller\n', 'latin1');
    fs.writeFileSync(ws.path('glossar/M.md'), latin1);
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      let uris: string[] = [];
      client.connection.onRequest('workspace/applyEdit', (params: { edit: { documentChanges: Array<{ textDocument: { uri: string } }> } }) => {
        uris = params.edit.documentChanges.map((change) => change.textDocument.uri);
        return { applied: true };
      });
      assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'markdownGlossary.fixAllInWorkspace', arguments: [] }), 1);
      assert.deepEqual(uris, [ws.uri('glossar/A.md')]);
      assert.notEqual(runCli(['check', '--fix', 'glossar/M.md'], ws.root).status, 0, 'the CLI refuses it too');
      assert.deepEqual(fs.readFileSync(ws.path('glossar/M.md')), latin1);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

/** Edits applied to a text by offsets, last first. */
function applyAll(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = ({ line, character }: { line: number; character: number }) => starts[line] + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

describe('"Declare in tags.yml" in an editor that tells of no change on disk', () => {
  it('writes into tags.yml as it is now on disk, not as it was read at start-up', async () => {
    const entry = '---\nid: A\ntitle: A\ntags: [Neu]\n---\n\n# A\n';
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/A.md': entry });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('glossar/A.md');
      await client.open(uri, entry);
      const [diagnostic] = await client.waitForDiagnostics(uri, (current) => (current ?? []).some((found) => found.code === 'unknown-tag'));
      // Edited elsewhere, and no didChangeWatchedFiles: the client watches no files.
      const now = `${TAGS}Strategie:\n  label: Strategie\n`;
      fs.writeFileSync(ws.path('glossar/tags.yml'), now);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      const declare = actions.find((action) => action.title === 'Declare "Neu" in tags.yml');
      assert.ok(declare, JSON.stringify(actions.map((action) => action.title)));
      const tagsUri = ws.uri('glossar/tags.yml');
      const edits = declare.edit!.changes?.[tagsUri] ?? declare.edit!.documentChanges!.flatMap((change) => ('edits' in change && change.textDocument.uri === tagsUri ? change.edits : []));
      assert.equal(TextDocument.applyEdits(TextDocument.create(tagsUri, 'yaml', 1, now), edits as TextEdit[]), `${now}Neu:\n  label: Neu\n  permalink: /neu\n`);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
