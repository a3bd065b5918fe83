import * as path from 'node:path';

/**
 * Whether a file-system path lies below a folder; the folder itself counts when `orSame`. A name
 * that merely starts with two dots (`..notes.md`) is inside: only a `..` segment leaves.
 */
export function isPathInside(folder: string, target: string, orSame = false): boolean {
  const relative = path.relative(folder, target);
  if (relative === '') return orSame;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** What is on disk at a path: `none` for nothing. */
export type PathKind = 'file' | 'folder' | 'other' | 'none';

/** Looks at disk for a URI; undefined where it cannot tell (no access). */
export type PathProbe = (uri: string) => PathKind | undefined;
