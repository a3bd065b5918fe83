/** What the extension's manifest promises VS Code about untrusted workspaces. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

it('in Restricted Mode, a repository cannot choose through its own settings which files are read or where terms are written', async () => {
  const { manifestSettings } = await import('../../scripts/config-schema.mjs');
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const pathSettings = Object.keys(manifestSettings(manifest)).filter((key) =>
    ['include', 'exclude', 'tagsFile', 'newTermFolder'].some((name) => key === `markdownGlossary.${name}`),
  );
  assert.equal(pathSettings.length, 4);
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), pathSettings.sort());
  assert.match(untrusted.description, /^%.+%$/, 'the description is localised');
});

it('shows the settings grouped and in the order a user reads them, not alphabetically', async () => {
  const { manifestSettings } = await import('../../scripts/config-schema.mjs');
  const categories = manifest.contributes.configuration as Array<{ title: string; order: number; properties: Record<string, { order?: number }> }>;
  const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.nls.json'), 'utf8'));
  assert.deepEqual(
    categories.map((category) => nls[category.title.slice(1, -1)]),
    ['Glossary files', 'Checks', 'Links and mentions'],
  );
  assert.deepEqual(categories.map((category) => category.order), [1, 2, 3]);
  for (const category of categories) {
    assert.deepEqual(Object.values(category.properties).map((property) => property.order), Object.keys(category.properties).map((_, position) => position + 1));
  }
  assert.deepEqual(Object.keys(manifestSettings(manifest)).slice(0, 3), ['markdownGlossary.include', 'markdownGlossary.exclude', 'markdownGlossary.tagsFile']);
});
