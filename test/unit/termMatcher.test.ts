import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermMatcher } from '../../server/src/index/termMatcher';
import { mayContain, mayContainAsWritten, SignatureStore, textSignature } from '../../server/src/index/textSignature';

function matcherWith(terms: Record<string, string[]>): TermMatcher {
  const matcher = new TermMatcher();
  for (const [uri, names] of Object.entries(terms)) matcher.setTerm(uri, names);
  return matcher;
}

const glossary = matcherWith({
  outtasking: ['Outtasking'],
  outsourcing: ['Outsourcing'],
  dienstleister: ['Dienstleister'],
  prozess: ['Prozess'],
  wertschoepfung: ['Wertschöpfungskette'],
  sla: ['Service Level Agreement', 'SLA'],
  im: ['Informationsmanagement', 'IM'],
  mob: ['Make-or-Buy-Entscheidung'],
  selektiv: ['Selektives Outsourcing'],
});

/** The mentioned text and its terms, in order. */
function mentions(text: string, excluded: Array<[number, number]> = []) {
  return glossary.findMentions(text, 0, text.length, excluded).map((mention) => [text.slice(mention.start, mention.end), mention.termUris.join(',')]);
}

describe('term matcher', () => {
  it('matches case-insensitively on word boundaries', () => {
    assert.deepEqual(mentions('Das outtasking und OUTTASKING.'), [['outtasking', 'outtasking'], ['OUTTASKING', 'outtasking']]);
  });

  it('matches German genitive and plural endings', () => {
    assert.deepEqual(mentions('Form des Outsourcings mit den Dienstleistern'), [
      ['Outsourcings', 'outsourcing'],
      ['Dienstleistern', 'dienstleister'],
    ]);
  });

  it('takes -er as a plural of short nouns, not as the agent noun of longer ones', () => {
    const matcher = matcherWith({ feld: ['Feld'], arbeit: ['Arbeit'], besuch: ['Besuch'] });
    const found = (text: string) => matcher.findMentions(text).map((mention) => text.slice(mention.start, mention.end));
    assert.deepEqual(found('die Felder und den Feldern'), ['Felder', 'Feldern']);
    assert.deepEqual(found('der Arbeiter und die Besucher'), []);
    assert.deepEqual(found('der Arbeiten und des Besuchs'), ['Arbeiten', 'Besuchs']);
  });

  it('matches a name whose first word is an adjective in -er, in every form', () => {
    const matcher = matcherWith({ plan: ['Strategischer Plan'], arbeit: ['Arbeit'] });
    const found = (text: string) => matcher.findMentions(text).map((mention) => text.slice(mention.start, mention.end));
    assert.deepEqual(found('Ein Strategischer Plan und beim strategischen Plan'), ['Strategischer Plan', 'strategischen Plan']);
    assert.deepEqual(found('der Arbeiter'), [], 'a leading-word key never matches a word on its own');
  });

  it('does not match a term inside a longer word', () => {
    assert.deepEqual(mentions('Geschäftsprozess und Prozessor und Outsourcingvertrag'), []);
  });

  it('matches a term inside a hyphenated compound', () => {
    assert.deepEqual(mentions('Der Outtasking-Anbieter'), [['Outtasking', 'outtasking']]);
  });

  it('matches transliterated umlauts both ways', () => {
    assert.deepEqual(mentions('die Wertschoepfungskette'), [['Wertschoepfungskette', 'wertschoepfung']]);
  });

  it('matches multi-word terms across one line break, longest match first', () => {
    assert.deepEqual(mentions('ein Service\nLevel Agreement'), [['Service\nLevel Agreement', 'sla']]);
    assert.deepEqual(mentions('ein Service\n\nLevel Agreement'), []);
    assert.deepEqual(mentions('Selektives Outsourcing ist'), [['Selektives Outsourcing', 'selektiv']]);
    assert.deepEqual(mentions('beim selektiven Outsourcing'), [['selektiven Outsourcing', 'selektiv']]);
  });

  it('matches hyphenated names', () => {
    assert.deepEqual(mentions('Die Make-or-Buy-Entscheidung fällt.'), [['Make-or-Buy-Entscheidung', 'mob']]);
  });

  it('matches short acronyms only in capitals', () => {
    assert.deepEqual(mentions('im Rahmen des IM und der SLAs'), [['IM', 'im'], ['SLAs', 'sla']]);
  });

  it('skips excluded spans such as code', () => {
    const text = 'Code `Outtasking` und Outtasking';
    assert.deepEqual(mentions(text, [[5, 17]]), [['Outtasking', 'outtasking']]);
  });

  it('reports every candidate when names collide', () => {
    const matcher = matcherWith({ a: ['Kern'], b: ['Kern'] });
    assert.deepEqual(matcher.findMentions('Der Kern').map((mention) => [...mention.termUris].sort()), [['a', 'b']]);
  });

  it('learns names correctly after a scan of part of a text (no shared search position)', () => {
    const matcher = matcherWith({ a: ['Insourcing'] });
    const text = 'Insourcing am Anfang, dann sehr viel mehr Text, in dem nichts vorkommt.';
    assert.equal(matcher.findMentions(text, 0, 12).length, 1);
    matcher.setTerm('b', ['Outtasking']);
    assert.deepEqual(matcher.findMentions('das Outtasking').map((mention) => mention.termUris), [['b']]);
  });

  it('forgets removed and renamed terms', () => {
    const matcher = matcherWith({ a: ['Insourcing'] });
    matcher.setTerm('a', ['Backsourcing']);
    assert.deepEqual(matcher.findMentions('Insourcing').length, 0);
    assert.deepEqual(matcher.findMentions('Backsourcing').length, 1);
    matcher.removeTerm('a');
    assert.deepEqual(matcher.findMentions('Backsourcing').length, 0);
  });

  it('rules a text out for a term only when the text cannot mention it', () => {
    const texts = [
      'Form des Outsourcings mit den Dienstleistern',
      'beim selektiven outsourcing und der WERTSCHOEPFUNGSKETTE',
      'Die Make-or-Buy-Entscheidungen der SLAs im IM-Bereich',
      'Service-Level-\nAgreements, Prozesse, Geschäftsprozess',
      'Wertschöpfungsketten und Dienstleister, aber kein Kern.',
      'ein Text, der keinen der Begriffe nennt: im Service, ein Level, slas',
    ];
    for (const matcher of [glossary, Object.assign(matcherWith({ prozess: ['Prozess'], kette: ['Kette'] }), { matchCompoundTails: true })]) {
      for (const text of texts) {
        const mentioned = new Set(matcher.findMentions(text).flatMap((mention) => mention.termUris));
        for (const uri of ['outtasking', 'outsourcing', 'dienstleister', 'prozess', 'wertschoepfung', 'sla', 'im', 'mob', 'selektiv', 'kette']) {
          if (!mentioned.has(uri)) continue;
          assert.ok(matcher.mayMention(text, uri), `${uri} is mentioned in ${JSON.stringify(text)}`);
          assert.ok(matcher.mayMentionIn(textSignature(text), uri), `${uri} is mentioned in ${JSON.stringify(text)} (signature)`);
        }
      }
    }
    assert.equal(glossary.mayMentionIn(textSignature(texts[5]), 'outtasking'), false);
    assert.equal(glossary.mayMention(texts[5], 'sla'), false);
    assert.equal(glossary.mayMention(texts[5], 'outtasking'), false);
    assert.equal(glossary.mayMention(texts[5], 'im'), false);
    assert.equal(glossary.mayMention(texts[0], 'unknown'), false);
  });
  it('finds compound tails in a word of 20,000 letters at once, as in a short one', () => {
    const matcher = Object.assign(matcherWith({ prozess: ['Prozess'] }), { matchCompoundTails: true });
    const found = (text: string) => matcher.findMentions(text).map((mention) => text.slice(mention.start, mention.end));
    const started = performance.now();
    assert.deepEqual(found(`der Geschäftsprozess und ${'ä'.repeat(20_000)}prozesse`), ['prozess', 'prozesse']);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  });

  it('scans a 70 KB text in time linear in it when a word leads to thousands of names (2,048 titles of "Test" and "Testenem")', () => {
    const matcher = new TermMatcher();
    for (let bits = 0; bits < 2048; bits++) matcher.setTerm(`t${bits}`, [Array.from({ length: 11 }, (_, word) => ((bits >> word) & 1 ? 'Testenem' : 'Test')).join(' ')]);
    const started = performance.now();
    // "Testen" stands for "Test" and "Testenem" but the last word only for "Test": 1,024 names each time.
    const mentioned = matcher.findMentions('Testen '.repeat(10_000));
    const unfinished = matcher.findMentions(`${'Testen '.repeat(10)}X `.repeat(900));
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
    assert.equal(mentioned.length, 909);
    assert.ok(mentioned.every((mention) => mention.termUris.length === 1024));
    assert.equal(unfinished.length, 0);
  });

  it('finds a name typed in NFD in NFC prose and the other way round, at the offsets of the text as given', () => {
    const composed = 'Wertschöpfung';
    const decomposed = 'Wertscho\u0308pfung';
    for (const [name, text] of [[decomposed, `Die ${decomposed}.`], [decomposed, `Die ${composed}en.`], [composed, `Die ${decomposed}.`], [`${composed} und Betrieb`, `Die ${decomposed} und\nBetrieb.`]]) {
      const matcher = matcherWith({ w: [name] });
      const [mention] = matcher.findMentions(text);
      assert.ok(mention !== undefined, `${JSON.stringify(name)} in ${JSON.stringify(text)}`);
      assert.equal(mention.start, 4);
      assert.equal(text.slice(mention.start, mention.end).replace(/\W+$/, '').normalize('NFC').startsWith(composed), true);
      assert.equal(mention.end, text.length - 1);
      assert.ok(matcher.mayMention(text, 'w'), `pre-check of ${JSON.stringify(text)}`);
      assert.ok(matcher.mayMentionIn(textSignature(text), 'w'), `signature pre-check of ${JSON.stringify(text)}`);
    }
  });
});

