import * as l10n from '@vscode/l10n';
import { createTwoFilesPatch } from 'diff';
import * as path from 'node:path';
import type { GlossarySettings } from '../common/settings';
import { uriToFsPath } from '../common/uris';
import { formatDate, translationReport, type TranslationReport, type TranslationState } from '../features/translationStatus';
import { translationReportAsMarkdown, translationReportAsText } from '../features/translationTable';
import { fileAtCommit } from '../workspace/gitHistory';
import { readTextFile, type Logger } from '../workspace/files';
import { loadHistorySnapshot } from '../workspace/translationHistory';
import { loadForCli, type CliWorkspace } from './check';
import { printable } from './formats';

export const TRANSLATION_FORMATS = ['text', 'json', 'markdown'] as const;
export type TranslationFormat = (typeof TRANSLATION_FORMATS)[number];

export interface TranslationsOptions {
  /** Only translations into this locale. */
  locale?: string;
  format: TranslationFormat;
  /** Adds the diff of each outdated translation's original since the translation. */
  diff: boolean;
}

/**
 * The translation status of the workspace's glossary (see loadForCli): originals and translations
 * are found wherever they are, and the paths only choose which entries are reported, so
 * `translations content/de` still knows the English originals.
 */
export async function translationsReport(paths: string[], cwd: string, settings: GlossarySettings, options: TranslationsOptions, log: Logger, workspace: CliWorkspace = { root: cwd }) {
  const { index, chooses } = await loadForCli(paths, cwd, settings, log, undefined, workspace);
  const history = await loadHistorySnapshot(index);
  const includes = paths.length === 0 ? undefined : (uri: string) => chooses(uriToFsPath(uri));
  return translationReport(index, history, { ...(options.locale === undefined ? {} : { locale: options.locale }), ...(includes === undefined ? {} : { includes }) });
}

/** The report in the asked format; with `diff`, each outdated original's changes since its translation follow. */
export async function formatTranslations(report: TranslationReport, cwd: string, options: TranslationsOptions, log: Logger): Promise<string> {
  const shown = (uri: string) => printable(path.relative(cwd, uriToFsPath(uri)).split(path.sep).join('/'));
  if (options.format === 'json') return `${JSON.stringify(asJson(report, shown), undefined, 2)}\n`;
  const table = options.format === 'markdown' ? translationReportAsMarkdown(report, { shown }) : translationReportAsText(report, { shown });
  if (!options.diff) return table;
  const diffs: string[] = [];
  for (const original of report.originals) {
    for (const translation of original.translations) {
      if (translation.state !== 'outdated' || translation.uri === undefined) continue;
      const patch = await originalChanges(original.uri, translation, shown, log);
      if (patch !== undefined) diffs.push(options.format === 'markdown' ? `\`\`\`diff\n${patch}\`\`\`\n` : patch);
    }
  }
  const heading = options.format === 'markdown' ? `## ${l10n.t('Changes of the originals since their translations')}\n\n` : '';
  return diffs.length === 0 ? table : `${table}\n${heading}${diffs.join('\n')}`;
}

/** How the original changed since the version its translation was made from, as a unified diff. */
export async function originalChanges(originalUri: string, translation: TranslationState, shown: (uri: string) => string, log: Logger): Promise<string | undefined> {
  const since = translation.since;
  if (since === undefined) return undefined;
  const before = since.path === undefined ? '' : await fileAtCommit(since.root, since.commit, since.path);
  const now = await readTextFile(uriToFsPath(originalUri), log);
  if (before === undefined || now === undefined) return undefined;
  const oldName = since.path === undefined ? '/dev/null' : printable(`${since.path}@${since.commit.slice(0, 12)}`);
  // Git keeps LF where a checkout writes CRLF: only the changes of words count.
  const lf = (text: string) => text.replace(/\r\n/g, '\n');
  return createTwoFilesPatch(oldName, shown(originalUri), lf(before), lf(now), undefined, undefined, { context: 3 });
}

/** Relative paths and days in place of URIs and times; `since` as the commit and the original's path in the repository then, which `git show <commit>:<path>` reads. */
function asJson(report: TranslationReport, shown: (uri: string) => string) {
  return {
    locales: report.locales,
    originals: report.originals.map((original) => ({
      file: shown(original.uri),
      title: original.title,
      locale: original.locale,
      translations: original.translations.map(({ uri, since, originalChanged, translated, ...rest }) => ({
        ...rest,
        ...(uri === undefined ? {} : { file: shown(uri) }),
        ...(translated === undefined ? {} : { translated: formatDate(translated) }),
        ...(originalChanged === undefined ? {} : { originalChanged: formatDate(originalChanged) }),
        ...(since === undefined || since.commit === '' ? {} : { since: { commit: since.commit, ...(since.path === undefined ? {} : { pathInRepository: since.path }) } }),
      })),
    })),
    orphans: report.orphans.map((orphan) => ({ file: shown(orphan.uri), title: orphan.title, locale: orphan.locale })),
    fallbacks: report.fallbacks,
  };
}
