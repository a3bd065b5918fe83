import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';

/**
 * Shortcodes Hugo has no template for (`{{< youtub … >}}`): Hugo fails the build on the first one
 * in any file it reads, whether it builds a page from it or not (see `SitePage.contentRead`).
 * Judged where every template can be seen: the site's and its themes' `layouts/shortcodes/`.
 */
export function hugoShortcodeDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const known = site?.generator === 'hugo' ? site.hugo.shortcodes : undefined;
  if (known === undefined || document.hugoShortcodes === undefined || index.pageOf(document.uri)?.contentRead !== true) return [];
  return document.hugoShortcodes
    .filter((shortcode) => !known.has(shortcode.name) && !shortcode.name.endsWith('.inline'))
    .map((shortcode) => ({
      range: shortcode.range,
      severity: 'warning',
      code: 'unknown-shortcode',
      message: l10n.t('Hugo has no shortcode "{0}": no template layouts/shortcodes/{0}.html in the site or its themes, so the build fails.', shortcode.name),
      breaksBuild: true,
    }));
}
