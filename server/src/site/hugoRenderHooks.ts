import { templateActionSpans, templateActions } from './hugo';

/**
 * Which links a Hugo link render hook looks up as pages (`.GetPage`), from its template's text: all,
 * only those relative to the page (linkerd's, under `not (strings.HasPrefix $href "/")`), or only
 * those from the root (hextra's, under `hasPrefix $dest "/"`); undefined where it calls no
 * `.GetPage`. Read from the `if` and `else` branches around each call; a condition with `or` is not
 * taken to decide anything.
 */
export function pageLookupsOf(template: string): 'all' | 'relative' | 'absolute' | undefined {
  const scopes = new Set<'all' | 'relative' | 'absolute'>();
  for (const { body, frames } of actionsInBranches(template)) if (body.includes('.GetPage')) scopes.add(scopeIn(frames));
  if (scopes.size === 0) return undefined;
  return scopes.size === 1 ? [...scopes][0] : 'all';
}

/** The `if`, `with`, `range` … an action lies in: the condition of the branch it is in, and those of the branches before it, which do not hold there. */
type Frames = ReadonlyArray<{ word: string; current?: string; previous: string[] }>;

/** Each action of a template (its text between the braces and trim marks), with the branches it lies in, in order. */
function* actionsInBranches(template: string): Generator<{ body: string; frames: Frames }> {
  const frames: Array<{ word: string; current?: string; previous: string[] }> = [];
  for (const action of templateActions(template)) {
    const body = action.slice(2, -2).replace(/^-\s/, '').replace(/\s-$/, '').trim();
    yield { body, frames };
    const word = /^\w+/.exec(body)?.[0];
    if (word === 'if') frames.push({ word, current: body.slice(2), previous: [] });
    else if (word === 'with' || word === 'range' || word === 'define' || word === 'block') frames.push({ word, previous: [] });
    else if (word === 'end') frames.pop();
    else if (word === 'else') {
      const frame = frames[frames.length - 1];
      if (frame === undefined) continue;
      if (frame.current !== undefined) frame.previous.push(frame.current);
      const rest = body.slice(4).trim();
      frame.current = rest.startsWith('if ') ? rest.slice(3) : undefined;
    }
  }
}

/**
 * Whether a hook looks a link up a second time without its final slash where the first finds no
 * page (`or (.GetPage $u.Path) (.GetPage (strings.TrimRight "/" $u.Path))`, the hook Hugo's own
 * documentation publishes): Hugo 0.111's lookup finds no page by a path from the root with one.
 */
