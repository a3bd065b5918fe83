import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { GlossaryIndex } from '../../index/glossaryIndex';
import type { ParsedDocument } from '../../parsing/document';
import type { HugoSite } from '../../site/hugo';
import type { SitePage } from '../../site/siteTypes';

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
  const page = index.pageOf(document.uri);
  if (known === undefined || document.hugoShortcodes === undefined || page?.contentRead !== true) return [];
  const diagnostics: GlossaryDiagnostic[] = site?.generator === 'hugo' && page.published ? paramDiagnostics(site.hugo, page, document) : [];
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
    } else if (shortcode.closing !== undefined && inner !== undefined && !inner.has(shortcode.name) && site?.generator === 'hugo' && site.hugo.innerUnknownShortcodes?.has(shortcode.name) !== true && !shortcode.name.endsWith('.inline')) {
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

/**
 * The keys Hugo gives every page's `.Params` whether its front matter sets them or not (dates, the
 * draft flag, ...), and those it reads for itself: `param` is not judged for them.
 */
const HUGO_PAGE_KEYS = new Set(['title', 'linktitle', 'date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified', 'expirydate', 'unpublishdate', 'draft', 'iscjklanguage', 'weight', 'description', 'summary', 'keywords', 'slug', 'url', 'type', 'layout', 'kind', 'aliases', 'headless', 'markup', 'outputs', 'translationkey', 'lang', 'path', 'build', '_build', 'cascade', 'resources', 'sitemap', 'images', 'videos', 'audio', 'menu', 'menus']);

/**
 * Hugo's own `param` shortcode where what it names gives no value: neither the page (its front
 * matter, and what the sections above cascade to it) nor the site (its configuration's `params`, a
 * language's first, then its themes' and modules') holds the key, or the value is empty, `false` or
 * `0`. Its template stops the build then ("Param "x" not found"), and for no key at all. Judged on
 * pages Hugo renders, where every configuration is read and no template of the site's replaces
 * Hugo's; not for the keys Hugo gives every page (`HUGO_PAGE_KEYS`), nor for a key given by name.
 */
function paramDiagnostics(hugo: HugoSite, page: SitePage, document: ParsedDocument): GlossaryDiagnostic[] {
  const params = hugo.params;
  // Most pages use no `param`: their front matter is not gathered.
  if (params === undefined || hugo.paramShortcodeIsHugos !== true || !document.hugoShortcodes?.some((shortcode) => shortcode.name === 'param')) return [];
  const own = Object.fromEntries([...(page.cascaded ?? []), ...(document.frontMatter?.fields ?? [])].map((field) => [field.key, field.value]));
  const tables = [own, params.languages[page.locale], params.site, ...params.modules];
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const shortcode of document.hugoShortcodes ?? []) {
    if (shortcode.name !== 'param' || shortcode.parameters?.some((parameter) => !/^\d+$/.test(parameter.key))) continue;
    const key = shortcode.parameters?.find((parameter) => parameter.key === '0');
    if (key !== undefined && (key.value === '' || HUGO_PAGE_KEYS.has(key.value.split('.')[0].toLowerCase()))) continue;
    if (key !== undefined && isGiven(tables, key.value)) continue;
    diagnostics.push({
      range: key?.range ?? shortcode.range,
      severity: 'warning',
      code: 'missing-param',
      message: key === undefined ? l10n.t('Hugo\'s param shortcode names no parameter: its template stops the build.') : l10n.t('Neither the page nor the site gives the parameter "{0}" a value: Hugo\'s param shortcode stops the build.', key.value),
      breaksBuild: true,
    });
  }
  return diagnostics;
}

/** Whether the first table that holds a key gives it a value Go's templates take as one (not empty, `false`, `0`). */
function isGiven(tables: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>, key: string): boolean {
  const path = key.toLowerCase().split('.');
  for (const table of tables) {
    const found = table === undefined ? undefined : paramLookUp(table, path);
    if (found !== undefined) return found.value !== false && found.value !== 0 && found.value !== '' && found.value !== null && !(Array.isArray(found.value) && found.value.length === 0) && !(typeof found.value === 'object' && found.value !== null && !(found.value instanceof Date) && Object.keys(found.value).length === 0);
  }
  return false;
}

/** A value by its key's parts, each matched in any case, as Hugo's keys are; undefined where a part is missing. */
function paramLookUp(table: Readonly<Record<string, unknown>>, path: readonly string[]): { value: unknown } | undefined {
  let current: unknown = table;
  for (const part of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || current instanceof Date) return undefined;
    const entry = Object.entries(current).find(([name]) => name.toLowerCase() === part);
    if (entry === undefined) return undefined;
    current = entry[1];
  }
  return { value: current };
}
