/**
 * Every feature in the page's locale (issue 19): hover, definition, references, rename, unlinked
 * mentions and completion resolve to the entry in the document's own locale and fall back to the
 * default locale's where it has no translation; duplicates are judged within a locale.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { codeActions } from '../../server/src/features/codeActions';
import { complete } from '../../server/src/features/completion';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { hover } from '../../server/src/features/hover';
import { definition, referencesIn } from '../../server/src/features/navigation';
import { prepareRename, rename } from '../../server/src/features/rename';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { hugoSiteOf } from '../../server/src/site/hugo';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { GlossaryScope } from '../../server/src/workspace/files';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { cncfInThreeLocales } from '../support/cncfLocales';
import { createWorkspace } from '../support/fixtures';
import { entry, glossaryOf, linkWritten, openAtCursor, ROOT } from './glossary';

const uri = (relative: string) => `${ROOT}/${relative}`;
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** A Hugo site with a content folder per language: en (the default, at the root), de and fr. */
function hugoGlossary(files: Record<string, string>, languages = ['en', 'de', 'fr']): GlossaryIndex {
  const index = glossaryOf({});
  const hugo = hugoSiteOf({ defaultContentLanguage: 'en', languages: languages.map((code, weight) => ({ code, contentDir: `content/${code}`, weight })), problems: [] });
  index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo, now: new Date() }]);
  for (const [relative, text] of Object.entries(files)) index.setDocument(uri(relative), text);
  return index;
}

/** Translations into German in a Docusaurus site of the locales en and de. */
const TRANSLATED = 'i18n/de/docusaurus-plugin-content-docs/current';

function docusaurusGlossary(files: Record<string, string>): GlossaryIndex {
  const index = glossaryOf({});
  const site = defaultDocusaurusSite(ROOT);
  site.docusaurus.locales = ['en', 'de'];
  index.setSites([site]);
  for (const [relative, text] of Object.entries(files)) index.setDocument(uri(relative), text);
  return index;
}

const HUGO_FILES = {
  'content/en/cluster.md': page('Cluster', 'A cluster is a group of [nodes](/nodes/).'),
  'content/de/cluster.md': page('Cluster', 'Ein Cluster ist eine Gruppe von Rechnern.'),
  'content/fr/cluster.md': page('Grappe', 'Une grappe est un groupe de machines.'),
  'content/en/nodes.md': page('Node', 'A node is a computer.'),
  'content/en/service.md': page('Service', 'A service is a program.'),
  'content/de/service.md': page('Dienst', 'Ein Dienst ist ein Programm.'),
  'content/en/service-mesh.md': page('Service Mesh', 'A service mesh connects services.'),
  'content/de/service-mesh.md': page('Service Mesh', 'Ein Service Mesh verbindet Dienste.'),
};

function hoverAt(index: GlossaryIndex, relative: string, textWithCursor: string): string {
  const { document, lines, position } = openAtCursor(index, relative, textWithCursor);
  return hover(index, document, lines, position)?.markdown ?? '';
}

function completionsAt(index: GlossaryIndex, relative: string, textWithCursor: string) {
  const { document, lines, position } = openAtCursor(index, relative, textWithCursor);
  return complete(index, document, lines, position).items.sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
}

