/**
 * markdownGlossary/previewMarks over stdio: what VS Code's Markdown preview shows of the glossary in
 * a text, as the bundled server answers it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOSSARY_CHANGED_NOTIFICATION, PREVIEW_MARKS_REQUEST, type PreviewMarks, type PreviewMarksParams } from '../../server/src/lsp/protocol';
import { eventually, serverOn } from '../support/lspClient';

const FILES = {
  'glossar/Nearshoring.md': '---\nid: Nearshoring\ntitle: Nearshoring\n---\n\n# Nearshoring\n\n**Verlagerung in <nahe> Länder & "Regionen".**\n',
  'notizen/a.md': 'Alt.\n',
};

describe('the preview marks request', () => {
  const server = serverOn(FILES);
  const ask = (params: PreviewMarksParams) => server.client.connection.sendRequest(PREVIEW_MARKS_REQUEST, params) as Promise<PreviewMarks>;
  /** Each mark as the text it covers, its kind and where its first term leads. */
  const shown = (text: string, { terms, marks }: PreviewMarks) =>
    marks.map((mark) => ({ kind: mark.kind, text: text.slice(mark.start, mark.end), href: mark.terms.length === 0 ? undefined : terms[mark.terms[0]].href, problem: mark.problem }));

  it('gives mentions, links and wiki links with offsets into the text, links relative to the document', async () => {
    await server.client.waitForIndex();
    const text = 'Das Nearshoring, [[Nearshoring|nah]], [[Farshoring]] und [hier](../glossar/Nearshoring.md).\n';
    const marks = await ask({ text, uri: server.ws.uri('notizen/a.md') });
    assert.deepEqual(shown(text, marks), [
      { kind: 'mention', text: 'Nearshoring', href: '../glossar/Nearshoring.md', problem: undefined },
      { kind: 'wikiLink', text: '[[Nearshoring|nah]]', href: '../glossar/Nearshoring.md', problem: undefined },
      { kind: 'wikiLink', text: '[[Farshoring]]', href: undefined, problem: 'No glossary entry at "Farshoring".' },
      { kind: 'link', text: 'hier', href: '../glossar/Nearshoring.md', problem: undefined },
    ]);
    assert.equal(marks.marks[1].text, 'nah');
    assert.deepEqual(marks.terms.map((term) => term.tooltip), ['Nearshoring\nVerlagerung in <nahe> Länder & "Regionen".']);
  });

  it('links to the term file by its URI where the text has no document', async () => {
    const marks = await ask({ text: '[[Nearshoring]]\n' });
    assert.equal(marks.terms[0].href, server.ws.uri('glossar/Nearshoring.md'));
  });

  it('knows a term added to the glossary after start-up, and says the glossary changed', async () => {
    const text = 'Offshoring und Nearshoring.\n';
    const changed = new Promise<void>((resolve) => server.client.connection.onNotification(GLOSSARY_CHANGED_NOTIFICATION, () => resolve()));
    server.ws.write('glossar/Offshoring.md', '---\nid: Offshoring\ntitle: Offshoring\n---\n\n# Offshoring\n\n**Verlagerung in ferne Länder.**\n');
    await server.client.didChangeWatchedFiles([{ uri: server.ws.uri('glossar/Offshoring.md'), type: 1 }]);
    const marks = await eventually(() => ask({ text, uri: server.ws.uri('notizen/a.md') }), (answer) => answer.marks.length === 2);
    assert.deepEqual(shown(text, marks).map((mark) => mark.href), ['../glossar/Offshoring.md', '../glossar/Nearshoring.md']);
    await changed;
  });
});
