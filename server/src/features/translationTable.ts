import * as l10n from '@vscode/l10n';
import { printable } from '../common/text';
import { formatDate, type Fallback, type TranslationBasis, type TranslationReport, type TranslationState } from './translationStatus';

/**
 * The translation status as people read it: a text table for the terminal, Markdown for the
 * editor's preview and for CI summaries. `shown` turns a file's URI into what the reader sees
 * of it (a relative path); in Markdown, `linked` into a link target.
 */

export interface TableOptions {
  shown: (uri: string) => string;
  /** Markdown only: a link target for a file. */
  linked?: (uri: string) => string;
}

/** Per locale: how many translations are up to date, outdated, missing, and how many orphans. */
export function translationCounts(report: TranslationReport): Array<{ locale: string; upToDate: number; outdated: number; missing: number; unknown: number; orphans: number }> {
  return report.locales.slice(1).map((locale) => {
    const states = report.originals.flatMap((original) => original.translations.filter((translation) => translation.locale === locale));
    const count = (state: TranslationState['state']) => states.filter((translation) => translation.state === state).length;
    return { locale, upToDate: count('up-to-date'), outdated: count('outdated'), missing: count('missing'), unknown: count('unknown'), orphans: report.orphans.filter((orphan) => orphan.locale === locale).length };
  });
}

/** One line per original and locale, then the orphans and the totals per locale. */
export function translationReportAsText(report: TranslationReport, options: TableOptions): string {
  if (report.originals.length === 0 && report.orphans.length === 0) return `${nothingToReport(report)}\n`;
  const rows: string[][] = [[l10n.t('Entry'), l10n.t('Locale'), l10n.t('State'), l10n.t('Since'), l10n.t('Translation')]];
  for (const original of report.originals) {
    for (const translation of original.translations) {
      rows.push([options.shown(original.uri), translation.locale, stateText(translation), sinceText(translation), translation.uri === undefined ? '' : options.shown(translation.uri)]);
    }
  }
  for (const orphan of report.orphans) rows.push(['', orphan.locale, l10n.t('orphan: no original'), '', options.shown(orphan.uri)]);
  // Locales and Git's words are the workspace's and the system's: a line break in one must not start a line.
  const printed = rows.map((row) => row.map(printable));
  const widths = printed[0].map((_, column) => Math.max(...printed.map((row) => row[column].length)));
  const lines = printed.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
  return [...lines, '', ...summaryLines(report).map(printable)].join('\n') + '\n';
}

/** A table with a column per locale, the totals, the orphans and how the states were judged. */
export function translationReportAsMarkdown(report: TranslationReport, options: TableOptions): string {
  const out: string[] = [`# ${l10n.t('Translation status')}`, ''];
  if (report.originals.length === 0 && report.orphans.length === 0) return [...out, nothingToReport(report), ''].join('\n');
  const link = (uri: string, text: string) => (options.linked === undefined ? cell(text) : `[${cell(text)}](${options.linked(uri)})`);
  const locales = report.locales.slice(1);
  out.push(`| ${[l10n.t('Entry'), ...locales].join(' | ')} |`, `|${' --- |'.repeat(locales.length + 1)}`);
  for (const original of report.originals) {
    const cells = locales.map((locale) => {
      const translation = original.translations.find((candidate) => candidate.locale === locale);
      if (translation === undefined) return '';
      const text = `${symbolOf(translation.state)} ${stateText(translation)}${translation.state === 'outdated' && sinceText(translation) !== '' ? `, ${sinceText(translation)}` : ''}`;
      return translation.uri === undefined ? cell(text) : link(translation.uri, text);
    });
    out.push(`| ${[link(original.uri, options.shown(original.uri)), ...cells].join(' | ')} |`);
  }
  if (report.orphans.length > 0) {
    out.push('', `## ${l10n.t('Orphans: translations without an original')}`, '');
    for (const orphan of report.orphans) out.push(`- ${orphan.locale}: ${link(orphan.uri, options.shown(orphan.uri))}`);
  }
  out.push('', `## ${l10n.t('Summary')}`, '', ...summaryLines(report).map((line) => `- ${cell(line)}`), '');
  return out.join('\n');
}

function nothingToReport(report: TranslationReport): string {
  return report.locale === undefined ? l10n.t('No site with more than one locale.') : l10n.t('No site has the locale {0}.', report.locale);
}

function summaryLines(report: TranslationReport): string[] {
  const lines = translationCounts(report).map(({ locale, upToDate, outdated, missing, unknown, orphans }) =>
    l10n.t('{0}: up to date {1}, outdated {2}, missing {3}, unknown {4}, orphans {5}', locale, upToDate, outdated, missing, unknown, orphans),
  );
  const bases = new Set(report.originals.flatMap((original) => original.translations.map((translation) => translation.basis).filter((basis) => basis !== undefined)));
  if (bases.size > 0) lines.push(l10n.t('Judged by: {0}.', [...bases].map(basisText).join(', ')));
  for (const { reason, detail } of report.fallbacks) lines.push(fallbackText(reason) + (detail === undefined ? '' : ` (${detail})`));
  return lines;
}

function stateText(translation: TranslationState): string {
  switch (translation.state) {
    case 'missing':
      return l10n.t('missing');
    case 'up-to-date':
      return l10n.t('up to date');
    case 'unknown':
      return translation.pinProblem === 'unknown-commit'
        ? l10n.t('unknown: no such commit')
        : translation.pinProblem === 'invalid'
          ? l10n.t('unknown: translated_from is no commit or date')
          : l10n.t('unknown');
    case 'outdated':
      if (translation.commitsBehind === undefined || (translation.basis !== 'git' && translation.basis !== 'pinned-commit' && translation.since === undefined)) return l10n.t('outdated');
      return translation.commitsBehind === 1 ? l10n.t('outdated by 1 commit') : l10n.t('outdated by {0} commits', translation.commitsBehind);
  }
}

/** When the translation was made and when the original changed after it. */
function sinceText(translation: TranslationState): string {
  if (translation.state !== 'outdated' || translation.translated === undefined || translation.originalChanged === undefined) return '';
  return l10n.t('translated {0}, original changed {1}', formatDate(translation.translated), formatDate(translation.originalChanged));
}

function symbolOf(state: TranslationState['state']): string {
  return { missing: '❌', 'up-to-date': '✅', outdated: '⚠️', unknown: '❔' }[state];
}

function basisText(basis: TranslationBasis): string {
  switch (basis) {
    case 'git':
      return l10n.t('Git history');
    case 'pinned-commit':
      return l10n.t('commits named by translated_from');
    case 'pinned-date':
      return l10n.t('dates named by translated_from');
    case 'file-times':
      return l10n.t('file times');
  }
}

export function fallbackText(reason: Fallback): string {
  switch (reason) {
    case 'git-missing':
      return l10n.t('Git is not installed (no git on the PATH): file times were used.');
    case 'not-a-repository':
      return l10n.t('Not in a Git repository: file times were used.');
    case 'shallow':
      return l10n.t('A shallow clone has no full history: the translations were not judged. Fetch it whole (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0).');
    case 'untrusted':
      return l10n.t('The workspace is not trusted (Restricted Mode): git is not run, file times were used.');
    case 'no-commits':
      return l10n.t('The repository has no commits yet: file times were used.');
    case 'untracked':
      return l10n.t('Translations not committed yet were judged by file times.');
    case 'failed':
      return l10n.t('Git could not read the history: file times were used.');
  }
}

/** A table cell's text: a line break or pipe would end the cell, and Markdown or HTML in a file name is shown as written. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[|\\[\]<>*_`]/g, '\\$&');
}
