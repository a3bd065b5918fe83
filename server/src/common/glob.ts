/**
 * Glob matching for the `include` and `exclude` settings, which come from the repository's own
 * configuration and so are hostile input. A regular expression compiled from a glob backtracks:
 * `*a*a*a…*b` against a name of 30 "a"s takes seconds to minutes, for every file of the walk. Here a glob is
 * matched by simulating all its positions at once, in time proportional to the length of the path
 * times the length of the glob, whatever the glob.
 *
 * Supported: `**` as zero or more whole path segments, `*` and `?` within a segment, classes `[abc]`,
 * `[a-z]`, `[!a-z]` (or `[^a-z]`), `\` to escape, braces `{a,b}` (nested; at most
 * MAX_ALTERNATIVES spellings, the rest left out; literal in a glob of more than MAX_BRACES) and `!glob` to exclude again what
 * an earlier glob took in. By default case is ignored and `*` matches names starting with a dot, as
 * VS Code's settings do; `GlobOptions` match as fast-glob does for a generator (Docusaurus).
 */

/**
 * Whether a path matches a list of globs: the last glob that matches it decides, `!glob` meaning no.
 * A folder also matches a glob that takes in everything below it ("x/**" matches the folder "x"), so
 * a walk can leave an excluded folder out without listing it; a file does not.
 */
export type PathMatcher = (relativePath: string, isFolder?: boolean) => boolean;

const MAX_ALTERNATIVES = 256;
/** A glob with more braces than this keeps them all literal, so expanding them cannot recurse deeply. */
const MAX_BRACES = 32;

/** How a list of globs reads paths: fast-glob's `caseSensitiveMatch` and `dot`. */
export interface GlobOptions {
  /** Names in another case do not match. */
  caseSensitive?: boolean;
  /** False: a name starting with a dot is matched only by a glob segment that starts with a dot. */
  dot?: boolean;
}

type Token = { kind: 'literal'; character: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };

/** A segment is `**` (`visibleGlobstar`: over no name starting with a dot) or a test of one path segment. */
type Segment = 'globstar' | 'visibleGlobstar' | ((segment: string) => boolean);

const isGlobstar = (segment: Segment | undefined) => segment === 'globstar' || segment === 'visibleGlobstar';

interface CompiledGlob {
  negated: boolean;
  /** The characters of all its spellings. */
  length: number;
  /** One list of segments per spelling of its braces. */
  spellings: Segment[][];
  /** The same for files: a last `**` stands for one segment or more. */
  fileSpellings: Segment[][];
}

/**
 * The characters of glob spellings (braces expanded) one list may hold: a path is matched against
 * every spelling in time its length times the spelling's, so this bounds the work per path. Real
 * lists hold a few dozen short globs; a hostile one of 256 long spellings took minutes per walk.
 */
export const MAX_GLOB_CHARACTERS = 2_048;

/** A matcher for a list of globs; the globs past the list's budget of work are left out and passed to `refused`. */
export function compileGlobs(globs: readonly string[], refused: (glob: string) => void = () => undefined, options: GlobOptions = {}): PathMatcher {
  const caseSensitive = options.caseSensitive ?? false;
  const dot = options.dot ?? true;
  const compiled: CompiledGlob[] = [];
  let characters = 0;
  for (const glob of globs) {
    // Refused before its braces are expanded: a long glob would be copied hundreds of times.
    if (characters + glob.length > MAX_GLOB_CHARACTERS) {
      refused(glob);
      continue;
    }
    const candidate = compileGlob(glob, caseSensitive, dot);
    characters += candidate.length;
    if (characters > MAX_GLOB_CHARACTERS) refused(glob);
    else compiled.push(candidate);
  }
  if (compiled.length === 0) return () => false;
  return (relativePath, isFolder = false) => {
    const segments = (caseSensitive ? relativePath : relativePath.toLowerCase()).split('/');
    let matched = false;
    for (const glob of compiled) {
      if (matched !== glob.negated) continue; // It could not change the answer.
      for (const spelling of isFolder ? glob.spellings : glob.fileSpellings) {
        if (matchesSegments(spelling, segments)) {
          matched = !glob.negated;
          break;
        }
      }
    }
    return matched;
  };
}

