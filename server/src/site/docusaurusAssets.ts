import * as path from 'node:path';
import { uriPath, withPath } from '../common/uris';
import type { Site } from './site';

/**
 * Where Docusaurus looks for the file of a Markdown image, or of a link to a file that is no page
 * (`./files/Preisliste.pdf`), as its MDX loader does: the path, its `?query` and `#hash` cut off
 * and percent-decoded, is read from the site's folder (`@site/…`), from each static folder
 * (`/img/x.png`) or from the folder of the file that holds it (anything else).
 */
export interface AssetTarget {
  /** The URIs the file may be at, in the order they are looked at; any one found will do. */
  candidates: string[];
}

/**
 * What an image's target names: `empty` for none (`![Logo]()`), which Docusaurus reports too;
 * undefined where Docusaurus looks for no file (a URL with a scheme or host, `pathname://`), where
 * the target cannot be read as it does (an address no URL parser reads, a `%` that does not
 * decode: other rules and errors speak of those), and where the file would lie outside the site's
 * folder or the site's static folders are not known.
 */
export function imageTarget(site: Site, documentUri: string, target: string): AssetTarget | 'empty' | undefined {
  if (target === '') return 'empty';
  return assetTarget(site, documentUri, target);
}

/**
 * What a link names, where Docusaurus takes it for a file: its path starts with `@site/` or ends
 * in an extension other than `.md`, `.mdx` and `.html`. Links to Markdown files are resolved as
 * pages (see `termLinks.ts`), and are undefined here.
 */
export function linkedFileTarget(site: Site, documentUri: string, target: string): AssetTarget | undefined {
  return namesFile(target) ? assetTarget(site, documentUri, target) : undefined;
}

/** Whether Docusaurus takes a link's target for a file, not a page; cheap, as every link of every page is asked. */
function namesFile(target: string): boolean {
  const pathname = target.replace(/[?#].*$/s, '');
  if (/\.mdx?$/i.test(pathname)) return false;
  return pathname.startsWith('@site/') || (path.posix.extname(pathname) !== '' && !pathname.endsWith('.html'));
}

/**
 * The name, in lower case, of the file an image (`image`) or a link may name as an asset, whatever
 * the site: the key by which the pages naming a file are found when it comes or goes on disk.
 */
export function assetFileName(target: string, image: boolean): string | undefined {
  if (!image && !namesFile(target)) return undefined;
  const pathname = localPathname(target);
  return pathname === undefined ? undefined : fileNameOf(pathname);
}

function fileNameOf(pathname: string): string | undefined {
  try {
    return path.posix.basename(decodeURIComponent(pathname)).toLowerCase();
  } catch {
    return undefined;
  }
}

function assetTarget(site: Site, documentUri: string, target: string): AssetTarget | undefined {
  if (site.generator !== 'docusaurus' || site.assumed) return undefined;
  const pathname = localPathname(target);
  if (pathname === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const siteFolder = uriPath(site.rootUri);
  let folders: string[];
  let relative = decoded;
  if (decoded.startsWith('@site/')) {
    folders = [siteFolder];
    relative = decoded.slice('@site/'.length);
  } else if (decoded.startsWith('/')) {
    const staticFolders = site.docusaurus.staticFolders;
    if (staticFolders === undefined) return undefined;
    folders = staticFolders.map(uriPath);
  } else {
    folders = [path.posix.dirname(uriPath(documentUri))];
  }
  const paths = folders.map((folder) => path.posix.join(folder, relative));
  // Outside the site's folder lies what the workspace may not hold, and what no page of it should look at.
  if (paths.some((candidate) => candidate !== siteFolder && !candidate.startsWith(`${siteFolder}/`))) return undefined;
  return { candidates: paths.map((candidate) => withPath(site.rootUri, candidate)) };
}

/**
 * The path of a target without a scheme or host, as Docusaurus's `parseLocalURLPath` reads it (a
 * URL resolved against a scheme of its own), before the first `#` and then the first `?`.
 */
function localPathname(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target, 'unspecified://');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'unspecified:' || url.host !== '' || url.username !== '' || url.password !== '') return undefined;
  return target.replace(/[?#].*$/s, '');
}
