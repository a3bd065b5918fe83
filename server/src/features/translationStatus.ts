import { uriToFsPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import { isCommitName, type FileCommit, type HistoryUnavailable, type RepositoryHistory } from '../parsing/gitLog';
import type { ParsedDocument } from '../parsing/document';
import { defaultLocaleOf, localesOf } from '../site/site';

/**
 * Which entries of a site's default locale are translated, and which translations are outdated:
 * the original changed after the translation last did. Judged by the repository's history where
 * there is one, by a `translated_from` pin where the translation has one, else by file times.
 */

/** Where a file's history comes from: the repository holding it, or why there is none. */
export type FileHistorySource = { history: RepositoryHistory; path: string } | { unavailable: HistoryUnavailable; detail?: string };

/** What the status is judged from, read beforehand (`workspace/translationHistory.ts`). */
export interface HistorySnapshot {
  historyOf(filePath: string): FileHistorySource;
  modifiedAt(filePath: string): number | undefined;
}

/** How a translation's state was found. */
export type TranslationBasis =
  /** The translation's last commit against the original's commits since. */
  | 'git'
  /** The commit named by `translated_from`. */
  | 'pinned-commit'
  /** The date named by `translated_from`, against the original's commits or its file time. */
  | 'pinned-date'
  /** The files' modification times. */
  | 'file-times';

/** Why file times were used although Git was asked. */
export type Fallback = HistoryUnavailable | 'untracked';

export interface TranslationState {
  locale: string;
  state: 'missing' | 'up-to-date' | 'outdated' | 'unknown';
  /** The translation's file; absent when missing. */
  uri?: string;
  basis?: TranslationBasis;
  fallback?: Fallback;
  /** Commits of the original the translation has not seen (from history or a pinned commit). */
  commitsBehind?: number;
  /** When the original last changed (its newest content commit, else its file time), in ms. */
  originalChanged?: number;
  /** When the translation last changed, or the time of the version it pins, in ms. */
  translated?: number;
  /** The original as the translation knew it: its content at `commit` under `path`, for a diff; `path` absent when it did not exist yet. */
  since?: { root: string; commit: string; path?: string };
  /** `translated_from` names no commit of the repository, or is neither a commit nor a date. */
  pinProblem?: 'unknown-commit' | 'invalid';
}

export interface OriginalStatus {
  uri: string;
  title: string;
  locale: string;
  translations: TranslationState[];
}

export interface OrphanTranslation {
  uri: string;
  title: string;
  locale: string;
}

export interface TranslationReport {
  /** The one locale asked for, if any. */
  locale?: string;
  /** Every locale the sites translate into (their locales but the default ones), whatever was asked for. */
  translatedInto: string[];
  /** The locales of the sites reported, the default first. */
  locales: string[];
  originals: OriginalStatus[];
  /** Translations whose original is gone. */
  orphans: OrphanTranslation[];
  /** Why history could not be used, for the files it was asked for. */
  fallbacks: Array<{ reason: Fallback; detail?: string }>;
}

export interface ReportOptions {
  /** Only translations into this locale. */
  locale?: string;
  /** Only entries with a file (original or translation) for which this says yes. */
  includes?: (uri: string) => boolean;
}

/**
 * The translation status of every entry of every site with more than one locale: per original,
 * each other locale's translation (missing, up to date, outdated), and the orphans.
 */
export function translationReport(index: GlossaryIndex, snapshot: HistorySnapshot, options: ReportOptions = {}): TranslationReport {
  const locales = new Set<string>();
  const originals: OriginalStatus[] = [];
  const orphans: OrphanTranslation[] = [];
  const fallbacks = new Map<string, { reason: Fallback; detail?: string }>();
  const judge = new Judge(index, snapshot);
  const translatedInto = new Set<string>();
  for (const term of [...index.terms()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    const place = translationPlace(index, term.uri);
    if (place === undefined) continue;
    for (const locale of place.locales.slice(1)) translatedInto.add(locale);
    const included = (uri: string) => options.includes === undefined || options.includes(uri);
    if (place.original === undefined) {
      if (place.locale !== place.defaultLocale && (options.locale === undefined || sameLocale(options.locale, place.locale)) && included(term.uri)) {
        orphans.push({ uri: term.uri, title: term.title, locale: place.locale });
      }
      continue;
    }
    if (place.original !== term.uri) continue;
    const wanted = place.locales.filter((locale) => locale !== place.defaultLocale && (options.locale === undefined || sameLocale(options.locale, locale)));
    if (wanted.length === 0) continue;
    const translations = wanted.map((locale) => {
      const translation = place.translations.get(locale);
      return translation === undefined ? { locale, state: 'missing' as const } : judge.state(term.uri, translation, locale);
    });
    if (!included(term.uri) && !translations.some((translation) => translation.uri !== undefined && included(translation.uri))) continue;
    for (const locale of [place.defaultLocale, ...wanted]) locales.add(locale);
    for (const translation of translations) {
      if (translation.fallback !== undefined) fallbacks.set(translation.fallback, { reason: translation.fallback, detail: judge.detailOf(translation.fallback) });
    }
    originals.push({ uri: term.uri, title: term.title, locale: place.defaultLocale, translations });
  }
  return { ...(options.locale === undefined ? {} : { locale: options.locale }), translatedInto: [...translatedInto].sort(), locales: [...locales], originals, orphans, fallbacks: [...fallbacks.values()] };
}

/** The state of one translated page, for the hint on it; undefined for a page that is no translation of an entry. */
export function translationStateOf(index: GlossaryIndex, snapshot: HistorySnapshot, uri: string): (TranslationState & { originalUri: string }) | undefined {
  const place = translationPlace(index, uri);
  if (place?.original === undefined || place.original === uri) return undefined;
  return { ...new Judge(index, snapshot).state(place.original, uri, place.locale), originalUri: place.original };
}

/** The version of a translation's original it matches when the translator is done: its newest commit, else its file's day. */
export function latestVersionOfOriginal(index: GlossaryIndex, snapshot: HistorySnapshot, uri: string): { version: string; time: number; fromHistory: boolean } | undefined {
  const place = translationPlace(index, uri);
  if (place?.original === undefined || place.original === uri) return undefined;
  const originalPath = uriToFsPath(place.original);
  const source = snapshot.historyOf(originalPath);
  const newest = 'history' in source ? source.history.files.get(source.path)?.find((commit) => commit.changedContent) : undefined;
  if (newest !== undefined) return { version: newest.hash.slice(0, 12), time: newest.time, fromHistory: true };
  const modified = snapshot.modifiedAt(originalPath);
  return modified === undefined ? undefined : { version: formatDate(modified), time: modified, fromHistory: false };
}

/** The locales an original lacks; undefined for a page that is no original. */
export function missingLocalesOf(index: GlossaryIndex, uri: string): { missing: string[]; siteLocales: number } | undefined {
  const place = translationPlace(index, uri);
  if (place === undefined || place.original !== uri) return undefined;
  return { missing: place.locales.filter((locale) => locale !== place.defaultLocale && !place.translations.has(locale)), siteLocales: place.locales.length };
}

/** Whether a document pins a commit the history was read without: the history must be read again to judge it. */
export function hasUnresolvedPin(snapshot: HistorySnapshot, document: ParsedDocument): boolean {
  const pin = document.term?.translatedFrom?.value;
  if (pin === undefined || !isCommitName(pin)) return false;
  const source = snapshot.historyOf(uriToFsPath(document.uri));
  return 'history' in source && !source.history.pins.has(pin);
}

interface TranslationPlace {
  locale: string;
  defaultLocale: string;
  locales: string[];
  /** The entry in the default locale; undefined for an orphan. */
  original: string | undefined;
  /** The entry's translations by locale. */
  translations: Map<string, string>;
}

/** Where an entry stands among its translations, on a site with more than one locale. */
function translationPlace(index: GlossaryIndex, uri: string): TranslationPlace | undefined {
  const site = index.siteFor(uri);
  const page = index.pageOf(uri);
  if (site === undefined || page === undefined) return undefined;
  const defaultLocale = defaultLocaleOf(site);
  const locales = localesOf(site);
  if (locales.length < 2 || !locales.includes(page.locale)) return undefined;
  const entries = [uri, ...index.translationsOf(uri)].filter((other) => index.termOf(other) !== undefined && isReported(index, other));
  const byLocale = new Map<string, string>();
  for (const entry of entries) {
    const locale = index.pageOf(entry)!.locale;
    if (!byLocale.has(locale)) byLocale.set(locale, entry);
  }
  const original = byLocale.get(defaultLocale);
  byLocale.delete(defaultLocale);
  return { locale: page.locale, defaultLocale, locales, original, translations: byLocale };
}

/** A draft is not translated yet; a page of a locale the site does not build is no translation. */
function isReported(index: GlossaryIndex, uri: string): boolean {
  const page = index.pageOf(uri);
  return page !== undefined && (page.published || page.unpublishedReason === 'not-rendered' || page.unpublishedReason === 'out-of-date');
}

/** Judges translations against their originals. */
class Judge {
  private readonly details = new Map<Fallback, string | undefined>();

  constructor(
    private readonly index: GlossaryIndex,
    private readonly snapshot: HistorySnapshot,
  ) {}

  detailOf(fallback: Fallback): string | undefined {
    return this.details.get(fallback);
  }

  state(originalUri: string, translationUri: string, locale: string): TranslationState {
    const originalPath = uriToFsPath(originalUri);
    const translationPath = uriToFsPath(translationUri);
    const pin = this.termPin(translationUri);
    const original = this.snapshot.historyOf(originalPath);
    const translation = this.snapshot.historyOf(translationPath);
    const base = { locale, uri: translationUri };
    if (pin !== undefined && !isCommitName(pin) && parseDate(pin) === undefined) return { ...base, state: 'unknown', pinProblem: 'invalid' };
    if ('history' in original && 'history' in translation && original.history === translation.history) {
      const { history } = original;
      const originalCommits = (history.files.get(original.path) ?? []).filter((commit) => commit.changedContent);
      const originalChanged = originalCommits[0]?.time;
      if (pin !== undefined && isCommitName(pin)) {
        const resolved = history.pins.get(pin);
        // A pin typed since the history was read: it is being looked up.
        if (resolved === undefined) return { ...base, state: 'unknown', basis: 'pinned-commit' };
        if (resolved === false) return { ...base, state: 'unknown', basis: 'pinned-commit', pinProblem: 'unknown-commit' };
        return this.since(base, 'pinned-commit', history, original.path, resolved.contains, resolved.time, originalCommits, originalChanged);
      }
      if (pin !== undefined) {
        const date = parseDate(pin)!;
        const seen = (history.files.get(original.path) ?? []).find((commit) => commit.time <= date);
        const behind = originalCommits.filter((commit) => commit.time > date).length;
        return {
          ...base,
          state: behind > 0 ? 'outdated' : 'up-to-date',
          basis: 'pinned-date',
          commitsBehind: behind,
          ...(originalChanged === undefined ? {} : { originalChanged }),
          translated: date,
          since: { root: history.root, commit: seen?.hash ?? '', ...(seen === undefined ? {} : { path: seen.path }) },
        };
      }
      const translationCommits = (history.files.get(translation.path) ?? []).filter((commit) => commit.changedContent);
      // A translation not committed yet is being written: only the files' times can say more.
      const [last] = translationCommits;
      if (last !== undefined) return this.since(base, 'git', history, original.path, { has: (hash) => history.ancestry.contains(last.hash, hash) }, last.time, originalCommits, originalChanged);
      return this.byFileTimes(base, originalPath, translationPath, pin, 'untracked');
    }
    const unavailable = 'unavailable' in original ? original : 'unavailable' in translation ? translation : undefined;
    if (unavailable !== undefined && !this.details.has(unavailable.unavailable)) this.details.set(unavailable.unavailable, unavailable.detail);
    // A fresh shallow clone's file times are those of its checkout: they say nothing of the translations.
    if (unavailable?.unavailable === 'shallow') return { ...base, state: 'unknown', fallback: 'shallow' };
    return this.byFileTimes(base, originalPath, translationPath, pin, unavailable?.unavailable);
  }

  /** The original's content changes that a version (the translation's last commit, or its pin) does not contain. */
  private since(
    base: { locale: string; uri: string },
    basis: 'git' | 'pinned-commit',
    history: RepositoryHistory,
    originalPath: string,
    seen: { has(hash: string): boolean },
    translated: number,
    originalCommits: FileCommit[],
    originalChanged: number | undefined,
  ): TranslationState {
    const unseen = originalCommits.filter((commit) => !seen.has(commit.hash));
    // The original as of that version: its newest commit the version contains, under the name it had then.
    const known = (history.files.get(originalPath) ?? []).find((commit) => seen.has(commit.hash));
    return {
      ...base,
      state: unseen.length > 0 ? 'outdated' : 'up-to-date',
      basis,
      commitsBehind: unseen.length,
      ...(originalChanged === undefined ? {} : { originalChanged }),
      translated,
      since: { root: history.root, commit: known?.hash ?? '', ...(known === undefined ? {} : { path: known.path }) },
    };
  }

  private byFileTimes(base: { locale: string; uri: string }, originalPath: string, translationPath: string, pin: string | undefined, fallback: Fallback | undefined): TranslationState {
    const originalChanged = this.snapshot.modifiedAt(originalPath);
    const pinnedDate = pin === undefined ? undefined : parseDate(pin);
    const translated = pinnedDate ?? this.snapshot.modifiedAt(translationPath);
    const fallbackPart = fallback === undefined ? {} : { fallback };
    if (originalChanged === undefined || translated === undefined) return { ...base, state: 'unknown', basis: 'file-times', ...fallbackPart };
    return {
      ...base,
      state: originalChanged > translated ? 'outdated' : 'up-to-date',
      basis: pinnedDate === undefined ? 'file-times' : 'pinned-date',
      ...fallbackPart,
      originalChanged,
      translated,
    };
  }

  private termPin(uri: string): string | undefined {
    return this.index.termOf(uri)?.translatedFrom?.value;
  }

}

/** Locales as Docusaurus (`pt-BR`) and Hugo (`pt-br`) spell them: the same in any case. */
export function sameLocale(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A date as `translated_from` may give it: `2026-11-30` or a full ISO date and time; in ms. */
export function parseDate(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const time = Date.parse(text.length === 10 ? `${text}T23:59:59Z` : text.replace(' ', 'T'));
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist is no date.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const exists = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return Number.isNaN(time) || !exists ? undefined : time;
}

/** A time as the report and hints show it: the day, in UTC. */
export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