function compileGlob(glob: string, caseSensitive: boolean, dot: boolean): CompiledGlob {
  const negated = glob.startsWith('!');
  const body = (negated ? glob.slice(1) : glob).replace(/^(?:\.\/)+/, '');
  const braces = body.split('{').length - 1;
  const expanded = braces > MAX_BRACES ? [body.replaceAll('{', '\\{')] : expandBraces(body);
  const spellings = expanded.map((spelling) =>
    spelling
      .split('/')
      // "**/**" says no more than "**".
      .filter((segment, index, segments) => segment !== '**' || segments[index - 1] !== '**')
      .map((segment): Segment => (segment === '**' ? (dot ? 'globstar' : 'visibleGlobstar') : segmentTest(tokenize(caseSensitive ? segment : segment.toLowerCase()), caseSensitive, dot))),
  );
  const fileSpellings = spellings.map((segments) => (isGlobstar(segments[segments.length - 1]) ? [...segments, segmentTest([{ kind: 'star' }], caseSensitive, dot)] : segments));
  return { negated, spellings, fileSpellings, length: expanded.reduce((sum, spelling) => sum + spelling.length, 0) };
}

/** The spellings of a glob with its braces expanded, first alternative first; at most MAX_ALTERNATIVES. */
export function expandBraces(glob: string): string[] {
  const open = findUnescaped(glob, '{', 0);
  if (open < 0) return [glob];
  const alternatives: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let at = open + 1; at < glob.length; at++) {
    const character = glob[at];
    if (character === '\\') at++;
    else if (character === '{') depth++;
    else if (character === '}' && depth > 0) depth--;
    else if (character === ',' && depth === 0) {
      alternatives.push(glob.slice(start, at));
      start = at + 1;
    } else if (character === '}') {
      alternatives.push(glob.slice(start, at));
      // A brace without a comma is literal, as in the shell.
      if (alternatives.length === 1) return expandBraces(glob.slice(open + 1)).map((rest) => `${glob.slice(0, open)}\\{${rest}`);
      const prefix = glob.slice(0, open);
      const spellings: string[] = [];
      for (const rest of expandBraces(glob.slice(at + 1))) {
        for (const alternative of alternatives) {
          for (const inner of expandBraces(alternative)) {
            if (spellings.length >= MAX_ALTERNATIVES) return spellings;
            spellings.push(prefix + inner + rest);
          }
        }
      }
      return spellings;
    }
  }
  return [glob]; // Unclosed: literal.
}

function findUnescaped(text: string, character: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === character) return at;
  }
  return -1;
}

/** The tokens of a glob segment; with `superstars`, `**` is one token of its own (Go's globs), else a star. */
function tokenize(segment: string): Token[];
function tokenize(segment: string, superstars: true): GoToken[];
function tokenize(segment: string, superstars = false): GoToken[] {
  const tokens: GoToken[] = [];
  // After a "[" that no "]" closes, none can close a later one: each is literal without a look.
  let unclosed = false;
  for (let at = 0; at < segment.length; at++) {
    const character = segment[at];
    if (character === '\\' && at + 1 < segment.length) tokens.push({ kind: 'literal', character: segment[++at] });
    else if (character === '?') tokens.push({ kind: 'any' });
    else if (character === '*') {
      const superstar = superstars && segment[at + 1] === '*';
      while (segment[at + 1] === '*') at++;
      const last = tokens[tokens.length - 1]?.kind;
      if (superstar && last === 'star') tokens[tokens.length - 1] = { kind: 'superstar' };
      else if (last !== 'star' && last !== 'superstar') tokens.push({ kind: superstar ? 'superstar' : 'star' });
    } else if (character === '[' && !unclosed) {
      const parsed = parseClass(segment, at);
      unclosed = parsed === undefined;
      if (parsed === undefined) tokens.push({ kind: 'literal', character });
      else {
        tokens.push(parsed.token);
        at = parsed.end;
      }
    } else tokens.push({ kind: 'literal', character });
  }
  return tokens;
}

