import { statSync } from 'node:fs';
import * as path from 'node:path';
import { isPathInside } from '../common/paths';
import { uriToFsPath } from '../common/uris';
import type { FileHistorySource, HistorySnapshot } from '../features/translationStatus';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { isCommitName, type FolderHistory } from '../parsing/gitLog';
import { localesOf } from '../site/site';
import { readFolderHistory } from './gitHistory';

/** The histories each snapshot was made of, so that a newer snapshot can share them. */
const foldersOf = new WeakMap<HistorySnapshot, Array<{ folder: string; history: FolderHistory }>>();

/** No history read: every translation is judged by file times. */
export const NO_HISTORY: HistorySnapshot = snapshotOf([]);

/**
 * Reads what the translation status is judged from: the Git history of every site with more
 * than one locale (one `git log` per site folder; none when `runsGit` is false, in a workspace
 * the editor does not trust), and file times on demand.
 */
export async function loadHistorySnapshot(index: GlossaryIndex, runsGit = true): Promise<HistorySnapshot> {
  const pinsByFolder = new Map<string, Set<string>>();
  for (const document of index.documents()) {
    const site = index.siteFor(document.uri);
    if (site === undefined || localesOf(site).length < 2) continue;
    const folder = uriToFsPath(site.rootUri);
    let pins = pinsByFolder.get(folder);
    if (pins === undefined) pinsByFolder.set(folder, (pins = new Set()));
    const pin = document.term?.translatedFrom?.value;
    if (pin !== undefined && isCommitName(pin)) pins.add(pin);
  }
  const folders: Array<{ folder: string; history: FolderHistory }> = [];
  for (const [folder, pins] of pinsByFolder) folders.push({ folder, history: runsGit ? await readFolderHistory(folder, pins) : { available: false, reason: 'untrusted' } });
  return snapshotOf(folders);
}

/**
 * The same history with file times read afresh: saving a file changes no commit, so only the
 * fallback by file times can change, and no `git` needs to run.
 */
export function withFreshFileTimes(snapshot: HistorySnapshot): HistorySnapshot {
  return snapshotOf(foldersOf.get(snapshot) ?? []);
}

function snapshotOf(folders: Array<{ folder: string; history: FolderHistory }>): HistorySnapshot {
  // The deepest folder first: a site inside another's folder has its own history.
  const byDepth = [...folders].sort((a, b) => b.folder.length - a.folder.length);
  const times = new Map<string, number | undefined>();
  const snapshot: HistorySnapshot = {
    historyOf(filePath: string): FileHistorySource {
      const holder = byDepth.find(({ folder }) => isPathInside(folder, filePath));
      if (holder === undefined) return { unavailable: 'not-a-repository' };
      const { history } = holder;
      if (!history.available) return { unavailable: history.reason, ...(history.detail === undefined ? {} : { detail: history.detail }) };
      return { history: history.history, path: history.prefix + path.relative(holder.folder, filePath).split(path.sep).join('/') };
    },
    modifiedAt(filePath: string): number | undefined {
      if (!times.has(filePath)) {
        try {
          times.set(filePath, statSync(filePath).mtimeMs);
        } catch {
          times.set(filePath, undefined);
        }
      }
      return times.get(filePath);
    },
  };
  foldersOf.set(snapshot, folders);
  return snapshot;
}
