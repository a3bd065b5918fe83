import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchGlossary, searchTerms } from '../../server/src/features/navigation';
import { entry, glossaryOf } from './glossary';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\nVertrag:\n  label: Vertragswesen\n';

function glossary() {
  return glossaryOf({
    'docs/tags.yml': TAGS,
    'docs/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein Vertrag.', '[Vertrag]', 'aliases: [SLA]\n'),
    'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Eine Form.', '[Begriffe, IM]'),
    'docs/Imagepflege.md': entry('Imagepflege', 'Imagepflege', 'Pflege.', '[Begriffe]'),
  });
}

describe('Search Glossary', () => {
  const titles = (query: string) => searchTerms(glossary(), query).map((term) => term.title);

  it('finds terms by a tag, its key or its label, after those the query names', () => {
    assert.deepEqual(titles('im'), ['Imagepflege', 'Outtasking']);
    assert.deepEqual(titles('vertragsw'), ['Service Level Agreement']);
  });

  it('searches only the tags after "#"', () => {
    assert.deepEqual(titles('#im'), ['Outtasking']);
    assert.deepEqual(titles('#begriffe'), ['Imagepflege', 'Outtasking']);
  });

  it('still finds a term by an alias first', () => {
    assert.deepEqual(titles('sla'), ['Service Level Agreement']);
  });
});

describe('Search Glossary: the name a term is found by', () => {
  it('is the alias where it matches better than the title, else the title', () => {
    const found = (query: string) => searchGlossary(glossary(), query).map(({ term, name }) => `${term.title}: ${name}`);
    assert.deepEqual(found('sla'), ['Service Level Agreement: SLA']);
    assert.deepEqual(found('serv'), ['Service Level Agreement: Service Level Agreement']);
    assert.deepEqual(found('#vertrag'), ['Service Level Agreement: Service Level Agreement']);
  });
});