/** A class starting at `[`, and the offset of its `]`; undefined when it is not closed (then `[` is literal). */
function parseClass(segment: string, open: number): { token: Token; end: number } | undefined {
  let at = open + 1;
  const negated = segment[at] === '!' || segment[at] === '^';
  if (negated) at++;
  const ranges: Array<[string, string]> = [];
  for (let first = true; at < segment.length; first = false, at++) {
    let character = segment[at];
    if (character === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: at };
    if (character === '\\' && at + 1 < segment.length) character = segment[++at];
    if (segment[at + 1] === '-' && at + 2 < segment.length && segment[at + 2] !== ']') {
      let last = segment[at + 2];
      at += 2;
      if (last === '\\' && at + 1 < segment.length) last = segment[++at];
      ranges.push([character, last]);
    } else ranges.push([character, character]);
  }
  return undefined;
}

/**
 * Whether path segments match the segments of a glob: the glob positions reachable after each path
 * segment, each once, so no choice is ever tried twice.
 */
function matchesSegments(glob: Segment[], path: string[]): boolean {
  // "**/x/y", the usual shape: the path ends in segments matching x and y (and those before them are no dot names, where `**` does not take them).
  if (isGlobstar(glob[0]) && !glob.slice(1).some(isGlobstar)) {
    const offset = path.length - glob.length + 1;
    if (offset < 0 || (glob[0] === 'visibleGlobstar' && path.slice(0, offset).some((segment) => segment.startsWith('.')))) return false;
    return glob.every((part, index) => index === 0 || (part as (segment: string) => boolean)(path[offset + index - 1]));
  }
  // Every glob position reachable after each segment, each once: a mark per position and step.
  const reachedAt = new Int32Array(glob.length + 1).fill(-1);
  let step = 0;
  const reach = (positions: number[], from: number) => {
    // `**` may stand for no segment: what follows it is reached too.
    for (let position = from; reachedAt[position] !== step; position++) {
      reachedAt[position] = step;
      positions.push(position);
      if (!isGlobstar(glob[position])) return;
    }
  };
  let positions: number[] = [];
  reach(positions, 0);
  for (const segment of path) {
    step++;
    const next: number[] = [];
    for (const position of positions) {
      const part = glob[position];
      if (part === 'globstar' || (part === 'visibleGlobstar' && !segment.startsWith('.'))) reach(next, position);
      else if (typeof part === 'function' && part(segment)) reach(next, position + 1);
    }
    if (next.length === 0) return false;
    positions = next;
  }
  return reachedAt[glob.length] === step;
}

/** The test of one glob segment; without `dot`, a name starting with a dot passes only a segment that does. */
function segmentTest(tokens: Token[], caseSensitive: boolean, dot: boolean): (segment: string) => boolean {
  const test = shapedSegmentTest(tokens, caseSensitive);
  const first = tokens[0];
  if (dot || (first?.kind === 'literal' && first.character === '.')) return test;
  return (segment) => !segment.startsWith('.') && test(segment);
}

/** The test of one glob segment, with the common shapes ("name.md", "*.md", "draft*", "*") as plain string tests. */
function shapedSegmentTest(tokens: Token[], caseSensitive: boolean): (segment: string) => boolean {
  const literal = (from: number, to: number) => {
    const part = tokens.slice(from, to);
    return part.every((token) => token.kind === 'literal') ? part.map((token) => token.character).join('') : undefined;
  };
  const whole = literal(0, tokens.length);
  if (whole !== undefined) return (segment) => segment === whole;
  if (tokens.length === 1 && tokens[0].kind === 'star') return () => true;
  const suffix = tokens[0].kind === 'star' ? literal(1, tokens.length) : undefined;
  if (suffix !== undefined) return (segment) => segment.endsWith(suffix);
  const prefix = tokens[tokens.length - 1].kind === 'star' ? literal(0, tokens.length - 1) : undefined;
  if (prefix !== undefined) return (segment) => segment.startsWith(prefix);
  return (segment) => matchesSegment(tokens, segment, caseSensitive);
}

