import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const SERVER = path.join(__dirname, '..', '..', 'server', 'src');

function importsOf(folder: string): Array<{ file: string; module: string }> {
  return readdirSync(path.join(SERVER, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(SERVER, folder, file), 'utf8');
      return [...source.matchAll(/from '([^']+)'/g)].map((match) => ({ file: `${folder}/${file}`, module: match[1] }));
    });
}

describe('architecture (ARCHITECTURE.md)', () => {
  it('keeps IO and the protocol out of parsing, the index, the features and the shared helpers', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|http|https)$|^vscode-languageserver|\/(workspace|lsp|cli)\//;
    const offending = ['parsing', 'index', 'features', 'common'].flatMap(importsOf).filter(({ module }) => forbidden.test(module));
    assert.deepEqual(offending, []);
  });

  it('keeps the glossary logic out of the VS Code client', () => {
    const source = readFileSync(path.join(SERVER, '..', '..', 'client', 'src', 'extension.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    assert.deepEqual(
      imports.filter((module) => module.includes('server/src') && !module.endsWith('server/src/lsp/protocol')),
      [],
    );
  });
});