describe('hover in a site of several locales', () => {
  it('shows the entry of the page\'s locale and the other locales that have it, with links to their files', () => {
    const index = hugoGlossary(HUGO_FILES);
    const markdown = hoverAt(index, 'content/de/notiz.md', page('Notiz', 'Der Clu|ster läuft.'));
    assert.match(markdown, /^\*\*Cluster\*\*\n\nEin Cluster ist eine Gruppe von Rechnern\./);
    assert.ok(!markdown.includes('No translation'), markdown);
    assert.ok(markdown.includes(`Also in: [en](${uri('content/en/cluster.md')}) · [fr](${uri('content/fr/cluster.md')})`), markdown);
  });

  it('falls back to the default locale\'s entry where the page\'s locale has none, and says so', () => {
    const index = hugoGlossary(HUGO_FILES);
    const markdown = hoverAt(index, 'content/fr/note.md', page('Note', 'Le Service Me|sh relie les services.'));
    assert.match(markdown, /^\*\*Service Mesh\*\*\n\n\*No translation in fr; showing the en entry\.\*\n\nA service mesh connects services\./);
    assert.ok(markdown.includes(`Also in: [de](${uri('content/de/service-mesh.md')})`), markdown);
    const alone = hoverAt(index, 'content/fr/note.md', page('Note', 'Un No|de est une machine.'));
    assert.match(alone, /No translation in fr; showing the en entry\./);
    assert.ok(!alone.includes('Also in'), 'a term in one locale only lists no others');
  });

  it('of a term in the page\'s own locale says nothing of a fallback', () => {
    const index = hugoGlossary(HUGO_FILES);
    const markdown = hoverAt(index, 'content/en/note.md', page('Note', 'The clu|ster runs.'));
    assert.match(markdown, /^\*\*Cluster\*\*\n\nA cluster is a group/);
    assert.ok(!markdown.includes('No translation'), markdown);
    assert.ok(markdown.includes(`Also in: [de](${uri('content/de/cluster.md')}) · [fr](${uri('content/fr/cluster.md')})`), markdown);
  });

  it('is unchanged in a site of one locale', () => {
    const index = hugoGlossary({ 'content/en/cluster.md': HUGO_FILES['content/en/cluster.md'] }, ['en']);
    const markdown = hoverAt(index, 'content/en/note.md', page('Note', 'The clu|ster runs.'));
    assert.equal(markdown, `**Cluster**\n\nA cluster is a group of [nodes](/nodes/).\n\n[Open cluster.md](${uri('content/en/cluster.md')})`);
  });
});

