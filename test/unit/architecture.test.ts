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

  it('has no import cycles: each module sits on a layer below the modules that import it', () => {
    const modules = readdirSync(SERVER, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const importsByModule = new Map(
      modules.map((file) => {
        const source = readFileSync(path.join(SERVER, file), 'utf8');
        const imported = [...source.matchAll(/from '(\.[^']+)'/g)].map((match) => path.join(path.dirname(file), `${match[1]}.ts`));
        return [file, imported.filter((module) => modules.includes(module))];
      }),
    );
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (module: string, trail: string[]) => {
      if (trail.includes(module)) {
        cycles.push([...trail.slice(trail.indexOf(module)), module].join(' -> '));
        return;
      }
      if (done.has(module)) return;
      for (const imported of importsByModule.get(module) ?? []) visit(imported, [...trail, module]);
      done.add(module);
    };
    for (const module of modules) visit(module, []);
    assert.deepEqual(cycles, []);
  });

  it('keeps the glossary logic out of the VS Code client', () => {
    const client = path.join(SERVER, '..', '..', 'client', 'src');
    const files = readdirSync(client).filter((file) => file.endsWith('.ts'));
    assert.ok(files.includes('extension.ts'));
    const imports = files.flatMap((file) => [...readFileSync(path.join(client, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]));
    assert.deepEqual(
      imports.filter((module) => module.includes('server/src') && !module.endsWith('server/src/lsp/protocol')),
      [],
    );
  });
});
