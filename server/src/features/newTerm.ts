import * as l10n from '@vscode/l10n';
import { parentUri } from '../common/uris';
import { escapeHeadingText } from '../parsing/markdown';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { Generator } from '../common/generator';
import { yamlFlowList, yamlString } from './yamlEdits';

/**
 * The text of a new glossary entry: front matter, title heading and a bold definition to fill in.
 * In a Hugo site, no `id` (Hugo names a page by its file) and no H1: Hugo's themes show the title
 * themselves, and one in the text would show twice.
 */
export function newTermText(id: string, title: string, tags: string[], generator?: Generator): string {
  const definition = `**${l10n.t('Definition in one sentence.')}**\n`;
  if (generator === 'hugo') return `---\ntitle: ${yamlString(title)}\ntags: ${yamlFlowList(tags)}\n---\n\n${definition}`;
  return `---\nid: ${yamlString(id)}\ntitle: ${yamlString(title)}\ntags: ${yamlFlowList(tags)}\n---\n\n# ${escapeHeadingText(title)}\n\n${definition}`;
}

/** A file name from a title: "Make-or-Buy-Entscheidung" from "Make-or-Buy Entscheidung", umlauts kept. */
export function idFromTitle(title: string): string {
  return title.trim().replace(/[\s/\\?#%*:|"<>]+/g, '-').replace(/^-+|-+$/g, '') || 'Begriff';
}

/**
 * The folder for a new term: the configured one, else the folder holding the most terms, else the
 * workspace folder.
 */
export function newTermFolder(index: GlossaryIndex, configuredFolderUri: string | undefined, workspaceFolderUri: string | undefined): string | undefined {
  if (configuredFolderUri !== undefined) return configuredFolderUri;
  const counts = new Map<string, number>();
  for (const term of index.terms()) counts.set(parentUri(term.uri), (counts.get(parentUri(term.uri)) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0] ?? workspaceFolderUri;
}
