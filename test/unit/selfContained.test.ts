import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');

/**
 * A clone in an empty folder must pass its tests, so nothing they run may read beside the clone: not
 * the development machine's folders (such as /work or a home folder) nor the shared folder next to it.
 */
const OUTSIDE_THE_CLONE = /['"`](?:\/(?:work|home|root|Users)\/|(?:\.\.\/)+shared\b)|['"`]\.\.['"`],\s*['"`]\.\.['"`],\s*['"`]\.\.['"`]|['"`]shared['"`],\s*['"`](?:seeds|corpora)['"`]/;

describe('the repository holds every file its tests read', () => {
  it('no test, script or build file names a path outside the clone', () => {
    const tracked = execFileSync('git', ['ls-files', '-z', 'test', 'scripts', 'esbuild.mjs', '.ci'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => /\.(?:[cm]?[jt]s|sh)$|^\.ci\//.test(file));
    assert.ok(tracked.length > 50, `found only ${tracked.length} files`);
    const offending = tracked.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, number) => (OUTSIDE_THE_CLONE.test(line) ? [`${file}:${number + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offending, []);
  });
});
