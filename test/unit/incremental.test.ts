import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';

const ROOT = 'file:///ws';
const PATHS = ['a/Outtasking.md', 'a/Outsourcing.md', 'b/Dienstleister.md', 'b/SLA.md', 'notes/plan.md', 'a/Kern.md'];
const TITLES = ['Outtasking', 'Outsourcing', 'Dienstleister', 'Service Level Agreement', 'Kernkompetenz', 'Strategischer Plan'];
const TAGS = ['Begriffe', 'Begriff', 'IM', 'Strategie', 'Kosten'];

/** A seeded document: random title, id, tags and links, so renames, tag changes and broken links all happen. */
function randomText(random: () => number): string {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  if (random() < 0.15) return `# Notiz\n\nDas ${pick(TITLES)} und [x](../${pick(PATHS)}).\n`;
  const title = pick(TITLES);
  const tags = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TAGS)).join(', ');
  const links = Array.from({ length: Math.floor(random() * 3) }, () => {
    const kind = random();
    return kind < 0.5 ? `[${pick(TITLES)}](../${pick(PATHS)})` : kind < 0.8 ? `[[${pick(TITLES)}]]` : `[r](/${pick(TITLES).replace(/ /g, '-')}/)`;
  });
  const id = random() < 0.5 ? `id: ${title.replace(/ /g, '-')}\n` : '';
  return `---\n${id}title: ${title}\ntags: [${tags}]\n---\n\n# ${title}\n\n**${title} ist ein Begriff.** Siehe ${links.join(' ')} und das ${pick(TITLES)}s.\n`;
}

/** Everything the features read from an index, in a comparable form. */
function observable(index: GlossaryIndex) {
  const terms = [...index.terms()].sort((a, b) => a.uri.localeCompare(b.uri));
  return {
    terms: terms.map((term) => [term.uri, term.id, term.title, term.tags.map((tag) => tag.value)]),
    tagUsage: [...index.tagUsage()].sort(([a], [b]) => a.localeCompare(b)),
    links: terms.map((term) => [term.uri, index.incomingLinkCount(term), [...index.documentsLinkingTo(term)].sort()]),
    byName: TITLES.map((title) => index.termsNamed(title).map((term) => term.uri).sort()),
    byId: TITLES.map((title) => index.termsWithId(title.replace(/ /g, '-')).map((term) => term.uri).sort()),
    mentions: index.matcher.findMentions(`Das Outtasking, den Dienstleistern, ein Service Level Agreement, beim strategischen Plan.`).map((mention) => [mention.start, mention.end, [...mention.termUris].sort()]),
    diagnostics: [...index.documents()].sort((a, b) => a.uri.localeCompare(b.uri)).map((document) => [document.uri, documentDiagnostics(index, document).map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`).sort()]),
  };
}

describe('the incremental index', () => {
  it('equals an index built afresh from the final files, after 300 random sequences of edits (seeded)', () => {
    let seed = Number(process.env.FUZZ_SEED ?? 4711);
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let sequence = 0; sequence < 300; sequence++) {
      const incremental = new GlossaryIndex();
      const files = new Map<string, string>();
      if (random() < 0.5) incremental.setTagsFile(`${ROOT}/tags.yml`, 'Begriffe: {}\nIM: {}\n');
      for (let step = 0; step < 25; step++) {
        const uri = `${ROOT}/${PATHS[Math.floor(random() * PATHS.length)]}`;
        if (random() < 0.2) {
          incremental.removeDocument(uri);
          files.delete(uri);
        } else {
          const text = randomText(random);
          incremental.setDocument(uri, text);
          files.set(uri, text);
        }
      }
      const fresh = new GlossaryIndex();
      if (incremental.getTagsFile(`${ROOT}/tags.yml`)) fresh.setTagsFile(`${ROOT}/tags.yml`, 'Begriffe: {}\nIM: {}\n');
      for (const [uri, text] of files) fresh.setDocument(uri, text);
      assert.deepEqual(observable(incremental), observable(fresh), `sequence ${sequence} (FUZZ_SEED=${process.env.FUZZ_SEED ?? 4711})`);
    }
  });
});
