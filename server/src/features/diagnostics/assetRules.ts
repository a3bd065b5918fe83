import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { uriPath } from '../../common/uris';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import { imageTarget, linkedFileTarget, type AssetTarget } from '../../site/docusaurusAssets';
import type { Site } from '../../site/site';
import type { BrokenLinkPolicy } from '../../site/siteTypes';
import { linkedDocument } from '../termLinks';

/**
 * Images and links to files (`./Preisliste.pdf`) whose file is not on disk, in the pages a
 * configured Docusaurus site builds. Docusaurus makes every such file part of the build: an image
 * it cannot find fails the build (`markdown.hooks.onBrokenMarkdownImages`, `throw` by default); a
 * link it cannot find stays a URL that reaches no page (`onBrokenLinks`), or, written `@site/…`,
 * a broken Markdown link (`markdown.hooks.onBrokenMarkdownLinks`).
 */
export function assetDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  if (site?.generator !== 'docusaurus' || site.assumed || index.pageOf(document.uri)?.published !== true) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const { onBrokenMarkdownImages, onBrokenMarkdownLinks, onBrokenLinks } = site.docusaurus;
  for (const image of onBrokenMarkdownImages === 'ignore' ? [] : (document.body.images ?? [])) {
    const target = imageTarget(site, document.uri, image.target);
    if (target === undefined || (target !== 'empty' && found(index, target, (kind) => kind !== 'none'))) continue;
    diagnostics.push({
      range: image.targetRange,
      severity: 'warning',
      code: 'broken-image',
      message: target === 'empty' ? l10n.t('The image names no file.') : l10n.t('No image at "{0}": Docusaurus looks for it at {1}.', image.target, placesOf(site, target)),
      ...failsBuildOn(onBrokenMarkdownImages),
    });
  }
  for (const link of document.body.links) {
    if (link.kind !== 'inline' || link.defined) continue;
    const target = linkedFileTarget(site, document.uri, link.target);
    if (target === undefined || found(index, target, (kind) => kind === 'file')) continue;
    // A file Docusaurus does not find stays a link to a URL, unless a page is there; `@site/` names a file only.
    const policy = link.target.startsWith('@site/') ? onBrokenMarkdownLinks : onBrokenLinks;
    if (policy === 'ignore' || (!link.target.startsWith('@site/') && linkedDocument(index, document.uri, link.target, link.targetUri).document !== undefined)) continue;
    diagnostics.push({
      range: link.targetRange,
      severity: 'warning',
      code: 'broken-link',
      message: l10n.t('No file at "{0}": Docusaurus looks for it at {1}.', link.target, placesOf(site, target)),
      ...failsBuildOn(policy),
    });
  }
  return diagnostics;
}

/** Whether the file is at one of its places, or where that cannot be told (no way to look, no access): only a file known missing is reported. */
function found(index: GlossaryIndex, target: AssetTarget, counts: (kind: string) => boolean): boolean {
  return target.candidates.some((uri) => {
    const kind = index.whatIsAt(uri);
    return kind === undefined || counts(kind);
  });
}

/** The places a file was looked for, relative to the site's folder: `docs/img/logo.png`, `static/img/logo.png`. */
function placesOf(site: Site, target: AssetTarget): string {
  const siteFolder = uriPath(site.rootUri);
  return target.candidates.map((uri) => `"${uriPath(uri).slice(siteFolder.length + 1)}"`).join(l10n.t(' or '));
}

function failsBuildOn(policy: BrokenLinkPolicy): { breaksBuild?: true } {
  return policy === 'throw' ? { breaksBuild: true } : {};
}
