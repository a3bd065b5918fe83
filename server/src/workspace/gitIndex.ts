import { lstatSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** A repository's index is some megabytes for tens of thousands of files; a larger one is not read. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/**
 * The paths (relative to the repository's root, with `/`) Git tracks, read from its index
 * (`.git/index`, or the index of the git folder a `.git` file names, as in a worktree or a
 * submodule): Git's ignore rules leave tracked files alone. Undefined where there is no index, it
 * is no regular file (a link to a device, a pipe: never waited on), or it is not one this reader
 * knows whole (versions 2 to 4, SHA-1 or SHA-256 object names; not a split index, whose entries
 * lie in another file): nothing is then taken as tracked.
 */
export function trackedPaths(repositoryRoot: string): Set<string> | undefined {
  const indexFile = indexFileOf(repositoryRoot);
  if (indexFile === undefined) return undefined;
  try {
    const stat = statSync(indexFile, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile() || stat.size > MAX_INDEX_BYTES) return undefined;
    const data = readFileSync(indexFile);
    return pathsOfIndex(data, 20) ?? pathsOfIndex(data, 32);
  } catch {
    return undefined;
  }
}

function indexFileOf(repositoryRoot: string): string | undefined {
  const dotGit = path.join(repositoryRoot, '.git');
  const stat = lstatSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return path.join(dotGit, 'index');
  if (!stat?.isFile() || stat.size > 4096) return undefined;
  const gitdir = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
  return gitdir === undefined ? undefined : path.join(path.resolve(repositoryRoot, gitdir), 'index');
}

/**
 * The paths of an index whose object names take `hashLength` bytes; undefined where the data does
 * not read as one: an entry's name of another length than its flags give (names of 4,095 bytes and
 * more aside), extensions that do not fill the rest before the checksum, or a split index's link.
 */
function pathsOfIndex(data: Buffer, hashLength: number): Set<string> | undefined {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = data.readUInt32BE(8);
  const paths = new Set<string>();
  // Times, device, inode, mode, user, group and size (40 bytes), the object name, the flags (2).
  const fixed = 40 + hashLength + 2;
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let entry = 0; entry < count; entry++) {
    const start = at;
    if (at + fixed > data.length) return undefined;
    const flags = data.readUInt16BE(at + fixed - 2);
    const nameLength = flags & 0xfff;
    at += fixed;
    // An extended entry (version 3 and up) has two more bytes of flags.
    if (flags & 0x4000) at += 2;
    let name: Buffer;
    if (version === 4) {
      // The name shares all but N bytes of the previous one's start (N as Git's offset varint), and ends in a NUL.
      let byte = data[at++];
      let cut = byte & 0x7f;
      while (byte & 0x80) {
        if (at >= data.length) return undefined;
        byte = data[at++];
        cut = ((cut + 1) << 7) | (byte & 0x7f);
      }
      const end = data.indexOf(0, at);
      if (end === -1 || cut > previous.length) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - cut), data.subarray(at, end)]);
      at = end + 1;
    } else {
      const end = data.indexOf(0, at);
      if (end === -1) return undefined;
      name = data.subarray(at, end);
      // Padded with one to eight NULs to a multiple of eight bytes.
      at = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    if (at > data.length || (nameLength < 0xfff && name.length !== nameLength)) return undefined;
    paths.add(name.toString('utf8'));
    previous = name;
  }
  // The extensions, each a signature and a length, up to the checksum; a split index's `link` holds its entries elsewhere.
  while (at + 8 <= data.length - hashLength) {
    const signature = data.toString('latin1', at, at + 4);
    if (signature === 'link') return undefined;
    at += 8 + data.readUInt32BE(at + 4);
  }
  return at === data.length - hashLength ? paths : undefined;
}
