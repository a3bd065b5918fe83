import * as path from 'node:path';
import { URI, Utils } from 'vscode-uri';

/** Parsed URIs are immutable and parsing is costly: the most recent ones are kept, a bounded number. */
const MAX_PARSED_URIS = 20_000;
let parsedUris = new Map<string, URI>();

function parse(uri: string): URI {
  let parsed = parsedUris.get(uri);
  if (parsed === undefined) {
    if (parsedUris.size >= MAX_PARSED_URIS) parsedUris = new Map();
    parsed = URI.parse(uri);
    parsedUris.set(uri, parsed);
  }
  return parsed;
}

/**
 * URIs are the index's keys. Editors spell the same file differently (`%C3%A4` or `ä`, drive letter
 * case), so every URI is brought to one spelling before it is stored or looked up.
 */
export function canonicalUri(uri: string): string {
  return parse(uri).toString();
}

/** The decoded path of a URI: `/docs/Wert schöpfung.md`. */
export function uriPath(uri: string): string {
  return parse(uri).path;
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function uriToFsPath(uri: string): string {
  return parse(uri).fsPath;
}

/** The URI with another (decoded) path: same scheme and authority. */
export function withPath(uri: string, path: string): string {
  return parse(uri).with({ path }).toString();
}

export function parentUri(uri: string): string {
  return Utils.dirname(parse(uri)).toString();
}

/** The file name without `.md`/`.mdx`, decoded: `Wertsch%C3%B6pfung.md` -> `Wertschöpfung`. */
export function fileStem(uri: string): string {
  return Utils.basename(parse(uri)).replace(/\.mdx?$/i, '');
}

export function isMarkdownPath(pathOrUri: string): boolean {
  return /\.mdx?$/i.test(pathOrUri);
}

/** The ancestors of a document's folder, nearest first, ending at the URI's root. */
export function* ancestorFolders(uri: string): Generator<string> {
  let current = parse(uri);
  for (;;) {
    const parent = Utils.dirname(current);
    if (parent.path === current.path) return;
    yield parent.toString();
    current = parent;
  }
}

/** The path from one document's folder to another file: `../Outsourcing.md`. */
export function relativePath(fromDocumentUri: string, toUri: string): string {
  return path.posix.relative(path.posix.dirname(parse(fromDocumentUri).path), parse(toUri).path);
}

/**
 * A path or site route written as a Markdown link target, percent-encoded where a character would
 * change the link: `#` and `?` start an anchor or a query, `%` an escape; blanks, control
 * characters, `<>()[]`, backticks, `|` and `\` end the target, the link or a table cell early. Other
 * characters (umlauts) stay readable. A first segment that would read as a URL scheme (`a:b.md`)
 * gets a `./`.
 */
export function asLinkTarget(filePath: string): string {
  // Most paths need nothing encoded; completion writes one for each of up to 200 items a keystroke.
  const target = PLAIN_TARGET.test(filePath) ? filePath : wellFormed(filePath).replace(LINK_TARGET_SPECIAL, percentEncoded);
  return /^[a-z][a-z0-9+.-]*:/i.test(target) ? `./${target}` : target;
}

const LINK_TARGET_SPECIAL = /[\s\p{Cc}%#?<>()[\]`|\\]/gu;

/** A character as `%XX` bytes: `encodeURIComponent` leaves `(` and `)`, and one unbalanced ends a Markdown link's target. */
function percentEncoded(character: string): string {
  return encodeURIComponent(character).replace(/[()]/g, (parenthesis) => `%${parenthesis.charCodeAt(0).toString(16).toUpperCase()}`);
}
const PLAIN_TARGET = /^[\w./:+-]*$/;

/** A site route with its last segment, the id, replaced: trailing slash, query and anchor stay. */
export function withRouteId(route: string, id: string): string {
  const suffix = route.match(/[?#].*$/s)?.[0] ?? '';
  const routePath = route.slice(0, route.length - suffix.length);
  const slash = routePath.endsWith('/') ? '/' : '';
  const folder = routePath.slice(0, routePath.length - slash.length).replace(/[^/]*$/, '');
  return folder + asLinkTarget(id) + slash + suffix;
}

/** A canonical URI with its path composed (see `composed` in text.ts): the key under which both spellings of a file meet. */
export function composedUri(uri: string): string {
  // Canonical URIs escape what is beyond ASCII as bytes from %80 up.
  if (!/%[89a-f]|[^\x00-\x7f]/i.test(uri) || isComposedWhenDecoded(uri)) return uri;
  const parsed = parse(uri);
  const composedPath = parsed.path.normalize('NFC');
  return composedPath === parsed.path ? uri : parsed.with({ path: composedPath }).toString();
}

/** Whether a URI, decoded whole, is in NFC, and so its path too: most are, and need not be parsed to tell. */
function isComposedWhenDecoded(uri: string): boolean {
  try {
    const decoded = decodeURIComponent(uri);
    return decoded.normalize('NFC') === decoded;
  } catch {
    return false;
  }
}

/**
 * Resolves a relative Markdown link target (`../x.md#part`) against the document it is written in.
 * Returns undefined for targets that are not relative file paths (URLs, site routes, anchors only).
 */
export function resolveRelativeLink(fromDocumentUri: string, target: string): string | undefined {
  const withoutFragment = target.replace(/[?#].*$/, '');
  if (withoutFragment === '' || withoutFragment.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(withoutFragment)) {
    return undefined;
  }
  // Most targets are plain paths: joined as strings and encoded segment by segment as vscode-uri
  // would, they need no parsing. Characters the two encoders treat differently take the slow path.
  if (SIMPLE_PATH.test(withoutFragment) && fromDocumentUri.startsWith('file:///')) {
    const folder = fromDocumentUri.slice('file://'.length, fromDocumentUri.lastIndexOf('/'));
    const encoded = withoutFragment.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodePathSegment(segment)));
    return `file://${path.posix.normalize(`${folder}/${encoded.join('/')}`)}`;
  }
  const from = parse(fromDocumentUri);
  const resolved = path.posix.resolve(path.posix.dirname(from.path), wellFormed(safeDecode(withoutFragment)));
  return from.with({ path: resolved }).toString();
}

/** Paths whose segments encodeURIComponent encodes exactly as vscode-uri does. */
const SIMPLE_PATH = /^[^%\\:!'()*]+$/;

/** The decoded segments of a site route such as `/docs/Glossar/X/`; undefined for anything else. */
export function routeSegments(target: string): string[] | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  return target
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeDecode);
}

/** The folder of a route given as segments: `['docs', 'Glossar', 'X']` -> `/docs/Glossar/`. */
export function routeFolder(segments: string[]): string {
  return `/${segments.slice(0, -1).map((segment) => `${segment}/`).join('')}`;
}

/** A file-name segment for a URI. Lone surrogates, which no encoder accepts, become U+FFFD. */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate (from a broken file or a cut in a pair) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Decodes percent escapes, leaving malformed ones as they are. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
