#!/usr/bin/env node
// Deterministic synthetic German glossaries for the benchmark.
//
//   node scripts/bench/generate.mjs [--sizes 1k,10k,100k] [--force]
//
// Writes .test-cache/bench/<size>/ (git-ignored; BENCH_CACHE_DIR overrides the parent folder):
//   tags.yml                       ~60 tags with label, permalink and description
//   glossar/gNNN/<Id>.md           the terms, 200 per folder, Docusaurus front matter (id, title,
//                                  aliases, tags), an H1, a bold lead sentence, 1.5-3 KB of prose
//                                  with plain mentions of other terms (some inflected with -s/-en,
//                                  some by acronym alias) and 1-4 relative links to other terms
//   notizen/nNN/notiz-NNNNN.md     ~5% as many ordinary notes without front matter that mention
//                                  and link terms
//   manifest.json                  counts, sizes, sample titles and probe documents with the exact
//                                  positions of the mentions and links in them (for hovers)
//   .complete                      stamp: generation finished (with the generator version); a corpus
//                                  with a matching stamp is reused as is.
// The same size always gives byte-identical files (seeded mulberry32, no Date, no Math.random).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 4;
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_ROOT = path.resolve(process.env.BENCH_CACHE_DIR || path.join(REPO_ROOT, '.test-cache', 'bench'));
const TERMS_PER_FOLDER = 200;
const NOTE_SHARE = 0.05;
const PROBE_TERMS = 8;
const PROBE_NOTES = 4;

// ---------------------------------------------------------------- randomness

export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }
}

