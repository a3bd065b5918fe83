import { templateActions } from './hugo';

/**
 * Which links a Hugo link render hook looks up as pages (`.GetPage`), from its template's text: all,
 * only those relative to the page (linkerd's, under `not (strings.HasPrefix $href "/")`), or only
 * those from the root (hextra's, under `hasPrefix $dest "/"`); undefined where it calls no
 * `.GetPage`. Read from the `if` and `else` branches around each call; a condition with `or` is not
 * taken to decide anything.
 */
export function pageLookupsOf(template: string): 'all' | 'relative' | 'absolute' | undefined {
  const frames: Array<{ current?: string; previous: string[] }> = [];
  const scopes = new Set<'all' | 'relative' | 'absolute'>();
  for (const action of templateActions(template)) {
    const body = action.slice(2, -2).replace(/^-\s/, '').replace(/\s-$/, '').trim();
    if (body.includes('.GetPage')) scopes.add(scopeIn(frames));
    const word = /^\w+/.exec(body)?.[0];
    if (word === 'if') frames.push({ current: body.slice(2), previous: [] });
    else if (word === 'with' || word === 'range' || word === 'define' || word === 'block') frames.push({ previous: [] });
    else if (word === 'end') frames.pop();
    else if (word === 'else') {
      const frame = frames[frames.length - 1];
      if (frame === undefined) continue;
      if (frame.current !== undefined) frame.previous.push(frame.current);
      const rest = body.slice(4).trim();
      frame.current = rest.startsWith('if ') ? rest.slice(3) : undefined;
    }
  }
  if (scopes.size === 0) return undefined;
  return scopes.size === 1 ? [...scopes][0] : 'all';
}

/** A test of whether a text starts with `/`, negated or not: `(not (strings.HasPrefix $href "/"))`, `hasPrefix $dest "/"`. */
const SLASH_TEST = /(not\s*\(\s*)?(?:strings\.)?hasPrefix\s+\S+\s+"\/"/i;

/** What the branches the frames are in say of the links there: from the root, relative, or either. */
function scopeIn(frames: ReadonlyArray<{ current?: string; previous: string[] }>): 'all' | 'relative' | 'absolute' {
  const said = new Set<'relative' | 'absolute'>();
  for (const frame of frames) {
    // The branch's own condition holds; those of the branches before it do not.
    for (const [condition, holds] of [[frame.current, true], ...frame.previous.map((previous) => [previous, false] as const)] as const) {
      const test = condition === undefined || /\bor\b/.test(condition) ? null : SLASH_TEST.exec(condition);
      if (test === null) continue;
      const fromRoot = (test[1] === undefined) === holds;
      said.add(fromRoot ? 'absolute' : 'relative');
    }
  }
  return said.size === 1 ? [...said][0] : 'all';
}

/** A test of the destination's text (`hasPrefix .Destination "http"`, `findRE "…" .Destination`), right before it: it picks attributes, never the URL. */
const TEST_OF_TEXT_BEFORE = /(?:(?:strings\.)?(?:hasPrefix|hasSuffix|HasPrefix|HasSuffix|Contains)|findRE\s+(?:"(?:[^"\\]|\\.)*"|`[^`]*`))\s+$/;

/**
 * Whether a render hook writes the destination as it is, as Hugo does without a hook: its one
 * `href` (a link hook's) or `src` (an image hook's) is `{{ .Destination }}`, with `| safeURL` or
 * without, and the destination is read nowhere else but in tests of its text (falco's and
 * hugo-geekdoc's image hooks, grpc.io's link hook, which adds `target="_blank"` to external links).
 */
export function writesDestinationAsIs(template: string, kind: 'link' | 'image'): boolean {
  const attribute = kind === 'link' ? 'href' : 'src';
  if ((template.match(new RegExp(`\\b${attribute}\\s*=`, 'gi')) ?? []).length !== 1) return false;
  const asIs = new RegExp(`\\b${attribute}\\s*=\\s*(["']?)\\{\\{-?\\s*\\.Destination(?:\\s*\\|\\s*safeURL)?\\s*-?\\}\\}\\1`, 'i');
  const rest = template.replace(asIs, '');
  if (rest === template) return false;
  for (const match of rest.matchAll(/\.Destination\b/g)) if (!TEST_OF_TEXT_BEFORE.test(rest.slice(Math.max(0, match.index - 300), match.index))) return false;
  return true;
}
