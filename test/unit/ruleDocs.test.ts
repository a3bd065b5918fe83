import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/common/diagnostic';

const ROOT = path.join(__dirname, '..', '..');

describe('rule documentation', () => {
  it('documents every rule in docs/rules.md with its default severity and an example', () => {
    const rules = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const [code, severity] of Object.entries(RULES)) {
      assert.match(rules, new RegExp(`\\| \\[\`${code}\`\\]\\(#${code}\\) \\| ${severity}[ ,]`), `${code} in the table`);
      const section = rules.split(`### \`${code}\``)[1]?.split('\n### ')[0] ?? '';
      assert.match(section, /Bad[:\s]/, `${code} has a bad example`);
      assert.match(section, /Good[:\s]/, `${code} has a good example`);
    }
  });

  it('offers every rule in the VS Code settings with its default severity', async () => {
    const { manifestSettings } = await import('../../scripts/config-schema.mjs');
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const schema = manifestSettings(manifest)['markdownGlossary.rules'].properties as Record<string, unknown>;
    assert.deepEqual(
      Object.fromEntries(Object.entries(schema).map(([code, property]) => [code, (property as { default: string }).default])),
      RULES,
    );
  });
});
