import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { asLinkTarget, fileStem, relativePath, resolveRelativeLink, routeFolder, routeSegments, withRouteId } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { GlossaryTerm, ParsedDocument } from '../../parsing/document';
import type { MarkdownLink } from '../../parsing/markdown';
import { resolveTermLink } from '../termLinks';
import { distance } from 'fastest-levenshtein';

/** Links to glossary entries that lead nowhere: relative `.md` paths, site routes and wiki links. */
export function linkDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const link of document.body.links) {
    const broken = brokenLink(index, document, link);
    if (broken === undefined) continue;
    diagnostics.push({
      range: link.targetRange,
      severity: 'warning',
      code: 'broken-link',
      message:
        broken.suggestion === undefined
          ? l10n.t('No glossary entry at "{0}".', link.target)
          : l10n.t('No glossary entry at "{0}". Did you mean "{1}"?', link.target, broken.suggestion),
      suggestion: broken.suggestion,
    });
  }
  return diagnostics;
}

/** Undefined when the link is fine or not a link to an entry (a URL, an image, an anchor). */
function brokenLink(index: GlossaryIndex, document: ParsedDocument, link: MarkdownLink): { suggestion?: string } | undefined {
  if (link.kind === 'wiki') {
    if (resolveTermLink(index, document.uri, link) !== undefined) return undefined;
    const [name, fragment = ''] = link.target.split(/(?=#)/);
    const match = nearestTerm(index, 'name', name, (term) => [term.title, ...term.aliases]);
    return { suggestion: match === undefined ? undefined : match.name + fragment };
  }
  const route = routeSegments(link.target);
  if (route !== undefined) {
    const last = route[route.length - 1];
    // Routes to files (`/img/x.png`), the site root, and pages where the glossary has no entries
    // (`/docs/References/...`) are not links to entries.
    if (last === undefined || last.includes('.') || !index.isGlossaryRouteFolder(routeFolder(route))) return undefined;
    if (resolveTermLink(index, document.uri, link) !== undefined) return undefined;
    const match = nearestTerm(index, 'id', last, (term) => [term.id]);
    return { suggestion: match === undefined ? undefined : withRouteId(link.target, match.name) };
  }
  const targetUri = link.targetUri;
  if (targetUri === undefined || index.documentAtLink(targetUri) !== undefined) return undefined;
  if (!/\.mdx?$/i.test(targetUri)) {
    // `C#.md` and `Was ist das?.md` end in `.md` as written, but name the file `C` with the anchor
    // `.md`: broken, and the fix is the file the whole target names, its `#` or `?` encoded.
    if (!/\.mdx?$/i.test(link.target)) return undefined;
    const whole = resolveRelativeLink(document.uri, link.target.replace(/[#?]/g, encodeURIComponent));
    const meant = whole === undefined ? undefined : index.documentAtLink(whole);
    return { suggestion: meant === undefined ? undefined : asLinkTarget(relativePath(document.uri, meant.uri)) };
  }
  const match = nearestTerm(index, 'file', fileStem(targetUri), (term) => [fileStem(term.uri)]);
  const fragment = link.target.match(/#.*$/)?.[0] ?? '';
  return { suggestion: match === undefined ? undefined : asLinkTarget(relativePath(document.uri, match.uri)) + fragment };
}

/**
 * The term with the name nearest to a misspelt one, by the names `namesOf` gives (of the kind
 * `kind`): a scan of the glossary, remembered by the index until a name changes, since a broken
 * link is checked again on every keystroke in its document.
 */
function nearestTerm(index: GlossaryIndex, kind: string, name: string, namesOf: (term: GlossaryTerm) => string[]): { name: string; uri: string } | undefined {
  return index.rememberedByNames(`${kind}:${name}`, () => {
    // The names of this kind, lower-cased once until a name changes, not on every scan.
    const candidates = index.rememberedByNames(`${kind} names`, () =>
      [...index.terms()].flatMap((term) => namesOf(term).map((candidate) => ({ name: candidate, lower: candidate.toLowerCase(), uri: term.uri }))),
    );
    return nearestOf(candidates, name);
  });
}

function nearestOf(candidates: Array<{ name: string; lower: string; uri: string }>, name: string): { name: string; uri: string } | undefined {
  // A third of the name may be wrong, at least one letter, two from six letters on; a name of one or
  // two letters is too short to guess from ("a" is not a typo of "SLA").
  if (name.length < 3) return undefined;
  const maxDistance = Math.max(Math.floor(name.length / 3), name.length >= 6 ? 2 : 1);
  const lowerName = name.toLowerCase();
  let best: { name: string; uri: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Names whose lengths differ by more than the allowed distance cannot be near: skip them cheaply.
    if (Math.abs(candidate.lower.length - lowerName.length) > maxDistance) continue;
    const candidateDistance = distance(lowerName, candidate.lower);
    if (candidateDistance > maxDistance) continue;
    // Ties go to the first file by path, so the suggestion does not depend on the order files were read in.
    const better = best === undefined || candidateDistance < best.distance || (candidateDistance === best.distance && candidate.uri < best.uri);
    if (better) best = { name: candidate.name, uri: candidate.uri, distance: candidateDistance };
  }
  return best && { name: best.name, uri: best.uri };
}
