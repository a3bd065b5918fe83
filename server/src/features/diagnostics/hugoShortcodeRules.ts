import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';

/**
 * Shortcodes Hugo has no template for (`{{< youtub … >}}`), those whose template reads `.Inner`
 * left open (`{{< box >}}` with no `{{< /box >}}`, not `{{< box />}}`), and those whose template
 * reads none closed (`{{< figure … >}}{{< /figure >}}`): Hugo fails the build on the
 * first one in any file it reads, whether it builds a page from it or not (see `SitePage.contentRead`).
 * Judged where every template can be seen: the site's and its themes' `layouts/shortcodes/`.
 */
export function hugoShortcodeDiagnostics(index: GlossaryIndex, document: ParsedDocument): GlossaryDiagnostic[] {
  const site = index.siteFor(document.uri);
  const known = site?.generator === 'hugo' ? site.hugo.shortcodes : undefined;
  const inner = site?.generator === 'hugo' ? site.hugo.innerShortcodes : undefined;
  if (known === undefined || document.hugoShortcodes === undefined || index.pageOf(document.uri)?.contentRead !== true) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const shortcode of document.hugoShortcodes) {
    if (!known.has(shortcode.name) && !shortcode.name.endsWith('.inline')) {
      diagnostics.push({
        range: shortcode.range,
        severity: 'warning',
        code: 'unknown-shortcode',
        message: l10n.t('Hugo has no shortcode "{0}": no template layouts/shortcodes/{0}.html in the site or its themes, so the build fails.', shortcode.name),
        breaksBuild: true,
      });
    } else if (shortcode.unclosed && inner?.has(shortcode.name)) {
      diagnostics.push({
        range: shortcode.range,
        severity: 'warning',
        code: 'unclosed-shortcode',
        message: l10n.t('The template of shortcode "{0}" reads .Inner: Hugo refuses to build until it is closed ({1}) or closes itself ({2}).', shortcode.name, `{{< /${shortcode.name} >}}`, `{{< ${shortcode.name} />}}`),
        breaksBuild: true,
      });
    } else if (shortcode.closing !== undefined && inner !== undefined && !inner.has(shortcode.name) && !shortcode.name.endsWith('.inline')) {
      diagnostics.push({
        range: shortcode.range,
        severity: 'warning',
        code: 'closed-shortcode',
        message:
          shortcode.closing === 'tag'
            ? l10n.t('The template of shortcode "{0}" reads no .Inner: Hugo refuses to build on its closing ({1}). Leave the closing out, and what stands between it and the shortcode outside.', shortcode.name, `{{< /${shortcode.name} >}}`)
            : l10n.t('The template of shortcode "{0}" reads no .Inner: Hugo refuses to build on a shortcode of it closing itself ({1}). Leave the slash out.', shortcode.name, '/>}}'),
        breaksBuild: true,
      });
    }
  }
  return diagnostics;
}
