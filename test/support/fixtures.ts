/** Temporary workspaces for tests: a folder built from a map of relative paths to file contents. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';

export interface Workspace {
  /** The folder's absolute path. */
  root: string;
  /** The absolute path of a file in the workspace. */
  path(rel: string): string;
  /** The `file:` URI of a file in the workspace, as VS Code spells it. */
  uri(rel: string): string;
  /** Writes (or overwrites) a file, creating its folders. */
  write(rel: string, content: string): string;
  /** Deletes a file. */
  remove(rel: string): void;
  /** Deletes the whole workspace. */
  dispose(): void;
}

export function createWorkspace(files: Record<string, string>, prefix = 'md-glossary-test-'): Workspace {
  // realpath: on macOS the temp folder is behind a symbolic link, and the server reports real paths.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const resolve = (rel: string) => path.join(root, ...rel.split('/'));
  const workspace: Workspace = {
    root,
    path: resolve,
    uri: (rel) => URI.file(resolve(rel)).toString(),
    write(rel, content) {
      const file = resolve(rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    remove(rel) {
      fs.rmSync(resolve(rel), { force: true });
    },
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [rel, content] of Object.entries(files)) workspace.write(rel, content);
  return workspace;
}

/** A folder that already exists (read-only use): same helpers, without writing anything. */
export function existingFolder(root: string): Pick<Workspace, 'root' | 'path' | 'uri'> {
  const resolve = (rel: string) => path.join(root, ...rel.split('/'));
  return { root, path: resolve, uri: (rel) => URI.file(resolve(rel)).toString() };
}

/** The zero-based position of the n-th occurrence (0 = first) of `needle` in `text`, plus an offset into it. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const offset = index + offsetInNeedle;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
