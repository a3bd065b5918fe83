/**
 * The rules by which a mention is recognised (README, "How mentions are recognised"): the names
 * a term gets, the forms the text may take, and what the words around a name say.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { mentionsIn } from '../../server/src/features/termAt';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { mentionNamesOf } from '../../server/src/index/mentionNames';
import { parseDocument } from '../../server/src/parsing/document';
import { TermMatcher } from '../../server/src/index/termMatcher';
import { textSignature } from '../../server/src/index/textSignature';
import { hugoSiteOf } from '../../server/src/site/hugo';
import type { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { glossaryOf, ROOT } from './glossary';

const addFiles = (index: GlossaryIndex, files: Record<string, string>) => {
  for (const [relative, text] of Object.entries(files)) index.setDocument(`${ROOT}/${relative}`, text);
};

const names = (title: string, extra: { aliases?: string[]; id?: string; definition?: string } = {}) =>
  mentionNamesOf({ title, aliases: extra.aliases ?? [], id: extra.id ?? 'file', definition: extra.definition ?? '', ...(extra.id === undefined ? { idFromFileName: true as const } : {}) });

describe('the names of a term', () => {
  it('takes both sides of a title with an abbreviation in parentheses, but not a qualifier', () => {
    assert.ok(names('Continuous Integration (CI)').includes('CI'));
    assert.ok(names('Continuous Integration (CI)').includes('Continuous Integration'));
    assert.ok(names('Mutual Transport Layer Security (mTLS)').includes('mTLS'));
    assert.ok(names('Kanban (Methode)').includes('Kanban'));
    assert.ok(!names('Kanban (Methode)').includes('Methode'));
  });

  it('takes an H1 that does not title a Docusaurus page (below other content) as a name beside its id', () => {
    const term = parseDocument(`${ROOT}/docs/SLA.md`, '---\nid: sla\n---\n:::note\n\nEntwurf.\n\n:::\n\n# Service Level Agreement\n', undefined, { docusaurus: true }).term!;
    assert.equal(term.title, 'sla');
    assert.ok(mentionNamesOf(term).includes('Service Level Agreement'));
    assert.ok(mentionNamesOf(term).includes('sla'));
  });

  it('takes the title without an abbreviation inside it, and with the abbreviation alone', () => {
    assert.ok(names('No Free Lunch (NFL) theorem').includes('No Free Lunch theorem'));
    assert.ok(names('Kullback-Leibler (KL) divergence').includes('KL divergence'));
    assert.ok(!names('Signale (Analog, Digital) Grundlagen').includes('Signale Grundlagen'), 'only an abbreviation is left out');
  });

  it('takes the name before a qualifier in lower case as its definition writes it', () => {
    assert.ok(names('Filter (convolution)', { definition: 'A *filter* (also known as a *kernel*) is a small matrix.' }).includes('filter'));
    assert.ok(names('Bit transparency (audio)', { definition: 'A system satisfies **bit\ntransparency** if data passes unchanged.' }).includes('bit transparency'));
    assert.ok(names('Go (programming language)', { definition: 'Go is a language; to go further, see Go\'s tour.' }).includes('Go'), 'a proper name, which its definition writes with its capital');
    assert.ok(!names('Go (programming language)', { definition: 'Go is a language.' }).includes('go'));
    for (const definition of ['Go is a language; see https://go.dev.', 'Go is a language: `go build`.', 'Go is a language, see [go.dev](https://go.dev) and go.dev/doc.']) {
      assert.ok(!names('Go (programming language)', { definition }).includes('go'), `no evidence in code, links and addresses: ${definition}`);
    }
    assert.ok(!names('Facet (disambiguation)', { definition: 'See [facet](/terms/facet-plotting) and [facets][1].' }).includes('facet'), 'nor in the text of a link to another term');
    assert.ok(names('Gut (wirtschaftlich)', { definition: 'Ein Gut ist ein Mittel, das gut tut.' }).includes('Gut'), 'a German noun keeps its capital');
    assert.ok(names('Filter (convolution)').includes('Filter'), 'without a definition that says otherwise, the capital stays');
    assert.ok(names('Kanban (Methode)').includes('Kanban'));
    assert.ok(names('GPU (hardware)', { definition: 'A gpu renders.' }).includes('GPU'), 'an abbreviation keeps its capitals');
  });

  it('takes the shorter name a definition opens with: the title without its last word, its kind', () => {
    assert.ok(names('Hangul script', { definition: 'Hangul is a [script](script.md) used to write Korean.' }).includes('Hangul'));
    assert.ok(names('Noto fonts', { definition: '**Noto** is Google\'s open-licensed font superfamily.' }).includes('Noto'));
    assert.ok(names('Brahmi Schrift', { definition: 'Die Brahmi ist eine Schrift Indiens.' }).includes('Brahmi'));
    assert.ok(names('Hiragana script', { definition: 'Hiragana is a script. Each symbol is a syllable, and hiragana carries particles.' }).includes('hiragana'), 'in lower case where the definition writes it so');
    for (const [title, definition] of [
      ['Latin script', 'The Latin script is used to write many languages.'],
      ['Cloud Native', 'Cloud native is an approach.'],
      ['Kubernetes Operator', 'An operator extends Kubernetes. Kubernetes is a platform.'],
      ['Service Level Agreement', 'A Service Level Agreement is a contract.'],
      ['Hangul script', 'Writing Korean: Hangul is a script.'],
      ['Hangul script', '[Hangul](hangul.md) is a script.'],
    ]) {
      const shortName = title.slice(0, title.lastIndexOf(' '));
      assert.ok(!names(title, { definition }).includes(shortName), `${title}: ${definition}`);
    }
  });

  it('writes a word of hyphenated parts as one, as German compounds are written both ways', () => {
    assert.ok(names('Rechteck-Querschnitt').includes('Rechteckquerschnitt'));
    assert.ok(!names('E-Mail').includes('EMail') && !names('Software-as-a-Service').some((name) => !name.includes('-')), 'not with a part of one letter');
  });

  it('takes both halves of a title with a spaced dash, without emphasis', () => {
    assert.ok(names('BPM - Business Process Management').includes('BPM'));
    assert.ok(names('BPM - Business Process Management').includes('Business Process Management'));
    assert.ok(names('BPM-Experte - *BPM-Expert*').includes('BPM-Expert'));
    assert.ok(!names('Software-as-a-Service').includes('Software'), 'a hyphen without blanks joins, it does not split');
  });

  it('takes each item of a title that lists names, but not the words of one name', () => {
    for (const item of ['Strom', 'Spannung', 'Widerstand']) assert.ok(names('Strom, Spannung, Widerstand').includes(item), item);
    for (const item of ['Kauf', 'Miete', 'Leasing']) assert.ok(names('Kauf, Miete und Leasing').includes(item), item);
    for (const item of ['RS232', 'RS485']) assert.ok(names('RS232 & RS485').includes(item), item);
    for (const item of ['REACH', 'WEEE']) assert.ok(names('REACH und WEEE').includes(item), item);
    assert.ok(!names('Research & Development').includes('Development'), 'two words joined by "&" are one name unless both are abbreviations');
    assert.ok(!names('Kosten, variable').includes('variable'), 'an inverted title is no list');
    assert.ok(!names('Bussysteme (Adress-, Daten-, Steuerbus)').includes('Daten-'), 'halves of words are no names');
  });

  it('takes both sides of a comparison, and the parts of each side', () => {
    for (const part of ['Schutzerde (PE)', 'Signalmasse (GND)', 'Schutzerde', 'PE', 'Signalmasse', 'GND']) assert.ok(names('Schutzerde (PE) vs. Signalmasse (GND)').includes(part), part);
    for (const part of ['TCP', 'UDP']) assert.ok(names('TCP versus UDP').includes(part), part);
  });

  it('takes the subject of a question and of an overview', () => {
    assert.ok(names('Was ist ESD?').includes('ESD'));
    assert.ok(names('What is a container?').includes('container'));
    for (const [title, subject] of [['Halbleiter Grundlagen', 'Halbleiter'], ['EMV-Grundlagen', 'EMV'], ['Transformator Typen', 'Transformator'], ['Kubernetes basics', 'Kubernetes'], ['Einführung in die Regelungstechnik', 'Regelungstechnik'], ['Introduction to Kubernetes', 'Kubernetes']]) {
      assert.ok(names(title).includes(subject), title);
    }
    assert.ok(!names('Data Types').includes('Data'), 'English "types" names a kind of thing, not an overview');
  });

  it('takes no list in parentheses, and no part of one letter', () => {
    assert.ok(names('Signale (Analog, Digital, Binär)').includes('Signale'));
    assert.ok(!names('Signale (Analog, Digital, Binär)').includes('Digital'), 'what the entry covers is not its name');
    assert.ok(!names('C-Grundlagen (Variablen, Schleifen)').includes('C'), 'one letter is a symbol');
    assert.ok(!names('Flipflops (SR, D, JK, T)').includes('D'));
  });

  it('splits words at a capital inside and between letters and digits, and makes plural names singular', () => {
    assert.ok(names('DIN69901').includes('DIN 69901'));
    assert.ok(names('WebAssembly').includes('Web Assembly'));
    assert.ok(names('Dokumente').includes('Dokument'));
    assert.ok(names('Stateful Apps').includes('Stateful App'));
    assert.ok(names('Technologies').includes('Technology'));
    assert.ok(names('PM-Paradigmen').includes('PM-Paradigma'));
    assert.deepEqual(names('SLA'), ['SLA'], 'an abbreviation in capitals is left alone');
    assert.ok(!names('Business').some((name) => name !== 'Business'), '"-ss" is no plural');
  });

  it('takes the file name only for an entry without a title of its own', () => {
    assert.ok(!names('Kubernetes Operator').includes('file'));
    assert.ok(names('Kubernetes Operator', { id: 'operator' }).includes('operator'), 'a declared id is a name');
    assert.ok(names('file').includes('file'));
  });
});

describe('the forms a name takes in the text', () => {
  const matcher = new TermMatcher();
  const terms: Record<string, string> = {
    zentrum: 'Rechenzentrum',
    handbuch: 'Handbuch',
    technology: 'Technology',
    proxy: 'Proxy',
    vertrag: 'Vertrag',
    thema: 'Thema',
    konto: 'Konto',
    deno: 'Deno',
    kriterium: 'Kriterium',
    richtlinie: 'Dokumentationsrichtlinie',
    datacenter: 'Datacenter',
    din: 'DIN 69901',
    mangel: 'Mangel',
    vater: 'Vater',
    antrag: 'Änderungsantrag',
    kurz: 'Äbcefgh',
  };
  for (const [uri, name] of Object.entries(terms)) matcher.setTerm(uri, [name]);
  const found = (text: string) => matcher.findMentions(text).map((mention) => `${text.slice(mention.start, mention.end)}=${mention.termUris.join(',')}`);

  it('finds irregular plurals: -ies, Latin and Italian plurals, umlaut plurals', () => {
    assert.deepEqual(found('Rechenzentren, Handbücher, technologies, proxies, Verträge, Themen, Konten, Kriterien'), [
      'Rechenzentren=zentrum',
      'Handbücher=handbuch',
      'technologies=technology',
      'proxies=proxy',
      'Verträge=vertrag',
      'Themen=thema',
      'Konten=konto',
      'Kriterien=kriterium',
    ]);
    assert.deepEqual(found('denen Deno vertraut'), ['Deno=deno'], 'a short stem takes no "-en" for "-o" (MDN: 263 times "denen")');
  });

  it('finds a one-word name split by one hyphen or space, and a code with its space', () => {
    assert.deepEqual(found('die PM-Dokumentations-Richtlinien im data center nach DIN 69901'), ['Dokumentations-Richtlinien=richtlinie', 'data center=datacenter', 'DIN 69901=din']);
    assert.deepEqual(found('data  center'), [], 'two blanks are no spelling of one word');
  });

  it('keeps the quick pre-checks of references true for every new form', () => {
    // "A\u0308nderungs antrag" typed in NFD: the signature counts its letters composed, as the matcher does.
    const cases = ['Rechenzentren', 'Handbücher', 'technologies', 'Verträge', 'Konten', 'Mängel', 'Väter', 'Dokumentations-Richtlinien', 'data center', 'A\u0308nderungs antrag'];
    assert.ok(cases.every((text) => matcher.findMentions(text).length > 0), 'every case is a mention');
    // Three letters composed, four as typed: no join, in the matcher as in the signature.
    for (const text of [...cases, 'A\u0308bc efgh']) {
      for (const mention of matcher.findMentions(text)) {
        for (const uri of mention.termUris) {
          assert.ok(matcher.mayMention(text, uri), `mayMention ${text}`);
          assert.ok(matcher.mayMentionIn(textSignature(text), uri), `signature ${text}`);
        }
      }
    }
  });
});

describe('what the words around a name say', () => {
  const mentioned = (index: ReturnType<typeof glossaryOf>, relative: string, text: string) => {
    const lines = new LineIndex(text);
    const document = index.setDocument(`${ROOT}/${relative}`, text);
    return mentionsIn(index, document, lines).map((mention) => `${text.slice(lines.offsetAt(mention.range.start), lines.offsetAt(mention.range.end))}=${mention.termUris.map((uri) => uri.slice(ROOT.length + 1)).join(',')}`);
  };

  it('finds none in a file whose front matter is never closed, which gray-matter reads whole as front matter (no link fix edits its keys)', () => {
    const index = glossaryOf({ 'Outtasking.md': '---\ntitle: Outtasking\n---\nText.\n' });
    assert.deepEqual(mentioned(index, 'notiz.md', '---\ntitle: Über Outtasking\n\nOuttasking hier.\n'), []);
    assert.deepEqual(mentioned(index, 'notiz.md', '---\ntitle: Über\n---\nOuttasking hier.\n'), ['Outtasking=Outtasking.md']);
  });

  it('takes a term whose own name it is over one of whose title it is a part, wherever the page lies', () => {
    const index = glossaryOf({
      'scripts/script.md': '---\ntitle: Script\n---\nA writing system.\n',
      'typography/script-typeface.md': '---\ntitle: Script (typeface)\n---\nA typeface like handwriting.\n',
      'typography/specs.md': '---\ntitle: Spezifikationen, Normen\n---\nText.\n',
    });
    assert.deepEqual(mentioned(index, 'typography/baseline.md', 'In scripts that run vertically, glyphs align to a centre line.\n'), ['scripts=scripts/script.md']);
    assert.deepEqual(mentioned(index, 'notiz.md', 'Die Normen gelten für alle Teile.\n'), ['Normen=typography/specs.md'], 'a part names its term where no term has the name as its own');
    index.setDocument(`${ROOT}/norm.md`, '---\ntitle: Norm\n---\nEine Regel.\n');
    assert.deepEqual(mentioned(index, 'notiz.md', 'Die Normen gelten für alle Teile.\n'), ['Normen=norm.md'], 'and loses it to a new term with the name as its own');
    index.removeDocument(`${ROOT}/norm.md`);
    assert.deepEqual(mentioned(index, 'notiz.md', 'Die Normen gelten für alle Teile.\n'), ['Normen=typography/specs.md'], 'and gets it back when that term goes');
  });

  it('takes a part of several words in any case: an abbreviation\'s expansion in lower case (Kubernetes\' CNI, RBAC); a part of one word only with its capital', () => {
    const index = glossaryOf({
      'docs/glossary/cni.md': '---\ntitle: Container Network Interface (CNI)\n---\nA spec.\n',
      'docs/glossary/rbac.md': '---\ntitle: RBAC (Role-Based Access Control)\n---\nManages authorization.\n',
      'docs/glossary/make-or-buy.md': '---\ntitle: Build vs. Buy\n---\nThe decision.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/concepts/net.md', 'The container network interface (CNI) and role-based access control (RBAC); we build and buy.\n'), [
      'container network interface=docs/glossary/cni.md',
      'CNI=docs/glossary/cni.md',
      'role-based access control=docs/glossary/rbac.md',
      'RBAC=docs/glossary/rbac.md',
    ]);
  });

  it('takes only English endings in an English paragraph: "header" is no Head there, "Header" in German prose still is (MDN)', () => {
    const index = glossaryOf({
      'docs/glossary/head.md': '---\ntitle: Head\n---\nThe head element.\n',
      'docs/glossary/lint.md': '---\ntitle: Lint\n---\nA tool.\n',
      'docs/glossary/policy.md': '---\ntitle: Policy\n---\nA rule.\n',
      'docs/glossary/feld.md': '---\ntitle: Feld\n---\nEin Feld.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/notes/en.md', 'The request header goes to the head, and the linter checks the policies and heads.\n'), ['head=docs/glossary/head.md', 'policies=docs/glossary/policy.md', 'heads=docs/glossary/head.md']);
    assert.deepEqual(mentioned(index, 'docs/notes/de.md', 'Die Felder und der Header sind hier für die Daten.\n'), ['Felder=docs/glossary/feld.md', 'Header=docs/glossary/head.md']);
  });

  it('takes no German singular of an English name in an English paragraph: "them" is no Theme, "not" no Note, "local" no Locale (Hugo\'s glossary, ffd)', () => {
    const index = glossaryOf({
      'docs/glossary/theme.md': '---\ntitle: theme\n---\nA theme is a module that delivers the templates of a site.\n',
      'docs/glossary/note.md': '---\ntitle: Note\n---\nA note is a short remark in the margin of the text.\n',
      'docs/glossary/locale.md': '---\ntitle: locale\n---\nA locale is a set of parameters that defines the language and region of the user.\n',
      'docs/glossary/plane.md': '---\ntitle: Control Plane\n---\nThe control plane is the layer that manages the workers of the cluster.\n',
      'docs/glossary/diagramme.md': '---\ntitle: Prozessdiagramme\n---\nProzessdiagramme sind die Bilder, die den Ablauf eines Prozesses und die Rollen darin zeigen.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/notes/en.md', 'Download them and not the themes, read the notes on the local locale, and take the control plans to the control plane and the Prozessdiagramm of the process.\n'), [
      'themes=docs/glossary/theme.md',
      'notes=docs/glossary/note.md',
      'locale=docs/glossary/locale.md',
      'control plane=docs/glossary/plane.md',
      'Prozessdiagramm=docs/glossary/diagramme.md',
    ]);
    assert.deepEqual(mentioned(index, 'docs/notes/de.md', 'Das Prozessdiagramm und die Prozessdiagramme sind hier für die Rollen und den Ablauf.\n'), ['Prozessdiagramm=docs/glossary/diagramme.md', 'Prozessdiagramme=docs/glossary/diagramme.md']);
  });

  it('takes no "term" that names a word as written: "The term _front matter_ refers to…" (Hugo\'s glossary), "der Begriff „Bedarf“"', () => {
    const index = glossaryOf({
      'docs/glossary/term.md': '---\ntitle: term\n---\nA term is a member of a taxonomy, used to classify content.\n',
      'docs/glossary/front-matter.md': '---\ntitle: front matter\n---\nThe metadata at the beginning of each content page.\n',
      'docs/glossary/begriff.md': '---\ntitle: Begriff\n---\nEin Begriff ist eine Denkeinheit, die aus Merkmalen gebildet wird.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/notes/en.md', 'The term _front matter_ refers to the metadata, and the terms "slug" and **url** are keys. Each term of a taxonomy classifies content: the term `go` is a term of the tags.\n'), [
      'front matter=docs/glossary/front-matter.md',
      'term=docs/glossary/term.md',
      'term=docs/glossary/term.md',
      'term=docs/glossary/term.md',
    ]);
    assert.deepEqual(mentioned(index, 'docs/notes/de.md', 'Der Begriff „Bedarf“ ist hier ein Begriff der Planung, und der Begriff *Kapazität* auch.\n'), ['Begriff=docs/glossary/begriff.md']);
  });

  it('takes the names of `aka` as aliases (Kubernetes\' glossary), an empty one as none', () => {
    const index = glossaryOf({
      'docs/glossary/pdb.md': '---\ntitle: Pod Disruption Budget\naka:\n- PDB\n---\nA budget.\n',
      'docs/glossary/hpa.md': '---\ntitle: Horizontal Pod Autoscaler\naka: HPA\n---\nScales.\n',
      'docs/glossary/pod.md': '---\ntitle: Pod\naka:\n---\nThe smallest object.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/concepts/disruptions.md', 'A PDB limits; an HPA scales a Pod.\n'), ['PDB=docs/glossary/pdb.md', 'HPA=docs/glossary/hpa.md', 'Pod=docs/glossary/pod.md']);
  });

  it('takes a term that has the words as a name as written over a nearer one they name by an inflected form (Kubernetes\' Pod and Pods)', () => {
    const index = glossaryOf({
      'docs/glossary/pod.md': '---\ntitle: Pod\n---\nThe smallest object.\n',
      'docs/concepts/pods/index.md': '---\ntitle: Pods\n---\nAbout pods.\n',
      'docs/concepts/nodes/index.md': '---\ntitle: Nodes\n---\nAbout nodes.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/concepts/pods/lifecycle.md', 'A pod runs; pods run on a node, Nodes hold Pods.\n'), [
      'pod=docs/glossary/pod.md',
      'pods=docs/concepts/pods/index.md',
      'node=docs/concepts/nodes/index.md',
      'Nodes=docs/concepts/nodes/index.md',
      'Pods=docs/concepts/pods/index.md',
    ]);
    // Where both have the words as a name, the nearer: a translation's own folder first, as before.
    index.setDocument(`${ROOT}/docs/concepts/pods/pod.md`, '---\ntitle: Pod\n---\nA pod, as the concepts say.\n');
    assert.deepEqual(mentioned(index, 'docs/concepts/pods/lifecycle.md', 'A pod runs.\n'), ['pod=docs/concepts/pods/pod.md']);
    assert.deepEqual(mentioned(index, 'docs/glossary/other.md', 'A pod runs.\n'), ['pod=docs/glossary/pod.md']);
    // A farther term so chosen keeps its not_mentions.
    const excluding = glossaryOf({
      'docs/glossary/pod.md': '---\ntitle: Pod\nnot_mentions: [pod disruption]\n---\nThe smallest object.\n',
      'docs/concepts/pods/index.md': '---\ntitle: Pods\n---\nAbout pods.\n',
    });
    assert.deepEqual(mentioned(excluding, 'docs/concepts/pods/lifecycle.md', 'A pod disruption happens. A pod runs.\n'), ['pod=docs/glossary/pod.md']);
  });

  it('takes a part on its own term\'s page for that term, and a part written with a capital only where the text has one', () => {
    const index = glossaryOf({
      'glossar/node.md': '---\ntitle: Node\n---\nSiehe die Bedeutungen.\n',
      'glossar/node-netzwerk.md': '---\ntitle: Node (Netzwerk)\n---\nIm Netz ist ein Node ein Verbindungspunkt.\n',
      'glossary/make-or-buy.md': '---\ntitle: Build vs. Buy\n---\nThe decision to make a product or to acquire it.\n',
      'glossary/intro.md': '---\ntitle: Introduction to containers\n---\nA first look.\n',
    });
    assert.deepEqual(mentioned(index, 'glossar/node-netzwerk.md', '---\ntitle: Node (Netzwerk)\n---\nIm Netz ist ein Node ein Verbindungspunkt.\n'), ['Node=glossar/node-netzwerk.md']);
    assert.deepEqual(mentioned(index, 'glossar/andere.md', 'Ein Node im Netz.\n'), ['Node=glossar/node.md'], 'elsewhere the term whose own name it is');
    // "build" and "buy", as verbs in lower case, are none; the title itself is no name a text writes across its period.
    assert.deepEqual(mentioned(index, 'notes.md', 'We build the image, then buy it. Build or not? Build vs. Buy, and containers help.\n'), ['Build=glossary/make-or-buy.md', 'Build=glossary/make-or-buy.md', 'Buy=glossary/make-or-buy.md', 'containers=glossary/intro.md']);
  });

  it('finds the name before a qualifier in lower case without its capital, and not in a link by reference or a web address', () => {
    const index = glossaryOf({
      'terms/filter.md': '---\ntitle: Filter (convolution)\n---\nA *filter* is a small matrix.\n',
      'terms/go.md': '---\ntitle: Go (programming language)\n---\nGo is a language.\n',
      'glossar/gut.md': '---\ntitle: Gut (wirtschaftlich)\n---\nEin Gut ist ein Mittel.\n',
      'terms/sd.md': '---\ntitle: Standard deviation\n---\nThe square root of variance.\n',
      'glossar/fussband.md': '---\ntitle: Fussband\n---\nEin Holz.\n',
    });
    const text = 'A filter slides. The [standard deviation][1] and [Filter] are links; de.wikipedia.org/wiki/Fußband is an address, a standard deviation is not.\n\n[1]: /terms/sd/\n[filter]: /terms/filter/\n';
    assert.deepEqual(mentioned(index, 'notes.md', text), ['filter=terms/filter.md', 'standard deviation=terms/sd.md']);
    assert.deepEqual(mentioned(index, 'notes.md', 'See [Filter] and [standard deviation][2], no links without definitions.\n'), ['Filter=terms/filter.md', 'standard deviation=terms/sd.md']);
    assert.deepEqual(mentioned(index, 'notes.md', 'To get started, go to the settings. Go compiles fast.\n'), ['Go=terms/go.md']);
    assert.deepEqual(mentioned(index, 'notiz.md', 'Das ist gut so, ein Gut ist knapp.\n'), ['Gut=glossar/gut.md']);
    index.setDocument(`${ROOT}/terms/go.md`, '---\ntitle: Go (programming language)\n---\nA language: *go* is its name.\n');
    assert.deepEqual(mentioned(index, 'notes.md', 'To get started, go to the settings.\n'), ['go=terms/go.md'], 'the definition changed, and the names with it');
    // The same for a qualified alias, both ways.
    index.setDocument(`${ROOT}/terms/go.md`, '---\ntitle: Golang\naliases: [Go (programming language)]\n---\nGo is a language.\n');
    assert.deepEqual(mentioned(index, 'notes.md', 'To get started, go to the settings.\n'), []);
    index.setDocument(`${ROOT}/terms/go.md`, '---\ntitle: Golang\naliases: [Go (programming language)]\n---\nA language: *go* is its name.\n');
    assert.deepEqual(mentioned(index, 'notes.md', 'To get started, go to the settings.\n'), ['go=terms/go.md']);
    index.setDocument(`${ROOT}/terms/go.md`, '---\ntitle: Golang\naliases: [Go (programming language)]\n---\nGo is a language.\n');
    assert.deepEqual(mentioned(index, 'notes.md', 'To get started, go to the settings.\n'), []);
  });

  it('in German prose, a lower-case word after a personal pronoun is a verb, not the noun', () => {
    const index = glossaryOf({ 'glossar/Bedarf.md': '---\ntitle: Bedarf\n---\nDer Bedarf.\n' });
    assert.deepEqual(mentioned(index, 'notiz.md', 'Es bedarf keiner Worte, denn der Bedarf ist da und die Kosten sind hoch.\n'), ['Bedarf=glossar/Bedarf.md']);
    assert.deepEqual(mentioned(index, 'notiz.md', 'Wir prüfen den bedarf, der für die Kunden und das Team wichtig ist.\n'), ['bedarf=glossar/Bedarf.md'], 'a noun typed in lower case');
    assert.deepEqual(mentioned(index, 'note.md', 'The bedarf of the users is what this is about, and it is clear.\n'), ['bedarf=glossar/Bedarf.md'], 'English prose keeps case-insensitive matching');
  });

  it('leaves out the phrases the term lists in not_mentions, and checks them', () => {
    const index = glossaryOf({ 'glossar/Bedarf.md': '---\ntitle: Bedarf\nnot_mentions: [bei Bedarf, je nach Bedraf]\n---\nDer Bedarf.\n' });
    assert.deepEqual(mentioned(index, 'notiz.md', 'Bei Bedarf wird der Bedarf geprüft, und die Prüfung ist bei   bedarf genau.\n'), ['Bedarf=glossar/Bedarf.md']);
    const diagnostics = documentDiagnostics(index, index.getDocument(`${ROOT}/glossar/Bedarf.md`)!).filter((diagnostic) => diagnostic.code === 'invalid-not-mentions');
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.message), ['"je nach Bedraf" contains no name of "Bedarf": it excludes nothing.']);
  });

  it('uses the first 100 not_mentions phrases, reports the rest, and keeps a mention cheap whatever the list', () => {
    const phrases = Array.from({ length: 5_000 }, (_, number) => `Bedarf Nummer ${number}`);
    const index = glossaryOf({ 'glossar/Bedarf.md': `---\ntitle: Bedarf\nnot_mentions: [${phrases.join(', ')}, ${'x'.repeat(300)} Bedarf]\n---\nDer Bedarf.\n` });
    const text = 'Der Bedarf Nummer 7 ist gedeckt, der Bedarf Nummer 4000 nicht. '.repeat(2_000);
    const started = performance.now();
    const found = mentioned(index, 'notiz.md', text);
    assert.ok(performance.now() - started < 2_000, `4,000 mentions took ${Math.round(performance.now() - started)} ms`);
    assert.equal(found.length, 2_000, 'phrase 7 is used, phrase 4000 is past the first 100');
    const messages = documentDiagnostics(index, index.getDocument(`${ROOT}/glossar/Bedarf.md`)!).filter((diagnostic) => diagnostic.code === 'invalid-not-mentions').map((diagnostic) => diagnostic.message);
    assert.equal(messages.filter((message) => message === 'Only the first 100 phrases are used.').length, 4_901);
  });

  it('a name inside a longer run of capitalised words belongs to another name', () => {
    const index = glossaryOf({ 'glossary/service.md': '---\ntitle: Service\n---\nA service.\n', 'glossary/operator.md': '---\ntitle: Kubernetes Operator\n---\nAn operator.\n' });
    assert.deepEqual(mentioned(index, 'note.md', 'It runs on Amazon Web Services and is a service of the team. The Kubernetes Operator is one.\n'), [
      'service=glossary/service.md',
      'Kubernetes Operator=glossary/operator.md',
    ]);
    assert.deepEqual(mentioned(index, 'note.md', '# Amazon Web Services\n'), ['Services=glossary/service.md'], 'a heading writes every word in capitals');
    const germanPage = (paragraph: string) =>
      mentioned(index, 'notiz.md', `Der Dienst ist für die Kunden und das Team gedacht, und er ist nicht teuer.\n\n${paragraph}\n\nDie Kosten sind hoch und das ist nicht gut für den Betrieb.\n`);
    assert.deepEqual(germanPage('Der Betrieb läuft bei einem Cloud Service Anbieter, und das ist gut.'), ['Service=glossary/service.md'], 'German writes nouns in capitals, one after another');
    assert.deepEqual(germanPage('It runs on Amazon Web Services, and that is the cloud of the team.'), [], 'an English paragraph of a German page is English');
  });

  it('of a term in two locales, takes the one of the page, and its translation for an original', () => {
    const index = glossaryOf({});
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ defaultContentLanguage: 'en', languages: ['en', 'de'].map((code) => ({ code, contentDir: `content/${code}` })), problems: [] }), now: new Date() }]);
    addFiles(index, {
      'content/en/container.md': '---\ntitle: Container\n---\nA container.\n',
      'content/de/container.md': '---\ntitle: Container\n---\nEin Container.\n',
      'content/en/continuous-integration.md': '---\ntitle: Continuous Integration (CI)\n---\nCI.\n',
      'content/de/continuous-integration.md': '---\ntitle: Kontinuierliche Integration\n---\nCI.\n',
    });
    assert.deepEqual(mentioned(index, 'content/de/notiz.md', '---\ntitle: Notiz\n---\nDer Container und die CI sind wichtig für das Team.\n'), ['Container=content/de/container.md', 'CI=content/de/continuous-integration.md']);
    assert.deepEqual(mentioned(index, 'content/en/note.md', '---\ntitle: Note\n---\nThe container and the CI matter.\n'), ['container=content/en/container.md', 'CI=content/en/continuous-integration.md']);
  });
});
