import * as path from 'node:path';
import { uriPath, withPath } from '../common/uris';
import type { PathKind } from '../common/paths';
import type { Site } from './site';
import { markdownDestination } from '../parsing/markdown';

/**
 * What Docusaurus makes of the target of a Markdown image, or of a link to a file that is no page
 * (`./files/Preisliste.pdf`), as its MDX loader does. The path, its `?query` and `#hash` cut off
 * and percent-decoded, is looked for from the site's folder (`@site/…`), in each static folder
 * (`/img/x.png`) or from the folder of the file that holds it (anything else):
 * - `file`: the URIs the file may be at, in the order they are looked at; any one found will do;
 * - `empty`: an image without a target (`![Logo]()`), which Docusaurus reports as broken;
 * - `undecodable`: a `%` that starts no escape (`100%.png`), on which the page fails to compile.
 */
export type AssetTarget = { kind: 'file'; candidates: string[] } | { kind: 'empty' } | { kind: 'undecodable' };

/**
 * What an image's target names; undefined where Docusaurus looks for no file (a URL with a scheme
 * or host, `pathname://`, an address no URL parser reads: `invalid-mdx` speaks of that), and where
 * the file would lie outside the site's folder or the site's static folders are not known.
 */
export function imageTarget(site: Site, documentUri: string, target: string): AssetTarget | undefined {
  return target === '' ? { kind: 'empty' } : assetTarget(site, documentUri, target);
}

/**
 * What a link names, where Docusaurus takes it for a file (`linkKindOf` is `file`); undefined as
 * for `imageTarget`, and for any other link.
 */
export function linkedFileTarget(site: Site, documentUri: string, target: string): AssetTarget | undefined {
  return linkKindOf(target) === 'file' ? assetTarget(site, documentUri, target) : undefined;
}

/**
 * How Docusaurus takes an inline link: for a file where its path starts with `@site/` or ends in
 * an extension other than `.md`, `.mdx` and `.html`; for a page written as a file (`.html`,
 * looked for among the routes only); else as a Markdown file link or a route (`other`, see
 * `termLinks.ts`). Cheap, as every link of every page is asked.
 */
