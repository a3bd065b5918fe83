import { sameFrontMatterValues, type GlossaryIndex } from '../../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../../parsing/document';
import { isCaseOrNumberVariant, isLikelyTypo } from './similarity';

/**
 * The other documents whose diagnostics may change when one document changes from `before` to
 * `after` (either may be missing: created, deleted): links to it, entries sharing its id or title,
 * and, without a tags file, entries using a tag that may now count as a variant. Call it after the
 * index holds `after`.
 */
export function affectedDocuments(index: GlossaryIndex, uri: string, before: ParsedDocument | undefined, after: ParsedDocument | undefined): Set<string> {
  const affected = new Set<string>();
  const termBefore = before?.term;
  const termAfter = after?.term;
  if (!sameIdentity(termBefore, termAfter) || (before === undefined) !== (after === undefined)) {
    // A relative link names the file, whether or not it is a term.
    const asTarget = { uri, id: '', title: '', aliases: [] };
    for (const term of [termBefore ?? asTarget, termAfter ?? asTarget]) {
      for (const source of index.documentsLinkingTo(term)) affected.add(source);
      if (term.id !== '') for (const other of index.termsWithId(term.id)) affected.add(other.uri);
      if (term.title !== '') for (const other of index.termsNamed(term.title)) affected.add(other.uri);
    }
  }
  const tagsBefore = new Set(termBefore?.tags.map((tag) => tag.value) ?? []);
  const tagsAfter = new Set(termAfter?.tags.map((tag) => tag.value) ?? []);
  const changedTags = [...tagsBefore, ...tagsAfter].filter((tag) => tagsBefore.has(tag) !== tagsAfter.has(tag));
  if (changedTags.length > 0) {
    for (const [tag] of index.tagUsage()) {
      if (!changedTags.some((changed) => changed === tag || isCaseOrNumberVariant(changed, tag) || isLikelyTypo(changed, tag))) continue;
      for (const user of index.documentsUsingTag(tag)) if (index.tagsFileFor(user) === undefined) affected.add(user);
    }
  }
  // An original that comes or goes builds or drops its translations' pages.
  if ((before === undefined) !== (after === undefined)) {
    const page = index.pageFor(uri, (before ?? after)!.frontMatter?.fields ?? []);
    for (const other of page === undefined ? [] : index.documentsWithTranslationKey(page.translationKey)) affected.add(other);
  }
  // Any change of a page's front matter, or a page that comes or goes, may give or take the doc id another page's pagination or a sidebar names, or the page a Hugo ref finds.
  if (!sameFrontMatterValues(before, after)) {
    for (const naming of index.documentsNamingDocIds()) affected.add(naming);
    for (const holder of index.documentsWithHugoRefs()) affected.add(holder);
    for (const config of index.siteConfigProblems()) if (config.sidebars !== undefined || config.category !== undefined) affected.add(config.uri);
    // A Hugo section's front matter cascades to the pages below it, and a section not built takes them
    // out; a bundle's index that comes or goes makes them resources or pages: so do the links to them.
    if (index.isHugoSectionFile(uri) || index.mayHeadHugoBundle(uri)) {
      for (const below of index.documentsBelow(uri)) {
        affected.add(below.uri);
        for (const source of index.documentsLinkingTo(below.term ?? { uri: below.uri, id: '', title: '', aliases: [] })) affected.add(source);
      }
    }
  }
  affected.delete(uri);
  return affected;
}

function sameIdentity(a: GlossaryTerm | undefined, b: GlossaryTerm | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.id === b.id && a.idFromFileName === b.idFromFileName && a.title === b.title && a.aliases.join('\u0000') === b.aliases.join('\u0000') && a.notMentions.join('\u0000') === b.notMentions.join('\u0000');
}