describe('text signature', () => {
  it('never rules out a word the text contains, hyphens left out, and rules out most it does not', () => {
    const text = 'Das Outtasking ist eine besondere Form des Outsourcings. Die Wertschöpfungskette, SLAs und IM-Bereiche. ÄRGER an der Straße, Übergröße, äöüß.\n'.repeat(3);
    const signature = textSignature(text);
    const folded = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replaceAll('-', '');
    assert.ok(mayContain(signature, 'imbereiche'), 'a name the text splits with a hyphen');
    assert.ok(mayContain(textSignature('im data center und im Rechen zentrum'), 'datacenter'), 'a name the text splits with a space');
    assert.ok(mayContain(textSignature('Die Daten über Wertschöpfungs kette'), 'wertschoepfungskette'), 'folded across a space');
    for (let start = 0; start < folded.length; start++) {
      for (let end = start + 1; end <= Math.min(folded.length, start + 12); end++) assert.ok(mayContain(signature, folded.slice(start, end)), folded.slice(start, end));
    }
    const absent = ['kostenstelle', 'prozess', 'dienstleister', 'vertrag', 'qualitaet', 'lieferant', 'rechnung', 'strategie'];
    assert.ok(absent.filter((word) => mayContain(signature, word)).length <= 1);
  });

  it('looks for an acronym as it is written, not folded', () => {
    const signature = textSignature('Die SLA-Vereinbarung, das iOS-Gerät und der ÄRGER mit F1.');
    for (const acronym of ['SLA', 'iOS', 'ÄRGER', 'F1', 'S', 'Gerät']) assert.ok(mayContainAsWritten(signature, acronym), acronym);
    const absent = ['IM', 'ERP', 'KPI', 'SAP', 'DSGVO', 'IoT', 'HR', 'CRM'];
    assert.ok(absent.filter((acronym) => mayContainAsWritten(signature, acronym)).length <= 1);
    assert.equal(mayContainAsWritten(textSignature('die sla ist vereinbart'), 'SLA'), false, 'the same letters in lower case');
    // "İ" lower-cases to two characters: the capitals are found one by one.
    const longerInLowerCase = textSignature('İSTANBUL, die SLA und ein İ.');
    for (const acronym of ['SLA', 'İSTANBUL', 'İ.']) assert.ok(mayContainAsWritten(longerInLowerCase, acronym), acronym);
    assert.ok(mayContain(longerInLowerCase, 'vereinbart') === false && mayContain(longerInLowerCase, 'stanbul'));
  });

  it('keeps a text whose mention the matcher joins across a hyphen or reads with a final sigma', () => {
    const matcher = matcherWith({ sla: ['SLA'], itsm: ['ITSM'], kosmos: ['ΚΟΣΜΟΣ'], logos: ['Λόγος'] });
    const cases: Array<[string, string]> = [
      ['sla', 'Die S-LA gilt.\r\n'],
      ['sla', 'Zwei SL-As'],
      ['itsm', 'Das IT-SM Team'],
      // Lower-casing a whole text writes the last "Σ" as "σ" before an apostrophe and a letter, a word alone as "ς".
      ['kosmos', "Das ΚΟΣΜΟΣ's Modell"],
      ['kosmos', 'ΚΟΣΜΟΣ’s'],
      ['logos', 'ΛΌΓΟΣ.gr'],
    ];
    for (const [uri, text] of cases) {
      assert.ok(matcher.findMentions(text).some((mention) => mention.termUris.includes(uri)), `${uri} is mentioned in ${JSON.stringify(text)}`);
      assert.ok(matcher.mayMention(text, uri), `text test of ${JSON.stringify(text)}`);
      assert.ok(matcher.mayMentionIn(textSignature(text), uri), `signature of ${JSON.stringify(text)}`);
    }
  });

  it('is kept as stored, over several blocks and after others are deleted and their places reused', () => {
    const store = new SignatureStore();
    const texts = Array.from({ length: 2500 }, (_, i) => `Begriff ${i} und Wort${i * 7}`);
    texts.forEach((text, i) => store.set(`file:///${i}.md`, textSignature(text)));
    for (let i = 0; i < texts.length; i += 3) store.delete(`file:///${i}.md`);
    for (let i = 0; i < texts.length; i += 3) store.set(`file:///neu${i}.md`, textSignature(`Neu ${i}`));
    store.set('file:///1.md', textSignature('Ersetzt'));
    texts.forEach((text, i) => {
      const expected = i % 3 === 0 ? undefined : textSignature(i === 1 ? 'Ersetzt' : text);
      assert.deepEqual(store.get(`file:///${i}.md`), expected, `file ${i}`);
      if (i % 3 === 0) assert.deepEqual(store.get(`file:///neu${i}.md`), textSignature(`Neu ${i}`), `new file ${i}`);
    });
  });
});