describe('links and navigation in a site of several locales', () => {
  it('Hugo: a route reaches the page the site builds at it, a relative route the one in the page\'s language', () => {
    const index = hugoGlossary(HUGO_FILES);
    const title = (text: string) => /^\*\*([^*]+)\*\*/.exec(hoverAt(index, 'content/de/notiz.md', page('Notiz', text)))?.[1];
    assert.equal(title('Siehe [Dienst](/de/serv|ice/).'), 'Dienst');
    // Hugo writes links as they are: `/service/` in a German page is the English page.
    assert.equal(title('Siehe [Dienst](/serv|ice/).'), 'Service');
    assert.equal(title('Siehe [Dienst](../serv|ice/).'), 'Dienst', 'from /de/notiz/, ../service/ is /de/service/');
  });

  it('Docusaurus: an absolute route in a translated page reaches the translation, else the original', () => {
    const index = docusaurusGlossary({
      'docs/cluster.md': page('Cluster', 'A group of machines.'),
      [`${TRANSLATED}/cluster.md`]: page('Cluster', 'Eine Gruppe von Rechnern.'),
      'docs/node.md': page('Node', 'A computer.'),
      [`${TRANSLATED}/notiz.md`]: page('Notiz', 'Text.'),
    });
    const linked = (text: string) => {
      const { document, lines, position } = openAtCursor(index, `${TRANSLATED}/notiz.md`, page('Notiz', text));
      return definition(index, document, lines, position).map((location) => location.uri);
    };
    assert.deepEqual(linked('Siehe [Cluster](/docs/clus|ter).'), [uri(`${TRANSLATED}/cluster.md`)]);
    assert.deepEqual(linked('Siehe [Node](/docs/no|de).'), [uri('docs/node.md')]);
    const markdown = hoverAt(index, `${TRANSLATED}/notiz.md`, page('Notiz', 'Siehe [Node](/docs/no|de).'));
    assert.match(markdown, /No translation in de; showing the en entry\./);
    // Completion writes the route a German page writes: Docusaurus puts the locale in front itself.
    const [item] = completionsAt(index, `${TRANSLATED}/notiz.md`, page('Notiz', 'Siehe [Cluster](/docs/clus|'));
    assert.equal(item.termUri, uri(`${TRANSLATED}/cluster.md`));
    assert.equal(item.newText, '/docs/cluster)');
  });

  it('definition of a mention and a wiki link goes to the page\'s locale, references of a translation are its own', () => {
    const index = hugoGlossary(HUGO_FILES);
    const goTo = (relative: string, text: string) => {
      const { document, lines, position } = openAtCursor(index, relative, text);
      return definition(index, document, lines, position).map((location) => location.uri);
    };
    assert.deepEqual(goTo('content/de/notiz.md', page('Notiz', 'Der Clu|ster läuft.')), [uri('content/de/cluster.md')]);
    assert.deepEqual(goTo('content/de/notiz.md', page('Notiz', 'Siehe [[Clu|ster]].')), [uri('content/de/cluster.md')]);
    assert.deepEqual(goTo('content/en/note.md', page('Note', 'See [[Clu|ster]].')), [uri('content/en/cluster.md')]);
    assert.deepEqual(goTo('content/fr/note.md', page('Note', 'Voir [[Clu|ster]].')), [uri('content/fr/cluster.md')], 'the French page means its Grappe');

    const german = index.termOf(uri('content/de/cluster.md'))!;
    const english = index.termOf(uri('content/en/cluster.md'))!;
    const references = (term: typeof german, relative: string, text: string) => {
      const document = index.setDocument(uri(relative), text);
      return referencesIn(index, term, document, new LineIndex(text)).length;
    };
    const germanNote = page('Notiz', 'Der Cluster läuft, siehe [Cluster](/de/cluster/) und [[Cluster]].');
    const englishNote = page('Note', 'The cluster runs, see [Cluster](/cluster/) and [[Cluster]].');
    assert.equal(references(german, 'content/de/notiz.md', germanNote), 3);
    assert.equal(references(english, 'content/de/notiz.md', germanNote), 0);
    assert.equal(references(german, 'content/en/note.md', englishNote), 0);
    assert.equal(references(english, 'content/en/note.md', englishNote), 3);
  });

  it('renaming a translation renames the links that reach it, never the original\'s', () => {
    const index = hugoGlossary({
      ...HUGO_FILES,
      'content/de/notiz.md': page('Notiz', 'Siehe [Cluster](/de/cluster/) und [[Cluster]].'),
      'content/en/note.md': page('Note', 'See [Cluster](/cluster/) and [[Cluster]].'),
    });
    const { document, lines, position } = openAtCursor(index, 'content/de/notiz.md', page('Notiz', 'Siehe [Clu|ster](/de/cluster/) und [[Cluster]].'));
    const target = prepareRename(index, document, lines, position);
    assert.equal(target?.term.uri, uri('content/de/cluster.md'));
    const change = rename(index, target!, 'Rechnerverbund');
    assert.deepEqual(change.edits.map((file) => file.uri).sort(), [uri('content/de/cluster.md'), uri('content/de/notiz.md')]);
    assert.deepEqual(change.edits.find((file) => file.uri === uri('content/de/notiz.md'))!.edits.map((edit) => edit.newText).sort(), ['Rechnerverbund', 'Rechnerverbund']);
  });

  it('renaming a Docusaurus id moves the translation with its doc, and the links of the other locale follow it', () => {
    const index = docusaurusGlossary({
      'docs/old.md': '---\nid: old\ntitle: Old Term\n---\n\nOld.\n',
      [`${TRANSLATED}/old.md`]: '---\nid: old\ntitle: Alter Begriff\n---\n\nAlt.\n',
      'docs/note.md': page('Note', 'See [Old](./old.md) and [Old](/docs/old).'),
      [`${TRANSLATED}/note.md`]: page('Notiz', 'Siehe [Alt](./old.md) und [Alt](/docs/old).'),
    });
    const { document, lines, position } = openAtCursor(index, 'docs/old.md', '---\nid: o|ld\ntitle: Old Term\n---\n\nOld.\n');
    const change = rename(index, prepareRename(index, document, lines, position)!, 'new');
    assert.deepEqual(change.renameFiles, [
      { oldUri: uri('docs/old.md'), newUri: uri('docs/new.md') },
      { oldUri: uri(`${TRANSLATED}/old.md`), newUri: uri(`${TRANSLATED}/new.md`) },
    ]);
    const newTexts = (relative: string) => change.edits.find((file) => file.uri === uri(relative))?.edits.map((edit) => edit.newText).sort();
    assert.deepEqual(newTexts(`${TRANSLATED}/old.md`), ['new']);
    assert.deepEqual(newTexts('docs/note.md'), ['./new.md', '/docs/new']);
    // Docusaurus puts the locale in front of a route in the German build.
    assert.deepEqual(newTexts(`${TRANSLATED}/note.md`), ['./new.md', '/docs/new']);
  });

  it('a translation with an id of its own moves with its doc, and keeps its id and route', () => {
    const index = docusaurusGlossary({
      'docs/old.md': '---\nid: old\ntitle: Old Term\n---\n\nOld.\n',
      [`${TRANSLATED}/old.md`]: '---\nid: alt\ntitle: Alter Begriff\n---\n\nAlt.\n',
      [`${TRANSLATED}/note.md`]: page('Notiz', 'Siehe [Alt](./old.md) und [Alt](/docs/alt).'),
    });
    const { document, lines, position } = openAtCursor(index, 'docs/old.md', '---\nid: o|ld\ntitle: Old Term\n---\n\nOld.\n');
    const change = rename(index, prepareRename(index, document, lines, position)!, 'new');
    assert.deepEqual(change.renameFiles, [
      { oldUri: uri('docs/old.md'), newUri: uri('docs/new.md') },
      { oldUri: uri(`${TRANSLATED}/old.md`), newUri: uri(`${TRANSLATED}/new.md`) },
    ]);
    assert.equal(change.edits.find((file) => file.uri === uri(`${TRANSLATED}/old.md`)), undefined);
    assert.deepEqual(change.edits.find((file) => file.uri === uri(`${TRANSLATED}/note.md`))?.edits.map((edit) => edit.newText), ['./new.md']);
  });

  it('an unlinked mention links to the entry of the page\'s locale, with the route of the German site', () => {
    const index = hugoGlossary(HUGO_FILES);
    const settings = { ...DEFAULT_SETTINGS, unlinkedMentions: true };
    const text = page('Notiz', 'Der Cluster läuft, siehe [Dienst](/de/service/).');
    const document = index.setDocument(uri('content/de/notiz.md'), text);
    const lines = new LineIndex(text);
    const [mention] = documentDiagnostics(index, document, settings, lines).filter((diagnostic) => diagnostic.code === 'unlinked-mention');
    assert.equal(mention.related?.[0].uri, uri('content/de/cluster.md'));
    const fix = codeActions(index, document, lines, mention.range, settings).find((action) => action.title === 'Link to "Cluster"');
    assert.equal(fix?.change?.edits[0].edits[0].newText, '[Cluster](/de/cluster/)');
  });
});

