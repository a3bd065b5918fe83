/**
 * Glob matching for the `include` and `exclude` settings, which come from the repository's own
 * configuration and so are hostile input. A regular expression compiled from a glob backtracks:
 * `*a*a*a…*b` against a name of 40 "a"s takes minutes, for every file of the walk. Here a glob is
 * matched by simulating all its positions at once, in time proportional to the length of the path
 * times the length of the glob, whatever the glob.
 *
 * Supported: `**` as zero or more whole path segments, `*` and `?` within a segment, classes `[abc]`,
 * `[a-z]`, `[!a-z]` (or `[^a-z]`), `\` to escape, braces `{a,b}` (nested; at most
 * MAX_ALTERNATIVES spellings, beyond which the rest stay literal) and `!glob` to exclude again what
 * an earlier glob took in. Case is ignored and `*` matches names starting with a dot.
 */

/**
 * Whether a path matches a list of globs: the last glob that matches it decides, `!glob` meaning no.
 * A folder also matches a glob that takes in everything below it ("x/**" matches the folder "x"), so
 * a walk can leave an excluded folder out without listing it; a file does not.
 */
export type PathMatcher = (relativePath: string, isFolder?: boolean) => boolean;

const MAX_ALTERNATIVES = 256;

type Token = { kind: 'literal'; character: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };

/** A segment is `**` or the tokens of one path segment. */
type Segment = 'globstar' | Token[];

interface CompiledGlob {
  negated: boolean;
  /** One list of segments per spelling of its braces. */
  spellings: Segment[][];
  /** The same for files: a last `**` stands for one segment or more. */
  fileSpellings: Segment[][];
}

export function compileGlobs(globs: readonly string[]): PathMatcher {
  const compiled = globs.map(compileGlob);
  return (relativePath, isFolder = false) => {
    const segments = relativePath.toLowerCase().split('/');
    let matched = false;
    for (const glob of compiled) {
      if (matched !== glob.negated) continue; // It could not change the answer.
      if ((isFolder ? glob.spellings : glob.fileSpellings).some((spelling) => matchesSegments(spelling, segments))) matched = !glob.negated;
    }
    return matched;
  };
}

function compileGlob(glob: string): CompiledGlob {
  const negated = glob.startsWith('!');
  const body = (negated ? glob.slice(1) : glob).replace(/^(?:\.\/)+/, '');
  const spellings = expandBraces(body).map((spelling) => spelling.split('/').map((segment): Segment => (segment === '**' ? 'globstar' : tokenize(segment.toLowerCase()))));
  const fileSpellings = spellings.map((segments) => (segments[segments.length - 1] === 'globstar' ? [...segments, [{ kind: 'star' } as const]] : segments));
  return { negated, spellings, fileSpellings };
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

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < segment.length; at++) {
    const character = segment[at];
    if (character === '\\' && at + 1 < segment.length) tokens.push({ kind: 'literal', character: segment[++at] });
    else if (character === '?') tokens.push({ kind: 'any' });
    else if (character === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '[') {
      const parsed = parseClass(segment, at);
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
 * Whether path segments match the segments of a glob: the set of glob positions reachable after
 * each path segment, at most one entry per glob segment, so no choice is ever tried twice.
 */
function matchesSegments(glob: Segment[], path: string[]): boolean {
  let positions = withGlobstarsSkipped(glob, new Set([0]));
  for (const segment of path) {
    const next = new Set<number>();
    for (const position of positions) {
      const part = glob[position];
      if (part === undefined) continue;
      if (part === 'globstar') {
        next.add(position);
      } else if (matchesSegment(part, segment)) next.add(position + 1);
    }
    positions = withGlobstarsSkipped(glob, next);
    if (positions.size === 0) return false;
  }
  return positions.has(glob.length);
}

/** `**` may stand for no segment at all. */
function withGlobstarsSkipped(glob: Segment[], positions: Set<number>): Set<number> {
  for (const position of positions) {
    if (glob[position] === 'globstar') positions.add(position + 1);
  }
  return positions;
}

/** Whether one path segment matches the tokens of one glob segment, all token positions at once. */
function matchesSegment(tokens: Token[], segment: string): boolean {
  // reachable[i]: the segment read so far can be matched by tokens[0, i).
  let reachable = new Uint8Array(tokens.length + 1);
  reachable[0] = 1;
  closeOverStars(tokens, reachable);
  for (const character of segment) {
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let index = 0; index < tokens.length; index++) {
      if (reachable[index] === 0) continue;
      const token = tokens[index];
      if (token.kind === 'star') {
        next[index] = 1;
        any = true;
      } else if (token.kind === 'any' || (token.kind === 'literal' ? token.character === character : inClass(token, character))) {
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

function inClass(token: Extract<Token, { kind: 'class' }>, character: string): boolean {
  // The path is lower case; a class may name capitals ("[A-Z]"), so both cases are tried.
  const upper = character.toUpperCase();
  const inRanges = token.ranges.some(([first, last]) => (first <= character && character <= last) || (first <= upper && upper <= last));
  return inRanges !== token.negated;
}
