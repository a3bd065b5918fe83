import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossarySettings } from '../../common/settings';
import type { Range } from '../../common/text';
import { relativePath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { TRANSLATED_FROM_KEY, type ParsedDocument } from '../../parsing/document';
import { isCommitName } from '../../parsing/gitLog';
import { formatDate, missingLocalesOf, parseDate, translationStateOf, type HistorySnapshot } from '../translationStatus';

/** Sites with more locales than this list an original's missing translations only when the settings ask for it. */
export const MANY_LOCALES = 3;

/**
 * Translations: `translated_from` must name a commit or a date; with the history read, a hint on
 * a translation whose original changed since, and on an original its missing locales.
 */
export function translationDiagnostics(index: GlossaryIndex, document: ParsedDocument, settings: GlossarySettings, history: HistorySnapshot | undefined): GlossaryDiagnostic[] {
  const term = document.term;
  if (term === undefined) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const pin = term.translatedFrom;
  const placeOfHint = pin?.range ?? term.titleRange ?? document.frontMatter?.range ?? zeroRange;
  if (pin !== undefined && !isCommitName(pin.value) && parseDate(pin.value) === undefined) {
    diagnostics.push(invalidPin(pin.range, l10n.t('"{0}" names the version of the original a translation was made from: a commit (7 to 64 hexadecimal digits) or a date (2026-11-30).', TRANSLATED_FROM_KEY)));
  }
  if (history === undefined) return diagnostics;
  const state = translationStateOf(index, history, document.uri);
  if (state !== undefined) {
    const original = relativePath(document.uri, state.originalUri);
    if (state.pinProblem === 'unknown-commit' && pin !== undefined) {
      diagnostics.push(invalidPin(pin.range, l10n.t('The repository has no commit {0}.', pin.value)));
    } else if (state.state === 'outdated') {
      diagnostics.push({
        range: placeOfHint,
        severity: 'hint',
        code: 'outdated-translation',
        message: outdatedMessage(original, state.commitsBehind, state.basis === 'git' || state.basis === 'pinned-commit' || state.since !== undefined, state.translated, state.originalChanged),
        related: [{ uri: state.originalUri, range: zeroRange, message: l10n.t('The original') }],
        subject: state.originalUri,
      });
    }
  } else if (pin !== undefined) {
    diagnostics.push(invalidPin(pin.range, l10n.t('Only a translation names the version of its original it was made from.')));
  }
  const missing = missingLocalesOf(index, document.uri);
  const reportMissing = settings.missingTranslations === 'always' || (settings.missingTranslations === 'auto' && missing !== undefined && missing.siteLocales <= MANY_LOCALES);
  if (missing !== undefined && missing.missing.length > 0 && reportMissing) {
    diagnostics.push({
      range: term.titleRange ?? document.frontMatter?.range ?? zeroRange,
      severity: 'hint',
      code: 'missing-translation',
      message: l10n.t('Not translated into: {0}.', missing.missing.join(', ')),
    });
  }
  return diagnostics;
}

function outdatedMessage(original: string, commits: number | undefined, fromHistory: boolean, translated: number | undefined, changed: number | undefined): string {
  const since = translated === undefined ? '' : formatDate(translated);
  if (fromHistory && commits !== undefined) {
    return commits === 1
      ? l10n.t('The original {0} changed in 1 commit since this translation ({1}).', original, since)
      : l10n.t('The original {0} changed in {1} commits since this translation ({2}).', original, commits, since);
  }
  return l10n.t('The original {0} was changed on {1}, after this translation ({2}); judged by file times.', original, changed === undefined ? '' : formatDate(changed), since);
}

function invalidPin(range: Range, message: string): GlossaryDiagnostic {
  return { range, severity: 'warning', code: 'invalid-translated-from', message };
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
