/**
 * The server's state and scheduling without the protocol: a session over a folder on disk, with
 * what it would send to the editor recorded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GlossaryDiagnostic } from '../../server/src/common/diagnostic';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/common/settings';
import { GlossarySession } from '../../server/src/lsp/session';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { createWorkspace, type Workspace } from '../support/fixtures';

const TAGS = 'Begriffe:\n  label: Begriffe\n';
const term = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\ntags: [Begriffe]\n---\n\n# ${title}\n\n**${title} ist ein Begriff.**\n`;

class Recorder {
  readonly published = new Map<string, GlossaryDiagnostic[][]>();
  readonly statuses: StatusParams[] = [];
  glossaryChanges = 0;
  readonly logs: string[] = [];
  readonly session = new GlossarySession({
    publishDiagnostics: (uri, diagnostics) => this.published.set(uri, [...(this.published.get(uri) ?? []), diagnostics]),
    sendStatus: (status) => this.statuses.push(status),
    glossaryChanged: () => this.glossaryChanges++,
    log: (message) => this.logs.push(message),
  });

  last(uri: string): string[] {
    return (this.published.get(uri)?.at(-1) ?? []).map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await pause(10);
  }
}

describe('a glossary session', () => {
  let ws: Workspace;
  before(() => {
    ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking'), 'glossar/Outsourcing.md': term('Outsourcing', 'Outsourcing') });
  });
  after(() => ws?.dispose());

  async function started(): Promise<Recorder> {
    const recorder = new Recorder();
    recorder.session.setWorkspaceFolders([ws.root]);
    await recorder.session.indexWorkspace(DEFAULT_SETTINGS);
    return recorder;
  }

  it('reports its terms and problems in the status once indexing is done, and again when a file appears on disk', async () => {
    const { session, statuses } = await started();
    await until(() => statuses.some((status) => !status.indexing && status.terms === 2), 'status after indexing');
    ws.write('glossar/Neu.md', term('Neu', 'Neu').replace('[Begriffe]', '[Unbekannt]'));
    try {
      await session.filesChanged([{ uri: ws.uri('glossar/Neu.md'), deleted: false }]);
      await until(() => statuses.at(-1)?.terms === 3 && statuses.at(-1)?.problems === 1, `status after a new file: ${JSON.stringify(statuses.at(-1))}`);
    } finally {
      ws.remove('glossar/Neu.md');
    }
  });

  it('tells the editor when a term changes where no count shows it (its definition), for the Markdown preview', async () => {
    const recorder = await started();
    await until(() => recorder.glossaryChanges > 0, 'a change after indexing');
    const counted = recorder.glossaryChanges;
    ws.write('glossar/Outtasking.md', term('Outtasking', 'Outtasking').replace('ist ein Begriff', 'ist etwas anderes'));
    try {
      await recorder.session.filesChanged([{ uri: ws.uri('glossar/Outtasking.md'), deleted: false }]);
      await until(() => recorder.glossaryChanges > counted, 'a change after the definition changed');
    } finally {
      ws.write('glossar/Outtasking.md', term('Outtasking', 'Outtasking'));
    }
  });

  it('counts a new term without problems in the status (New Term), and sends no status that says nothing new', async () => {
    const { session, statuses } = await started();
    await until(() => statuses.some((status) => !status.indexing && status.terms === 2), 'status after indexing');
    ws.write('glossar/Sauber.md', term('Sauber', 'Sauber'));
    try {
      await session.filesChanged([{ uri: ws.uri('glossar/Sauber.md'), deleted: false }]);
      await until(() => statuses.at(-1)?.terms === 3, `status after a clean new term: ${JSON.stringify(statuses.at(-1))}`);
      const sent = statuses.length;
      await session.filesChanged([{ uri: ws.uri('glossar/Sauber.md'), deleted: false }]);
      await pause(300);
      assert.equal(statuses.length, sent, 'the same counts again are not sent');
    } finally {
      ws.remove('glossar/Sauber.md');
    }
  });

  it('checks a burst of edits far fewer times than typed, and a request sees every edit sent before it', async () => {
    const recorder = await started();
    const uri = ws.uri('notes/n.md');
    let text = '';
    const document = { getText: () => text };
    for (let n = 0; n < 200; n++) {
      text += n === 150 ? '[kaputt](Fehlt.md) ' : 'x';
      recorder.session.documentChanged(uri, document);
      if (n % 20 === 0) await pause(1);
    }
    const open = recorder.session.openDocument(uri);
    assert.equal(open?.lines.text, text, 'the request sees the last edit');
    await pause(200);
    assert.deepEqual(recorder.last(uri), ['broken-link 0:159']);
    assert.ok((recorder.published.get(uri)?.length ?? 0) <= 5, `published ${recorder.published.get(uri)?.length} times`);
  });

  it('applies disk events in the order they came, whatever their reads cost', async () => {
    const { session } = await started();
    ws.write('glossar/Kurz.md', term('Kurz', 'Kurzlebig'));
    const created = session.filesChanged([{ uri: ws.uri('glossar/Kurz.md'), deleted: false }]);
    ws.remove('glossar/Kurz.md');
    const deleted = session.filesChanged([{ uri: ws.uri('glossar/Kurz.md'), deleted: true }]);
    await Promise.all([created, deleted]);
    assert.equal(session.index.termOf(ws.uri('glossar/Kurz.md')), undefined);
    assert.equal(session.index.termCount, 2);
  });

  it("keeps an open document's text over the disk until it is closed, then reads the disk again", async () => {
    const { session } = await started();
    const uri = ws.uri('glossar/Outtasking.md');
    session.documentChanged(uri, { getText: () => term('Outtasking', 'Outtasking im Editor') });
    assert.equal(session.openDocument(uri)?.document.term?.title, 'Outtasking im Editor');
    await session.filesChanged([{ uri, deleted: false }]);
    assert.equal(session.index.termOf(uri)?.title, 'Outtasking im Editor', 'a disk event does not replace the editor\'s text');
    await session.documentClosed(uri);
    assert.equal(session.index.termOf(uri)?.title, 'Outtasking');
  });

  it("reads an edited document's MDX once typing pauses, keeping its last reading until then", async () => {
    const site = createWorkspace({ 'docs/Seite.md': '---\nid: Seite\n---\n\n# Seite\n\nIn <100ms.\n' });
    try {
      const recorder = new Recorder();
      recorder.session.setWorkspaceFolders([site.root]);
      await recorder.session.indexWorkspace(DEFAULT_SETTINGS);
      const uri = site.uri('docs/Seite.md');
      await until(() => recorder.last(uri).includes('invalid-mdx 6:4'), 'the file on disk is checked');
      let text = '---\nid: Seite\n---\n\n# Seite\n\nIn <100ms.\n';
      const document = { getText: () => text };
      // Typing before the problem: the reading from before stays (no flicker) until the edits pause.
      for (const typed of ['A', 'b', 'c']) {
        text = text.replace('In ', `${typed}In `);
        recorder.session.documentChanged(uri, document);
        recorder.session.openDocument(uri);
        assert.deepEqual(recorder.last(uri), ['invalid-mdx 6:4']);
        await pause(20);
      }
      await until(() => recorder.last(uri).includes('invalid-mdx 6:7'), 'the problem is read again after the pause');
      // Fixed: gone once the edits pause.
      text = text.replace('<100ms', '\\<100ms');
      recorder.session.documentChanged(uri, document);
      recorder.session.openDocument(uri);
      await until(() => recorder.last(uri).length === 0, 'the fixed page has no problem');
    } finally {
      site.dispose();
    }
  });

  it('checks a partial again once typing pauses in a page that starts or stops importing it: the build renders its broken links there', async () => {
    const page = '---\ntitle: Seite\n---\n\n# Seite\n';
    const site = createWorkspace({
      'docusaurus.config.js': "module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: false } }]] };\n",
      'docs/seite.mdx': page,
      'docs/_teil.mdx': '[kaputt](/docs/nirgends)\n',
    });
    try {
      const recorder = new Recorder();
      recorder.session.setWorkspaceFolders([site.root]);
      await recorder.session.indexWorkspace(DEFAULT_SETTINGS);
      const partial = site.uri('docs/_teil.mdx');
      const severity = () => recorder.published.get(partial)?.at(-1)?.map((diagnostic) => diagnostic.severity ?? 'warning').join() ?? '';
      await until(() => recorder.published.has(partial), 'the partial is checked');
      const warned = severity();
      let text = page;
      const document = { getText: () => text };
      text = `${page}\nimport Teil from './_teil.mdx';\n\n<Teil />\n`;
      recorder.session.documentChanged(site.uri('docs/seite.mdx'), document);
      await until(() => severity() !== warned, 'the partial is checked again once the page imports it');
      const rendered = severity();
      text = page;
      recorder.session.documentChanged(site.uri('docs/seite.mdx'), document);
      await until(() => severity() === warned, 'and again once it no longer does');
      assert.notEqual(rendered, warned);
    } finally {
      site.dispose();
    }
  });

  it('checks the doc ids a sidebar names against the docs, again when a doc comes or changes its id and when the sidebars file changes', async () => {
    const site = createWorkspace({
      'docusaurus.config.js': "module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]] };\n",
      'sidebars.js': "module.exports = { glossar: ['glossar/Alpha', 'glossar/Beta'] };\n",
      'docs/glossar/Alpha.md': '---\ntitle: Alpha\n---\n\n# Alpha\n',
    });
    try {
      const recorder = new Recorder();
      recorder.session.setWorkspaceFolders([site.root]);
      await recorder.session.indexWorkspace(DEFAULT_SETTINGS);
      const sidebars = site.uri('sidebars.js');
      await until(() => recorder.last(sidebars).join() === 'site-config 0:46', 'the missing id is reported where the sidebar names it');
      site.write('docs/glossar/Beta.md', '---\ntitle: Beta\n---\n\n# Beta\n');
      await recorder.session.filesChanged([{ uri: site.uri('docs/glossar/Beta.md'), deleted: false }]);
      await until(() => recorder.last(sidebars).length === 0, 'the doc that came has the id');
      site.write('docs/glossar/Beta.md', '---\ntitle: Beta\nid: Zwei\n---\n\n# Beta\n');
      await recorder.session.filesChanged([{ uri: site.uri('docs/glossar/Beta.md'), deleted: false }]);
      await until(() => recorder.last(sidebars).join() === 'site-config 0:46', 'the doc that changed its id has it no more');
      site.write('sidebars.js', "module.exports = { glossar: ['glossar/Alpha', 'glossar/Zwei'] };\n");
      await recorder.session.filesChanged([{ uri: sidebars, deleted: false }]);
      await until(() => recorder.last(sidebars).length === 0, 'the sidebar names the new id');
    } finally {
      site.dispose();
    }
  });

  it('re-checks every document when the settings change, with the new settings', async () => {
    const recorder = await started();
    const uri = ws.uri('glossar/Outtasking.md');
    await recorder.session.useSettings(normalizeSettings({ requiredKeys: ['slug'] }));
    await until(() => recorder.last(uri).some((problem) => problem.startsWith('missing-key')), 'missing-key after the settings change');
  });
});