describe('completion in a site of several locales', () => {
  it('offers the page\'s locale first, a translation instead of its original, and the default locale\'s entries where none exists', () => {
    const index = hugoGlossary(HUGO_FILES);
    const offered = (relative: string, text: string) => {
      const cursor = text.indexOf('|');
      const line = text.slice(text.lastIndexOf('\n', cursor) + 1, text.indexOf('\n', cursor)).replace('|', '');
      return completionsAt(index, relative, text).map((item) => [item.label, item.termUri!.slice(ROOT.length + 1), linkWritten(line, item)]);
    };
    assert.deepEqual(offered('content/de/notiz.md', page('Notiz', 'Siehe [Serv|')), [
      ['Service Mesh', 'content/de/service-mesh.md', '[Service Mesh](service-mesh.md)'],
    ], 'the English Service has a German translation (Dienst), which does not match "Serv"');
    assert.deepEqual(offered('content/de/notiz.md', page('Notiz', 'Siehe [Dienst](/de/service/) und [|')).map(([label, file]) => `${label}=${file}`), [
      'Dienst=content/de/service.md',
      'Cluster=content/de/cluster.md',
      'Service Mesh=content/de/service-mesh.md',
      'Node=content/en/nodes.md',
    ], 'the German entries by links (Dienst is linked here), then the English Node, linked as often as Dienst');
    assert.deepEqual(offered('content/fr/note.md', page('Note', 'Voir [/cluster/](/cluster/) et [|')).map(([label, file, newText]) => `${label}=${file} ${newText}`), [
      'Grappe=content/fr/cluster.md [Grappe](/fr/cluster/)',
      'Node=content/en/nodes.md [Node](/nodes/)',
      'Service=content/en/service.md [Service](/service/)',
      'Service Mesh=content/en/service-mesh.md [Service Mesh](/service-mesh/)',
    ]);
  });

  it('after `](`, the term the link text names as the page\'s locale has it', () => {
    const index = hugoGlossary(HUGO_FILES);
    const [first] = completionsAt(index, 'content/de/notiz.md', page('Notiz', 'Siehe [Dienst](/de/service/) und [Cluster](|'));
    assert.equal(first.termUri, uri('content/de/cluster.md'));
    assert.equal(first.newText, '/de/cluster/)');
  });
});

