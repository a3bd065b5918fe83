import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLensTitle } from '../../server/src/features/codeLens';

describe('code lens title', () => {
  it('says the counts in the singular where one', () => {
    assert.equal(codeLensTitle({ references: 1, unlinkedMentions: 1 }), '1 reference · 1 unlinked mention');
    assert.equal(codeLensTitle({ references: 0, unlinkedMentions: 0 }), '0 references · 0 unlinked mentions');
    assert.equal(codeLensTitle({ references: 12, unlinkedMentions: 2 }), '12 references · 2 unlinked mentions');
  });
});
