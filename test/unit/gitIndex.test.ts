/**
 * The paths Git tracks, read from its index as Git writes it (`.gitignore` leaves none of them out):
 * every version and object format Git writes, and nothing trusted or waited on that is no index.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { trackedPaths } from '../../server/src/workspace/gitIndex';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A repository with these files added to its index (`git init` with the options given). */
function repository(files: string[], ...initOptions: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'glossary-git-'));
  folders.push(root);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q', ...initOptions);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), `${file}\n`);
  }
  git('add', '.');
  return root;
}

const FILES = ['a.md', 'docs/Übersicht mit Leerzeichen.md', ...Array.from({ length: 30 }, (_, i) => `content/glossar/begriff-${i}.md`)];

describe('the paths Git tracks', () => {
  it('reads index versions 2, 3 and 4, with SHA-1 and SHA-256 object names', () => {
    for (const format of ['sha1', 'sha256']) {
      const root = repository(FILES, `--object-format=${format}`);
      for (const version of ['2', '3', '4']) {
        execFileSync('git', ['update-index', '--index-version', version], { cwd: root });
        assert.deepEqual([...(trackedPaths(root) ?? [])].sort(), [...FILES].sort(), `${format}, version ${version}`);
      }
    }
  });

  it('reads nothing from a split index, whose entries lie in another file, nor from what is no index file', () => {
    const split = repository(FILES);
    execFileSync('git', ['update-index', '--split-index'], { cwd: split });
    assert.equal(trackedPaths(split), undefined);
    const linked = repository(['a.md']);
    rmSync(path.join(linked, '.git', 'index'));
    symlinkSync('/dev/zero', path.join(linked, '.git', 'index'));
    assert.equal(trackedPaths(linked), undefined, 'a link to a device: never read');
    const pipe = repository(['a.md']);
    rmSync(path.join(pipe, '.git', 'index'));
    execFileSync('mkfifo', [path.join(pipe, '.git', 'index')]);
    assert.equal(trackedPaths(pipe), undefined, 'a named pipe: never waited on');
    const broken = repository(['a.md']);
    writeFileSync(path.join(broken, '.git', 'index'), 'DIRC\x00\x00\x00\x02\x00\x00\x10\x00garbage');
    assert.equal(trackedPaths(broken), undefined);
  });
});
