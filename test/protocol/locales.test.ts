/**
 * Protocol test of every feature in the page's locale (issue 19) on the CNCF glossary in three
 * locales (test/support/cncfLocales.ts): the bundled server reads the site's config.toml with a
 * French language added and answers hover and completion per locale. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cncfInThreeLocales } from '../support/cncfLocales';
import { createWorkspace, positionOf } from '../support/fixtures';
import { acceptedOn, completionItems, hoverText, LspClient } from '../support/lspClient';

describe('the CNCF corpus in three locales, over LSP', () => {
  const files = cncfInThreeLocales();
  const workspace = createWorkspace(files, 'glossary-cncf-locales-');
  let client: LspClient;
  before(async () => {
    // A German editor: the notes of the hover are in German.
    client = await LspClient.start({ workspaceFolders: [workspace.root], locale: 'de' });
    await client.waitForIndex(15_000);
  });
  after(async () => {
    await client?.shutdown();
    workspace.dispose();
  });

  const hoverOn = async (relative: string, needle: string, offset = 1) => {
    await client.open(workspace.uri(relative), files[relative]);
    return hoverText(await client.hover(workspace.uri(relative), positionOf(files[relative], needle, offset)));
  };

  it('a German page hovers the German entry and links the English and French ones', async () => {
    const markdown = await hoverOn('content/de/service-mesh.md', 'Clusters');
    assert.match(markdown, /^\*\*Cluster\*\*\n\nEin Cluster ist eine Gruppe von Computern/);
    assert.ok(markdown.includes(`Auch in: [en](${workspace.uri('content/en/cluster.md')}) · [fr](${workspace.uri('content/fr/cluster.md')})`), markdown);
  });

  it('a French page hovers the French entry, and where French has none the English one, saying so', async () => {
    const cluster = await hoverOn('content/fr/kubernetes.md', "d'un cluster", 7);
    assert.match(cluster, /^\*\*Cluster\*\*\n\nUn cluster est un groupe/);
    const container = await hoverOn('content/fr/kubernetes.md', '[conteneurs]');
    assert.match(container, /^\*\*Conteneur\*\*\n\nUn conteneur/);
    const mesh = await hoverOn('content/fr/kubernetes.md', 'Service Mesh');
    assert.match(mesh, /^\*\*Service Mesh\*\*\n\n\*Keine Übersetzung in fr; gezeigt wird der Eintrag in en\.\*\n\nIn a \[microservices\]/);
    assert.ok(mesh.includes(`Auch in: [de](${workspace.uri('content/de/service-mesh.md')})`), mesh);
  });

  it('completion offers the page\'s own entry with the link its site needs, else the English one', async () => {
    const completed = async (relative: string, typed: string) => {
      const text = `${files[relative]}\n${typed}`;
      await client.open(workspace.uri(relative), text);
      const items = completionItems(await client.completion(workspace.uri(relative), positionOf(text, typed, typed.length)));
      await client.close(workspace.uri(relative));
      return items.sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1)).map((item) => `${item.label} ${acceptedOn(typed, item)}`);
    };
    assert.deepEqual(await completed('content/fr/kubernetes.md', '[Clust'), ['Cluster [Cluster](/fr/cluster/)']);
    assert.deepEqual(await completed('content/fr/kubernetes.md', '[Service Me'), ['Service Mesh [Service Mesh](/service-mesh/)']);
    assert.deepEqual(await completed('content/de/service-mesh.md', '[Clust'), ['Cluster [Cluster](/de/cluster/)']);
  });
});
