import * as l10n from '@vscode/l10n';
import { posix } from 'node:path';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { Site } from '../../site/site';

/** The pages a Hugo site builds, as `ref` finds them: by path below the content folder and by name, both without extension and in lower case. */
interface BuiltPages {
  paths: Set<string>;
  names: Set<string>;
}

/**
 * Hugo's `ref` and `relref` shortcodes that find no page the site builds: Hugo fails the build on
 * them (`REF_NOT_FOUND`), unless `refLinksErrorLevel` is `WARNING`. Hugo looks a ref up leniently
 * (any case, any extension, a name alone anywhere in the site, a path from the page's folder or the
 * content folder), so one is reported only where none of those ways finds a built page.
 */
export function hugoRefDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const page = index.pageOf(document.uri);
  // A page Hugo does not build renders no shortcode.
  if (site?.generator !== 'hugo' || document.hugoRefs === undefined || page?.published !== true) return [];
  const built = index.rememberedByPages(`hugo refs ${site.rootUri}`, () => builtPagesOf(index, site));
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const ref of document.hugoRefs) {
    if (finds(built, ref.target, page.docId)) continue;
    diagnostics.push({
      range: ref.range,
      severity: 'warning',
      code: 'broken-link',
      message: l10n.t('Hugo\'s ref finds no page at "{0}": the build fails.', ref.target),
      ...(site.hugo.refsFailBuild ? { breaksBuild: true as const } : {}),
    });
  }
  return diagnostics;
}

function builtPagesOf(index: GlossaryIndex, site: Site): BuiltPages {
  const built: BuiltPages = { paths: new Set(), names: new Set() };
  for (const document of index.documents()) {
    const page = index.pageOf(document.uri);
    if (page?.generator !== 'hugo' || !page.published || index.siteFor(document.uri) !== site) continue;
    // A bundle's or a section's page is its folder's.
    const path = page.docId.replace(/(?:^|\/)_?index$/, '').toLowerCase();
    built.paths.add(path);
    built.names.add(path.slice(path.lastIndexOf('/') + 1));
  }
  return built;
}

/** Whether Hugo finds a page for a ref written on the page of doc id `fromDocId` (its path below the content folder, without extension). */
function finds(built: BuiltPages, target: string, fromDocId: string): boolean {
  const path = target.replace(/[?#].*$/s, '');
  // An anchor alone is on the page itself.
  if (path === '') return true;
  const segments = path.toLowerCase().split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length > 0) segments[segments.length - 1] = segments[segments.length - 1].replace(/\.[^.]*$/, '');
  const wanted = segments.join('/').replace(/(?:^|\/)_?index$/, '');
  // A name alone (with or without a leading slash) is looked up everywhere.
  if (!wanted.includes('/')) return wanted === '' || built.names.has(wanted) || built.paths.has(wanted);
  if (path.startsWith('/')) return built.paths.has(wanted);
  // A bundle's page refers from its folder's parent, as Hugo resolves it.
  const folder = posix.dirname(fromDocId);
  const fromFolder = posix.basename(fromDocId) === 'index' ? posix.dirname(folder) : folder;
  const relative = posix.normalize(posix.join(fromFolder === '.' ? '' : fromFolder.toLowerCase(), wanted));
  return built.paths.has(wanted) || (!relative.startsWith('..') && built.paths.has(relative));
}