/** Samples indexes 0..n-1 with probability proportional to 1/(rank+1)^s. */
class Zipf {
  constructor(n, s = 1.1) {
    this.cumulative = [];
    let sum = 0;
    for (let rank = 0; rank < n; rank++) this.cumulative.push((sum += 1 / Math.pow(rank + 1, s)));
    this.total = sum;
  }
  sample(random) {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ---------------------------------------------------------------- vocabulary

const WORD_STARTS = [
  'Ab', 'An', 'Auf', 'Aus', 'Be', 'Bü', 'Dienst', 'Ein', 'Er', 'Fahr', 'Ge', 'Grund', 'Groß', 'Haus', 'Kauf', 'Lei', 'Markt',
  'Nach', 'Plan', 'Prüf', 'Rück', 'Sach', 'Schlüs', 'Stoff', 'Über', 'Um', 'Ver', 'Vor', 'Wäh', 'Werk', 'Zu', 'Zeit', 'Öl',
  'Äu', 'Fuß', 'Maß', 'Schätz', 'Dräh', 'Löh', 'Mün', 'Kühl', 'Stör', 'Wert', 'Bür', 'Hör', 'Gär', 'Säu', 'Flö', 'Trä', 'Quell',
];
const WORD_MIDDLES = [
  'ar', 'be', 'di', 'ga', 'ka', 'lo', 'ma', 'ne', 'pe', 'ra', 'sa', 'ti', 'tu', 'wä', 'zö', 'rü', 'lä', 'stel', 'fer', 'ker',
  'men', 'nis', 'ßen', 'gü', 'hä', 'mo', 'ri', 'so', 'va', 'xe',
];
const WORD_ENDS = [
  'ung', 'keit', 'heit', 'schaft', 'ling', 'nis', 'tum', 'bau', 'werk', 'plan', 'recht', 'satz', 'stand', 'zug', 'gang',
  'fluss', 'maß', 'stoß', 'lauf', 'wahl', 'zeit', 'dienst', 'stoff', 'kreis', 'weg', 'rat', 'amt', 'gut', 'größe',
  'führung', 'prüfung', 'gebühr', 'straße', 'büro', 'lösung', 'übung',
];
/** Adjectives before a noun, in the form a title uses; their stem takes -en when inflected. */
const ADJECTIVES = [
  'Digitale', 'Externes', 'Strategischer', 'Öffentliche', 'Betriebliches', 'Selektives', 'Hybride', 'Zentrale', 'Gemeinsamer',
  'Mobile', 'Technische', 'Rechtliche', 'Ökologische', 'Größere', 'Vorläufiges', 'Künftige', 'Übergreifende', 'Dezentrale',
  'Operatives', 'Taktischer', 'Flexible', 'Verbindliche', 'Schnelles', 'Gründliche',
];
const ACRONYM_PREFIXES = ['IT', 'KI', 'EDV', 'ÖPNV', 'HR', 'GmbH', 'ERP', 'CRM', 'BPM', 'QM'];
const ACRONYM_LETTERS = 'ABCDEFGHIKLMNOPRSTUVWZÄÖÜ';

const TAGS = [
  'Begriffe', 'Prozesse', 'Strategie', 'Recht', 'Finanzen', 'Qualität', 'Führung', 'Personal', 'Einkauf', 'Vertrieb', 'Logistik',
  'Produktion', 'Forschung', 'Entwicklung', 'Sicherheit', 'Datenschutz', 'Infrastruktur', 'Netzwerk', 'Software', 'Hardware',
  'Cloud', 'Betrieb', 'Service', 'Verträge', 'Controlling', 'Risiko', 'Compliance', 'Architektur', 'Methoden', 'Werkzeuge',
  'Kommunikation', 'Organisation', 'Projekte', 'Änderungen', 'Prüfung', 'Planung', 'Steuerung', 'Kennzahlen', 'Kunden',
  'Lieferanten', 'Märkte', 'Gebühren', 'Schulung', 'Wissen', 'Dokumentation', 'Standards', 'Normen', 'Nachhaltigkeit',
  'Energie', 'Umwelt', 'Gesundheit', 'Öffentlichkeit', 'Medien', 'Technik', 'Innovation', 'Digitalisierung', 'Automatisierung',
  'Analyse', 'Berichte', 'Grundlagen',
];

const LEADS = [
  ['Der Begriff ', '{T}', ' bezeichnet ', '{P}', '.'],
  ['', '{T}', ' ist ', '{P}', '.'],
  ['Unter ', '{T}', ' versteht man ', '{P}', '.'],
];
const LEAD_PHRASES = [
  'ein Verfahren, mit dem Unternehmen {M} planen und steuern',
  'die geordnete Übergabe von Aufgaben an einen externen Partner',
  'eine Methode zur Bewertung von Abläufen im Tagesgeschäft',
  'einen Teil der betrieblichen Wertschöpfung, der eng mit {M} verbunden ist',
  'die Gesamtheit aller Regeln, die für {M} gelten',
  'ein Werkzeug, das Fachabteilungen bei der täglichen Arbeit unterstützt',
  'eine Kennzahl, die den Fortschritt größerer Vorhaben messbar macht',
  'einen vertraglich festgelegten Rahmen für wiederkehrende Leistungen',
];
const SENTENCES = [
  'Im Alltag spielt {M} eine wichtige Rolle, weil viele Abläufe davon abhängen.',
  'Dabei ist zu beachten, dass {M} nicht isoliert betrachtet werden sollte.',
  'Häufig wird {M} mit {M} verwechselt, obwohl sich beide deutlich unterscheiden.',
  'Für die Vorbereitung größerer Vorhaben ist {M} unverzichtbar.',
  'Die Verantwortung liegt in der Regel bei der Fachabteilung, die {M} regelmäßig überprüft.',
  'Ohne {M} ließen sich die Anforderungen kaum erfüllen.',
  'Viele Organisationen führen {M} schrittweise ein und sammeln zunächst Erfahrungen.',
  'Eine enge Verbindung besteht zu {M}, das ähnliche Ziele verfolgt.',
  'Kritiker bemängeln, dass {M} zusätzlichen Aufwand verursacht.',
  'In der Praxis ergänzt {M} bestehende Verfahren, ersetzt sie aber selten vollständig.',
  'Wer {M} einführt, sollte die Auswirkungen auf {M} frühzeitig prüfen.',
  'Die Kosten hängen stark davon ab, wie {M} im Einzelfall ausgestaltet wird.',
  'Typische Beispiele finden sich im Bereich {M} sowie bei öffentlichen Auftraggebern.',
  'Die Einführung gelingt am besten, wenn alle Beteiligten früh eingebunden werden.',
  'Die genaue Ausgestaltung hängt von den Rahmenbedingungen des jeweiligen Unternehmens ab.',
  'Gerade kleine Betriebe unterschätzen oft den Aufwand für Schulungen und Abstimmungen.',
  'Rechtliche Fragen sollten vor Vertragsabschluss geklärt sein.',
  'Über die Jahre haben sich verschiedene Spielarten herausgebildet, die sich im Umfang unterscheiden.',
  'Eine sorgfältige Dokumentation erleichtert spätere Änderungen erheblich.',
  'Gemessen wird der Erfolg meist an Durchlaufzeiten, Fehlerquoten und Zufriedenheit.',
  'Zusammen mit {M} bildet es die Grundlage für eine verlässliche Steuerung.',
  'Bei Störungen greift zunächst {M}, bevor weitere Schritte folgen.',
  'Die Abgrenzung zu {M} ist nicht immer eindeutig und wird im Einzelfall getroffen.',
  'Im Gegensatz zu {M} bleibt hier die Kontrolle vollständig im eigenen Haus.',
];
const SECTION_HEADINGS = ['## Abgrenzung', '## Praxis', '## Beispiele', '## Hintergrund', '## Vorteile und Nachteile'];
const NOTE_HEADINGS = ['Besprechung', 'Protokoll', 'Ideen', 'Offene Fragen', 'Lesenotizen', 'Entwurf'];

/** Lower case with German letters folded, as the server compares names. */
function fold(word) {
  return word.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}
const SUFFIXES = ['ern', 'em', 'en', 'er', 'es', 'e', 'n', 's'];
/** A word of prose and the stems the server may read it as (itself without one German ending). */
function lookupKeys(word) {
  const folded = fold(word);
  const keys = [folded];
  for (const suffix of SUFFIXES) if (folded.length - suffix.length >= 3 && folded.endsWith(suffix)) keys.push(folded.slice(0, -suffix.length));
  return keys;
}
const WORDS = /[\p{L}\p{N}]+/gu;
/** Every key a word of the fixed prose can stand for: term names must avoid them to stay unambiguous. */
const PROSE_KEYS = new Set(
  [...LEAD_PHRASES, ...SENTENCES, ...SECTION_HEADINGS, ...NOTE_HEADINGS, ...LEADS.flat(), 'Siehe auch', 'Notiz', 'vom', 'und', 'für']
    .flatMap((text) => [...text.replace(/\{[MTP]\}/g, ' ').matchAll(WORDS)].map(([word]) => word))
    .flatMap(lookupKeys),
);

/** Corpus size from "1k", "10k", "100k" or a plain number. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!match) throw new Error(`bad size: ${text}`);
  return Math.round(Number(match[1]) * ({ '': 1, k: 1000, m: 1_000_000 }[match[2].toLowerCase()]));
}

export function sizeLabel(size) {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

export function corpusDir(size) {
  return path.join(CACHE_ROOT, sizeLabel(size));
}

// ---------------------------------------------------------------- names

function makeWord(random) {
  const middles = random.next() < 0.45 ? 0 : random.next() < 0.75 ? 1 : 2;
  let word = random.pick(WORD_STARTS);
  for (let i = 0; i < middles; i++) word += random.pick(WORD_MIDDLES);
  return word + random.pick(WORD_ENDS);
}

function makeTitle(random) {
  const kind = random.next();
  if (kind < 0.62) return makeWord(random);
  if (kind < 0.76) return `${random.pick(ADJECTIVES)} ${makeWord(random)}`;
  if (kind < 0.88) return `${makeWord(random)}-${makeWord(random)}`;
  if (kind < 0.94) return `${random.pick(ACRONYM_PREFIXES)}-${makeWord(random)}`;
  return `${makeWord(random)} für ${makeWord(random)}`;
}

function idFromTitle(title) {
  return title
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .replace(/\s+/g, '-');
}

/** Whether a title's nouns stay clear of the fixed prose, so prose never mentions a term by accident. */
function clearOfProse(title) {
  const words = title.split(/[\s-]+/);
  return words.every((word, position) => {
    if (word === 'für' || ACRONYM_PREFIXES.includes(word)) return true;
    if (position === 0 && ADJECTIVES.includes(word)) return true;
    return !PROSE_KEYS.has(fold(word));
  });
}

function makeAcronym(random) {
  let acronym = '';
  const length = random.int(2, 4);
  for (let i = 0; i < length; i++) acronym += random.pick([...ACRONYM_LETTERS]);
  return acronym;
}

/** A plain mention of a term, inflected as German prose would. */
function inflect(title, random) {
  const words = title.split(' ');
  const last = words[words.length - 1];
  const ending = /(?:s|ß|x|z)$/.test(last) ? 'es' : /e$/.test(last) ? 'n' : random.chance(0.5) ? 's' : 'en';
  words[words.length - 1] = last + ending;
  if (words.length === 2 && ADJECTIVES.includes(words[0])) {
    // "Digitale Planung" -> "der digitalen Planungen"
    const stem = words[0].replace(/(?:es|er|en|e)$/, '');
    words[0] = stem.toLowerCase() + 'en';
  }
  return words.join(' ');
}

// ---------------------------------------------------------------- documents

/** Text built from pieces, remembering where the mentions and links went (UTF-16 offsets, as LSP counts). */
class Builder {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.bytes = 0;
    this.marks = [];
  }
  add(text) {
    this.parts.push(text);
    this.length += text.length;
    this.bytes += Buffer.byteLength(text);
  }
  mark(text, info) {
    this.marks.push({ offset: this.length, length: text.length, ...info });
    this.add(text);
  }
  text() {
    return this.parts.join('');
  }
}

/** Line and character of UTF-16 offsets in a text. */
function positions(text, marks) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return marks.map((mark) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= mark.offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: mark.offset - lineStarts[lo], length: mark.length, kind: mark.kind, term: mark.term, surface: mark.surface };
  });
}

