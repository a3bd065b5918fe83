/**
 * What `git log` says of the glossary's files, as plain data: read by `workspace/gitHistory.ts`,
 * judged by `features/translationStatus.ts`.
 */

/** A commit that changed a file, as the path-limited history shows it. */
export interface FileCommit {
  hash: string;
  /** Committer time, in milliseconds since the epoch. */
  time: number;
  /** The file's path (relative to the repository) after the commit. */
  path: string;
  /** Whether the commit changed the file's content; a rename without changes did not. */
  changedContent: boolean;
}

export interface CommitNode {
  time: number;
  /** Its place in the listing, newest first: a commit is listed before every commit it contains. */
  order: number;
  /** Parents in the path-limited history (rewritten by Git to the nearest commit that touched its paths). */
  parents: string[];
}

/** A repository's history of the glossary's files. */
export interface RepositoryHistory {
  /** The repository's top folder. */
  root: string;
  commits: Map<string, CommitNode>;
  /** Which commits a commit contains. */
  ancestry: Ancestry;
  /** Each file's commits, newest first, by its current path relative to `root`, renames followed. */
  files: Map<string, FileCommit[]>;
  /** Translation pins (`translated_from`) looked up: what each contains, `false` when the repository has no such commit. */
  pins: Map<string, PinnedVersion | false>;
}

/** A commit a translation pins: when it was made, and which commits of the history it contains. */
export interface PinnedVersion {
  time: number;
  contains: ReadonlySet<string>;
}

/** Why a folder's history cannot be used: the status then falls back to file times. */
export type HistoryUnavailable = 'git-missing' | 'not-a-repository' | 'shallow' | 'no-commits' | 'untrusted' | 'failed';

export type FolderHistory =
  /** `prefix`: the folder's path in the repository, with a final slash, or empty for its top folder. */
  | { available: true; history: RepositoryHistory; prefix: string }
  | { available: false; reason: HistoryUnavailable; detail?: string };

/** A commit name as front matter may pin it: 7 to 64 hexadecimal digits, nothing Git could read as an option or expression. */
export function isCommitName(text: string): boolean {
  return /^[0-9a-f]{7,64}$/i.test(text);
}


/** One commit of the log, as listed: its changes by path. */
interface LoggedCommit {
  hash: string;
  time: number;
  changes: Array<{ status: string; from?: string; path: string }>;
}

const HEADER = /^\n?\x1e([0-9a-f]{40,64}(?: [0-9a-f]{40,64})*) ?\x1f(\d+)$/;
const STATUS = /^\n?([ACDMRTUXB])(\d*)$/;

/**
 * Reads `git log --topo-order --parents -M --name-status -z --format=%x1e%H %P%x1f%ct`: NUL-separated
 * fields, each commit a header field, then per changed file a status field and one path (two for
 * a rename). Fields are taken by position, so no byte of a file name is read as a separator.
 * Each change is then filed under the path its file has now, renames followed (`currentPathOf`).
 */
export function parseLog(root: string, log: string): RepositoryHistory {
  const fields = log.split('\0');
  const logged: LoggedCommit[] = [];
  const commits = new Map<string, CommitNode>();
  for (let position = 0; position < fields.length; ) {
    const header = HEADER.exec(fields[position++]);
    if (header === null) continue;
    const [hash, ...parents] = header[1].split(' ');
    const time = Number(header[2]) * 1000;
    const commit: LoggedCommit = { hash, time, changes: [] };
    commits.set(hash, { time, order: logged.length, parents });
    logged.push(commit);
    for (let status = STATUS.exec(fields[position] ?? ''); status !== null; status = STATUS.exec(fields[position] ?? '')) {
      position++;
      const code = status[1] + status[2];
      if (status[1] === 'R' || status[1] === 'C') {
        const [from, to] = [fields[position++], fields[position++]];
        if (from !== undefined && to !== undefined) commit.changes.push({ status: code, from, path: to });
      } else if (fields[position] !== undefined) {
        commit.changes.push({ status: code, path: fields[position++] });
      }
    }
  }
  const ancestry = new Ancestry(logged.map((commit) => commit.hash), commits);
  const currentPathOf = pathResolver(logged, ancestry);
  const files = new Map<string, FileCommit[]>();
  logged.forEach(({ hash, time, changes }, order) => {
    for (const change of changes) {
      const current = currentPathOf(change.path, order);
      if (current === null) continue;
      let list = files.get(current);
      if (list === undefined) files.set(current, (list = []));
      list.push({ hash, time, path: change.path, changedContent: change.status !== 'R100' && change.status !== 'C100' });
    }
  });
  return { root, commits, ancestry, files, pins: new Map() };
}

