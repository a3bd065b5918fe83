// `npm run package`: the .vsix, packed by the stock `vsce package`, with no flags, from a copy of
// the repository without node_modules, after a production build in that copy (the repository's
// dist/ stays as it is, for tests that run it meanwhile).
//
// vsce lists the extension's production dependencies with `npm list --production` in the folder it
// packs. The extension has none (the bundles hold them); in a copy without node_modules the list is
// empty whatever state the development tree is in (a node_modules linked from another checkout makes
// npm report its packages as extraneous). Fails when vsce fails or prints a warning.
//
//   node scripts/package.mjs [--out FILE]    (default: markdown-glossary.vsix)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOT_COPIED = new Set(['.git', 'node_modules', '.test-cache', 'dist', 'out']);

/** Packs the .vsix into `out`; returns vsce's output. Throws on a failure or a warning. */
export function packageVsix(out) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'markdown-glossary-vsix-'));
  try {
    for (const name of fs.readdirSync(ROOT)) {
      if (NOT_COPIED.has(name) || name.endsWith('.vsix')) continue;
      fs.cpSync(path.join(ROOT, name), path.join(stage, name), { recursive: true });
    }
    const modules = path.join(stage, 'node_modules');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
    run(process.execPath, ['esbuild.mjs', '--production'], stage);
    fs.unlinkSync(modules);
    // stdin closed: a question vsce asks (a missing repository, a LICENSE) ends the run instead of waiting.
    const output = run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--out', path.resolve(out)], stage);
    if (/\bWARNING\b/.test(output)) throw new Error(`vsce package warned:\n${output}`);
    return output;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return output;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  process.stdout.write(packageVsix(at > 0 ? process.argv[at + 1] : 'markdown-glossary.vsix'));
}
