import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { mentionsIn } from '../../server/src/features/termAt';
import { parseDocument } from '../../server/src/parsing/document';
import { glossaryOf, ROOT } from './glossary';

describe('review of 418e3bb..9eb271f', () => {
  const mentioned = (index: ReturnType<typeof glossaryOf>, relative: string, text: string) => {
    const lines = new LineIndex(text);
    const document = index.setDocument(`${ROOT}/${relative}`, text);
    return mentionsIn(index, document, lines).map((mention) => `${text.slice(lines.offsetAt(mention.range.start), lines.offsetAt(mention.range.end))}=${mention.termUris.map((uri) => uri.slice(ROOT.length + 1)).join(',')}`);
  };
  it('keeps the not_mentions of a farther term chosen by its name as written', () => {
    const index = glossaryOf({
      'docs/glossary/pod.md': '---\ntitle: Pod\nnot_mentions: [pod disruption]\n---\nThe smallest object.\n',
      'docs/concepts/pods/index.md': '---\ntitle: Pods\n---\nAbout pods.\n',
    });
    assert.deepEqual(mentioned(index, 'docs/concepts/pods/lifecycle.md', 'A pod disruption happens. A pod runs.\n'), ['pod=docs/glossary/pod.md']);
  });
  it('a line of a deeper quote stays in a top-level HTML block (micromark)', () => {
    const links = (text: string) => parseDocument('file:///w/n.md', text).body.links.map((link) => link.target);
    assert.deepEqual(links('<div>\n> [x](./X.md)\n'), []);
    assert.deepEqual(links('<div>\n>\n[x](./X.md)\n'), []);
    assert.deepEqual(links('> <div>\n[x](./X.md)\n'), ['./X.md']);
  });
  it('an image whose destination a shortcode writes is no image path', () => {
    assert.equal(parseDocument('file:///w/n.md', '![x]({{< param "u" >}}/a.png)\n').body.images, undefined);
  });
});
