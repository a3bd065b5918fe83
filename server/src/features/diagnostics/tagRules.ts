import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { Range } from '../../common/text';
import { relativePath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import { termField, type ParsedDocument } from '../../parsing/document';
import type { FrontMatterItem } from '../../parsing/frontMatterFields';
import { hugoTextOfPlain, readsAsString, yamlFlowList, yamlString } from '../yamlEdits';
import { closestMatch, isCaseOrNumberVariant, isLikelyTypo } from './similarity';
import { compiledByItsPlugin } from './siteRules';
import { blogOfFile } from '../../site/docusaurus';

/**
 * Whether a string value may have been written in quotes: a plain scalar on one line is its own
 * source text, so a value whose place on one line is longer than it was quoted (or escaped, which
 * takes quotes). A value over several lines may be quoted or not: YAML joined its lines either way.
 */
function mayBeQuoted(value: string, range: Range): boolean {
  return range.start.line !== range.end.line || range.end.character - range.start.character !== value.length;
}

/** A rarer tag is only called a variant of a tag at least this many times as common. */
const VARIANT_RATIO = 2;

/** Tag rules: the shape of the `tags` list, and each tag against the tags file or the glossary. */
export function tagDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const field = document.term === undefined ? undefined : termField(document, 'tags');
  if (field === undefined || field.value === undefined || field.value === null) return [];
  const inHugo = index.siteFor(document.uri)?.generator === 'hugo';
  if (field.items === undefined) {
    // Hugo reads a string as one tag, whatever its commas: the list keeps it so.
    return [
      {
        range: field.valueRange,
        severity: 'warning',
        code: 'tags-not-a-list',
        message: inHugo && typeof field.value === 'string' ? l10n.t('Hugo reads this string as one tag, "{0}": write tags as a list, such as "tags: [A, B]".', field.value) : l10n.t('Tags must be a list, such as "tags: [A, B]".'),
        // "A, B" meant two tags, `"A, B"` in quotes one; each is written so that YAML reads it back as that tag.
        // A bracket left at its start or end (`A, B]`, `\[A, B]`) makes it a list written wrong, whose tags no fix can be sure of.
        suggestion:
          typeof field.value === 'string' && !/^\s*\\?\[|\]\s*$/.test(field.value)
            ? yamlFlowList(inHugo || mayBeQuoted(field.value, field.valueRange) ? [field.value] : field.value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))
            : undefined,
      },
    ];
  }

  const diagnostics: GlossaryDiagnostic[] = [];
  const seen = new Set<string>();
  const listed = new Set(field.items.flatMap((item) => (typeof item.value === 'string' ? [item.value.trim()] : [])));
  // A misspelt tag whose right spelling is listed already is fixed by removing it, not by a second copy.
  const replacedBy = (suggestion: string | undefined) =>
    suggestion === undefined ? {} : listed.has(suggestion) ? { removesItem: true as const } : { suggestion: yamlString(suggestion) };
  const tagsFile = index.tagsFileFor(document.uri);
  // The docs or blog plugin's `onInlineTags: 'throw'` makes Docusaurus refuse to build on a tag its tags
  // file does not declare as written (blanks and all; a tag written as an object is never declared), in
  // every doc it reads (drafts too; not a partial, an `_` file), and every post it builds (not a draft).
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  const readsDoc = page !== undefined && page.unpublishedReason !== 'underscore' && page.unpublishedReason !== 'excluded' && page.unpublishedReason !== 'unknown-locale';
  const blog = site?.generator === 'docusaurus' && page === undefined ? blogOfFile(site.docusaurus, site.rootUri, document.uri) : undefined;
  const refusesUndeclared =
    tagsFile !== undefined &&
    site?.generator === 'docusaurus' &&
    (readsDoc ? site.docusaurus.instances.find((instance) => instance.id === page?.instance)?.onInlineTags === 'throw' : blog?.onInlineTags === 'throw' && compiledByItsPlugin(index, document));
  const listedTwice = (item: FrontMatterItem, tag: string): GlossaryDiagnostic => ({ range: item.range, severity: 'warning', code: 'duplicate-tag', message: l10n.t('Tag "{0}" is listed twice.', tag), removesItem: true });
  for (const item of field.items) {
    // A boolean or a number is a tag to Hugo, as its `cast` writes it: `true` twice is listed twice.
    if (inHugo && (typeof item.value === 'boolean' || typeof item.value === 'number')) {
      const text = hugoTextOfPlain(String(item.value));
      if (text !== undefined && seen.has(text)) diagnostics.push(listedTwice(item, text));
      else if (text !== undefined) seen.add(text);
      continue;
    }
    if (typeof item.value !== 'string') {
      if (refusesUndeclared && typeof item.value === 'object' && item.value !== null) {
        diagnostics.push({ range: item.range, severity: 'warning', code: 'unknown-tag', message: l10n.t('A tag written as an object is not declared in {0}: Docusaurus refuses to build (onInlineTags: "throw").', relativePath(document.uri, tagsFile!.uri)), breaksBuild: true });
      }
      continue;
    }
    const tag = item.value;
    if (tag.trim() === '') {
      diagnostics.push({ range: item.range, severity: 'warning', code: 'empty-tag', message: l10n.t('Empty tag.'), removesItem: true });
      continue;
    }
    if (tag !== tag.trim()) {
      diagnostics.push({
        range: item.range,
        severity: 'warning',
        code: 'padded-tag',
        message: l10n.t('Tag "{0}" has blanks around it.', tag),
        suggestion: yamlString(tag.trim()),
        // Looked up as written, it is not declared.
        ...(refusesUndeclared ? { breaksBuild: true as const } : {}),
      });
    }
    // Written plain, `on`, `yes` or `1_000` is a boolean or a number to Hugo's YAML 1.1, which its
    // taxonomy writes as `true` or `1000`: a copy of a quoted "true", not of a quoted "on".
    const compared = inHugo && !mayBeQuoted(tag, item.range) && !readsAsString(tag) ? (hugoTextOfPlain(tag) ?? `plain ${tag}`) : tag.trim();
    if (seen.has(compared)) {
      diagnostics.push(listedTwice(item, tag.trim()));
      continue;
    }
    seen.add(compared);
    if (tagsFile !== undefined) {
      if (tagsFile.tags.has(tag.trim())) continue;
      const suggestion = closestMatch(tag.trim(), tagsFile.tags.keys());
      const where = relativePath(document.uri, tagsFile.uri);
      diagnostics.push({
        range: item.range,
        severity: 'warning',
        code: 'unknown-tag',
        message:
          suggestion === undefined
            ? l10n.t('Tag "{0}" is not declared in {1}.', tag.trim(), where)
            : l10n.t('Tag "{0}" is not declared in {1}. Did you mean "{2}"?', tag.trim(), where, suggestion),
        ...replacedBy(suggestion),
        subject: tag.trim(),
        ...(refusesUndeclared ? { breaksBuild: true as const } : {}),
      });
    } else {
      const variant = moreCommonVariant(index, tag.trim());
      if (variant !== undefined) {
        diagnostics.push({
          range: item.range,
          severity: 'warning',
          code: 'tag-variant',
          message: l10n.t('Tag "{0}" ({1}) looks like a variant of "{2}" ({3}).', tag.trim(), entryCount(variant.ownCount), variant.tag, entryCount(variant.count)),
          ...replacedBy(variant.tag),
          subject: tag.trim(),
        });
      }
    }
  }
  return diagnostics;
}

/** Without a tags file, the glossary's own usage tells the intended spelling: the much more common one. */
export function moreCommonVariant(index: GlossaryIndex, tag: string): { tag: string; count: number; ownCount: number } | undefined {
  const ownCount = index.documentsUsingTag(tag).size;
  let best: { tag: string; count: number; ownCount: number; typo: boolean } | undefined;
  for (const [other, count] of index.tagUsage()) {
    if (other === tag || count < VARIANT_RATIO * Math.max(ownCount, 1)) continue;
    const typo = !isCaseOrNumberVariant(tag, other);
    if (typo && !isLikelyTypo(tag, other)) continue;
    // Another case or number of the same word beats a typo; then the more common, then the first by
    // name, so the answer does not depend on the order files were read in.
    const better =
      best === undefined ||
      (best.typo !== typo ? !typo : count !== best.count ? count > best.count : other < best.tag);
    if (better) best = { tag: other, count, ownCount, typo };
  }
  return best && { tag: best.tag, count: best.count, ownCount };
}

function entryCount(entries: number): string {
  return entries === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', entries);
}
