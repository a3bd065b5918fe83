import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTerms } from '../../server/src/features/navigation';
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