function relativeLink(fromFolder, toFile) {
  const relative = path.posix.relative(fromFolder, toFile);
  return relative;
}

/**
 * Generates a corpus into `root` (which must not exist yet) and returns its manifest.
 */
export function generateCorpus(size, root, log = () => undefined) {
  const random = new Random(0x9e3779b1 ^ (size * 2654435761));
  const started = Date.now();

  // Names: unique by their folded form, ids unique regardless of case, clear of the prose.
  const terms = [];
  const nameKeys = new Set();
  const ids = new Set();
  while (terms.length < size) {
    const title = makeTitle(random);
    const key = fold(title).replace(/[^a-z0-9]+/g, ' ');
    const id = idFromTitle(title);
    if (nameKeys.has(key) || ids.has(id.toLowerCase()) || !clearOfProse(title)) continue;
    const aliases = [];
    if (random.chance(0.15)) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const acronym = makeAcronym(random);
        if (!nameKeys.has(fold(acronym)) && !PROSE_KEYS.has(fold(acronym))) {
          aliases.push(acronym);
          nameKeys.add(fold(acronym));
          break;
        }
      }
    }
    nameKeys.add(key);
    ids.add(id.toLowerCase());
    const index = terms.length;
    const folder = `glossar/g${String(Math.floor(index / TERMS_PER_FOLDER)).padStart(3, '0')}`;
    terms.push({ title, id, aliases, folder, file: `${folder}/${id}.md`, tags: [] });
  }

  // Tags: 1-4 per term, Zipf-distributed over the declared tags.
  const tagZipf = new Zipf(TAGS.length, 1.1);
  const tagUse = new Map(TAGS.map((tag) => [tag, 0]));
  for (const term of terms) {
    const count = random.chance(0.35) ? 1 : random.chance(0.55) ? 2 : random.chance(0.65) ? 3 : 4;
    const chosen = new Set();
    while (chosen.size < count) chosen.add(TAGS[tagZipf.sample(random)]);
    term.tags = [...chosen];
    for (const tag of chosen) tagUse.set(tag, tagUse.get(tag) + 1);
  }

  // Popularity: a few terms are mentioned very often, most rarely; mentions also favour the neighbourhood.
  const popularity = random.shuffle([...terms.keys()]);
  const termZipf = new Zipf(Math.min(size, 5000), 0.9);
  const pickTarget = (self) => {
    for (;;) {
      let target;
      if (self >= 0 && random.chance(0.35)) {
        const folderStart = Math.floor(self / TERMS_PER_FOLDER) * TERMS_PER_FOLDER;
        target = Math.min(size - 1, folderStart + random.int(0, TERMS_PER_FOLDER - 1));
      } else if (random.chance(0.5)) {
        target = popularity[termZipf.sample(random)];
      } else {
        target = random.int(0, size - 1);
      }
      if (target !== self) return target;
    }
  };

  const noteCount = Math.max(1, Math.round(size * NOTE_SHARE));
  const notes = Array.from({ length: noteCount }, (_, index) => {
    const folder = `notizen/n${String(Math.floor(index / TERMS_PER_FOLDER)).padStart(2, '0')}`;
    return { folder, file: `${folder}/notiz-${String(index + 1).padStart(5, '0')}.md` };
  });

  // Probe documents: opened by the benchmark; their mention positions go into the manifest.
  const probeTerms = [];
  while (probeTerms.length < Math.min(PROBE_TERMS, size)) {
    const candidate = random.int(0, size - 1);
    if (!probeTerms.includes(candidate)) probeTerms.push(candidate);
  }
  const probeNotes = [];
  while (probeNotes.length < Math.min(PROBE_NOTES, noteCount)) {
    const candidate = random.int(0, noteCount - 1);
    if (!probeNotes.includes(candidate)) probeNotes.push(candidate);
  }
  const editTerm = probeTerms[0];
  const diagnosticsTerm = probeTerms[1 % probeTerms.length];

  const tmp = `${root}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const made = new Set();
  const write = (file, text) => {
    const folder = path.dirname(path.join(tmp, file));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(tmp, file), text);
  };

  // tags.yml
  const tagsYaml = TAGS.map((tag, rank) => {
    const slug = fold(tag).replace(/[^a-z0-9]+/g, '-');
    return `${tag}:\n  label: ${tag}\n  permalink: /${slug}\n  description: Begriffe rund um ${tag} (Rang ${rank + 1})\n`;
  }).join('');
  write('tags.yml', tagsYaml);

  const stats = { bytes: Buffer.byteLength(tagsYaml), min: Infinity, max: 0, termBytes: 0, mentions: 0, links: 0 };
  const probeMentions = {};

  /** Fills a text with prose: sentences with mentions and `links` links, until `targetBytes`. */
  const writeProse = (builder, self, fromFolder, targetBytes, linkCount, forcedLinks = []) => {
    let linksLeft = linkCount;
    const mention = (target, asLink) => {
      const term = terms[target];
      if (asLink) {
        const text = random.chance(0.85) || term.aliases.length === 0 ? term.title : term.aliases[0];
        builder.add('[');
        builder.mark(text, { kind: 'link', term: target, surface: text });
        builder.add(`](${relativeLink(fromFolder, term.file)})`);
        stats.links++;
        return;
      }
      const roll = random.next();
      const surface = roll < 0.6 ? term.title : roll < 0.88 || term.aliases.length === 0 ? inflect(term.title, random) : term.aliases[0];
      builder.mark(surface, { kind: 'mention', term: target, surface });
      stats.mentions++;
    };
    const sentence = (template) => {
      const pieces = template.split('{M}');
      pieces.forEach((piece, position) => {
        builder.add(piece);
        if (position < pieces.length - 1) {
          const asLink = linksLeft > 0 && random.chance(0.3);
          if (asLink) linksLeft--;
          mention(pickTarget(self), asLink);
        }
      });
    };
    for (const target of forcedLinks) {
      builder.add('Wichtig für diese Notiz ist ');
      mention(target, true);
      builder.add('. ');
    }
    let paragraphSentences = 0;
    let sections = 0;
    while (builder.bytes < targetBytes) {
      sentence(random.pick(SENTENCES));
      paragraphSentences++;
      if (paragraphSentences >= random.int(3, 6)) {
        paragraphSentences = 0;
        if (random.chance(0.3) && sections < 2) {
          builder.add(`\n\n${random.pick(SECTION_HEADINGS)}\n\n`);
          sections++;
        } else builder.add('\n\n');
      } else builder.add(' ');
    }
    if (linksLeft > 0) {
      builder.add('\n\nSiehe auch: ');
      for (let i = 0; i < linksLeft; i++) {
        if (i > 0) builder.add(', ');
        mention(pickTarget(self), true);
      }
      builder.add('.');
    }
    builder.add('\n');
  };

  const account = (text, isTerm) => {
    const bytes = Buffer.byteLength(text);
    stats.bytes += bytes;
    if (isTerm) {
      stats.min = Math.min(stats.min, bytes);
      stats.max = Math.max(stats.max, bytes);
    }
    return bytes;
  };

  terms.forEach((term, index) => {
    const builder = new Builder();
    const aliases = term.aliases.length > 0 ? `aliases: [${term.aliases.join(', ')}]\n` : '';
    builder.add(`---\nid: ${term.id}\ntitle: ${term.title}\n${aliases}tags: [${term.tags.join(', ')}]\n---\n\n# ${term.title}\n\n**`);
    const lead = random.pick(LEADS);
    const phrase = random.pick(LEAD_PHRASES);
    for (const piece of lead) {
      if (piece === '{T}') builder.add(term.title);
      else if (piece === '{P}') {
        const parts = phrase.split('{M}');
        parts.forEach((part, position) => {
          builder.add(part);
          if (position < parts.length - 1) {
            const target = pickTarget(index);
            const surface = terms[target].title;
            builder.mark(surface, { kind: 'mention', term: target, surface });
            stats.mentions++;
          }
        });
      } else builder.add(piece);
    }
    builder.add('** ');
    // 1.5-3 KB in all; a closing "Siehe auch" line may add a little.
    writeProse(builder, index, term.folder, random.int(1500, 2800), random.int(1, 4));
    const text = builder.text();
    write(term.file, text);
    stats.termBytes += account(text, true);
    if (probeTerms.includes(index)) probeMentions[term.file] = positions(text, builder.marks);
  });

  notes.forEach((note, index) => {
    const builder = new Builder();
    builder.add(`# Notiz ${index + 1}: ${random.pick(NOTE_HEADINGS)}\n\n`);
    const forced = index === probeNotes[0] ? [editTerm] : [];
    writeProse(builder, -1, note.folder, random.int(1000, 2800), random.int(1, 4), forced);
    const text = builder.text();
    write(note.file, text);
    account(text, false);
    if (probeNotes.includes(index)) probeMentions[note.file] = positions(text, builder.marks);
  });

  const firstNote = notes[probeNotes[0]].file;
  const editLink = probeMentions[firstNote].find((mark) => mark.kind === 'link' && mark.term === editTerm);
  const sampleRandom = new Random(size + 17);
  const sampleTitles = Array.from({ length: 300 }, () => terms[sampleRandom.int(0, size - 1)].title);
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    size,
    terms: size,
    notes: noteCount,
    markdownFiles: size + noteCount,
    bytes: stats.bytes,
    termBytes: { min: stats.min, max: stats.max, mean: Math.round(stats.termBytes / size) },
    mentions: stats.mentions,
    links: stats.links,
    tags: Object.fromEntries(tagUse),
    sampleTitles,
    probes: {
      terms: probeTerms.map((index) => terms[index].file),
      notes: probeNotes.map((index) => notes[index].file),
      edit: { file: terms[editTerm].file, title: terms[editTerm].title, linkFrom: { file: firstNote, line: editLink.line, character: editLink.character, length: editLink.length } },
      diagnostics: { file: terms[diagnosticsTerm].file },
      mentions: Object.fromEntries(
        Object.entries(probeMentions).map(([file, marks]) => [file, marks.map((mark) => ({ ...mark, title: terms[mark.term].title, term: undefined }))]),
      ),
    },
    generationMs: Date.now() - started,
  };
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  // Written an hour ago, as a glossary opened in an editor mostly is: the server caches no file
  // modified within seconds of being read (it may change again unseen), and a warm start just
  // after generating would find no cache.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of readdirSync(tmp, { recursive: true, withFileTypes: true })) if (file.isFile()) utimesSync(path.join(file.parentPath ?? file.path, file.name), anHourAgo, anHourAgo);
  writeFileSync(path.join(tmp, '.complete'), JSON.stringify({ generatorVersion: GENERATOR_VERSION, size }) + '\n');
  rmSync(root, { recursive: true, force: true });
  renameSync(tmp, root);
  log(`generated ${sizeLabel(size)}: ${size} terms + ${noteCount} notes, ${(stats.bytes / 1048576).toFixed(1)} MiB in ${Date.now() - started} ms -> ${root}`);
  return manifest;
}

