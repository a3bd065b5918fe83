import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');
const readJson = (relative: string) => JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8')) as Record<string, unknown>;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(ROOT, folder, file));
}

/** Every message passed to l10n.t as a string literal, the way @vscode/l10n-dev extracts them. */
function localisedMessages(): Set<string> {
  const messages = new Set<string>();
  for (const file of [...sourceFiles('server/src'), ...sourceFiles('client/src')]) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1].replace(/\\(.)/g, '$1'));
  }
  return messages;
}

describe('localisation', () => {
  it('translates every message of the server, the CLI and the client into German, and nothing stale', () => {
    const messages = localisedMessages();
    const german = readJson('l10n/bundle.l10n.de.json');
    assert.ok(messages.size > 10, 'messages were found in the sources');
    assert.deepEqual([...messages].filter((message) => !(message in german)), [], 'messages without a German translation');
    assert.deepEqual(Object.keys(german).filter((message) => !messages.has(message)), [], 'translations of messages no longer used');
    for (const [message, translation] of Object.entries(german)) {
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(String(translation)), placeholders(message), `placeholders of "${message}"`);
    }
  });

  it('translates every package.json string', () => {
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]))].sort();
    for (const bundle of ['package.nls.json', 'package.nls.de.json']) {
      assert.deepEqual(Object.keys(readJson(bundle)).sort(), keys, bundle);
    }
  });
});