export function linkKindOf(target: string): 'file' | 'html' | 'other' {
  // Most links name a Markdown file or a route: told without building a string.
  if (MARKDOWN_OR_ROUTE.test(target)) return 'other';
  const pathname = target.replace(/[?#].*$/s, '');
  if (/\.mdx?$/i.test(pathname)) return 'other';
  if (pathname.startsWith('@site/')) return 'file';
  if (pathname.endsWith('.html')) return 'html';
  return path.posix.extname(pathname) !== '' ? 'file' : 'other';
}

/** File types pages commonly show or link to: a path ending in one names a file, never a page (`/blog/release-2.1` may be one). */
export const COMMON_FILE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'heic', 'jfif', 'pdf', 'zip', 'gz', 'tgz', 'csv', 'txt', 'json', 'xml', 'yaml', 'yml', 'mp3', 'mp4', 'mov', 'webm', 'ogg', 'wav', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'drawio'];
const COMMON_FILE_TYPE = new RegExp(`\\.(?:${COMMON_FILE_EXTENSIONS.join('|')})(?:[?#]|$)`, 'i');

/** Whether a target's path ends in a common file type's extension. */
export function namesCommonFileType(target: string): boolean {
  return COMMON_FILE_TYPE.test(target.replace(/[?#].*$/s, '').replace(/\/+$/, ''));
}

/** A path ending in `.md`/`.mdx`, or with no dot at all, and not `@site/…`, before any `?` or `#`. */
const MARKDOWN_OR_ROUTE = /^(?!@site\/)(?:[^?#]*\.mdx?|[^.?#]*)(?:[?#]|$)/i;

/** Whether a target is a path on the site, without a scheme or host (`https://…`, `//cdn…`, `pathname://…`). */
export function isSitePath(target: string): boolean {
  return localPathname(target) !== undefined;
}

/**
 * The name, in lower case, of the file an image (`image`) or a link may name, whatever the site:
 * the key by which the pages naming a file are found when it comes or goes on disk.
 */
export function assetFileName(written: string, image: boolean): string | undefined {
  if (!image && linkKindOf(written) !== 'file') return undefined;
  const target = markdownDestination(written);
  const pathname = target === undefined ? undefined : localPathname(target);
  const decoded = pathname === undefined ? undefined : decodedPath(pathname);
  return decoded === undefined ? undefined : path.posix.basename(decoded).toLowerCase();
}

function assetTarget(site: Site, documentUri: string, written: string): AssetTarget | undefined {
  if (site.generator !== 'docusaurus' || site.assumed) return undefined;
  const target = markdownDestination(written);
  if (target === undefined) return undefined;
  const pathname = localPathname(target);
  if (pathname === undefined) return undefined;
  const decoded = decodedPath(pathname);
  if (decoded === undefined) return { kind: 'undecodable' };
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
  return { kind: 'file', candidates: paths.map((candidate) => withPath(site.rootUri, candidate)) };
}

function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
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

/** The extensions webpack tries after a module's path, in order, as Docusaurus configures it (`resolve.extensions`). */
export const MODULE_EXTENSIONS: readonly string[] = ['.wasm', '.mjs', '.js', '.jsx', '.ts', '.tsx', '.json'];

/**
 * What webpack makes of a module a page asks for (`import … from './_teil.md'`, `require('./x.png')`),
 * as Docusaurus configures it, looking at disk with `whatIsAt`:
 * - `found`: a file at the path, or at the path with one of `MODULE_EXTENSIONS`, or a folder with
 *   an `index` of one of them, or a folder that is a package (its `package.json` says what it holds);
 * - `missing`: none of these: "Module not found", and the build fails. `places` are the paths
 *   looked at, `near` a Markdown file the path names without its extension (`./_teil` for `_teil.md`),
 *   which webpack does not try;
 * - undefined where webpack looks elsewhere than at the site's files: a package or an alias
 *   (`react`, `@theme/Tabs`), a path outside the site's folder, an absolute path where the static
 *   folders are not known; and where disk cannot be looked at.
 * The path is relative to the page (`./`, `../`), to the site (`@site/`), or to each static folder,
 * then the site, then the root of the disk (`/img/logo.png`: webpack's `resolve.roots`, then the
 * path as it is); a `?query` is cut off, and a `#fragment` where the path with it finds nothing
 * (`./c#/teil.md` names a folder `c#`); nothing is decoded.
 */
export function moduleTarget(site: Site, documentUri: string, request: string, whatIsAt: (uri: string) => PathKind | undefined): { kind: 'found' } | { kind: 'missing'; places: string[]; near?: string } | undefined {
  if (site.generator !== 'docusaurus' || site.assumed) return undefined;
  // Inline loaders (`!!raw-loader!./x.go`, `!!./x.ts?raw`): the module is the path after the last `!`.
  const resource = request.slice(request.lastIndexOf('!') + 1);
  const withoutQuery = resource.replace(/(?!^)\?.*$/s, '');
  const withoutFragment = withoutQuery.replace(/(?!^)#.*$/s, '');
  let missing: { kind: 'missing'; places: string[]; near?: string } | undefined;
  for (const pathname of withoutFragment === withoutQuery ? [withoutQuery] : [withoutQuery, withoutFragment]) {
    const target = pathTarget(site, documentUri, pathname, whatIsAt);
    if (target?.kind !== 'missing') return target;
    missing ??= target;
  }
  return missing && { ...missing, ...(missing.near === undefined ? {} : { near: request.replace(/^[^?#]*/, (written) => written + missing!.near) }) };
}

function pathTarget(site: Extract<Site, { generator: 'docusaurus' }>, documentUri: string, pathname: string, whatIsAt: (uri: string) => PathKind | undefined): { kind: 'found' } | { kind: 'missing'; places: string[]; near?: string } | undefined {
  const siteFolder = uriPath(site.rootUri);
  let bases: string[];
  // The path as it is, last for an absolute one: anywhere on disk, as webpack looks.
  let asItIs: string | undefined;
  if (/^\.\.?(?:\/|$)/.test(pathname)) bases = [path.posix.join(path.posix.dirname(uriPath(documentUri)), pathname)];
  else if (pathname === '@site' || pathname.startsWith('@site/')) bases = [path.posix.join(siteFolder, pathname.slice('@site'.length))];
  else if (pathname.startsWith('/')) {
    const staticFolders = site.docusaurus.staticFolders;
    if (staticFolders === undefined) return undefined;
    bases = [...staticFolders.map((folder) => path.posix.join(uriPath(folder), pathname)), path.posix.join(siteFolder, pathname)];
    asItIs = path.posix.normalize(pathname);
  } else return undefined;
  const inSite = (candidate: string) => candidate === siteFolder || candidate.startsWith(`${siteFolder}/`);
  if (!bases.every(inSite)) return undefined;
  const folderOnly = pathname.endsWith('/');
  const kindAt = (candidate: string) => whatIsAt(withPath(site.rootUri, candidate));
  for (const base of asItIs === undefined ? bases : [...bases, asItIs]) {
    const files = folderOnly ? [] : [base, ...MODULE_EXTENSIONS.map((extension) => base + extension)];
    const inFolder = ['package.json', ...MODULE_EXTENSIONS.map((extension) => `index${extension}`)].map((name) => path.posix.join(base, name));
    for (const candidate of [...files, ...inFolder]) {
      const kind = kindAt(candidate);
      if (kind === undefined) return undefined;
      if (kind === 'file') return { kind: 'found' };
    }
  }
  const near = folderOnly || path.posix.extname(bases[0]) !== '' ? undefined : ['.md', '.mdx'].find((extension) => kindAt(bases[0] + extension) === 'file');
  return { kind: 'missing', places: bases.map((base) => withPath(site.rootUri, base)), ...(near === undefined ? {} : { near }) };
}
