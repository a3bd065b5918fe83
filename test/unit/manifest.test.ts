/** What the extension's manifest promises VS Code about untrusted workspaces. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

it('in Restricted Mode, a repository cannot choose through its own settings which files are read or where terms are written', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const pathSettings = Object.keys(manifest.contributes.configuration.properties).filter((key) =>
    ['include', 'exclude', 'tagsFile', 'newTermFolder'].some((name) => key === `markdownGlossary.${name}`),
  );
  assert.equal(pathSettings.length, 4);
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), pathSettings.sort());
  assert.match(untrusted.description, /^%.+%$/, 'the description is localised');
});
