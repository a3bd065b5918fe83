import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { uriPath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { nameKey } from '../../index/termMatcher';
import { termField, type GlossaryTerm, type ParsedDocument } from '../../parsing/document';
import { isNoSitePage } from '../termLinks';
import { firstOthers, namedOthers } from './othersNamed';

/** Rules across the glossary: two entries with one id, or one title, in one locale (and version). */
export function glossaryDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const term = document.term;
  if (term === undefined) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const meets = meetingTests(index, term);
  const idField = termField(document, 'id');
  // An id taken from the file name repeats legitimately in other folders; a declared one is a choice.
  // Where the site model knows the page, it judges ids as the generator does (`siteRules.ts`).
  if (idField !== undefined && index.pageOf(document.uri) === undefined) {
    const { shown, total } = firstOthers(
      index.termsWithId(term.id).filter((other) => other.uri !== term.uri && !meets.otherLocale(other) && !meets.apart(other) && declaresId(index, other)),
      (other) => other.uri,
    );
    if (total > 0) {
      diagnostics.push({
        range: idField.valueRange,
        severity: 'warning',
        code: 'duplicate-id',
        message: l10n.t('Another entry has the id "{0}": {1}', term.id, namedOthers(term.uri, shown.map((other) => other.uri), total)),
        related: shown.map((other) => ({ uri: other.uri, range: idRangeOf(index, other), message: l10n.t('Same id') })),
      });
    }
  }
  const titleKey = nameKey(term.title);
  const sameTitle = firstOthers(
    index
      .termsNamed(term.title)
      .filter((other) => other.uri !== term.uri && nameKey(other.title) === titleKey && !meets.otherLocale(other) && !meets.otherVersion(other) && !meets.apart(other)),
    (other) => other.uri,
  );
  if (sameTitle.total > 0 && term.titleRange !== undefined) {
    diagnostics.push({
      range: term.titleRange,
      severity: 'warning',
      code: 'duplicate-title',
      message: l10n.t('Another entry has the title "{0}": {1}', term.title, namedOthers(term.uri, sameTitle.shown.map((other) => other.uri), sameTitle.total)),
      related: sameTitle.shown.map((other) => ({ uri: other.uri, range: other.titleRange ?? zeroRange, message: l10n.t('Same title') })),
    });
  }
  return diagnostics;
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function idFieldOf(index: GlossaryIndex, term: GlossaryTerm) {
  const document = index.getDocument(term.uri);
  return document && termField(document, 'id');
}

function declaresId(index: GlossaryIndex, term: GlossaryTerm): boolean {
  return idFieldOf(index, term) !== undefined;
}

function idRangeOf(index: GlossaryIndex, term: GlossaryTerm) {
  return idFieldOf(index, term)?.valueRange ?? zeroRange;
}

const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;

/**
 * The tests of whether another entry meets this one on the site (`term`'s side worked out once: a
 * group of n entries of one title asks n² times):
 * - `otherLocale`: in a different locale, where an id or a title may repeat: by their pages'
 *   locales where a configured site knows both, else by their paths, which then differ in one
 *   locale folder only (`en/x.md`, `de/x.md`);
 * - `otherVersion`: two pages of one Docusaurus docs instance in different versions (a version is
 *   a snapshot of the same entries), elsewhere two paths that differ in one version folder only
 *   (`docs/2.10/faq.md`, `docs/2-edge/faq.md`);
 * - `apart`: of two files of one site, one a page and one a file its generator makes no page of
 *   (a theme's own docs, a README, an archive of old docs): they never meet on the site.
 */
function meetingTests(index: GlossaryIndex, term: GlossaryTerm) {
  const site = index.siteFor(term.uri);
  const page = index.pageOf(term.uri);
  const locale = configuredLocaleOf(index, term.uri);
  const segments = uriPath(term.uri).split('/');
  // The places of its locale folders: a path of another locale is the same path with another locale there.
  const localeSlots = slotsOf(segments, LOCALE);
  const versionSlots = page?.generator === 'docusaurus' ? [] : slotsOf(segments, VERSION_FOLDER);
  const noPage = isNoSitePage(index, term.uri);
  return {
    otherLocale(other: GlossaryTerm): boolean {
      const otherLocale = locale === undefined ? undefined : configuredLocaleOf(index, other.uri);
      if (otherLocale !== undefined) return otherLocale !== locale;
      return inOtherSlot(localeSlots, uriPath(other.uri), LOCALE);
    },
    otherVersion(other: GlossaryTerm): boolean {
      if (page?.generator !== 'docusaurus') return inOtherSlot(versionSlots, uriPath(other.uri), VERSION_FOLDER);
      const otherPage = index.pageOf(other.uri);
      return otherPage?.generator === 'docusaurus' && index.siteFor(other.uri) === site && page.instance === otherPage.instance && page.version !== otherPage.version;
    },
    apart(other: GlossaryTerm): boolean {
      return site !== undefined && index.siteFor(other.uri) === site && noPage !== isNoSitePage(index, other.uri);
    },
  };
}

/**
 * A folder of one version of the docs, where the generator does not know versions (Hugo: linkerd's
 * `2.10/`, `2-edge/`, tikv's `7.1/`, `dev/`; an archive of Docusaurus's `version-2.x/` no plugin
 * reads): a snapshot of the same pages, whose titles repeat.
 */
const VERSION_FOLDER = /^(?:(?:v|version-)?\d+(?:\.(?:\d+|x))*(?:-[a-z][a-z0-9]*)?|latest|next|dev|stable|edge|unreleased)$/i;

interface Slot {
  prefix: string;
  suffix: string;
  segment: string;
}

/** The places of a path's segments that `kind` matches: a path of another locale (version) is the same path with another one there. */
function slotsOf(segments: string[], kind: RegExp): Slot[] {
  return segments.flatMap((segment, at) => (kind.test(segment) ? [{ prefix: `${segments.slice(0, at).join('/')}/`, suffix: at === segments.length - 1 ? '' : `/${segments.slice(at + 1).join('/')}`, segment }] : []));
}

/** Whether a path is the one of the slots with another segment of the kind in one of them. */
function inOtherSlot(slots: readonly Slot[], path: string, kind: RegExp): boolean {
  return slots.some(({ prefix, suffix, segment }) => {
    if (path.length <= prefix.length + suffix.length || !path.startsWith(prefix) || !path.endsWith(suffix)) return false;
    const middle = path.slice(prefix.length, path.length - suffix.length);
    return middle !== segment && !middle.includes('/') && kind.test(middle);
  });
}

/** A page's locale, when a site's configuration says it: a site assumed from the layout knows one locale only. */
function configuredLocaleOf(index: GlossaryIndex, uri: string): string | undefined {
  return index.siteFor(uri)?.assumed ? undefined : index.pageOf(uri)?.locale;
}