/**
 * Which current file a path of a listed commit is: the commit's version of the file moves with
 * every later rename of the path (one in a commit listed before it, or on a branch beside it,
 * merged since), and is no current file if the path was deleted or taken by a new file after it.
 */
function pathResolver(logged: LoggedCommit[], ancestry: Ancestry): (path: string, order: number) => string | null {
  const renamesFrom = new Map<string, Array<{ order: number; to: string }>>();
  const replacedAt = new Map<string, number[]>();
  logged.forEach(({ changes }, order) => {
    for (const change of changes) {
      if (change.status.startsWith('R')) {
        const list = renamesFrom.get(change.from!) ?? [];
        list.push({ order, to: change.path });
        renamesFrom.set(change.from!, list);
      }
      // From here on (newer), the path holds this file: an earlier file of the name is gone.
      if (change.status === 'A' || change.status === 'D' || change.status.startsWith('R') || change.status.startsWith('C')) {
        replacedAt.set(change.path, [...(replacedAt.get(change.path) ?? []), order]);
      }
    }
  });
  const contains = (order: number, other: number) => ancestry.contains(logged[order].hash, logged[other].hash);
  const resolve = (path: string, order: number, depth: number): string | null => {
    // A rename the commit's version went through: one the commit does not contain, the nearest after it first.
    const renames = (renamesFrom.get(path) ?? []).filter((rename) => rename.order !== order && !contains(order, rename.order));
    if (renames.length > 0 && depth < 100) {
      const rename = renames.reduce((nearest, candidate) => (isNearer(candidate.order, nearest.order, order) ? candidate : nearest));
      return resolve(rename.to, rename.order, depth + 1);
    }
    // Deleted or taken by another file after the commit (listed before it): not the file of the path now.
    return (replacedAt.get(path) ?? []).some((other) => other < order) ? null : path;
  };
  return (path, order) => resolve(path, order, 0);
}

/** Of two commits listed before or beside one at `order`, the one listed nearest after it in time: the latest listed before it, else the earliest beside it. */
function isNearer(candidate: number, best: number, order: number): boolean {
  if (candidate < order !== best < order) return candidate < order;
  return candidate < order ? candidate > best : candidate < best;
}

/** Commits whose ancestors are remembered at once: a few hundred bytes each for a history of thousands of commits. */
const REMEMBERED_ANCESTRIES = 1024;

/**
 * Which commits of the listing a commit contains (itself included). Without merges the listing
 * says it (a commit contains every commit listed after it); with merges, a walk of the parents,
 * remembered as one bit per commit for the most recent commits asked about, so that judging every
 * translation of a large history, or one translation at every keystroke, walks each commit once.
 */
export class Ancestry {
  private readonly orderOf = new Map<string, number>();
  private readonly parentOrders: number[][];
  private readonly hasMerges: boolean;
  private readonly remembered = new Map<number, Uint8Array>();

  constructor(hashesByOrder: readonly string[], commits: ReadonlyMap<string, { parents: string[] }>) {
    hashesByOrder.forEach((hash, order) => this.orderOf.set(hash, order));
    this.parentOrders = hashesByOrder.map((hash) => (commits.get(hash)?.parents ?? []).map((parent) => this.orderOf.get(parent)).filter((order) => order !== undefined));
    this.hasMerges = this.parentOrders.some((parents) => parents.length > 1);
  }

  /** Whether `commit` contains `other`: `other` is `commit` or one of its ancestors. */
  contains(commit: string, other: string): boolean {
    const order = this.orderOf.get(commit);
    const otherOrder = this.orderOf.get(other);
    if (order === undefined || otherOrder === undefined || otherOrder < order) return false;
    if (!this.hasMerges) return true;
    const bits = this.ancestorsOf(order);
    return (bits[otherOrder >> 3] & (1 << (otherOrder & 7))) !== 0;
  }

  private ancestorsOf(order: number): Uint8Array {
    let bits = this.remembered.get(order);
    if (bits === undefined) {
      if (this.remembered.size >= REMEMBERED_ANCESTRIES) this.remembered.delete(this.remembered.keys().next().value!);
      bits = new Uint8Array((this.parentOrders.length >> 3) + 1);
      const pending = [order];
      while (pending.length > 0) {
        const next = pending.pop()!;
        if ((bits[next >> 3] & (1 << (next & 7))) !== 0) continue;
        bits[next >> 3] |= 1 << (next & 7);
        pending.push(...this.parentOrders[next]);
      }
      this.remembered.set(order, bits);
    }
    return bits;
  }
}