describe('a translation needs its original', () => {
  const files = { [`${TRANSLATED}/Vertrag.md`]: page('Vertrag', 'Ein Vertrag.'), 'docs/Vertrag.md': page('Contract', 'A contract.') };
  const state = (index: GlossaryIndex) => {
    const translation = index.pageOf(uri(`${TRANSLATED}/Vertrag.md`));
    return [translation?.published, translation?.unpublishedReason, index.linkableTermOf(uri(`${TRANSLATED}/Vertrag.md`))?.title];
  };

  it('is built only while the docs folder has the file, in whatever order the two are read', () => {
    const translationFirst = docusaurusGlossary({ [`${TRANSLATED}/Vertrag.md`]: files[`${TRANSLATED}/Vertrag.md`] });
    assert.deepEqual(state(translationFirst), [false, 'no-original', undefined]);
    translationFirst.setDocument(uri('docs/Vertrag.md'), files['docs/Vertrag.md']);
    assert.deepEqual(state(translationFirst), [true, undefined, 'Vertrag']);
    assert.deepEqual(state(docusaurusGlossary(files)), [true, undefined, 'Vertrag'], 'the same as a fresh index');
    translationFirst.removeDocument(uri('docs/Vertrag.md'));
    assert.deepEqual(state(translationFirst), [false, 'no-original', undefined]);
  });
});

describe('duplicates within a locale', () => {
  const codes = (index: GlossaryIndex, relative: string) =>
    documentDiagnostics(index, index.getDocument(uri(relative))!, DEFAULT_SETTINGS)
      .map((diagnostic) => diagnostic.code)
      .filter((code) => code === 'duplicate-title' || code === 'duplicate-id');

  it('a translation shares its title with the original wherever the site keeps it, a second entry in a locale does not', () => {
    const index = docusaurusGlossary({
      'docs/cluster.md': entry('cluster', 'Cluster', 'A group.'),
      [`${TRANSLATED}/cluster.md`]: entry('cluster', 'Cluster', 'Eine Gruppe.'),
      // A translation is built only with its original.
      'docs/verbund.md': entry('verbund', 'Compound', 'Another one.'),
      [`${TRANSLATED}/verbund.md`]: entry('verbund', 'Cluster', 'Noch einmal.'),
    });
    assert.deepEqual(codes(index, 'docs/cluster.md'), []);
    assert.deepEqual(codes(index, `${TRANSLATED}/cluster.md`), ['duplicate-title']);
    const [diagnostic] = documentDiagnostics(index, index.getDocument(uri(`${TRANSLATED}/verbund.md`))!, DEFAULT_SETTINGS).filter((found) => found.code === 'duplicate-title');
    assert.deepEqual(diagnostic.related?.map((related) => related.uri), [uri(`${TRANSLATED}/cluster.md`)]);
  });

  it('Docusaurus: the copies of an entry in the versions of the docs are no duplicates, a second entry in one version is', () => {
    const index = glossaryOf({});
    const site = defaultDocusaurusSite(ROOT);
    site.docusaurus.instances[0].versions = ['1.0'];
    index.setSites([site]);
    const files = {
      'docs/outtasking.md': entry('outtasking', 'Outtasking', 'Now.'),
      'versioned_docs/version-1.0/outtasking.md': entry('outtasking', 'Outtasking', 'Then.'),
      'versioned_docs/version-1.0/auslagerung.md': entry('auslagerung', 'Outtasking', 'Then, twice.'),
    };
    for (const [relative, text] of Object.entries(files)) index.setDocument(uri(relative), text);
    assert.deepEqual(codes(index, 'docs/outtasking.md'), []);
    assert.deepEqual(codes(index, 'versioned_docs/version-1.0/outtasking.md'), ['duplicate-title']);
    const [diagnostic] = documentDiagnostics(index, index.getDocument(uri('versioned_docs/version-1.0/outtasking.md'))!, DEFAULT_SETTINGS).filter((found) => found.code === 'duplicate-title');
    assert.deepEqual(diagnostic.related?.map((related) => related.uri), [uri('versioned_docs/version-1.0/auslagerung.md')]);
  });

  it('Hugo: one title in two languages is no duplicate, in one language it is', () => {
    const index = hugoGlossary({ ...HUGO_FILES, 'content/en/group.md': page('Cluster', 'Another.') });
    assert.deepEqual(codes(index, 'content/de/cluster.md'), []);
    assert.deepEqual(codes(index, 'content/en/group.md'), ['duplicate-title']);
  });
});