export function looksUpWithoutFinalSlash(template: string): boolean {
  // In an action: a comment (`{{/* … */}}`) looks nothing up.
  return templateActions(template).some((action) => /\.GetPage\s*\(\s*strings\.Trim(?:Right|Suffix)\s+"\/"/.test(action));
}

/** A test of whether a text starts with `/`, negated or not: `(not (strings.HasPrefix $href "/"))`, `hasPrefix $dest "/"`. */
const SLASH_TEST = /(not\s*\(\s*)?(?:strings\.)?hasPrefix\s+\S+\s+"\/"/i;

/** What the branches the frames are in say of the links there: from the root, relative, or either. */
function scopeIn(frames: Frames): 'all' | 'relative' | 'absolute' {
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
  // `.Destination`, or a variable given it once and nothing else (hugo-book's `$destination` where its portable links are off).
  const written = ['\\.Destination', ...destinationCopiesOf(template).map((variable) => `\\${variable}(?!\\w)`)].join('|');
  const asIs = new RegExp(`\\b${attribute}\\s*=\\s*(["']?)\\{\\{-?\\s*(?:${written})(?:\\s*\\|\\s*safeURL)?\\s*-?\\}\\}\\1`, 'i');
  const rest = template.replace(asIs, '');
  if (rest === template) return false;
  for (const match of rest.matchAll(/\.Destination\b/g)) {
    if (TEST_OF_TEXT_BEFORE.test(rest.slice(Math.max(0, match.index - 300), match.index))) continue;
    // Given to a variable the hook never writes (velero's and carvel's image hook compute `$link` and write `.Destination`).
    const variable = /^(\$\w+)\s*:?=/.exec(actionBodyAt(rest, match.index) ?? '')?.[1];
    if (variable === undefined || !neverWritten(rest, variable)) return false;
  }
  return true;
}

/** The variables a template gives the destination as it is (`{{ $destination := .Destination }}`) and never another value. */
function destinationCopiesOf(template: string): string[] {
  const bodies = templateActions(template).map(actionBody);
  const copies = bodies.flatMap((body) => /^(\$\w+)\s*:=\s*\$?\.Destination$/.exec(body)?.[1] ?? []);
  return copies.filter((variable) => bodies.filter((body) => new RegExp(`^\\${variable}\\s*:?=`).test(body)).length === 1);
}

/** The text of the action that holds `offset` (between its braces and trim marks), undefined outside one. */
function actionBodyAt(template: string, offset: number): string | undefined {
  const open = template.lastIndexOf('{{', offset);
  const close = template.indexOf('}}', offset);
  if (open === -1 || close === -1 || template.lastIndexOf('}}', offset) > open) return undefined;
  return actionBody(template.slice(open, close + 2));
}

/** An action's text between its braces, without its trim marks (`{{- $v := x -}}` → `$v := x`). */
function actionBody(action: string): string {
  return action.slice(2, -2).replace(/^-\s/, '').replace(/\s-$/, '').trim();
}

/** Whether a variable of a template is only given values and tested (`{{ $v := … }}`, `{{ $v = … }}`, `{{ if … $v … }}`), never written out nor handed on. */
function neverWritten(template: string, variable: string): boolean {
  const mention = new RegExp(`\\${variable}(?!\\w)`);
  const given = new RegExp(`^\\${variable}\\s*:?=`);
  return templateActions(template).every((action) => {
    const body = actionBody(action);
    return !mention.test(body) || given.test(body) || /^(?:if|else\s+if)\s/.test(body);
  });
}

/** A test that a text is a word: `eq $u.String "g"`, `eq "g" .Destination`, in parentheses or not; the text and the word. */
const EQUALS_WORD = /^\(?\s*eq\s+(?:(\$?[\w.]+)\s+"((?:[^"\\]|\\.)*)"|"((?:[^"\\]|\\.)*)"\s+(\$?[\w.]+))\s*\)?$/;

/**
 * The destinations a link render hook sets aside before it looks links up as pages: those an `if`
 * tests for one by one (`{{ if eq $u.String "g" }}`, Hugo's own documentation's links to its
 * glossary, `[term](g)`) in a branch before every `.GetPage` of the hook's. The hook writes those
 * links its own way, which only running it tells: they are no links to judge. Empty where it sets
 * none aside or looks up no page.
 */
export function destinationsSetAsideOf(template: string): string[] {
  return setAsideOf(template, (name) => name.replace(/\.(?:String|Path)$/, ''));
}

/**
 * The paths a link render hook sets aside as `destinationsSetAsideOf` tells, where it tests the
 * destination's path (`{{ if eq $u.Path "g" }}`): it sets aside that destination with any fragment
 * or query too (`[term](g#x)`).
 */
export function destinationPathsSetAsideOf(template: string): string[] {
  return setAsideOf(template, (name) => (/\.Path$/.test(name) ? name.slice(0, -'.Path'.length) : undefined));
}

/** The words tested before every `.GetPage` of a hook's on what `tested` tells holds the destination (undefined: nothing). */
function setAsideOf(template: string, tested: (name: string) => string | undefined): string[] {
  // The names that hold the destination: `.Destination`, and variables set from it (`$u := urls.Parse .Destination`).
  const destinations = new Set(['.Destination', '$.Destination']);
  let setAside: Set<string> | undefined;
  for (const { body, frames } of actionsInBranches(template)) {
    const assignment = /^\$(\w+)\s*:?=\s*(.*)$/s.exec(body);
    if (assignment !== null && /(?:^|[\s(])\$?\.Destination\b/.test(assignment[2])) destinations.add(`$${assignment[1]}`);
    // A partial the hook defines looks up what its caller hands it (Hugo's documentation: its glossary's page): not the destination.
    if (!body.includes('.GetPage') || frames.some((frame) => frame.word === 'define')) continue;
    const here = new Set<string>();
    for (const condition of frames.flatMap((frame) => frame.previous)) {
      const test = EQUALS_WORD.exec(condition.trim());
      const name = test?.[1] ?? test?.[4];
      const word = test?.[2] ?? test?.[3];
      if (name !== undefined && word !== undefined && destinations.has(tested(name) ?? '')) here.add(word.replace(/\\(.)/g, '$1'));
    }
    setAside = setAside === undefined ? here : new Set([...setAside].filter((word) => here.has(word)));
  }
  return [...(setAside ?? [])];
}

/** A test of a site parameter as an `if` reads it, negated or not: `.Page.Site.Params.BookPortableLinks`, `site.Params.x`. */
const SITE_PARAM_TEST = /^(not\s+)?\(?\s*(?:\$?\.Page\.Site|\$?\.Site|site)\.Params\.([A-Za-z_]\w*)\s*\)?$/;

/**
 * A template with its branches on site parameters taken as the site's configuration sets them
 * (hugo-book's link hook: `{{ if .Page.Site.Params.BookPortableLinks }}` looks links up as pages,
 * its `else` writes them as they are): the branches Hugo does not take left out, and the `define`s
 * no `template` calls then. `truthOf` says whether a parameter (by its name in lower case, as Hugo
 * reads them in any case) holds what Go's templates take for true in every language of the site,
 * false where in none; undefined where the languages differ, whose branches all stay.
 */
export function withSiteParams(template: string, truthOf: (name: string) => boolean | undefined): string {
  type Frame = { resolved: false } | { resolved: true; taking: boolean; taken: boolean };
  const frames: Frame[] = [];
  const keeping = (below = frames.length) => frames.slice(0, below).every((frame) => !frame.resolved || frame.taking);
  const resolve = (condition: string): boolean | undefined => {
    const test = SITE_PARAM_TEST.exec(condition.trim());
    const truth = test === null ? undefined : truthOf(test[2].toLowerCase());
    return truth === undefined ? undefined : truth !== (test![1] !== undefined);
  };
  let kept = '';
  let from = 0;
  for (const { start, end } of templateActionSpans(template)) {
    if (keeping()) kept += template.slice(from, start);
    from = end;
    const action = template.slice(start, end);
    const body = actionBody(action);
    const word = /^\w+/.exec(body)?.[0];
    const frame = frames[frames.length - 1];
    if (word === 'if') {
      const truth = resolve(body.slice(2));
      if (truth === undefined && keeping()) kept += action;
      frames.push(truth === undefined ? { resolved: false } : { resolved: true, taking: truth, taken: truth });
    } else if (word === 'else' && frame?.resolved) {
      const rest = body.slice(4).trim();
      if (frame.taken) frame.taking = false;
      else if (!rest.startsWith('if ')) frame.taking = frame.taken = true;
      else {
        const truth = resolve(rest.slice(3));
        if (truth !== undefined) frame.taking = frame.taken = truth;
        else {
          // The first branch left that Hugo may take: an `if` of its own from here on.
          if (keeping(frames.length - 1)) kept += action.replace(/\belse\s+if\b/, 'if');
          frames[frames.length - 1] = { resolved: false };
        }
      }
    } else if (word === 'end') {
      if (frame?.resolved !== true && keeping()) kept += action;
      frames.pop();
    } else {
      if (keeping()) kept += action;
      if (word === 'with' || word === 'range' || word === 'define' || word === 'block') frames.push({ resolved: false });
    }
  }
  if (keeping()) kept += template.slice(from);
  return kept === template ? template : withoutUncalledDefines(kept);
}

/** A template without the `define`s that nothing in it calls with `template` (or overrides a `block` of). */
function withoutUncalledDefines(template: string): string {
  const defines: Array<{ name: string; start: number; end: number }> = [];
  const open: Array<{ name?: string; start: number }> = [];
  for (const { start, end } of templateActionSpans(template)) {
    const body = actionBody(template.slice(start, end));
    const word = /^\w+/.exec(body)?.[0];
    if (word === 'if' || word === 'with' || word === 'range' || word === 'block') open.push({ start });
    else if (word === 'define') open.push({ name: /^define\s+"([^"]*)"/.exec(body)?.[1] ?? '', start });
    else if (word === 'end') {
      const block = open.pop();
      if (block?.name !== undefined && open.length === 0) defines.push({ name: block.name, start: block.start, end });
    }
  }
  let result = template;
  for (const define of defines.reverse()) {
    const others = template.slice(0, define.start) + template.slice(define.end);
    const called = templateActions(others).some((action) => {
      const body = actionBody(action);
      return (/^(?:template|block)\s+"([^"]*)"/.exec(body)?.[1] ?? undefined) === define.name;
    });
    if (!called) result = result.slice(0, define.start) + result.slice(define.end);
  }
  return result;
}

/**
 * The ends a link hook trims off the path before it looks it up, in its order: `{{ $path :=
 * strings.TrimSuffix "/_index.md" $url.Path }}`, `{{ $path = strings.TrimSuffix ".md" $path }}`
 * (hugo-book's), so that `_index.md` beside a section's own file looks up `_index`, which is no page.
 */
export function lookupSuffixesTrimmedOf(template: string): string[] {
  return templateActions(template).flatMap((action) => {
    const trim = /^\$\w+\s*:?=\s*strings\.TrimSuffix\s+"((?:[^"\\]|\\.)+)"\s+\$\w+(?:\.Path)?$/.exec(actionBody(action));
    return trim === null ? [] : [trim[1].replace(/\\(.)/g, '$1')];
  });
}
