import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { resolveRelativeLink } from '../../server/src/common/uris';

/** The reference resolution: parse, resolve the decoded path, print with vscode-uri. */
function resolvedByVscodeUri(from: string, target: string): string {
  const parsed = URI.parse(from);
  const decoded = decodeURIComponent(target.replace(/[?#].*$/, ''));
  return parsed.with({ path: path.posix.resolve(path.posix.dirname(parsed.path), decoded) }).toString();
}

describe('relative links', () => {
  it('resolve targets with a lone surrogate (a broken file) instead of throwing', () => {
    assert.equal(resolveRelativeLink('file:///tmp/a/Doc.md', 'x\uD800.md'), 'file:///tmp/a/x%EF%BF%BD.md');
    assert.equal(resolveRelativeLink('file:///tmp/a/Doc.md', "x\uDC00(1).md"), 'file:///tmp/a/x%EF%BF%BD%281%29.md');
  });

  it('resolve to the URI vscode-uri spells, on the fast path and the slow one', () => {
    const documents = [
      'file:///tmp/a/b/Doc.md',
      URI.file('/tmp/ä ö/ß x/Wert schöpfung.md').toString(),
      URI.file('/tmp/x[1]/y&z.md').toString(),
    ];
    const targets = [
      'x.md', '../y.md', './z.md', 'Wert schöpfung.md', '../../Größe.md', 'a b/c d.md', 'x&y.md', 'x=y+z.md',
      'x,y;z.md', 'x@y$.md', '[a].md', '../~tilde.md', 'é.md#anchor', 'x.md?q', 'ünï/çødé.mdx', "it's (1).md",
      'Wert%20sch%C3%B6pfung.md', '../../../../../x.md',
    ];
    for (const document of documents) {
      for (const target of targets) assert.equal(resolveRelativeLink(document, target), resolvedByVscodeUri(document, target), `${document} + ${target}`);
    }
  });

  it('leave URLs, site routes and bare anchors alone', () => {
    for (const target of ['https://example.com/x.md', '/docs/x/', '#teil', 'mailto:a@b.de']) {
      assert.equal(resolveRelativeLink('file:///tmp/Doc.md', target), undefined, target);
    }
  });
});