describe('the CNCF corpus in three locales', () => {
  const workspace = createWorkspace(cncfInThreeLocales(), 'glossary-cncf-locales-');
  after(() => workspace.dispose());
  const root = workspace.root;
  const rel = workspace.uri;
  let loaded: GlossaryIndex | undefined;
  const glossary = async () => {
    if (loaded === undefined) {
      loaded = new GlossaryIndex();
      await loadGlossary(loaded, new GlossaryScope([root]), () => undefined);
    }
    return loaded;
  };
  const hoverIn = async (relative: string, needle: string, offset = 1) => {
    const index = await glossary();
    const text = readFileSync(path.join(root, relative), 'utf8');
    const at = text.indexOf(needle) + offset;
    assert.ok(at > offset - 1, `${needle} in ${relative}`);
    const document = index.getDocument(rel(relative))!;
    const lines = new LineIndex(text);
    return hover(index, document, lines, lines.positionAt(at))?.markdown ?? '';
  };

  it('reads 89 English entries (8 of them drafts, which are no terms) and the style guide, 18 German and 3 French', async () => {
    const index = await glossary();
    const byLocale = new Map<string, number>();
    for (const term of index.terms()) {
      const locale = index.pageOf(term.uri)!.locale;
      byLocale.set(locale, (byLocale.get(locale) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(byLocale), { en: 82, de: 18, fr: 3 });
  });

  it('a German page hovers the German entry, listing the English and French ones', async () => {
    const markdown = await hoverIn('content/de/service-mesh.md', 'Clusters');
    assert.match(markdown, /^\*\*Cluster\*\*\n\nEin Cluster ist eine Gruppe von Computern/);
    assert.ok(markdown.includes(`Also in: [en](${rel('content/en/cluster.md')}) · [fr](${rel('content/fr/cluster.md')})`), markdown);
    assert.ok(!markdown.includes('No translation'), markdown);
  });

  it('a French page hovers the French entry, and the English one with a note where French has none', async () => {
    const cluster = await hoverIn('content/fr/kubernetes.md', "d'un cluster", 7);
    assert.match(cluster, /^\*\*Cluster\*\*\n\nUn cluster est un groupe/);
    assert.ok(cluster.includes(`Also in: [en](${rel('content/en/cluster.md')}) · [de](${rel('content/de/cluster.md')})`), cluster);
    const container = await hoverIn('content/fr/kubernetes.md', '[conteneurs]');
    assert.match(container, /^\*\*Conteneur\*\*\n\nUn conteneur est un processus/);
    const mesh = await hoverIn('content/fr/kubernetes.md', 'Service Mesh');
    assert.match(mesh, /^\*\*Service Mesh\*\*\n\n\*No translation in fr; showing the en entry\.\*\n\nIn a \[microservices\]/);
    assert.ok(mesh.includes(`Also in: [de](${rel('content/de/service-mesh.md')})`), mesh);
  });

  it('completion offers each locale its own entries first, with links that work on its site', async () => {
    const index = await glossary();
    const completed = (relative: string, typed: string) => {
      const text = `${readFileSync(path.join(root, relative), 'utf8')}\n${typed}`;
      const document = index.setDocument(rel(relative), text);
      const lines = new LineIndex(text);
      const items = complete(index, document, lines, lines.positionAt(text.length)).items.sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
      index.setDocument(rel(relative), readFileSync(path.join(root, relative), 'utf8'));
      return items.map((item) => `${item.label}=${path.relative(root, new URL(item.termUri!).pathname)} ${linkWritten(typed, item)}`);
    };
    assert.deepEqual(completed('content/fr/kubernetes.md', '[Clust').slice(0, 1), ['Cluster=content/fr/cluster.md [Cluster](/fr/cluster/)']);
    assert.ok(!completed('content/fr/kubernetes.md', '[Clust').some((item) => item.includes('content/en/cluster.md') || item.includes('content/de/')));
    assert.deepEqual(completed('content/fr/kubernetes.md', '[Service Me'), ['Service Mesh=content/en/service-mesh.md [Service Mesh](/service-mesh/)']);
    assert.deepEqual(completed('content/de/service-mesh.md', '[Clust').slice(0, 1), ['Cluster=content/de/cluster.md [Cluster](/de/cluster/)']);
    const german = completed('content/de/service-mesh.md', '[');
    const firstEnglish = german.findIndex((item) => item.includes('content/en/'));
    assert.equal(firstEnglish, 17, `the 17 other German entries first: ${german.slice(0, 20).join('\n')}`);
    assert.ok(!german.some((item) => item.includes('content/en/cluster.md')), 'the English Cluster has a German translation');
  });
});