/** The corpus of a size, generated unless a complete one of this generator version is cached. */
export function ensureCorpus(size, { force = false, log = () => undefined } = {}) {
  const root = corpusDir(size);
  const stampFile = path.join(root, '.complete');
  if (!force && existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
      if (stamp.generatorVersion === GENERATOR_VERSION && stamp.size === size) {
        return { root, manifest: JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) };
      }
    } catch {
      // regenerate
    }
  }
  mkdirSync(CACHE_ROOT, { recursive: true });
  return { root, manifest: generateCorpus(size, root, log) };
}

/** The value of `--name value` or `--name=value` among the arguments, else the fallback. */
export function option(name, fallback, argv = process.argv.slice(2)) {
  const at = argv.indexOf(`--${name}`);
  const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : at >= 0 ? argv[at + 1] : fallback;
}

export function parseSizesArg(argv, fallback = '1k,10k,100k') {
  const at = argv.indexOf('--sizes');
  const inline = argv.find((arg) => arg.startsWith('--sizes='));
  const text = inline ? inline.slice('--sizes='.length) : at >= 0 ? argv[at + 1] : fallback;
  return text.split(',').filter(Boolean).map(parseSize);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  for (const size of parseSizesArg(argv)) {
    const { root, manifest } = ensureCorpus(size, { force: argv.includes('--force'), log: (message) => console.log(message) });
    console.log(`${sizeLabel(size)}: ${manifest.markdownFiles} Markdown files, ${(manifest.bytes / 1048576).toFixed(1)} MiB, term files ${manifest.termBytes.min}-${manifest.termBytes.max} B (mean ${manifest.termBytes.mean}) in ${root}`);
  }
}
