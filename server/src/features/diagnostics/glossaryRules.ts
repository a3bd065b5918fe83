import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { uriPath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { nameKey } from '../../index/termMatcher';
import { termField, type GlossaryTerm, type ParsedDocument } from '../../parsing/document';
import { isNoHugoPage } from '../termLinks';
import { firstOthers, namedOthers } from './othersNamed';

/** Rules across the glossary: two entries with one id, or one title, in one locale (and version). */
export function glossaryDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const term = document.term;
  if (term === undefined) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const idField = termField(document, 'id');
  // An id taken from the file name repeats legitimately in other folders; a declared one is a choice.
  // Where the site model knows the page, it judges ids as the generator does (`siteRules.ts`).
  if (idField !== undefined && index.pageOf(document.uri) === undefined) {
    const { shown, total } = firstOthers(
      index.termsWithId(term.id).filter((other) => other.uri !== term.uri && !inOtherLocales(index, term, other) && declaresId(index, other)),
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
      .filter((other) => other.uri !== term.uri && nameKey(other.title) === titleKey && !inOtherLocales(index, term, other) && !inOtherVersions(index, term, other) && !oneIsNoHugoPage(index, term, other)),
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
 * Whether two entries are in different locales, where an id or a title may repeat: by their pages'
 * locales where a configured site knows both, else by their paths, which then differ in one
 * locale folder only (`en/x.md`, `de/x.md`).
 */
function inOtherLocales(index: GlossaryIndex, a: GlossaryTerm, b: GlossaryTerm): boolean {
  const localeA = configuredLocaleOf(index, a.uri);
  const localeB = configuredLocaleOf(index, b.uri);
  if (localeA !== undefined && localeB !== undefined) return localeA !== localeB;
  const pathA = uriPath(a.uri).split('/');
  const pathB = uriPath(b.uri).split('/');
  if (pathA.length !== pathB.length) return false;
  const differing = pathA.map((segment, position) => [segment, pathB[position]]).filter(([left, right]) => left !== right);
  return differing.length === 1 && LOCALE.test(differing[0][0]) && LOCALE.test(differing[0][1]);
}

/** Two pages of one Docusaurus docs instance in different versions: a version is a snapshot of the same entries. */
function inOtherVersions(index: GlossaryIndex, a: GlossaryTerm, b: GlossaryTerm): boolean {
  const pageA = index.pageOf(a.uri);
  const pageB = index.pageOf(b.uri);
  return pageA?.generator === 'docusaurus' && pageB?.generator === 'docusaurus' && index.siteFor(a.uri) === index.siteFor(b.uri) && pageA.instance === pageB.instance && pageA.version !== pageB.version;
}

/**
 * Of two files of one Hugo site, one a page and one a file Hugo makes no page of (outside the
 * content folders: a theme's own docs, a README): they never meet on the site.
 */
function oneIsNoHugoPage(index: GlossaryIndex, a: GlossaryTerm, b: GlossaryTerm): boolean {
  return index.siteFor(a.uri) === index.siteFor(b.uri) && isNoHugoPage(index, a.uri) !== isNoHugoPage(index, b.uri);
}

/** A page's locale, when a site's configuration says it: a site assumed from the layout knows one locale only. */
function configuredLocaleOf(index: GlossaryIndex, uri: string): string | undefined {
  return index.siteFor(uri)?.assumed ? undefined : index.pageOf(uri)?.locale;
}