/** Whether one path segment matches the tokens of one glob segment, all token positions at once. */
function matchesSegment(tokens: Token[], segment: string, caseSensitive: boolean): boolean {
  // reachable[i]: the segment read so far can be matched by tokens[0, i).
  let reachable = new Uint8Array(tokens.length + 1);
  reachable[0] = 1;
  closeOverStars(tokens, reachable);
  for (let at = 0; at < segment.length; at++) {
    const character = segment[at];
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let index = 0; index < tokens.length; index++) {
      if (reachable[index] === 0) continue;
      const token = tokens[index];
      if (token.kind === 'star') {
        next[index] = 1;
        any = true;
      } else if (token.kind === 'any' || (token.kind === 'literal' ? token.character === character : inClass(token, character, caseSensitive))) {
        next[index + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    closeOverStars(tokens, next);
    reachable = next;
  }
  return reachable[tokens.length] === 1;
}

/** `*` may stand for no character. */
function closeOverStars(tokens: Token[], reachable: Uint8Array): void {
  for (let index = 0; index < tokens.length; index++) {
    if (reachable[index] === 1 && tokens[index].kind === 'star') reachable[index + 1] = 1;
  }
}

function inClass(token: Extract<Token, { kind: 'class' }>, character: string, caseSensitive: boolean): boolean {
  // Ignoring case, the path is lower case; a class may name capitals ("[A-Z]"), so both cases are tried.
  const upper = caseSensitive ? character : character.toUpperCase();
  const inRanges = token.ranges.some(([first, last]) => (first <= character && character <= last) || (first <= upper && upper <= last));
  return inRanges !== token.negated;
}

type GoToken = Token | { kind: 'superstar' };

/**
 * A glob as Go's gobwas/glob matches it with `/` as the separator, which Hugo uses for a cascade's
 * `_target`: `*` and `?` within a path segment, `**` across segments (`/blog/**` does not match
 * `/blog`, and `/g**` matches `/g1/x.md`), classes and braces. Matched like the globs above, every
 * position at once, so a hostile pattern costs its length times the text's.
 */
export function compileGoGlob(pattern: string): (text: string) => boolean {
  const spellings = (pattern.split('{').length - 1 > MAX_BRACES ? [pattern.replaceAll('{', '\\{')] : expandBraces(pattern)).map((spelling) => tokenize(spelling, true));
  return (text) => spellings.some((tokens) => prefixAndSuffix(tokens)?.(text) ?? matchesGoTokens(tokens, text));
}

/**
 * gobwas/glob compiles a prefix, `**` and a suffix to a test of the prefix and the suffix that lets them
 * overlap: for Hugo, `/g/**` followed by `/x.md` matches `/g/x.md`. Undefined for any other shape.
 */
function prefixAndSuffix(tokens: GoToken[]): ((text: string) => boolean) | undefined {
  const star = tokens.findIndex((token) => token.kind === 'superstar');
  const literal = (part: GoToken[]) => (part.every((token) => token.kind === 'literal') ? part.map((token) => (token as { character: string }).character).join('') : undefined);
  const prefix = literal(tokens.slice(0, star));
  const suffix = literal(tokens.slice(star + 1));
  if (star <= 0 || star === tokens.length - 1 || prefix === undefined || suffix === undefined) return undefined;
  return (text) => text.startsWith(prefix) && text.endsWith(suffix);
}

function matchesGoTokens(tokens: GoToken[], text: string): boolean {
  const close = (reachable: Uint8Array) => {
    for (let index = 0; index < tokens.length; index++) {
      const kind = tokens[index].kind;
      if (reachable[index] === 1 && (kind === 'star' || kind === 'superstar')) reachable[index + 1] = 1;
    }
  };
  let reachable = new Uint8Array(tokens.length + 1);
  reachable[0] = 1;
  close(reachable);
  for (const character of text) {
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let index = 0; index < tokens.length; index++) {
      if (reachable[index] === 0) continue;
      const token = tokens[index];
      const within = character !== '/';
      if (token.kind === 'superstar' || (token.kind === 'star' && within)) next[index] = 1;
      else if ((token.kind === 'any' && within) || (token.kind === 'literal' && token.character === character) || (token.kind === 'class' && within && inClass(token, character, true))) next[index + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    close(next);
    reachable = next;
  }
  return reachable[tokens.length] === 1;
}

