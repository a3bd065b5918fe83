import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');
const hasNeovim = spawnSync('nvim', ['--version']).status === 0;
const skip = process.env.MARKDOWN_GLOSSARY_SKIP_NEOVIM === '1' ? 'MARKDOWN_GLOSSARY_SKIP_NEOVIM=1' : false;

describe('Neovim, a real non-VS Code client (nvim --headless, built-in vim.lsp)', { skip }, () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-'));
  const results = new Map<string, string>();

  before(() => {
    assert.ok(hasNeovim, 'nvim is not installed: apt-get install neovim (or set MARKDOWN_GLOSSARY_SKIP_NEOVIM=1)');
    const workspace = path.join(folder, 'content');
    cpSync(path.join(ROOT, 'content'), workspace, { recursive: true });
    const resultsFile = path.join(folder, 'results.txt');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'glossary.lua')}`], {
      env: { ...process.env, GLOSSARY_WORKSPACE: workspace, GLOSSARY_SERVER: path.join(ROOT, 'dist', 'server.js'), GLOSSARY_RESULTS: resultsFile },
      timeout: 90_000,
      encoding: 'utf8',
    });
    assert.equal(run.error, undefined, `nvim failed to run: ${run.error}`);
    for (const line of readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean)) {
      const match = line.match(/^(ok|not ok) (\S+)(?:: (.*))?$/s);
      if (match) results.set(match[2], match[1] === 'ok' ? 'ok' : match[3] ?? 'failed');
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const check of ['starts', 'hover', 'completion', 'diagnostics']) {
    it(check === 'starts' ? 'starts the server and indexes content/' : `${check} as Neovim shows it`, () => {
      assert.equal(results.get(check), 'ok', `${check}: ${results.get(check) ?? 'not reached'}`);
    });
  }
});
